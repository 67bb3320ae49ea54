"""The spread chart: one client spreading into new orders — cumulative revenue (or orders) over
time, stacked by generation, with the referral moments on the time axis.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Literal

from agencydesk.core.referrals import ReferralMoment, SpreadSeries, SpreadSteps
from agencydesk.reports.charts.labels import (
    format_count,
    format_rupiah_compact,
    generation_label,
    given_name,
    month_abbreviations,
    short_name,
    strings,
)
from agencydesk.reports.charts.svg import (
    AXIS,
    GRID,
    MUTED,
    SVG_CLOSE,
    draw_legend,
    fit_text,
    mix,
    nice_step,
    num,
    svg_open,
    text_element,
    text_width,
)
from agencydesk.reports.palette import generation_colour

#: the most bands the spread chart stacks: generations 0 to MAX_BANDS - 2 each their own, the
#: rest one band, "Generation 11 and later" (real cascades are 5 to 10 generations deep)
MAX_BANDS = 12


def _band_totals(
    days: Sequence[date], steps: Sequence[SpreadSteps], bands: int
) -> list[tuple[int, ...]]:
    """Per day of *days* (which hold every step's day), the total so far of each of *bands*
    bands, from each generation's *steps*: generations from `bands - 1` on share the last band.
    One pass over the steps, then one over the days: (days × bands) + steps, never days ×
    generations."""
    changes: list[dict[date, int]] = [{} for _ in range(bands)]
    for generation, generation_steps in enumerate(steps):
        band = changes[min(generation, bands - 1)]
        before = 0
        for on, total in zip(*generation_steps, strict=True):
            band[on] = band.get(on, 0) + total - before
            before = total
    columns = [
        list(accumulate(band.get(on, 0) for on in days)) if band else [0] * len(days)
        for band in changes
    ]
    return list(zip(*columns, strict=True))


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
    (px per rupiah or order). Past `MAX_BANDS` generations the deepest share the last band,
    "Generation 11 and later"."""
    words = strings(lang)
    pad = 14.0
    out = [svg_open(width, height, width, height, "spread")]
    out.append(f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>')
    top = pad
    if title:
        out.append(
            text_element(
                pad,
                top + 14,
                fit_text(title, width - 2 * pad, 15, bold=True, max_chars=80),
                size=15,
                bold=True,
            )
        )
        top += 26

    # a band per generation, the deepest together in one: a chain thousands deep would draw
    # thousands of bands, each along every day (days × generations), and as many legend entries
    generations = min(max(1, series.generations), MAX_BANDS)
    merged = series.generations > MAX_BANDS
    entries = [
        (generation_label(g, root_name=root_name, lang=lang), generation_colour(g))
        for g in range(generations)
    ]
    if merged:
        last = generations - 1
        entries[-1] = (words["generation_n_on"].format(n=last), generation_colour(last))
    values = _band_totals(
        series.days, series.revenue if metric == "revenue" else series.orders, generations
    )
    totals = [sum(v) for v in values]
    grand_total = totals[-1] if totals else 0

    if not series.days or grand_total <= 0:
        message = (
            words["no_orders"]
            if not series.days
            else (words["no_payments"] if metric == "revenue" else words["no_orders"])
        )
        return empty_chart(out, message, width=width, height=height, top=top, pad=pad)

    legend, legend_height = draw_legend(entries, x=pad, y=top, max_width=width - 2 * pad)
    out += legend
    top += legend_height + 10

    # -- y axis: round steps, compact rupiah labels ---------------------------------------------
    tick_size = 11.0
    bottom_space = 8 + 6 + tick_size + 8  # moment markers, gap, month labels, padding
    plot_top = top + 4
    plot_bottom = height - pad - bottom_space + 8
    plot_height = max(40.0, plot_bottom - plot_top)
    integer = metric == "orders"
    step = nice_step(grand_total * 1.04 / max(2, min(6, int(plot_height // 48))), integer=integer)
    y_max = math.ceil(grand_total * 1.04 / step) * step
    ticks = [i * step for i in range(round(y_max / step) + 1)]

    def y_label(value: float) -> str:
        if integer:
            return format_count(value, lang)
        return format_rupiah_compact(value, lang=lang, digits=2)

    labels = [y_label(t) for t in ticks]
    plot_left = pad + max(text_width(label, tick_size) for label in labels) + 10
    plot_right = width - pad - 6
    plot_width = max(40.0, plot_right - plot_left)
    scale = plot_height / y_max

    def y_of(value: float) -> float:
        return plot_bottom - value * scale

    # -- x axis: whole months -------------------------------------------------------------------
    first_day = series.days[0]
    last_day = series.days[-1]
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
                f'<path d="M{num(plot_left)} {num(y)}H{num(plot_right)}" stroke="{GRID}" '
                'stroke-width="1" fill="none"/>'
            )
        out.append(
            text_element(
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
    month_names = month_abbreviations(lang)
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
            f'<path d="M{num(x)} {num(plot_top)}V{num(plot_bottom)}" stroke="{GRID}" '
            'stroke-width="1" fill="none"/>'
        )
        out.append(
            text_element(
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
    xs = list(map(x_of, series.days))
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
        last_band=generations - 1,
    )
    out += guides
    lower = [(plot_left, y_of(0)), (end_x, y_of(0))]
    edges = []
    for g in range(generations):
        upper = step_line(cumulative[g])
        colour = generation_colour(g)
        ring = upper + list(reversed(lower))
        d = "M" + "L".join(f"{num(x)} {num(y)}" for x, y in ring) + "Z"
        out.append(
            f'<path d="{d}" fill="{mix(colour, "#FFFFFF", 0.35)}" stroke="none" '
            f'data-generation="{g}" data-top="{cumulative[g][-1]:.0f}"/>'
        )
        if any(c > (cumulative[g - 1][i] if g else 0) for i, c in enumerate(cumulative[g])):
            edge = upper[1:] if len(upper) > 2 else upper  # not along the axis
            edges.append(
                f'<path d="M{"L".join(f"{num(x)} {num(y)}" for x, y in edge)}" '
                f'stroke="{colour}" stroke-width="1.5" fill="none" stroke-linejoin="round" '
                f'data-edge="{g}"/>'
            )
        lower = upper
    # top edges from the newest generation down: where a band is still empty, its edge lies
    # on the one below, whose colour must win
    out += reversed(edges)
    out.append(
        f'<path d="M{num(plot_left)} {num(plot_bottom)}H{num(plot_right)}" stroke="{AXIS}" '
        'stroke-width="1" fill="none"/>'
    )
    out += markers
    out += moment_labels
    out.append("</g>")
    out.append(SVG_CLOSE)
    return "".join(out)


def empty_chart(
    out: list[str], message: str, *, width: float, height: float, top: float, pad: float
) -> str:
    """A plain frame with *message* in its middle: nothing to plot yet."""
    left, right, bottom = pad + 40, width - pad, height - pad - 24
    for i in range(5):
        y = top + 10 + (bottom - top - 10) * i / 4
        colour = AXIS if i == 4 else GRID
        out.append(
            f'<path d="M{num(left)} {num(y)}H{num(right)}" stroke="{colour}" stroke-width="1" '
            'fill="none"/>'
        )
    middle = (top + bottom) / 2
    out.append(
        f'<rect x="{num((left + right) / 2 - text_width(message, 15) / 2 - 14)}" '
        f'y="{num(middle - 17)}" width="{num(text_width(message, 15) + 28)}" height="30" rx="6" '
        'fill="#FFFFFF"/>'
    )
    out.append(
        text_element(
            (left + right) / 2,
            middle + 3,
            message,
            size=15,
            fill=MUTED,
            anchor="middle",
            extra=' data-role="empty"',
        )
    )
    out.append(SVG_CLOSE)
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
    last_band: int,
) -> tuple[list[str], list[str], list[str]]:
    """Markers on the time axis for every referral moment (one path per generation, or more past
    `MARKERS_PER_PATH`; those from *last_band* on in the colour of theirs), and the names of
    those whose name fits above the data without touching another: (guides, labels, markers).
    Names are tried whole, then "Ibu Sari", then "Sari": the form that names the most moments,
    with the fewest cut short, wins (the longer on a tie)."""
    size = 10.5
    marks: dict[int, list[str]] = {}
    at = [(moment, x_of(moment.on)) for moment in series.moments]
    for moment, x in at:
        marks.setdefault(min(moment.generation, last_band), []).append(
            f"M{num(x)} {num(plot_bottom + 1)}l-4 7h8Z"
        )

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
        f'<path d="M{num(label.x)} {num(plot_bottom)}V{num(label.box_top + 3)}" '
        f'stroke="{generation_colour(min(label.moment.generation, last_band))}" stroke-width="1" '
        'stroke-dasharray="2 2" fill="none"/>'
        for label in best
    ]
    labels = [
        # a white card under the name: gridlines stop short of it
        f'<rect x="{num(label.text_x - (2 if label.anchor == "start" else label.width + 2))}" '
        f'y="{num(label.box_top + 1)}" width="{num(label.width + 4)}" height="13" '
        f'fill="#FFFFFF" fill-opacity="0.9" data-card="{label.moment.client_id}"/>'
        + text_element(
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
        f'<path d="{"".join(chunk)}" fill="{generation_colour(g)}" stroke="#FFFFFF" '
        f'stroke-width="0.75" data-role="moments" data-generation="{g}"/>'
        for g, parts in sorted(marks.items())
        for chunk in _chunks(parts, MARKERS_PER_PATH)
    ]
    return guides, labels, markers


#: QtSvg truncates a path of more than 32,767 elements (each move, line and closing line is
#: one), with "Invalid path data; path truncated": a marker is four, so at most 8,191 a path.
#: Up to that, one path a generation, as ever: the same picture (two markers on one spot are
#: still drawn twice, whose white outline then shows a little more).
MARKERS_PER_PATH = 8_000


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


# -- generation bars ----------------------------------------------------------------------------
