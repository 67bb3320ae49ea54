"""The referral charts as SVG text, for the Qt app (QSvgRenderer) and the PDF report (vector).

Pure Python, no Qt and no plotting library: three small generators that draw what a designer
would, with everything measured here (text widths come from DejaVu Sans's own advance widths,
the widest of the fonts named, so labels that fit here fit everywhere):

- `spread_chart_svg`: one client spreading into new orders — cumulative revenue (or orders) over
  time, stacked by generation, with the referral moments on the time axis;
- `generation_bars_svg`: per generation its clients, orders, revenue and K;
- `tree_svg`: the tidy referral tree, node area proportional to revenue (`tree_geometry` and
  `node_radius` give the same geometry to the Qt tree view).

The output keeps to what QSvgRenderer (SVG Tiny 1.2) draws: plain presentation attributes, no
CSS, markers, filters or foreignObject. Client names are escaped. Every chart string is in
`_STRINGS` below (English and Indonesian; another language falls back to English).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from agencydesk.core.referrals import (
    Cascade,
    GenerationStats,
    ReferralMoment,
    SpreadSeries,
    Tree,
)
from agencydesk.core.tree_layout import tidy_layout
from agencydesk.reports.palette import generation_colour

FONT_FAMILY = "DejaVu Sans, Noto Sans, Arial, sans-serif"

TEXT = "#2B2B2B"
MUTED = "#6B6B6B"
FAINT = "#9A9A9A"
GRID = "#E9E9E9"
AXIS = "#B5B5B5"
EDGE = "#BDBDBD"
DELETED_FILL = "#D9D9D9"

# -- strings -------------------------------------------------------------------------------------
_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "no_orders": "No orders yet",
        "no_payments": "No paid orders yet",
        "first_client": "First client",
        "generation_1": "Direct referrals",
        "generation_2": "Their referrals",
        "generation_n": "Generation {n}",
        "generation_n_on": "Generation {n} and later",
        "clients": "Clients",
        "orders": "Orders",
        "revenue": "Revenue",
        "k_note": "K: how many new clients each client of that generation brought",
        "tree_note": "Circle area shows revenue paid",
        "thousand": "K",
        "million": "M",
        "billion": "B",
        "trillion": "T",
        "decimal": ".",
        "unit_space": "",
    },
    "id": {
        "no_orders": "Belum ada pesanan",
        "no_payments": "Belum ada pesanan yang dibayar",
        "first_client": "Klien pertama",
        "generation_1": "Rujukannya",
        "generation_2": "Rujukan dari rujukannya",
        "generation_n": "Generasi {n}",
        "generation_n_on": "Generasi {n} dan seterusnya",
        "clients": "Klien",
        "orders": "Pesanan",
        "revenue": "Pendapatan",
        "k_note": "K: rata-rata klien baru yang dibawa tiap klien generasi itu",
        "tree_note": "Luas lingkaran menunjukkan pendapatan yang sudah dibayar",
        "thousand": "rb",
        "million": "jt",
        "billion": "M",
        "trillion": "T",
        "decimal": ",",
        "unit_space": " ",
    },
}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}


def _strings(lang: str) -> dict[str, str]:
    return _STRINGS.get(lang.split("_")[0].lower(), _STRINGS["en"])


def _months(lang: str) -> tuple[str, ...]:
    return _MONTHS.get(lang.split("_")[0].lower(), _MONTHS["en"])


def generation_label(generation: int, *, root_name: str = "", lang: str = "en") -> str:
    """What the legend calls *generation*: the root's name, "Direct referrals", "Their
    referrals", "Generation 3"… (Indonesian: "Rujukannya", "Rujukan dari rujukannya", …)."""
    words = _strings(lang)
    if generation == 0:
        return root_name.strip() or words["first_client"]
    if generation in (1, 2):
        return words[f"generation_{generation}"]
    return words["generation_n"].format(n=generation)


#: what comes before a name: "Ibu Sari Handayani" is "Ibu Sari" on a crowded chart
# fmt: off
HONORIFICS = frozenset((
    "ibu", "bu", "bapak", "pak", "mbak", "mba", "mas", "kak", "kakak", "bang", "abang", "adik",
    "dik", "tante", "om", "cik", "ci", "koh", "ko", "teh", "aa", "akang", "kang", "neng", "uda",
    "uni", "nyonya", "tuan", "haji", "hajah", "hj", "dr", "drg", "ir", "prof", "sdr", "sdri",
    "mr", "mrs", "ms", "miss",
))
# fmt: on


def short_name(name: str) -> str:
    """How one says a name in passing: the honorific and the first name ("Ibu Sari Handayani"
    → "Ibu Sari", "Pak Hendra Gunawan" → "Pak Hendra"); other names whole."""
    words = name.split()
    if len(words) >= 3 and words[0].rstrip(".").casefold() in HONORIFICS:
        return f"{words[0]} {words[1]}"
    return " ".join(words)


