#!/usr/bin/env bash
# Checks that a change left copydesk's behaviour alone: builds REV (default: main's first
# parent, HEAD~1 when HEAD is main) in a temporary worktree and the working tree as it is, runs
# `check --format json --no-cache` of each over the same inputs from the same folder, and
# compares the outputs and exit codes byte for byte. Prints one line per input set and exits 1
# on any difference, leaving both outputs under target/same-findings/ to diff.
# Usage: bench/same-findings.sh [REV] [INPUT...]
#   default inputs: fixtures/, ../shared/corpus/brown-press, ../shared/corpus/news-2019/bodies
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD~1}"
shift || true
inputs=("$@")
if [ "${#inputs[@]}" -eq 0 ]; then
  inputs=(fixtures ../shared/corpus/brown-press ../shared/corpus/news-2019/bodies)
fi
out="$here/target/same-findings"
base="$out/base-tree"
rm -rf "$out"
mkdir -p "$out"
cleanup() { git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || true; }
trap cleanup EXIT

git -C "$here" worktree add --detach "$base" "$rev" >/dev/null 2>&1
echo "building $rev and the working tree..." >&2
mvn -B -q -f "$base/pom.xml" -DskipTests package >"$out/base-build.log" 2>&1
mvn -B -q -f "$here/pom.xml" -DskipTests package >"$out/new-build.log" 2>&1

# run SIDE JAR INPUT: the JSON report and exit code of one side, named after the input.
run() {
  local side="$1" jar="$2" input="$3" name
  name="$(echo "$input" | tr '/.' '__')"
  local code=0
  (cd "$here" && java -XX:+UseSerialGC -Xmx1g -jar "$jar" check --format json --no-cache --no-config "$input") \
    >"$out/$side-$name.json" 2>"$out/$side-$name.err" || code=$?
  echo "$code" >"$out/$side-$name.code"
}

status=0
for input in "${inputs[@]}"; do
  run base "$base/target/copydesk.jar" "$input"
  run new "$here/target/copydesk.jar" "$input"
  name="$(echo "$input" | tr '/.' '__')"
  findings=$(grep -c '"rule"' "$out/new-$name.json" || true)
  if cmp -s "$out/base-$name.json" "$out/new-$name.json" && cmp -s "$out/base-$name.code" "$out/new-$name.code" \
      && cmp -s "$out/base-$name.err" "$out/new-$name.err"; then
    echo "same: $input ($findings findings, $(wc -c <"$out/new-$name.json") bytes, exit $(cat "$out/new-$name.code"))"
  else
    echo "DIFFERENT: $input (diff $out/base-$name.json $out/new-$name.json)"
    status=1
  fi
done
exit "$status"
