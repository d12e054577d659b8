#!/usr/bin/env bash
# Measures copydesk against LanguageTool's own command line (languagetool-commandline 6.8,
# fetched from Maven Central by this script) on the same inputs in the same run, and prints
# medians and ratios:
#   (a) one short draft from a cold start (the seed article);
#   (b) a folder of drafts in one invocation (words a second, peak memory);
#   (c) the same folder again, unchanged (copydesk's cache warm);
#   (d) the folder with one paragraph of one draft changed.
# Usage: bench/speed.sh [RUNS] [FOLDER] [DRAFT]
#   defaults: 5 runs for (a), 3 for the others; ../shared/corpus/brown-press; ../shared/seed-article.txt
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
folder="${2:-$here/../shared/corpus/brown-press}"
draft="${3:-$here/../shared/seed-article.txt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

lt="$here/target/bench/languagetool-cli"
if [ ! -d "$lt/lib" ]; then
  mkdir -p "$lt"
  cat >"$lt/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>languagetool-cli</artifactId><version>1</version>
<dependencies>
<dependency><groupId>org.languagetool</groupId><artifactId>languagetool-commandline</artifactId><version>6.8</version></dependency>
<dependency><groupId>org.languagetool</groupId><artifactId>language-en</artifactId><version>6.8</version></dependency>
<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>2.0.16</version></dependency>
</dependencies></project>
POM
  mvn -B -q -f "$lt/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lt/lib" >/dev/null
fi
"$here/copydesk" rules >/dev/null   # build first: the build is not part of any timing

# LanguageTool's command line as its README runs it, with the JVM's defaults. A script, not a
# shell function, so that /usr/bin/time can run it.
languagetool="$work/languagetool"
printf '#!/bin/sh\nexec java -cp "%s/lib/*" org.languagetool.commandline.Main -l en-US "$@"\n' "$lt" >"$languagetool"
chmod +x "$languagetool"

# time_of LABEL COMMAND...: wall seconds and peak RSS (MB) of one run, appended to $work/LABEL
time_of() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/one" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/one" >>"$work/$label"
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
column_of() { awk -v c="$2" '{print $c}' "$work/$1"; }

words=$(cat "$folder"/*.txt | wc -w)
echo "machine: $(nproc) cores; folder: $folder ($(ls "$folder"/*.txt | wc -l) drafts, $words words)"

for _ in $(seq "$runs"); do
  time_of a_copydesk "$here/copydesk" check --no-cache --fail-on never "$draft"
  time_of a_languagetool "$languagetool" "$draft"
done

rest=$(( runs < 3 ? runs : 3 ))
cache="$work/cache"
for _ in $(seq "$rest"); do
  rm -rf "$cache"
  time_of b_copydesk "$here/copydesk" check --cache-dir "$cache" --fail-on never "$folder"
  time_of c_copydesk "$here/copydesk" check --cache-dir "$cache" --fail-on never "$folder"
  cp -r "$folder" "$work/changed"
  first="$(ls "$work/changed"/*.txt | head -1)"
  # Change one paragraph: the first line of the first draft gets a new sentence.
  sed -i '1s/$/ The mayor said the report would be published on Monday./' "$first"
  time_of d_copydesk "$here/copydesk" check --cache-dir "$cache" --fail-on never "$work/changed"
  rm -rf "$work/changed"
  time_of b_languagetool "$languagetool" -r "$folder"
done

report() {
  local what="$1" label="$2"
  local ours theirs
  ours=$(column_of "${label}_copydesk" 1 | median)
  if [ -f "$work/${label}_languagetool" ]; then
    theirs=$(column_of "${label}_languagetool" 1 | median)
    printf '%-44s copydesk %7.2f s   LanguageTool CLI %7.2f s   ratio %.2f\n' "$what" "$ours" "$theirs" \
      "$(echo "$ours / $theirs" | bc -l)"
  else
    printf '%-44s copydesk %7.2f s\n' "$what" "$ours"
  fi
}
echo "medians of wall time:"
report "(a) cold check of one draft" a
report "(b) the folder in one invocation" b
report "(c) the folder again, unchanged" c
report "(d) the folder, one paragraph changed" d
b_ours=$(column_of b_copydesk 1 | median); b_theirs=$(column_of b_languagetool 1 | median)
printf 'words a second: copydesk %.0f, LanguageTool CLI %.0f\n' "$(echo "$words / $b_ours" | bc -l)" "$(echo "$words / $b_theirs" | bc -l)"
printf 'peak memory (median RSS, MB): copydesk %d, LanguageTool CLI %d\n' \
  "$(( $(column_of b_copydesk 2 | median | cut -d. -f1) / 1024 ))" "$(( $(column_of b_languagetool 2 | median | cut -d. -f1) / 1024 ))"
printf '(c) / (b) = %.3f\n' "$(echo "$(column_of c_copydesk 1 | median) / $b_ours" | bc -l)"
