#!/usr/bin/env bash
# Rebuilds the word lists the spelling rule weighs evidence with, from SCOWL (Spell Checker
# Oriented Word Lists, Kevin Atkinson; Debian package 'scowl'; licence in SCOWL-COPYRIGHT):
#   names.txt.gz        every capitalised entry of SCOWL's proper-name and upper-case lists, all
#                       sizes and variants: people, places, organisations (a gazetteer);
#   word-levels.txt.gz  "word<TAB>level" for SCOWL's words up to size 70, the level saying how
#                       common (10: the commonest thousands, 50: a large dictionary's, 70: rare);
#   variants.txt.gz     SCOWL's variant spellings ("employe", "altho", "cigaret"), all sizes.
# Usage: rules/word-lists/update.sh   (needs apt-get download and dpkg-deb; run as any user)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download scowl >/dev/null && dpkg-deb -x scowl_*.deb x)
lists="$work/x/usr/share/dict/scowl"
cp "$work/x/usr/share/doc/scowl/copyright" "$here/SCOWL-COPYRIGHT"
cat "$lists"/*-proper-names.* "$lists"/*-upper.* \
  | grep -v "'s$" | grep '^[[:upper:]]' | LC_ALL=C sort -u | gzip -9n >"$here/names.txt.gz"
for level in 10 20 35 40 50 55 60 70; do
  cat "$lists"/{english,american,british,canadian,australian}-words."$level" 2>/dev/null | grep -v "'s$" | grep '^[[:lower:]]' | sed "s/\$/\t$level/"
done | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n | awk -F '\t' '!seen[$1]++' | gzip -9n >"$here/word-levels.txt.gz"
cat "$lists"/*variant_*-words.* | grep -v "'s$" | grep '^[[:lower:]]' | LC_ALL=C sort -u | gzip -9n >"$here/variants.txt.gz"
echo "names: $(zcat "$here/names.txt.gz" | wc -l); word levels: $(zcat "$here/word-levels.txt.gz" | wc -l); variants: $(zcat "$here/variants.txt.gz" | wc -l)"
