"""CSV chat parser: one message per row, with a header row.

Columns are found by header name (English and Indonesian names, see
``_AUTO_COLUMNS``) or given explicitly with ``csv_columns``, a mapping from
our field names (``timestamp`` or ``date`` + ``time``, ``sender``, ``text``,
optional ``media_file``) to the file's header names. The delimiter (``,``,
``;`` or tab) is sniffed from the header row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from .dates import clock_time, decide_day_month_order, full_year, make_date
from .jsonutil import local_from_epoch, local_from_epoch_ms
from .model import (
    KIND_MEDIA,
    ChatImportError,
    ChatMessage,
    ParsedChat,
    media_message,
    system_event,
    text_message,
)
from .textutil import lines_of
from .whatsapp.messages import placeholder

FORMAT = "csv"
#: the longest cell read: a pasted log or e-mail runs past csv's default 128 KB, yet a cell is
#: still bounded (a broken quote would otherwise swallow the rest of a huge file into one cell)
FIELD_LIMIT = 16 * 1024 * 1024
FIELDS = ("timestamp", "date", "time", "sender", "text", "media_file")

_AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "timestamp": (
        "timestamp",
        "datetime",
        "date_time",
        "date/time",
        "time_stamp",
        "sent_at",
        "created_at",
        "sent",
        "tanggal_waktu",
        "tanggal_dan_waktu",
        "waktu_kirim",
    ),
    "date": ("date", "tanggal", "tgl", "day", "hari"),
    "time": ("time", "jam", "waktu", "hour", "pukul"),
    "sender": (
        "sender",
        "from",
        "author",
        "name",
        "pengirim",
        "user",
        "username",
        "nama",
        "dari",
        "sender_name",
        "from_name",
    ),
    "text": ("text", "message", "body", "pesan", "content", "isi", "konten", "msg", "isi_pesan"),
    "media_file": ("media_file", "media", "attachment", "file", "lampiran", "berkas"),
}

_DT = re.compile(
    r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})"
    r"(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"(?:[ \u00a0\u202f]?([AaPp])\.?[ \u00a0\u202f]?[Mm]\.?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_EPOCH = re.compile(r"(\d{9,13})(?:\.(\d+))?$")
#: longer than any WhatsApp placeholder ("… document omitted" carries a file name)
_PLACEHOLDER_MAX = 300


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def sniff_delimiter(first_line: str) -> str | None:
    best, best_n = None, 0
    for delim in (",", ";", "\t", "|"):
        n = first_line.count(delim)
        if n > best_n:
            best, best_n = delim, n
    return best


def _header_row(text: str) -> tuple[list[str], str] | None:
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    delim = sniff_delimiter(first)
    if delim is None:
        return None
    try:
        row = next(csv.reader([first], delimiter=delim))
    except (csv.Error, StopIteration):
        return None
    return row, delim


def map_columns(header: list[str], explicit: Mapping[str, str] | None) -> dict[str, int] | None:
    """Column index for each of our fields, or ``None`` if the file cannot be mapped."""
    normalized = [_norm(h) for h in header]
    result: dict[str, int] = {}
    if explicit:
        for field_name, col in explicit.items():
            if field_name not in FIELDS:
                raise ChatImportError(
                    "csv_unknown_field", field=field_name, fields=", ".join(FIELDS)
                )
            try:
                result[field_name] = normalized.index(_norm(col))
            except ValueError:
                raise ChatImportError(
                    "csv_no_column", line=1, column=col, columns=", ".join(header)
                ) from None
    for field_name, names in _AUTO_COLUMNS.items():
        if field_name in result:
            continue
        if (
            explicit
            and field_name in ("date", "time", "timestamp")
            and ("timestamp" in explicit or "date" in explicit)
        ):
            continue
        for n in names:
            if n in normalized and normalized.index(n) not in result.values():
                result[field_name] = normalized.index(n)
                break
    if "timestamp" not in result:
        if "date" in result:
            pass
        elif "time" in result:
            result["timestamp"] = result.pop("time")
        else:
            return None
    if "text" not in result:
        return None
    return result


def looks_like_csv(text: str, explicit: Mapping[str, str] | None = None) -> bool:
    head = _header_row(text)
    if head is None or len(head[0]) < 2:
        return False
    try:
        return map_columns(head[0], explicit) is not None
    except ChatImportError:
        return explicit is not None


def _parse_dt(raw: str, order: str) -> datetime | None:
    s = raw.strip()
    if not s:
        return None
    epoch = _EPOCH.match(s)
    if epoch is not None:
        whole, fraction = epoch.groups()
        try:
            if len(whole) > 11:  # milliseconds
                return local_from_epoch_ms(int(whole))
            return local_from_epoch(int(whole)).replace(microsecond=_micros(fraction))
        except ChatImportError:
            return None
    m = _DT.match(s)
    if m is None:
        return None
    a, b, c = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if len(m.group(1)) == 4:
        d = make_date("YMD", a, b, c)
    elif len(m.group(3)) in (2, 4):
        d = make_date(order if order in ("DMY", "MDY") else "DMY", a, b, c)
    else:
        return None
    if d is None:
        return None
    t = clock_time(int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0), m.group(8))
    if t is None:
        return None
    # to the millisecond, as Messenger's and Instagram's times (quick bursts stay apart)
    dt = datetime.combine(d, t).replace(microsecond=_micros(m.group("fraction")))
    tz = m.group(9)
    if tz:
        try:
            aware = datetime.fromisoformat(dt.isoformat() + ("+00:00" if tz == "Z" else tz))
            return aware.astimezone().replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            return None
    return dt


def _micros(fraction: str | None) -> int:
    """The microseconds of the milliseconds a fraction of a second (``"123456"``) holds."""
    return int((fraction or "0")[:3].ljust(3, "0")) * 1000


def _csv_lines(text: str) -> Iterable[str]:
    """The lines the csv module reads, as from a file opened with ``newline=""``. Made a block
    at a time where the lines end in ``\\n`` only: a StringIO holds a copy of the whole text at
    four bytes a character."""
    if "\r" in text:  # a lone \r ends a line too: as the file object splits it
        return io.StringIO(text, newline="")
    return _file_lines(lines_of(text))


def _file_lines(lines: Iterable[str]) -> Iterator[str]:
    """Each line with its ``\\n``, but the last: as a file gives them."""
    previous: str | None = None
    for line in lines:
        if previous is not None:
            yield previous + "\n"
        previous = line
    if previous:
        yield previous


def _kept(lines: Iterable[str], kept: list[list[str]]) -> Iterator[str]:
    """*lines*, each also added to ``kept[0]`` as it is read."""
    for line in lines:
        kept[0].append(line)
        yield line


def _check_quotes(lines: list[str], delim: str, line_no: int) -> None:
    """Raise when the row made of *lines* (from line *line_no*) is a quote gone wrong: one
    that never ends, or that ends inside another cell. The reader is not strict (a stray quote
    in a cell is kept as it is), so such a quote took the next rows into one cell, or the rest
    of the file; a strict read of the row's own lines says so."""
    try:
        for _row in csv.reader(lines, delimiter=delim, strict=True):
            pass
    except csv.Error as exc:
        raise _csv_problem(exc, line_no) from None


