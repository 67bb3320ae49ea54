"""Facebook Messenger / Instagram JSON export parser.

Handles the classic "Download your information" layout (``participants`` as
objects, ``messages`` newest first with ``sender_name``, ``timestamp_ms``,
``content``, ``photos``/``videos``/``audio_files``/``files``/``gifs``/``sticker``)
and the newer end-to-end-encrypted Messenger layout (``participants`` as
strings, ``senderName``, ``timestamp``, ``text``, ``media``). Text written as
UTF-8 bytes escaped one by one (mojibake such as ``Ã©``) is repaired.
"""

from __future__ import annotations

from typing import Any

from .jsonutil import as_str, local_from_epoch, local_from_epoch_ms
from .model import (
    FLAG_DELETED,
    ChatImportError,
    ChatMessage,
    ParsedChat,
    media_message,
    system_event,
    text_message,
)

FORMAT = "messenger"
_MEDIA_LISTS = ("photos", "videos", "audio_files", "files", "gifs", "media")
_F_DELETED = frozenset({FLAG_DELETED})


def looks_like_messenger(obj: Any) -> bool:
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        return False
    if "participants" in obj and not obj["messages"]:
        return True
    first = obj["messages"][0] if obj["messages"] else None
    return isinstance(first, dict) and (
        "timestamp_ms" in first or "sender_name" in first or "senderName" in first
    )


def fix_mojibake(s: str) -> str:
    """Undo UTF-8 read as Latin-1 (``"Ã©"`` → ``"é"``) when it round-trips."""
    if not s or s.isascii():
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def _uri_list(value: Any) -> list[str]:
    out: list[str] = []
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                uri = as_str(item.get("uri"))
                if uri:
                    out.append(fix_mojibake(uri))
            elif isinstance(item, str) and item:
                out.append(fix_mojibake(item))
    return out


def _epoch_ms(msg: dict[str, Any]) -> float:
    value = msg.get("timestamp_ms", msg.get("timestamp"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise ChatImportError("messenger_no_timestamp")


def parse_messenger(obj: Any, *, warnings: list[str] | None = None) -> ParsedChat:
    """Parse a decoded Messenger/Instagram ``message_N.json`` object."""
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        raise ChatImportError("not_messenger")
    rows: list[tuple[float, int, int, ChatMessage]] = []
    senders: dict[str, str] = {}  # one string a sender (the JSON decoder makes one a message)
    for seq, msg in enumerate(obj["messages"]):
        if not isinstance(msg, dict):
            continue
        ms = _epoch_ms(msg)
        # timestamp_ms is exact to the millisecond: kept (quick bursts keep their order)
        ts = local_from_epoch_ms(int(ms)) if ms.is_integer() else local_from_epoch(ms / 1000.0)
        sender = fix_mojibake(as_str(msg.get("sender_name", msg.get("senderName")))).strip()
        sender = senders.setdefault(sender, sender)
        text = fix_mojibake(as_str(msg.get("content", msg.get("text"))))
        mtype = as_str(msg.get("type"))
        unsent = bool(msg.get("is_unsent") or msg.get("isUnsent"))
        if mtype in ("Subscribe", "Unsubscribe") or not sender:
            if not text:
                names = ", ".join(
                    fix_mojibake(as_str(u.get("name")))
                    for u in msg.get("users", [])
                    if isinstance(u, dict)
                )
                verb = "joined" if mtype == "Subscribe" else "left"
                text = f"{names} {verb}".strip() if names else verb
            rows.append((ms, seq, 0, system_event(ts, text)))
            continue
        if unsent:
            rows.append((ms, seq, 0, text_message(ts, sender, "", _F_DELETED)))
            continue
        files: list[str] = []
        for key in _MEDIA_LISTS:
            files.extend(_uri_list(msg.get(key)))
        files.extend(_uri_list(msg.get("sticker")))
        if not files:
            share = msg.get("share")
            if not text and isinstance(share, dict):
                text = fix_mojibake(as_str(share.get("link")))
            rows.append((ms, seq, 0, text_message(ts, sender, text)))
            continue
        for i, uri in enumerate(files):
            caption = text if i == 0 else ""
            rows.append((ms, seq, i, media_message(ts, sender, caption, uri)))
    # Exports list newest first; a stable sort on time keeps same-millisecond
    # items (several photos of one message) in their written order.
    sign = -1 if len(rows) > 1 and rows[0][0] > rows[-1][0] else 1
    rows.sort(key=lambda r: (r[0], sign * r[1], r[2]))
    messages = [r[3] for r in rows]
    title = fix_mojibake(as_str(obj.get("title", obj.get("threadName")))) or None
    return ParsedChat.from_messages(FORMAT, messages, warnings=warnings, chat_name=title)
