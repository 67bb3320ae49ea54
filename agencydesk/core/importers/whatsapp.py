"""WhatsApp ``.txt`` export parser (Android and iOS, every locale header form).

Speed matters (exports can hold a million messages), so the parser

* samples the first lines once to decide the header *shape* (brackets or dash,
  date separator, year length, 12/24 h, seconds) and compiles one regex for it;
* splits the whole text with that regex in C (``re.split``), which yields
  ``[before, date, time, body, date, time, body, ...]``;
* decides the day/month order from all distinct dates at once;
* parses each distinct date and time string only once;
* keeps the per-message loop free of try/except and of regex calls except for
  the rare messages that need them (media, deleted, edited, odd senders).
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import compress, count, repeat
from operator import attrgetter, is_

from .dates import decide_day_month_order, make_date
from .model import (
    FLAG_DELETED,
    FLAG_EDITED,
    FLAG_MEDIA_OMITTED,
    KIND_MEDIA,
    KIND_MESSAGE,
    KIND_SYSTEM,
    NO_FLAGS,
    ChatImportError,
    ChatMessage,
    MessageKind,
    ParsedChat,
    _NewPlainMessage,
    make_message,
    participants_of,
)
from .textutil import NOT_A_CHAT, clean_name, clean_text

FORMAT_ANDROID = "whatsapp-android"
FORMAT_IOS = "whatsapp-ios"

_SP = "[ \u00a0\u202f]"
_AMPM = r"[aApP]\.?" + _SP + r"?[mM]\.?"

# Generic header, used only on a sample of lines to learn the file's shape.
_PROBE = re.compile(
    "\u200e?(?P<br>\\[)?"
    r"(?P<a>\d{1,4})(?P<ds>[./-])(?P<b>\d{1,2})(?P=ds)(?P<c>\d{2,4})(?P<dot>\.?)"
    r"(?P<comma>,?)" + _SP + "(?P<klo>klo" + _SP + ")?"
    r"(?P<h>\d{1,2})(?P<ts>[:.])(?P<mi>\d{2})(?:(?P=ts)(?P<s>\d{2}))?"
    "(?P<ap>" + _SP + "?" + _AMPM + ")?"
    "(?(br)\\]" + _SP + "|(?P<sep>" + _SP + "[-\u2013]" + _SP + "|:" + _SP + "))"
)

# A last line that is the beginning of a header (file cut off while writing it).
_PARTIAL_HEADER = re.compile(
    "\u200e?\\[?\\d{1,4}[./-]\\d{1,2}(?:[./-](?:\\d{1,4}(?:\\.?,?(?:"
    + _SP
    + "(?:klo"
    + _SP
    + "?)?(?:\\d{1,2}(?:[:.](?:\\d{1,2}(?:[:.]\\d{0,2})?)?)?)?)?)?)?)?"
    "(?:" + _SP + "?[aApP]?\\.?" + _SP + "?[mM]?\\.?)?\\]?" + _SP + "?[-\u2013]?" + _SP + "?$"
)

_DATE_PARTS = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")
_TIME_PARTS = re.compile(
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:" + _SP + r"?([aApP])\.?" + _SP + r"?[mM]\.?)?$"
)

_INDONESIAN_HINT = re.compile(
    r"tidak disertakan|terenkripsi|menambahkan|Pesan ini|dihapus|bergabung|"
    r"keluar|file terlampir|mengubah|Anda "
)

# --- message classification -------------------------------------------------

_EDITED_MARKERS = (
    "<This message was edited>",
    "<Pesan ini telah diedit>",
    "<Pesan ini diedit>",
)
_DELETED_TEXTS = frozenset(
    {
        "This message was deleted",
        "You deleted this message",
        "Pesan ini telah dihapus",
        "Pesan ini dihapus",
        "Anda menghapus pesan ini",
    }
)
_OMITTED_TEXTS = frozenset(
    {
        "<Media omitted>",
        "<Media tidak disertakan>",
        "image omitted",
        "video omitted",
        "audio omitted",
        "sticker omitted",
        "document omitted",
        "GIF omitted",
        "Contact card omitted",
        "gambar tidak disertakan",
        "video tidak disertakan",
        "audio tidak disertakan",
        "stiker tidak disertakan",
        "dokumen tidak disertakan",
        "GIF tidak disertakan",
        "kartu kontak tidak disertakan",
    }
)
_OMITTED_SUFFIXES = (" document omitted", " dokumen tidak disertakan")
# Exact texts that need the slow path even without any tell-tale character.
_SPECIAL_TEXTS = _DELETED_TEXTS | {t + "." for t in _DELETED_TEXTS} | _OMITTED_TEXTS
_ATTACHED = re.compile(r"<(?:attached|terlampir|lampiran): ([^<>]+)>")
_FILE_ATTACHED = re.compile(r"(.+) \((?:file attached|file terlampir)\)")

_F_EDITED = frozenset({FLAG_EDITED})
_F_DELETED = frozenset({FLAG_DELETED})
_F_OMITTED = frozenset({FLAG_MEDIA_OMITTED})

# System texts that can only be system events (any chat).
_STRONG_SYSTEM = re.compile(
    r"(?:Messages and calls are end-to-end encrypted"
    r"|Messages (?:to|you send to) this (?:group|chat) are now secured with end-to-end encryption"
    r"|Pesan dan panggilan terenkripsi secara end-to-end"
    r"|Pesan (?:ke|yang Anda kirim(?:kan)? ke) (?:grup|chat) ini (?:sekarang )?diamankan"
    r"|Your security code with .+ changed"
    r"|Kode keamanan (?:Anda )?dengan .+ (?:telah )?berubah"
    r"|This (?:chat is with a business account|business (?:account|uses))"
    r"|Chat ini (?:adalah )?dengan akun bisnis"
    r"|You (?:un)?blocked this contact"
    r"|Anda (?:memblokir|membuka blokir) kontak ini"
    r"|.{1,200} turned (?:on|off) disappearing messages"
    r"|Disappearing messages (?:were|was) turned"
    r"|.{1,200} (?:mengaktifkan|menonaktifkan) pesan sementara"
    r"|.{1,200} changed (?:their|his|her) phone number"
    r"|.{1,200} telah mengganti nomor telepon"
    r"|.{1,200} (?:is|adalah) (?:a contact|kontak)\.?$"
    r"|You(?:'re| are) now an admin|Anda sekarang (?:adalah )?admin"
    r")"
)
# Group events ("X added Y" ...). Only trusted where the line is known to be
# system-like (Android line without author, iOS chat-name author).
_GROUP_SYSTEM = re.compile(
    r"(?:.{1,200} created (?:the )?group .+"
    r"|.{1,200} membuat grup .+"
    r"|You created this group|Anda membuat grup ini"
    r"|.{1,200} (?:added|removed|menambahkan|mengeluarkan) .+"
    r"|.{1,200} (?:left|keluar)"
    r"|.{1,200} joined using this group's invite link"
    r"|.{1,200} bergabung menggunakan tautan undangan grup ini"
    r"|.{1,200} joined (?:from|via|using) .+"
    r"|.{1,200} changed the (?:subject|group name) (?:from .+ )?to .+"
    r"|.{1,200} mengubah (?:subjek|nama grup)(?: dari .+)? menjadi .+"
    r"|.{1,200} (?:changed|deleted) (?:this group's|the group) (?:icon|description|settings)"
    r"|.{1,200} (?:mengubah|menghapus) (?:ikon|deskripsi|setelan) grup(?: ini)?"
    r"|.{1,200} (?:(?:is|are) )?(?:now|no longer) an? admin"
    r"|.{1,200} (?:pinned a message|menyematkan pesan)"
    r"|.{1,200} reset this group's invite link"
    r")$"
)
_CREATED_GROUP = re.compile(
    r"(?:.{1,200} (?:created (?:the )?group|membuat grup) .+"
    r"|You created this group|Anda membuat grup ini)"
)
_SYSTEM_LINE_LIMIT = 1000


def _classify(raw: str) -> tuple[MessageKind, str, frozenset[str], str | None]:
    """Kind, text, flags and media file of a message body (slow path)."""
    text = clean_text(raw)
    edited = False
    if text.endswith(">"):
        for marker in _EDITED_MARKERS:
            if text.endswith(marker):
                text = text[: -len(marker)].rstrip(" \u00a0\u202f")
                edited = True
                break
    first, _nl, rest = text.partition("\n")
    key = first.strip()
    base = _F_EDITED if edited else NO_FLAGS
    if not rest and (key in _DELETED_TEXTS or (key.endswith(".") and key[:-1] in _DELETED_TEXTS)):
        return KIND_MESSAGE, "", base | _F_DELETED, None
    if key in _OMITTED_TEXTS or key.endswith(_OMITTED_SUFFIXES):
        return KIND_MEDIA, rest, base | _F_OMITTED, None
    m = _ATTACHED.match(key)
    if m is not None:
        after = key[m.end() :].strip()
        caption = "\n".join(p for p in (after, rest) if p)
        return KIND_MEDIA, caption, base, m.group(1).strip()
    m = _FILE_ATTACHED.fullmatch(key)
    if m is not None:
        return KIND_MEDIA, rest, base, m.group(1).strip()
    return KIND_MESSAGE, text, base, None


def _is_system_text(text: str, *, group: bool) -> bool:
    line = text.split("\n", 1)[0].strip()
    if len(line) > _SYSTEM_LINE_LIMIT:
        return False
    if _STRONG_SYSTEM.match(line):
        return True
    return group and _GROUP_SYSTEM.match(line) is not None


# --- header shape -------------------------------------------------------------


@dataclass(frozen=True)
class _Shape:
    bracket: bool
    colon_sep: bool
    date_sep: str
    year_first: bool
    year_len: int
    time_sep: str
    seconds: bool
    ampm: bool
    klo: bool
    comma: bool
    dot: bool


def _shape_of(m: re.Match[str]) -> _Shape:
    a, c = m.group("a"), m.group("c")
    year_first = len(a) == 4
    sep = m.group("sep") or ""
    return _Shape(
        bracket=m.group("br") is not None,
        colon_sep=sep.startswith(":"),
        date_sep=m.group("ds"),
        year_first=year_first,
        year_len=len(a) if year_first else len(c),
        time_sep=m.group("ts"),
        seconds=m.group("s") is not None,
        ampm=m.group("ap") is not None,
        klo=m.group("klo") is not None,
        comma=bool(m.group("comma")),
        dot=bool(m.group("dot")),
    )


def _valid_probe(m: re.Match[str]) -> bool:
    a, c = m.group("a"), m.group("c")
    if len(a) == 4:
        return len(c) <= 2
    return len(a) <= 2 and len(c) in (2, 4)


def _sample_shapes(
    text: str, max_lines: int = 2000, rests: list[str] | None = None
) -> tuple[Counter[_Shape], int | None]:
    """Shapes of header lines in the first lines, and index of the first one.

    With ``rests``, the text after each header is appended to it.
    """
    shapes: Counter[_Shape] = Counter()
    first: int | None = None
    nonempty = 0
    probe = _PROBE.match
    for line in text[:400_000].split("\n", max_lines)[:max_lines]:
        if not line.strip():
            continue
        nonempty += 1
        m = probe(line)
        if m is not None and _valid_probe(m):
            shapes[_shape_of(m)] += 1
            if first is None:
                first = nonempty
            if rests is not None:
                rests.append(line[m.end() :])
    return shapes, first


def _learn_colon_names(rests: list[str]) -> list[str]:
    """Sender names containing ": " seen at least twice in the sample lines.

    A line whose part before the first ": " has unbalanced brackets
    (``Mas Andi (Vendor``) while the part before the second ": " is balanced
    (``Mas Andi (Vendor: Percetakan)``) shows such a name. Putting the learnt
    names into the header regex lets their messages take the fast path.
    """
    seen: Counter[str] = Counter()
    for rest in rests:
        p = rest.find(": ")
        if p <= 0 or _balanced(rest[:p]):
            continue
        q = rest.find(": ", p + 2)
        if q > 0 and _balanced(rest[:q]) and _SYSTEM_VERB.search(rest[:q]) is None:
            seen[rest[:q]] += 1
    return [name for name, n in seen.items() if n >= 2 and "\n" not in name]


def whatsapp_style(text: str) -> str | None:
    """``"whatsapp-android"``, ``"whatsapp-ios"`` or ``None`` if not WhatsApp."""
    shapes, first = _sample_shapes(text, max_lines=500)
    if not shapes or first is None or first > 20:
        return None
    shape = shapes.most_common(1)[0][0]
    return FORMAT_IOS if shape.bracket else FORMAT_ANDROID


_MARKS = re.compile("[\u200e\u202a]")
_get_sender = attrgetter("sender")


@dataclass(frozen=True)
class _TextFeatures:
    """Optional characters a file uses; the header regex leaves out the others."""

    nbsp: bool
    lrm_line_start: bool
    en_dash: bool
    marks: bool  # any U+200E or U+202A at all

    @classmethod
    def of(cls, text: str) -> _TextFeatures:
        # One export is written by one app version in one language, so its
        # headers all look alike: spaces and dashes can be learnt from the first
        # lines. Left-to-right marks start only some lines (media, system), so
        # the whole text is searched for them.
        sample = text[:400_000]
        marks = _MARKS.search(text) is not None
        return cls(
            nbsp="\u00a0" in sample or "\u202f" in sample,
            lrm_line_start=marks and ("\n\u200e" in text or text.startswith("\u200e")),
            en_dash="\u2013" in sample,
            marks=marks,
        )


def _header_regex(
    shape: _Shape,
    features: _TextFeatures,
    *,
    colon_names: list[str] | None = None,
    at_line_start: bool = True,
) -> re.Pattern[str]:
    """The header regex for one file: groups date, time and (optional) sender.

    Optional parts the file never uses (left-to-right marks at line starts,
    no-break spaces, en dashes) are left out: each costs time on every line.
    ``colon_names`` are sender names known to contain ": ", tried first.
    """
    known = "".join(re.escape(n) + "|" for n in sorted(colon_names or (), key=len, reverse=True))
    sp = _SP if features.nbsp else " "
    lrm = "\u200e?" if features.lrm_line_start else ""
    ds = re.escape(shape.date_sep)
    ts = re.escape(shape.time_sep)
    if shape.year_first:
        date_rx = r"\d{4}" + ds + r"\d{1,2}" + ds + r"\d{1,2}"
    else:
        date_rx = r"\d{1,2}" + ds + r"\d{1,2}" + ds + r"\d{" + str(shape.year_len) + "}"
    time_rx = r"\d{1,2}" + ts + r"\d{2}"
    if shape.seconds:
        time_rx += ts + r"\d{2}"
    if shape.ampm:
        time_rx += sp + "?" + _AMPM.replace(_SP, sp)
    if shape.bracket:
        start, end = "\\[", "\\]" + sp
    elif shape.colon_sep:
        start, end = "", ":" + sp
    else:
        dash = "[-\u2013]" if features.en_dash else "-"
        start, end = "", sp + dash + sp
    klo = "(?:klo" + sp + ")?" if shape.klo else ""
    return re.compile(
        ("\n" if at_line_start else "")
        + lrm
        + start
        + "("
        + date_rx
        + ")"
        + ("\\." if shape.dot else "")
        + ("," if shape.comma else "")
        + sp
        + klo
        + "("
        + time_rx
        + ")"
        + end
        # the sender: up to the first ": " of the line, if there is one
        + "(?:("
        + known
        + "[^\n:]*(?::(?! )[^\n:]*)*): )?"
    )


def _rebuild_header(shape: _Shape, d: str, t: str) -> str:
    """The header text as it was written (close enough to keep it as message text)."""
    stamp = d + ("." if shape.dot else "") + ("," if shape.comma else "") + " " + t
    if shape.bracket:
        return f"[{stamp}] "
    if shape.colon_sep:
        return f"{stamp}: "
    return f"{stamp} - "


def _parse_time(raw: str) -> time | None:
    m = _TIME_PARTS.match(raw)
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    s = int(m.group(3)) if m.group(3) else 0
    ap = m.group(4)
    if ap is not None:
        if not 1 <= h <= 12:
            return None
        if ap in "pP":
            h = 12 if h == 12 else h + 12
        elif h == 12:
            h = 0
    if h > 23 or mi > 59 or s > 59:
        return None
    return time(h, mi, s)


def _language_fallback(text: str, shape: _Shape) -> str:
    sample = text[:200_000]
    if shape.time_sep == "." or _INDONESIAN_HINT.search(sample):
        return "DMY"
    if shape.ampm:
        m = re.search(r"\d[ \u00a0\u202f]?([AP]M)[\]\s]", sample)
        if m is not None:
            return "MDY"
    return "DMY"


def _balanced(s: str) -> bool:
    return (
        s.count("(") == s.count(")")
        and s.count("[") == s.count("]")
        and s.count("{") == s.count("}")
        and s.count('"') % 2 == 0
        and s.count("\u201c") == s.count("\u201d")
        and s.count("<") == s.count(">")
    )


# Words of group events; a "sender" containing one may be a system line.
_SYSTEM_VERB = re.compile(
    r" (?:added|removed|left|joined|changed|created|deleted|pinned|menambahkan|mengeluarkan"
    r"|keluar|bergabung|mengubah|membuat|menghapus|menyematkan)(?: |$)"
)


def chat_name_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    m = re.fullmatch(
        r"(?:WhatsApp Chat with|WhatsApp Chat -|Chat WhatsApp dengan|WhatsApp-Chat mit"
        r"|Chat de WhatsApp con) (.+?)(?: \(\d+\))?\.txt",
        base,
        re.IGNORECASE,
    )
    return m.group(1).strip() if m else None


# --- parser -----------------------------------------------------------------


def parse_whatsapp(
    text: str,
    *,
    date_order: str | None = None,
    chat_name: str | None = None,
    warnings: list[str] | None = None,
) -> ParsedChat:
    """Parse the text of a WhatsApp export (``\\n`` line ends, no BOM).

    The cyclic garbage collector is paused meanwhile: the parser creates
    millions of objects without cycles, and the collector would otherwise rescan
    them again and again.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_whatsapp(text, date_order=date_order, chat_name=chat_name, warnings=warnings)
    finally:
        if gc_was_enabled:
            gc.enable()


#: the text is split in blocks of about this many characters (cut at line ends), so the
#: intermediate pieces of a big export never exist all at once
SPLIT_BLOCK = 1 << 20


def _split_messages(
    header: re.Pattern[str], text: str
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
    start = 0
    end = len(text)
    while start < end:
        cut = text.find("\n", start + SPLIT_BLOCK)
        if cut < 0:
            cut = end
        parts: list[str | None] = header.split(text[start:cut] if start or cut < end else text)
        head = parts[0] or ""
        if start == 0:
            before = head
        elif bodies:
            bodies[-1] += head  # a message that goes on across the cut
        else:
            before += head
        dates.extend(map(share, parts[1::4], parts[1::4]))  # type: ignore[arg-type]
        times.extend(map(share, parts[2::4], parts[2::4]))  # type: ignore[arg-type]
        raws.extend(map(share, parts[3::4], parts[3::4]))
        bodies.extend(parts[4::4])  # type: ignore[arg-type]
        del parts
        start = cut
    return before, dates, times, raws, bodies


def _parse_whatsapp(
    text: str,
    *,
    date_order: str | None = None,
    chat_name: str | None = None,
    warnings: list[str] | None = None,
) -> ParsedChat:
    """Parse the text of a WhatsApp export (``\\n`` line ends, no BOM)."""
    warns: list[str] = list(warnings or [])
    rests: list[str] = []
    shapes, first = _sample_shapes(text, rests=rests)
    if not shapes or first is None:
        raise ChatImportError(NOT_A_CHAT)
    shape = shapes.most_common(1)[0][0]
    fmt = FORMAT_IOS if shape.bracket else FORMAT_ANDROID
    features = _TextFeatures.of(text)
    colon_names = _learn_colon_names(rests)
    header = _header_regex(shape, features, colon_names=colon_names)

    # [first, date, time, sender|None, body, date, time, sender|None, body, ...]
    # (splitting at "\n" + header; the first line is matched on its own below,
    # which spares a copy of the whole text)
    before, dates, times, raws, bodies = _split_messages(header, text)
    m0 = _header_regex(shape, features, colon_names=colon_names, at_line_start=False).match(before)
    if m0 is not None:
        dates.insert(0, m0.group(1))
        times.insert(0, m0.group(2))
        raws.insert(0, m0.group(3))
        bodies.insert(0, before[m0.end() :])
        before = ""
    if not dates:
        raise ChatImportError(NOT_A_CHAT)
    if before.strip():
        warns.append(
            f"{before.strip().count(chr(10)) + 1} line(s) before the first message were ignored."
        )

    # --- end of file: trailing newline, or a file cut off mid-message ---------
    last = bodies[-1]
    if text.endswith("\n"):
        bodies[-1] = last.rstrip("\n")
    else:
        cut = last.rfind("\n")
        if cut >= 0 and _PARTIAL_HEADER.match(last, cut + 1):
            bodies[-1] = last[:cut].rstrip("\n")
            warns.append(
                "The file seems to be cut off: its last line is an incomplete message "
                "header and was ignored."
            )
        elif (
            cut < 0
            and raws[-1] is None
            and (not last.strip() or shape.bracket or not _is_system_text(last, group=True))
        ):
            for lst in (dates, times, raws, bodies):
                lst.pop()
            warns.append(
                "The file seems to be cut off: its last message is incomplete and was ignored."
            )
            if not dates:
                raise ChatImportError(NOT_A_CHAT + " (it holds no complete message)")

    # --- dates: decide the order from the whole file -------------------------
    unique_dates = list(dict.fromkeys(dates))
    triples: list[tuple[int, int, int]] = []
    for d in unique_dates:
        m = _DATE_PARTS.match(d)
        if m is None:  # cannot happen: the header regex only lets digits through
            raise ChatImportError(f"unexpected date {d!r}")
        triples.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if shape.year_first:
        if date_order not in (None, "YMD"):
            warns.append(
                f"Dates in this file are written year first; date order {date_order} was ignored."
            )
        order = "YMD"
    elif date_order == "YMD":
        raise ChatImportError("dates in this file are written with the year last, not YMD")
    elif date_order is not None:
        order = date_order
    else:
        order, _reason = decide_day_month_order(triples, _language_fallback(text, shape))
    dcache: dict[str, date | None] = {
        d: make_date(order, a, b, c) for d, (a, b, c) in zip(unique_dates, triples, strict=True)
    }
    tcache: dict[str, time | None] = {t: _parse_time(t) for t in dict.fromkeys(times)}

    # A header whose date or time is impossible is not a header: fold it back
    # into the previous message as a text line.
    bad_d = {d for d, v in dcache.items() if v is None}
    bad_t = {t for t, v in tcache.items() if v is None}
    if bad_d or bad_t:
        dates, times, raws, bodies = _fold_bad_headers(
            shape, dates, times, raws, bodies, bad_d, bad_t, warns, bool(date_order), order
        )
    dgood: dict[str, date] = {k: v for k, v in dcache.items() if v is not None}
    tgood: dict[str, time] = {k: v for k, v in tcache.items() if v is not None}

    # --- build the messages -----------------------------------------------------
    # The per-message work runs in C where possible (timestamps, sender lookup),
    # ordinary messages are built by one comprehension, and only the messages
    # that need a closer look (system lines, media, markers, odd names, a second
    # ": ") go through the slow path afterwards.
    stamps = list(
        map(datetime.combine, map(dgood.__getitem__, dates), map(tgood.__getitem__, times))
    )
    del dates, times
    scache: dict[str | None, str | None] = dict.fromkeys(raws)
    for raw in scache:
        if raw is not None:
            clean = clean_name(raw)
            # None sends the message through the slow path below: the part
            # before ": " may be a system line with a colon in it, or only the
            # beginning of a name that contains ": ".
            # "" (no name at all) makes it a system line.
            ok = _balanced(raw) and _SYSTEM_VERB.search(raw) is None
            scache[raw] = clean if (ok or not clean) else None
    senders = list(map(scache.__getitem__, raws))
    special = _SPECIAL_TEXTS
    plain: Callable[[datetime, str, str], ChatMessage] = _NewPlainMessage  # type: ignore[assignment]
    if features.marks:
        slots: list[ChatMessage | None] = [
            None
            if (
                not s
                or "<" in b
                or ": " in b
                or "(file " in b
                or "\u200e" in b
                or "\u202a" in b
                or b in special
            )
            else plain(ts, s, b)
            for ts, s, b in zip(stamps, senders, bodies, strict=True)
        ]
    else:  # the same without looking for marks the file does not contain
        slots = [
            None
            if (not s or "<" in b or ": " in b or "(file " in b or b in special)
            else plain(ts, s, b)
            for ts, s, b in zip(stamps, senders, bodies, strict=True)
        ]
    suspicious: list[tuple[int, datetime, str, str]] = []
    for i in compress(count(), map(is_, slots, repeat(None))):
        slots[i] = _slow_message(i, suspicious, stamps[i], senders[i], raws[i], bodies[i])
    del stamps, bodies, senders
    if suspicious:
        # Names confirmed by at least one message whose sender is certain.
        confirmed = set(map(_get_sender, filter(None, slots)))
        confirmed.discard(None)
        _resolve_suspicious(slots, suspicious, confirmed)
    messages: list[ChatMessage] = slots  # type: ignore[assignment]
    del slots

    if shape.bracket:
        found = _ios_system_author(messages)
        if found is not None:
            chat_name = found
    participants = participants_of(messages)

    return ParsedChat(
        format=fmt,
        date_order=order,
        messages=messages,
        participants=participants,
        warnings=warns,
        chat_name=chat_name,
    )


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
    if body.find(": ", 0, _name_zone_end(body)) >= 0:
        suspicious.append((index, ts, raw, body))
        return None
    kind, txt, flags, media = _classify(body)
    return make_message(kind, ts, sender, txt, flags, media)


def _fold_bad_headers(
    shape: _Shape,
    dates: list[str],
    times: list[str],
    raws: list[str | None],
    bodies: list[str],
    bad_d: set[str],
    bad_t: set[str],
    warns: list[str],
    forced: bool,
    order: str,
) -> tuple[list[str], list[str], list[str | None], list[str]]:
    n_bad = 0
    nd: list[str] = []
    nt: list[str] = []
    nr: list[str | None] = []
    nb: list[str] = []
    for d, t, raw, body in zip(dates, times, raws, bodies, strict=True):
        if d in bad_d or t in bad_t:
            n_bad += 1
            line = _rebuild_header(shape, d, t) + (raw + ": " if raw is not None else "") + body
            if nb:
                nb[-1] += "\n" + line
            else:
                warns.append("A line before the first message was ignored.")
            continue
        nd.append(d)
        nt.append(t)
        nr.append(raw)
        nb.append(body)
    if not nd or n_bad * 2 > len(dates):
        raise ChatImportError(
            f"most dates in this file are impossible when read as {order}; "
            "choose another date order"
            if forced
            else NOT_A_CHAT
        )
    warns.append(
        f"{n_bad} line(s) looked like message headers but had impossible dates or times; "
        "they were kept as text of the previous message."
    )
    return nd, nt, nr, nb


#: a sender name goes on for at most this many characters after its first ": " (WhatsApp's own
#: names are far shorter): a ": " further into the line is message text. Without a bound, a
#: first line full of ": " (a pasted log or JSON error) made every prefix of the line a
#: candidate name, which took time and memory growing with the square of its length.
_NAME_EXTENSION_LIMIT = 200


def _name_zone_end(body: str) -> int:
    """Where a ": " that ends a sender name must lie within: the first line, and not far."""
    nl = body.find("\n", 0, _NAME_EXTENSION_LIMIT)
    return nl if nl >= 0 else min(len(body), _NAME_EXTENSION_LIMIT)


def _colon_positions(line: str) -> list[int]:
    out: list[int] = []
    p = line.find(": ")
    while p >= 0:
        out.append(p)
        p = line.find(": ", p + 2)
    return out


def _build(ts: datetime, sender: str, text: str) -> ChatMessage:
    """A message from a sender, classified only when its text needs it."""
    if (
        "<" in text
        or "\u200e" in text
        or "(file " in text
        or "\u202a" in text
        or text in _SPECIAL_TEXTS
        or text.endswith(_OMITTED_SUFFIXES)
    ):
        kind, txt, flags, media = _classify(text)
        return make_message(kind, ts, sender, txt, flags, media)
    return _NewPlainMessage(ts, sender, text)  # type: ignore[return-value]


def _resolve_suspicious(
    messages: list[ChatMessage | None],
    suspicious: list[tuple[int, datetime, str, str]],
    confirmed: set[str],
) -> None:
    """Build the messages whose sender is uncertain, using the known participants.

    A name may contain ``": "`` (``Mas Andi (Vendor: Percetakan)``) and so may a
    group subject in an Android system line without author. ``confirmed`` holds
    the names seen as the author of unambiguous lines. A line's candidate
    senders are the prefixes of its first line that end before a ``": "`` (not further
    than ``_NAME_EXTENSION_LIMIT``); lines with the same candidates get the same decision,
    computed once.
    """
    names: dict[str, str] = {}

    def name_of(prefix: str) -> str:
        n = names.get(prefix)
        if n is None:
            n = names[prefix] = clean_name(prefix)
        return n

    colon_names = any(": " in n for n in confirmed)
    # Lines with one or two candidates are keyed (raw, text up to the 2nd ": "
    # or None) without building strings; lines with more get the full tuple.
    pending: list[tuple[int, datetime, str, str, tuple[str, str | None] | tuple[str, ...]]] = []
    for idx, ts, raw, body in suspicious:
        if not colon_names and name_of(raw) in confirmed:
            messages[idx] = _build(ts, names[raw], body)
            continue
        end = _name_zone_end(body)
        p = body.find(": ", 0, end)
        key: tuple[str, str | None] | tuple[str, ...]
        if p < 0:
            key = (raw, None)
        elif body.find(": ", p + 2, end) < 0:
            key = (raw, body[:p])
        else:
            first = body[:end]
            key = (raw, *(raw + ": " + first[:q] for q in _colon_positions(first)), "")
        pending.append((idx, ts, raw, body, key))

    def candidates(key: tuple[str, str | None] | tuple[str, ...]) -> tuple[str, ...]:
        if len(key) == 2:
            raw, ext = key
            return (raw,) if ext is None else (raw, f"{raw}: {ext}")
        return key[:-1]

    counts: Counter[str] = Counter()
    for key, k in Counter(item[4] for item in pending).items():
        for name in {name_of(c) for c in candidates(key)}:
            counts[name] += k
    decided: dict[tuple[str, str | None] | tuple[str, ...], tuple[int, str, int]] = {}
    for idx, ts, raw, body, key in pending:
        plan = decided.get(key)
        if plan is None:
            cands = candidates(key)
            choice = _choose_split(cands, body, confirmed, counts, name_of)
            # (choice, sender, where the text starts in body)
            plan = decided[key] = (
                choice,
                name_of(cands[max(choice, 0)]),
                len(cands[choice]) - len(raw) if choice > 0 else 0,
            )
        choice, sender, start = plan
        if choice < 0:
            text = clean_text(raw + ": " + body).strip()
            messages[idx] = make_message(KIND_SYSTEM, ts, None, text, NO_FLAGS, None)
        else:
            messages[idx] = _build(ts, sender, body[start:] if start else body)


def _choose_split(
    cands: tuple[str, ...],
    body: str,
    confirmed: set[str],
    counts: Counter[str],
    name_of: Callable[[str], str],
) -> int:
    """Index of the candidate that is the sender, or -1 for a system line."""
    # A longer name must be balanced and must not swallow the start of a message
    # (iOS marks media and system texts with U+200E; placeholders start with "<").
    cut = len(cands[0]) + 2
    valid = [
        i
        for i, c in enumerate(cands)
        if _balanced(c) and (i == 0 or c[cut : cut + 1] not in "\u200e<")
    ]
    if name_of(cands[0]) not in confirmed and (
        not valid or _SYSTEM_VERB.search(cands[0]) is not None
    ):
        line = cands[0] + ": " + body.split("\n", 1)[0]
        if _is_system_text(clean_text(line), group=True):
            return -1
    if len(cands) == 1:
        return 0
    known = [i for i, c in enumerate(cands) if name_of(c) in confirmed]
    if known:
        return max(known)
    pool = valid or list(range(len(cands)))

    def rank(i: int) -> tuple[int, int]:
        n = counts[name_of(cands[i])]
        return n, (i if n >= 2 else -i)

    return max(pool, key=rank)


def _ios_system_author(messages: list[ChatMessage]) -> str | None:
    """Turn iOS system lines (written with the chat name as author) into system events.

    The chat-name author is the author of the first known system text (the
    encryption notice or "created group"). If nearly all of that author's lines
    are system texts it is the group's name, and all its lines are system events;
    otherwise it is the other person of a one-to-one chat and only unmistakable
    system texts are converted. Returns the chat name when found.
    """
    author: str | None = None
    for m in messages[:50]:
        if (
            m.sender is not None
            and m.kind == KIND_MESSAGE
            and (_STRONG_SYSTEM.match(m.text) or _CREATED_GROUP.match(m.text))
        ):
            author = m.sender
            break
    if author is None:
        return None
    idxs = [i for i, m in enumerate(messages) if m.sender == author]
    n_system = sum(
        1
        for i in idxs
        if messages[i].kind == KIND_MESSAGE and _is_system_text(messages[i].text, group=True)
    )
    has_media = any(messages[i].kind == KIND_MEDIA for i in idxs)
    group_like = not has_media and n_system * 5 >= len(idxs) * 4
    for i in idxs:
        m = messages[i]
        if group_like or (m.kind == KIND_MESSAGE and _is_system_text(m.text, group=False)):
            messages[i] = make_message(KIND_SYSTEM, m.timestamp, None, m.text, NO_FLAGS, None)
    return author
