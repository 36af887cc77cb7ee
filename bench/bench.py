"""Benchmarks goto against nginx and wrk started in the same run on the same pinned cores.

The server under test and nginx run on CPU 0, the load generator on CPU 1, all on loopback.
Every figure is the median of several runs and is printed beside its reference as a ratio.
"""
import argparse
from datetime import datetime
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER_CPU, LOAD_CPU = "0", "1"
GOTO_PORT, BASE_PORT, NGINX_PROXY_PORT, CLIENT_PORT = 18080, 18090, 18091, 18081


def http(method, port, path, body=None, timeout=30):
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_until(condition, timeout=60.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"timed out waiting for {what}")


def wrk(url, connections, seconds, threads=1):
    out = subprocess.run(["taskset", "-c", LOAD_CPU, "wrk", "-t", str(threads), "-c", str(connections),
                          "-d", f"{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return rate, (int(errors.group(1)) if errors else 0), (socket_errors.group(1) if socket_errors else "")


class Nginx:
    def __init__(self, workdir):
        conf = open(os.path.join(ROOT, "bench", "nginx.conf")).read()
        conf = conf.replace("__DIR__", workdir).replace("__BASE_PORT__", str(BASE_PORT)) \
            .replace("__PROXY_PORT__", str(NGINX_PROXY_PORT))
        path = os.path.join(workdir, "nginx.conf")
        open(path, "w").write(conf)
        self.proc = subprocess.Popen(["taskset", "-c", SERVER_CPU, shutil.which("nginx"), "-c", path,
                                      "-p", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: http("GET", BASE_PORT, "/")[0] == 200, what="nginx")

    def stop(self):
        self.proc.send_signal(signal.SIGQUIT)
        self.proc.wait(timeout=30)


class Goto:
    def __init__(self, *args, cpu=SERVER_CPU, port=GOTO_PORT):
        self.port = port
        self.started = time.monotonic()
        self.proc = subprocess.Popen(["taskset", "-c", cpu, os.path.join(ROOT, "goto"), "--bind",
                                      "127.0.0.1", "--port", str(port), *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: http("GET", port, "/echo")[0] == 200, what="goto")
        self.ready_seconds = time.monotonic() - self.started

    def rss_mb(self):
        # ./goto execs java, so the script's PID is the JVM's.
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)


def client_results_total(port):
    status, body = http("GET", port, "/client/results")
    counts = json.loads(body).get("countsByStatusCodes") or {}
    return sum(counts.values()), counts


def run_client(client, replicas, request_count, url, delay="0s", poll=0.1):
    """Runs one target to its end; returns the time from invoke until its last response (as the
    results record it, so reading them seldom costs no precision), the total and the counts by
    status code, and how long each read of the results took. Results are read every `poll`
    seconds, or back to back when it is 0."""
    port = client.port
    http("POST", port, "/client/targets/clear")
    http("POST", port, "/client/results/clear")
    http("PUT", port, "/client/blocking/set/N")
    target = {"name": "bench", "method": "GET", "url": url, "replicas": replicas,
              "requestCount": request_count, "delay": delay}
    status, body = http("POST", port, "/client/targets/add", json.dumps(target))
    if status != 200:
        raise SystemExit(f"cannot add client target: {status} {body}")
    expected = replicas * request_count
    started = time.monotonic()
    invoked_at = time.time()
    http("POST", port, "/client/targets/bench/invoke")
    reads = []
    while True:
        t = time.monotonic()
        total, counts = client_results_total(port)
        reads.append((time.monotonic() - t) * 1000)
        if total >= expected:
            break
        if time.monotonic() - started > 300:
            raise SystemExit("timed out waiting for client results")
        if poll:
            time.sleep(poll)
    status, body = http("GET", port, "/client/results")
    last = json.loads(body)["targetLastResponses"]["bench"]
    elapsed = datetime.fromisoformat(last.replace("Z", "+00:00")).timestamp() - invoked_at
    return elapsed, total, counts, reads


def median_of(runs, measure):
    values = [measure() for _ in range(runs)]
    return statistics.median(values)


def compare(runs, secs, reference_url, goto_url):
    """Median rates of wrk against the reference and against goto, measured in turns."""
    pairs = []
    for _ in range(runs):
        ref = wrk(reference_url, 64, secs)[0]
        got = wrk(goto_url, 64, secs)[0]
        pairs.append((got, ref))
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def warm_up(url, secs=5):
    """Lets the JIT compile the path before it is measured."""
    wrk(url, 64, secs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    runs, secs = args.runs, args.seconds
    rows = []

    workdir = tempfile.mkdtemp(prefix="goto-bench-")
    nginx = Nginx(workdir)
    goto = Goto("--label", "bench")
    # The client is a load generator: it gets the load generator's core, as wrk does.
    client = Goto("--label", "bench-client", cpu=LOAD_CPU, port=CLIENT_PORT)
    try:
        startup = goto.ready_seconds
        idle_rss = goto.rss_mb()
        rows.append(("Start-up: first 200 from /echo", f"{startup:.2f} s", "0.8 s", "", ""))
        rows.append(("Resident memory at idle", f"{idle_rss:.0f} MB", "120 MB", "", ""))

        # 1. Server: catch-all, /echo and /status/200 against nginx return 200.
        base = f"http://127.0.0.1:{BASE_PORT}/"
        for label, path, goal in [("catch-all GET", "/some/path", 0.5), ("/echo", "/echo", 0.5),
                                  ("/status/200", "/status/200", 0.6)]:
            warm_up(f"http://127.0.0.1:{GOTO_PORT}{path}")
            got, ref = compare(runs, secs, base, f"http://127.0.0.1:{GOTO_PORT}{path}")
            rows.append((f"Server {label}, 64 connections", f"{got:,.0f} req/s",
                         f"nginx {ref:,.0f} req/s", f"{got / ref:.2f}", f">= {goal}"))
        rows.append(("Resident memory after server load", f"{goto.rss_mb():.0f} MB", "300 MB", "", ""))

        # 2. Proxy: goto proxying to the nginx baseline against nginx proxy_pass to it.
        target = {"name": "bench", "url": f"http://127.0.0.1:{BASE_PORT}", "match": {"uris": ["/"]},
                  "enabled": True}
        status, body = http("POST", GOTO_PORT, "/request/proxy/targets/add", json.dumps(target))
        if status != 200:
            raise SystemExit(f"cannot add proxy target: {status} {body}")
        warm_up(f"http://127.0.0.1:{GOTO_PORT}/p")
        got, ref = compare(runs, secs, f"http://127.0.0.1:{NGINX_PROXY_PORT}/p",
                           f"http://127.0.0.1:{GOTO_PORT}/p")
        rows.append(("Proxy to the nginx baseline, 64 connections", f"{got:,.0f} req/s",
                     f"nginx proxy_pass {ref:,.0f} req/s", f"{got / ref:.2f}", ">= 0.8"))
        http("POST", GOTO_PORT, "/request/proxy/targets/clear")

        # 4. Forced delay of 100 ms under 1,000 connections: 10,000 req/s if nothing waits on
        # anything but the timers.
        http("PUT", GOTO_PORT, "/response/delay/set/100ms")
        got, errors, sock = wrk(f"http://127.0.0.1:{GOTO_PORT}/delayed", 1000, secs)
        http("PUT", GOTO_PORT, "/response/delay/clear")
        rows.append(("Delay 100ms, 1,000 connections", f"{got:,.0f} req/s", "10,000 req/s",
                     f"{got / 10000:.2f}", "0.9 to 1.1" + (f", socket errors {sock}" if sock else "")))

        # 3. Client: generation rate against wrk's rate on the same nginx, each on CPU 1.
        # Warm-up: twice 640,000 requests, so the JIT has compiled the whole request path.
        run_client(client, 64, 10000, base)
        run_client(client, 64, 10000, base)
        pairs = []
        for _ in range(runs):
            ref = wrk(base, 64, secs)[0]
            elapsed, total, counts, _ = run_client(client, 64, 1563, base)
            pairs.append((total / elapsed, ref, total, counts))
        got = statistics.median(p[0] for p in pairs)
        ref = statistics.median(p[1] for p in pairs)
        exact = all(p[2] == 64 * 1563 and set(p[3]) == {"200"} for p in pairs)
        rows.append(("Client, 64 replicas, 100,032 requests", f"{got:,.0f} req/s",
                     f"wrk {ref:,.0f} req/s", f"{got / ref:.2f}",
                     ">= 0.5, counts " + ("exact" if exact else "NOT exact")))
        elapsed, total, counts, _ = run_client(client, 1000, 100, base)
        ok = total == 100_000 and set(counts) == {"200"}
        rows.append(("Client, 1,000 replicas x 100", f"{total / elapsed:,.0f} req/s", "", "",
                     "no errors, counts " + ("exact" if ok else f"NOT exact: {counts}")))

        # 5. Pacing: 4 replicas, 50 rounds, 20ms apart should take about 1 s.
        elapsed = median_of(runs, lambda: run_client(client, 4, 50, base, "20ms")[0])
        rows.append(("Pacing: 4 replicas x 50 rounds, delay 20ms", f"{elapsed:.3f} s", "1.000 s",
                     f"{elapsed / 1.0:.3f}", "within 5 %"))

        # 7. Reading results while 64 replicas run: 100 reads a second (a busy watcher; the
        # rate of 3. reads 10 a second), and back to back, each against the rate of 3. The
        # reads come from this script, which shares the machine's two cores with the run.
        for label, poll in [("100 reads/s", 0.01), ("back to back", 0)]:
            pairs = []
            for _ in range(runs):
                elapsed, total, _, reads = run_client(client, 64, 1563, base, poll=poll)
                pairs.append((total / elapsed, statistics.median(reads), max(reads)))
            busy = statistics.median(p[0] for p in pairs)
            rows.append((f"GET /client/results under 64 replicas, {label}: p50 / max",
                         f"{statistics.median(p[1] for p in pairs):.1f} / "
                         f"{max(p[2] for p in pairs):.1f} ms", "50 ms", "", ""))
            rows.append((f"Client rate while its results are read {label}", f"{busy:,.0f} req/s",
                         f"{got:,.0f} req/s (3.)", f"{busy / got:.2f}", ">= 0.95"))
    finally:
        client.stop()
        goto.stop()
        nginx.stop()

    print("| benchmark | goto | reference | ratio | goal |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
