"""The shape of a WhatsApp export's message headers — brackets or dash, date separator, year
length, 12/24 h, seconds — learnt once from a sample of lines, and the one regex built for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import time
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..blocks import TextBlocks

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


_get_sender = attrgetter("sender")


@dataclass(frozen=True)
class _TextFeatures:
    """Optional characters a file uses; the header regex leaves out the others."""

    nbsp: bool
    en_dash: bool
    # any U+200E or U+202A at all: a header line may then start with a left-to-right mark
    # (iOS media and system lines). Looking for one at a line start took a pass over the
    # whole text (25 ms of a 500,000-message export's bytes); letting every header have one
    # costs the split 1-3 %.
    marks: bool

    @classmethod
    def of(cls, text: str) -> _TextFeatures:
        # One export is written by one app version in one language, so its
        # headers all look alike: spaces and dashes can be learnt from the first
        # lines. Left-to-right marks start only some lines (media, system), so
        # the whole text is searched for them.
        sample = text[:400_000]
        # two plain scans (memchr-fast) instead of one regex pass over every character
        marks = "\u200e" in text or "\u202a" in text
        return cls(
            nbsp="\u00a0" in sample or "\u202f" in sample,
            en_dash="\u2013" in sample,
            marks=marks,
        )

    @classmethod
    def of_blocks(cls, blocks: TextBlocks) -> _TextFeatures:
        """The same, for a text read block by block (the marks were found in its bytes)."""
        sample = blocks.head[:400_000]
        return cls(
            nbsp="\u00a0" in sample or "\u202f" in sample,
            en_dash="\u2013" in sample,
            marks=blocks.marks,
        )


def _header_regex(
    shape: _Shape,
    features: _TextFeatures,
    *,
    colon_names: list[str] | None = None,
    at_line_start: bool = True,
) -> re.Pattern[str]:
    """The header regex for one file: groups date, time and (optional) sender.

    Optional parts the file never uses (left-to-right marks anywhere in it,
    no-break spaces, en dashes) are left out: each costs time on every line.
    ``colon_names`` are sender names known to contain ": ", tried first.
    """
    known = "".join(re.escape(n) + "|" for n in sorted(colon_names or (), key=len, reverse=True))
    sp = _SP if features.nbsp else " "
    lrm = "\u200e?" if features.marks else ""
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
