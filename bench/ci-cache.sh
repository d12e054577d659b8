#!/usr/bin/env bash
# What a CI job that re-checks unchanged drafts costs with copydesk's cache kept between jobs, as
# the README's recipes keep it (actions/cache, GitLab's cache:), and without. Every job runs as CI
# does (CI=true: in process, no background server) in a cache folder of its own:
#   without: the folder empty, as in a job with no cache kept;
#   with:    the folder restored from the archive the previous job saved (tar and gzip, as both
#            services store it), the restore timed with the check; the services' upload and
#            download are not included (they depend on the service and the network).
# Jobs run interleaved (without, with, without, with...); the script prints medians, the
# archive's size and what saving it took.
# Usage: bench/ci-cache.sh [RUNS] [FOLDER]   (defaults: 3, ../shared/corpus/brown-press)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
folder="${2:-$here/../shared/corpus/brown-press}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CI=true

"$here/copydesk" rules >/dev/null   # build first: the build is not part of any timing

# Each job as a script, so that /usr/bin/time can run it.
cat >"$work/without" <<JOB
#!/usr/bin/env bash
rm -rf "$work/job"
exec "$here/copydesk" check --cache-dir "$work/job" --fail-on never "$folder"
JOB
cat >"$work/with" <<JOB
#!/usr/bin/env bash
rm -rf "$work/job"
tar -C "$work" -xzf "$work/cache.tar.gz"
exec "$here/copydesk" check --cache-dir "$work/job" --fail-on never "$folder"
JOB
cat >"$work/save" <<JOB
#!/usr/bin/env bash
exec tar -C "$work" -czf "$work/cache.tar.gz" job
JOB
chmod +x "$work/without" "$work/with" "$work/save"

seconds() {
  /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time"   # time writes "Command exited with non-zero status" above the figure
}
median() {
  sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# The previous job: it filled the cache, and the service saved it.
"$work/without" >/dev/null 2>&1 || true
save="$(seconds "$work/save")"
for _ in $(seq "$runs"); do
  seconds "$work/without" >>"$work/times-without"
  seconds "$work/with" >>"$work/times-with"
done

without="$(median <"$work/times-without")"
with="$(median <"$work/times-with")"
echo "folder: $folder ($(ls "$folder" | wc -l) drafts, $(cat "$folder"/* | wc -w) words); $(nproc) cores; CI=true"
printf '%-48s %8s   (%s)\n' "re-run, no cache kept" "$without s" "$(tr '\n' ' ' <"$work/times-without")"
printf '%-48s %8s   (%s)\n' "re-run, cache restored from the last job's" "$with s" "$(tr '\n' ' ' <"$work/times-with")"
echo "cache archive: $(du -k "$work/cache.tar.gz" | cut -f1) KB gzipped ($(du -sk "$work/job" | cut -f1) KB on disk, $(find "$work/job" -type f | wc -l) files); saving it took $save s"
awk -v a="$with" -v b="$without" 'BEGIN { printf "with / without: %.3f\n", a / b }'
