"""SVG drawing for the charts: colours and type, text escaped and measured (DejaVu Sans's own
advance widths, the widest of the fonts named, so labels that fit here fit everywhere), and the
small parts every chart is made of (text elements, legends, axis steps).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Sequence

from agencydesk.core.shorten import boundary, shorten

FONT_FAMILY = "DejaVu Sans, Noto Sans, Arial, sans-serif"

TEXT = "#2B2B2B"
MUTED = "#6B6B6B"
FAINT = "#9A9A9A"
GRID = "#E9E9E9"
AXIS = "#B5B5B5"
EDGE = "#BDBDBD"


# -- text: escaping and measuring ---------------------------------------------------------------
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def esc(text: str) -> str:
    """Text for an element or an attribute: escaped, and without the characters XML forbids
    (a name pasted from a chat may carry control characters)."""
    text = _NOT_XML.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


# DejaVu Sans advance widths (per 1000 em) of " " … "~", regular and bold
_WIDTHS = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 "
    "636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 "
    "748 787 603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 "
    "615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 "
    "337 636 838"
)
_BOLD_WIDTHS = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 "
    "696 696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 "
    "995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 "
    "716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 "
    "712 365 712 838"
)
_ADVANCE = {chr(32 + i): int(w) for i, w in enumerate(_WIDTHS.split())}
_BOLD_ADVANCE = {chr(32 + i): int(w) for i, w in enumerate(_BOLD_WIDTHS.split())}
_ADVANCE["…"] = _BOLD_ADVANCE["…"] = 1000
_ADVANCE["–"] = 500
_BOLD_ADVANCE["–"] = 500


_ZWJ = "\u200d"
_JOINED = re.compile(_ZWJ + ".", re.DOTALL)


def _advance(char: str, table: dict[str, int]) -> int:
    width = table.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[:1]  # é → e
    if base in table:
        width = table[base]
    elif unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf") or 0x1F3FB <= ord(char) <= 0x1F3FF:
        width = 0  # an accent, a mark, a skin tone: drawn on the character before
    elif 0x1F1E6 <= ord(char) <= 0x1F1FF:
        width = 500  # two of them are one flag
    elif unicodedata.east_asian_width(char) in ("W", "F"):
        width = 1000
    else:
        width = 700
    table[char] = width
    return width


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in px of *text* at *size* px in DejaVu Sans."""
    table = _BOLD_ADVANCE if bold else _ADVANCE
    if _ZWJ in text:  # 👨‍👩‍👧 is drawn as one emoji: what a joiner joins takes no room of its own
        text = _JOINED.sub("", text)
    try:
        return sum(map(table.__getitem__, text)) * size / 1000
    except KeyError:  # a character not seen yet
        return sum(_advance(char, table) for char in text) * size / 1000


def fit_text(
    text: str, max_width: float, size: float, *, bold: bool = False, max_chars: int = 18
) -> str:
    """*text* on one line: whitespace collapsed, cut with "…" past *max_chars* characters or
    *max_width* px."""
    text = shorten(" ".join(_NOT_XML.sub("", text).split()), max_chars)
    while len(text) > 1 and text_width(text, size, bold=bold) > max_width:
        # "…" and at least one character off, never half an emoji or flag ("Toko 🇮…")
        text = text[: boundary(text, len(text) - 2)].rstrip() + "…"
    return text


# -- SVG building blocks ------------------------------------------------------------------------
def num(value: float) -> str:
    """A coordinate: one decimal at most."""
    text = f"{value:.1f}"
    return text[:-2] if text[-1] == "0" else text  # "12.0" → "12"


def svg_open(width: float, height: float, view_w: float, view_h: float, chart: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(view_w)} {num(view_h)}" '
        f'data-chart="{chart}">'
        f'<g font-family="{FONT_FAMILY}" font-size="12" fill="{TEXT}">'
    )


SVG_CLOSE = "</g></svg>"


def text_element(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 12,
    fill: str = TEXT,
    anchor: str = "start",
    bold: bool = False,
    extra: str = "",
) -> str:
    attrs = f'x="{num(x)}" y="{num(y)}"'
    if size != 12:
        attrs += f' font-size="{num(size)}"'
    if fill != TEXT:
        attrs += f' fill="{fill}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if bold:
        attrs += ' font-weight="bold"'
    return f"<text {attrs}{extra}>{esc(text)}</text>"


@functools.lru_cache(maxsize=256)
def mix(colour: str, other: str, amount: float) -> str:
    """*colour* moved *amount* (0…1) of the way towards *other*."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def nice_step(rough: float, *, integer: bool) -> float:
    """The round step (1, 2, 2.5 or 5 × 10ⁿ) nearest above *rough*."""
    if rough <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if integer and step < 10 and step != int(step):
            continue
        if step >= rough * 0.999:
            return max(1.0, step) if integer else step
    return 10 * power


def draw_legend(
    entries: Sequence[tuple[str, str]], *, x: float, y: float, max_width: float, size: float = 12
) -> tuple[list[str], float]:
    """Swatch-and-label entries in rows from (x, y) (the top-left), wrapped at *max_width*.
    Returns the SVG and the height used."""
    parts = ['<g data-role="legend">']
    row_height = size + 8
    cx, cy = x, y
    for index, (label, colour) in enumerate(entries):
        shown = fit_text(label, max_width - 18, size, max_chars=40)
        width = 10 + 6 + text_width(shown, size) + 18
        if cx > x and cx + width - 18 > x + max_width:
            cx, cy = x, cy + row_height
        parts.append(
            f'<g data-generation="{index}">'
            f'<rect x="{num(cx)}" y="{num(cy + (row_height - 10) / 2 - 3)}" width="10" height="10" '
            f'rx="2" fill="{colour}"/>'
            + text_element(cx + 16, cy + size - 1, shown, size=size)
            + "</g>"
        )
        cx += width
    parts.append("</g>")
    return parts, cy - y + row_height


# -- the spread chart ---------------------------------------------------------------------------
