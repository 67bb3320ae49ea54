"""The client report's layout: HTML for Qt's rich-text engine (QTextDocument's subset) and its CSS.

This is the one place that decides how the report looks. `render_report_html` turns a
`ReportContent` into HTML plus the pictures (charts, logo) to place in it; `pdf.py` lays that out
on pages and draws the running header and footer. No Qt here.

Every string that comes from the database (the client's name, ticket titles, messages, the
agency's own profile) goes through `html.escape`, so `<b>` in a ticket title is printed as the
four characters it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from agencydesk.core import referrals
from agencydesk.reports import charts
from agencydesk.reports.content import ReportContent, TicketLine
from agencydesk.reports.text import (
    duration,
    join_names,
    label,
    long_date,
    money,
    month_name,
    period,
    short_date,
    t,
)

# -- the look -----------------------------------------------------------------------------------
ACCENT = "#1d4e89"
INK = "#1f2933"
MUTED = "#616e7c"
RULE = "#d5dbe3"
HEADER_FILL = "#e9eef5"
STRIPE_FILL = "#f6f8fb"
CARD_FILL = "#f1f5fa"
THANKS_FILL = "#fff6e0"

#: the body text size; headings and tables are sized from it
BASE_PT = 9.5
#: fonts that cover Indonesian (and most of Latin, Greek, Cyrillic), in order of preference;
#: emoji come from the system's colour emoji font through Qt's font fallback
FONT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial")

STYLE = f"""
body {{ color: {INK}; font-size: {BASE_PT}pt; }}
p {{ margin-top: 0; margin-bottom: 5px; }}
h1 {{ font-size: 21pt; font-weight: bold; color: {ACCENT}; margin-top: 20px; margin-bottom: 3px; }}
h2 {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-top: 27px; margin-bottom: 9px; }}
h3 {{ font-size: 10.5pt; font-weight: bold; color: {INK}; margin-top: 16px; margin-bottom: 7px; }}
th {{ font-weight: bold; color: {INK}; background-color: {HEADER_FILL}; }}
.agency-name {{ font-size: 14pt; font-weight: bold; color: {ACCENT}; margin-bottom: 3px; }}
.agency-contact {{ font-size: 8.5pt; color: {MUTED}; margin-bottom: 0; }}
.client {{ font-size: 12pt; color: {INK}; margin-bottom: 1px; }}
.period {{ font-size: 10pt; color: {MUTED}; margin-bottom: 0; }}
.label {{ color: {MUTED}; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8.5pt; }}
.figure {{ font-size: 17pt; font-weight: bold; color: {ACCENT}; margin-bottom: 1px; }}
.figure-long {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-bottom: 1px; }}
.figure-label {{ font-size: 8.5pt; color: {MUTED}; margin-bottom: 0; }}
.excerpt {{ font-size: 8.5pt; color: {MUTED}; margin-left: 12px; margin-bottom: 2px; }}
.who {{ font-weight: bold; color: {INK}; }}
.thanks {{ font-size: 11pt; color: {INK}; margin-bottom: 0; }}
.caption {{ font-size: 8.5pt; color: {MUTED}; margin-top: 3px; margin-bottom: 13px; }}
.closing {{ color: {INK}; margin-top: 29px; }}
.total {{ font-weight: bold; }}
"""

#: page margins in millimetres: room above for the running header, below for the footer
MARGINS_MM = {"left": 20.0, "right": 20.0, "top": 24.0, "bottom": 22.0}
#: the paper sizes offered, in points (1/72 inch)
PAPER_PT = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def body_width_pt(paper: str) -> float:
    width, _height = PAPER_PT[paper]
    return width - (MARGINS_MM["left"] + MARGINS_MM["right"]) * 72 / 25.4


def body_height_pt(paper: str) -> float:
    _width, height = PAPER_PT[paper]
    return height - (MARGINS_MM["top"] + MARGINS_MM["bottom"]) * 72 / 25.4


@dataclass(frozen=True)
class Picture:
    """A picture `pdf.py` draws where the HTML has `<img src="{source}">`: SVG (as vector
    graphics) or PNG/JPEG. Its size is in points; 0 × 0 for a raster logo: sized from its
    pixels."""

    source: str
    data: bytes
    mime: str
    width_pt: float
    height_pt: float


@dataclass(frozen=True)
class ReportHtml:
    html: str
    pictures: tuple[Picture, ...]
    #: the running header on every page but the first, and the footer's parts
    header_left: str
    header_right: str
    footer_left: str
    #: "Page {page} of {pages}" in the report's language
    page_label: str
    #: for each <table>, in order: whether it continues the table before it
    continued_tables: tuple[bool, ...] = ()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    """Escaped, with the text's own line breaks kept."""
    return "<br/>".join(_e(line) for line in text.splitlines())


