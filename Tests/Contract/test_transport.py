"""What every request meets before routing (CONTRACT.md §1): 411 without Content-Length, 413 judged
from Content-Length, and Cache-Control on what the routes answer. Raw HTTP where the SDK and httpx
always send a correct Content-Length."""

from __future__ import annotations

import uuid

import httpx
import pytest

from support import ORG_TOKEN, READ_ONLY_TOKEN, Emulator, raw_request

LENGTH_REQUIRED = {"error": "LengthRequired", "detail": "A Content-Length header is required."}
TOO_LARGE = {
    "error": "RequestBodyTooLarge",
    "detail": "Request body exceeded the maximum allowed size of 10485760 bytes.",
}
AUTH = {"Authorization": f"Bearer {ORG_TOKEN}"}


class TestLengthRequired:
    @pytest.mark.parametrize(
        ("method", "path", "headers", "body"),
        [
            # A chunked body, as a streaming client sends it.
            ("POST", "/v1/webhooks/endpoints", {"Transfer-Encoding": "chunked"}, b"2\r\n{}\r\n0\r\n\r\n"),
            # No body and no header at all.
            ("PATCH", f"/v1/webhooks/endpoints/{uuid.uuid4()}", {}, b""),
            ("PATCH", f"/v1/webhooks/endpoints/{uuid.uuid4()}/secret", {}, b""),
            ("POST", f"/v1/webhooks/events/{uuid.uuid4()}/redeliver", {}, b""),
            ("PUT", "/v1/webhooks/endpoints", {}, b""),
            # Before routing: a path that does not exist still gets 411.
            ("POST", "/v1/no-such-route", {}, b""),
        ],
    )
    def test_writes_without_content_length_get_411_before_auth(
        self, emulator: Emulator, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> None:
        # No Authorization header: the 411 comes first.
        answer = raw_request(emulator.base_url, method, path, headers=headers, body=body)
        assert answer.status == 411
        assert answer.json() == LENGTH_REQUIRED
        assert answer.headers["content-type"] == "application/json"
        assert "cache-control" not in answer.headers

    def test_reads_and_deletes_need_no_content_length(self, emulator: Emulator) -> None:
        listed = raw_request(emulator.base_url, "GET", "/v1/webhooks/endpoints", headers=AUTH)
        assert listed.status == 200
        deleted = raw_request(emulator.base_url, "DELETE", f"/v1/webhooks/endpoints/{uuid.uuid4()}", headers=AUTH)
        assert (deleted.status, deleted.json()) == (404, {"error": "ResourceNotFound", "detail": "Not found"})

    def test_content_length_zero_is_enough(self, emulator: Emulator) -> None:
        answer = raw_request(
            emulator.base_url, "POST", f"/v1/webhooks/events/{uuid.uuid4()}/redeliver",
            headers={**AUTH, "Content-Length": "0"},
        )
        assert answer.status == 404


class TestBodyTooLarge:
    def test_declared_length_over_10_mib_is_refused_without_reading_the_body(self, emulator: Emulator) -> None:
        # The body is never sent: the answer must come from the header alone.
        answer = raw_request(
            emulator.base_url, "POST", "/v1/webhooks/endpoints",
            headers={**AUTH, "Content-Type": "application/json", "Content-Length": "10485761"},
            timeout=10,
        )
        assert answer.status == 413
        assert answer.json() == TOO_LARGE
        assert "cache-control" not in answer.headers

    def test_declared_length_of_exactly_10_mib_is_read(self, emulator: Emulator) -> None:
        body = b'{"url":"https://example.com/","format":"raw","events":[]}'
        body += b" " * (10 * 1024 * 1024 - len(body))
        answer = raw_request(
            emulator.base_url, "POST", "/v1/webhooks/endpoints",
            headers={**AUTH, "Content-Type": "application/json", "Content-Length": str(len(body))},
            body=body, timeout=30,
        )
        assert answer.status == 201


class TestCacheControl:
    def test_route_answers_carry_private_no_store(self, emulator: Emulator) -> None:
        base = emulator.base_url
        answers = {
            "list 200": httpx.get(f"{base}/v1/webhooks/endpoints", headers=AUTH),
            "unknown endpoint 404": httpx.get(f"{base}/v1/webhooks/endpoints/{uuid.uuid4()}", headers=AUTH),
            "query 422": httpx.get(f"{base}/v1/webhooks/endpoints", params={"page": "0"}, headers=AUTH),
            "no token 401": httpx.get(f"{base}/v1/webhooks/endpoints"),
            "read-only 403": httpx.post(
                f"{base}/v1/webhooks/endpoints",
                json={"url": "https://example.com/", "format": "raw", "events": []},
                headers={"Authorization": f"Bearer {READ_ONLY_TOKEN}"},
            ),
            "no route 404": httpx.get(f"{base}/v1/no-such-route", headers=AUTH),
            "wrong method 405": httpx.put(f"{base}/v1/webhooks/deliveries", headers=AUTH),
        }
        for name, response in answers.items():
            assert response.headers.get("cache-control") == "private, no-store", name

    def test_outer_layers_do_not_add_it(self, emulator: Emulator, start_emulator) -> None:  # type: ignore[no-untyped-def]
        base = emulator.base_url
        invalid_token = httpx.get(f"{base}/v1/webhooks/endpoints", headers={"Authorization": "Bearer nope"})
        assert invalid_token.status_code == 401
        assert invalid_token.headers.get("cache-control") == "no-store"
        bad_version = httpx.get(f"{base}/v1/webhooks/endpoints", headers={**AUTH, "Polar-Version": "1999-01"})
        assert bad_version.status_code == 404
        assert "cache-control" not in bad_version.headers
        limited_emulator = start_emulator("--no-sample-data", "--rate-limit", "1")
        httpx.get(f"{limited_emulator.base_url}/v1/webhooks/endpoints", headers=AUTH)
        limited = httpx.get(f"{limited_emulator.base_url}/v1/webhooks/endpoints", headers=AUTH)
        assert limited.status_code == 429
        assert "cache-control" not in limited.headers
