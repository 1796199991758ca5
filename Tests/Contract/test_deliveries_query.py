"""The deliveries list's `query` is PostgreSQL ILIKE, unescaped, and `succeeded` is a lax boolean
(CONTRACT.md §2.8)."""

from __future__ import annotations

import collections.abc

import httpx
import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.outputs import WebhookDelivery

from support import ORG_TOKEN, Emulator, Receiver, wait_until

AUTH = {"Authorization": f"Bearer {ORG_TOKEN}"}


@pytest.fixture(scope="module")
def delivered(receiver: Receiver) -> collections.abc.Iterator[tuple[Emulator, list[str]]]:
    """An emulator of its own with one delivery answered 200 and one answered 500 (no retries counted:
    the failing one is looked at before its first retry is due)."""
    running = Emulator("--no-sample-data", "--allow-insecure-urls")
    ids = []
    for path in ("/query-ok", "/fail-query"):
        response = httpx.post(
            f"{running.base_url}/v1/webhooks/endpoints",
            json={"url": receiver.url(path), "format": "raw", "events": ["order.paid"]},
            headers=AUTH,
        )
        ids.append(response.json()["id"])
    running.trigger("order.paid")
    with Polar(ORG_TOKEN, base_url=running.base_url) as polar:
        wait_until(
            lambda: len(list(polar.webhooks.iter_list_webhook_deliveries(endpoint_id=ids))) >= 2,
            what="two deliveries",
        )
    yield running, ids
    running.stop()


def search(emulator: Emulator, endpoint_ids: list[str], **query: str) -> list[WebhookDelivery]:
    with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
        return list(polar.webhooks.iter_list_webhook_deliveries(endpoint_id=endpoint_ids, limit=100, **query))  # type: ignore[arg-type]


class TestQueryIsILike:
    def test_percent_matches_every_delivery(self, delivered: tuple[Emulator, list[str]]) -> None:
        emulator, ids = delivered
        everything = search(emulator, ids)
        assert len(everything) >= 2
        assert {d.id for d in search(emulator, ids, query="%")} == {d.id for d in everything}

    def test_underscore_matches_any_one_character(self, delivered: tuple[Emulator, list[str]]) -> None:
        emulator, ids = delivered
        everything = search(emulator, ids)
        assert {d.id for d in search(emulator, ids, query="_")} == {d.id for d in everything}
        oks = {d.id for d in everything if d.http_code == 200}
        assert oks <= {d.id for d in search(emulator, ids, query="2_0")}
        errors = {d.id for d in everything if d.http_code == 500}
        assert errors <= {d.id for d in search(emulator, ids, query="5%0")}

    def test_backslash_escapes_the_next_character(self, delivered: tuple[Emulator, list[str]]) -> None:
        emulator, ids = delivered
        # A literal percent sign: no id or status code holds one.
        assert search(emulator, ids, query="\\%") == []
        # An escaped ordinary character is that character.
        target = search(emulator, ids)[0]
        assert target.id in {d.id for d in search(emulator, ids, query="\\" + target.id[:8])}


class TestSucceededIsLax:
    @pytest.mark.parametrize(("text", "value"), [("YES", True), ("t", True), ("On", True), ("1", True),
                                                 ("no", False), ("F", False), ("OFF", False), ("0", False)])
    def test_lax_spellings(self, delivered: tuple[Emulator, list[str]], text: str, value: bool) -> None:
        emulator, ids = delivered
        response = httpx.get(
            f"{emulator.base_url}/v1/webhooks/deliveries",
            params={"succeeded": text, "endpoint_id": ids},
            headers=AUTH,
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert items and all(item["succeeded"] is value for item in items)

    def test_anything_else_is_refused(self, delivered: tuple[Emulator, list[str]]) -> None:
        emulator, _ = delivered
        response = httpx.get(f"{emulator.base_url}/v1/webhooks/deliveries", params={"succeeded": "maybe"}, headers=AUTH)
        assert response.status_code == 422
        assert response.json()["detail"][0]["type"] == "bool_parsing"