# -- building blocks ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    title: str
    width: str  # "40%", or "" for the rest
    align: str = "left"


@dataclass(frozen=True)
class Continued:
    """A full-width row that belongs to the row above it: same stripe, and `pdf.py` never puts
    a page break between the two."""

    html: str


#: rows per <table>: Qt parses one long table much more slowly than several short ones; the
#: tables after the first are marked `data-continued` and read as one (see `pdf.py`)
TABLE_CHUNK_ROWS = 40
TABLE_OPEN = '<table width="100%" cellspacing="0" cellpadding="4" border="0"'
CONTINUED_ATTRIBUTE = "data-continued"


def _table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[str] | Continued],
    *,
    total: str = "",
    head: bool = True,
) -> str:
    """A data table: header row repeated on every page, light stripes, amounts aligned right.
    *rows* hold cells that are already HTML; *total* is an already-built last row."""
    cells = "".join(
        f'<th align="{c.align}"{f" width={c.width!r}" if c.width else ""}>{_e(c.title)}</th>'
        for c in columns
    )
    tables: list[list[str]] = [[f"<thead><tr>{cells}</tr></thead>"] if head else []]
    index = -1
    for row in rows:
        if isinstance(row, Continued):
            fill = f' bgcolor="{STRIPE_FILL}"' if index % 2 else ""
            tables[-1].append(
                f'<tr{fill}><td colspan="{len(columns)}" valign="top">{row.html}</td></tr>'
            )
            continue
        index += 1
        if index and index % TABLE_CHUNK_ROWS == 0:
            tables.append([])
        first = len(tables[-1]) == 0  # the first row of a table without header: widths here
        fill = f' bgcolor="{STRIPE_FILL}"' if index % 2 else ""
        line = "".join(
            f'<td{f" align={c.align!r}" if c.align != "left" else ""} valign="top"'
            f"{f' width={c.width!r}' if c.width and first else ''}>{cell}</td>"
            for c, cell in zip(columns, row, strict=True)
        )
        tables[-1].append(f"<tr{fill}>{line}</tr>")
    tables[-1].append(total)
    continued = f'{TABLE_OPEN} {CONTINUED_ATTRIBUTE}="1">'
    return "".join(
        f"{continued if number else TABLE_OPEN + '>'}{''.join(body)}</table>"
        for number, body in enumerate(tables)
    )


def _figures(items: Sequence[tuple[str, str]]) -> str:
    """A row of big figures with a label under each ("3 / requests received")."""
    width = f"{100 // max(1, len(items))}%"
    cells = "".join(
        f'<td width="{width}" bgcolor="{CARD_FILL}" valign="top">'
        f'<p class="{"figure" if len(value) <= 8 else "figure-long"}">{_e(value)}</p>'
        f'<p class="figure-label">{_e(label)}</p></td>'
        for value, label in items
    )
    return (
        f'<table width="100%" cellspacing="6" cellpadding="8" border="0"><tr>{cells}</tr></table>'
    )


#: the facts' columns: label, value (left: short values), label, value (right: email, website)
FACT_WIDTHS = ("16%", "29%", "16%", "39%")


