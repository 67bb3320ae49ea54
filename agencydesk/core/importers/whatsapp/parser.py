"""The WhatsApp parser proper: the whole text split with the header regex in C, dates and times
parsed once each, and a per-message loop free of regex calls except for the rare odd message.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import chain, compress, count
from operator import not_
from typing import Protocol, TypeVar

from ..blocks import TextBlocks
from ..dates import decide_day_month_order, make_date
from ..model import (
    KIND_MEDIA,
    KIND_MESSAGE,
    KIND_SYSTEM,
    NO_FLAGS,
    ChatImportError,
    ChatMessage,
    ParsedChat,
    _NewPlainMessage,
    make_message,
    participants_of,
)
from ..problems import ReadingNote
from ..textutil import clean_name, clean_text, text_blocks
from .header import (
    _DATE_PARTS,
    _PARTIAL_HEADER,
    _SYSTEM_VERB,
    FORMAT_ANDROID,
    FORMAT_IOS,
    _balanced,
    _get_sender,
    _header_regex,
    _language_fallback,
    _learn_colon_names,
    _parse_time,
    _sample_shapes,
    _Shape,
    _TextFeatures,
)
from .messages import _CREATED_GROUP, _SPECIAL_TEXTS, _STRONG_SYSTEM, _classify, _is_system_text
from .senders import _NAME_EXTENSION_LIMIT, _fold_bad_headers, _resolve_suspicious

# --- parser -----------------------------------------------------------------

_T = TypeVar("_T")


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector is paused meanwhile: the parser creates millions of objects
    without cycles, and the collector would otherwise rescan them again and again."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc_was_enabled:
            gc.enable()


#: the text is split in blocks of about this many characters (cut at line ends), so the
#: intermediate pieces of a big export never exist all at once, and each block and its pieces
#: stay in the processor's cache (6 % faster than blocks of a million characters)
SPLIT_BLOCK = 1 << 16


def _split_messages(
    header: re.Pattern[str], blocks: Iterable[str]
) -> tuple[str, list[str], list[str], list[str | None], list[str]]:
    """(text before the first header, dates, times, raw senders, bodies), split at each
    "\n" + header. Works block by block; equal dates, times and sender names share one string
    object, so memory grows with the messages, not with the file's repeated headers."""
    dates: list[str] = []
    times: list[str] = []
    raws: list[str | None] = []
    bodies: list[str] = []
    shared: dict[str | None, str | None] = {}
    share = shared.setdefault
    before = ""
    first = True
    for block in blocks:
        parts: list[str | None] = header.split(block)
        del block
        head = parts[0] or ""
        if first:
            before = head
            first = False
        elif bodies:
            bodies[-1] += head  # a message that goes on across the cut
        else:
            before += head
        dates.extend(map(share, parts[1::4], parts[1::4]))  # type: ignore[arg-type]
        times.extend(map(share, parts[2::4], parts[2::4]))  # type: ignore[arg-type]
        raws.extend(map(share, parts[3::4], parts[3::4]))
        bodies.extend(parts[4::4])  # type: ignore[arg-type]
        del parts
    return before, dates, times, raws, bodies


class Peer(Protocol):
    """How the run over one part of an export hears of the other part's findings."""

    def share(self, mine: _T) -> list[_T]:
        """Every part's value (this part's is *mine*), in file order."""
        ...


class _Alone:
    def share(self, mine: _T) -> list[_T]:
        return [mine]


@dataclass(frozen=True)
class Part:
    """The part of an export one run parses: the whole, or one of consecutive parts whose runs
    decide together (`peer`) what depends on the whole file: the date order, the senders whose
    name holds ": ", the iOS chat name."""

    first: bool
    last: bool
    peer: Peer


WHOLE = Part(first=True, last=True, peer=_Alone())


