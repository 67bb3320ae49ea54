"""Content-based detection of the export format."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .csv_chat import looks_like_csv
from .line import looks_like_line
from .textutil import first_visible_char
from .whatsapp import whatsapp_style

UNKNOWN = "unknown"

_MESSENGER_KEYS = re.compile(
    r'"(?:timestamp_ms|sender_name|senderName|is_still_participant|thread_path)"'
)
_TELEGRAM_KEYS = re.compile(
    r'"(?:date_unixtime|text_entities|from_id|personal_information)"'
    r'|"type"\s*:\s*"(?:personal_chat|private_group|private_supergroup|public_supergroup'
    r'|private_channel|public_channel|saved_messages|bot_chat)"'
)


def detect_json_kind(text: str) -> str:
    """``"messenger"``, ``"telegram"`` or ``"unknown"`` for JSON-looking text."""
    head = text[:200_000]
    tg = _TELEGRAM_KEYS.search(head)
    ms = _MESSENGER_KEYS.search(head)
    if tg and ms:
        return "telegram" if tg.start() < ms.start() else "messenger"
    if tg:
        return "telegram"
    if ms:
        return "messenger"
    if '"chats"' in head or ('"messages"' in head and '"from"' in head):
        return "telegram"
    return UNKNOWN


def detect_format(text: str, *, csv_columns: Mapping[str, str] | None = None) -> str:
    """Name of the export format of ``text``, decided from its content.

    Returns ``"whatsapp-android"``, ``"whatsapp-ios"``, ``"telegram"``,
    ``"line"``, ``"messenger"`` (also Instagram), ``"csv"``, or ``"unknown"``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    first = first_visible_char(text)
    if not first:
        return UNKNOWN
    if first == "{":
        return detect_json_kind(text)
    if "\r" in text[:100_000]:
        text = text[:1_000_000].replace("\r\n", "\n")
    if looks_like_line(text):
        return "line"
    if looks_like_csv(text[text.index(first) :], csv_columns):
        return "csv"
    style = whatsapp_style(text)
    if style is not None:
        return style
    return UNKNOWN
