"""Placeholders in a guide (``{call_name}``, ``{site_url}``, ``{today}``…) and the client's values.

Also how a client is greeted: the first name without the form of address, and "Bu Ratna" for
"Ibu Ratna Wulandari".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from agencydesk.core.edits import live_client
from agencydesk.core.names import name_words

PLACEHOLDERS = ("client_name", "call_name", "first_name", "company", "site_url", "my_name", "today")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class FilledText:
    text: str
    #: placeholders found but not filled in (unknown, or no value), in order of appearance
    missing: list[str] = field(default_factory=list)


#: forms of address that come before a name; the long form → how one says it in a chat
HONORIFICS: dict[str, str] = {
    "ibu": "Bu",
    "bu": "Bu",
    "bapak": "Pak",
    "pak": "Pak",
    "bpk": "Pak",
    "mbak": "Mbak",
    "mba": "Mbak",
    "mas": "Mas",
    "kak": "Kak",
    "kakak": "Kak",
    "bang": "Bang",
    "abang": "Bang",
    "dik": "Dik",
    "adik": "Dik",
    "om": "Om",
    "tante": "Tante",
    "ny": "Bu",
    "nyonya": "Bu",
    "sdr": "",
    "sdri": "",
    "saudara": "",
    "saudari": "",
    "h": "",
    "hj": "",
    "haji": "",
    "hajjah": "",
    "dr": "",
    "drg": "",
    "ir": "",
    "prof": "",
    "mr": "",
    "mrs": "",
    "ms": "",
    "miss": "",
}


def _split_name(name: str) -> tuple[str, str]:
    """("Bu", "Ratna") for "Ibu Ratna Wulandari" (and for "⭐ Ibu Ratna", a WhatsApp contact
    name): the chat form of address and the first name."""
    words = name_words(name)
    address = ""
    while len(words) > 1:
        key = words[0].rstrip(".,").casefold()
        if key not in HONORIFICS:
            break
        address = address or HONORIFICS[key]
        words.pop(0)
    return address, (words[0].rstrip(",") if words else "")


def first_name(name: str) -> str:
    """ "Ibu Ratna Wulandari" → "Ratna"; "Pak H. Bambang Santoso" → "Bambang"."""
    return _split_name(name)[1]


def call_name(name: str) -> str:
    """How one greets the client in a chat: "Ibu Ratna Wulandari" → "Bu Ratna"."""
    address, first = _split_name(name)
    return f"{address} {first}" if address and first else first


def fill_placeholders(text: str, values: Mapping[str, str]) -> FilledText:
    """Replace `{name}` with `values[name]`; `{{` and `}}` give literal braces.

    Unknown placeholders, and known ones without a value, stay as they are (so the text shows what
    still needs filling in) and are listed in `missing`.
    """
    missing: dict[str, None] = {}

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        key = match.group(1)
        value = values.get(key, "")
        if value:
            return value
        missing.setdefault(key)  # each once, in the order met (a dict: a list was scanned)
        return token

    return FilledText(_PLACEHOLDER.sub(replace, text), list(missing))


#: month names for long dates, by language (the report uses them too)
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_long_date(day: date, language: str = "id") -> str:
    """ "3 Maret 2025" / "3 March 2025"."""
    months = MONTH_NAMES.get(language, MONTH_NAMES["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def site_url(website: str) -> str:
    """The client's website as a link to click: "katering-ratna.id/" → "https://katering-ratna.id"."""
    url = website.strip().rstrip("/")
    if url and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", url):
        url = f"https://{url}"
    return url


def placeholder_values_for_client(
    *,
    session: Session,
    client_id: int,
    my_name: str = "",
    language: str = "id",
    today: date | None = None,
) -> dict[str, str]:
    client = live_client(session, client_id)
    return {
        "client_name": client.name,
        "first_name": first_name(client.name),
        "call_name": call_name(client.name),
        "company": client.company,
        "site_url": site_url(client.website),
        "my_name": my_name.strip(),
        "today": format_long_date(today or date.today(), language),
    }