class WholeFileNeededError(Exception):
    """The export is not to be parsed in parts: a header with an impossible date or time (folded
    into the message before it, which may lie in the other part), or too few messages in the
    first part to find an iOS chat's name. It is parsed whole instead."""


@dataclass(frozen=True)
class Prepared:
    """What is learnt from the start of an export (and one scan of it) before its split."""

    shape: _Shape
    features: _TextFeatures
    header: re.Pattern[str]
    first_header: re.Pattern[str]  # the same, for the very first line
    start: str

    @property
    def format(self) -> str:
        return FORMAT_IOS if self.shape.bracket else FORMAT_ANDROID


def prepare(text: str | TextBlocks) -> Prepared:
    """The header shape and regex of an export, from samples of its start."""
    rests: list[str] = []
    # the samples are all taken from the start, which the first block holds
    start = text if isinstance(text, str) else text.head
    shapes, first = _sample_shapes(start, rests=rests)
    if not shapes or first is None:
        raise ChatImportError("not_a_chat")
    shape = shapes.most_common(1)[0][0]
    features = _TextFeatures.of(text) if isinstance(text, str) else _TextFeatures.of_blocks(text)
    colon_names = _learn_colon_names(rests)
    return Prepared(
        shape=shape,
        features=features,
        header=_header_regex(shape, features, colon_names=colon_names),
        first_header=_header_regex(shape, features, colon_names=colon_names, at_line_start=False),
        start=start,
    )


@_cyclic_gc_paused()
def parse_whatsapp(
    text: str | TextBlocks,
    *,
    date_order: str | None = None,
    chat_name: str | None = None,
    warnings: list[str] | None = None,
) -> ParsedChat:
    """Parse the text of a WhatsApp export (``\\n`` line ends, no BOM), whole or as blocks
    decoded one at a time, with the cyclic garbage collector paused."""
    prepared = prepare(text)
    if isinstance(text, str):
        return parse_part(
            prepared,
            text_blocks(text, SPLIT_BLOCK),
            ends_with_newline=text.endswith("\n"),
            date_order=date_order,
            chat_name=chat_name,
            warnings=warnings,
        )
    return parse_part(
        prepared,
        text.blocks(),
        ends_with_newline=text.ends_with_newline,
        release=text.release,
        date_order=date_order,
        chat_name=chat_name,
        warnings=warnings,
    )


@dataclass
class PartColumns:
    """A part's messages as the split leaves them, column by column, with what is decided of
    the whole file: the date order, each date and time read, the senders whose names are
    certain (None: the message needs a closer look at who sent it)."""

    dates: list[str]
    times: list[str]
    raws: list[str | None]
    bodies: list[str]
    senders: list[str | None]
    days: dict[str, date]
    clocks: dict[str, time]
    order: str
    warnings: list[str]

    def stamps(self, rows: Iterable[int] | None = None) -> list[datetime]:
        """The times of the messages at *rows* (None: of all), made in C."""
        dates, times = self.dates, self.times
        if rows is not None:
            rows = list(rows)
            dates = list(map(dates.__getitem__, rows))
            times = list(map(times.__getitem__, rows))
        return list(
            map(
                datetime.combine,
                map(self.days.__getitem__, dates),
                map(self.clocks.__getitem__, times),
            )
        )

    def closer_looks(self, marks: bool) -> list[bool]:
        """For each message, whether it needs a closer look (`_slow_message`) than a plain
        text from a known sender: a system line, media, a placeholder, an odd name, a second
        ": ", an invisible mark (*marks*: the file holds any)."""
        special = _SPECIAL_TEXTS
        senders, bodies = self.senders, self.bodies
        if marks:
            return [
                not s
                or "<" in b
                or ": " in b
                or "(file " in b
                or "\u200e" in b
                or "\u202a" in b
                or b in special
                for s, b in zip(senders, bodies, strict=True)
            ]
        # the same without looking for marks the file does not contain
        return [
            not s or "<" in b or ": " in b or "(file " in b or b in special
            for s, b in zip(senders, bodies, strict=True)
        ]


