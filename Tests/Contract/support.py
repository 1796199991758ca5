"""Helpers for the contract tests: the emulator process, a local webhook receiver, bounded waits."""

from __future__ import annotations

import http.client
import http.server
import json
import os
import pathlib
import socket
import sys
import threading
import time
import typing

import httpx

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "scripts" / "lib"))

from emulator_process import EmulatorProcess  # noqa: E402  (after the path it lives on)

ORG_TOKEN = "polar_oat_emulator"
USER_TOKEN = "polar_pat_emulator"
READ_ONLY_TOKEN = "polar_oat_emulator_readonly"
ACME_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"

_START_TIMEOUT_SECONDS = 30.0


def binary_path() -> pathlib.Path:
    """The polar-hooks binary: $POLAR_HOOKS_BIN, else .build/debug/polar-hooks in the repository."""
    configured = os.environ.get("POLAR_HOOKS_BIN")
    return pathlib.Path(configured) if configured else REPO_ROOT / ".build" / "debug" / "polar-hooks"


def wait_until(
    condition: typing.Callable[[], typing.Any],
    *,
    timeout: float = 30.0,
    interval: float = 0.05,
    what: str = "condition",
) -> typing.Any:
    """Polls `condition` until it returns something truthy, and returns that; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


_Made = typing.TypeVar("_Made")


def made_then_undone(
    make: typing.Callable[..., _Made], undo: typing.Callable[[_Made], object]
) -> typing.Iterator[typing.Callable[..., _Made]]:
    """The body of a fixture that makes things on demand: yields `make`, and once the test is
    over `undo`es everything it made, in order (`yield from made_then_undone(Emulator, Emulator.stop)`)."""
    made: list[_Made] = []

    def tracked(*arguments: typing.Any, **keywords: typing.Any) -> _Made:
        item = make(*arguments, **keywords)
        made.append(item)
        return item

    yield tracked
    for item in made:
        undo(item)


class Emulator(EmulatorProcess):
    """A running `polar-hooks emulator --port 0`, stopped by `stop()`."""

    def __init__(self, *flags: str) -> None:
        binary = binary_path()
        if not binary.is_file():
            raise RuntimeError(
                f"polar-hooks binary not found at {binary}; build it with "
                "`swift build --product polar-hooks` or set POLAR_HOOKS_BIN"
            )
        super().__init__(binary, flags, timeout=_START_TIMEOUT_SECONDS)
        self.base_url = self.url

    def trigger(self, event_type: str, organization_id: str | None = ACME_ID) -> httpx.Response:
        """Asks the emulator to emit one event through its admin route."""
        body: dict[str, str] = {"type": event_type}
        if organization_id is not None:
            body["organization_id"] = organization_id
        response = httpx.post(
            f"{self.base_url}/_emulator/trigger",
            json=body,
            headers={"Authorization": f"Bearer {ORG_TOKEN}"},
            timeout=5.0,
        )
        assert response.is_success, f"trigger {event_type} failed: {response.status_code} {response.text}"
        return response


class ReceivedWebhook(typing.NamedTuple):
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """A webhook receiver on 127.0.0.1. Paths starting with /fail answer 500, all others 200."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._received: list[ReceivedWebhook] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver._received.append(
                        ReceivedWebhook(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                status = 500 if self.path.startswith("/fail") else 200
                answer = b"receiver says no" if status == 500 else b"ok"
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: typing.Any) -> None:  # noqa: A002
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def received(self, path: str | None = None) -> list[ReceivedWebhook]:
        with self._lock:
            return [r for r in self._received if path is None or r.path == path]

    def wait_for(self, path: str, count: int = 1, timeout: float = 30.0) -> list[ReceivedWebhook]:
        """Waits until at least `count` webhooks arrived at `path` and returns them."""
        def enough() -> list[ReceivedWebhook] | None:
            hits = self.received(path)
            return hits if len(hits) >= count else None

        return wait_until(
            enough,
            timeout=timeout,
            what=f"{count} webhook(s) at {path}",
        )

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def payload_type(webhook: ReceivedWebhook) -> str:
    return json.loads(webhook.body)["type"]