def given_name(name: str) -> str:
    """The name after an honorific ("Ibu Sari Handayani" → "Sari"); other names whole."""
    words = name.split()
    if len(words) >= 2 and words[0].rstrip(".").casefold() in HONORIFICS:
        return words[1]
    return " ".join(words)


def _decimal(text: str, lang: str) -> str:
    return text.replace(".", _strings(lang)["decimal"])


def format_rupiah_compact(amount: int | float, *, lang: str = "en", digits: int = 1) -> str:
    """A rupiah amount for an axis or a label: "Rp 15M", "Rp 500K", "Rp 1.5M" in English;
    "Rp 15 jt", "Rp 500 rb", "Rp 1,5 jt" in Indonesian. At most *digits* decimals, no
    trailing zeros."""
    words = _strings(lang)
    sign = "-" if amount < 0 else ""
    value = abs(float(amount))
    unit = ""
    for size, key in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        # 999,999 rounds to "1,000K": write it as "1M"
        if round(value / size, digits) >= 1:
            value /= size
            unit = words[key]
            break
    number = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    text = _decimal(number, lang)
    if unit:
        text = f"{text}{words['unit_space']}{unit}"
    return f"Rp {sign}{text}"


def _format_count(value: float, lang: str) -> str:
    number = f"{value:,.0f}"
    return number.replace(",", ".") if _strings(lang)["decimal"] == "," else number


def _format_k(k: float | None, lang: str) -> str:
    return "K = –" if k is None else f"K = {_decimal(f'{k:.1f}', lang)}"


# -- text: escaping and measuring ---------------------------------------------------------------
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _esc(text: str) -> str:
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


def _advance(char: str, table: dict[str, int]) -> int:
    width = table.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[:1]  # é → e
    if base in table:
        width = table[base]
    elif unicodedata.east_asian_width(char) in ("W", "F"):
        width = 1000
    elif unicodedata.category(char).startswith("M"):
        width = 0
    else:
        width = 700
    table[char] = width
    return width


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in px of *text* at *size* px in DejaVu Sans."""
    table = _BOLD_ADVANCE if bold else _ADVANCE
    try:
        return sum(map(table.__getitem__, text)) * size / 1000
    except KeyError:  # a character not seen yet
        return sum(_advance(char, table) for char in text) * size / 1000


def fit_text(
    text: str, max_width: float, size: float, *, bold: bool = False, max_chars: int = 18
) -> str:
    """*text* on one line: whitespace collapsed, cut with "…" past *max_chars* characters or
    *max_width* px."""
    text = " ".join(_NOT_XML.sub("", text).split())
    if len(text) > max_chars:
        text = text[: max_chars - 1].rstrip() + "…"
    while len(text) > 1 and text_width(text, size, bold=bold) > max_width:
        text = text[:-2].rstrip() + "…"
    return text


# -- SVG building blocks ------------------------------------------------------------------------
def _n(value: float) -> str:
    """A coordinate: one decimal at most."""
    text = f"{value:.1f}"
    return text[:-2] if text[-1] == "0" else text  # "12.0" → "12"


def _svg_open(width: float, height: float, view_w: float, view_h: float, chart: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(view_w)} {_n(view_h)}" '
        f'data-chart="{chart}">'
        f'<g font-family="{FONT_FAMILY}" font-size="12" fill="{TEXT}">'
    )


_SVG_CLOSE = "</g></svg>"


def _text(
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
    attrs = f'x="{_n(x)}" y="{_n(y)}"'
    if size != 12:
        attrs += f' font-size="{_n(size)}"'
    if fill != TEXT:
        attrs += f' fill="{fill}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if bold:
        attrs += ' font-weight="bold"'
    return f"<text {attrs}{extra}>{_esc(text)}</text>"


@functools.lru_cache(maxsize=256)
def _mix(colour: str, other: str, amount: float) -> str:
    """*colour* moved *amount* (0…1) of the way towards *other*."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def _nice_step(rough: float, *, integer: bool) -> float:
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


def _legend(
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
            f'<rect x="{_n(cx)}" y="{_n(cy + (row_height - 10) / 2 - 3)}" width="10" height="10" '
            f'rx="2" fill="{colour}"/>' + _text(cx + 16, cy + size - 1, shown, size=size) + "</g>"
        )
        cx += width
    parts.append("</g>")
    return parts, cy - y + row_height


