"""Deliveries, their filters and redelivery, against real deliveries to a local receiver (CONTRACT.md §2.8–2.9)."""

from __future__ import annotations

import collections.abc
import datetime
import uuid

import httpx
import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.errors import HTTPValidationError, ResourceNotFound
from polar.v2026_10.outputs import WebhookDelivery, WebhookEndpoint

from support import ORG_TOKEN, Emulator, Receiver, wait_until


def deliveries_of(polar: Polar, endpoint: WebhookEndpoint, **filters: object) -> list[WebhookDelivery]:
    return list(polar.webhooks.iter_list_webhook_deliveries(endpoint_id=endpoint.id, limit=100, **filters))  # type: ignore[arg-type]


def parse_time(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def wait_for_deliveries(polar: Polar, endpoint: WebhookEndpoint, count: int) -> list[WebhookDelivery]:
    def enough() -> list[WebhookDelivery] | None:
        found = deliveries_of(polar, endpoint)
        return found if len(found) >= count else None

    return wait_until(
        enough,
        what=f"{count} deliveries to {endpoint.url}",
    )


@pytest.fixture
def two_endpoints(
    insecure_polar: Polar, insecure_emulator: Emulator, receiver: Receiver, unique_path: str
) -> collections.abc.Iterator[tuple[WebhookEndpoint, WebhookEndpoint]]:
    """One endpoint that answers 200 (order.paid, refund.created) and one that answers 500 (order.paid)."""
    good = insecure_polar.webhooks.create_webhook_endpoint(
        url=receiver.url(unique_path), format="raw", events=["order.paid", "refund.created"]
    )
    bad = insecure_polar.webhooks.create_webhook_endpoint(
        url=receiver.url("/fail" + unique_path), format="raw", events=["order.paid"]
    )
    insecure_emulator.trigger("order.paid")
    insecure_emulator.trigger("refund.created")
    wait_for_deliveries(insecure_polar, good, 2)
    wait_for_deliveries(insecure_polar, bad, 1)
    yield good, bad
    # Deleted endpoints get no new events, so later tests' triggers do not reach these.
    insecure_polar.webhooks.delete_webhook_endpoint(good.id)
    insecure_polar.webhooks.delete_webhook_endpoint(bad.id)


class TestDeliveryList:
    def test_each_attempt_is_a_delivery_with_its_event(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        deliveries = deliveries_of(insecure_polar, good)
        assert sorted(d.webhook_event.type for d in deliveries) == ["order.paid", "refund.created"]
        for delivery in deliveries:
            assert delivery.succeeded is True
            assert delivery.http_code == 200
            assert delivery.response == "ok"
            assert delivery.webhook_event.succeeded is True
            assert delivery.webhook_event.is_archived is False
            assert delivery.webhook_event.payload is not None
            uuid.UUID(delivery.id, version=4)

    def test_failed_delivery_records_code_and_response(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        _, bad = two_endpoints
        first = deliveries_of(insecure_polar, bad)[-1]
        assert first.succeeded is False
        assert first.http_code == 500
        assert first.response == "receiver says no"

    def test_filter_by_success(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, bad = two_endpoints
        both = [good.id, bad.id]
        succeeded = list(insecure_polar.webhooks.iter_list_webhook_deliveries(endpoint_id=both, succeeded=True))
        failed = list(insecure_polar.webhooks.iter_list_webhook_deliveries(endpoint_id=both, succeeded=False))
        assert succeeded and all(d.succeeded for d in succeeded)
        assert failed and not any(d.succeeded for d in failed)

    def test_filter_by_http_code_class(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, bad = two_endpoints
        both = [good.id, bad.id]
        server_errors = list(insecure_polar.webhooks.iter_list_webhook_deliveries(endpoint_id=both, http_code_class="5xx"))
        oks = list(insecure_polar.webhooks.iter_list_webhook_deliveries(endpoint_id=both, http_code_class="2xx"))
        redirects = list(insecure_polar.webhooks.iter_list_webhook_deliveries(endpoint_id=both, http_code_class="3xx"))
        assert server_errors and {d.http_code for d in server_errors} == {500}
        assert len(oks) == 2 and {d.http_code for d in oks} == {200}
        assert redirects == []

    def test_filter_by_event_type(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        refunds = deliveries_of(insecure_polar, good, event_type="refund.created")
        assert [d.webhook_event.type for d in refunds] == ["refund.created"]
        several = deliveries_of(insecure_polar, good, event_type=["refund.created", "order.paid"])
        assert len(several) == 2

    def test_filter_by_query_matches_event_id(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        target = deliveries_of(insecure_polar, good)[0]
        found = deliveries_of(insecure_polar, good, query=target.webhook_event.id.upper())
        assert [d.id for d in found] == [target.id]

    def test_filter_by_time_window(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        now = datetime.datetime.now(datetime.UTC)
        hour = datetime.timedelta(hours=1)
        inside = deliveries_of(
            insecure_polar, good, start_timestamp=(now - hour).isoformat(), end_timestamp=(now + hour).isoformat()
        )
        assert len(inside) == 2
        assert deliveries_of(insecure_polar, good, start_timestamp=(now + hour).isoformat()) == []
        assert deliveries_of(insecure_polar, good, end_timestamp=(now - hour).isoformat()) == []

    def test_naive_timestamp_is_rejected(self, insecure_polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            insecure_polar.webhooks.list_webhook_deliveries(start_timestamp="2026-01-01T00:00:00")
        [issue] = raised.value.error.detail or []
        assert (issue.loc, issue.type) == (["query", "start_timestamp"], "timezone_aware")

    def test_bad_http_code_class_is_rejected(self, insecure_polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            insecure_polar.webhooks.list_webhook_deliveries(http_code_class="6xx")  # type: ignore[arg-type]
        [issue] = raised.value.error.detail or []
        assert (issue.loc, issue.type) == (["query", "http_code_class"], "literal_error")

    def test_unknown_endpoint_filter_is_empty(self, insecure_polar: Polar) -> None:
        page = insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=str(uuid.uuid4()))
        assert page.items == []
        assert (page.pagination.total_count, page.pagination.max_page) == (0, 0)

    def test_pagination(
        self, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        first = insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=good.id, limit=1)
        second = insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=good.id, limit=1, page=2)
        assert (first.pagination.total_count, first.pagination.max_page) == (2, 2)
        assert len(first.items) == len(second.items) == 1
        assert first.items[0].id != second.items[0].id
        # Newest first.
        assert parse_time(first.items[0].created_at) >= parse_time(second.items[0].created_at)

    def test_events_are_only_for_subscribed_types(
        self,
        insecure_polar: Polar,
        insecure_emulator: Emulator,
        receiver: Receiver,
        two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint],
    ) -> None:
        good, bad = two_endpoints
        # `bad` does not list refund.created: it must have no such delivery.
        assert all(d.webhook_event.type == "order.paid" for d in deliveries_of(insecure_polar, bad))
        assert not any(d.webhook_event.type == "refund.created" for d in deliveries_of(insecure_polar, bad))


class TestRedeliver:
    def test_redeliver_makes_a_new_delivery_of_the_same_event(
        self,
        insecure_polar: Polar,
        receiver: Receiver,
        two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint],
    ) -> None:
        good, _ = two_endpoints
        path = good.url.removeprefix(f"http://127.0.0.1:{receiver.port}")
        original = next(d for d in deliveries_of(insecure_polar, good) if d.webhook_event.type == "order.paid")
        arrived_before = len(receiver.received(path))

        assert insecure_polar.webhooks.redeliver_webhook_event(original.webhook_event.id) is None

        after = wait_for_deliveries(insecure_polar, good, 3)
        again = [d for d in after if d.webhook_event.id == original.webhook_event.id]
        assert len(again) == 2
        assert len({d.id for d in again}) == 2
        arrivals = receiver.wait_for(path, arrived_before + 1)
        assert arrivals[-1].headers["webhook-id"] == original.webhook_event.id

    def test_redeliver_answers_202_with_null(
        self, insecure_emulator: Emulator, insecure_polar: Polar, two_endpoints: tuple[WebhookEndpoint, WebhookEndpoint]
    ) -> None:
        good, _ = two_endpoints
        event_id = deliveries_of(insecure_polar, good)[0].webhook_event.id
        response = httpx.post(
            f"{insecure_emulator.base_url}/v1/webhooks/events/{event_id}/redeliver",
            headers={"Authorization": f"Bearer {ORG_TOKEN}"},
        )
        assert response.status_code == 202
        assert response.headers["content-type"].startswith("application/json")
        assert response.json() is None

    def test_redeliver_unknown_event_is_resource_not_found(self, insecure_polar: Polar) -> None:
        with pytest.raises(ResourceNotFound):
            insecure_polar.webhooks.redeliver_webhook_event(str(uuid.uuid4()))