def _facts(left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> str:
    """Label / value pairs in two columns; the right one is for the long values (email,
    website)."""
    body = []
    for index in range(max(len(left), len(right))):
        cells = []
        for side, (label_width, value_width) in ((left, FACT_WIDTHS[:2]), (right, FACT_WIDTHS[2:])):
            label, value = side[index] if index < len(side) else ("", "")
            cells.append(
                f'<td width="{label_width}" valign="top">'
                f'<span class="label">{_e(label) or "&nbsp;"}</span></td>'
                f'<td width="{value_width}" valign="top">{_e(value) or "&nbsp;"}</td>'
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table width="100%" cellspacing="0" cellpadding="3" border="0">{"".join(body)}</table>'


#: the `src` of the report's pictures: "agencydesk-picture:0", …
PICTURE_SCHEME = "agencydesk-picture"


class _Pictures:
    """Collects the pictures of one report and writes the `<img>` tags that place them."""

    def __init__(self) -> None:
        self.items: list[Picture] = []

    def add(self, data: bytes, mime: str, width_pt: float, height_pt: float) -> str:
        source = f"{PICTURE_SCHEME}:{len(self.items)}"
        self.items.append(Picture(source, data, mime, width_pt, height_pt))
        # the size here only spares Qt from looking for the picture; pdf.py sizes it
        width, height = max(1, round(width_pt)), max(1, round(height_pt))
        return f'<img src="{source}" width="{width}" height="{height}"/>'


_SVG_SIZE = re.compile(
    rb'<svg[^>]*?\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"'
)
_SVG_WH = re.compile(rb'<svg[^>]*?\bwidth="([\d.]+)(?:px|pt)?"[^>]*?\bheight="([\d.]+)(?:px|pt)?"')


def svg_size(svg: bytes) -> tuple[float, float] | None:
    """The width and height an SVG asks for (its viewBox, else width/height)."""
    match = _SVG_SIZE.search(svg) or _SVG_WH.search(svg)
    if match is None:
        return None
    width, height = float(match.group(1)), float(match.group(2))
    return (width, height) if width > 0 and height > 0 else None


def _fit(size: tuple[float, float], max_width: float, max_height: float) -> tuple[float, float]:
    width, height = size
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


# -- sections -----------------------------------------------------------------------------------
def _letterhead(content: ReportContent, pictures: _Pictures) -> str:
    agency = content.agency
    if agency.is_empty:
        return ""
    logo_cell = ""
    if agency.logo is not None and agency.logo_type is not None:
        size = svg_size(agency.logo) if agency.logo_type == "image/svg+xml" else None
        width, height = _fit(size or (160.0, 64.0), 150.0, 56.0)
        if size is None and agency.logo_type != "image/svg+xml":
            width = height = 0.0  # raster: pdf.py sizes it from its pixels within 150 x 56 pt
        marker = pictures.add(agency.logo, agency.logo_type, width, height)
        logo_cell = f'<td valign="middle" width="1%"><p>{marker}</p></td>'
    text = []
    if agency.name:
        text.append(f'<p class="agency-name">{_e(agency.name)}</p>')
    contact = agency.contact_lines()
    if contact:
        text.append(f'<p class="agency-contact">{"<br/>".join(_lines(x) for x in contact)}</p>')
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>{logo_cell}'
        f'<td valign="middle" align="right">{"".join(text)}</td></tr></table>'
    )


def _title(content: ReportContent) -> str:
    lang = content.language
    client = content.client
    who = client.name if not client.company else f"{client.name} — {client.company}"
    opts = content.options
    return (
        f"<h1>{_e(t(lang, 'title'))}</h1>"
        f'<p class="client">{_e(t(lang, "for", name=who))}</p>'
        f'<p class="period">{_e(period(opts.start, opts.end, lang))}</p>'
    )


def _profile(content: ReportContent) -> str:
    lang = content.language
    client = content.client
    since = long_date(client.client_since, lang) if client.client_since else ""
    left = [
        (t(lang, "company"), client.company),
        (t(lang, "city"), client.city),
        (t(lang, "phone"), client.phone),
        (t(lang, "client_since"), since),
    ]
    right = [
        (t(lang, "email"), client.email),
        (t(lang, "website"), _bare_url(client.website)),
        (t(lang, "prefers"), label(lang, "channel", client.preferred_channel)),
    ]
    shown_left = [(label, value) for label, value in left if value]
    shown_right = [(label, value) for label, value in right if value]
    return f"<h2>{_e(t(lang, 'profile'))}</h2>{_facts(shown_left, shown_right)}"


def _bare_url(url: str) -> str:
    """ "https://katering-ratna.id/" → "katering-ratna.id" (as people say it)."""
    return re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE).rstrip("/")


