#!/usr/bin/env python3
"""Measures the rules that need a draft's date (date-consistency's future-in-past check,
relative-days) on real copy that has one: the news-2019 bodies whose page address carries its
publication day (/2019/11/18/, 2019-11-19), each written to a temporary Markdown draft with that
date in its front matter, then listed by bench/rule-findings.py for reading.

Usage: bench/dated-news.py [--plant] [--brown] [RULE...]   (default: date-consistency relative-days)
With --plant, every weekday written before a date in the dated bodies is moved on a day
("Tuesday, Nov. 19" becomes "Wednesday, Nov. 19") and the script counts the date-consistency
findings on the planted weekdays: the recall of the weekday check on real copy, where the
unplanted run measures its quiet.
With --brown, the Brown press files are added too, each dated 1961-07-01 (the corpus is
American copy of 1961, so every yearless date in it falls within half a year of that day).
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
import json
plant = "--plant" in sys.argv[1:]
brown = "--brown" in sys.argv[1:]
rules = [a for a in sys.argv[1:] if a not in ("--plant", "--brown")] or ["date-consistency", "relative-days"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\."
PAIR = re.compile(r"\b(%s),? (?:the )?(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:%s)|(?:%s) \d{1,2}\b)" % ("|".join(WEEKDAYS), MONTHS, MONTHS))
planted = {}
DAY = re.compile(r"/(20\d\d)/(\d\d?)/(\d\d?)/|(20\d\d)-(\d\d)-(\d\d)")

def drafts():
    """(name, year, month, day, paragraphs) of every draft to write."""
    with open(os.path.join(corpus, "SOURCES.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            match = DAY.search(row["address"])
            if not match:
                continue
            year, month, day = [int(x) for x in (match.groups()[:3] if match.group(1) else match.groups()[3:])]
            with open(os.path.join(corpus, "bodies", row["NN"] + ".txt"), encoding="utf-8") as body:
                yield row["NN"], year, month, day, [line.strip() for line in body if line.strip()]
    if brown:
        folder = os.path.join(corpus, "..", "brown-press")
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as body:
                yield name[:-4], 1961, 7, 1, [line.strip() for line in body if line.strip()]


with tempfile.TemporaryDirectory() as folder:
    dated = 0
    for nn, year, month, day, paragraphs in drafts():
        head = "---\ndate: %04d-%02d-%02d\n---\n\n" % (year, month, day)
        body = "\n\n".join(paragraphs) + "\n"
        if plant:
            spots = []
            def move_on(m):
                moved = WEEKDAYS[(WEEKDAYS.index(m.group(1)) + 1) % 7]
                return moved + m.group(0)[len(m.group(1)):]
            out, last = [], 0
            for m in PAIR.finditer(body):
                out.append(body[last:m.start()])
                spots.append(len(head) + sum(len(x) for x in out))
                out.append(move_on(m))
                last = m.end()
            out.append(body[last:])
            body = "".join(out)
            planted[nn + ".md"] = spots
        with open(os.path.join(folder, nn + ".md"), "w", encoding="utf-8") as draft:
            draft.write(head + body)
        dated += 1
    config = os.path.join(folder, "measure.copydesk.yml")
    with open(config, "w", encoding="utf-8") as f:
        f.write("rules:\n" + "".join("  %s: on\n" % rule for rule in rules))
    print("%d drafts dated (news-2019 bodies by their address%s)" % (dated, ", Brown as of 1961-07-01" if brown else ""))
    sys.stdout.flush()
    if plant:
        files = sorted(os.path.join(folder, name) for name in planted)
        run = subprocess.run([os.path.join(here, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never",
                              "--config", config] + files, capture_output=True, text=True)
        report = json.loads(run.stdout)["files"]
        found = {(os.path.basename(f["path"]), x["offset"]) for f in report for x in f["findings"] if x["rule"] == "date-consistency"}
        total = sum(len(spots) for spots in planted.values())
        caught = sum(1 for name, spots in planted.items() for spot in spots if (name, spot) in found)
        others = len(found) - caught
        print("planted weekdays: %d of %d caught, %d date-consistency findings elsewhere" % (caught, total, others))
        sys.exit(0)
    sys.exit(subprocess.run([os.path.join(here, "rule-findings.py"), "--config", config, folder] + rules).returncode)
