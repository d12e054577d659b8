#!/usr/bin/env bash
# Times copydesk on the drafts that kill CI jobs: one 20 MB line, and 100,000 short lines, with
# wall time and peak memory (GNU time's maximum resident set size). Anyone can rerun it.
#   bench/long-drafts.sh [TIME_BUDGET]     (default 60s)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
budget="${1:-60s}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export COPYDESK_DAEMON=0   # the in-process check's time and memory, as CI pays them, even from a terminal
python3 - "$work" <<'PY'
import random, sys
random.seed(7)
words = "the minister said talks would resume on monday after a week of strikes across the country".split()
with open(sys.argv[1] + "/one-line-20mb.txt", "w") as f:
    text = " ".join(random.choice(words) for _ in range(3_600_000))
    f.write(text[:20 * 1024 * 1024])
with open(sys.argv[1] + "/100k-lines.txt", "w") as f:
    for _ in range(100_000):
        f.write(" ".join(random.choice(words) for _ in range(6)).capitalize() + ".\n")
PY
"$here/copydesk" rules >/dev/null  # build first, so the build is not timed
for draft in one-line-20mb.txt 100k-lines.txt; do
  for limit in default 30MB; do
    size_option=()
    [ "$limit" = default ] || size_option=(--max-size "$limit")
    set +e
    /usr/bin/time -f "%e %M" -o "$work/time" "$here/copydesk" check --time-budget "$budget" "${size_option[@]}" \
      "$work/$draft" >/dev/null 2>"$work/err"
    code=$?
    set -e
    read -r wall rss < <(tail -n 1 "$work/time")
    printf '%-18s max-size %-8s exit %d  %6.1f s wall  %5d MB peak RSS  %s\n' "$draft" "$limit" "$code" "$wall" \
      $((rss / 1024)) "$(grep -v '^Command exited' "$work/err" | sed "s|$work/||" | head -1)"
  done
done
