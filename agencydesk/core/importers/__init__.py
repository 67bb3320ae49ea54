"""Chat-export parsers: bytes or text in, :class:`ChatMessage` objects out.

Pure Python (stdlib only): no Qt, no database. Supported formats, detected from
the content: WhatsApp ``.txt`` (Android and iOS, any locale; also the zip
"export with media"), Telegram Desktop ``result.json``, LINE ``.txt``,
Facebook Messenger / Instagram JSON and CSV with a header row.

Every failure of the public functions is a :class:`ChatImportError` whose
message names the file (and line, where it applies).
"""

from __future__ import annotations

from .api import (
    emit_in_halves,
    parse_chat_bytes,
    parse_chat_file,
    parse_chat_text,
    reduce_in_halves,
    summarize_in_halves,
)
from .detect import detect_format
from .model import (
    FLAG_DELETED,
    FLAG_EDITED,
    FLAG_FORWARDED,
    FLAG_MEDIA_OMITTED,
    MEDIA_TYPE_FLAGS,
    ChatImportError,
    ChatMessage,
    ParsedChat,
)
from .zipped import extract_media

__all__ = [
    "FLAG_DELETED",
    "FLAG_EDITED",
    "FLAG_FORWARDED",
    "FLAG_MEDIA_OMITTED",
    "MEDIA_TYPE_FLAGS",
    "ChatImportError",
    "ChatMessage",
    "ParsedChat",
    "detect_format",
    "emit_in_halves",
    "extract_media",
    "parse_chat_bytes",
    "parse_chat_file",
    "parse_chat_text",
    "reduce_in_halves",
    "summarize_in_halves",
]
