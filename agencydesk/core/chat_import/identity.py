"""Who wrote a message, and which message it is: sender names, phone numbers, fingerprints.

A fingerprint depends only on the chat's identity and the message itself (never on the file
name or the position in the file), so importing the same export again, or a later export of the
same chat that overlaps, recognises the messages already imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from agencydesk.core.importers import ChatMessage
from agencydesk.core.names import clean_name as clean_name
from agencydesk.core.names import phone_digits as phone_digits


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
