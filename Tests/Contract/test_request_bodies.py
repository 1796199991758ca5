"""Request bodies: NUL characters (CONTRACT.md §2.3), `modified_at` on PATCH and the enable check on
the stored URL (§2.5)."""

from __future__ import annotations

import uuid

import httpx
import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.errors import HTTPValidationError

from support import ORG_TOKEN, Emulator

AUTH = {"Authorization": f"Bearer {ORG_TOKEN}"}
NUL_MESSAGE = "Value error, This value contains invalid characters"


def new_endpoint(polar: Polar, **fields: object) -> str:
    body: dict[str, object] = {"url": f"https://example.com/{uuid.uuid4().hex[:8]}", "format": "raw", "events": []}
    body.update(fields)
    return polar.webhooks.create_webhook_endpoint(**body).id  # type: ignore[arg-type]


class TestNulCharacters:
    def test_nul_in_name_on_create(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            new_endpoint(polar, name="Order\x00hook")
        [issue] = raised.value.error.detail or []
        assert (issue.type, issue.loc, issue.msg, issue.input) == (
            "value_error", ["body", "name"], NUL_MESSAGE, "Order\x00hook",
        )

    def test_nul_in_name_on_update(self, polar: Polar) -> None:
        endpoint_id = new_endpoint(polar)
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.update_webhook_endpoint(endpoint_id, name="\x00")
        [issue] = raised.value.error.detail or []
        assert (issue.type, issue.loc, issue.msg) == ("value_error", ["body", "name"], NUL_MESSAGE)
        assert polar.webhooks.get_webhook_endpoint(endpoint_id).name is None

    def test_nul_in_the_deprecated_secret(self, emulator: Emulator) -> None:
        secret = "whsec_" + "a" * 30 + "\x00" + "b" * 5
        response = httpx.post(
            f"{emulator.base_url}/v1/webhooks/endpoints",
            json={"url": "https://example.com/nul", "format": "raw", "events": [], "secret": secret},
            headers={**AUTH, "Polar-Version": "2026-04"},
        )
        assert response.status_code == 422
        assert response.json() == {
            "error": "RequestValidationError",
            "detail": [
                {"type": "value_error", "loc": ["body", "secret"], "msg": NUL_MESSAGE, "input": secret, "ctx": {"error": {}}}
            ],
        }

    def test_other_errors_are_reported_beside_it(self, emulator: Emulator) -> None:
        response = httpx.post(
            f"{emulator.base_url}/v1/webhooks/endpoints",
            json={"url": "http://example.com/", "name": "a\x00", "format": "raw", "events": []},
            headers=AUTH,
        )
        assert response.status_code == 422
        assert [(item["loc"], item["type"]) for item in response.json()["detail"]] == [
            (["body", "url"], "url_scheme"),
            (["body", "name"], "value_error"),
        ]


class TestModifiedAt:
    def test_empty_and_all_null_patches_leave_it_alone(self, polar: Polar) -> None:
        endpoint_id = new_endpoint(polar, name="Kept")
        assert polar.webhooks.update_webhook_endpoint(endpoint_id).modified_at is None
        assert polar.webhooks.update_webhook_endpoint(endpoint_id, name=None, url=None).modified_at is None
        assert polar.webhooks.get_webhook_endpoint(endpoint_id).modified_at is None

    def test_a_value_equal_to_the_stored_one_still_sets_it(self, polar: Polar) -> None:
        endpoint_id = new_endpoint(polar, name="Same")
        updated = polar.webhooks.update_webhook_endpoint(endpoint_id, name="Same")
        assert updated.name == "Same"
        assert updated.modified_at is not None
        # And later empty patches keep that time.
        assert polar.webhooks.update_webhook_endpoint(endpoint_id).modified_at == updated.modified_at


class TestEnableCheck:
    def test_enabling_reads_the_stored_url_before_the_patch(self, start_emulator) -> None:  # type: ignore[no-untyped-def]
        sample = start_emulator()  # the sample data holds a disabled endpoint on a private address
        with Polar(ORG_TOKEN, base_url=sample.base_url) as polar:
            staging = next(
                e for e in polar.webhooks.iter_list_webhook_endpoints(limit=100)
                if not e.enabled and e.url.startswith("https://192.168.")
            )
            response = httpx.patch(
                f"{sample.base_url}/v1/webhooks/endpoints/{staging.id}",
                json={"url": "https://example.com/fixed", "enabled": True},
                headers=AUTH,
            )
            assert response.status_code == 422
            assert response.json() == {
                "error": "PolarRequestValidationError",
                "detail": [
                    {
                        "type": "value_error",
                        "loc": ["body", "enabled"],
                        "msg": "Cannot enable a webhook endpoint with an invalid URL. Please update the URL first.",
                        "input": True,
                    }
                ],
            }
            # The whole PATCH was refused: the URL is unchanged.
            assert polar.webhooks.get_webhook_endpoint(staging.id).url == staging.url
            # The way through: the URL first, then enable.
            polar.webhooks.update_webhook_endpoint(staging.id, url="https://example.com/fixed")
            assert polar.webhooks.update_webhook_endpoint(staging.id, enabled=True).enabled is True
