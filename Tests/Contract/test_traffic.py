"""`emulator --traffic RATE` makes up events for the enabled endpoints and delivers them (issue 9)."""

from __future__ import annotations

import json

from polar.v2026_10 import Polar

from support import ORG_TOKEN, Receiver, wait_until


def test_made_up_events_reach_subscribed_endpoints(start_emulator, receiver: Receiver, unique_path: str) -> None:  # type: ignore[no-untyped-def]
    emulator = start_emulator("--no-sample-data", "--allow-insecure-urls", "--traffic", "600", "--traffic-seed", "5")
    with Polar(ORG_TOKEN, base_url=emulator.base_url) as polar:
        endpoint = polar.webhooks.create_webhook_endpoint(
            url=receiver.url(unique_path), format="raw", events=["order.paid", "checkout.created"]
        )
        arrived = receiver.wait_for(unique_path, 3)
        assert {json.loads(webhook.body)["type"] for webhook in arrived} <= {"order.paid", "checkout.created"}
        # Each made-up event is an ordinary one: listed, signed with the endpoint's id, redeliverable.
        rows = wait_until(lambda: list(polar.webhooks.iter_list_webhook_deliveries(endpoint_id=endpoint.id)),
                          what="listed deliveries")
        assert {row.webhook_event.id for row in rows} <= {webhook.headers["webhook-id"] for webhook in receiver.received(unique_path)}

