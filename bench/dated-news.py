#!/usr/bin/env python3
"""Measures the rules that need a draft's date (date-consistency's future-in-past check,
relative-days) on real copy that has one: the news-2019 bodies whose page address carries its
publication day (/2019/11/18/, 2019-11-19), each written to a temporary Markdown draft with that
date in its front matter, then listed by bench/rule-findings.py for reading.

Usage: bench/dated-news.py [RULE...]   (default: date-consistency relative-days)
Nothing is written into the project; the temporary folder is removed afterwards.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "..", "shared", "corpus", "news-2019")
rules = sys.argv[1:] or ["date-consistency", "relative-days"]
DAY = re.compile(r"/(20\d\d)/(\d\d?)/(\d\d?)/|(20\d\d)-(\d\d)-(\d\d)")

with tempfile.TemporaryDirectory() as folder:
    dated = 0
    with open(os.path.join(corpus, "SOURCES.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            match = DAY.search(row["address"])
            if not match:
                continue
            year, month, day = [int(x) for x in (match.groups()[:3] if match.group(1) else match.groups()[3:])]
            with open(os.path.join(corpus, "bodies", row["NN"] + ".txt"), encoding="utf-8") as body:
                paragraphs = [line.strip() for line in body if line.strip()]
            with open(os.path.join(folder, row["NN"] + ".md"), "w", encoding="utf-8") as draft:
                draft.write("---\ndate: %04d-%02d-%02d\n---\n\n" % (year, month, day))
                draft.write("\n\n".join(paragraphs) + "\n")
            dated += 1
    config = os.path.join(folder, "measure.copydesk.yml")
    with open(config, "w", encoding="utf-8") as f:
        f.write("rules:\n" + "".join("  %s: on\n" % rule for rule in rules))
    print("%d news-2019 bodies dated by their address" % dated)
    sys.stdout.flush()
    sys.exit(subprocess.run([os.path.join(here, "rule-findings.py"), "--config", config, folder] + rules).returncode)
