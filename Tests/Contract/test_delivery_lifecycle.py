"""A webhook event's life as Polar's worker lives it: deleted endpoints keep their retries and
redeliveries (CONTRACT.md §2.6), the 10-attempt cap counts every delivery and `succeeded: true` sticks
(§2.9, §5.4), `last_http_code` and the `response` of failed attempts (§3), the FIFO guard (§5.4)."""

from __future__ import annotations

import collections.abc

import httpx
import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.outputs import WebhookDelivery, WebhookEndpoint

from support import ORG_TOKEN, Emulator, Receiver, ScriptedReceiver, Step, wait_until, wait_until_idle

FAST = ("--no-sample-data", "--allow-insecure-urls", "--retry-scale", "0.001")
MDN = "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"


@pytest.fixture
def scripted() -> collections.abc.Iterator[collections.abc.Callable[[dict[str, list[Step]]], ScriptedReceiver]]:
    made: list[ScriptedReceiver] = []

    def make(scripts: dict[str, list[Step]]) -> ScriptedReceiver:
        made.append(ScriptedReceiver(scripts))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


def endpoint(polar: Polar, url: str, events: list[str] | None = None) -> WebhookEndpoint:
    return polar.webhooks.create_webhook_endpoint(url=url, format="raw", events=events or ["order.paid"])  # type: ignore[arg-type]


def deliveries(polar: Polar, endpoint_id: str | None = None) -> list[WebhookDelivery]:
    """Newest first; every endpoint's when `endpoint_id` is None (deleted endpoints included)."""
    if endpoint_id is None:
        return list(polar.webhooks.iter_list_webhook_deliveries(limit=100))
    return list(polar.webhooks.iter_list_webhook_deliveries(endpoint_id=endpoint_id, limit=100))


def redeliver(emulator: Emulator, event_id: str) -> None:
    response = httpx.post(
        f"{emulator.base_url}/v1/webhooks/events/{event_id}/redeliver",
        headers={"Authorization": f"Bearer {ORG_TOKEN}", "Content-Length": "0"},
    )
    assert (response.status_code, response.json()) == (202, None)


class TestDeletedEndpoints:
    def test_pending_retries_are_still_sent(self, start_emulator, receiver: Receiver, unique_path: str) -> None:  # type: ignore[no-untyped-def]
        # The real schedule: the first retry is due 2–4 s after the first failure.
        emulator = start_emulator("--no-sample-data", "--allow-insecure-urls")
        path = "/fail" + unique_path
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, receiver.url(path))
            emulator.trigger("order.paid")
            receiver.wait_for(path, 1)
            polar.webhooks.delete_webhook_endpoint(target.id)
            receiver.wait_for(path, 2)
            # Listed without endpoint_id, as deliveries of deleted endpoints are.
            wait_until(lambda: len(deliveries(polar)) >= 2, what="the retry recorded")

    def test_redelivery_is_sent(self, start_emulator, receiver: Receiver, unique_path: str) -> None:  # type: ignore[no-untyped-def]
        emulator = start_emulator(*FAST)
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, receiver.url(unique_path))
            emulator.trigger("order.paid")
            [first] = receiver.wait_for(unique_path, 1)
            wait_until(lambda: deliveries(polar), what="the delivery recorded")
            polar.webhooks.delete_webhook_endpoint(target.id)
            redeliver(emulator, first.headers["webhook-id"])
            second = receiver.wait_for(unique_path, 2)[1]
            assert second.headers["webhook-id"] == first.headers["webhook-id"]


class TestAttemptCap:
    def test_a_redelivery_after_ten_failures_is_one_final_attempt(
        self, start_emulator, receiver: Receiver, unique_path: str  # type: ignore[no-untyped-def]
    ) -> None:
        emulator = start_emulator(*FAST)
        path = "/fail" + unique_path
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, receiver.url(path))
            emulator.trigger("order.paid")
            wait_until(lambda: len(deliveries(polar, target.id)) == 10, what="ten attempts")
            wait_until_idle(emulator)
            [event] = {d.webhook_event.id: d.webhook_event for d in deliveries(polar, target.id)}.values()
            assert event.succeeded is False

            redeliver(emulator, event.id)
            wait_until(lambda: len(deliveries(polar, target.id)) >= 11, what="the redelivery")
            wait_until_idle(emulator)
            rows = deliveries(polar, target.id)
            assert len(rows) == 11
            assert rows[0].webhook_event.succeeded is False

    def test_redeliveries_share_the_cap_with_the_first_series(
        self, start_emulator, scripted, unique_path: str  # type: ignore[no-untyped-def]
    ) -> None:
        # Succeeds once, then fails: the redelivery gets the 9 attempts the event has left.
        emulator = start_emulator(*FAST)
        receiver = scripted({unique_path: [Step(200), Step(500, "Internal Server Error", b"no")]})
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, receiver.url(unique_path))
            emulator.trigger("order.paid")
            wait_until(lambda: deliveries(polar, target.id), what="the first delivery")
            [first] = deliveries(polar, target.id)
            assert first.webhook_event.succeeded is True

            redeliver(emulator, first.webhook_event.id)
            wait_until(lambda: len(deliveries(polar, target.id)) >= 10, what="nine more attempts")
            wait_until_idle(emulator)
            rows = deliveries(polar, target.id)
            assert len(rows) == 10
            assert [row.succeeded for row in rows] == [False] * 9 + [True]
            # It succeeded once, so it stays succeeded; and one success keeps the endpoint enabled.
            assert rows[0].webhook_event.succeeded is True
            assert polar.webhooks.get_webhook_endpoint(target.id).enabled is True