def _summary(content: ReportContent) -> str:
    lang = content.language
    summary = content.summary
    wait = summary.median_first_response
    parts = [
        f"<h2>{_e(t(lang, 'summary'))}</h2>",
        _figures(
            [
                (str(summary.tickets_opened), t(lang, "tickets_opened")),
                (str(summary.tickets_resolved), t(lang, "tickets_resolved")),
                (
                    duration(wait, lang) if wait is not None else t(lang, "no_first_response"),
                    t(lang, "median_first_response"),
                ),
                (str(summary.guides_sent), t(lang, "guides_sent")),
            ]
        ),
    ]
    still_open = summary.tickets_open_at_end
    parts.append(
        f'<p class="muted">'
        f"{_e(t(lang, 'still_open', count=still_open) if still_open else t(lang, 'nothing_open'))}"
        "</p>"
    )
    parts.append(f"<h3>{_e(t(lang, 'time_spent'))}</h3>")
    if summary.billable_by_month:
        columns = [Column(t(lang, "month"), "55%"), Column(t(lang, "billable_time"), "", "right")]
        rows = [
            (_e(month_name(m.month, lang)), _e(duration(m.billable_seconds, lang, days=False)))
            for m in summary.billable_by_month
        ]
        total = (
            f'<tr><td class="total">{_e(t(lang, "total"))}</td>'
            f'<td align="right" class="total">'
            f"{_e(duration(summary.billable_seconds, lang, days=False))}"
            "</td></tr>"
        )
        parts.append(_table(columns, rows, total=total if len(rows) > 1 else ""))
    else:
        parts.append(f'<p class="muted">{_e(t(lang, "no_time"))}</p>')
    return "".join(parts)


def _excerpt(ticket: TicketLine, content: ReportContent) -> str:
    """The start of the conversation, one paragraph a message: "Who · 3 Oct 09:15 — text"."""
    lang = content.language
    we = content.agency.name or t(lang, "we")
    lines = []
    for line in ticket.excerpts:
        who = we if line.from_me else content.client.name
        when = f"{short_date(line.sent_at.date(), lang)} {line.sent_at:%H:%M}"
        body = _e(line.body) if line.body else "📎"
        lines.append(
            f'<p class="excerpt"><span class="who">{_e(who)}</span> · {_e(when)} — {body}</p>'
        )
    if ticket.more_messages:
        more = (
            t(lang, "more_message")
            if ticket.more_messages == 1
            else t(lang, "more_messages", count=ticket.more_messages)
        )
        lines.append(f'<p class="excerpt">{_e(more)}</p>')
    return "".join(lines)


def _tickets(content: ReportContent) -> str:
    lang = content.language
    parts = [f"<h2>{_e(t(lang, 'tickets'))}</h2>"]
    if not content.tickets:
        parts.append(f'<p class="muted">{_e(t(lang, "no_tickets"))}</p>')
        return "".join(parts)
    columns = [
        Column(t(lang, "ticket"), "46%"),
        Column(t(lang, "opened"), "14%"),
        Column(t(lang, "resolved"), "14%"),
        Column(t(lang, "status"), ""),
    ]
    rows: list[Sequence[str] | Continued] = []
    for ticket in content.tickets:
        rows.append(
            (
                _e(ticket.title),
                _e(short_date(ticket.opened, lang)),
                _e(short_date(ticket.resolved, lang)) if ticket.resolved else "",
                _e(label(lang, "ticket", ticket.status)),
            )
        )
        if ticket.excerpts or ticket.more_messages:
            rows.append(Continued(_excerpt(ticket, content)))
    parts.append(_table(columns, rows))
    return "".join(parts)


