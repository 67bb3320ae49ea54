"""What an imported message that holds no words of its own stands for: a deleted message, or a
picture or file the export left out. The desk shows these as small grey notes ("message
deleted", "photo not in the export"), never as an empty bubble, a ticket's first message or its
title.

Pure Python: the views (`qt`, `reports`) turn a note's key into words of their language.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from agencydesk.core.importers import FLAG_DELETED, FLAG_MEDIA_OMITTED, MEDIA_TYPE_FLAGS

#: "deleted", what a left-out media item was ("photo", "video", "audio", "sticker",
#: "document"), or "media" when the export does not say
Note = Literal["deleted", "photo", "video", "audio", "sticker", "document", "media"]


def flag_set(flags: str | Collection[str]) -> Collection[str]:
    """The flags of a message as stored ("deleted,edited") or as parsed (a set)."""
    if isinstance(flags, str):
        return flags.split(",") if flags else ()
    return flags


def note_of(flags: str | Collection[str]) -> Note | None:
    """The note a message's flags call for, or None for an ordinary message."""
    found = flag_set(flags)
    if not found:
        return None
    if FLAG_DELETED in found:
        return "deleted"
    if FLAG_MEDIA_OMITTED in found:
        for kind in MEDIA_TYPE_FLAGS:
            if kind in found:
                return kind  # type: ignore[return-value]
        return "media"
    return None


def is_placeholder(kind: str, text: str, flags: str | Collection[str]) -> bool:
    """True for a message that is only a note: deleted, or left-out media without a caption."""
    if kind == "system":
        return False
    if note_of(flags) is not None:
        return not text.strip()
    return False
