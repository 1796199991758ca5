"""Discord and Slack endpoints get Polar's generic message for event types without a message of their
own, as Python's `json.dumps` writes it (CONTRACT.md §6.3)."""

from __future__ import annotations

import json
import uuid

import pytest
from polar.v2026_10 import Polar

from support import Emulator, Receiver

FAVICON_URL = (
    "https://raw.githubusercontent.com/polarsource/polar/2648cf7472b5128704a097cd1eb3ae5f1dd847e5"
    "/docs/docs/assets/favicon.png"
)
THUMBNAIL_URL = (
    "https://raw.githubusercontent.com/polarsource/polar/4fd899222e200ca70982f437039f549b7a822ecc"
    "/clients/apps/web/public/email-logo-dark.png"
)


def discord(event_type: str, object_id: str) -> dict[str, object]:
    return {
        "content": event_type,
        "embeds": [
            {
                "color": 25343,
                "author": {"name": "Polar.sh", "icon_url": FAVICON_URL},
                "thumbnail": {"url": THUMBNAIL_URL},
                "footer": {"text": "Powered by Polar.sh"},
                "title": event_type,
                "description": event_type,
                "fields": [{"name": "Object", "value": object_id}, {"name": "Organization", "value": "Acme Demo"}],
            }
        ],
    }


def slack(event_type: str, object_id: str) -> dict[str, object]:
    return {
        "text": event_type,
        "blocks": [
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": event_type},
                "fields": [
                    {"type": "mrkdwn", "text": f"*Object*\n{object_id}"},
                    {"type": "mrkdwn", "text": "*Organization*\nAcme Demo"},
                ],
            },
            {
                "type": "context",
                "elements": [
                    {"type": "image", "image_url": FAVICON_URL, "alt_text": "Polar"},
                    {"type": "mrkdwn", "text": "Powered by Polar.sh"},
                ],
            },
        ],
    }


@pytest.mark.parametrize("event_type", ["customer.created", "benefit_grant.revoked", "checkout.updated"])
@pytest.mark.parametrize("format", ["discord", "slack"])
def test_generic_message_bytes(
    insecure_polar: Polar, insecure_emulator: Emulator, receiver: Receiver, unique_path: str,
    format: str, event_type: str,
) -> None:
    endpoint = insecure_polar.webhooks.create_webhook_endpoint(
        url=receiver.url(unique_path), format=format, events=[event_type]  # type: ignore[arg-type]
    )
    try:
        insecure_emulator.trigger(event_type)
        [webhook] = receiver.wait_for(unique_path, 1)
    finally:
        insecure_polar.webhooks.delete_webhook_endpoint(endpoint.id)
    body = json.loads(webhook.body)
    if format == "discord":
        object_id = body["embeds"][0]["fields"][0]["value"]
        expected = discord(event_type, object_id)
    else:
        object_id = body["blocks"][0]["fields"][0]["text"].removeprefix("*Object*\n")
        expected = slack(event_type, object_id)
    uuid.UUID(object_id)
    assert webhook.body == json.dumps(expected).encode()
