"""`polar-hooks listen` between the emulator and a receiver: what it forwards still verifies with
`standardwebhooks` and the SDK's `validate_event`, byte for byte as Polar sent it."""

from __future__ import annotations

import collections.abc
import functools
import json
import os
import queue
import subprocess
import threading
import time
import typing

import httpx
import pytest
import standardwebhooks
from polar.v2026_10 import Polar
from polar.v2026_10.outputs import WebhookEndpoint
from polar.v2026_10.webhooks import WebhookRefundCreatedPayload, validate_event

from support import ORG_TOKEN, Emulator, Receiver, binary_path, made_then_undone, wait_until

_BANNER = "Listening for webhooks on "


class Listener:
    """A running `polar-hooks listen --port 0 --json …`; its JSON lines are collected."""

    def __init__(self, emulator: Emulator, *arguments: str) -> None:
        environment = {**os.environ, "POLAR_API_URL": emulator.base_url, "POLAR_ACCESS_TOKEN": ORG_TOKEN}
        environment.pop("POLAR_WEBHOOK_SECRET", None)
        self.process = subprocess.Popen(
            [str(binary_path()), "listen", "--port", "0", "--json", *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        self.records: list[dict[str, typing.Any]] = []
        self.banner: list[str] = []
        urls: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, args=(urls,), daemon=True).start()
        try:
            url = urls.get(timeout=30)
        except queue.Empty:
            url = None
        if url is None:
            self.stop()
            raise RuntimeError(f"listen did not say where it listens: {self.banner!r}")
        self.url = url

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.records.append(json.loads(line))

    def _read_stderr(self, urls: queue.Queue[str | None]) -> None:
        assert self.process.stderr is not None
        announced = False
        for line in self.process.stderr:
            self.banner.append(line.rstrip("\n"))
            if not announced and line.startswith(_BANNER):
                urls.put(line[len(_BANNER) :].strip())
                announced = True
        if not announced:
            urls.put(None)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(2)  # Ctrl-C: the listener says what it saw and exits 130 (128 + SIGINT).
        return self.process.wait(timeout=15)


@pytest.fixture
def listener_on(insecure_emulator: Emulator) -> collections.abc.Iterator[typing.Callable[..., Listener]]:
    yield from made_then_undone(functools.partial(Listener, insecure_emulator), Listener.stop)


@pytest.fixture
def listened_endpoint(
    insecure_emulator: Emulator,
    insecure_polar: Polar,
    receiver: Receiver,
    listener_on: typing.Callable[..., Listener],
) -> collections.abc.Iterator[typing.Callable[[str], tuple[WebhookEndpoint, Listener]]]:
    """An endpoint whose URL is a `polar-hooks listen` that forwards to the receiver at `path`,
    after one refund.created event was triggered; the endpoint is deleted afterwards."""
    made: list[WebhookEndpoint] = []

    def start(path: str) -> tuple[WebhookEndpoint, Listener]:
        endpoint = insecure_polar.webhooks.create_webhook_endpoint(
            url="http://127.0.0.1:9/later", format="raw", events=["refund.created"]
        )
        made.append(endpoint)
        listener = listener_on("--endpoint", endpoint.id, "--forward-to", receiver.url(path))
        insecure_polar.webhooks.update_webhook_endpoint(endpoint.id, url=listener.url)
        insecure_emulator.trigger("refund.created")
        return endpoint, listener

    yield start
    for endpoint in made:
        insecure_polar.webhooks.delete_webhook_endpoint(endpoint.id)


def test_forwarded_webhook_verifies_with_the_sdk_and_the_receivers_answer_reaches_polar(
    insecure_polar: Polar,
    receiver: Receiver,
    unique_path: str,
    listened_endpoint: typing.Callable[[str], tuple[WebhookEndpoint, Listener]],
) -> None:
    endpoint, listener = listened_endpoint(unique_path)

    [forwarded] = receiver.wait_for(unique_path)
    # What the receiver got verifies with the stock library and the official SDK, unchanged.
    standardwebhooks.Webhook(endpoint.secret).verify(forwarded.body, forwarded.headers)
    event = validate_event(forwarded.body, forwarded.headers, endpoint.secret)
    assert isinstance(event, WebhookRefundCreatedPayload)
    assert forwarded.headers["webhook-api-version"] == endpoint.api_version

    [delivery] = wait_until(
        lambda: insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=endpoint.id).items or None,
        what="the delivery record",
    )
    assert delivery.webhook_event.payload == forwarded.body.decode()
    assert delivery.webhook_event.id == forwarded.headers["webhook-id"]
    # The receiver's own answer is what Polar stored.
    assert delivery.succeeded is True
    assert delivery.http_code == 200
    assert delivery.response == "ok"

    [record] = wait_until(lambda: listener.records or None, what="the listener's JSON line")
    assert record["verified"] is True
    assert record["signing"] == "standard"
    assert record["forwarded_status"] == 200
    assert record["webhook_id"] == forwarded.headers["webhook-id"]
    assert listener.stop() == 130
    assert endpoint.secret not in "\n".join(listener.banner)


