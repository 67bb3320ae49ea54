"""LINE chat history ``.txt`` parser.

Layout (phone export)::

    [LINE] Chat history with Bu Sari
    Saved on: 2024/01/16 10:00

    2024/01/15(Mon)
    09:30<TAB>Bu Sari<TAB>Mas, webnya error
    09:31<TAB>Andi<TAB>"first line
    second line"
    10:00<TAB><TAB>Bu Sari joined the group.

Newer exports write dates as ``Sat, 11/01/2025`` (day/month order follows the
phone; decided from the weekday names, then like WhatsApp) and 12 h times such
as ``9:30AM``. Windows LINE writes ``2017.09.03 Sunday`` and
``16:23 Bob text`` (space separated; the sender is taken to be one word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice

from .dates import decide_day_month_order, full_year, make_date
from .model import (
    FLAG_AUDIO,
    FLAG_DELETED,
    FLAG_DOCUMENT,
    FLAG_MEDIA_OMITTED,
    FLAG_PHOTO,
    FLAG_STICKER,
    FLAG_VIDEO,
    KIND_MEDIA,
    KIND_MESSAGE,
    KIND_SYSTEM,
    NO_FLAGS,
    ChatImportError,
    ChatMessage,
    MessageKind,
    ParsedChat,
)
from .problems import ReadingNote
from .textutil import clean_name, lines_of

FORMAT = "line"

_HEADER = re.compile(r"\ufeff?\[LINE\]\s*(.*)$")
_CHAT_NAME = re.compile(
    r"(?:Chat history (?:with|in)|Riwayat (?:chat|obrolan) (?:dengan|di)|Talk history with)\s+(.+)$"
    r"|(.+?)とのトーク履歴$",
    re.IGNORECASE,
)
_SAVED = re.compile(r"(?:Saved on|Disimpan pada|保存日時)\s*[:：]")
_DATE_YMD = re.compile(
    r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s*(?:\(([^()\s]{1,12})\)|\s([^\d\s]{2,12}))?\s*$"
)
_DATE_WD_ABY = re.compile(r"([^\d\s,]{2,12}),?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_TIME = r"(\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?|(?:午前|午後)\d{1,2}:\d{2})"
_MSG_TAB = re.compile(_TIME + r"\t([^\t]*)\t(.*)$")
_SYS_TAB = re.compile(_TIME + r"\t(.*)$")
_MSG_SPACE = re.compile(r"(\d{1,2}:\d{2})\s(\S+)\s(.*)$")
_TIME_PARTS = re.compile(r"(午前|午後)?(\d{1,2}):(\d{2})\s?(?:([AaPp])\.?[Mm]\.?)?$")

#: what LINE writes for media it leaves out of the export → what it was (as WhatsApp's "image
#: omitted" says it)
_PLACEHOLDER_KINDS: dict[str, str] = {
    "[Photo]": FLAG_PHOTO,
    "[Album]": FLAG_PHOTO,
    "[Sticker]": FLAG_STICKER,
    "[File]": FLAG_DOCUMENT,
    "[Video]": FLAG_VIDEO,
    "[GIF]": FLAG_VIDEO,
    "[Voice message]": FLAG_AUDIO,
    "[Audio]": FLAG_AUDIO,
    "[Foto]": FLAG_PHOTO,
    "[Stiker]": FLAG_STICKER,
    "[Berkas]": FLAG_DOCUMENT,
    "[Pesan suara]": FLAG_AUDIO,
    "[写真]": FLAG_PHOTO,
    "[スタンプ]": FLAG_STICKER,
    "[ファイル]": FLAG_DOCUMENT,
    "[動画]": FLAG_VIDEO,
    "[ボイスメッセージ]": FLAG_AUDIO,
}
#: the line LINE leaves where someone took a message back: her deleted message
_UNSENT = re.compile(r"(.+) unsent a message\.?")
_F_DELETED = frozenset({FLAG_DELETED})
_PLACEHOLDER_FLAGS = {
    text: frozenset({FLAG_MEDIA_OMITTED, kind}) for text, kind in _PLACEHOLDER_KINDS.items()
}

_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("mon", "monday", "sen", "senin", "月"),
        ("tue", "tues", "tuesday", "sel", "selasa", "火"),
        ("wed", "wednesday", "rab", "rabu", "水"),
        ("thu", "thur", "thurs", "thursday", "kam", "kamis", "木"),
        ("fri", "friday", "jum", "jumat", "jum'at", "金"),
        ("sat", "saturday", "sab", "sabtu", "土"),
        ("sun", "sunday", "min", "minggu", "ahad", "日"),
    )
):
    for _n in _names:
        _WEEKDAYS[_n] = _i


def looks_like_line(text: str) -> bool:
    head = text[:20_000].split("\n", 40)[:40]
    lines = [ln for ln in head if ln.strip()]
    if not lines:
        return False
    if _HEADER.match(lines[0]):
        return True
    dates = sum(1 for ln in lines if _DATE_YMD.match(ln) or _DATE_WD_ABY.match(ln))
    msgs = sum(1 for ln in lines if _MSG_TAB.match(ln))
    return dates >= 1 and msgs >= 2


@dataclass(slots=True)  # one a message: no dict of attributes each
class _Row:
    line_no: int
    day_index: int
    time_raw: str
    sender: str | None
    # the message's lines, joined once at the end: adding to one growing string copied it on
    # every continuation line (minutes for a long pasted log)
    lines: list[str]
    open_quote: bool


def _parse_time(raw: str) -> time | None:
    m = _TIME_PARTS.match(raw.strip())
    if m is None:
        return None
    h, mi = int(m.group(2)), int(m.group(3))
    ampm = m.group(4)
    if m.group(1):
        ampm = "p" if m.group(1) == "午後" else "a"
    if ampm:
        if h > 12:
            return None
        if ampm in "pP":
            h = 12 if h == 12 else h + 12
        elif h == 12:
            h = 0
    if h > 23 or mi > 59:
        return None
    return time(h, mi)


def _closes_quote(line: str) -> bool:
    stripped = line.rstrip()
    n = len(stripped) - len(stripped.rstrip('"'))
    return n % 2 == 1


def parse_line(
    text: str, *, date_order: str | None = None, warnings: list[str] | None = None
) -> ParsedChat:
    """Parse the text of a LINE chat history export."""
    warns = list(warnings or [])
    chat_name: str | None = None
    # Each day: either a ready date, or an ambiguous (a, b, year, weekday).
    days: list[date | tuple[int, int, int, int | None]] = []
    rows: list[_Row] = []
    names: dict[str, str] = {}  # one string a sender, not one a line
    tabbed = any("\t" in ln for ln in islice(lines_of(text), 500))
    skipped_before_date = 0
    for no, line in enumerate(lines_of(text), start=1):
        if rows and rows[-1].open_quote:
            rows[-1].lines.append(line)
            if _closes_quote(line):
                rows[-1].open_quote = False
            continue
        s = line.strip()
        if not s:
            if rows:
                rows[-1].lines.append("")
            continue
        if no <= 3:
            hm = _HEADER.match(s)
            if hm is not None:
                cm = _CHAT_NAME.match(hm.group(1).strip())
                if cm is not None:
                    chat_name = clean_name(cm.group(1) or cm.group(2) or "") or None
                continue
            if _SAVED.match(s):
                continue
        dm = _DATE_YMD.match(s)
        if dm is not None:
            d = make_date("YMD", int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
            if d is not None:
                days.append(d)
                continue
        dm2 = _DATE_WD_ABY.match(s)
        if dm2 is not None:
            wd = _WEEKDAYS.get(dm2.group(1).lower().rstrip("."))
            days.append((int(dm2.group(2)), int(dm2.group(3)), int(dm2.group(4)), wd))
            continue
        mm = _MSG_TAB.match(line) if tabbed else _MSG_SPACE.match(line)
        sender: str | None
        if mm is not None:
            t_raw, sender, body = mm.group(1), clean_name(mm.group(2)), mm.group(3)
            sender = names.setdefault(sender, sender) if sender else None
        else:
            sm = _SYS_TAB.match(line) if tabbed else None
            if sm is None:
                if rows:
                    rows[-1].lines.append(line)
                continue
            t_raw, sender, body = sm.group(1), None, sm.group(2)
        if _parse_time(t_raw) is None:
            if rows:
                rows[-1].lines.append(line)
            continue
        if not days:
            skipped_before_date += 1
            continue
        open_quote = body.startswith('"') and not (len(body) > 1 and _closes_quote(body))
        rows.append(_Row(no, len(days) - 1, t_raw, sender, [body], open_quote))

    if not rows:
        raise ChatImportError("not_a_chat")
    if skipped_before_date:
        warns.append(ReadingNote("messages_before_first_date", count=skipped_before_date))
    if rows[-1].open_quote:
        warns.append(ReadingNote("cut_in_a_quote"))

    order = _decide_order(days, date_order)
    resolved: list[date | None] = []
    for day in days:
        if isinstance(day, date):
            resolved.append(day)
        else:
            resolved.append(make_date(order or "DMY", day[0], day[1], day[2]))

    messages: list[ChatMessage] = []
    for row in rows:
        d = resolved[row.day_index]
        t = _parse_time(row.time_raw)
        if d is None or t is None:
            raise ChatImportError("line_impossible_date", line=row.line_no)
        body = "\n".join(row.lines).rstrip("\n")
        if body.startswith('"') and body.endswith('"') and len(body) >= 2 and "\n" in body:
            body = body[1:-1].replace('""', '"')
        kind: MessageKind = KIND_MESSAGE
        flags = NO_FLAGS
        sender = row.sender
        if sender is None:
            kind = KIND_SYSTEM
            unsent = _UNSENT.fullmatch(body)
            if unsent is not None and unsent.group(1) in names:  # as WhatsApp's "deleted"
                kind, sender, body, flags = KIND_MESSAGE, names[unsent.group(1)], "", _F_DELETED
        elif body.strip() in _PLACEHOLDER_FLAGS:
            kind, body, flags = KIND_MEDIA, "", _PLACEHOLDER_FLAGS[body.strip()]
        messages.append(ChatMessage(kind, datetime.combine(d, t), sender, body, flags, None))
    return ParsedChat.from_messages(
        FORMAT, messages, date_order=order, warnings=warns, chat_name=chat_name
    )


def _decide_order(
    days: list[date | tuple[int, int, int, int | None]], forced: str | None
) -> str | None:
    ambiguous = [d for d in days if not isinstance(d, date)]
    if not ambiguous:
        return "YMD" if days else None
    if forced in ("DMY", "MDY"):
        return forced
    votes = {"DMY": 0, "MDY": 0}
    for a, b, y, wd in ambiguous:
        if wd is None:
            continue
        for order in votes:
            d = make_date(order, a, b, y)
            if d is not None and d.weekday() == wd:
                votes[order] += 1
    if votes["DMY"] != votes["MDY"]:
        return "DMY" if votes["DMY"] > votes["MDY"] else "MDY"
    order, _reason = decide_day_month_order(
        [(a, b, full_year(y)) for a, b, y, _wd in ambiguous], "DMY"
    )
    return order