def parse_part(
    prepared: Prepared,
    blocks: Iterable[str],
    *,
    ends_with_newline: bool,
    date_order: str | None,
    chat_name: str | None,
    warnings: list[str] | None = None,
    release: Callable[[], None] | None = None,
    part: Part = WHOLE,
) -> ParsedChat:
    """Parse the messages of *blocks*: a whole export, or one *part* of it cut before the
    ``\\n`` of a header line. The parts' messages, one after the other, are the whole's, and so
    are their warnings (the ones about the whole file go with the last part)."""
    columns = read_part(
        prepared,
        blocks,
        ends_with_newline=ends_with_newline,
        date_order=date_order,
        warnings=warnings,
        release=release,
        part=part,
    )
    return built_part(prepared, columns, chat_name=chat_name, part=part)


def read_part(
    prepared: Prepared,
    blocks: Iterable[str],
    *,
    ends_with_newline: bool,
    date_order: str | None,
    warnings: list[str] | None = None,
    release: Callable[[], None] | None = None,
    part: Part = WHOLE,
) -> PartColumns:
    """The columns of the messages of *blocks* (see `parse_part`), before any is built."""
    warns: list[str] = list(warnings or [])
    shape = prepared.shape

    # [first, date, time, sender|None, body, date, time, sender|None, body, ...]
    # (splitting at "\n" + header; the first line is matched on its own below,
    # which spares a copy of the whole text)
    before, dates, times, raws, bodies = _split_messages(prepared.header, blocks)
    if release is not None:
        release()
    m0 = prepared.first_header.match(before)
    if m0 is not None:
        dates.insert(0, m0.group(1))
        times.insert(0, m0.group(2))
        raws.insert(0, m0.group(3))
        bodies.insert(0, before[m0.end() :])
        before = ""
    if not dates:
        raise ChatImportError("not_a_chat")
    if before.strip():
        warns.append(
            ReadingNote("lines_before_first_message", count=before.strip().count(chr(10)) + 1)
        )

    # --- end of file: trailing newline, or a file cut off mid-message ---------
    last = bodies[-1]
    if not part.last:
        pass  # the next part goes on after the last body: nothing was cut off here
    elif ends_with_newline:
        bodies[-1] = last.rstrip("\n")
    else:
        cut = last.rfind("\n")
        if cut >= 0 and _PARTIAL_HEADER.match(last, cut + 1):
            bodies[-1] = last[:cut].rstrip("\n")
            warns.append(ReadingNote("cut_in_a_header"))
        elif (
            cut < 0
            and raws[-1] is None
            and (not last.strip() or shape.bracket or not _is_system_text(last, group=True))
        ):
            for lst in (dates, times, raws, bodies):
                lst.pop()
            warns.append(ReadingNote("cut_in_a_message"))
            if not dates:
                raise ChatImportError("no_complete_message")

    # --- dates: decide the order from the whole file -------------------------
    # (the distinct dates and times of every part, in file order)
    shared = part.peer.share((list(dict.fromkeys(dates)), list(dict.fromkeys(times))))
    unique_dates = list(dict.fromkeys(chain.from_iterable(d for d, _t in shared)))
    unique_times = list(dict.fromkeys(chain.from_iterable(t for _d, t in shared)))
    del shared
    triples: list[tuple[int, int, int]] = []
    for d in unique_dates:
        m = _DATE_PARTS.match(d)
        if m is None:  # cannot happen: the header regex only lets digits through
            raise ChatImportError("whatsapp_unexpected_date", date=d)
        triples.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if shape.year_first:
        if date_order not in (None, "YMD") and part.last:
            warns.append(ReadingNote("year_first_order_ignored", order=date_order))
        order = "YMD"
    elif date_order == "YMD":
        raise ChatImportError("whatsapp_year_last")
    elif date_order is not None:
        order = date_order
    else:
        order, _reason = decide_day_month_order(triples, _language_fallback(prepared.start, shape))
    dcache: dict[str, date | None] = {
        d: make_date(order, a, b, c) for d, (a, b, c) in zip(unique_dates, triples, strict=True)
    }
    tcache: dict[str, time | None] = {t: _parse_time(t) for t in unique_times}

    # A header whose date or time is impossible is not a header: fold it back
    # into the previous message as a text line.
    bad_d = {d for d, v in dcache.items() if v is None}
    bad_t = {t for t, v in tcache.items() if v is None}
    if bad_d or bad_t:
        if part is not WHOLE:
            raise WholeFileNeededError("a header with an impossible date or time")
        dates, times, raws, bodies = _fold_bad_headers(
            shape, dates, times, raws, bodies, bad_d, bad_t, warns, bool(date_order), order
        )
    dgood: dict[str, date] = {k: v for k, v in dcache.items() if v is not None}
    tgood: dict[str, time] = {k: v for k, v in tcache.items() if v is not None}

    scache: dict[str | None, str | None] = dict.fromkeys(raws)
    for raw in scache:
        if raw is not None:
            clean = clean_name(raw)
            # None sends the message through the slow path (`_slow_message`): the part
            # before ": " may be a system line with a colon in it, or only the
            # beginning of a name that contains ": ".
            # "" (no name at all) makes it a system line.
            ok = _balanced(raw) and _SYSTEM_VERB.search(raw) is None
            scache[raw] = clean if (ok or not clean) else None
    senders = list(map(scache.__getitem__, raws))
    return PartColumns(dates, times, raws, bodies, senders, dgood, tgood, order, warns)


