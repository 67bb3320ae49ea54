"""Who wrote a message, and which message it is: sender names, phone numbers, fingerprints.

A fingerprint depends only on the chat's identity and the message itself (never on the file
name or the position in the file), so importing the same export again, or a later export of the
same chat that overlaps, recognises the messages already imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from itertools import islice
from operator import attrgetter, le
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
    a list of a million `bytes` takes 57 MB.

    Made as they are read, a block of messages at a time, when the export's timestamps never go
    back (`fingerprints` decides): a first import reads them in order as it makes its rows, and
    hashing a block then runs while the search index of the rows before it is built on another
    thread (SQLite lets go of the GIL) instead of all before the first row."""

    __slots__ = ("_data", "_source")

    def __init__(self, data: bytes, source: _Digester | None = None) -> None:
        self._data = bytearray(data) if source is not None else data
        self._source = source  # None: every fingerprint is in _data

    def __len__(self) -> int:
        if self._source is not None:
            return len(self._source.messages)
        return len(self._data) // DIGEST_SIZE

    def _make_up_to(self, count: int) -> None:
        """At least the first *count* fingerprints made (every one when *count* is -1)."""
        source = self._source
        if source is None:
            return
        made = len(self._data) // DIGEST_SIZE
        total = len(source.messages)
        if count < 0 or count > total:
            count = total
        while made < count:
            end = min(made + _BLOCK, total)
            self._data += source.feed(made, end)
            made = end
        if made == total:  # kept as it is: a copy as bytes would briefly hold them twice
            self._source = None

    def make_ahead(self) -> bool:
        """Make the next block of fingerprints now: whether there was one to make."""
        if self._source is None:
            return False
        self._make_up_to(len(self._data) // DIGEST_SIZE + 1)
        return True

    @overload
    def __getitem__(self, index: int) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...
    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return self.take(range(start, stop, step))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if self._source is not None:
            self._make_up_to(index + 1)
        start = index * DIGEST_SIZE
        return bytes(self._data[start : start + DIGEST_SIZE])

    def take(self, positions: Sequence[int]) -> list[bytes]:
        """The fingerprints at *positions* (each from 0 to len - 1), in one call: a row loop
        that asked for them one at a time spent more on the asking (a Python call each) than
        on the hashing. A run of positions (a range) is cut out of one copy of its bytes."""
        if not positions:
            return []
        size = DIGEST_SIZE
        if isinstance(positions, range) and positions.step == 1:
            self._make_up_to(positions.stop)
            run = bytes(self._data[positions.start * size : positions.stop * size])
            return [run[i : i + size] for i in range(0, len(run), size)]
        self._make_up_to(max(positions) + 1)
        data = self._data
        return [bytes(data[p * size : p * size + size]) for p in positions]

    def __iter__(self) -> Iterator[bytes]:
        self._make_up_to(-1)
        data = self._data
        return (bytes(data[i : i + DIGEST_SIZE]) for i in range(0, len(data), DIGEST_SIZE))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Fingerprints):
            self._make_up_to(-1)
            other._make_up_to(-1)
            return self._data == other._data
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal to lists, so unhashable as they are


#: messages hashed at a time when the fingerprints are made as they are read
_BLOCK = 5_000


def fingerprints(chat_key: str, messages: Sequence[ChatMessage]) -> Fingerprints:
    """`fingerprint` of every message, with the occurrence index counted for you."""
    if _never_goes_back(messages):
        # counted per timestamp, in order: each block is hashed as it is first read
        return Fingerprints(b"", _Digester(chat_key, messages, per_timestamp=True))
    data, in_order = _digests(chat_key, messages, per_timestamp=True)
    # Counted per timestamp, two messages can only come out alike when a timestamp comes back
    # after a later one (an export out of order): only then is the whole list checked, and
    # occurrences are counted across the whole export.
    if not in_order and _has_repeats(data):
        data, _in_order = _digests(chat_key, messages, per_timestamp=False)
    return Fingerprints(data)


def _never_goes_back(messages: Sequence[ChatMessage]) -> bool:
    """The timestamps never go back: in whole seconds neither, so counting occurrences per
    timestamp is all `fingerprints` does (two C loops over a million messages: ~0.05 s)."""
    stamps = list(map(attrgetter("timestamp"), messages))
    return all(map(le, stamps, islice(stamps, 1, None)))


def _has_repeats(data: bytes) -> bool:
    size = DIGEST_SIZE
    count = len(data) // size
    return len({data[i : i + size] for i in range(0, len(data), size)}) != count


def _digests(
    chat_key: str, messages: Sequence[ChatMessage], *, per_timestamp: bool
) -> tuple[bytes, bool]:
    """The packed digests, and whether the timestamps never went back (in whole seconds)."""
    digester = _Digester(chat_key, messages, per_timestamp=per_timestamp)
    return digester.feed(0, len(messages)), digester.in_order


class _Digester:
    """Hashes *messages* in order, a range at a time, carrying what the next range needs: the
    occurrences counted so far (of the current timestamp, or of the whole export) and the last
    timestamp."""

    def __init__(
        self, chat_key: str, messages: Sequence[ChatMessage], *, per_timestamp: bool
    ) -> None:
        self.messages = messages
        self.in_order = True
        self._prefix = chat_key + "\x1f"
        self._per_timestamp = per_timestamp
        self._seen: dict[tuple[datetime, str | None, str, str], int] = {}
        self._senders: dict[str | None, str] = {None: ""}
        #: the last timestamp, its whole second and that as text, and the message that is so
        #: far alone in its second (counting per timestamp), if any
        self._last: tuple[datetime | None, datetime, str, ChatMessage | None] = (
            None,
            datetime.min,
            "",
            None,
        )

    def feed(self, start: int, end: int) -> bytes:
        """The packed digests of messages[start:end]; ranges are fed in order, each once."""
        seen, senders, prefix = self._seen, self._senders, self._prefix
        per_timestamp = self._per_timestamp
        sha = hashlib.sha256
        out = bytearray()
        last_ts, second, ts_text, lone = self._last
        in_order = self.in_order
        messages = self.messages
        for m in messages[start:end] if (start, end) != (0, len(messages)) else messages:
            timestamp = m.timestamp
            if timestamp != last_ts:
                last_ts = timestamp
                whole = timestamp.replace(microsecond=0) if timestamp.microsecond else timestamp
                if whole < second:
                    in_order = False
                if per_timestamp and whole != second:
                    # identical messages share a timestamp: they are counted within it, and
                    # the first of a second (nearly every message) is the first of its kind
                    lone = m
                second = whole
                ts_text = whole.isoformat()
            if lone is m:
                n = 0
            else:
                if lone is not None:  # a second message in this second: count from now on
                    seen.clear()
                    seen[(second, lone.sender, lone.kind, lone.text)] = 1
                    lone = None
                key = (second, m.sender, m.kind, m.text)
                n = seen.get(key, 0)
                seen[key] = n + 1
            sender = senders.get(m.sender)
            if sender is None:
                sender = senders[m.sender] = clean_name(m.sender or "")
            raw = f"{prefix}{ts_text}\x1f{sender}\x1f{m.kind}\x1f{m.text}\x1f{n}"
            out += sha(raw.encode()).digest()[:DIGEST_SIZE]
        self._last = (last_ts, second, ts_text, lone)
        self.in_order = in_order
        return bytes(out)
