#!/usr/bin/env python3
"""Counts a rule's findings on a folder of real copy and lists each one in its sentence, so a
copy editor can judge them: the measurement behind the sourcing and promo-block rules.

Usage: bench/rule-findings.py [--config FILE] FOLDER [RULE...]   (default rules: unattributed-claim promo-block)
(--config to measure a rule shipped switched off, such as relative-days, with a config that names it.)
Prints findings per 10,000 words for each rule, then every finding with the text around it.
"""
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
config = ["--no-config"]
if args[:1] == ["--config"] and len(args) >= 2:
    config = ["--config", args[1]]
    args = args[2:]
if not args:
    sys.exit(__doc__)
folder = args[0]
rules = args[1:] or ["unattributed-claim", "promo-block"]
files = sorted(os.path.join(root, f) for root, _, names in os.walk(folder) for f in names
               if f.endswith((".txt", ".md", ".markdown", ".html", ".htm")))
run = subprocess.run([os.path.join(here, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never"] + config + files,
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
report = json.loads(run.stdout)["files"]
words = 0
for path in files:
    with open(path, encoding="utf-8") as f:
        words += len(re.findall(r"\w+", f.read()))
print("%d files, %d words" % (len(files), words))
for rule in rules:
    found = [(f["path"], x) for f in report for x in f["findings"] if x["rule"] == rule]
    by_severity = {}
    for _, x in found:
        by_severity[x["severity"]] = by_severity.get(x["severity"], 0) + 1
    print("%-20s %4d findings, %.2f per 10,000 words %s" % (rule, len(found), len(found) * 10000 / max(words, 1), by_severity))
for rule in rules:
    for path, x in ((f["path"], x) for f in report for x in f["findings"] if x["rule"] == rule):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        start, end = x["offset"], x["offset"] + x["length"]
        before = source[max(0, start - 90):start].split("\n")[-1]
        after = source[end:end + 60].split("\n")[0]
        print("%s:%d:%d %s %s: ...%s[[%s]]%s..." % (os.path.basename(path), x["line"], x["column"], rule,
                                                     x["severity"], before, x["text"][:80], after))