def built_part(
    prepared: Prepared, columns: PartColumns, *, chat_name: str | None, part: Part = WHOLE
) -> ParsedChat:
    """The messages of a part read by `read_part` (its columns are used up: emptied as they
    are done with, so that a big export's peak memory holds them no longer than it must)."""
    # The per-message work runs in C where possible (timestamps, sender lookup),
    # ordinary messages are built by one comprehension, and only the messages
    # that need a closer look (system lines, media, markers, odd names, a second
    # ": ") go through the slow path afterwards.
    shape = prepared.shape
    stamps = columns.stamps()
    columns.dates.clear()
    columns.times.clear()
    senders, raws, bodies = columns.senders, columns.raws, columns.bodies
    closer = columns.closer_looks(prepared.features.marks)
    plain: Callable[[datetime, str, str], ChatMessage] = _NewPlainMessage  # type: ignore[assignment]
    slots: list[ChatMessage | None] = [
        None if looked_at else plain(ts, s, b)  # type: ignore[arg-type]
        for looked_at, ts, s, b in zip(closer, stamps, senders, bodies, strict=True)
    ]
    looked_at_stamps = list(compress(stamps, closer))
    del stamps
    take_closer_looks(columns, slots, closer, looked_at_stamps, part)
    for done in (senders, raws, bodies):
        done.clear()
    messages: list[ChatMessage] = slots  # type: ignore[assignment]
    del slots

    if shape.bracket:
        found = _ios_system_author(messages, part)
        if found is not None:
            chat_name = found
    participants = participants_of(messages)

    return ParsedChat(
        format=prepared.format,
        date_order=columns.order,
        messages=messages,
        participants=participants,
        warnings=columns.warnings,
        chat_name=chat_name,
    )


