"""What the emulator sends, checked with `standardwebhooks` and the SDK's `validate_event` (CONTRACT.md §3, §5)."""

from __future__ import annotations

import base64
import collections.abc
import hashlib
import hmac
import json
import time
import typing

import pytest
import standardwebhooks
from polar import v2026_04
from polar.v2026_10 import Polar
from polar.v2026_10.literals import WebhookEventType
from polar.v2026_10.outputs import WebhookEndpoint
from polar.v2026_10.webhooks import (
    PolarWebhookVerificationError,
    WebhookOrderPaidPayload,
    validate_event,
)

from support import ORG_TOKEN, Emulator, Receiver, ReceivedWebhook, made_then_undone, wait_until

MERCHANT_SECRET = "my-own-merchant-secret-at-least-32-chars!"


@pytest.fixture
def endpoint_factory(insecure_polar: Polar) -> collections.abc.Iterator[typing.Callable[..., WebhookEndpoint]]:
    """Creates endpoints on the insecure emulator and deletes them afterwards."""

    def make(url: str, events: list[str], **extra: object) -> WebhookEndpoint:
        return insecure_polar.webhooks.create_webhook_endpoint(url=url, format="raw", events=events, **extra)  # type: ignore[arg-type]

    yield from made_then_undone(make, lambda endpoint: insecure_polar.webhooks.delete_webhook_endpoint(endpoint.id))


Delivered = tuple[WebhookEndpoint, ReceivedWebhook]


@pytest.fixture
def deliver(
    insecure_emulator: Emulator,
    receiver: Receiver,
    unique_path: str,
    endpoint_factory: typing.Callable[..., WebhookEndpoint],
) -> typing.Callable[..., Delivered]:
    """Makes an endpoint at the receiver for one event type, triggers that event and returns the
    endpoint with the webhook that reached the receiver."""

    def send(event_type: str = "order.paid", **endpoint_fields: object) -> Delivered:
        endpoint = endpoint_factory(receiver.url(unique_path), [event_type], **endpoint_fields)
        insecure_emulator.trigger(event_type)
        [webhook] = receiver.wait_for(unique_path)
        return endpoint, webhook

    return send


@pytest.fixture
def deliver_legacy(
    insecure_emulator: Emulator,
    insecure_polar: Polar,
    receiver: Receiver,
    unique_path: str,
) -> collections.abc.Iterator[typing.Callable[[str], Delivered]]:
    """Like `deliver`, for an endpoint made with the merchant's own `secret`, which Polar accepts
    with Polar-Version 2026-04 only (CONTRACT.md §2.3) and signs the legacy way."""
    made: list[WebhookEndpoint] = []

    def send(secret: str) -> Delivered:
        with v2026_04.Polar(ORG_TOKEN, base_url=insecure_emulator.base_url) as old_client:
            endpoint = old_client.webhooks.create_webhook_endpoint(
                url=receiver.url(unique_path), format="raw", events=["order.paid"], secret=secret  # type: ignore[call-arg]
            )
        made.append(endpoint)
        assert endpoint.uses_standard_webhook_signature is False
        insecure_emulator.trigger("order.paid")
        [webhook] = receiver.wait_for(unique_path)
        return endpoint, webhook

    yield send
    for endpoint in made:
        insecure_polar.webhooks.delete_webhook_endpoint(endpoint.id)


def manual_signature(key: bytes, webhook: ReceivedWebhook) -> str:
    signed = f"{webhook.headers['webhook-id']}.{webhook.headers['webhook-timestamp']}.".encode() + webhook.body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


