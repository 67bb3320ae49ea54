"""Who wrote a message, and which message it is: sender names, phone numbers, fingerprints.

A fingerprint depends only on the chat's identity and the message itself (never on the file
name or the position in the file), so importing the same export again, or a later export of the
same chat that overlaps, recognises the messages already imported.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from agencydesk.core.importers import ChatMessage

_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean_name(name: str) -> str:
    """A sender name without bidi marks and with single spaces (how exports differ)."""
    return " ".join(unicodedata.normalize("NFC", name.translate(_INVISIBLE)).split())


def phone_digits(text: str) -> str:
    """The national digits of a phone number: '+62 812‑3456' and '0812-3456' give '8123456'.

    Returns "" for text that is not a phone number (fewer than 6 digits, or letters)."""
    text = clean_name(text)
    if re.search(r"[^\d\s+()\-.\u2011\u2010\u2012\u2013]", text):
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 6:
        return ""
    if text.lstrip().startswith("+"):
        if digits.startswith("62"):
            digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    elif digits.startswith("62") and len(digits) > 10:
        digits = digits[2:]
    return digits


def chat_key_for(client_id: int) -> str:
    """The identity of a chat imported into a client's history."""
    return f"client:{client_id}"


def fingerprint(chat_key: str, message: ChatMessage, occurrence: int = 0) -> str:
    """A stable 32-hex-digit identity of *message* in the chat *chat_key*.

    It depends on the wall-clock time as exported, the sender, the kind and the text, plus
    *occurrence*: the index of this message among identical (time, sender, text) messages of
    the export ("ok", "ok" in the same minute are two messages). The file name, the message's
    position in the file and the export date play no part.
    """
    parts = (
        chat_key,
        message.timestamp.replace(microsecond=0).isoformat(),
        clean_name(message.sender or ""),
        message.kind,
        message.text,
        str(occurrence),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def fingerprints(chat_key: str, messages: Sequence[ChatMessage]) -> list[str]:
    """`fingerprint` of every message, with the occurrence index counted for you."""
    out = _fingerprints(chat_key, messages, per_timestamp=True)
    if len(set(out)) != len(out):  # out-of-order timestamps: count across the whole export
        out = _fingerprints(chat_key, messages, per_timestamp=False)
    return out


def _fingerprints(
    chat_key: str, messages: Sequence[ChatMessage], *, per_timestamp: bool
) -> list[str]:
    seen: dict[tuple[datetime, str | None, str, str], int] = {}
    senders: dict[str | None, str] = {None: ""}
    sha = hashlib.sha256
    out: list[str] = []
    append = out.append
    prefix = chat_key + "\x1f"
    last_ts: datetime | None = None
    second = datetime.min
    ts_text = ""
    for m in messages:
        timestamp = m.timestamp
        if timestamp != last_ts:
            last_ts = timestamp
            whole = timestamp.replace(microsecond=0) if timestamp.microsecond else timestamp
            if per_timestamp and whole != second:
                seen.clear()  # identical messages share a timestamp: count within it
            second = whole
            ts_text = whole.isoformat()
        key = (second, m.sender, m.kind, m.text)
        n = seen.get(key, 0)
        seen[key] = n + 1
        sender = senders.get(m.sender)
        if sender is None:
            sender = senders[m.sender] = clean_name(m.sender or "")
        raw = f"{prefix}{ts_text}\x1f{sender}\x1f{m.kind}\x1f{m.text}\x1f{n}"
        append(sha(raw.encode()).hexdigest()[:32])
    return out
