"""JSON loading shared by the Telegram and Messenger parsers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .model import ChatImportError

# Telegram Desktop writes control characters as ``\xHH``, which is not JSON.
# Only a backslash preceded by an even number of backslashes starts an escape.
_BAD_X_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9a-fA-F]{2})")


def load_json(text: str, object_hook: Callable[[dict[str, Any]], Any] | None = None) -> Any:
    """``json.loads`` that repairs ``\\xHH`` escapes and reports errors plainly; *object_hook*
    as json.loads takes it (each object, innermost first, replaced by what it returns)."""
    if "\\x" in text:
        text = _BAD_X_ESCAPE.sub(r"\1\\u00\2", text)
    try:
        return json.loads(text, object_hook=object_hook)
    except json.JSONDecodeError as exc:
        raise ChatImportError(
            f"is not valid JSON ({exc.msg}, column {exc.colno}); the export may be damaged "
            "or cut off",
            line=exc.lineno,
        ) from None
    except RecursionError:
        raise ChatImportError("is not a chat export: its JSON is nested too deeply") from None
    except ValueError:  # an integer over Python's 4,300-digit limit; no export has one
        raise ChatImportError(
            "is not a chat export: its JSON holds a number too long to read"
        ) from None


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
        raise ChatImportError(f"contains an impossible timestamp ({seconds!r})") from exc


def local_from_epoch_ms(ms: int) -> datetime:
    """Naive local wall-clock time of an epoch timestamp in milliseconds, exact to the
    millisecond (no float rounding: the whole seconds and the milliseconds apart)."""
    seconds, millis = divmod(ms, 1000)
    return local_from_epoch(seconds).replace(microsecond=millis * 1000)
