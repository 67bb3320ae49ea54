"""The generation bars: per generation its clients, orders, revenue and K."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from agencydesk.core.referrals import Cascade, GenerationStats
from agencydesk.reports.charts.labels import (
    format_count,
    format_k,
    format_rupiah_compact,
    generation_label,
    strings,
)
from agencydesk.reports.charts.spread import empty_chart
from agencydesk.reports.charts.svg import (
    FAINT,
    GRID,
    MUTED,
    SVG_CLOSE,
    TEXT,
    fit_text,
    num,
    svg_open,
    text_element,
    text_width,
)
from agencydesk.reports.palette import generation_colour


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


#: the generation names' least width (a colour key and "Rujuka…"), however narrow the chart
NAME_LEAST = 70.0


def generation_bars_svg(
    cascade: Cascade, *, lang: str = "en", width: int = 720, height: int = 300
) -> str:
    """Per generation, one row: its name, then its clients, orders and revenue as bars (each
    column on its own scale, the value written at the bar's end) and its K ("K = 1.5").

    Rows that would be thinner than a line of text are merged into a last "Generation n and
    later" row. Narrower than its figures need (a root's Generations tab in a small window),
    it is drawn that much wider and scaled down whole, text included: the revenue ran into the
    K ("Rp 24,7 jtK = 0,7")."""
    svg, lacking = _generation_bars(cascade, lang, width, height, width, height)
    if lacking <= 0:
        return svg
    scale = (width + lacking) / width
    return _generation_bars(cascade, lang, width, height, width * scale, height * scale)[0]


def _generation_bars(
    cascade: Cascade, lang: str, width: int, height: int, view_w: float, view_h: float
) -> tuple[str, float]:
    """The chart *width* × *height* drawn in a *view_w* × *view_h* box, and the width that box
    lacked for its figures (≤ 0: none)."""
    words = strings(lang)
    pad = 14.0
    out = [svg_open(width, height, view_w, view_h, "generations")]
    out.append(f'<rect width="{num(view_w)}" height="{num(view_h)}" fill="#FFFFFF"/>')
    stats = list(cascade.generations)
    if not stats:
        return (
            empty_chart(out, words["no_orders"], width=view_w, height=view_h, top=pad, pad=pad),
            0.0,
        )
    header = 30.0
    note_size = 10.5
    footer = note_size + 14
    available = view_h - 2 * pad - header - footer
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

    inner = view_w - 2 * pad
    k_w = text_width("K = 00.0", size) + 16
    columns: list[tuple[str, list[int], Callable[[float], str]]] = [
        (words["clients"], [s.clients for s in stats], lambda v: format_count(v, lang)),
        (words["orders"], [s.orders for s in stats], lambda v: format_count(v, lang)),
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
    titles_w = [text_width(title, 12, bold=True) + 12 for title, _values, _fmt in columns]
    # where the figures and their titles do not fit beside the names (a narrow window), the
    # names give up room first, down to NAME_LEAST (then the caller draws it wider)
    figures_w = sum(map(max, texts_w, titles_w))
    name_w = max(NAME_LEAST, min(190.0, inner * 0.26, inner - k_w - figures_w))
    bar_room = max(0.0, (inner - name_w - k_w - sum(texts_w)) / 3)
    column_x = [pad + name_w]
    for text_w, title_w in zip(texts_w, titles_w, strict=True):
        column_x.append(column_x[-1] + max(text_w + bar_room, title_w))
    top = pad
    for index, (title, _values, _fmt) in enumerate(columns):
        out.append(text_element(column_x[index], top + 14, title, size=12, fill=MUTED, bold=True))
    out.append(
        text_element(view_w - pad, top + 14, "K", size=12, fill=MUTED, bold=True, anchor="end")
    )
    out.append(
        f'<path d="M{num(pad)} {num(top + header - 8)}H{num(view_w - pad)}" stroke="{GRID}" '
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
            f'<rect x="{num(pad)}" y="{num(middle - 5)}" width="10" height="10" rx="2" '
            f'fill="{colour}"/>'
        )
        out.append(
            text_element(pad + 16, middle + size * 0.36, label, size=size, bold=s.generation == 0)
        )
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
                    f'<rect x="{num(x)}" y="{num(middle - bar / 2)}" width="{num(length)}" '
                    f'height="{num(bar)}" rx="{num(min(3.0, bar / 4))}" fill="{colour}" '
                    f'data-value="{value}"/>'
                )
            out.append(
                text_element(
                    x + length + 6 if length else x,
                    middle + size * 0.36,
                    text,
                    size=size,
                    fill=TEXT if value else FAINT,
                )
            )
        k_text = format_k(s.k, lang)
        out.append(
            text_element(
                view_w - pad,
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
                f'<path d="M{num(pad)} {num(y)}H{num(view_w - pad)}" stroke="#F3F3F3" '
                'stroke-width="1" fill="none"/>'
            )
    note_y = top + len(stats) * row + footer - 4
    out.append(
        text_element(
            pad,
            min(view_h - pad, note_y),
            fit_text(words["k_note"], inner, note_size, max_chars=120),
            size=note_size,
            fill=MUTED,
        )
    )
    out.append(SVG_CLOSE)
    return "".join(out), NAME_LEAST + k_w + figures_w - inner


# -- the tree -----------------------------------------------------------------------------------
#: abstract units: neighbouring siblings are 1 apart, generations LEVEL_DISTANCE apart
