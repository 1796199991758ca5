"""Helpers for the contract tests: the emulator process, a local webhook receiver, bounded waits."""

from __future__ import annotations

import http.server
import json
import os
import pathlib
import queue
import re
import subprocess
import tempfile
import threading
import time
import typing

import httpx

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]

ORG_TOKEN = "polar_oat_emulator"
USER_TOKEN = "polar_pat_emulator"
READ_ONLY_TOKEN = "polar_oat_emulator_readonly"
ACME_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"

_READY_LINE = re.compile(r"^Polar emulator listening on (http://\S+?)/?$")
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


class Emulator:
    """A running `polar-hooks emulator --port 0`, stopped by `stop()`."""

    def __init__(self, *flags: str) -> None:
        binary = binary_path()
        if not binary.is_file():
            raise RuntimeError(
                f"polar-hooks binary not found at {binary}; build it with "
                "`swift build --product polar-hooks` or set POLAR_HOOKS_BIN"
            )
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(binary), "emulator", "--port", "0", *flags],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        lines: queue.Queue[str | None] = queue.Queue()
        # Keep draining stdout so a chatty emulator never blocks on a full pipe.
        threading.Thread(target=self._pump, args=(lines,), daemon=True).start()
        try:
            first = lines.get(timeout=_START_TIMEOUT_SECONDS)
        except queue.Empty:
            self.stop()
            raise RuntimeError(f"emulator printed nothing within {_START_TIMEOUT_SECONDS:.0f} s") from None
        match = _READY_LINE.match((first or "").rstrip("\n"))
        if match is None:
            self.stop()
            raise RuntimeError(f"unexpected first line from the emulator: {first!r}; stderr: {self.stderr()!r}")
        self.base_url = match.group(1)

    def _pump(self, lines: queue.Queue[str | None]) -> None:
        assert self.process.stdout is not None
        first = True
        for line in self.process.stdout:
            if first:
                lines.put(line)
                first = False
        if first:
            lines.put(None)

    def stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")[-2000:]

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

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._stderr.close()


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
