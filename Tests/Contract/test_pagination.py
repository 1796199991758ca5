"""`page` and `limit` are lax pydantic integers (CONTRACT.md §2.1). Raw query strings, since the SDK
only sends Python ints."""

from __future__ import annotations

import collections.abc
import urllib.parse

import httpx
import pytest

from support import ORG_TOKEN, Emulator

AUTH = {"Authorization": f"Bearer {ORG_TOKEN}"}


@pytest.fixture(scope="module")
def three_endpoints() -> collections.abc.Iterator[Emulator]:
    """An emulator of its own with exactly three endpoints in Acme Demo."""
    running = Emulator("--no-sample-data")
    for index in range(3):
        response = httpx.post(
            f"{running.base_url}/v1/webhooks/endpoints",
            json={"url": f"https://example.com/{index}", "format": "raw", "events": []},
            headers=AUTH,
        )
        assert response.status_code == 201
    yield running
    running.stop()


def listing(emulator: Emulator, **query: str) -> httpx.Response:
    # Percent-encode every byte that is not plain, so "+" and spaces arrive as sent.
    text = "&".join(f"{key}={urllib.parse.quote(value, safe='')}" for key, value in query.items())
    return httpx.get(f"{emulator.base_url}/v1/webhooks/endpoints?{text}", headers=AUTH)


@pytest.mark.parametrize("text", ["2.0", "2.00", "+2", " 2", "2 ", "02", "0_2", "\t2\n"])
def test_lax_forms_of_two(three_endpoints: Emulator, text: str) -> None:
    response = listing(three_endpoints, limit=text)
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["items"]) == 2
    assert body["pagination"] == {"total_count": 3, "max_page": 2}


def test_underscores_group_digits(three_endpoints: Emulator) -> None:
    body = listing(three_endpoints, limit="1_0").json()
    assert (len(body["items"]), body["pagination"]["max_page"]) == (3, 1)
    second = listing(three_endpoints, limit="2", page="2.0").json()
    assert len(second["items"]) == 1


def test_a_huge_limit_is_clamped_to_100(three_endpoints: Emulator) -> None:
    response = listing(three_endpoints, limit="100000000000000000000")
    assert response.status_code == 200
    assert response.json()["pagination"] == {"total_count": 3, "max_page": 1}


def test_a_huge_page_is_past_the_end(three_endpoints: Emulator) -> None:
    response = listing(three_endpoints, page="100000000000000000000")
    assert response.status_code == 200
    assert response.json() == {"items": [], "pagination": {"total_count": 3, "max_page": 1}}


@pytest.mark.parametrize("text", ["5.", "5.5", "5e0", "0x5", "", "1__0", "_1", "5.0_0", "+-5"])
@pytest.mark.parametrize("key", ["page", "limit"])
def test_not_integers(three_endpoints: Emulator, key: str, text: str) -> None:
    response = listing(three_endpoints, **{key: text})
    assert response.status_code == 422
    assert response.json() == {
        "error": "RequestValidationError",
        "detail": [
            {
                "type": "int_parsing",
                "loc": ["query", key],
                "msg": "Input should be a valid integer, unable to parse string as an integer",
                "input": text,
            }
        ],
    }


@pytest.mark.parametrize("text", ["0.0", "+0", "-0", "00", "0_0", "-5"])
@pytest.mark.parametrize("key", ["page", "limit"])
def test_zero_in_any_spelling_is_not_greater_than_zero(three_endpoints: Emulator, key: str, text: str) -> None:
    response = listing(three_endpoints, **{key: text})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "greater_than",
            "loc": ["query", key],
            "msg": "Input should be greater than 0",
            "input": text,
            "ctx": {"gt": 0},
        }
    ]
