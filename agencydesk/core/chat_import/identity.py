"""Who wrote a message, and which message it is: sender names, phone numbers, fingerprints.

A fingerprint depends only on the chat's identity and the message itself (never on the file
name or the position in the file), so importing the same export again, or a later export of the
same chat that overlaps, recognises the messages already imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import overload

from agencydesk.core.importers import ChatMessage
from agencydesk.core.names import clean_name as clean_name
from agencydesk.core.names import phone_digits as phone_digits


def chat_key_for(client_id: int) -> str:
    """The identity of a chat imported into a client's history."""
    return f"client:{client_id}"


#: bytes of a fingerprint: the first half of a SHA-256 digest (once written as 32 hex digits:
#: migration 0013 turned those into these bytes)
DIGEST_SIZE = 16


def fingerprint(chat_key: str, message: ChatMessage, occurrence: int = 0) -> bytes:
    """A stable 16-byte identity of *message* in the chat *chat_key*.

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
    return hashlib.sha256("\x1f".join(parts).encode()).digest()[:DIGEST_SIZE]


class Fingerprints(Sequence[bytes]):
    """The fingerprints of an export, packed in one buffer: 16 MB for a million messages, where
    a list of a million `bytes` takes 57 MB."""

    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data) // DIGEST_SIZE

    @overload
    def __getitem__(self, index: int) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...
    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start = index * DIGEST_SIZE
        return self._data[start : start + DIGEST_SIZE]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Fingerprints):
            return self._data == other._data
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal to lists, so unhashable as they are


def fingerprints(chat_key: str, messages: Sequence[ChatMessage]) -> Fingerprints:
    """`fingerprint` of every message, with the occurrence index counted for you."""
    data, in_order = _digests(chat_key, messages, per_timestamp=True)
    # Counted per timestamp, two messages can only come out alike when a timestamp comes back
    # after a later one (an export out of order): only then is the whole list checked, and
    # occurrences are counted across the whole export.
    if not in_order and _has_repeats(data):
        data, _in_order = _digests(chat_key, messages, per_timestamp=False)
    return Fingerprints(data)


def _has_repeats(data: bytes) -> bool:
    size = DIGEST_SIZE
    count = len(data) // size
    return len({data[i : i + size] for i in range(0, len(data), size)}) != count


def _digests(
    chat_key: str, messages: Sequence[ChatMessage], *, per_timestamp: bool
) -> tuple[bytes, bool]:
    """The packed digests, and whether the timestamps never went back (in whole seconds)."""
    seen: dict[tuple[datetime, str | None, str, str], int] = {}
    senders: dict[str | None, str] = {None: ""}
    sha = hashlib.sha256
    out = bytearray()
    prefix = chat_key + "\x1f"
    last_ts: datetime | None = None
    second = datetime.min
    ts_text = ""
    in_order = True
    for m in messages:
        timestamp = m.timestamp
        if timestamp != last_ts:
            last_ts = timestamp
            whole = timestamp.replace(microsecond=0) if timestamp.microsecond else timestamp
            if whole < second:
                in_order = False
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
        out += sha(raw.encode()).digest()[:DIGEST_SIZE]
    return bytes(out), in_order
