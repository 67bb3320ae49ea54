"""A ticket's title from its chat: the client's first message that says something, without the
greeting in front of it ("Assalamualaikum mas, website saya error" → "Website saya error").

Greetings, acknowledgements and forms of address are known in Indonesian and English; a message
that is nothing else ("Assalamualaikum mas", "Pagi Bu", "ok siap") is skipped, and so are
deleted messages and pictures left out of the export.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime

from agencydesk.core.importers import ChatMessage
from agencydesk.core.message_notes import is_placeholder
from agencydesk.core.shorten import shorten

TITLE_MAX = 80

_GREETINGS = frozenset(
    [
        "assalamualaikum",
        "assalamu'alaikum",
        "assalamu’alaikum",
        "asalamualaikum",
        "assalammualaikum",
        "assalamu",
        "alaikum",
        "'alaikum",
        "’alaikum",
        "aslm",
        "asslm",
        "askum",
        "wr",
        "wb",
        "warahmatullahi",
        "wabarakatuh",
        "waalaikumsalam",
        "wa'alaikumsalam",
        "walaikumsalam",
        "salam",
        "shalom",
        "halo",
        "hallo",
        "haloo",
        "hallo",
        "hai",
        "hay",
        "hi",
        "hii",
        "hello",
        "helo",
        "hey",
        "heya",
        "pagi",
        "siang",
        "sore",
        "malam",
        "met",
        "permisi",
        "punten",
        "misi",
        "greetings",
        "morning",
        "evening",
        "afternoon",
        "night",
        "howdy",
    ]
)
#: "selamat pagi", "good morning", "terima kasih": greetings only as a pair
_PAIRS = frozenset(
    {
        ("selamat", "pagi"),
        ("selamat", "siang"),
        ("selamat", "sore"),
        ("selamat", "malam"),
        ("selamat", "datang"),
        ("good", "morning"),
        ("good", "afternoon"),
        ("good", "evening"),
        ("good", "day"),
        ("terima", "kasih"),
        ("thank", "you"),
    }
)
_ACKS = frozenset(
    [
        "ok",
        "oke",
        "okay",
        "okey",
        "okeh",
        "sip",
        "siap",
        "baik",
        "thanks",
        "thank",
        "thx",
        "tq",
        "ty",
        "makasih",
        "makasi",
        "trims",
        "nuhun",
        "noted",
        "ya",
        "yah",
        "iya",
        "iyaa",
        "y",
        "nggih",
        "njih",
        "yes",
    ]
)
#: forms of address; a capitalised name right after one is part of it ("mas Andi")
_ADDRESS = frozenset(
    [
        "mas",
        "mbak",
        "mba",
        "mbk",
        "pak",
        "bapak",
        "bu",
        "ibu",
        "bunda",
        "kak",
        "kakak",
        "ka",
        "bang",
        "abang",
        "dik",
        "adik",
        "om",
        "tante",
        "sis",
        "sist",
        "gan",
        "agan",
        "min",
        "admin",
        "sir",
        "madam",
        "maam",
        "ma'am",
        "bro",
        "dear",
    ]
)
#: words that add nothing to a greeting or a thank-you ("terima kasih banyak ya mas")
_EMPTY_WORDS = (
    _GREETINGS
    | _ACKS
    | _ADDRESS
    | frozenset(["banyak", "sekali", "nya", "lot", "much", "so", "very", "all", "semua"])
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FILLER = re.compile(r"[\W_\d]*")  # spaces, punctuation, emoji, numbers ("wr.wb", "🙏")


def _strip_greeting(text: str) -> str:
    """*text* without the greetings, acknowledgements and forms of address it starts with."""
    pos = 0
    after_address = after_greeting = False
    while True:
        gap = _FILLER.match(text, pos)
        start = gap.end() if gap else pos
        word = _WORD.match(text, start)
        if word is None:
            return text[start:]
        low = word.group().casefold()
        nxt = _WORD.match(text, _FILLER.match(text, word.end()).end())  # type: ignore[union-attr]
        named = word.group()[0].isupper() and text[pos:start].strip() == ""
        if nxt is not None and (low, nxt.group().casefold()) in _PAIRS:
            pos, after_address, after_greeting = nxt.end(), False, True
        elif low in _GREETINGS or low in _ACKS:
            pos, after_address, after_greeting = word.end(), False, True
        elif low in _ADDRESS:
            pos, after_address, after_greeting = word.end(), True, False
        elif named and (after_address or (after_greeting and _ends_name(text, word.end()))):
            # the name after "mas", "Bu" …, or after "Hi" when a comma follows ("Hi Sarah,")
            pos, after_address, after_greeting = word.end(), False, False
        else:
            return text[start:]


def _ends_name(text: str, end: int) -> bool:
    return text[end : end + 1] in ("", ",", "!", ".", ":")


def substance(text: str) -> str:
    """What a message says once its greeting is taken off; "" for a greeting alone."""
    rest = " ".join(_strip_greeting(text).split())
    words = [w.casefold() for w in _WORD.findall(rest)]
    if not words or all(w in _EMPTY_WORDS for w in words):
        return ""
    return rest[0].upper() + rest[1:]


def _shorten(text: str) -> str:
    return shorten(text, TITLE_MAX)


def title_from(
    messages: Sequence[ChatMessage],
    fallback_at: datetime,
    me_senders: Collection[str] = (),
) -> str:
    """A ticket title: the client's first message that says something (its greeting taken
    off), else anyone's, else the chat's date. Senders in *me_senders* are not the client.
    (Stops at the first one found: a part of a big chat is not read through.)"""
    for clients_only in (True, False):
        for m in messages:
            if (
                m.kind == "system"
                or m.sender is None
                or (clients_only and m.sender in me_senders)
                or (m.flags and is_placeholder(m.kind, m.text, m.flags))
            ):
                continue
            text = substance(m.text)
            if text:
                return _shorten(text)
    return f"Chat of {fallback_at:%Y-%m-%d}"
