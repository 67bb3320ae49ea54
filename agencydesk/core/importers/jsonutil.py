"""JSON loading shared by the Telegram and Messenger parsers."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .model import ChatImportError

# Telegram Desktop writes control characters as ``\xHH``, which is not JSON.
# Only a backslash preceded by an even number of backslashes starts an escape.
_BAD_X_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9a-fA-F]{2})")


#: the reason of a "not_json" problem where the text ends before the JSON does
CUT_OFF = "the file ends before its data does"


def load_json(text: str, object_hook: Callable[[dict[str, Any]], Any] | None = None) -> Any:
    """``json.loads`` that repairs ``\\xHH`` escapes and reports errors plainly; *object_hook*
    as json.loads takes it (each object, innermost first, replaced by what it returns)."""
    if "\\x" in text:
        text = _BAD_X_ESCAPE.sub(r"\1\\u00\2", text)
    try:
        return json.loads(text, object_hook=object_hook)
    except json.JSONDecodeError as exc:
        # where the reader stopped at the end of the text, what it expected next ("Expecting
        # ',' delimiter") misleads: the file was cut off there
        reason = CUT_OFF if exc.pos >= len(text.rstrip()) else exc.msg
        raise ChatImportError(
            "not_json", line=exc.lineno, reason=reason, column=exc.colno
        ) from None
    except RecursionError:
        raise ChatImportError("json_too_deep") from None
    except ValueError:  # an integer over Python's 4,300-digit limit; no export has one
        raise ChatImportError("json_number_too_long") from None


def as_str(value: Any) -> str:
    """A JSON value as text (``None`` → ``""``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def local_from_epoch(seconds: float) -> datetime:
    """Naive local wall-clock time of an epoch timestamp (seconds), to the second."""
    try:
        return datetime.fromtimestamp(seconds).replace(microsecond=0)
    except (OverflowError, OSError, ValueError) as exc:
        raise ChatImportError("impossible_timestamp", seconds=seconds) from exc


def local_from_epoch_ms(ms: int) -> datetime:
    """Naive local wall-clock time of an epoch timestamp in milliseconds, exact to the
    millisecond (no float rounding: the whole seconds and the milliseconds apart)."""
    seconds, millis = divmod(ms, 1000)
    return local_from_epoch(seconds).replace(microsecond=millis * 1000)


#: bytes decoded at a time by `ascii_json_text`
JSON_BLOCK_BYTES = 2 << 20
_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*\{")
_ESCAPES = "agencydesk-json-escapes"


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler of `ascii_json_text`: the characters ASCII cannot hold, as JSON
    escapes (UTF-16 pairs above U+FFFF, as JSON writes them). The same few emoji come back
    again and again: each run of them is escaped once."""
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start : error.end]
    escaped = _ESCAPED.get(run)
    if escaped is None:
        escaped = "".join(map(_escape, run))
        if len(_ESCAPED) < 10_000:
            _ESCAPED[run] = escaped
    return escaped, error.end


def _escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_ESCAPED: dict[str, str] = {}
codecs.register_error(_ESCAPES, _json_escapes)


def ascii_json_text(data: bytes) -> str | None:
    """The UTF-8 JSON object in *data* as text with every non-ASCII character written as a
    ``\\u`` escape, decoded a block at a time; None when *data* is not that (another encoding,
    not valid UTF-8, not an object, a NUL byte): the caller decodes it the usual way.

    JSON reads the escapes as the characters they stand for, and the text stays one byte a
    character: decoded whole, one emoji anywhere made a Telegram export four bytes a character
    (a 68 MB export became 265 MB of text). The escapes cost time (0.4 s more for a
    200,000-message export with an emoji in every message), so only big files go this way."""
    if _JSON_START.match(data) is None or b"\x00" in data[:4096]:
        return None
    begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    parts: list[str] = []
    end = len(data)
    while begin < end:
        cut = min(begin + JSON_BLOCK_BYTES, end)
        while cut < end and data[cut] & 0xC0 == 0x80:  # not inside a character: after it
            cut += 1
        try:
            block = data[begin:cut].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not block.isascii():
            block = block.encode("ascii", _ESCAPES).decode("ascii")
        parts.append(block)
        begin = cut
    return "".join(parts)
