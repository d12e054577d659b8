#!/usr/bin/env python3
"""Measures the promo-block rule on real page endings: promo-dev and the news-2019 tails together.

Each page is a draft laid out as promo-dev's files are: the article's last two paragraphs, a blank
line, then what the page showed after the article. promo-dev's files are that already; for each
news-2019 page the draft is built from bodies/NNN.txt (its last two paragraphs) and tails/NNN.txt,
in a temporary folder (the text belongs to its publishers: it is never written into the project).
copydesk runs once over all the drafts, with a config that turns every rule off but promo-block
and promo-line, and each page is scored against its label (bench/promo/labels-*.tsv):

- a labelled block is caught when a promo-block finding starts at its first line (or at the first
  non-blank line after it); a finding that starts elsewhere, or none, is a miss;
- a `none` page is clean when it has no promo-block finding; one is a false alarm;
- a finding of either rule that starts inside the article (the two paragraphs) is counted apart.

news-2019 pages whose number is divisible by 4 are held out: they are measured only with
`--split held-out` (promo-dev is all dev). `--split all` measures both.

With `--bodies`, the full article bodies of the split's news-2019 pages are checked too, on their
own: every promo-block finding there starts inside an article (some bodies do end with a
promotional line of their own), listed for reading.

Usage: bench/promo.py [--split dev|held-out|all] [--bodies] [--corpus FOLDER]
       (default corpus: ../shared/corpus beside the clone, else /work/shared/corpus)
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
CONFIG = """\
rules:
  "*": off
  promo-block: on
  promo-line: on
