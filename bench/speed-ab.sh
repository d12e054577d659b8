#!/usr/bin/env bash
# Speed of the working tree against another revision, measured in the same minutes: builds REV
# in a temporary worktree, then runs both trees' launchers turn about (A B A B ...) so that the
# machine's drift hits both alike, and prints medians and the ratio new/base:
#   (a) the seed article from a cold start, no cache;
#   (b) a folder of drafts in one invocation, no cache;
#   (c) the same folder again with a warm cache (each tree its own cache folder).
# Usage: bench/speed-ab.sh [REV] [RUNS_A] [RUNS_BC] [FOLDER]
#   defaults: HEAD~1; 7 runs for (a), 3 for (b) and (c); ../shared/corpus/news-2019/bodies
set -euo pipefail
# Both trees checked in process, as a cold run is: a terminal would send them to a background server.
export COPYDESK_DAEMON=0
here="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD~1}"
runs_a="${2:-7}"
runs_bc="${3:-3}"
folder="${4:-$here/../shared/corpus/news-2019/bodies}"
draft="$here/../shared/seed-article.txt"
work="$(mktemp -d)"
base="$work/base-tree"
cleanup() { git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

git -C "$here" worktree add --detach "$base" "$rev" >/dev/null 2>&1
echo "building $rev and the working tree..." >&2
"$base/copydesk" rules >/dev/null
"$here/copydesk" rules >/dev/null
# One run each first: the launcher records its class-data archive and the speller archive.
"$base/copydesk" check --no-cache "$draft" >/dev/null 2>&1 || true
"$here/copydesk" check --no-cache "$draft" >/dev/null 2>&1 || true

# seconds LABEL COMMAND...: appends one run's wall seconds to $work/LABEL
seconds() {
  local label="$1"; shift
  /usr/bin/time -f "%e" -o "$work/one" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/one" >>"$work/$label"
}
median() { sort -n "$work/$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
report() {
  local what="$1" b n
  b=$(median "$what.base"); n=$(median "$what.new")
  printf '%-44s base %6s s   new %6s s   new/base %s\n' "$what" "$b" "$n" "$(awk -v b="$b" -v n="$n" 'BEGIN {printf "%.2f", n/b}')"
}

for _ in $(seq "$runs_a"); do
  seconds "a-seed-cold.base" "$base/copydesk" check --no-cache "$draft"
  seconds "a-seed-cold.new" "$here/copydesk" check --no-cache "$draft"
done
for _ in $(seq "$runs_bc"); do
  seconds "b-folder-no-cache.base" "$base/copydesk" check --no-cache "$folder"
  seconds "b-folder-no-cache.new" "$here/copydesk" check --no-cache "$folder"
done
"$base/copydesk" check --cache-dir "$work/cache-base" "$folder" >/dev/null 2>&1 || true
"$here/copydesk" check --cache-dir "$work/cache-new" "$folder" >/dev/null 2>&1 || true
for _ in $(seq "$runs_bc"); do
  seconds "c-folder-warm-cache.base" "$base/copydesk" check --cache-dir "$work/cache-base" "$folder"
  seconds "c-folder-warm-cache.new" "$here/copydesk" check --cache-dir "$work/cache-new" "$folder"
done

echo "base: $rev ($(git -C "$here" rev-parse --short "$rev")); new: the working tree; $(nproc) cores; medians of interleaved runs"
report a-seed-cold
report b-folder-no-cache
report c-folder-warm-cache
