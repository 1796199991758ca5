"""Webhook endpoint CRUD through the official SDK (CONTRACT.md §2.2–2.7, §3)."""

from __future__ import annotations

import base64
import uuid

import httpx
import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.errors import HTTPValidationError, ResourceNotFound
from polar.v2026_10.outputs import WebhookEndpoint

from support import ACME_ID, ORG_TOKEN, USER_TOKEN, Emulator


def create(polar: Polar, **overrides: object) -> WebhookEndpoint:
    body: dict[str, object] = {
        "url": f"https://example.com/hooks/{uuid.uuid4().hex[:8]}",
        "format": "raw",
        "events": ["order.paid"],
    }
    body.update(overrides)
    return polar.webhooks.create_webhook_endpoint(**body)  # type: ignore[arg-type]


def is_standard_secret(secret: str) -> bool:
    if not secret.startswith("whsec_") or len(secret) != 50:
        return False
    return len(base64.b64decode(secret.removeprefix("whsec_"), validate=True)) == 32


class TestCreate:
    def test_create_returns_the_new_endpoint(self, polar: Polar) -> None:
        endpoint = create(polar, name="Production hook", events=["order.paid", "subscription.updated"])
        assert isinstance(endpoint, WebhookEndpoint)
        assert endpoint.name == "Production hook"
        assert endpoint.url.startswith("https://example.com/hooks/")
        assert endpoint.format == "raw"
        assert endpoint.events == ["order.paid", "subscription.updated"]
        assert endpoint.enabled is True
        assert endpoint.organization_id == ACME_ID
        assert endpoint.api_version == "2026-04"  # the default, even when the request says 2026-10
        assert endpoint.modified_at is None
        uuid.UUID(endpoint.id, version=4)

    def test_new_endpoint_gets_a_standard_secret(self, polar: Polar) -> None:
        endpoint = create(polar)
        assert is_standard_secret(endpoint.secret)
        assert endpoint.uses_standard_webhook_signature is True
        assert create(polar).secret != endpoint.secret

    def test_create_answers_201(self, emulator: Emulator) -> None:
        response = httpx.post(
            f"{emulator.base_url}/v1/webhooks/endpoints",
            json={"url": "https://example.com/status", "format": "raw", "events": []},
            headers={"Authorization": f"Bearer {ORG_TOKEN}"},
        )
        assert response.status_code == 201
        assert response.json()["events"] == []

    def test_api_version_can_be_chosen(self, polar: Polar) -> None:
        assert create(polar, api_version="2026-10").api_version == "2026-10"

    def test_url_is_normalised(self, polar: Polar) -> None:
        assert create(polar, url="  https://EXAMPLE.com  ").url == "https://example.com/"

    def test_unknown_keys_are_ignored(self, polar: Polar) -> None:
        assert create(polar, enabled=False, id="not-an-id").enabled is True

    def test_user_token_creates_for_the_given_organization(self, emulator: Emulator) -> None:
        with Polar(USER_TOKEN, base_url=emulator.base_url) as client:
            endpoint = create(client, organization_id=ACME_ID)
        assert endpoint.organization_id == ACME_ID

    @pytest.mark.parametrize(
        ("url", "error_type"),
        [
            ("http://example.com/hook", "url_scheme"),
            ("https://localhost/hook", "value_error"),
            ("https://127.0.0.1/hook", "value_error"),
            ("https://10.0.0.1/hook", "value_error"),
            ("https://192.168.1.20/hook", "value_error"),
            ("https://[::1]/hook", "value_error"),
            ("not a url", "url_parsing"),
        ],
    )
    def test_bad_urls_are_rejected(self, polar: Polar, url: str, error_type: str) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            create(polar, url=url)
        assert raised.value.status_code == 422
        detail = raised.value.error.detail
        assert detail, "422 must list the problems"
        assert detail[0].loc == ["body", "url"]
        assert detail[0].type == error_type
        if error_type == "value_error":
            assert "localhost or private IP" in detail[0].msg

    def test_missing_events_is_rejected(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.create_webhook_endpoint(url="https://example.com/hook", format="raw")  # type: ignore[call-arg]
        issues = {(tuple(item.loc), item.type) for item in raised.value.error.detail or []}
        assert (("body", "events"), "missing") in issues

    def test_unknown_format_is_rejected(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            create(polar, format="json")
        assert [(item.loc, item.type) for item in raised.value.error.detail or []] == [(["body", "format"], "enum")]

    def test_organization_token_may_not_set_organization_id(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            create(polar, organization_id=ACME_ID)
        [issue] = raised.value.error.detail or []
        assert issue.loc == ["body", "organization_id"]
        assert issue.type == "organization_token"
        assert issue.msg == "Setting organization_id is disallowed when using an organization token."

    def test_user_token_must_name_the_organization(self, emulator: Emulator) -> None:
        with Polar(USER_TOKEN, base_url=emulator.base_url) as client, pytest.raises(HTTPValidationError) as raised:
            create(client)
        [issue] = raised.value.error.detail or []
        assert issue.loc == ["body", "organization_id"]
        assert issue.type == "missing"

    def test_422_body_carries_the_error_class(self, emulator: Emulator) -> None:
        response = httpx.post(
            f"{emulator.base_url}/v1/webhooks/endpoints",
            json={"url": "http://example.com/hook", "format": "raw", "events": []},
            headers={"Authorization": f"Bearer {ORG_TOKEN}"},
        )
        assert response.status_code == 422
        assert response.json()["error"] == "RequestValidationError"


class TestListAndGet:
    def test_list_pages_and_iterates(self, polar: Polar) -> None:
        before = polar.webhooks.list_webhook_endpoints(limit=100).pagination.total_count
        created = [create(polar).id for _ in range(5)]
        total = before + 5

        first = polar.webhooks.list_webhook_endpoints(page=1, limit=2)
        assert first.pagination.total_count == total
        assert first.pagination.max_page == -(-total // 2)
        assert len(first.items) == 2
        # Newest first.
        assert [item.id for item in first.items] == created[::-1][:2]

        past_end = polar.webhooks.list_webhook_endpoints(page=first.pagination.max_page + 1, limit=2)
        assert past_end.items == []
        assert past_end.pagination.total_count == total

        every = [endpoint.id for endpoint in polar.webhooks.iter_list_webhook_endpoints(limit=2)]
        assert len(every) == total
        assert len(set(every)) == total
        assert set(created) <= set(every)

    def test_limit_over_100_is_clamped(self, polar: Polar) -> None:
        create(polar)
        page = polar.webhooks.list_webhook_endpoints(limit=500)
        assert page.pagination.max_page == -(-page.pagination.total_count // 100)

    def test_page_zero_is_rejected(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.list_webhook_endpoints(page=0)
        [issue] = raised.value.error.detail or []
        assert (issue.loc, issue.type) == (["query", "page"], "greater_than")

    def test_empty_list_has_max_page_zero(self, start_emulator) -> None:  # type: ignore[no-untyped-def]
        fresh = start_emulator("--no-sample-data")
        with Polar(ORG_TOKEN, base_url=fresh.base_url) as client:
            empty = client.webhooks.list_webhook_endpoints()
        assert empty.items == []
        assert (empty.pagination.total_count, empty.pagination.max_page) == (0, 0)

    def test_filter_by_invisible_organization_is_empty_not_an_error(self, polar: Polar) -> None:
        create(polar)
        other = str(uuid.uuid4())
        page = polar.webhooks.list_webhook_endpoints(organization_id=other)
        assert page.items == []
        assert page.pagination.total_count == 0

    def test_get_returns_the_endpoint_with_its_secret(self, polar: Polar) -> None:
        created = create(polar, name="fetch me")
        fetched = polar.webhooks.get_webhook_endpoint(created.id)
        assert fetched == created

    def test_get_unknown_id_is_resource_not_found(self, polar: Polar) -> None:
        with pytest.raises(ResourceNotFound) as raised:
            polar.webhooks.get_webhook_endpoint(str(uuid.uuid4()))
        assert raised.value.status_code == 404
        assert raised.value.error.error == "ResourceNotFound"

    def test_get_with_malformed_id_is_422(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.get_webhook_endpoint("abc")
        [issue] = raised.value.error.detail or []
        assert (issue.loc, issue.type) == (["path", "id"], "uuid_parsing")

    def test_get_with_non_v4_uuid_is_422(self, polar: Polar) -> None:
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.get_webhook_endpoint(str(uuid.uuid1()))
        [issue] = raised.value.error.detail or []
        assert (issue.loc, issue.type) == (["path", "id"], "uuid_version")

    def test_organization_token_cannot_get_another_organizations_endpoint(self, emulator: Emulator) -> None:
        # An endpoint of the second organization, made with the user token, is invisible to Acme's org token.
        with Polar(USER_TOKEN, base_url=emulator.base_url) as user:
            organizations = [org.id for org in user.organizations.list(limit=100).items]
            other_org = next(org for org in organizations if org != ACME_ID)
            theirs = create(user, organization_id=other_org)
        with Polar(ORG_TOKEN, base_url=emulator.base_url) as acme, pytest.raises(ResourceNotFound):
            acme.webhooks.get_webhook_endpoint(theirs.id)


class TestUpdate:
    def test_null_fields_leave_values_unchanged(self, polar: Polar) -> None:
        created = create(polar, name="keep me", events=["order.paid", "order.created"])
        updated = polar.webhooks.update_webhook_endpoint(
            created.id, name=None, url=None, format=None, events=None, enabled=None
        )
        assert (updated.name, updated.url, updated.format, updated.events, updated.enabled) == (
            created.name,
            created.url,
            created.format,
            created.events,
            created.enabled,
        )
        assert updated.secret == created.secret

    def test_fields_are_changed_and_events_replaced(self, polar: Polar) -> None:
        created = create(polar, name="old", events=["order.paid", "order.created"])
        updated = polar.webhooks.update_webhook_endpoint(
            created.id,
            name="new",
            url="https://example.org/new",
            format="slack",
            events=["refund.created"],
            enabled=False,
        )
        assert updated.name == "new"
        assert updated.url == "https://example.org/new"
        assert updated.format == "slack"
        assert updated.events == ["refund.created"]
        assert updated.enabled is False
        assert updated.modified_at is not None
        assert polar.webhooks.get_webhook_endpoint(created.id) == updated

    def test_empty_string_clears_the_name(self, polar: Polar) -> None:
        created = create(polar, name="named")
        assert polar.webhooks.update_webhook_endpoint(created.id, name="").name == ""

    def test_update_validates_the_url(self, polar: Polar) -> None:
        created = create(polar)
        with pytest.raises(HTTPValidationError) as raised:
            polar.webhooks.update_webhook_endpoint(created.id, url="http://example.com/plain")
        assert (raised.value.error.detail or [])[0].loc == ["body", "url"]
        assert polar.webhooks.get_webhook_endpoint(created.id).url == created.url

    def test_update_unknown_id_is_resource_not_found(self, polar: Polar) -> None:
        with pytest.raises(ResourceNotFound):
            polar.webhooks.update_webhook_endpoint(str(uuid.uuid4()), name="x")


class TestDelete:
    def test_delete_then_everything_is_not_found(self, polar: Polar) -> None:
        created = create(polar)
        assert polar.webhooks.delete_webhook_endpoint(created.id) is None
        with pytest.raises(ResourceNotFound):
            polar.webhooks.get_webhook_endpoint(created.id)
        with pytest.raises(ResourceNotFound):
            polar.webhooks.update_webhook_endpoint(created.id, name="x")
        with pytest.raises(ResourceNotFound):
            polar.webhooks.reset_webhook_endpoint_secret(created.id)
        with pytest.raises(ResourceNotFound):
            polar.webhooks.delete_webhook_endpoint(created.id)
        listed = {endpoint.id for endpoint in polar.webhooks.iter_list_webhook_endpoints(limit=100)}
        assert created.id not in listed

    def test_delete_answers_204_without_body(self, emulator: Emulator, polar: Polar) -> None:
        created = create(polar)
        response = httpx.delete(
            f"{emulator.base_url}/v1/webhooks/endpoints/{created.id}",
            headers={"Authorization": f"Bearer {ORG_TOKEN}"},
        )
        assert response.status_code == 204
        assert response.content == b""


class TestResetSecret:
    def test_reset_gives_a_new_standard_secret(self, polar: Polar) -> None:
        created = create(polar)
        reset = polar.webhooks.reset_webhook_endpoint_secret(created.id)
        assert reset.id == created.id
        assert reset.secret != created.secret
        assert is_standard_secret(reset.secret)
        assert reset.uses_standard_webhook_signature is True
        assert polar.webhooks.get_webhook_endpoint(created.id).secret == reset.secret

    def test_reset_unknown_id_is_resource_not_found(self, polar: Polar) -> None:
        with pytest.raises(ResourceNotFound):
            polar.webhooks.reset_webhook_endpoint_secret(str(uuid.uuid4()))
