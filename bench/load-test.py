#!/usr/bin/env python3
"""Load test for `copydesk serve`, on loopback only, bounded in clients, time and requests.

Starts a server (no result cache, so every request is a real check), then CLIENTS threads send
LanguageTool-style POST /v2/check requests for SECONDS, each text a different article of the
corpus folder (read at run time, never copied). Reports throughput, latency percentiles, every
status seen, the server's peak memory (VmHWM), and whether it stopped cleanly on SIGTERM.
A 503 is counted apart: it is the server refusing more than its queue holds, by design; the
clients then wait as its Retry-After header says, as a polite client does.

Usage: bench/load-test.py [--clients 8] [--seconds 60] [--max-requests 5000]
                          [--folder ../shared/corpus/brown-press] [--workers N] [--queue N]
"""
import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def peak_memory_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=5000)
    parser.add_argument("--folder", default=str(HERE.parent / "shared" / "corpus" / "brown-press"))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--queue", type=int, default=None)
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(args.folder).glob("*.txt"))]
    if not texts:
        sys.exit(f"load-test: no *.txt articles in {args.folder}")
    words = [len(t.split()) for t in texts]

    subprocess.run([str(HERE / "copydesk"), "rules"], check=True, stdout=subprocess.DEVNULL)  # build first
    command = [str(HERE / "copydesk"), "serve", "--host", "127.0.0.1", "--port", "0", "--no-cache"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.queue is not None:
        command += ["--queue", str(args.queue)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    port = None
    log_lines = []
    for line in server.stderr:
        log_lines.append(line)
        match = re.search(r"serving on http://127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
            break
    if port is None:
        sys.exit("load-test: the server did not start:\n" + "".join(log_lines))
    access_log = []
    drain = threading.Thread(target=lambda: access_log.extend(server.stderr), daemon=True)
    drain.start()
    url = f"http://127.0.0.1:{port}/v2/check"
    print(f"server pid {server.pid} on port {port}; {args.clients} clients for {args.seconds:.0f} s "
          f"(at most {args.max_requests} requests), {len(texts)} articles of {statistics.mean(words):.0f} words on average")

    lock = threading.Lock()
    results = []  # (status, seconds, words)
    sent = [0]
    deadline = time.monotonic() + args.seconds

    def client(number):
        i = number
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= args.max_requests:
                    return
                sent[0] += 1
            text = texts[i % len(texts)]
            i += args.clients
            body = urllib.parse.urlencode({"text": text, "language": "auto"}).encode()
            start = time.monotonic()
            try:
                with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=300) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as e:
                status = e.code
                if status == 503:
                    # A polite client waits as told before its next request.
                    time.sleep(float(e.headers.get("Retry-After", "1")))
            except OSError as e:
                status = f"connection error: {e}"
            with lock:
                results.append((status, time.monotonic() - start, len(text.split())))

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    peak = peak_memory_mb(server.pid)

    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "killed after 60 s"
    drain.join(timeout=5)

    ok = sorted(s for status, s, _ in results if status == 200)
    statuses = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    failures = {k: v for k, v in statuses.items() if k not in (200, 503)}
    checked_words = sum(w for status, _, w in results if status == 200)
    print(f"requests: {len(results)} in {elapsed:.1f} s; statuses: {statuses}")
    print(f"throughput: {len(ok) / elapsed:.2f} checks/s, {checked_words / elapsed:.0f} words/s")
    print(f"latency of 200s: p50 {percentile(ok, 50):.3f} s, p95 {percentile(ok, 95):.3f} s, "
          f"p99 {percentile(ok, 99):.3f} s, max {ok[-1] if ok else float('nan'):.3f} s")
    print(f"server peak memory (VmHWM): {peak:.0f} MB")
    print(f"failures other than 503: {sum(failures.values())} {failures if failures else ''}")
    # The JVM exits 143 (128 + SIGTERM) after its shutdown hooks ran, as JVM services do.
    stopped_cleanly = code in (0, 143) and any("copydesk: stopped" in line for line in access_log)
    print(f"SIGTERM: exit {code}, {'stopped cleanly' if stopped_cleanly else 'did NOT stop cleanly'}")
    print(f"access log: {sum(1 for line in access_log if '/v2/check' in line)} request lines")
    sys.exit(0 if not failures and stopped_cleanly else 1)


if __name__ == "__main__":
    main()
