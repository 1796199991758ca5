"""Webhook URL rules at their edges (CONTRACT.md §2.3): the length in UTF-8 bytes, IDNA 2008 host
names, IP literals as Python 3.14's `ipaddress` judges them, and what is stored."""

from __future__ import annotations

import pytest
from polar.v2026_10 import Polar
from polar.v2026_10.errors import HTTPValidationError

IDNA_MESSAGE = "Value error, Invalid webhook URL: the hostname contains characters not allowed in domain names."
PRIVATE_MESSAGE = "Value error, Webhook URLs cannot point to localhost or private IP addresses."


def create(polar: Polar, url: str) -> str:
    return polar.webhooks.create_webhook_endpoint(url=url, format="raw", events=[]).url


def refusal(polar: Polar, url: str) -> tuple[str, list[str | int], str]:
    with pytest.raises(HTTPValidationError) as raised:
        create(polar, url)
    [issue] = raised.value.error.detail or []
    return issue.type, issue.loc, issue.msg


class TestLength:
    def test_counted_in_utf8_bytes_of_the_stripped_input(self, polar: Polar) -> None:
        base = "https://example.com/"
        # 20 + 2 × 1031 = 2082 bytes: accepted (and stored percent-encoded, longer than 2083).
        stored = create(polar, "  " + base + "é" * 1031 + "  ")
        assert stored == base + "%C3%A9" * 1031
        # 20 + 2 × 1032 = 2084 bytes, only 1052 characters: too long.
        assert refusal(polar, base + "é" * 1032) == (
            "url_too_long", ["body", "url"], "URL should have at most 2083 characters",
        )


class TestHostNames:
    @pytest.mark.parametrize(
        "host",
        ["ab--cd.example.com", "-a.com", "a-.com", "a_b.com", "a..b.com", "\N{PILE OF POO}.la", "xn--ls8h.la",
         "api.xn--ls8h.example"],
    )
    def test_not_idna_2008_names(self, polar: Polar, host: str) -> None:
        assert refusal(polar, f"https://{host}/hook") == ("value_error", ["body", "url"], IDNA_MESSAGE)

    @pytest.mark.parametrize("host", ["xn--a.com", "exa mple.com", "xn--ab-.com"])
    def test_not_parsable_as_international_names(self, polar: Polar, host: str) -> None:
        assert refusal(polar, f"https://{host}/hook") == (
            "url_parsing", ["body", "url"], "Input should be a valid URL, invalid international domain name",
        )

    @pytest.mark.parametrize(
        ("url", "stored"),
        [
            ("https://localhost./", "https://localhost./"),
            ("https://münchen.example", "https://xn--mnchen-3ya.example/"),
            ("https://MÜNCHEN.Example/A", "https://xn--mnchen-3ya.example/A"),
            ("https://xn--mnchen-3ya.example/", "https://xn--mnchen-3ya.example/"),
            ("https://faß.de/", "https://xn--fa-hia.de/"),
            ("https://foo.internal/", "https://foo.internal/"),
        ],
    )
    def test_accepted_names_and_their_stored_form(self, polar: Polar, url: str, stored: str) -> None:
        assert create(polar, url) == stored


class TestIPLiterals:
    @pytest.mark.parametrize(
        ("url", "stored"),
        [
            ("https://[::ffff:8.8.8.8]/", "https://[::ffff:808:808]/"),
            ("https://192.0.0.9/", "https://192.0.0.9/"),
            ("https://192.0.0.10/", "https://192.0.0.10/"),
            ("https://224.0.0.1/", "https://224.0.0.1/"),
            ("https://8.8.8.8:8443", "https://8.8.8.8:8443/"),
        ],
    )
    def test_global_addresses_are_accepted(self, polar: Polar, url: str, stored: str) -> None:
        assert create(polar, url) == stored

    @pytest.mark.parametrize(
        "url",
        [
            "https://[::ffff:127.0.0.1]/",
            "https://127.1/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://192.0.0.8/",
            "https://[2002::1]/",
            "https://100.64.0.1/",
            "https://[::1]/",
        ],
    )
    def test_addresses_that_are_not_global_are_refused(self, polar: Polar, url: str) -> None:
        assert refusal(polar, url) == ("value_error", ["body", "url"], PRIVATE_MESSAGE)

