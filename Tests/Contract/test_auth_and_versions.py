"""Authentication, scopes, API versions and rate limiting (CONTRACT.md §1, §4)."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from polar.base import PolarClientError, PolarRateLimitError
from polar.v2026_10 import Polar

from support import ACME_ID, ORG_TOKEN, READ_ONLY_TOKEN, USER_TOKEN, Emulator

ENDPOINTS = "/v1/webhooks/endpoints"


def raw(emulator: Emulator, method: str, path: str, *, token: str | None = ORG_TOKEN, **kwargs) -> httpx.Response:  # type: ignore[no-untyped-def]
    headers = dict(kwargs.pop("headers", {}))
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.request(method, f"{emulator.base_url}{path}", headers=headers, timeout=5.0, **kwargs)


class TestAuthentication:
    def test_wrong_token_is_401_invalid_token(self, emulator: Emulator) -> None:
        with Polar("polar_oat_not_a_real_token", base_url=emulator.base_url) as client:
            with pytest.raises(PolarClientError) as raised:
                client.webhooks.list_webhook_endpoints()
        assert raised.value.status_code == 401
        body = json.loads(raised.value.error)
        assert body["error"] == "invalid_token"
        assert "error_description" in body

    def test_token_without_polar_prefix_is_invalid_token(self, emulator: Emulator) -> None:
        response = raw(emulator, "GET", ENDPOINTS, token="sk_live_something")
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_token"
        assert 'error="invalid_token"' in response.headers["www-authenticate"]

    def test_no_token_is_401_unauthorized(self, emulator: Emulator) -> None:
        response = raw(emulator, "GET", ENDPOINTS, token=None)
        assert response.status_code == 401
        assert response.json() == {"error": "Unauthorized", "detail": "Unauthorized"}
        assert response.headers["www-authenticate"].startswith("Bearer")

    def test_every_operation_needs_a_token(self, emulator: Emulator) -> None:
        some_id = str(uuid.uuid4())
        for method, path in [
            ("GET", ENDPOINTS),
            ("POST", ENDPOINTS),
            ("GET", f"{ENDPOINTS}/{some_id}"),
            ("PATCH", f"{ENDPOINTS}/{some_id}"),
            ("DELETE", f"{ENDPOINTS}/{some_id}"),
            ("PATCH", f"{ENDPOINTS}/{some_id}/secret"),
            ("GET", "/v1/webhooks/deliveries"),
            ("POST", f"/v1/webhooks/events/{some_id}/redeliver"),
        ]:
            assert raw(emulator, method, path, token=None).status_code == 401, f"{method} {path}"


class TestScopes:
    def test_read_only_token_can_read(self, emulator: Emulator) -> None:
        with Polar(READ_ONLY_TOKEN, base_url=emulator.base_url) as client:
            page = client.webhooks.list_webhook_endpoints()
            deliveries = client.webhooks.list_webhook_deliveries()
        assert page.pagination.total_count >= 0
        assert deliveries.pagination.total_count >= 0

    def test_read_only_token_cannot_write(self, emulator: Emulator, polar: Polar) -> None:
        existing = polar.webhooks.create_webhook_endpoint(url="https://example.com/ro", format="raw", events=[])
        with Polar(READ_ONLY_TOKEN, base_url=emulator.base_url) as client:
            attempts = [
                lambda: client.webhooks.create_webhook_endpoint(url="https://example.com/x", format="raw", events=[]),
                lambda: client.webhooks.update_webhook_endpoint(existing.id, name="x"),
                lambda: client.webhooks.reset_webhook_endpoint_secret(existing.id),
                lambda: client.webhooks.delete_webhook_endpoint(existing.id),
                lambda: client.webhooks.redeliver_webhook_event(str(uuid.uuid4())),
            ]
            for attempt in attempts:
                with pytest.raises(PolarClientError) as raised:
                    attempt()
                assert raised.value.status_code == 403
                assert json.loads(raised.value.error)["error"] == "insufficient_scope"
        # Nothing changed.
        assert polar.webhooks.get_webhook_endpoint(existing.id) == existing


class TestVersions:
    def test_sdk_version_is_echoed(self, emulator: Emulator) -> None:
        response = raw(emulator, "GET", ENDPOINTS, headers={"Polar-Version": "2026-10"})
        assert response.status_code == 200
        assert response.headers["polar-version"] == "2026-10"

    def test_missing_version_means_2026_04(self, emulator: Emulator) -> None:
        response = raw(emulator, "GET", ENDPOINTS)
        assert response.status_code == 200
        assert response.headers["polar-version"] == "2026-04"

    @pytest.mark.parametrize("version", ["2099-01", "2025-01", "latest", "26-04"])
    def test_unknown_version_is_404(self, emulator: Emulator, version: str) -> None:
        response = raw(emulator, "GET", ENDPOINTS, headers={"Polar-Version": version})
        assert response.status_code == 404
        assert response.json() == {"detail": "Not Found"}

    def test_unknown_route_is_404(self, emulator: Emulator) -> None:
        response = raw(emulator, "GET", "/v1/webhooks/nothing-here")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not Found"}

    def test_api_prefix_is_rewritten(self, emulator: Emulator) -> None:
        assert raw(emulator, "GET", "/api" + ENDPOINTS).status_code == 200


class TestOrganizations:
    def test_organization_token_sees_its_organization(self, polar: Polar) -> None:
        page = polar.organizations.list()
        assert [(org.id, org.name) for org in page.items] == [(ACME_ID, "Acme Demo")]
        assert page.pagination.total_count == 1

    def test_user_token_sees_both_organizations(self, emulator: Emulator) -> None:
        with Polar(USER_TOKEN, base_url=emulator.base_url) as client:
            organizations = list(client.organizations.iter_list())
        ids = [org.id for org in organizations]
        assert ACME_ID in ids
        assert len(ids) == 2
        assert len(set(ids)) == 2


class TestRateLimit:
    def test_over_the_limit_raises_rate_limit_error_with_retry_after(self, start_emulator) -> None:  # type: ignore[no-untyped-def]
        limited = start_emulator("--no-sample-data", "--rate-limit", "3")
        with Polar(ORG_TOKEN, base_url=limited.base_url) as client:
            for _ in range(3):
                client.webhooks.list_webhook_endpoints()
            with pytest.raises(PolarRateLimitError) as raised:
                client.webhooks.list_webhook_endpoints()
        assert raised.value.status_code == 429
        assert isinstance(raised.value.retry_after, int)
        assert 0 < raised.value.retry_after <= 60

    def test_429_has_an_empty_body(self, start_emulator) -> None:  # type: ignore[no-untyped-def]
        limited = start_emulator("--no-sample-data", "--rate-limit", "1")
        assert raw(limited, "GET", ENDPOINTS).status_code == 200
        response = raw(limited, "GET", ENDPOINTS)
        assert response.status_code == 429
        assert response.content == b""
        assert int(response.headers["retry-after"]) > 0

    def test_limit_is_per_token(self, start_emulator) -> None:  # type: ignore[no-untyped-def]
        limited = start_emulator("--no-sample-data", "--rate-limit", "2")
        for _ in range(2):
            assert raw(limited, "GET", ENDPOINTS).status_code == 200
        assert raw(limited, "GET", ENDPOINTS).status_code == 429
        assert raw(limited, "GET", ENDPOINTS, token=USER_TOKEN).status_code == 200
