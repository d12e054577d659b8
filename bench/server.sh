#!/usr/bin/env bash
# Measures a check through a warm background server (copydesk check --daemon) against the same
# check in a fresh JVM, in the same run, and prints medians and the ratio:
#   warm:  copydesk check --daemon DRAFT, the server already running (RUNS runs);
#   cold:  copydesk check --no-cache DRAFT, LanguageTool started in the run (3 runs);
#   floor: copydesk --version, the JVM and command-line start alone (RUNS runs);
# and the server's memory (resident now, and its peak) after those checks, then after it has
# checked FOLDER too, through check --daemon.
# Usage: bench/server.sh [RUNS] [DRAFT] [FOLDER]
#   (defaults: 10, ../shared/seed-article.txt, ../shared/corpus/brown-press)
# The background server lives in a temporary cache folder and is stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
draft="${2:-$here/../shared/seed-article.txt}"
folder="${3:-$here/../shared/corpus/brown-press}"
work="$(mktemp -d)"
export XDG_CACHE_HOME="$work/cache"
trap '"$here/copydesk" serve --stop-daemons >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

"$here/copydesk" rules >/dev/null   # build first: the build is not part of any timing

# Wall seconds of one run of a command (its exit code is not the point: findings exit 1).
seconds() {
  /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time"   # time writes "Command exited with non-zero status" above the figure
}
median() {
  sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

echo "starting the background server (first run: builds its class archive, starts LanguageTool)..."
seconds "$here/copydesk" check --daemon "$draft" >/dev/null
seconds "$here/copydesk" check --daemon "$draft" >/dev/null   # the client's class archive is recorded here

for _ in $(seq "$runs"); do seconds "$here/copydesk" check --daemon "$draft"; done >"$work/warm"
for _ in $(seq 3); do seconds "$here/copydesk" check --no-daemon --no-cache "$draft"; done >"$work/cold"
for _ in $(seq "$runs"); do seconds "$here/copydesk" --version; done >"$work/floor"

# The server's memory, from /proc: resident (VmRSS) and the peak (VmHWM), in MB.
memory() {
  local pid
  pid="$(sed -n 's/^pid=//p' "$XDG_CACHE_HOME"/copydesk/daemons/*.state)"
  awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$pid/status"
}
after_draft="$(memory)"
after_folder="(no folder)"
if [ -d "$folder" ]; then
  "$here/copydesk" check --daemon --fail-on never "$folder" >/dev/null 2>&1 || true
  after_folder="$(memory)"
fi

warm="$(median <"$work/warm")"
cold="$(median <"$work/cold")"
floor="$(median <"$work/floor")"
echo
echo "draft: $draft ($(nproc) cores)"
printf '%-44s %8s\n' "run" "median s"
printf '%-44s %8s   (%s)\n' "warm server: check --daemon" "$warm" "$(tr '\n' ' ' <"$work/warm")"
printf '%-44s %8s   (%s)\n' "cold JVM: check --no-cache" "$cold" "$(tr '\n' ' ' <"$work/cold")"
printf '%-44s %8s   (%s)\n' "JVM + command line alone: --version" "$floor" "$(tr '\n' ' ' <"$work/floor")"
echo "server memory after the draft's checks: $after_draft"
echo "server memory after checking $folder too: $after_folder"
awk -v w="$warm" -v c="$cold" -v f="$floor" 'BEGIN {
  printf "warm / cold: %.3f; warm - floor: %.2f s (the request, the draft read and the report)\n", w / c, w - f }'
