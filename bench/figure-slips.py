#!/usr/bin/env python3
"""Measures figure-consistency's recall on real copy: for each real age ("Okafor, 46,") and count
("37 people were killed") a file states, it adds one paragraph at the end that refers back to it
with another figure (a planted slip, which the rule should flag on that paragraph) and, in a second
copy, with the same figure (a control, which it must leave alone). The first statement is the
real copy's own, so this measures how well the rule reads copy it was not written for; the planted
paragraph is this script's own sentence.

Usage: bench/figure-slips.py FOLDER...   (copies go to a temporary folder, removed afterwards)
Prints planted slips caught and controls flagged per kind, then every miss with its cue.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) < 2:
    sys.exit(__doc__)
files = sorted(os.path.join(root, f) for folder in sys.argv[1:] for root, _, names in os.walk(folder)
               for f in names if f.endswith(".txt"))

# "Okafor, 46," with a capitalised surname; the age 1-99.
AGE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ?, ([1-9][0-9]?) ?,")
# "37 people were killed", "four persons died", "12 students have been arrested": a number in digits or
# words, a plural noun, an auxiliary or none, a past form.
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
COUNT = re.compile(r"(?<![\w.,$])([1-9][0-9]{0,3}|%s) ([a-z]+s) ((?:were|are|have been|had been) )?([a-z]+ed|died)\b"
                   % "|".join(WORDS), re.IGNORECASE)
DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "others", "times", "points"}
NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
             "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
             "The", "In", "On", "At", "By", "For", "And", "But", "Of", "To", "Mr", "Mrs", "Jr", "Sr", "No"}
AGE_FORMS = ["{name}, aged {age}, declined to comment.", "The {age}-year-old {name} declined to comment.",
             "{name}, {age}, declined to comment."]

plants = []  # (kind, source path, cue, planted text, control text)
for path in files:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in AGE.finditer(text):
        name, age = m.group(1), int(m.group(2))
        if name in NOT_NAMES:
            continue
        form = AGE_FORMS[len(plants) % len(AGE_FORMS)]
        plants.append(("age", path, m.group(0), form.format(name=name, age=age + 1), form.format(name=name, age=age)))
        break
    for m in COUNT.finditer(text):
        number, noun, aux, verb = m.group(1), m.group(2), m.group(3) or "", m.group(4)
        if noun.lower() in DURATIONS or noun.lower() in {"has", "was", "is", "this", "its", "census", "news"}:
            continue
        count = WORDS.get(number.lower()) or int(number)
        # A back-reference to the whole group, the way a later paragraph refers to it.
        planted = "All {n} {noun} {aux}{verb}, the report said."
        plants.append(("count", path, m.group(0), planted.format(n=count + 2, noun=noun, aux=aux, verb=verb),
                       planted.format(n=count, noun=noun, aux=aux, verb=verb)))
        break

work = tempfile.mkdtemp(prefix="figure-slips-")
try:
    copies = []
    for i, (kind, path, cue, planted, control) in enumerate(plants):
        with open(path, encoding="utf-8") as f:
            text = f.read().rstrip("\n")
        for variant, line in (("slip", planted), ("control", control)):
            copy = os.path.join(work, "%03d-%s.txt" % (i, variant))
            with open(copy, "w", encoding="utf-8") as f:
                f.write(text + "\n\n" + line + "\n")
            copies.append((i, variant, copy, text.count("\n") + 3))
    run = subprocess.run([os.path.join(here, "..", "copydesk"), "check", "--format", "json", "--fail-on", "never",
                          "--no-cache"] + [c[2] for c in copies], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("copydesk failed (%d): %s" % (run.returncode, run.stderr))
    report = {f["path"]: f["findings"] for f in json.loads(run.stdout)["files"]}
finally:
    shutil.rmtree(work)

results = {}
misses = []
for i, variant, copy, planted_line in copies:
    kind = plants[i][0]
    found = [x for x in report.get(copy, []) if x["rule"] == "figure-consistency"]
    on_plant = [x for x in found if x["line"] == planted_line]
    elsewhere = [x for x in found if x["line"] != planted_line]
    r = results.setdefault(kind, {"slips": 0, "caught": 0, "controls": 0, "controls flagged": 0, "elsewhere": 0})
    r["elsewhere"] += len(elsewhere)
    if variant == "slip":
        r["slips"] += 1
        r["caught"] += bool(on_plant)
        if not on_plant:
            misses.append(plants[i])
    else:
        r["controls"] += 1
        r["controls flagged"] += bool(on_plant)
        if on_plant:
            misses.append(("control flagged: " + kind,) + plants[i][1:])
print("%d files, %d with a plant" % (len(files), len(plants)))
for kind, r in sorted(results.items()):
    print("%-6s slips caught %d of %d (%.0f%%), controls flagged %d of %d, findings elsewhere %d" % (
        kind, r["caught"], r["slips"], 100.0 * r["caught"] / max(r["slips"], 1), r["controls flagged"], r["controls"],
        r["elsewhere"]))
for kind, path, cue, planted, _ in misses:
    print("missed %s %s: %r ... %r" % (kind, os.path.basename(path), cue, planted))
