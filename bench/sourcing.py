#!/usr/bin/env python3
"""Measures the unattributed-claim rule on the labelled dev sets in bench/sourcing/.

Labels (labels-brown.tsv, labels-news-2019.tsv; see GUIDELINES.md) mark attributions in the
corpus with a class: ANON, VAGUE and RUMOUR are what the rule should flag, NAMED and NOT-A-CLAIM
what it should leave alone. A finding that overlaps a label's span scores against that label;
one that overlaps no label is a false alarm too (the positive classes aim to be complete), and
is listed for reading in case the labels missed it.

Prints recall per class and per construction (subject kind, verb family), precision, every miss
and every false alarm in its sentence, and the same figures for a naive baseline (a regular
expression of collective nouns and reporting verbs) in the same run. Then the rule's findings
across all of Brown outside the labelled sentences, per 10,000 words, each listed with a copy
editor's verdict from sourcing/brown-outside-review.tsv (keep, reject, or unread, which counts
as reject).

Usage: bench/sourcing.py [--split dev|held-out|all] [--quiet]
  dev (the default) is every labelled file whose number is not divisible by 4; held-out the
  others, to measure on only at the end. --quiet prints the figures without the lists.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus")
POSITIVE = ("ANON", "VAGUE", "RUMOUR")

# The two-minute regular expression a newsroom might write first: a collective or source noun
# near a reporting verb, either order, and the usual hedges.
NOUNS = r"(?:sources?|officials?|analysts?|experts?|observers|critics|insiders?|aides?|diplomats|people familiar|some|many|others)"
VERBS = r"(?:said|say|says|told|claimed|claim|believe|believes|expect|expects|think|thinks|fear|fears)"
BASELINE = re.compile(
    r"(?i)\b" + NOUNS + r"\b(?:\W+\w+){0,3}?\W+" + VERBS + r"\b"
    r"|\b" + VERBS + r"\W+(?:\w+\W+){0,3}?" + NOUNS + r"\b"
    r"|\b(?:reportedly|allegedly|according to (?:sources|reports|officials))\b")


def number(path):
    digits = re.findall(r"\d+", os.path.basename(path))
    return int(digits[0]) if digits else 0


def held_out(path):
    return number(path) % 4 == 0


def read_labels():
    labels = collections.defaultdict(list)
    for name in ("labels-brown.tsv", "labels-news-2019.tsv"):
        with open(os.path.join(HERE, "sourcing", name), encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                start = int(row["offset"])
                row["span"] = (start, start + int(row["length"]))
                labels[row["file"]].append(row)
    return labels


def java_to_python(text):
    """Maps a UTF-16 offset (Java's, in copydesk's JSON) to a Python str index."""
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


def copydesk_findings(paths):
    """The rule's findings in each file, as Python (start, end) spans, from one copydesk run."""
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as config:
        config.write('rules:\n  "*": off\n  unattributed-claim: on\n')
    try:
        run = subprocess.run(
            [os.path.join(HERE, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never",
             "--no-cache", "--config", config.name] + paths,
            capture_output=True, text=True)
    finally:
        os.unlink(config.name)
    if run.returncode != 0:
        sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
    found = {}
    for report in json.loads(run.stdout)["files"]:
        text = read(report["path"])
        to_python = java_to_python(text)
        found[os.path.realpath(report["path"])] = [
            (to_python(f["offset"]), to_python(f["offset"] + f["length"]), f["message"]) for f in report["findings"]]
    return found


def baseline_findings(text):
    return [(m.start(), m.end(), "baseline") for m in BASELINE.finditer(text)]


_texts = {}


def read(path):
    path = os.path.realpath(path)
    if path not in _texts:
        with open(path, encoding="utf-8") as f:
            _texts[path] = f.read()
    return _texts[path]


def sentence_of(text, span):
    """The sentence (roughly) around a span, on one line, for reading."""
    start = max(text.rfind("\n", 0, span[0]), max(text.rfind(". ", 0, span[0]), 0) - 0) + 1
    end_line = text.find("\n", span[1])
    end = min(e for e in (text.find(". ", span[1]) + 1, end_line, len(text)) if e > 0)
    return text[start:end].strip()


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(labels, findings_of):
    """Hits, misses and false alarms of one detector over the labelled files."""
    result = {"found": collections.Counter(), "total": collections.Counter(),
              "by_subject": collections.defaultdict(lambda: [0, 0]), "by_verb": collections.defaultdict(lambda: [0, 0]),
              "by_corpus": collections.defaultdict(lambda: [0, 0]),
              "misses": [], "false": [], "hits": 0, "flags": 0}
    for file, rows in labels.items():
        path = os.path.realpath(os.path.join(CORPUS, file))
        findings = findings_of(path)
        text = read(path)
        result["flags"] += len(findings)
        for row in rows:
            cls = row["class"]
            if cls not in POSITIVE:
                continue
            hit = any(overlaps(row["span"], f) for f in findings)
            result["total"][cls] += 1
            result["found"][cls] += hit
            for key, value in (("by_subject", row["subject"]), ("by_verb", row["verb"]),
                               ("by_corpus", file.split("/")[0])):
                result[key][value][0] += hit
                result[key][value][1] += 1
            if not hit:
                result["misses"].append((file, cls, row["subject"], row["verb"], sentence_of(text, row["span"])))
        for f in findings:
            over = [row for row in rows if overlaps(row["span"], f)]
            if any(row["class"] in POSITIVE for row in over):
                result["hits"] += 1
            else:
                why = over[0]["class"] if over else "unlabelled"
                result["false"].append((file, why, text[f[0]:f[1]], sentence_of(text, f)))
    return result


def percent(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "   n/a"


def print_score(name, result, quiet):
    total = sum(result["total"][c] for c in POSITIVE)
    found = sum(result["found"][c] for c in POSITIVE)
    print("%s: ANON+VAGUE+RUMOUR recall %s (%d of %d), precision %s (%d of %d flags)" % (
        name, percent(found, total), found, total, percent(result["hits"], result["flags"]), result["hits"], result["flags"]))
    for cls in POSITIVE:
        print("  %-7s recall %s (%d of %d)" % (cls, percent(result["found"][cls], result["total"][cls]),
                                               result["found"][cls], result["total"][cls]))
    if quiet:
        return
    for key in ("by_corpus", "by_subject", "by_verb"):
        print("  recall by %s:" % key[3:], ", ".join(
            "%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(result[key].items(), key=lambda kv: -kv[1][1])))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    labels = {f: rows for f, rows in read_labels().items()
              if args.split == "all" or (args.split == "held-out") == held_out(f)}
    brown = sorted(os.path.join(CORPUS, "brown-press", f) for f in os.listdir(os.path.join(CORPUS, "brown-press")))
    paths = sorted(set(os.path.realpath(os.path.join(CORPUS, f)) for f in labels) | set(map(os.path.realpath, brown)))
    found = copydesk_findings(paths)

    words = sum(len(read(os.path.join(CORPUS, f)).split()) for f in labels)
    print("sourcing dev labels, split %s: %d files, %d words, %d labels" % (
        args.split, len(labels), words, sum(len(rows) for rows in labels.values())))
    rule = score(labels, lambda path: found.get(path, []))
    naive = score(labels, lambda path: baseline_findings(read(path)))
    print_score("unattributed-claim", rule, args.quiet)
    print_score("naive baseline    ", naive, args.quiet)
    if not args.quiet:
        print("\nmisses of unattributed-claim:")
        for miss in rule["misses"]:
            print("  %s [%s %s/%s] %s" % miss)
        print("\nfalse alarms of unattributed-claim:")
        for alarm in rule["false"]:
            print("  %s [%s] '%s' :: %s" % alarm)

    # All of Brown, outside the labelled sentences: what a copy editor reads as noise.
    all_labels = read_labels()
    brown_words = 0
    outside = []
    for path in brown:
        text = read(path)
        brown_words += len(text.split())
        key = "brown-press/" + os.path.basename(path)
        rows = all_labels.get(key, [])
        for f in found.get(os.path.realpath(path), []):
            if not any(overlaps(row["span"], f) for row in rows):
                outside.append((os.path.basename(path), text[f[0]:f[1]], sentence_of(text, f)))
    print("\nBrown, all %d files: %d findings outside labelled spans, %.2f per 10,000 words (%d words)" % (
        len(brown), len(outside), 10000.0 * len(outside) / brown_words, brown_words))
    # A copy editor's verdict on each, read in its paragraph (brown-outside-review.tsv, with the
    # criteria in GUIDELINES-brown.md): a finding nobody has read yet counts as one to reject.
    verdicts = read_review()
    rejected = [item for item in outside if verdicts.get(item[:2], "unread") != "keep"]
    unread = [item for item in outside if item[:2] not in verdicts]
    print("  a copy editor would reject %d (%.2f per 10,000 words; %d of them not yet reviewed, counted as rejected),"
          " keep %d" % (len(rejected), 10000.0 * len(rejected) / brown_words, len(unread), len(outside) - len(rejected)))
    if not args.quiet:
        for item in outside:
            print("  [%s] %s '%s' :: %s" % ((verdicts.get(item[:2], "unread"),) + item))


def read_review():
    """(file, cue) -> keep or reject, from the copy editor's review of the findings outside the labels."""
    with open(os.path.join(HERE, "sourcing", "brown-outside-review.tsv"), encoding="utf-8") as f:
        return {(row["file"], row["cue"]): row["verdict"] for row in csv.DictReader(f, delimiter="\t")}


if __name__ == "__main__":
    main()
