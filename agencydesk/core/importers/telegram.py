"""Telegram Desktop ``result.json`` parser (single chat or full-account export).

A full-account export (``chats.list``) with several chats is parsed completely:
``ParsedChat.chats`` holds one ``ParsedChat`` per chat (with its ``chat_name``),
and ``ParsedChat.messages`` all messages of all chats merged in time order. The
importer can offer the user a choice of chat from ``chats``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from .jsonutil import as_str, local_from_epoch
from .model import (
    FLAG_AUDIO,
    FLAG_DOCUMENT,
    FLAG_EDITED,
    FLAG_FORWARDED,
    FLAG_MEDIA_OMITTED,
    FLAG_PHOTO,
    FLAG_STICKER,
    FLAG_VIDEO,
    KIND_MEDIA,
    KIND_MESSAGE,
    ChatImportError,
    ChatMessage,
    MessageKind,
    ParsedChat,
    shared_flags,
    system_event,
)
from .problems import ReadingNote

FORMAT = "telegram"
_NOT_INCLUDED = "(File not included"
_MEDIA_KEYS = ("photo", "file")
#: a file's "media_type" → what it was (none: a document)
_FILE_KINDS = {
    "sticker": FLAG_STICKER,
    "voice_message": FLAG_AUDIO,
    "audio_file": FLAG_AUDIO,
    "video_file": FLAG_VIDEO,
    "video_message": FLAG_VIDEO,
    "animation": FLAG_VIDEO,
}


def looks_like_telegram(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    if isinstance(obj.get("messages"), list):
        msgs = obj["messages"]
        if not msgs:
            return "type" in obj and "id" in obj
        first = msgs[0]
        if isinstance(first, ChatMessage):  # read with `message_hook`
            return True
        return (
            isinstance(first, dict)
            and ("date" in first or "date_unixtime" in first)
            and ("from" in first or "actor" in first or "date_unixtime" in first or "text" in first)
            and "timestamp_ms" not in first
        )
    chats = obj.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, dict):
                parts.append(as_str(item.get("text")))
        return "".join(parts)
    return ""


def _timestamp(msg: dict[str, Any]) -> datetime:
    raw = msg.get("date")
    if isinstance(raw, str) and raw:
        try:
            return datetime.fromisoformat(raw).replace(tzinfo=None, microsecond=0)
        except ValueError:
            pass
    unix = msg.get("date_unixtime")
    if isinstance(unix, (str, int, float)) and not isinstance(unix, bool):
        try:
            return local_from_epoch(float(unix))
        except ValueError:
            pass
    raise ChatImportError("telegram_no_date", id=str(msg.get("id", "?")))


def _names(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(as_str(v) or "someone" for v in value)
    return as_str(value) or "someone"


#: what a service message says, by its action (placeholders: actor, members, title, score)
_SERVICE_TEXTS = {
    "invite_members": "{actor} added {members}",
    "remove_members": "{actor} removed {members}",
    "join_group_by_link": "{actor} joined the group via invite link",
    "edit_group_title": "{actor} changed the group name to “{title}”",
    "edit_group_photo": "{actor} changed the group photo",
    "delete_group_photo": "{actor} removed the group photo",
    "pin_message": "{actor} pinned a message",
    "migrate_to_supergroup": "The group was upgraded to a supergroup",
    "migrate_from_group": "The group was upgraded to a supergroup",
    "clear_history": "History was cleared",
    "score_in_game": "{actor} scored {score}",
}


def _service_text(msg: dict[str, Any]) -> str:
    actor = as_str(msg.get("actor")) or "Someone"
    action = as_str(msg.get("action"))
    title = as_str(msg.get("title"))
    if action == "create_group" or action == "create_channel":
        return f"{actor} created the group “{title}”" if title else f"{actor} created the group"
    if action == "phone_call":
        duration = msg.get("duration_seconds")
        if isinstance(duration, int) and not isinstance(duration, bool):
            return f"{actor} called ({duration // 60}:{duration % 60:02d})"
        if as_str(msg.get("discard_reason")) == "missed":
            return f"Missed call from {actor}"
        return f"{actor} called"
    template = _SERVICE_TEXTS.get(action)
    if template is None:
        readable = action.replace("_", " ") if action else "did something"
        return f"{actor}: {readable}"
    return template.format(
        actor=actor, members=_names(msg.get("members")), title=title, score=as_str(msg.get("score"))
    )


def _extra_text(msg: dict[str, Any]) -> str:
    poll = msg.get("poll")
    if isinstance(poll, dict):
        return f"[Poll] {as_str(poll.get('question'))}"
    loc = msg.get("location_information")
    if isinstance(loc, dict):
        return f"[Location] {as_str(loc.get('latitude'))}, {as_str(loc.get('longitude'))}"
    contact = msg.get("contact_information")
    if isinstance(contact, dict):
        name = " ".join(
            p for p in (as_str(contact.get("first_name")), as_str(contact.get("last_name"))) if p
        )
        return f"[Contact] {name} {as_str(contact.get('phone_number'))}".strip()
    return ""


def _convert(msg: dict[str, Any], names: dict[str, str]) -> ChatMessage:
    """One message of the export; *names* holds one string a sender (the JSON decoder makes one
    a message)."""
    ts = _timestamp(msg)
    if msg.get("type") == "service":
        return system_event(ts, _service_text(msg))
    sender = as_str(msg.get("from")) or as_str(msg.get("from_id")) or "Deleted Account"
    sender = names.setdefault(sender, sender)
    text = _text_of(msg.get("text"))
    flags: set[str] = set()
    if msg.get("edited") is not None or msg.get("edited_unixtime") is not None:
        flags.add(FLAG_EDITED)
    if msg.get("forwarded_from") is not None:
        flags.add(FLAG_FORWARDED)
    kind: MessageKind = KIND_MESSAGE
    media: str | None = None
    for key in _MEDIA_KEYS:
        if key in msg:
            kind = KIND_MEDIA
            value = as_str(msg.get(key))
            if value and not value.startswith(_NOT_INCLUDED):
                media = value
            else:  # what was left out, as WhatsApp's "image omitted" says it
                flags.add(FLAG_MEDIA_OMITTED)
                flags.add(
                    FLAG_PHOTO
                    if key == "photo"
                    else _FILE_KINDS.get(as_str(msg.get("media_type")) or "", FLAG_DOCUMENT)
                )
            break
    if kind == KIND_MESSAGE and not text:
        text = _extra_text(msg)
    return ChatMessage(kind, ts, sender, text, shared_flags(flags), media)


def message_hook() -> Callable[[dict[str, Any]], Any]:
    """A ``json.loads`` object hook that makes each message of a Telegram export a ChatMessage
    as soon as it is read. Read as dicts first, a big export held about 1.3 KB a message (every
    key, and the text a second time in ``text_entities``) until all of them were converted."""
    names: dict[str, str] = {}

    def hook(obj: dict[str, Any]) -> Any:
        if obj.get("type") in _MESSAGE_TYPES and ("date" in obj or "date_unixtime" in obj):
            return _convert(obj, names)
        return obj

    return hook


#: the "type" of a message (anything else with that key is a chat, an entity, …)
_MESSAGE_TYPES = frozenset({"message", "service"})


def _parse_one(chat: dict[str, Any]) -> ParsedChat:
    raw = chat.get("messages")
    if not isinstance(raw, list):
        raise ChatImportError("telegram_no_message_list")
    msgs: list[ChatMessage] = []
    names: dict[str, str] = {}
    for item in raw:
        if isinstance(item, ChatMessage):  # read with `message_hook`
            msgs.append(item)
        elif isinstance(item, dict):
            msgs.append(_convert(item, names))
    msgs.sort(key=lambda m: m.timestamp)
    name = as_str(chat.get("name")) or None
    if name is None and chat.get("type") == "saved_messages":
        name = "Saved Messages"
    return ParsedChat.from_messages(FORMAT, msgs, chat_name=name)


def parse_telegram(obj: Any, *, warnings: list[str] | None = None) -> ParsedChat:
    """Parse a decoded Telegram ``result.json`` object."""
    warns = list(warnings or [])
    if not isinstance(obj, dict):
        raise ChatImportError("not_telegram")
    if isinstance(obj.get("messages"), list):
        result = _parse_one(obj)
        result.warnings = warns
        return result
    chats_obj = obj.get("chats")
    chat_list = chats_obj.get("list") if isinstance(chats_obj, dict) else None
    if not isinstance(chat_list, list):
        raise ChatImportError("not_telegram")
    chats = [_parse_one(c) for c in chat_list if isinstance(c, dict)]
    chats = [c for c in chats if c.messages]
    if not chats:
        raise ChatImportError("telegram_no_messages")
    if len(chats) == 1:
        only = chats[0]
        only.warnings = warns
        return only
    merged = sorted((m for c in chats for m in c.messages), key=lambda m: m.timestamp)
    warns.append(ReadingNote("telegram_chats_merged", count=len(chats)))
    return ParsedChat.from_messages(FORMAT, merged, warnings=warns, chats=tuple(chats))
