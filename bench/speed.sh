#!/usr/bin/env bash
# Measures copydesk against LanguageTool's own command line (languagetool-commandline 6.8,
# fetched from Maven Central by this script) on the same inputs in the same run, and prints
# medians and ratios:
#   (a) one short draft from a cold start (the seed article);
#   (b) a folder of drafts in one invocation (words a second, peak memory);
#   (c) the same folder again, unchanged (copydesk's cache warm);
#   (d) the folder with one paragraph of one draft changed;
#   (e) a person re-checking the draft at a terminal: one paragraph changed before each run, checked
#       through the background server that check uses by default there, against LanguageTool's
#       command line on the same file in the same run; (e0) is the first run, which starts it.
# Rows (a) to (d) run in process (COPYDESK_DAEMON=0), as CI runs them.
# Usage: [ROWS=abcde] bench/speed.sh [RUNS] [FOLDER] [DRAFT]
#   defaults: 5 runs for (a) and (e), 3 for the others; ../shared/corpus/brown-press; ../shared/seed-article.txt
#   ROWS picks rows: ROWS=ae bench/speed.sh 7 times only the single draft, cold and re-checked.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
folder="${2:-$here/../shared/corpus/brown-press}"
draft="${3:-$here/../shared/seed-article.txt}"
rows="${ROWS:-abcde}"
want() { [[ "$rows" == *"$1"* ]]; }
work="$(mktemp -d)"
person_cache="$work/person-cache"
stop_servers() {
  for folder in "$person_cache" "$work/untimed"; do
    "$here/copydesk" serve --stop-daemons --cache-dir "$folder" >/dev/null 2>&1 || true
  done
}
trap 'stop_servers; rm -rf "$work"' EXIT
export COPYDESK_DAEMON=0

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

want a && for _ in $(seq "$runs"); do
  time_of a_copydesk "$here/copydesk" check --no-cache --fail-on never "$draft"
  time_of a_languagetool "$languagetool" "$draft"
done

rest=$(( runs < 3 ? runs : 3 ))
cache="$work/cache"
want b && for _ in $(seq "$rest"); do
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

# (e) As a person at a terminal: script(1) from util-linux runs the launcher on a terminal of its
# own, so it sees one on standard input and standard error exactly as at a prompt (without
# script, COPYDESK_STDIN_TERMINAL=1 tells copydesk the same), with every CI variable the launcher
# knows and COPYDESK_DAEMON unset. The server lives in a cache folder of this run's, stopped at
# the end.
if want e; then
  ci_variables=$(sed -n '/^ci_variables=(/,/)/p' "$here/copydesk" | tr -d '()' | sed 's/ci_variables=//')
  unset_them="-u COPYDESK_DAEMON -u COPYDESK_STDIN_TERMINAL -u COPYDESK_STDERR_TERMINAL"
  for variable in $ci_variables; do unset_them="$unset_them -u $variable"; done
  person="$work/person"
  if command -v script >/dev/null 2>&1; then
    cat >"$person" <<SCRIPT
#!/usr/bin/env bash
exec env $unset_them script -qec "\$(printf '%q ' "\$@")" /dev/null
SCRIPT
  else
    cat >"$person" <<SCRIPT
#!/bin/sh
exec env $unset_them COPYDESK_STDIN_TERMINAL=1 "\$@"
SCRIPT
  fi
  chmod +x "$person"
  edited="$work/$(basename "$draft")"
  cp "$draft" "$edited"
  # A first run after a build records the launcher's class archive for checks through a server and
  # the speller's archive: once, untimed, so (e0) is the first run of a working day, not of a build.
  "$person" "$here/copydesk" check --cache-dir "$work/untimed" --fail-on never "$edited" >/dev/null 2>&1 || true
  "$here/copydesk" serve --stop-daemons --cache-dir "$work/untimed" >/dev/null 2>&1
  time_of e0_copydesk "$person" "$here/copydesk" check --cache-dir "$person_cache" --fail-on never "$edited"
  for i in $(seq "$runs"); do
    # A new sentence in the third paragraph: the cache has every paragraph but that one.
    cp "$draft" "$edited"
    sed -i "3s/\$/ In run $i the mayor said the report would be published on Monday./" "$edited"
    time_of e_copydesk "$person" "$here/copydesk" check --cache-dir "$person_cache" --fail-on never "$edited"
    time_of e_languagetool "$languagetool" "$edited"
  done
  if [ -z "$(ls "$person_cache/daemons/"*.state 2>/dev/null)" ]; then
    echo "(e): no background server is running: the runs were in process, not as a person's" >&2
  fi
fi

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
want a && report "(a) cold check of one draft" a
want b && report "(b) the folder in one invocation" b
want b && report "(c) the folder again, unchanged" c
want b && report "(d) the folder, one paragraph changed" d
want e && report "(e0) first check at a terminal (starts it)" e0
want e && report "(e) terminal re-check, one paragraph new" e
want b || exit 0
b_ours=$(column_of b_copydesk 1 | median); b_theirs=$(column_of b_languagetool 1 | median)
printf 'words a second: copydesk %.0f, LanguageTool CLI %.0f\n' "$(echo "$words / $b_ours" | bc -l)" "$(echo "$words / $b_theirs" | bc -l)"
printf 'peak memory (median RSS, MB): copydesk %d, LanguageTool CLI %d\n' \
  "$(( $(column_of b_copydesk 2 | median | cut -d. -f1) / 1024 ))" "$(( $(column_of b_languagetool 2 | median | cut -d. -f1) / 1024 ))"
printf '(c) / (b) = %.3f\n' "$(echo "$(column_of c_copydesk 1 | median) / $b_ours" | bc -l)"
