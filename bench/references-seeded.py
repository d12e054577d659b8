#!/usr/bin/env python3
"""Seeds the slips the references rule is for into real copy it was never tuned on, one slip a
copy, and counts how many it finds: its recall on drafts nobody wrote for it.

Usage: bench/references-seeded.py FOLDER...

In each article, a person introduced by full name ("Willie Mays") and later quoted by surname
alone ("Mays said", "said Mays") gets, at the first such later use, one of:
  surname     a different surname of the same length beginning as theirs does ("Roipuzvu" for
              "Robinson"), three or more edits away (one or two is name-consistency's);
  first-name  their first name ("Willie said"), where the story uses the surname alone elsewhere;
and a title before a surname the story uses twice or more ("Gov. Smith") is swapped for another
("Sen. Smith") at its second use: the title slip. The seeded copies go to a temporary folder;
nothing is written beside the corpus. Prints, for each kind, slips seeded and found, and the
findings on the seeded copies that are not at a slip (which the unseeded copy also has).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) < 2:
    sys.exit(__doc__)
files = sorted(os.path.join(root, f) for folder in sys.argv[1:] for root, _, names in os.walk(folder) for f in names
               if f.endswith(".txt"))

SPEECH = r"(?:said|says|told|added|asked|wrote|explained|noted)"
# A full name where the text shows a person: an apposition or a verb of speech after it.
FULL = re.compile(r"(?<![\w.] )(?<![\w.])([A-Z][a-z]{2,}) ([A-Z][a-z]{4,})(?=, (?:\d|a |an |the |who |[a-z]+ of )| %s)" % SPEECH)
TITLES = {"President": "Senator", "Sen.": "Gov.", "Senator": "Governor", "Gov.": "Sen.", "Governor": "Senator",
          "Mayor": "Judge", "Judge": "Mayor", "Secretary": "Ambassador", "Gen.": "Adm.", "Rep.": "Sen.",
          "Prime Minister": "President", "Chancellor": "President", "Coach": "Judge", "Dr.": None}
TITLED = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(t) for t in TITLES if TITLES[t]) + r") ([A-Z][a-z]{2,})(?![\w-])")


def seeds(text):
    """The seeded copies of one article: (kind, text, offset of the slip)."""
    out = []
    done = set()
    for full in FULL.finditer(text):
        first, last = full.group(1), full.group(2)
        if "surname" in done and "first-name" in done:
            break
        later = re.compile(r"(?<![\w.])%s(?= %s\b)|(?<=said )%s(?=[.,])" % (last, SPEECH, last))
        # A later use by surname alone: no capitalised word right before it ("Commerce Department said").
        uses = [m for m in later.finditer(text, full.end()) if not re.search(r"(?:[A-Z][\w.]*|\bthe) $", text[max(0, m.start() - 30):m.start()])]
        if not uses:
            continue
        use = uses[0]
        if "surname" not in done:
            # Same first two letters and length, the rest shifted along the alphabet: a surname
            # that looks like theirs but is three or more edits from it.
            other = last[:2] + "".join(chr((ord(c) - 97 + 7) % 26 + 97) for c in last[2:])
            out.append(("surname", text[:use.start()] + other + text[use.end():], use.start()))
            done.add("surname")
        alone = re.findall(r"(?<![\w.] )(?<![A-Z][a-z] )\b%s\b" % last, text[full.end():])
        if "first-name" not in done and len(alone) >= 2:
            out.append(("first-name", text[:use.start()] + first + text[use.end():], use.start()))
            done.add("first-name")
    for titled in TITLED.finditer(text):
        title, name = titled.group(1), titled.group(2)
        again = [m for m in TITLED.finditer(text, titled.end()) if m.group(1) == title and m.group(2) == name]
        if again:
            use = again[0]
            swapped = TITLES[title]
            out.append(("title", text[:use.start()] + swapped + text[use.start() + len(title):], use.start()))
            break
    return out


with tempfile.TemporaryDirectory() as work:
    seeded = []  # (path, kind, offset)
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for kind, copy, offset in seeds(text):
            out = os.path.join(work, "%s.%s.txt" % (os.path.basename(path)[:-4], kind))
            with open(out, "w", encoding="utf-8") as f:
                f.write(copy)
            seeded.append((out, kind, offset, path))
    if not seeded:
        sys.exit("nothing to seed in " + " ".join(sys.argv[1:]))
    paths = [s[0] for s in seeded] + sorted({s[3] for s in seeded})
    run = subprocess.run([os.path.join(here, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never"] + paths,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
    found = {f["path"]: [x for x in f["findings"] if x["rule"] == "references"] for f in json.loads(run.stdout)["files"]}
    totals = {}
    for out, kind, offset, original in seeded:
        hits = [x for x in found.get(out, []) if x["offset"] <= offset + 2 and offset <= x["offset"] + x["length"]]
        seeded_count, found_count = totals.get(kind, (0, 0))
        totals[kind] = (seeded_count + 1, found_count + (1 if hits else 0))
        extra = len(found.get(out, [])) - len(hits) - len(found.get(original, []))
        with open(out, encoding="utf-8") as f:
            context = f.read()[max(0, offset - 50):offset + 40].replace("\n", " / ")
        print("%-14s %-10s %s%s  ...%s..." % (os.path.basename(original), kind, "found" if hits else "MISSED",
                                            "" if extra <= 0 else "  (+%d other findings)" % extra, context))
    print()
    for kind, (seeded_count, found_count) in sorted(totals.items()):
        print("%-10s %3d seeded, %3d found (%.0f%%)" % (kind, seeded_count, found_count, 100.0 * found_count / seeded_count))