class TestFailedAttempts:
    def test_last_http_code_survives_network_failures(self, start_emulator, scripted, unique_path: str) -> None:  # type: ignore[no-untyped-def]
        emulator = start_emulator(*FAST)
        receiver = scripted({unique_path: [Step(500, "Internal Server Error"), Step(disconnect=True)]})
        url = receiver.url(unique_path)
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, url)
            emulator.trigger("order.paid")
            wait_until(lambda: len(deliveries(polar, target.id)) == 10, what="ten attempts")
            wait_until_idle(emulator)
            rows = deliveries(polar, target.id)
            oldest, rest = rows[-1], rows[:-1]
            assert (oldest.http_code, oldest.response) == (
                500,
                f"Server error '500 Internal Server Error' for url '{url}'\n{MDN}500",
            )
            for row in rest:
                assert (row.http_code, row.response) == (None, "Server disconnected without sending a response.")
            assert rows[0].webhook_event.last_http_code == 500
            assert rows[0].webhook_event.succeeded is False

    @pytest.mark.parametrize(
        ("step", "expected"),
        [
            (Step(404, "Not Found"), "Client error '404 Not Found' for url '{url}'\n" + MDN + "404"),
            (
                Step(302, "Found", headers=(("Location", "https://elsewhere.example/x"),)),
                "Redirect response '302 Found' for url '{url}'\nRedirect location: 'https://elsewhere.example/x'\n"
                + MDN + "302",
            ),
            (Step(301, "Moved Permanently"), "Redirect response '301 Moved Permanently' for url '{url}'\n" + MDN + "301"),
            (Step(503, "Service Unavailable", b"down for maintenance"), "down for maintenance"),
            (Step(500, "Internal Server Error", b"\x00o\x00k\x00"), "ok"),
            (Step(500, "Internal Server Error", b"\x00\x00"), ""),
            (Step(500, "Internal Server Error", "é".encode() * 3000), "é" * 2048),
            (Step(200, "OK"), None),
            (Step(200, "OK", b"thanks"), "thanks"),
        ],
        ids=["404-empty", "302-location", "301-no-location", "503-body", "nul-removed", "only-nul", "2048-characters",
             "200-empty", "200-body"],
    )
    def test_response_texts(
        self, start_emulator, scripted, unique_path: str, step: Step, expected: str | None  # type: ignore[no-untyped-def]
    ) -> None:
        emulator = start_emulator(*FAST)
        receiver = scripted({unique_path: [step]})
        url = receiver.url(unique_path)
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            target = endpoint(polar, url)
            emulator.trigger("order.paid")
            wait_until(lambda: deliveries(polar, target.id), what="the first delivery")
            first = deliveries(polar, target.id)[-1]
            assert first.http_code == step.status
            assert first.response == (expected.format(url=url) if expected else expected)


class TestFifoGuard:
    def test_a_later_event_waits_while_an_earlier_one_is_being_answered(
        self, start_emulator, scripted, unique_path: str  # type: ignore[no-untyped-def]
    ) -> None:
        emulator = start_emulator(*FAST)
        # The first request is held until a second one arrives, or 3 s at most.
        receiver = scripted({unique_path: [Step(200, hold_until=2, hold_seconds=3), Step(200)]})
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
            endpoint(polar, receiver.url(unique_path))
            emulator.trigger("order.paid")
            receiver.wait_for(unique_path, 1)
            emulator.trigger("order.paid")
            receiver.wait_for(unique_path, 2)
        events = [entry[0] for entry in receiver.log]
        assert events == ["arrived", "answered", "arrived", "answered"], receiver.log
