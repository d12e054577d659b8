#!/usr/bin/env python3
"""Re-check latency of `copydesk lsp` after an edit, as an editor sees it.

Starts `./copydesk lsp` (the launcher, as an editor would), speaks the Language Server Protocol
to it over its standard input and output, opens a draft, waits for its first diagnostics (the
server is then warm), and then, RUNS times, sends an edit that fixes or reintroduces a typo and
times the wait from sending the change to the diagnostics of that version arriving. Prints each
time, the median and the quartiles. The server's debounce is part of what is timed: it is what an
editor waits for.

    bench/lsp-latency.py [--runs 21] [--draft FILE] [--word Presdient --fixed President] [--no-cache]

The draft defaults to fixtures/envoy-visit.md; the typo must be in it. Every run changes one
word in one paragraph, so the cache answers for the others, as after a real edit. --no-cache
makes LanguageTool check the whole draft each time, for comparison.

The peer, measured in the same run on the same edits: what an editor's linter plug-in that runs a
command line on each save (ALE, nvim-lint, flycheck) waits for, `copydesk check --daemon` on the
saved draft through copydesk's warm background server (started before the first timed run, and
stopped at the end). --no-peer leaves it out. Exits 1 if a run does not
get its diagnostics within 30 s, or if the typo's diagnostic is not there when it should be (and
gone when it should not).
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent.parent


class Client:
    def __init__(self, command, env):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
        self.next_id = 1
        self.debounce = 150  # copydesk lsp's default (--debounce)

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1
        return self.next_id - 1

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, deadline):
        headers = {}
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            headers[name.strip().lower()] = value.strip()
        return json.loads(self.process.stdout.read(int(headers["content-length"])))

    def wait_for(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            message = self.read(deadline)
            if message.get("method") == "workspace/configuration":
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": [None]})
            if predicate(message):
                return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--draft", default=str(HERE / "fixtures" / "envoy-visit.md"))
    parser.add_argument("--word", default="Presdient")
    parser.add_argument("--fixed", default="President")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()

    text = pathlib.Path(args.draft).read_text(encoding="utf-8")
    if args.word not in text:
        sys.exit(f"{args.draft} does not hold '{args.word}'")
    env = {k: v for k, v in os.environ.items()}
    with tempfile.TemporaryDirectory() as scratch:
        draft = pathlib.Path(scratch) / pathlib.Path(args.draft).name
        draft.write_text(text, encoding="utf-8")
        command = [str(HERE / "copydesk"), "lsp", "--no-config"]
        command += ["--no-cache"] if args.no_cache else ["--cache-dir", str(pathlib.Path(scratch) / "cache")]
        client = Client(command, env)
        try:
            uri = draft.as_uri()
            client.request("initialize", {"processId": os.getpid(), "rootUri": pathlib.Path(scratch).as_uri(),
                                          "capabilities": {}})
            client.wait_for(lambda m: m.get("id") == 1)
            client.notify("initialized", {})
            started = time.monotonic()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
            first = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"].get("version") == 1)
            print(f"first diagnostics (cold: LanguageTool loaded, the draft checked): {time.monotonic() - started:.2f} s, "
                  f"{len(first['params']['diagnostics'])} diagnostics")
            times = []
            for run in range(args.runs):
                version = run + 2
                typo = run % 2 == 1  # even runs fix the typo, odd ones put it back
                # A new sentence in the typo's paragraph each run, so that paragraph is new to the cache.
                edited = (text if typo else text.replace(args.word, args.fixed)).replace(
                    args.word if typo else args.fixed, (args.word if typo else args.fixed) + f" (edit {run})", 1)
                sent = time.monotonic()
                client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                         "contentChanges": [{"text": edited}]})
                message = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                          and m["params"].get("version") == version)
                elapsed = time.monotonic() - sent
                flagged = any(d["message"].find(f"'{args.word}'") >= 0 for d in message["params"]["diagnostics"])
                if flagged != typo:
                    sys.exit(f"run {run}: the typo's diagnostic is {'there' if flagged else 'missing'}, it should not be")
                times.append(elapsed)
                print(f"run {run + 1}: {elapsed * 1000:.0f} ms ({'typo back' if typo else 'typo fixed'})")
            peer = []
            if not args.no_peer:
                cache = str(pathlib.Path(scratch) / "peer-cache")
                check = [str(HERE / "copydesk"), "check", "--daemon", "--no-config", "--cache-dir", cache,
                         "--format", "json", str(draft)]
                peer_env = dict(env, COPYDESK_DAEMON="1")
                try:
                    draft.write_text(text, encoding="utf-8")
                    subprocess.run(check, env=peer_env, capture_output=True, timeout=300)  # starts the server, warms it
                    for run in range(args.runs):
                        typo = run % 2 == 1
                        edited = (text if typo else text.replace(args.word, args.fixed)).replace(
                            args.word if typo else args.fixed, (args.word if typo else args.fixed) + f" (peer edit {run})", 1)
                        draft.write_text(edited, encoding="utf-8")
                        sent = time.monotonic()
                        result = subprocess.run(check, env=peer_env, capture_output=True, timeout=300)
                        elapsed = time.monotonic() - sent
                        flagged = f"'{args.word}'" in result.stdout.decode("utf-8")
                        if flagged != typo or result.returncode not in (0, 1):
                            sys.exit(f"peer run {run}: exit {result.returncode}, typo {'flagged' if flagged else 'not flagged'}")
                        peer.append(elapsed)
                        print(f"peer run {run + 1}: {elapsed * 1000:.0f} ms")
                finally:
                    subprocess.run([str(HERE / "copydesk"), "serve", "--stop-daemons", "--cache-dir", cache],
                                   capture_output=True, timeout=120)
            client.request("shutdown", None)
            client.wait_for(lambda m: m.get("id") == 2)
            client.notify("exit", None)
            client.process.wait(timeout=10)
        finally:
            if client.process.poll() is None:
                client.process.kill()
                client.process.wait()
    quartiles = statistics.quantiles(times, n=4)
    print(f"copydesk lsp, re-check after an edit, {len(times)} runs, warm: median {statistics.median(times) * 1000:.0f} ms "
          f"(quartiles {quartiles[0] * 1000:.0f}-{quartiles[2] * 1000:.0f} ms, the {client.debounce} ms debounce included), "
          f"server exit code {client.process.returncode}")
    if peer:
        print(f"peer, copydesk check --daemon on the saved draft: median {statistics.median(peer) * 1000:.0f} ms; "
              f"ratio lsp/peer {statistics.median(times) / statistics.median(peer):.2f}")


if __name__ == "__main__":
    main()
