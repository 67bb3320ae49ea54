"""Click-to-chat links: the number as WhatsApp wants it, the text typed in."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from agencydesk.core.whatsapp_link import MAX_ENCODED_TEXT, chat_link, international_number


@pytest.mark.parametrize(
    ("phone", "number"),
    [
        ("0812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("62 812 3456 7890", "6281234567890"),
        ("812 3456 7890", "6281234567890"),  # no country, no 0: Indonesian
        ("(0361) 234 567", "62361234567"),  # a Bali landline
        ("+1 (415) 555-0100", "14155550100"),
        ("0033 6 12 34 56 78", "33612345678"),
        ("+62\u2011812\u20113456\u20117890", "6281234567890"),  # non-breaking hyphens
    ],
)
def test_every_way_a_number_is_written_gives_the_international_digits(
    phone: str, number: str
) -> None:
    assert international_number(phone) == number


@pytest.mark.parametrize("phone", ["", "ask her sister", "12345", "+62 812 3456 7890 123456"])
def test_what_is_no_phone_number_gives_no_link(phone: str) -> None:
    assert international_number(phone) is None


def test_the_text_rides_in_the_link_line_breaks_and_emoji_included() -> None:
    text = "Halo Bu Ratna 🙏\nSilakan klik *Lupa sandi* & ikuti langkahnya: 1) … 2) …"
    link = chat_link("6281234567890", text)
    assert link.has_text
    parts = urlsplit(link.url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281234567890")
    assert parse_qs(parts.query)["text"] == [text]
    assert " " not in link.url
    assert "\n" not in link.url


def test_a_text_too_long_for_a_link_opens_the_chat_without_it() -> None:
    link = chat_link("6281234567890", "langkah " * (MAX_ENCODED_TEXT // 8 + 1))
    assert not link.has_text
    assert link.url == "https://wa.me/6281234567890"
    assert unquote(chat_link("6281234567890").url) == "https://wa.me/6281234567890"
