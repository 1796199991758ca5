"""`polar-hooks listen` under load, beside a bare Hummingbird server (the floor), same run.

Throughput: wrk (-t2 -c50) posts webhooks signed in advance, each with a webhook-id of its
own, so every one is verified and remembered for de-duplication. The floor (ListenerFloor)
reads each request and answers 200; listen checks the signature, remembers the attempt, prints
a line per webhook (to a file) and answers 200. Rounds alternate floor, listen, so both meet the
same machine. Memory: listen's resident set with 3,000 idle connections.

usage: listener.py --bin POLAR_HOOKS --floor LISTENER_FLOOR [--duration S] [--rounds N] [--part throughput|memory]
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import resource
import secrets
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import uuid

BODY = json.dumps(
    {
        "type": "order.paid",
        "timestamp": "2026-11-29T10:00:00Z",
        "api_version": "2026-10",
        "data": {"id": "5b8c5e4e-0000-4000-8000-000000000001", "amount": 2500, "currency": "usd"},
    },
    separators=(",", ":"),
).encode()
LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "listener_requests.lua")


def machine_state():
    load = open("/proc/loadavg").read().split()[:3]
    return f"load average {' '.join(load)} on {os.cpu_count()} CPUs"


def cpu_seconds(pid):
    """utime + stime of a process so far (all its threads)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Server:
    """A server process whose URL is the first matching line of its output file."""

    def __init__(self, command, pattern, env=None, stdout_is_banner=True):
        self.output = tempfile.NamedTemporaryFile(prefix="bench-listener-", suffix=".out", delete=False)
        self.errors = tempfile.NamedTemporaryFile(prefix="bench-listener-", suffix=".err", delete=False)
        self.process = subprocess.Popen(
            command, stdout=self.output, stderr=self.errors, stdin=subprocess.DEVNULL, env=env
        )
        banner = self.output.name if stdout_is_banner else self.errors.name
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            match = re.search(pattern, open(banner).read())
            if match:
                self.url = match.group(1)
                self.port = int(re.search(r":(\d+)/", self.url).group(1))
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{command[0]} did not start: {open(self.errors.name).read()!r}")

    def stop(self):
        """SIGINT, then what it wrote on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        said = open(self.errors.name).read()
        for handle in (self.output, self.errors):
            handle.close()
            os.unlink(handle.name)
        return said


def start_floor(floor):
    return Server([floor, "0"], r"Listening on (http://\S+)")


def start_listen(binary, secret, *extra):
    env = {**os.environ, "POLAR_WEBHOOK_SECRET": secret, "NO_COLOR": "1"}
    return Server([binary, "listen", "--port", "0", *extra], r"Listening for webhooks on (http://\S+)", env=env)


def sign(key, webhook_id, timestamp):
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + BODY, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def write_attempts(path, key, count):
    """`count` attempts of distinct events, all signed now."""
    timestamp = int(time.time())
    with open(path, "w") as out:
        for _ in range(count):
            webhook_id = str(uuid.uuid4())
            out.write(f"{webhook_id} {timestamp} {sign(key, webhook_id, timestamp)}\n")


def run_wrk(wrk, url, args, attempts, per_thread, body_path, pid=None):
    cpu_before = cpu_seconds(pid) if pid else 0
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "-s", LUA,
               url, "--", attempts, str(per_thread), body_path]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu = cpu_seconds(pid) - cpu_before if pid else 0
    text = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    p99 = re.search(r"99%\s+(\S+)", text)
    return {
        "rate": rate,
        "total": total,
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "none",
        "p99": p99.group(1) if p99 else "?",
        # The server's CPU time per request it answered: steadier than the rate on a shared machine.
        "cpu_us": cpu / total * 1e6 if pid and total else 0.0,
    }


def throughput(args, secret, key, body_path, workdir):
    # Each wrk thread takes its own slice, enough for every request of a round to be new.
    per_thread = args.attempts_per_thread
    attempts = os.path.join(workdir, "attempts.txt")
    floor_rates, listen_rates, floor_cpu, listen_cpu = [], [], [], []
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.rounds} rounds of floor then listen; "
          f"{per_thread * args.threads:,} distinct signed webhooks per listen round; {machine_state()}")
    for round_number in range(1, args.rounds + 1):
        floor = start_floor(args.floor)
        try:
            # The floor gets the same requests; it checks nothing.
            write_attempts(attempts, key, per_thread * args.threads)
            result = run_wrk(args.wrk, floor.url, args, attempts, per_thread, body_path, floor.process.pid)
        finally:
            floor.stop()
        floor_rates.append(result["rate"])
        floor_cpu.append(result["cpu_us"])
        print(f"  round {round_number} floor : {result['rate']:>9,.0f}/s  {result['total']:>8,} requests, "
              f"{result['cpu_us']:.0f} µs CPU each, "
              f"non-2xx {result['non2xx']}, socket errors {result['socket_errors']}, p99 {result['p99']}; "
              f"{machine_state()}")

        write_attempts(attempts, key, per_thread * args.threads)
        listen = start_listen(args.bin, secret)
        try:
            result = run_wrk(args.wrk, listen.url, args, attempts, per_thread, body_path, listen.process.pid)
            # The memory of repeats is full by now (50,000 attempts): this is its most.
            resident = rss_kib(listen.process.pid)
        finally:
            said = listen.stop()
        listen_rates.append(result["rate"])
        listen_cpu.append(result["cpu_us"])
        summary = re.search(r"Stopped\..*", said)
        print(f"  round {round_number} listen: {result['rate']:>9,.0f}/s  {result['total']:>8,} requests, "
              f"{result['cpu_us']:.0f} µs CPU each, "
              f"non-2xx {result['non2xx']}, socket errors {result['socket_errors']}, p99 {result['p99']}; "
              f"{machine_state()}")
        print(f"      listen said: {summary.group(0) if summary else said.strip()[-300:]!r}; "
              f"resident memory after the round {resident / 1024:.1f} MB")
        if result["total"] > per_thread * args.threads:
            print("      (more requests than distinct webhooks: the rest were duplicates)")
    floor_median = statistics.median(floor_rates)
    listen_median = statistics.median(listen_rates)
    # Each listen round beside the floor round just before it: the machine's load drifts less
    # within a pair than across the run.
    pair_ratios = [listen / floor for floor, listen in zip(floor_rates, listen_rates)]
    print(f"floor  median {floor_median:,.0f}/s  (rounds: {', '.join(f'{r:,.0f}' for r in floor_rates)})")
    print(f"listen median {listen_median:,.0f}/s  (rounds: {', '.join(f'{r:,.0f}' for r in listen_rates)})")
    print(f"listen / floor = {listen_median / floor_median:.2f} (medians); "
          f"{statistics.median(pair_ratios):.2f} (median of the rounds' ratios: "
          f"{', '.join(f'{r:.2f}' for r in pair_ratios)})  (goal: at least 0.80)")
    print(f"CPU per request: floor median {statistics.median(floor_cpu):.0f} µs, listen median "
          f"{statistics.median(listen_cpu):.0f} µs; floor / listen = "
          f"{statistics.median(floor_cpu) / statistics.median(listen_cpu):.2f}")


def open_idle(port, count, send=None):
    connections = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        if send is not None:
            connection.sendall(send())
        connections.append(connection)
    return connections


def still_open(connections):
    alive = 0
    for connection in connections:
        connection.setblocking(False)
        try:
            data = connection.recv(65536)
            alive += 0 if data == b"" else 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


def read_answers(connections):
    for connection in connections:
        connection.settimeout(10)
        buffer = b""
        while b"ok\n" not in buffer:
            chunk = connection.recv(4096)
            if not chunk:
                raise RuntimeError("connection closed before its answer")
            buffer += chunk


def signed_request(key):
    webhook_id, timestamp = str(uuid.uuid4()), int(time.time())
    headers = {
        "Host": "127.0.0.1", "Content-Type": "application/json", "User-Agent": "polar.sh webhooks",
        "webhook-id": webhook_id, "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(key, webhook_id, timestamp), "Content-Length": str(len(BODY)),
    }
    return ("POST / HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode() + BODY


def memory(args, secret, key):
    count = args.idle
    # This process holds every connection open at once.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = count + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
    print(f"{count:,} idle connections; resident memory from /proc/PID/status (VmRSS); {machine_state()}")

    def measure(label, server, connections_factory):
        time.sleep(0.5)
        before = rss_kib(server.process.pid)
        connections = connections_factory(server.port)
        time.sleep(1.0)
        during = rss_kib(server.process.pid)
        alive = still_open(connections)
        for connection in connections:
            connection.close()
        print(f"  {label}: {before / 1024:.1f} MB before, {during / 1024:.1f} MB with them "
              f"({(during - before) / max(alive, 1):.1f} KiB per open connection); {alive:,} of {count:,} still open")

    listen = start_listen(args.bin, secret)
    try:
        measure("listen (defaults), silent connections", listen, lambda port: open_idle(port, count))
    finally:
        listen.stop()
    listen = start_listen(args.bin, secret, "--max-connections", str(count + 100))
    try:
        def kept_alive(port):
            connections = open_idle(port, count, send=lambda: signed_request(key))
            read_answers(connections)
            return connections

        measure(f"listen --max-connections {count + 100}, kept alive after one webhook each", listen, kept_alive)
    finally:
        listen.stop()
    floor = start_floor(args.floor)
    try:
        def kept_alive_floor(port):
            connections = open_idle(port, count, send=lambda: signed_request(key))
            read_answers(connections)
            return connections

        measure("floor, kept alive after one request each", floor, kept_alive_floor)
    finally:
        floor.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--wrk", default="wrk")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--attempts-per-thread", type=int, default=250_000)
    parser.add_argument("--idle", type=int, default=3000)
    parser.add_argument("--part", choices=["all", "throughput", "memory"], default="all")
    args = parser.parse_args()

    key = secrets.token_bytes(32)
    secret = "whsec_" + base64.b64encode(key).decode()
    with tempfile.TemporaryDirectory(prefix="bench-listener-") as workdir:
        body_path = os.path.join(workdir, "body.json")
        with open(body_path, "wb") as out:
            out.write(BODY)
        if args.part in ("all", "throughput"):
            throughput(args, secret, key, body_path, workdir)
        if args.part in ("all", "memory"):
            memory(args, secret, key)


if __name__ == "__main__":
    main()