def _csv_problem(exc: csv.Error, line: int) -> ChatImportError:
    """What the csv module's *exc* means, at *line*."""
    said = str(exc)  # "unexpected end of data": the file ended inside a quoted cell
    never_ends = "end of data" in said or "EOF" in said
    return ChatImportError(
        "csv_quote_never_ends" if never_ends else "csv_row_unreadable", line=line
    )


def parse_csv(
    text: str,
    *,
    csv_columns: Mapping[str, str] | None = None,
    date_order: str | None = None,
    warnings: list[str] | None = None,
) -> ParsedChat:
    """Parse CSV text (first row = header)."""
    warns = list(warnings or [])
    head = _header_row(text)
    if head is None:
        raise ChatImportError("csv_no_header", line=1)
    header, delim = head
    cols = map_columns(header, csv_columns)
    if cols is None:
        raise ChatImportError("csv_columns_unmatched", line=1, columns=", ".join(header))
    if csv.field_size_limit() < FIELD_LIMIT:  # process-wide; never lower another's choice
        csv.field_size_limit(FIELD_LIMIT)
    # the lines of the row being read (the reader takes a row's lines and no more)
    row_lines: list[list[str]] = [[]]
    reader = csv.reader(_kept(_csv_lines(text), row_lines), delimiter=delim)
    raw_rows: list[tuple[int, str, str, str, str]] = []
    try:
        next(reader)
        row_lines[0] = []
        start = reader.line_num + 1
        for row in reader:
            line_no = start
            start = reader.line_num + 1
            if len(row_lines[0]) > 1:  # a cell across lines: did its quote end where it should?
                _check_quotes(row_lines[0], delim, line_no)
            row_lines[0] = []
            if not any(cell.strip() for cell in row):
                continue

            def cell(name: str, row: list[str] = row) -> str:
                i = cols.get(name)
                return row[i] if i is not None and i < len(row) else ""

            if "timestamp" in cols:
                when = cell("timestamp")
                if "time" in cols and cell("time").strip():
                    when = f"{when.strip()} {cell('time').strip()}"
            else:
                when = f"{cell('date').strip()} {cell('time').strip()}"
            raw_rows.append((line_no, when, cell("sender"), cell("text"), cell("media_file")))
    except csv.Error as exc:
        raise _csv_problem(exc, reader.line_num) from None
    if not raw_rows:
        raise ChatImportError("csv_no_rows")

    order = date_order if date_order in ("DMY", "MDY") else None
    if order is None:
        triples: list[tuple[int, int, int]] = []
        seen: set[str] = set()
        for _no, when, *_rest in raw_rows:
            m = _DT.match(when.strip())
            if m is None or len(m.group(1)) == 4:
                continue
            key = m.group(0)[: m.start(4)] if m.group(4) else m.group(0)
            if key in seen:
                continue
            seen.add(key)
            triples.append((int(m.group(1)), int(m.group(2)), full_year(int(m.group(3)))))
        order = decide_day_month_order(triples, "DMY")[0] if triples else None

    messages: list[ChatMessage] = []
    names: dict[str, str] = {}  # one string a sender (the csv module makes one a row)
    for line_no, when, sender, body, media in raw_rows:
        ts = _parse_dt(when, order or "DMY")
        if ts is None:
            raise ChatImportError("csv_bad_date", line=line_no, date=when.strip())
        name = sender.strip()
        name = names.setdefault(name, name)
        media_name = media.strip()
        # WhatsApp's own placeholders, as a WhatsApp chat made into CSV carries them
        found = placeholder(body) if name and len(body) < _PLACEHOLDER_MAX else None
        if not name:
            messages.append(system_event(ts, body))
        elif found is not None:
            kind, flags = found
            if kind == KIND_MEDIA and media_name:  # the file is there after all
                messages.append(media_message(ts, name, "", media_name))
            elif kind == KIND_MEDIA:
                messages.append(ChatMessage(kind, ts, name, "", flags, None))
            else:
                messages.append(text_message(ts, name, "", flags))
        elif media_name:
            messages.append(media_message(ts, name, body, media_name))
        else:
            messages.append(text_message(ts, name, body))
    if len(messages) > 1 and messages[0].timestamp > messages[-1].timestamp:
        messages.reverse()
    messages.sort(key=lambda m: m.timestamp)
    return ParsedChat.from_messages(
        FORMAT,
        messages,
        date_order=order if order else ("YMD" if messages else None),
        warnings=warns,
    )