class RawResponse(typing.NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> typing.Any:
        return json.loads(self.body)


def raw_request(
    base_url: str,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    timeout: float = 10.0,
) -> RawResponse:
    """Sends exactly the given request line, headers and body bytes (no Content-Length is added),
    for what the SDK and httpx cannot express: no Content-Length, chunked bodies, lying lengths."""
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    with socket.create_connection((host, int(port)), timeout=timeout) as connection:
        connection.sendall(request)
        response = http.client.HTTPResponse(connection)
        response.begin()
        answer = response.read()
        return RawResponse(response.status, {k.lower(): v for k, v in response.getheaders()}, answer)


def health(emulator: Emulator) -> dict[str, typing.Any]:
    return httpx.get(f"{emulator.base_url}/_emulator/health", timeout=5.0).json()


def wait_until_idle(emulator: Emulator, timeout: float = 30.0) -> None:
    """Waits until the emulator has no delivery attempting or waiting to retry."""
    wait_until(lambda: health(emulator)["active_deliveries"] == 0, timeout=timeout, what="no active deliveries")


class Step(typing.NamedTuple):
    """One scripted answer: a status line, headers and body, or `disconnect` (close without answering).
    `hold_until` keeps the request waiting until that many requests have arrived in all (or `hold_seconds`)."""

    status: int = 200
    reason: str = "OK"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    disconnect: bool = False
    hold_until: int = 0
    hold_seconds: float = 0.0


class Arrival(typing.NamedTuple):
    path: str
    headers: dict[str, str]
    body: bytes
    sequence: int


class ScriptedReceiver:
    """A raw HTTP/1.1 receiver on 127.0.0.1 that answers each path with its script, one step per
    request (the last step repeats), and logs events in order: ("arrived", path, n) and ("answered", path, n)."""

    def __init__(self, scripts: dict[str, list[Step]]) -> None:
        self._scripts = scripts
        self._lock = threading.Condition()
        self._arrivals: list[Arrival] = []
        self.log: list[tuple[str, str, int]] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(15)
            reader = connection.makefile("rb")
            request_line = reader.readline().decode("latin-1").split()
            if len(request_line) < 2:
                return
            headers: dict[str, str] = {}
            while (line := reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = reader.read(int(headers.get("content-length") or 0))
            path = request_line[1]
            with self._lock:
                sequence = len(self._arrivals) + 1
                same_path = sum(1 for a in self._arrivals if a.path == path)
                self._arrivals.append(Arrival(path, headers, body, sequence))
                self.log.append(("arrived", path, sequence))
                self._lock.notify_all()
            script = self._scripts.get(path, [Step()])
            step = script[min(same_path, len(script) - 1)]
            if step.hold_until or step.hold_seconds:
                with self._lock:
                    self._lock.wait_for(
                        lambda: step.hold_until and len(self._arrivals) >= step.hold_until,
                        timeout=step.hold_seconds or 15,
                    )
            if step.disconnect:
                with self._lock:
                    self.log.append(("answered", path, sequence))
                return
            head = f"HTTP/1.1 {step.status} {step.reason}\r\nContent-Length: {len(step.body)}\r\nConnection: close\r\n"
            head += "".join(f"{name}: {value}\r\n" for name, value in step.headers)
            connection.sendall(head.encode("latin-1") + b"\r\n" + step.body)
            with self._lock:
                self.log.append(("answered", path, sequence))

    def arrivals(self, path: str | None = None) -> list[Arrival]:
        with self._lock:
            return [a for a in self._arrivals if path is None or a.path == path]

    def wait_for(self, path: str, count: int = 1, timeout: float = 30.0) -> list[Arrival]:
        def enough() -> list[Arrival] | None:
            hits = self.arrivals(path)
            return hits if len(hits) >= count else None

        return wait_until(enough, timeout=timeout, what=f"{count} request(s) at {path}")

    def close(self) -> None:
        self._socket.close()