"""


def default_corpus():
    beside = os.path.join(PROJECT, "..", "shared", "corpus")
    return beside if os.path.isdir(beside) else "/work/shared/corpus"


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def labels(name):
    with open(os.path.join(HERE, "promo", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


class Page:
    """One draft: its lines, where its article ends, and where its labelled block starts."""

    def __init__(self, key, split, lines, article_lines, first_line, kind):
        self.key, self.split, self.lines, self.kind = key, split, lines, kind
        self.article_lines = article_lines  # lines 1..article_lines are the article
        self.first_line = first_line  # 1-based draft line, or None for `none`

    def text(self, line):
        return self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""

    def accepted_starts(self):
        """The labelled first line, or the first non-blank line after it if it is blank."""
        starts = {self.first_line}
        line = self.first_line
        while line <= len(self.lines) and not self.text(line):
            line += 1
            starts.add(line)
        return starts


def pages(corpus, split):
    found = []
    if split in ("dev", "all"):
        for row in labels("labels-promo-dev.tsv"):
            lines = read_lines(os.path.join(corpus, row["file"]))
            positive = row["first_line"] != "none"
            # Positives: the tail starts at the labelled line; negatives are all article.
            article = int(row["first_line"]) - 1 if positive else len(lines)
            found.append(Page(row["file"], "dev", lines, article,
                              int(row["first_line"]) if positive else None, row["kind"]))
    for row in labels("labels-news-2019-tails.tsv"):
        number = int(os.path.basename(row["file"])[:3])
        page_split = "held-out" if number % 4 == 0 else "dev"
        if split != "all" and page_split != split:
            continue
        body = [l for l in read_lines(os.path.join(corpus, "news-2019", "bodies", "%03d.txt" % number)) if l.strip()]
        tail = read_lines(os.path.join(corpus, row["file"]))
        while tail and tail[-1] == "":
            tail.pop()  # the file's closing newline
        lines = body[-2:] + [""] + tail
        article = len(body[-2:]) + 1
        first = None if row["first_line"] == "none" else article + int(row["first_line"])
        found.append(Page(row["file"], page_split, lines, article, first, row["kind"]))
    return found


def run_copydesk(all_pages):
    """copydesk's findings for each page, by key, from one run over all the drafts."""
    with tempfile.TemporaryDirectory(prefix="copydesk-promo-") as folder:
        config = os.path.join(folder, "promo-only.yml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(CONFIG)
        paths = {}
        for i, page in enumerate(all_pages):
            path = os.path.join(folder, "%03d-%s" % (i, page.key.replace("/", "-")))
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(page.lines) + "\n")
            paths[path] = page
        run = subprocess.run(
            [os.path.join(PROJECT, "copydesk"), "check", "--format", "json", "--fail-on", "never",
             "--no-cache", "--config", config] + list(paths),
            capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
        findings = {}
        for report in json.loads(run.stdout)["files"]:
            findings[paths[report["path"]].key] = report["findings"]
        return findings


def show(text, width=90):
    return text if len(text) <= width else text[: width - 3] + "..."


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "held-out", "all"], default="dev")
    parser.add_argument("--bodies", action="store_true", help="also check the full news-2019 bodies")
    parser.add_argument("--corpus", default=default_corpus())
    args = parser.parse_args()
    measured = pages(args.corpus, args.split)
    findings = run_copydesk(measured)

    by_kind = collections.defaultdict(lambda: [0, 0])
    misses, alarms, inside = [], [], []
    totals = collections.Counter()
    for page in measured:
        starts = sorted(f["line"] for f in findings.get(page.key, []) if f["rule"] == "promo-block")
        for f in findings.get(page.key, []):
            if f["rule"] in ("promo-block", "promo-line") and f["line"] <= page.article_lines:
                inside.append((page, f))
                totals[f["rule"] + " inside article"] += 1
        if page.first_line is None:
            totals["none pages"] += 1
            if starts:
                alarms.append((page, starts))
            else:
                totals["clean"] += 1
            continue
        totals["blocks"] += 1
        by_kind[page.kind][1] += 1
        if page.accepted_starts() & set(starts):
            totals["caught"] += 1
            by_kind[page.kind][0] += 1
        else:
            misses.append((page, starts))

    print("per-kind recall (%s):" % args.split)
    for kind, (caught, total) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        print("  %-13s %3d of %3d" % (kind, caught, total))
    print()
    print("misses (%d):" % len(misses))
    for page, starts in misses:
        print("  %-26s block at line %d: %s" % (page.key, page.first_line, show(page.text(page.first_line))))
        if not starts:
            print("  %-26s   no promo-block finding" % "")
        for s in starts:
            where = "in the article" if s <= page.article_lines else "in the tail"
            print("  %-26s   finding at line %d (%s): %s" % ("", s, where, show(page.text(s))))
    print()
    print("false alarms on endings that are not promotion (%d):" % len(alarms))
    for page, starts in alarms:
        for s in starts:
            print("  %-26s finding at line %d: %s" % (page.key, s, show(page.text(s))))
    print()
    print("findings starting inside the article (%d):" % len(inside))
    for page, f in inside:
        print("  %-26s %s at line %d: %s" % (page.key, f["rule"], f["line"], show(page.text(f["line"]))))
    print()
    for source in ("promo-dev", "news-2019"):
        mine = [p for p in measured if p.key.startswith(source) and p.first_line is not None]
        hit = sum(1 for p in mine if p.accepted_starts() & {f["line"] for f in findings.get(p.key, [])
                                                             if f["rule"] == "promo-block"})
        if mine:
            print("  %-10s %d of %d blocks caught" % (source, hit, len(mine)))
    blocks, caught = totals["blocks"], totals["caught"]
    print("%s: %d of %d blocks caught at their first line (%.1f%%); %d of %d endings without "
          "promotion clean; %d promo-block and %d promo-line findings start inside the article"
          % (args.split, caught, blocks, 100.0 * caught / blocks if blocks else 0.0,
             totals["clean"], totals["none pages"], totals["promo-block inside article"],
             totals["promo-line inside article"]))

    if args.bodies:
        bodies = []
        for page in measured:
            if page.key.startswith("news-2019/"):
                number = os.path.basename(page.key)[:3]
                lines = read_lines(os.path.join(args.corpus, "news-2019", "bodies", number + ".txt"))
                bodies.append(Page("news-2019/bodies/%s.txt" % number, page.split, lines, len(lines), None, "body"))
        found = run_copydesk(bodies)
        flagged = [(b, f) for b in bodies for f in found.get(b.key, []) if f["rule"] == "promo-block"]
        print()
        print("promo-block findings in the %d full article bodies (%d):" % (len(bodies), len(flagged)))
        for body, f in flagged:
            print("  %-26s line %d: %s" % (body.key, f["line"], show(body.text(f["line"]))))


if __name__ == "__main__":
    main()
