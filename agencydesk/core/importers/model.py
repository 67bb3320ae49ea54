"""Data types shared by every chat-export parser.

Everything here is plain Python (stdlib only): no Qt, no database.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any, Literal

from .problems import IN_ZIP, PROBLEMS

MessageKind = Literal["message", "media", "system"]

KIND_MESSAGE: MessageKind = "message"
KIND_MEDIA: MessageKind = "media"
KIND_SYSTEM: MessageKind = "system"

FLAG_EDITED = "edited"
FLAG_DELETED = "deleted"
FLAG_FORWARDED = "forwarded"
FLAG_MEDIA_OMITTED = "media-omitted"
#: what a media item left out of the export was, when the export says so (beside media-omitted)
FLAG_PHOTO = "photo"
FLAG_VIDEO = "video"
FLAG_AUDIO = "audio"
FLAG_STICKER = "sticker"
FLAG_DOCUMENT = "document"
MEDIA_TYPE_FLAGS = (FLAG_PHOTO, FLAG_VIDEO, FLAG_AUDIO, FLAG_STICKER, FLAG_DOCUMENT)

NO_FLAGS: frozenset[str] = frozenset()
# Every set is 216 bytes, even an empty one: each message of a big export holding its own (all
# of a Telegram export's did) took more memory than the message itself. There are only so many
# combinations of flags, so each is made once.
_FLAG_SETS: dict[frozenset[str], frozenset[str]] = {NO_FLAGS: NO_FLAGS}


def shared_flags(flags: Iterable[str]) -> frozenset[str]:
    """*flags* as the one frozenset that every message with these flags shares."""
    made = frozenset(flags)
    return _FLAG_SETS.setdefault(made, made)


class _MessageSlots:
    """Storage of every :class:`ChatMessage`: the four fields each message has. The slots live
    here so that the fast constructors below share the exact same object layout."""

    __slots__ = ("kind", "sender", "text", "timestamp")


class _MarkedSlots(_MessageSlots):
    """Storage of a message with flags or a file: two slots more."""

    __slots__ = ("flags", "media_file")


_FIELDS = ("kind", "timestamp", "sender", "text", "flags", "media_file")


class ChatMessage(_MessageSlots):
    """One message (or media item, or system event) of a chat export; immutable.

    ``timestamp`` is the naive wall-clock time shown in the export. ``sender`` is
    ``None`` for system events. For media, ``text`` is the caption (or ``""``) and
    ``media_file`` the attached file name, ``None`` when the export left it out.

    Most messages have no flags and no file: they share the class's ``NO_FLAGS`` and ``None``
    instead of holding their own (16 bytes a message: 16 MB of a million-message export). The
    others are made as `_MarkedMessage`, a ChatMessage with the two slots.
    """

    __slots__ = ()
    __match_args__ = ("kind", "timestamp", "sender", "text", "flags", "media_file")

    kind: MessageKind
    timestamp: datetime
    sender: str | None
    text: str
    flags: frozenset[str] = NO_FLAGS
    media_file: str | None = None

    def __new__(
        cls,
        kind: MessageKind,
        timestamp: datetime,
        sender: str | None,
        text: str,
        flags: frozenset[str] = NO_FLAGS,
        media_file: str | None = None,
    ) -> ChatMessage:
        return make_message(kind, timestamp, sender, text, flags, media_file)

    def _values(self) -> tuple[Any, ...]:
        return (self.kind, self.timestamp, self.sender, self.text, self.flags, self.media_file)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChatMessage):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}" for name, value in zip(_FIELDS, self._values(), strict=True)
        )
        return f"ChatMessage({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a ChatMessage cannot be changed (its {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a ChatMessage cannot be changed (its {name!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (ChatMessage, self._values())

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "timestamp": self.timestamp.isoformat(
                timespec="milliseconds" if self.timestamp.microsecond else "seconds"
            ),
            "sender": self.sender,
            "text": self.text,
            "flags": sorted(self.flags),
            "media_file": self.media_file,
        }


class _MarkedMessage(_MarkedSlots, ChatMessage):
    """A ChatMessage with flags or a file of its own (the slots come before ChatMessage's
    shared defaults in the lookup)."""

    __slots__ = ()


# Fast constructors for the hot loops: a frozen class must go through object.__setattr__ for
# every field, about three times slower than plain attribute stores. These twins share the
# slot layout, store the fields directly and then turn themselves into the frozen class; the
# results are indistinguishable from those made by ChatMessage(...).
class _NewPlainMessage(_MessageSlots):
    """A message without flags or a file; from someone (the parsers' common case) unless
    *kind* says otherwise."""

    __slots__ = ()

    def __init__(
        self, timestamp: datetime, sender: str | None, text: str, kind: MessageKind = "message"
    ) -> None:
        self.kind = kind
        self.timestamp = timestamp
        self.sender = sender
        self.text = text
        self.__class__ = ChatMessage  # type: ignore[assignment]


class _NewMarkedMessage(_MarkedSlots):
    __slots__ = ()

    def __init__(
        self,
        kind: MessageKind,
        timestamp: datetime,
        sender: str | None,
        text: str,
        flags: frozenset[str],
        media_file: str | None,
    ) -> None:
        self.kind = kind
        self.timestamp = timestamp
        self.sender = sender
        self.text = text
        self.flags = flags
        self.media_file = media_file
        self.__class__ = _MarkedMessage  # type: ignore[assignment]


def make_message(
    kind: MessageKind,
    timestamp: datetime,
    sender: str | None,
    text: str,
    flags: frozenset[str],
    media_file: str | None,
) -> ChatMessage:
    """A :class:`ChatMessage` without validation (the parsers' fast path)."""
    if flags or media_file is not None:
        return _NewMarkedMessage(kind, timestamp, sender, text, flags, media_file)  # type: ignore[return-value]
    return _NewPlainMessage(timestamp, sender, text, kind)  # type: ignore[return-value]


def system_event(timestamp: datetime, text: str) -> ChatMessage:
    """A line of the chat that nobody sent ("X joined", "Messages are encrypted")."""
    return ChatMessage(KIND_SYSTEM, timestamp, None, text)


def text_message(
    timestamp: datetime, sender: str, text: str, flags: frozenset[str] = NO_FLAGS
) -> ChatMessage:
    return ChatMessage(KIND_MESSAGE, timestamp, sender, text, flags)


def media_message(timestamp: datetime, sender: str, caption: str, media_file: str) -> ChatMessage:
    return ChatMessage(KIND_MEDIA, timestamp, sender, caption, NO_FLAGS, media_file)


@dataclass
class ParsedChat:
    """The result of parsing one export.

    ``format`` is one of ``"whatsapp-android"``, ``"whatsapp-ios"``, ``"telegram"``,
    ``"line"``, ``"messenger"`` or ``"csv"``. ``date_order`` is ``"DMY"``, ``"MDY"``
    or ``"YMD"`` for formats whose dates are written in a locale-dependent order,
    otherwise ``None``. ``messages`` are oldest first. ``participants`` are the
    distinct non-``None`` senders in order of first appearance.

    ``media_members`` lists the media files present in a WhatsApp "export with
    media" zip (names as stored in the zip). ``chats`` is filled only for exports
    that hold several chats (Telegram full-account export): one entry per chat;
    ``messages`` then holds all of them merged in time order.
    """

    format: str
    date_order: str | None
    messages: list[ChatMessage]
    participants: list[str]
    warnings: list[str] = field(default_factory=list)
    chat_name: str | None = None
    media_members: tuple[str, ...] = ()
    chats: tuple[ParsedChat, ...] = ()
    #: (the members it was made from, by name, by file name): see media_member_for
    _media_lookup: tuple[tuple[str, ...], dict[str, str], dict[str, str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @classmethod
    def from_messages(
        cls,
        format: str,
        messages: list[ChatMessage],
        *,
        date_order: str | None = None,
        warnings: list[str] | None = None,
        chat_name: str | None = None,
        chats: tuple[ParsedChat, ...] = (),
    ) -> ParsedChat:
        """The result for *messages* (oldest first); the participants are their senders."""
        return cls(
            format=format,
            date_order=date_order,
            messages=messages,
            participants=participants_of(messages),
            warnings=list(warnings or []),
            chat_name=chat_name,
            chats=chats,
        )

    def media_member_for(self, media_file: str | None) -> str | None:
        """Name of the zip member holding ``media_file``, or ``None`` if absent (a member of
        the same name in a folder will do; the first one, as the zip lists them)."""
        if not media_file or not self.media_members:
            return None
        # looked up, not scanned: each media message scanned every member, and an export of
        # 40,000 photos took 12 s to import instead of a fraction of one
        known = self._media_lookup
        if known is None or known[0] is not self.media_members:
            by_name = {name: name for name in self.media_members}
            by_file_name: dict[str, str] = {}
            for name in self.media_members:
                by_file_name.setdefault(name.rsplit("/", 1)[-1], name)
            known = self._media_lookup = (self.media_members, by_name, by_file_name)
        _members, by_name, by_file_name = known
        return by_name.get(media_file) or by_file_name.get(media_file.rsplit("/", 1)[-1])

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "date_order": self.date_order,
            "chat_name": self.chat_name,
            "participants": list(self.participants),
            "warnings": list(self.warnings),
            "media_members": list(self.media_members),
            "messages": [m.to_json_dict() for m in self.messages],
        }


class ChatImportError(Exception):
    """The only error the importer API raises.

    *kind* names the problem (a key of `problems.PROBLEMS`) and *values* fill in its {names};
    ``problem`` is its plain English, and the message names the file (and the line, when
    known): what the command line and the log say. A window says the kind in its own language.
    *member* is the chat file inside a zip the problem was found in.
    """

    def __init__(
        self,
        kind: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        member: str | None = None,
        **values: Any,
    ) -> None:
        self.kind = kind
        self.values: dict[str, Any] = values
        self.path: str | None = os.fspath(path) if path is not None else None
        self.line: int | None = line
        self.member: str | None = member
        self.problem = PROBLEMS[kind].format(**values)
        if member is not None:
            self.problem += IN_ZIP.format(member=member)
        where = f"“{self.path}”" if self.path else "The chat file"
        if line is not None:
            where += f", line {line}"
        super().__init__(f"{where}: {self.problem}")

    def with_path(self, path: str | os.PathLike[str] | None) -> ChatImportError:
        """Same error, naming ``path`` (used when the file name is known later)."""
        if path is None or self.path is not None:
            return self
        return self.moved(path=path)

    def moved(
        self, *, path: str | os.PathLike[str] | None = None, member: str | None = None
    ) -> ChatImportError:
        """Same problem, found in the file *path* (and in its zip's *member*)."""
        return ChatImportError(
            self.kind, path=path, line=self.line, member=member or self.member, **self.values
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuilt_error, (self.kind, self.path, self.line, self.member, self.values))


def _rebuilt_error(
    kind: str, path: str | None, line: int | None, member: str | None, values: dict[str, Any]
) -> ChatImportError:
    return ChatImportError(kind, path=path, line=line, member=member, **values)


_get_sender = attrgetter("sender")


def participants_of(messages: list[ChatMessage]) -> list[str]:
    """Distinct senders (excluding ``None``) in order of first appearance."""
    seen = dict.fromkeys(map(_get_sender, messages))
    seen.pop(None, None)
    return [s for s in seen if s is not None]