class TestStandardSigning:
    def test_delivery_verifies_with_standardwebhooks_and_the_sdk(self, deliver: typing.Callable[..., Delivered]) -> None:
        endpoint, webhook = deliver()
        assert endpoint.uses_standard_webhook_signature is True

        # The stock Standard Webhooks library, given the secret exactly as Polar shows it.
        payload = standardwebhooks.Webhook(endpoint.secret).verify(webhook.body, webhook.headers)
        assert payload["type"] == "order.paid"

        key = base64.b64decode(endpoint.secret.removeprefix("whsec_"))
        assert webhook.headers["webhook-signature"] == manual_signature(key, webhook)

        # The official SDK, which also loads the payload into its typed model.
        event = validate_event(webhook.body, webhook.headers, endpoint.secret)
        assert isinstance(event, WebhookOrderPaidPayload)
        assert event.type == "order.paid"
        assert event.api_version == endpoint.api_version

    def test_delivery_headers_and_body_shape(
        self, insecure_polar: Polar, deliver: typing.Callable[..., Delivered]
    ) -> None:
        endpoint, webhook = deliver(api_version="2026-10")
        headers = webhook.headers
        assert headers["user-agent"] == "polar.sh webhooks"
        assert headers["content-type"].startswith("application/json")
        assert headers["webhook-api-version"] == "2026-10"
        assert abs(int(headers["webhook-timestamp"]) - time.time()) < 60
        assert len(headers["webhook-signature"].split(" ")) == 1

        body = json.loads(webhook.body)
        assert list(body)[:4] == ["type", "timestamp", "api_version", "data"]
        assert body["api_version"] == "2026-10"
        # Compact JSON, as pydantic's model_dump_json() writes it.
        assert webhook.body == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()

        # webhook-id is the event id, and the stored payload is exactly what was sent.
        # The emulator records a delivery once the receiver has answered, as Polar does, so the
        # record can lag a moment behind the webhook itself.
        [delivery] = wait_until(
            lambda: insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=endpoint.id).items or None,
            what=f"the delivery record for {endpoint.id}",
        )
        assert delivery.webhook_event.id == headers["webhook-id"]
        assert delivery.webhook_event.payload == webhook.body.decode()

    def test_tampered_delivery_is_rejected_by_both_verifiers(self, deliver: typing.Callable[..., Delivered]) -> None:
        endpoint, webhook = deliver()
        tampered = webhook.body.replace(b"order.paid", b"order.pair")
        with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
            standardwebhooks.Webhook(endpoint.secret).verify(tampered, webhook.headers)
        with pytest.raises(PolarWebhookVerificationError):
            validate_event(tampered, webhook.headers, endpoint.secret)

    def test_reset_secret_signs_with_the_new_secret_only(
        self,
        insecure_emulator: Emulator,
        insecure_polar: Polar,
        receiver: Receiver,
        unique_path: str,
        endpoint_factory: typing.Callable[..., WebhookEndpoint],
    ) -> None:
        endpoint = endpoint_factory(receiver.url(unique_path), ["order.paid"])
        reset = insecure_polar.webhooks.reset_webhook_endpoint_secret(endpoint.id)
        insecure_emulator.trigger("order.paid")
        [webhook] = receiver.wait_for(unique_path)
        standardwebhooks.Webhook(reset.secret).verify(webhook.body, webhook.headers)
        with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
            standardwebhooks.Webhook(endpoint.secret).verify(webhook.body, webhook.headers)
        # The SDK rejects the old secret at the signature step, before it looks at the payload.
        with pytest.raises(PolarWebhookVerificationError):
            validate_event(webhook.body, webhook.headers, endpoint.secret)

    def test_disabled_endpoint_receives_nothing(
        self,
        insecure_emulator: Emulator,
        insecure_polar: Polar,
        receiver: Receiver,
        unique_path: str,
        endpoint_factory: typing.Callable[..., WebhookEndpoint],
    ) -> None:
        disabled = endpoint_factory(receiver.url(unique_path), ["order.paid"])
        insecure_polar.webhooks.update_webhook_endpoint(disabled.id, enabled=False)
        witness_path = unique_path + "-witness"
        endpoint_factory(receiver.url(witness_path), ["order.paid"])
        insecure_emulator.trigger("order.paid")
        # Once the enabled witness has its webhook, the disabled one would have had its own too.
        receiver.wait_for(witness_path)
        assert receiver.received(unique_path) == []
        assert insecure_polar.webhooks.list_webhook_deliveries(endpoint_id=disabled.id).items == []


class TestLegacySigning:
    def test_merchant_secret_via_2026_04_signs_the_legacy_way(
        self, deliver_legacy: typing.Callable[[str], Delivered]
    ) -> None:
        endpoint, webhook = deliver_legacy(MERCHANT_SECRET)
        assert endpoint.secret == MERCHANT_SECRET

        # Legacy key = UTF-8 bytes of the whole secret (CONTRACT.md §5.2).
        legacy_key = MERCHANT_SECRET.encode()
        assert webhook.headers["webhook-signature"] == manual_signature(legacy_key, webhook)
        payload = standardwebhooks.Webhook(legacy_key).verify(webhook.body, webhook.headers)
        assert payload["type"] == "order.paid"
        # Polar's docs: hand-rolled verifiers pass base64 of the secret to a Standard Webhooks library.
        encoded = base64.b64encode(legacy_key).decode()
        standardwebhooks.Webhook(encoded).verify(webhook.body, webhook.headers)
        # The SDK tries the legacy key first and accepts.
        assert validate_event(webhook.body, webhook.headers, MERCHANT_SECRET).type == "order.paid"

    def test_legacy_secret_shape_is_not_signed_with_its_base64_reading(
        self, deliver_legacy: typing.Callable[[str], Delivered]
    ) -> None:
        # A secret in Polar's old generated shape; it also decodes as base64, but the legacy key is the text.
        secret = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABCDEFG"
        _, webhook = deliver_legacy(secret)
        assert webhook.headers["webhook-signature"] == manual_signature(secret.encode(), webhook)
        remainder = secret.removeprefix("whsec_")
        decoded = base64.b64decode(remainder + "=" * (-len(remainder) % 4))
        assert webhook.headers["webhook-signature"] != manual_signature(decoded, webhook)
        standardwebhooks.Webhook(secret.encode()).verify(webhook.body, webhook.headers)


EVENT_TYPES: tuple[str, ...] = typing.get_args(WebhookEventType)


class TestEveryEventType:
    @pytest.mark.parametrize("event_type", EVENT_TYPES)
    def test_payload_loads_into_the_sdk_model(self, event_type: str, deliver: typing.Callable[..., Delivered]) -> None:
        endpoint, webhook = deliver(event_type, api_version="2026-10")
        event = validate_event(webhook.body, webhook.headers, endpoint.secret)
        assert event.type == event_type
