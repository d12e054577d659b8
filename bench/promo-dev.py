#!/usr/bin/env python3
"""Measures the promo-block rule on a folder laid out like ../shared/corpus/promo-dev.

Each file holds an article's last two paragraphs, a blank line, then whatever the page showed
after the article. Files named 01..49 have a promotional block there (it starts at the third
non-blank line); files named 50..99 have none. A positive counts as caught when a promo-block
finding starts within the block's first two lines and no promo-block finding starts in the
article; a negative counts as clean when it has no promo-block finding at all.

Usage: bench/promo-dev.py [FOLDER]   (default ../shared/corpus/promo-dev)
Exit 0 when every file is right, 1 otherwise.
"""
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpus", "promo-dev")
files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
run = subprocess.run(
    [os.path.join(here, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never"]
    + [os.path.join(folder, f) for f in files],
    capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
report = {os.path.basename(f["path"]): f["findings"] for f in json.loads(run.stdout)["files"]}

wrong = 0
for name in files:
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    nonblank = [i + 1 for i, line in enumerate(lines) if line.strip()]
    block_start = nonblank[2] if len(nonblank) > 2 else None
    positive = int(name[:2]) < 50
    starts = [x["line"] for x in report.get(name, []) if x["rule"] == "promo-block"]
    if positive:
        second_line = nonblank[3] if len(nonblank) > 3 else block_start
        ok = any(block_start <= s <= second_line for s in starts) and not any(s < block_start for s in starts)
        verdict = "caught" if ok else "MISSED"
    else:
        ok = not starts
        verdict = "clean" if ok else "FALSE ALARM"
    wrong += not ok
    print("%-7s %-11s block from line %-4s promo-block findings start at %s"
          % (name, verdict, block_start if positive else "-", starts or "-"))
print("%d of %d files right (%d positives, %d negatives)"
      % (len(files) - wrong, len(files), sum(int(f[:2]) < 50 for f in files), sum(int(f[:2]) >= 50 for f in files)))
sys.exit(1 if wrong else 0)