def _guides(content: ReportContent) -> str:
    if not content.guides:
        return ""
    lang = content.language
    columns = [Column(t(lang, "sent_on"), "18%"), Column(t(lang, "guide"), "")]
    rows = [(_e(short_date(g.sent_on, lang)), _e(g.title)) for g in content.guides]
    return f"<h2>{_e(t(lang, 'guides'))}</h2>{_table(columns, rows)}"


def _orders(content: ReportContent) -> str:
    lang = content.language
    parts = [f"<h2>{_e(t(lang, 'orders'))}</h2>"]
    if not content.orders:
        parts.append(f'<p class="muted">{_e(t(lang, "no_orders"))}</p>')
        return "".join(parts)
    columns = [
        Column(t(lang, "order"), "43%"),
        Column(t(lang, "status"), "19%"),
        Column(t(lang, "date"), "15%"),
        Column(t(lang, "amount"), "", "right"),
    ]
    rows = [
        (
            _e(order.title),
            _e(label(lang, "order", order.status)),
            _e(short_date(order.on, lang)) if order.on else "",
            _e(money(order.amount, order.currency, lang)).replace(" ", "&nbsp;"),
        )
        for order in content.orders
    ]
    parts.append(_table(columns, rows))
    totals = []
    for sums in content.totals:
        # "paid: Rp 0" only when there is nothing else to say
        if sums.paid or not (sums.to_pay or sums.quoted):
            totals.append((t(lang, "paid_in_period"), money(sums.paid, sums.currency, lang)))
        if sums.to_pay:
            totals.append((t(lang, "still_to_pay"), money(sums.to_pay, sums.currency, lang)))
        if sums.quoted:
            totals.append((t(lang, "open_quotes"), money(sums.quoted, sums.currency, lang)))
    if totals:
        body = "".join(
            f'<tr><td align="right" class="total">{_e(label)}</td>'
            f'<td align="right" width="22%" class="total">{_e(value)}</td></tr>'
            for label, value in totals
        )
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="4" border="0">{body}</table>'
        )
    return "".join(parts)


#: the spread chart is drawn at this many px wide and scaled to the text width (its labels then
#: come out a little smaller than the body text)
SPREAD_CHART_PX = (700, 330)
#: the tree drawing is scaled down to the text width, but no further than this (labels of
#: 11 px → 5 pt); a wider cascade is listed by generation instead
TREE_MIN_SCALE = 0.45
TREE_MAX_SCALE = 0.8


def _private_tree(tree: referrals.Tree) -> referrals.Tree:
    """The tree as the client may see it: names, no one's revenue (circles all alike)."""
    nodes = {node_id: node._replace(revenue=0, orders=0) for node_id, node in tree.nodes.items()}
    return referrals.Tree(tree.root_id, nodes)


def _tree_svg(tree: referrals.Tree, lang: str) -> bytes:
    svg = charts.tree_svg(_private_tree(tree), lang=lang, show_revenue=False)
    return svg.encode("utf-8")


def _generation_list(content: ReportContent, tree: referrals.Tree) -> str:
    """Everyone who came through the client, by generation (for cascades too wide to draw)."""
    lang = content.language
    by_generation: dict[int, list[str]] = {}
    for node in tree.nodes.values():
        if node.id != tree.root_id:
            by_generation.setdefault(node.generation, []).append(node.name)
    columns = [Column("", "24%"), Column("", "")]
    rows = [
        (
            f'<span class="label">{_e(charts.generation_label(g, lang=lang))}</span>'
            f'<br/><span class="figure-label">{len(names)}</span>',
            _e(", ".join(names)),
        )
        for g, names in sorted(by_generation.items())
    ]
    return _table(columns, rows, head=False)