def take_closer_looks(
    columns: PartColumns,
    slots: list[ChatMessage | None],
    closer: list[bool],
    stamps: Iterable[datetime],
    part: Part,
) -> None:
    """Build into *slots* the messages *closer* marks (`PartColumns.closer_looks`), given their
    *stamps*; the other slots are left as they are (built, or not: `tally`). A sender not
    certain at once is decided with the names every part is sure of, in the same exchanges with
    the other part however the part is made."""
    senders, raws, bodies = columns.senders, columns.raws, columns.bodies
    suspicious: list[tuple[int, datetime, str, str]] = []
    for i, stamp in zip(compress(count(), closer), stamps, strict=True):
        slots[i] = _slow_message(i, suspicious, stamp, senders[i], raws[i], bodies[i])
    if suspicious or part is not WHOLE:
        # Names confirmed by at least one message whose sender is certain, in any part: the
        # senders of the plain messages, and those the closer looks found (a system line's
        # is None; no sender's name is empty)
        confirmed: set[str] = set(filter(None, compress(senders, map(not_, closer))))
        confirmed.update(filter(None, map(_get_sender, filter(None, compress(slots, closer)))))
        confirmed = set().union(*part.peer.share(confirmed))
        _resolve_suspicious(slots, suspicious, confirmed, part.peer.share)


def _slow_message(
    index: int,
    suspicious: list[tuple[int, datetime, str, str]],
    ts: datetime,
    sender: str | None,
    raw: str | None,
    body: str,
) -> ChatMessage | None:
    """Build a message that needs a closer look; ``None`` if its sender is uncertain
    (it is then queued in ``suspicious`` and built by :func:`_resolve_suspicious`)."""
    if raw is None:
        return make_message(KIND_SYSTEM, ts, None, clean_text(body).strip(), NO_FLAGS, None)
    if sender is None:  # uncertain sender
        suspicious.append((index, ts, raw, body))
        return None
    if not sender:  # nothing visible before ": "
        whole = clean_text(raw + ": " + body).strip()
        return make_message(KIND_SYSTEM, ts, None, whole, NO_FLAGS, None)
    colon = body.find(": ", 0, _NAME_EXTENSION_LIMIT)
    if colon >= 0 and body.find("\n", 0, colon) < 0:  # in the zone of `_name_zone_end`
        suspicious.append((index, ts, raw, body))
        return None
    kind, txt, flags, media = _classify(body)
    return make_message(kind, ts, sender, txt, flags, media)


def _ios_system_author(messages: list[ChatMessage], part: Part = WHOLE) -> str | None:
    """Turn iOS system lines (written with the chat name as author) into system events.

    The chat-name author is the author of the first known system text (the
    encryption notice or "created group"). If nearly all of that author's lines
    are system texts it is the group's name, and all its lines are system events;
    otherwise it is the other person of a one-to-one chat and only unmistakable
    system texts are converted. Returns the chat name when found. In parts, the author is the
    first part's and the counts are every part's.
    """
    author: str | None = None
    if part.first:
        for m in messages[:50]:
            if (
                m.sender is not None
                and m.kind == KIND_MESSAGE
                and (_STRONG_SYSTEM.match(m.text) or _CREATED_GROUP.match(m.text))
            ):
                author = m.sender
                break
        if author is None and len(messages) < 50 and not part.last:
            raise WholeFileNeededError("the first part is too short to find the chat's name")
    author = part.peer.share(author)[0]
    if author is None:
        return None
    idxs = [i for i, m in enumerate(messages) if m.sender == author]
    n_system = sum(
        1
        for i in idxs
        if messages[i].kind == KIND_MESSAGE and _is_system_text(messages[i].text, group=True)
    )
    has_media = any(messages[i].kind == KIND_MEDIA for i in idxs)
    counts = part.peer.share((len(idxs), n_system, has_media))
    n_lines = sum(n for n, _s, _m in counts)
    n_system = sum(s for _n, s, _m in counts)
    has_media = any(m for _n, _s, m in counts)
    group_like = not has_media and n_system * 5 >= n_lines * 4
    for i in idxs:
        m = messages[i]
        if group_like or (m.kind == KIND_MESSAGE and _is_system_text(m.text, group=False)):
            messages[i] = make_message(KIND_SYSTEM, m.timestamp, None, m.text, NO_FLAGS, None)
    return author
