#!/usr/bin/env bash
# Issue 18: Spark must stay out of `copydesk check`. Builds REV (default 2749570, before the audit
# work) in a temporary worktree and the working tree, then prints for each: the jar's bytes, the
# bytes of everything on its Class-Path (target/lib), and the median of RUNS cold start-ups
# (`java -jar copydesk.jar --version`, the launcher's flags, no daemon, no archive).
# Usage (under the cpu lock): flock /tmp/copydesk-cpu.lock bench/check-footprint.sh [REV] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-2749570}"
runs="${2:-7}"
base="$(mktemp -d)/base"
cleanup() { git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || true; }
trap cleanup EXIT
git -C "$here" worktree add --detach "$base" "$rev" >/dev/null 2>&1
mvn -B -o -q -f "$base/pom.xml" -DskipTests package >/dev/null
mvn -B -o -q -f "$here/pom.xml" -DskipTests package >/dev/null

measure() {
  local name="$1" tree="$2" times=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    java -XX:+UseParallelGC -XX:-UsePerfData -Xss4m -Xmx1g -XX:TieredStopAtLevel=1 -jar "$tree/target/copydesk.jar" --version >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  local spark
  spark=$(ls "$tree/target/lib" | grep -ci spark || true)
  echo "$name: jar $(stat -c %s "$tree/target/copydesk.jar") bytes, lib/ $(du -sb "$tree/target/lib" | cut -f1) bytes in $(ls "$tree/target/lib" | wc -l) jars ($spark Spark), start-up median ${median} ms of $runs (${times[*]})"
}
measure "$rev" "$base"
measure "working tree" "$here"