def _referrals(content: ReportContent, pictures: _Pictures, width_pt: float) -> str:
    section = content.referrals
    if section is None:
        return ""
    lang = content.language
    names = join_names(list(section.direct_names), lang)
    thanks = (
        t(lang, "thanks_one", names=names)
        if section.referred == 1
        else t(lang, "thanks", names=names, count=section.referred)
    )
    parts = [
        f"<h2>{_e(t(lang, 'referrals'))}</h2>",
        f'<table width="100%" cellspacing="0" cellpadding="10" border="0"><tr>'
        f'<td bgcolor="{THANKS_FILL}"><p class="thanks">{_e(thanks)}</p></td></tr></table>',
        _figures(
            [
                (str(len(section.direct_names)), t(lang, "referrals_direct")),
                (str(section.referred), t(lang, "referrals_total")),
                (str(section.generations), t(lang, "referrals_generations")),
            ]
        ),
    ]
    chart_w, chart_h = SPREAD_CHART_PX
    spread = charts.spread_chart_svg(
        section.spread,
        metric="orders",
        lang=lang,
        root_name=content.client.name,
        width=chart_w,
        height=chart_h,
    ).encode("utf-8")
    marker = pictures.add(spread, "image/svg+xml", width_pt, width_pt * chart_h / chart_w)
    parts.append(f'<p align="center">{marker}</p>')
    parts.append(f'<p class="caption" align="center">{_e(t(lang, "spread_caption"))}</p>')
    tree = _tree_svg(section.tree, lang)
    size = svg_size(tree) or (width_pt, width_pt * 0.6)
    max_height = body_height_pt("letter") * 0.6
    scale = min(width_pt / size[0], max_height / size[1], TREE_MAX_SCALE)
    if scale >= TREE_MIN_SCALE:
        marker = pictures.add(tree, "image/svg+xml", size[0] * scale, size[1] * scale)
        parts.append(f'<p align="center">{marker}</p>')
        parts.append(f'<p class="caption" align="center">{_e(t(lang, "tree_caption"))}</p>')
    else:
        parts.append(f"<h3>{_e(t(lang, 'tree_list'))}</h3>")
        parts.append(_generation_list(content, section.tree))
    return "".join(parts)


def _closing(content: ReportContent) -> str:
    lang = content.language
    agency = content.agency
    contact = " · ".join(value for value in (agency.phone, agency.email) if value)
    text = t(lang, "closing_contact", contact=contact) if contact else t(lang, "closing")
    return f'<p class="closing">{_e(text)}</p>'


def render_report_html(content: ReportContent, *, paper: str = "a4") -> ReportHtml:
    """The report as HTML for QTextDocument, with its pictures (client text never makes an
    `<img>`: it is escaped)."""
    lang = content.language
    pictures = _Pictures()
    width = body_width_pt(paper)
    body = "".join(
        (
            _letterhead(content, pictures),
            _title(content),
            _profile(content),
            _summary(content),
            _tickets(content),
            _guides(content),
            _orders(content),
            _referrals(content, pictures, width),
            _closing(content),
        )
    )
    opts = content.options
    html_text = f"<html><body>{body}</body></html>"
    return ReportHtml(
        html=html_text,
        pictures=tuple(pictures.items),
        header_left=content.agency.name,
        header_right=(
            f"{t(lang, 'running_title', name=content.client.name)} · "
            f"{period(opts.start, opts.end, lang)}"
        ),
        footer_left=t(lang, "generated", date=long_date(content.generated_at.date(), lang)),
        page_label=t(lang, "page", page="{page}", pages="{pages}"),
        continued_tables=tuple(
            CONTINUED_ATTRIBUTE in tag for tag in re.findall(r"<table\b[^>]*>", html_text)
        ),
    )


__all__ = [
    "FONT_FAMILIES",
    "PAPER_PT",
    "STYLE",
    "Picture",
    "ReportHtml",
    "body_height_pt",
    "body_width_pt",
    "render_report_html",
]
