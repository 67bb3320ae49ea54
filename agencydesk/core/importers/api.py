"""Public entry points: detect the format, decode, dispatch, wrap every error."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from .blocks import MIN_BYTES, NotUtf8Error, TextBlocks
from .csv_chat import parse_csv
from .dates import check_date_order
from .detect import detect_format, detect_json_kind
from .jsonutil import ascii_json_text, load_json
from .line import parse_line
from .messenger import looks_like_messenger, parse_messenger
from .model import ChatImportError, ParsedChat
from .summary import ChatSummary
from .telegram import looks_like_telegram, message_hook, parse_telegram
from .textutil import decode_export, first_visible_char
from .whatsapp import chat_name_from_filename, parse_whatsapp
from .whatsapp.halves import emit_in_halves as emit_halves
from .whatsapp.halves import reduce_in_halves as whatsapp_halves
from .whatsapp.halves import summarize_in_halves as whatsapp_summaries
from .zipped import is_zip, read_chat_from_zip

MAX_FILE_BYTES = 512 * 1024 * 1024
R = TypeVar("R")


def parse_chat_text(
    text: str,
    *,
    filename: str | None = None,
    date_order: str | None = None,
    csv_columns: Mapping[str, str] | None = None,
    warnings: list[str] | None = None,
) -> ParsedChat:
    """Parse already-decoded export text (any supported format)."""
    try:
        order = check_date_order(date_order)
        if not isinstance(text, str):
            raise ChatImportError("not_text")
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        return _dispatch(text, filename, order, csv_columns, list(warnings or []))
    except ChatImportError as exc:
        raise exc.with_path(filename) from None
    except Exception as exc:  # the API promises one error type
        raise _unexpected(exc, filename) from exc


def parse_chat_bytes(
    data: bytes,
    *,
    filename: str | None = None,
    date_order: str | None = None,
    csv_columns: Mapping[str, str] | None = None,
) -> ParsedChat:
    """Parse the raw bytes of an export; the format is detected from the content.

    ``filename`` is used only in error messages and to learn a WhatsApp chat's
    name (``WhatsApp Chat with X.txt``). ``date_order`` (``"DMY"``, ``"MDY"``,
    ``"YMD"``) overrides the detected day/month order. ``csv_columns`` maps our
    fields (``timestamp`` or ``date``/``time``, ``sender``, ``text``,
    ``media_file``) to CSV header names. Zip bytes are read like
    :func:`parse_chat_file` reads a zip file.
    """
    try:
        order = check_date_order(date_order)
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise ChatImportError("not_bytes")
        raw = bytes(data)
        if is_zip(raw):
            return _parse_zip(io.BytesIO(raw), filename, order, csv_columns)
        return _parse_raw(raw, filename, order, csv_columns)
    except ChatImportError as exc:
        raise exc.with_path(filename) from None
    except Exception as exc:  # the API promises one error type
        raise _unexpected(exc, filename) from exc


def parse_chat_file(
    path: str | os.PathLike[str],
    *,
    date_order: str | None = None,
    csv_columns: Mapping[str, str] | None = None,
) -> ParsedChat:
    """Parse an export file: any supported text/JSON/CSV file, or a WhatsApp zip.

    For a zip ("export with media") the chat ``.txt`` inside is parsed and
    ``ParsedChat.media_members`` lists the other files of the zip, so that a
    message's ``media_file`` can be matched (see ``ParsedChat.media_member_for``)
    and extracted later with :func:`extract_media`.
    """
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    try:
        order = check_date_order(date_order)
        p = Path(name)
        data = _read_unzipped(p)
        if data is None:
            return _parse_zip(p, name, order, csv_columns)
        blocks = _whatsapp_blocks(data, csv_columns)
        if blocks is not None:
            del data  # the blocks hold the bytes until the split is done, then let them go
            try:
                return parse_whatsapp(
                    blocks, date_order=order, chat_name=chat_name_from_filename(name)
                )
            except NotUtf8Error as exc:  # decoded whole after all (it says what it replaced)
                data = exc.data
        del blocks
        big = MIN_BYTES <= len(data) <= MAX_FILE_BYTES
        text = ascii_json_text(data) if big else None
        if text is not None:  # a big JSON export, kept one byte a character
            del data
            try:
                return _dispatch(text, name, order, csv_columns, [])
            except ChatImportError as exc:
                if exc.kind != "not_json":
                    raise
            # not valid JSON: read again the usual way, which says where exactly
            del text
            data = p.read_bytes()
        text, warnings = _decode_raw(data)
        del data  # the raw bytes are not needed while the messages are built
        return _dispatch(text, name, order, csv_columns, warnings)
    except ChatImportError as exc:
        raise exc.with_path(name) from None
    except FileNotFoundError:
        raise ChatImportError("missing", path=name) from None
    except IsADirectoryError:
        raise ChatImportError("folder", path=name) from None
    except PermissionError:
        raise ChatImportError("permission_denied", path=name) from None
    except OSError as exc:
        raise ChatImportError("unreadable", path=name, why=str(exc.strerror or exc)) from None
    except Exception as exc:  # the API promises one error type
        raise _unexpected(exc, name) from exc


def reduce_in_halves(
    path: str | os.PathLike[str],
    reduce: Callable[[ParsedChat], R],
    *,
    date_order: str | None = None,
) -> list[R] | None:
    """A big WhatsApp export parsed in two halves side by side (see `whatsapp.halves`), each
    half's `ParsedChat` reduced where it was parsed: the reductions in file order, or None when
    the file is to be parsed whole with :func:`parse_chat_file` (not such an export, no fork
    here, any problem: that parse says what it is). Only for a process without threads."""
    return _halved(
        path,
        date_order,
        lambda blocks, order, name: whatsapp_halves(
            blocks, reduce, date_order=order, chat_name=name
        ),
    )


def summarize_in_halves(
    path: str | os.PathLike[str], *, date_order: str | None = None
) -> list[ChatSummary] | None:
    """The same for the dry run's summary (`summary.joined` makes the whole's of the halves'):
    each half counted where it was split, not built (see `whatsapp.tally`)."""
    return _halved(
        path,
        date_order,
        lambda blocks, order, name: whatsapp_summaries(blocks, date_order=order, chat_name=name),
    )


def _halved(
    path: str | os.PathLike[str],
    date_order: str | None,
    run: Callable[[Callable[[], TextBlocks | None], str | None, str | None], list[R] | None],
) -> list[R] | None:
    """*run* of the export's blocks, date order and chat name (`_halves_input`), or None when
    the file is to be parsed whole."""
    try:
        found = _halves_input(path, date_order)
        return None if found is None else run(*found)
    except Exception:  # parse_chat_file says what it is
        return None


def emit_in_halves(
    path: str | os.PathLike[str],
    reduce: Callable[[ParsedChat], R],
    emit: Callable[[R], None],
    *,
    date_order: str | None = None,
) -> bool:
    """The same, each half's reduction handed to *emit* in the process that made it, in file
    order (see `whatsapp.halves.emit_in_halves`): whether it was done. False: nothing was
    emitted, and the file is to be parsed whole. A problem once the emitting has begun (a
    closed pipe) is raised."""
    try:
        found = _halves_input(path, date_order)
    except Exception:  # parse_chat_file says what it is
        return False
    if found is None:
        return False
    open_blocks, order, chat_name = found
    return emit_halves(open_blocks, reduce, emit, date_order=order, chat_name=chat_name)


def _halves_input(
    path: str | os.PathLike[str], date_order: str | None
) -> tuple[Callable[[], TextBlocks | None], str | None, str | None] | None:
    """What the halves are parsed from: the export's blocks to be made (in each process), the
    date order, the chat's name; None when the file is not a big WhatsApp export."""
    order = check_date_order(date_order)
    p = Path(path)
    if not (MIN_BYTES <= p.stat().st_size <= MAX_FILE_BYTES) or not _starts_like_whatsapp(p):
        return None  # read once only, by parse_chat_file
    data = _read_unzipped(p)
    if data is None:
        return None
    # read once, before the fork; each process makes its blocks of it, which then hold the
    # only reference to the bytes (let go once the split is done)
    pending = [data]
    del data
    return (
        lambda: _whatsapp_blocks(pending.pop(), None),
        order,
        chat_name_from_filename(os.fspath(path)),
    )