def test_a_receiver_failure_is_what_polar_records(
    insecure_polar: Polar,
    receiver: Receiver,
    unique_path: str,
    listened_endpoint: typing.Callable[[str], tuple[WebhookEndpoint, Listener]],
) -> None:
    # The receiver answers 500 on /fail… paths.
    endpoint, _ = listened_endpoint("/fail" + unique_path)
    [delivery] = wait_until(
        lambda: insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=endpoint.id).items or None,
        what="the delivery record",
    )
    assert delivery.succeeded is False
    assert delivery.http_code == 500
    assert delivery.response == "receiver says no"


_POLAR_HEADERS = {
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "webhook-api-version",
    "content-type",
    "user-agent",
}
# Added by the forwarding client for the hop itself, not taken from the request.
_HOP_HEADERS = {"host", "content-length", "connection"}


def test_a_redelivery_is_forwarded_again_and_a_replay_is_not(
    insecure_polar: Polar,
    receiver: Receiver,
    unique_path: str,
    listened_endpoint: typing.Callable[[str], tuple[WebhookEndpoint, Listener]],
) -> None:
    endpoint, listener = listened_endpoint(unique_path)
    [first] = receiver.wait_for(unique_path)
    # What Polar sent goes on, and nothing else.
    assert set(first.headers) - _HOP_HEADERS == _POLAR_HEADERS

    # Polar signs each attempt at its own second; redeliver once the clock has moved on.
    wait_until(lambda: time.time() >= int(first.headers["webhook-timestamp"]) + 1 or None, what="a new second")
    insecure_polar.webhooks.redeliver_webhook_event(first.headers["webhook-id"])
    _, second = receiver.wait_for(unique_path, count=2)
    assert second.headers["webhook-id"] == first.headers["webhook-id"]
    assert second.headers["webhook-timestamp"] != first.headers["webhook-timestamp"]
    # The redelivery, as forwarded, still verifies with the official SDK.
    assert isinstance(validate_event(second.body, second.headers, endpoint.secret), WebhookRefundCreatedPayload)
    records = wait_until(lambda: listener.records if len(listener.records) >= 2 else None, what="two JSON lines")
    assert [r["redelivery"] for r in records[:2]] == [False, True]

    # The very same request again, as a replayer would send it: acknowledged, not forwarded.
    replay = {name: second.headers[name] for name in _POLAR_HEADERS}
    answer = httpx.post(listener.url, content=second.body, headers=replay, timeout=10)
    assert answer.status_code == 200
    records = wait_until(lambda: listener.records if len(listener.records) >= 3 else None, what="a third line")
    assert records[2]["duplicate"] is True
    assert records[2]["forwarded_status"] is None
    assert len(receiver.received(unique_path)) == 2
