#!/usr/bin/env python3
"""Issue 18's benchmark: copydesk audit in Spark's local mode on 1 and 2 cores, beside check.

The 88 Brown files are replicated (copies named rNN_FILE, in a temp dir, never the repo) to about
--articles articles; each configuration runs --reps times and the median words a second is
printed, with the 2-core/1-core scaling ratio (issue 18 asks for at least 1.7) and the peak
resident memory of each run (GNU time's maximum RSS of the JVM). Beside them the same articles
through one `./copydesk check --no-cache` invocation (COPYDESK_DAEMON=0). Words are the audit's
own count from its closing line.

"Local mode on N cores" is taken literally: each `--master local[N]` run is pinned to N cores
with taskset, so the 1-core run's JIT compiler and garbage collector cannot borrow the second
core (unpinned, local[1] runs one task thread but compiles and collects on the other core, which
flatters it). `--no-pin` gives the unpinned figures. `check` is never pinned. The repetitions are
interleaved (1 core, 2 cores, check, then again), so a slow spell on the shared machine falls on
every configuration alike, and each timed run takes the cpu lock (/tmp/copydesk-cpu.lock) for
itself only, so other sessions' builds wait for a run, never run inside one:
    bench/audit.py [--articles 1000] [--reps 3] [--no-pin] [--no-check]
"""
import argparse, fcntl, os, re, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
brown = os.path.join(here, "..", "shared", "corpus", "brown-press")
launcher = os.path.join(here, "copydesk")
env = dict(os.environ, COPYDESK_DAEMON="0")


def timed(cmd, cores=None):
    """Runs cmd under /usr/bin/time -v, pinned to the first `cores` cores when given, holding the
    cpu lock; returns (seconds, peak RSS in MB, stdout+stderr)."""
    pin = ["taskset", "-c", ",".join(str(c) for c in range(cores))] if cores else []
    with open("/tmp/copydesk-cpu.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        start = time.monotonic()
        run = subprocess.run(pin + ["/usr/bin/time", "-v"] + cmd, cwd=here, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {run.returncode}: {run.stderr[-2000:]}")
    return seconds, int(rss.group(1)) / 1024 if rss else float("nan"), run.stdout + run.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--no-pin", action="store_true", help="let local[1] use every core for its JIT and GC")
    parser.add_argument("--no-check", action="store_true", help="time only the two local modes")
    args = parser.parse_args()
    if not args.no_pin and not shutil.which("taskset"):
        sys.exit("bench/audit.py pins local[N] to N cores with taskset (Debian: util-linux); or pass --no-pin")
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
        # One untimed audit of one draft first: the launcher builds the CLI and the job jar on first
        # use, and that build must not land inside a timed run.
        one_draft = os.path.join(tmp, "one")
        os.mkdir(one_draft)
        shutil.copy(os.path.join(brown, files[0]), one_draft)
        timed([launcher, "audit", one_draft, "--output", os.path.join(tmp, "out"), "--format", "jsonl"])
        words = None
        masters = {"local[1]": 1, "local[2]": 2}
        results = {name: [] for name in list(masters) + ([] if args.no_check else ["check (one invocation)"])}
        for _ in range(args.reps):
            for master, cores in masters.items():
                out = os.path.join(tmp, "out")
                shutil.rmtree(out, ignore_errors=True)
                seconds, rss, log = timed([launcher, "audit", drafts, "--output", out, "--format", "jsonl",
                                           "--master", master], None if args.no_pin else cores)
                words = int(re.search(r"\((\d+) words\)", log).group(1))
                results[master].append((words / seconds, rss))
            if not args.no_check:
                seconds, rss, _ = timed([launcher, "check", "--no-cache", "--format", "json", drafts])
                results["check (one invocation)"].append((words / seconds, rss))
    pinning = "unpinned" if args.no_pin else "local[N] pinned to N cores"
    print(f"{articles} articles, {words} words, {args.reps} runs each (wall clock, JVM start included, {pinning})")
    for name, runs in results.items():
        rates = [r for r, _ in runs]
        print(f"{name:24s} median {statistics.median(rates):8.0f} words/s  (runs {', '.join(f'{r:.0f}' for r in rates)})"
              f"  peak RSS {max(m for _, m in runs):.0f} MB")
    one = statistics.median(r for r, _ in results["local[1]"])
    two = statistics.median(r for r, _ in results["local[2]"])
    print(f"scaling local[2]/local[1]: {two / one:.2f} (issue 18 asks >= 1.7)")
    if not args.no_check:
        chk = statistics.median(r for r, _ in results["check (one invocation)"])
        print(f"local[2]/check: {two / chk:.2f}")


if __name__ == "__main__":
    main()