def _starts_like_whatsapp(p: Path) -> bool:
    """Whether the start of the file reads as a WhatsApp export (the whole head decides)."""
    with p.open("rb") as fp:
        start = fp.read(1 << 16).decode("utf-8", "ignore").lstrip("\ufeff")
    return detect_format(start.replace("\r\n", "\n")) in ("whatsapp-android", "whatsapp-ios")


def _read_unzipped(p: Path) -> bytes | None:
    """The bytes of an export file, or None for a zip (read member by member instead)."""
    # unbuffered: read whole into one buffer of the file's size (through a buffered reader,
    # the bytes were read in pieces and joined, a second copy: 53 ms instead of 26 for 34 MB)
    with p.open("rb", buffering=0) as fp:
        if is_zip(fp.read(4)):
            return None
        if os.fstat(fp.fileno()).st_size > MAX_FILE_BYTES:
            raise ChatImportError("too_large_mb", megabytes=MAX_FILE_BYTES // 2**20)
        fp.seek(0)
        return fp.read()


def _whatsapp_blocks(data: bytes, csv_columns: Mapping[str, str] | None) -> TextBlocks | None:
    """A big WhatsApp export's text to be decoded block by block, or None."""
    blocks = None if data.startswith(b"%PDF") else TextBlocks.of(data)
    if blocks is not None and detect_format(blocks.head, csv_columns=csv_columns) in (
        "whatsapp-android",
        "whatsapp-ios",
    ):
        return blocks
    return None


def _unexpected(exc: Exception, filename: str | None) -> ChatImportError:
    if isinstance(exc, MemoryError):
        return ChatImportError("too_large_for_memory", path=filename)
    return ChatImportError("unexpected", path=filename)


def _decode_raw(data: bytes) -> tuple[str, list[str]]:
    if len(data) > MAX_FILE_BYTES:
        raise ChatImportError("too_large")
    if data.startswith(b"%PDF"):
        raise ChatImportError("pdf")
    return decode_export(data)


def _parse_raw(
    data: bytes,
    filename: str | None,
    order: str | None,
    csv_columns: Mapping[str, str] | None,
) -> ParsedChat:
    text, warnings = _decode_raw(data)
    return _dispatch(text, filename, order, csv_columns, warnings)


def _parse_zip(
    source: Path | io.BytesIO,
    filename: str | None,
    order: str | None,
    csv_columns: Mapping[str, str] | None,
) -> ParsedChat:
    data, member, media = read_chat_from_zip(source)
    try:
        result = _parse_raw(data, member, order, csv_columns)
    except ChatImportError as exc:
        raise exc.moved(path=filename, member=member) from None
    result.media_members = tuple(media)
    if result.chat_name is None and filename:
        base = Path(filename).name
        if base.lower().endswith(".zip"):
            result.chat_name = chat_name_from_filename(base[:-4] + ".txt")
    return result


def _dispatch(
    text: str,
    filename: str | None,
    order: str | None,
    csv_columns: Mapping[str, str] | None,
    warnings: list[str],
) -> ParsedChat:
    if first_visible_char(text) == "{":
        # a Telegram export's messages are made as they are read (see `message_hook`)
        hook = message_hook() if detect_json_kind(text) == "telegram" else None
        obj = load_json(text, hook)
        if looks_like_messenger(obj):
            return parse_messenger(obj, warnings=warnings)
        if looks_like_telegram(obj):
            return parse_telegram(obj, warnings=warnings)
        raise ChatImportError("other_json")
    fmt = detect_format(text, csv_columns=csv_columns)
    if fmt in ("whatsapp-android", "whatsapp-ios"):
        return parse_whatsapp(
            text,
            date_order=order,
            chat_name=chat_name_from_filename(filename),
            warnings=warnings,
        )
    if fmt == "line":
        return parse_line(text, date_order=order, warnings=warnings)
    if fmt == "csv":
        return parse_csv(text, csv_columns=csv_columns, date_order=order, warnings=warnings)
    raise ChatImportError("not_a_chat")