# -- the spread chart ---------------------------------------------------------------------------
def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def spread_chart_svg(
    series: SpreadSeries,
    *,
    metric: Literal["revenue", "orders"] = "revenue",
    lang: str = "en",
    root_name: str = "",
    width: int = 720,
    height: int = 360,
    title: str = "",
) -> str:
    """ "One client spreading into new orders": cumulative revenue (on the day paid) or orders
    (on the order day) over time, stacked by generation, each referral marked on the time axis
    in the colour of the new client's generation (named where the name fits).

    The band of generation g carries `data-generation` and `data-top`, the stacked total up to
    and including g at the last point; the plot group `data-y-zero` (px) and `data-y-scale`
    (px per rupiah or order)."""
    words = _strings(lang)
    pad = 14.0
    out = [_svg_open(width, height, width, height, "spread")]
    out.append(f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>')
    top = pad
    if title:
        out.append(
            _text(
                pad,
                top + 14,
                fit_text(title, width - 2 * pad, 15, bold=True, max_chars=80),
                size=15,
                bold=True,
            )
        )
        top += 26

    generations = max(1, series.generations)
    entries = [
        (generation_label(g, root_name=root_name, lang=lang), generation_colour(g))
        for g in range(generations)
    ]
    values = [p.revenue if metric == "revenue" else p.orders for p in series.points]
    totals = [sum(v) for v in values]
    grand_total = totals[-1] if totals else 0

    if not series.points or grand_total <= 0:
        message = (
            words["no_orders"]
            if not series.points
            else (words["no_payments"] if metric == "revenue" else words["no_orders"])
        )
        return _empty_chart(out, message, width=width, height=height, top=top, pad=pad)

    legend, legend_height = _legend(entries, x=pad, y=top, max_width=width - 2 * pad)
    out += legend
    top += legend_height + 10

    # -- y axis: round steps, compact rupiah labels ---------------------------------------------
    tick_size = 11.0
    bottom_space = 8 + 6 + tick_size + 8  # moment markers, gap, month labels, padding
    plot_top = top + 4
    plot_bottom = height - pad - bottom_space + 8
    plot_height = max(40.0, plot_bottom - plot_top)
    integer = metric == "orders"
    step = _nice_step(grand_total * 1.04 / max(2, min(6, int(plot_height // 48))), integer=integer)
    y_max = math.ceil(grand_total * 1.04 / step) * step
    ticks = [i * step for i in range(round(y_max / step) + 1)]

    def y_label(value: float) -> str:
        if integer:
            return _format_count(value, lang)
        return format_rupiah_compact(value, lang=lang, digits=2)

    labels = [y_label(t) for t in ticks]
    plot_left = pad + max(text_width(label, tick_size) for label in labels) + 10
    plot_right = width - pad - 6
    plot_width = max(40.0, plot_right - plot_left)
    scale = plot_height / y_max

    def y_of(value: float) -> float:
        return plot_bottom - value * scale

    # -- x axis: whole months -------------------------------------------------------------------
    first_day = series.points[0].on
    last_day = series.points[-1].on
    if series.moments:
        first_day = min(first_day, series.moments[0].on)
        last_day = max(last_day, max(m.on for m in series.moments))
    start_month = _month_index(first_day)
    end_month = max(_month_index(last_day) + 1, start_month + 3)  # a few months at least
    x_start = _month_start(start_month)
    span_days = max(1, (_month_start(end_month) - x_start).days)
    x_scale = plot_width / span_days

    def x_of(day: date) -> float:
        return plot_left + (day - x_start).days * x_scale

    out.append(
        f'<g data-role="plot" data-y-zero="{plot_bottom:.3f}" data-y-scale="{scale:.9g}" '
        f'data-x-left="{plot_left:.3f}" data-x-right="{plot_right:.3f}">'
    )
    # gridlines and y labels
    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        if tick:
            out.append(
                f'<path d="M{_n(plot_left)} {_n(y)}H{_n(plot_right)}" stroke="{GRID}" '
                'stroke-width="1" fill="none"/>'
            )
        out.append(
            _text(
                plot_left - 8,
                y + tick_size * 0.36,
                label,
                size=tick_size,
                fill=MUTED,
                anchor="end",
                extra=f' data-tick="{tick:.0f}"',
            )
        )
    # month labels
    month_names = _months(lang)
    sample = f"{month_names[8]} 2000"
    label_width = text_width(sample, tick_size) + 14
    months = end_month - start_month
    month_px = plot_width / max(1, months)
    year_width = text_width("2000", tick_size) + 14
    every = next((s for s in (1, 2, 3, 6) if s * month_px >= label_width), 0)
    year_only = not every
    if year_only:  # every 1, 2, 5, 10, 20, 50… years
        every = next(
            s
            for s in (12 * f * 10**p for p in range(6) for f in (1, 2, 5))
            if s * month_px >= year_width or s >= months
        )
    month_y = height - pad - 1
    for index in range(start_month, end_month + 1):
        if index % every:
            continue
        day = _month_start(index)
        x = x_of(day)
        label = str(day.year) if year_only else f"{month_names[day.month - 1]} {day.year}"
        half = text_width(label, tick_size) / 2
        if x - half < plot_left - 30 or x + half > width - 2:
            continue
        out.append(
            f'<path d="M{_n(x)} {_n(plot_top)}V{_n(plot_bottom)}" stroke="{GRID}" '
            'stroke-width="1" fill="none"/>'
        )
        out.append(
            _text(
                x,
                month_y,
                label,
                size=tick_size,
                fill=MUTED,
                anchor="middle",
                extra=f' data-month="{day.isoformat()}"',
            )
        )

    # -- the bands: step-shaped (totals change on the day) ------------------------------------
    xs = [x_of(p.on) for p in series.points]
    end_x = plot_right
    cumulative: list[list[float]] = []  # per generation, the stacked top at each point
    running = [0.0] * len(values)
    for g in range(generations):
        running = [r + (v[g] if g < len(v) else 0) for r, v in zip(running, values, strict=True)]
        cumulative.append(running)

    def step_line(tops: Sequence[float]) -> list[tuple[float, float]]:
        """The upper edge from the left of the plot: flat, then up or down on each day. Days
        closer than ¾ of a pixel share one vertical step."""
        points = [(plot_left, y_of(0))]
        level = 0.0
        for x, top_value in zip(xs, tops, strict=True):
            if top_value == level:
                continue
            y_new = y_of(top_value)
            last_x, last_y = points[-1]
            if len(points) > 1 and x - last_x < 0.75:
                points[-1] = (last_x, y_new)
            else:
                if last_x != x:
                    points.append((x, last_y))
                points.append((x, y_new))
            level = top_value
        points.append((end_x, y_of(level)))
        return points

    # guides of the named moments go under the bands: they rise from where the band ends
    guides, moment_labels, markers = _moment_annotations(
        series,
        x_of=x_of,
        xs=xs,
        totals=cumulative[-1],
        y_of=y_of,
        plot_top=plot_top,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_bottom=plot_bottom,
    )
    out += guides
    lower = [(plot_left, y_of(0)), (end_x, y_of(0))]
    edges = []
    for g in range(generations):
        upper = step_line(cumulative[g])
        colour = generation_colour(g)
        ring = upper + list(reversed(lower))
        d = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in ring) + "Z"
        out.append(
            f'<path d="{d}" fill="{_mix(colour, "#FFFFFF", 0.35)}" stroke="none" '
            f'data-generation="{g}" data-top="{cumulative[g][-1]:.0f}"/>'
        )
        if any(c > (cumulative[g - 1][i] if g else 0) for i, c in enumerate(cumulative[g])):
            edge = upper[1:] if len(upper) > 2 else upper  # not along the axis
            edges.append(
                f'<path d="M{"L".join(f"{_n(x)} {_n(y)}" for x, y in edge)}" '
                f'stroke="{colour}" stroke-width="1.5" fill="none" stroke-linejoin="round" '
                f'data-edge="{g}"/>'
            )
        lower = upper
    # top edges from the newest generation down: where a band is still empty, its edge lies
    # on the one below, whose colour must win
    out += reversed(edges)
    out.append(
        f'<path d="M{_n(plot_left)} {_n(plot_bottom)}H{_n(plot_right)}" stroke="{AXIS}" '
        'stroke-width="1" fill="none"/>'
    )
    out += markers
    out += moment_labels
    out.append("</g>")
    out.append(_SVG_CLOSE)
    return "".join(out)


def _empty_chart(
    out: list[str], message: str, *, width: float, height: float, top: float, pad: float
) -> str:
    """A plain frame with *message* in its middle: nothing to plot yet."""
    left, right, bottom = pad + 40, width - pad, height - pad - 24
    for i in range(5):
        y = top + 10 + (bottom - top - 10) * i / 4
        colour = AXIS if i == 4 else GRID
        out.append(
            f'<path d="M{_n(left)} {_n(y)}H{_n(right)}" stroke="{colour}" stroke-width="1" '
            'fill="none"/>'
        )
    middle = (top + bottom) / 2
    out.append(
        f'<rect x="{_n((left + right) / 2 - text_width(message, 15) / 2 - 14)}" '
        f'y="{_n(middle - 17)}" width="{_n(text_width(message, 15) + 28)}" height="30" rx="6" '
        'fill="#FFFFFF"/>'
    )
    out.append(
        _text(
            (left + right) / 2,
            middle + 3,
            message,
            size=15,
            fill=MUTED,
            anchor="middle",
            extra=' data-role="empty"',
        )
    )
    out.append(_SVG_CLOSE)
    return "".join(out)


@dataclass(frozen=True)
class _Label:
    moment: ReferralMoment
    x: float
    text: str
    text_x: float
    anchor: str
    box_top: float
    width: float


def _place_labels(
    moments: Sequence[tuple[ReferralMoment, float, str]],
    *,
    size: float,
    top_px: Callable[[float], float],
    plot_top: float,
    plot_left: float,
    plot_right: float,
) -> list[_Label]:
    """Greedy, in time order: each name in the highest of three rows above the data where its
    box touches no other box and no guide falling from a label above (nor its own guide a
    label below)."""
    row_height = 15.0
    rows = 3
    gap = 6.0
    # per row (0 = the top): the label boxes and the guides (falling from a label above)
    boxes: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    falling: list[list[float]] = [[] for _ in range(rows)]
    placed: list[_Label] = []
    for moment, x, name in moments:
        text_w = text_width(name, size)
        if x + 4 + text_w <= plot_right:
            left, right, anchor, text_x = x, x + 4 + text_w, "start", x + 4
        elif x - 4 - text_w >= plot_left:
            left, right, anchor, text_x = x - 4 - text_w, x, "end", x - 4
        else:
            continue
        for row in range(rows):
            box_top = plot_top + row * row_height
            if top_px(right) < box_top + row_height + 2:
                break  # the data reaches up here, and higher still below
            below = range(row + 1, rows)
            if (
                any(left < r + gap and right + gap > lft for lft, r in boxes[row])
                or any(left - gap / 2 < g < right + gap / 2 for g in falling[row])
                or any(lft - gap / 2 < x < r + gap / 2 for b in below for lft, r in boxes[b])
            ):
                continue
            boxes[row].append((left, right))
            for b in below:
                falling[b].append(x)
            placed.append(_Label(moment, x, name, text_x, anchor, box_top, text_w))
            break
    return placed


def _moment_annotations(
    series: SpreadSeries,
    *,
    x_of: Callable[[date], float],
    xs: Sequence[float],
    totals: Sequence[float],
    y_of: Callable[[float], float],
    plot_top: float,
    plot_left: float,
    plot_right: float,
    plot_bottom: float,
) -> tuple[list[str], list[str], list[str]]:
    """Markers on the time axis for every referral moment (one path per generation), and the
    names of those whose name fits above the data without touching another: (guides, labels,
    markers). Names are tried whole, then "Ibu Sari", then "Sari": the form that names the
    most moments, with the fewest cut short, wins (the longer on a tie)."""
    size = 10.5
    marks: dict[int, list[str]] = {}
    at = [(moment, x_of(moment.on)) for moment in series.moments]
    for moment, x in at:
        marks.setdefault(moment.generation, []).append(f"M{_n(x)} {_n(plot_bottom + 1)}l-4 7h8Z")

    def top_px(x: float) -> float:
        """The top of the stacked bands at x (they only grow: the highest over [.., x])."""
        i = bisect.bisect_right(xs, x) - 1
        return y_of(totals[i] if i >= 0 else 0)

    best: list[_Label] = []
    best_score = (0, 0)
    if len(at) <= 400:  # a crowd of names helps nobody: markers only
        for form in (lambda n: n, short_name, given_name):
            placed = _place_labels(
                [(m, x, fit_text(form(m.name), 150, size)) for m, x in at],
                size=size,
                top_px=top_px,
                plot_top=plot_top,
                plot_left=plot_left,
                plot_right=plot_right,
            )
            score = (len(placed), -sum(label.text.endswith("…") for label in placed))
            if score > best_score:
                best, best_score = placed, score
    guides = [
        f'<path d="M{_n(label.x)} {_n(plot_bottom)}V{_n(label.box_top + 3)}" '
        f'stroke="{generation_colour(label.moment.generation)}" stroke-width="1" '
        'stroke-dasharray="2 2" fill="none"/>'
        for label in best
    ]
    labels = [
        # a white card under the name: gridlines stop short of it
        f'<rect x="{_n(label.text_x - (2 if label.anchor == "start" else label.width + 2))}" '
        f'y="{_n(label.box_top + 1)}" width="{_n(label.width + 4)}" height="13" '
        f'fill="#FFFFFF" fill-opacity="0.9" data-card="{label.moment.client_id}"/>'
        + _text(
            label.text_x,
            label.box_top + 11,
            label.text,
            size=size,
            anchor=label.anchor,
            extra=f' data-moment="{label.moment.client_id}"',
        )
        for label in best
    ]
    markers = [
        f'<path d="{"".join(parts)}" fill="{generation_colour(g)}" stroke="#FFFFFF" '
        f'stroke-width="0.75" data-role="moments" data-generation="{g}"/>'
        for g, parts in sorted(marks.items())
    ]
    return guides, labels, markers


# -- generation bars ----------------------------------------------------------------------------
def _merge_tail(stats: Sequence[GenerationStats], keep: int) -> list[GenerationStats]:
    """The first *keep* - 1 generations, then one row for the rest (K of the first of them
    unknown: None)."""
    head = list(stats[: keep - 1])
    tail = stats[keep - 1 :]
    head.append(
        GenerationStats(
            generation=tail[0].generation,
            clients=sum(s.clients for s in tail),
            orders=sum(s.orders for s in tail),
            revenue=sum(s.revenue for s in tail),
            k=None,
            median_days_to_referrals=None,
        )
    )
    return head


def generation_bars_svg(
    cascade: Cascade, *, lang: str = "en", width: int = 720, height: int = 300
) -> str:
    """Per generation, one row: its name, then its clients, orders and revenue as bars (each
    column on its own scale, the value written at the bar's end) and its K ("K = 1.5").

    Rows that would be thinner than a line of text are merged into a last "Generation n and
    later" row."""
    words = _strings(lang)
    pad = 14.0
    out = [_svg_open(width, height, width, height, "generations")]
    out.append(f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>')
    stats = list(cascade.generations)
    if not stats:
        return _empty_chart(out, words["no_orders"], width=width, height=height, top=pad, pad=pad)
    header = 30.0
    note_size = 10.5
    footer = note_size + 14
    available = height - 2 * pad - header - footer
    min_row = 17.0
    max_rows = max(1, int(available // min_row))
    merged = len(stats) > max_rows
    if merged:
        stats = _merge_tail(stats, max_rows)
    row = min(56.0, available / len(stats))
    bar = max(6.0, min(20.0, row * 0.56))
    size = 12.0 if row >= 22 else 10.5

    def name_of(s: GenerationStats, last: bool) -> str:
        if merged and last:
            return words["generation_n_on"].format(n=s.generation)
        return generation_label(s.generation, root_name=cascade.root_name, lang=lang)

    inner = width - 2 * pad
    name_w = min(190.0, inner * 0.26)
    k_w = text_width("K = 00.0", size) + 16
    columns: list[tuple[str, list[int], Callable[[float], str]]] = [
        (words["clients"], [s.clients for s in stats], lambda v: _format_count(v, lang)),
        (words["orders"], [s.orders for s in stats], lambda v: _format_count(v, lang)),
        (
            words["revenue"],
            [s.revenue for s in stats],
            lambda v: format_rupiah_compact(v, lang=lang),
        ),
    ]
    # every column: its longest value and a gap, then an equal share of the rest for the bars
    texts_w = [
        max(text_width(fmt(v), size) for v in values) + 6 + 16 for _t, values, fmt in columns
    ]
    bar_room = max(0.0, (inner - name_w - k_w - sum(texts_w)) / 3)
    column_x = [pad + name_w]
    for text_w, (title, _values, _fmt) in zip(texts_w, columns, strict=True):
        column_x.append(
            column_x[-1] + max(text_w + bar_room, text_width(title, 12, bold=True) + 12)
        )
    top = pad
    for index, (title, _values, _fmt) in enumerate(columns):
        out.append(_text(column_x[index], top + 14, title, size=12, fill=MUTED, bold=True))
    out.append(_text(width - pad, top + 14, "K", size=12, fill=MUTED, bold=True, anchor="end"))
    out.append(
        f'<path d="M{_n(pad)} {_n(top + header - 8)}H{_n(width - pad)}" stroke="{GRID}" '
        'stroke-width="1" fill="none"/>'
    )
    top += header
    for r, s in enumerate(stats):
        y = top + r * row
        middle = y + row / 2
        colour = generation_colour(s.generation)
        label = fit_text(name_of(s, r == len(stats) - 1), name_w - 26, size, max_chars=28)
        out.append(f'<g data-generation="{s.generation}">')
        out.append(
            f'<rect x="{_n(pad)}" y="{_n(middle - 5)}" width="10" height="10" rx="2" '
            f'fill="{colour}"/>'
        )
        out.append(_text(pad + 16, middle + size * 0.36, label, size=size, bold=s.generation == 0))
        for index, (_title, column_values, fmt) in enumerate(columns):
            x = column_x[index]
            value = column_values[r]
            text = fmt(value)
            peak = max(column_values) or 1
            room = column_x[index + 1] - x - texts_w[index]
            length = max(0.0, room * value / peak)
            if value and length < 1.5:
                length = 1.5
            if length:
                out.append(
                    f'<rect x="{_n(x)}" y="{_n(middle - bar / 2)}" width="{_n(length)}" '
                    f'height="{_n(bar)}" rx="{_n(min(3.0, bar / 4))}" fill="{colour}" '
                    f'data-value="{value}"/>'
                )
            out.append(
                _text(
                    x + length + 6 if length else x,
                    middle + size * 0.36,
                    text,
                    size=size,
                    fill=TEXT if value else FAINT,
                )
            )
        k_text = _format_k(s.k, lang)
        out.append(
            _text(
                width - pad,
                middle + size * 0.36,
                k_text,
                size=size,
                fill=TEXT if s.k else FAINT,
                anchor="end",
            )
        )
        out.append("</g>")
        if r:
            out.append(
                f'<path d="M{_n(pad)} {_n(y)}H{_n(width - pad)}" stroke="#F3F3F3" '
                'stroke-width="1" fill="none"/>'
            )
    note_y = top + len(stats) * row + footer - 4
    out.append(
        _text(
            pad,
            min(height - pad, note_y),
            fit_text(words["k_note"], inner, note_size, max_chars=120),
            size=note_size,
            fill=MUTED,
        )
    )
    out.append(_SVG_CLOSE)
    return "".join(out)


# -- the tree -----------------------------------------------------------------------------------
#: abstract units: neighbouring siblings are 1 apart, generations LEVEL_DISTANCE apart
SIBLING_DISTANCE = 1.0
LEVEL_DISTANCE = 1.0
#: node radius, in the same units: the biggest earner, and the floor for clients without revenue
MAX_RADIUS = 0.22
MIN_RADIUS = 0.055
#: every node's radius when revenue is not shown
UNIFORM_RADIUS = 0.1


def node_radius(revenue: int, max_revenue: int) -> float:
    """The radius (abstract units, siblings 1 apart) of a node: area proportional to revenue,
    MAX_RADIUS for the biggest earner, never below MIN_RADIUS (so a client without paid orders
    still shows)."""
    if revenue <= 0 or max_revenue <= 0:
        return MIN_RADIUS
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(min(1.0, revenue / max_revenue)))


@dataclass(frozen=True)
class NodePlace:
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class TreeGeometry:
    """Where each node of a tree goes, in abstract units (siblings 1 apart, generations
    `LEVEL_DISTANCE` apart; the leftmost centre at x = 0, the root at y = 0)."""

    places: dict[int, NodePlace]
    width: float  # from the leftmost to the rightmost centre
    height: float  # from the root to the deepest centre
    max_revenue: int


def tree_geometry(tree: Tree) -> TreeGeometry:
    """The tidy layout of *tree* (Buchheim et al.) with each node's radius."""
    positions = tidy_layout(
        [tree.root_id],
        tree.children,
        sibling_distance=SIBLING_DISTANCE,
        subtree_distance=SIBLING_DISTANCE,
        level_distance=LEVEL_DISTANCE,
    )
    max_revenue = max((node.revenue for node in tree.nodes.values()), default=0)
    places = {
        node_id: NodePlace(x, y, node_radius(tree.nodes[node_id].revenue, max_revenue))
        for node_id, (x, y) in positions.items()
    }
    width = max((p.x for p in places.values()), default=0.0)
    height = max((p.y for p in places.values()), default=0.0)
    return TreeGeometry(places, width, height, max_revenue)


def _label_room(places: dict[int, NodePlace], *, unit: float, gap: float) -> dict[int, float]:
    """The width (px) each node's centred label may take without touching its neighbours'
    on the same level: the distance to the nearer neighbour, less *gap*."""
    levels: dict[float, list[tuple[float, int]]] = {}
    for node_id, place in places.items():
        levels.setdefault(place.y, []).append((place.x, node_id))
    room: dict[int, float] = {}
    for row in levels.values():
        row.sort()
        for i, (x, node_id) in enumerate(row):
            left = x - row[i - 1][0] if i else math.inf
            right = row[i + 1][0] - x if i + 1 < len(row) else math.inf
            room[node_id] = min(left, right) * unit - gap
    return room


def tree_svg(
    tree: Tree, *, lang: str = "en", width: int | None = None, show_revenue: bool = True
) -> str:
    """The referral tree, top down: one circle per client (area ∝ revenue paid, coloured by
    generation; hollow without paid orders, grey when deleted), the name and revenue under it,
    rounded orthogonal connectors from referrer to referrals. Drawn at 130 px per sibling;
    *width* scales the whole drawing to that many px wide.

    `show_revenue=False` (a report for the client, who need not see what others paid): circles
    all alike, names only, no note about circle areas."""
    words = _strings(lang)
    unit = 130.0
    name_size = 11.0
    money_size = 10.0
    geometry = tree_geometry(tree)
    places = geometry.places
    note = words["tree_note"] if show_revenue and geometry.max_revenue > 0 else ""
    biggest = MAX_RADIUS if show_revenue else UNIFORM_RADIUS
    pad = 16.0
    margin_x = unit / 2 + pad
    top = pad + (22.0 if note else 0.0) + biggest * unit
    label_room = MIN_RADIUS * unit + 4 + name_size + 3 + money_size + 4
    natural_w = geometry.width * unit + 2 * margin_x
    natural_h = top + geometry.height * unit + max(label_room, biggest * unit + 34) + pad
    if note:
        natural_w = max(natural_w, text_width(note, 11) + 2 * pad)
    shown_w = float(width) if width else natural_w
    shown_h = natural_h * shown_w / natural_w
    out = [_svg_open(shown_w, shown_h, natural_w, natural_h, "tree")]
    out.append(f'<rect width="{_n(natural_w)}" height="{_n(natural_h)}" fill="#FFFFFF"/>')
    if note:
        out.append(_text(pad, pad + 12, note, size=11, fill=MUTED, extra=' data-role="note"'))

    def px(place: NodePlace) -> tuple[float, float, float]:
        r = place.r if show_revenue else UNIFORM_RADIUS
        return margin_x + place.x * unit, top + place.y * unit, r * unit

    # connectors: down from below the referrer's label to a bus halfway to the referrals, along
    # it, down to each referral's circle; rounded elbows
    nodes = tree.nodes
    edges: list[str] = []
    bend = 8.0
    for node_id, node in nodes.items():
        if not node.children:
            continue
        x, y, r = px(places[node_id])
        money = show_revenue and node.revenue > 0
        start = y + r + 4 + name_size + (money_size + 3 if money else 0) + 4
        ends = [px(places[child_id]) for child_id in node.children]
        bus = (start + min(cy - cr - 2 for _cx, cy, cr in ends)) / 2
        left = min(x, ends[0][0])
        right = max(x, ends[-1][0])
        if right - left < 2 * bend:  # one referral, right below
            cx, cy, cr = ends[0]
            edges.append(f"M{_n(x)} {_n(start)}V{_n(bus)}H{_n(cx)}V{_n(cy - cr - 2)}")
            continue
        # the stem, then the bus with rounded ends down to the outer referrals
        lx, ly, lr = ends[0]
        rx, ry, rr = ends[-1]
        edges.append(
            f"M{_n(x)} {_n(start)}V{_n(bus)}"
            f"M{_n(lx)} {_n(ly - lr - 2)}V{_n(bus + bend)}Q{_n(lx)} {_n(bus)} {_n(lx + bend)} "
            f"{_n(bus)}H{_n(rx - bend)}Q{_n(rx)} {_n(bus)} {_n(rx)} {_n(bus + bend)}"
            f"V{_n(ry - rr - 2)}"
        )
        edges.extend(f"M{_n(cx)} {_n(bus)}V{_n(cy - cr - 2)}" for cx, cy, cr in ends[1:-1])
    if edges:
        out.append(f'<path d="{"".join(edges)}" stroke="{EDGE}" stroke-width="1.25" fill="none"/>')
    circles: list[str] = []
    texts: list[str] = []
    room = _label_room(places, unit=unit, gap=8.0)
    for node_id, node in nodes.items():
        x, y, r = px(places[node_id])
        colour = generation_colour(node.generation)
        if node.deleted:
            circles.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{DELETED_FILL}" '
                f'stroke="{FAINT}" stroke-width="1" stroke-dasharray="3 2" '
                f'data-client="{node_id}"/>'
            )
        elif node.revenue > 0 or not show_revenue:
            circles.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{colour}" '
                f'stroke="{_mix(colour, "#000000", 0.2)}" stroke-width="1" '
                f'data-client="{node_id}"/>'
            )
        else:
            circles.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="#FFFFFF" '
                f'stroke="{colour}" stroke-width="2" data-client="{node_id}"/>'
            )
        bold = node_id == tree.root_id
        space = min(room[node_id], 2 * (x - 4), 2 * (natural_w - x - 4), 2 * unit)
        name = fit_text(node.name, space, name_size, bold=bold, max_chars=24)
        name_y = y + r + 4 + name_size - 1
        texts.append(
            _text(
                x,
                name_y,
                name,
                size=name_size,
                anchor="middle",
                bold=bold,
                fill=FAINT if node.deleted else TEXT,
            )
        )
        if show_revenue and node.revenue:
            texts.append(
                _text(
                    x,
                    name_y + money_size + 3,
                    format_rupiah_compact(node.revenue, lang=lang),
                    size=money_size,
                    fill=MUTED,
                    anchor="middle",
                )
            )
    out += circles
    out += texts
    out.append(_SVG_CLOSE)
    return "".join(out)
