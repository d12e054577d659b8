#!/usr/bin/env python3
"""Issue 18's benchmark: copydesk audit in Spark's local mode on 1 and 2 cores, beside check.

The 88 Brown files are replicated (copies named rNN_FILE, in a temp dir, never the repo) to about
--articles articles; each configuration runs --reps times and the median words a second is
printed, with the 2-core/1-core scaling ratio (issue 18 asks for at least 1.7) and the peak
resident memory of each run (GNU time's maximum RSS of the JVM). Beside them the same articles
through one `./copydesk check --no-cache` invocation (COPYDESK_DAEMON=0). Words are the audit's
own count from its closing line. Run it under the cpu lock, with nobody else building:
    flock /tmp/copydesk-cpu.lock bench/audit.py [--articles 1000] [--reps 3]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
brown = os.path.join(here, "..", "shared", "corpus", "brown-press")
launcher = os.path.join(here, "copydesk")
env = dict(os.environ, COPYDESK_DAEMON="0")


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak RSS in MB, stdout+stderr)."""
    start = time.monotonic()
    run = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=here, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {run.returncode}: {run.stderr[-2000:]}")
    return seconds, int(rss.group(1)) / 1024 if rss else float("nan"), run.stdout + run.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench/audit.py needs GNU time (Debian: apt-get install time)")
    files = sorted(f for f in os.listdir(brown) if f.endswith(".txt"))
    copies = max(1, round(args.articles / len(files)))
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        drafts = os.path.join(tmp, "drafts")
        os.mkdir(drafts)
        for n in range(copies):
            for f in files:
                shutil.copy(os.path.join(brown, f), os.path.join(drafts, f"r{n:02d}_{f}"))
        articles = copies * len(files)
        words = None
        results = {}
        for master in ("local[1]", "local[2]"):
            runs = []
            for _ in range(args.reps):
                out = os.path.join(tmp, "out")
                shutil.rmtree(out, ignore_errors=True)
                seconds, rss, log = timed([launcher, "audit", drafts, "--output", out, "--format", "jsonl", "--master", master])
                words = int(re.search(r"\((\d+) words\)", log).group(1))
                runs.append((words / seconds, rss))
            results[master] = runs
        check_runs = []
        for _ in range(args.reps):
            seconds, rss, _ = timed([launcher, "check", "--no-cache", "--format", "json", drafts])
            check_runs.append((words / seconds, rss))
        results["check (one invocation)"] = check_runs
    print(f"{articles} articles, {words} words, {args.reps} runs each (wall clock, JVM start included)")
    for name, runs in results.items():
        rates = [r for r, _ in runs]
        print(f"{name:24s} median {statistics.median(rates):8.0f} words/s  (runs {', '.join(f'{r:.0f}' for r in rates)})"
              f"  peak RSS {max(m for _, m in runs):.0f} MB")
    one = statistics.median(r for r, _ in results["local[1]"])
    two = statistics.median(r for r, _ in results["local[2]"])
    chk = statistics.median(r for r, _ in results["check (one invocation)"])
    print(f"scaling local[2]/local[1]: {two / one:.2f} (issue 18 asks >= 1.7)")
    print(f"local[2]/check: {two / chk:.2f}")


if __name__ == "__main__":
    main()
