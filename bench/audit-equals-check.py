#!/usr/bin/env python3
"""Done-when check of issue 18: `copydesk audit` writes exactly `check --no-cache`'s findings.

Runs `./copydesk audit INPUT --output DIR --format jsonl` and `./copydesk check --no-cache
--format json INPUT` on the same files, from the same folder (so paths are spelled alike), and
compares the (path, rule, offset, length) sets exactly. Prints both counts and every difference;
exits 1 on any difference or a run that failed, 0 when they agree. Also checks summary/ exists.
Usage: bench/audit-equals-check.py [INPUT]   (default ../shared/corpus/brown-press)
Run it under the cpu lock: flock /tmp/copydesk-cpu.lock bench/audit-equals-check.py
"""
import glob, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/brown-press"
env = dict(os.environ, COPYDESK_DAEMON="0")
launcher = os.path.join(here, "copydesk")

with tempfile.TemporaryDirectory(prefix="audit-equals-") as tmp:
    out = os.path.join(tmp, "audit")
    audit = subprocess.run([launcher, "audit", source, "--output", out, "--format", "jsonl"],
                           cwd=here, env=env, capture_output=True, text=True)
    if audit.returncode != 0:
        sys.exit(f"audit exited {audit.returncode}: {audit.stderr.strip()}")
    audited = set()
    rows = 0
    for part in glob.glob(os.path.join(out, "findings", "*.json")):
        with open(part, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows += 1
                audited.add((r["id"], r["rule"], r["offset"], r["length"]))
    summaries = glob.glob(os.path.join(out, "summary", "*.json"))
    errors = sum(1 for p in glob.glob(os.path.join(out, "errors", "*.json")) for _ in open(p, encoding="utf-8"))

    check = subprocess.run([launcher, "check", "--no-cache", "--format", "json", source],
                           cwd=here, env=env, capture_output=True, text=True)
    if check.returncode not in (0, 1):  # 1 means findings, as check reports them
        sys.exit(f"check exited {check.returncode}: {check.stderr.strip()}")
    checked = set()
    check_rows = 0
    for file in json.loads(check.stdout)["files"]:
        for finding in file["findings"]:
            check_rows += 1
            checked.add((file["path"], finding["rule"], finding["offset"], finding["length"]))

print(f"input: {source}")
print(f"audit findings rows: {rows} ({len(audited)} distinct), errors/ rows: {errors}, summary/ parts: {len(summaries)}")
print(f"check findings:      {check_rows} ({len(checked)} distinct)")
only_audit = sorted(audited - checked)
only_check = sorted(checked - audited)
for row in only_audit[:50]:
    print("only in audit:", row)
for row in only_check[:50]:
    print("only in check:", row)
same = not only_audit and not only_check and rows == check_rows and summaries and errors == 0
print(("SAME" if same else "DIFFERENT") + f": {len(only_audit)} only in audit, {len(only_check)} only in check")
sys.exit(0 if same else 1)
