"""The client report's layout: HTML for Qt's rich-text engine (QTextDocument's subset) and its CSS.

This is the one place that decides how the report looks. `render_report_html` turns a
`ReportContent` into HTML plus the pictures (charts, logo) to place in it; `pdf.py` lays that out
on pages and draws the running header and footer. No Qt here.

Every string that comes from the database (the client's name, ticket titles, messages, the
agency's own profile) goes through `html.escape`, so `<b>` in a ticket title is printed as the
four characters it is.
"""

from __future__ import annotations

import re

from agencydesk.core import referrals
from agencydesk.core.agency import AgencyProfile
from agencydesk.reports import charts
from agencydesk.reports.content import ReportContent, TicketLine
from agencydesk.reports.html_parts import (
    CONTINUED_ATTRIBUTE,
    FONT_FAMILIES,
    PAPER_PT,
    STYLE,
    THANKS_FILL,
    Column,
    Picture,
    Pictures,
    ReportHtml,
    body_height_pt,
    body_width_pt,
    escape,
    escaped_lines,
    facts,
    figures,
    fit,
    svg_size,
    table,
)
from agencydesk.reports.request_table import ConversationLine, RequestRow, RequestTable
from agencydesk.reports.text import (
    duration,
    join_names,
    label,
    long_date,
    money,
    month_name,
    number,
    period,
    short_date,
    t,
)


# -- sections -----------------------------------------------------------------------------------
def letterhead(agency: AgencyProfile, pictures: Pictures) -> str:
    """The agency's logo, name and contact, as the report and the receipt start."""
    if agency.is_empty:
        return ""
    logo_cell = ""
    if agency.logo is not None and agency.logo_type is not None:
        size = svg_size(agency.logo) if agency.logo_type == "image/svg+xml" else None
        width, height = fit(size or (160.0, 64.0), 150.0, 56.0)
        if size is None and agency.logo_type != "image/svg+xml":
            width = height = 0.0  # raster: pdf.py sizes it from its pixels within 150 x 56 pt
        marker = pictures.add(agency.logo, agency.logo_type, width, height)
        logo_cell = f'<td valign="middle" width="1%"><p>{marker}</p></td>'
    text = []
    if agency.name:
        text.append(f'<p class="agency-name">{escape(agency.name)}</p>')
    contact = agency.contact_lines()
    if contact:
        text.append(
            f'<p class="agency-contact">{"<br/>".join(escaped_lines(x) for x in contact)}</p>'
        )
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
        f"<h1>{escape(t(lang, 'title'))}</h1>"
        f'<p class="client">{escape(t(lang, "for", name=who))}</p>'
        f'<p class="period">{escape(period(opts.start, opts.end, lang))}</p>'
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
    return _heading(lang, "profile") + facts(shown_left, shown_right)


def _bare_url(url: str) -> str:
    """ "https://katering-ratna.id/" → "katering-ratna.id" (as people say it)."""
    return re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE).rstrip("/")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def _first_replies_by_month(content: ReportContent) -> str:
    """Month by month, when the period holds more than one month with new requests."""
    months = content.summary.first_replies_by_month
    if len(months) < 2:
        return ""
    lang = content.language
    columns = [
        Column(t(lang, "month"), "28%"),
        Column(t(lang, "new_requests"), "", "right"),
        Column(t(lang, "typical_first_reply"), "", "right"),
        Column(t(lang, "within_hour"), "", "right"),
        Column(t(lang, "typical_resolve"), "", "right"),
    ]

    def wait(seconds: float | None) -> str:
        return "–" if seconds is None else duration(int(seconds), lang)

    rows = [
        (
            escape(month_name(m.month, lang)),
            number(m.figures.opened, lang),
            escape(wait(m.figures.median_first_reply)),
            _share(m.figures.within_hour),
            escape(wait(m.figures.median_resolve)),
        )
        for m in months
    ]
    return f"<h3>{escape(t(lang, 'first_replies_by_month'))}</h3>{table(columns, rows)}"


def _summary(content: ReportContent) -> str:
    lang = content.language
    summary = content.summary
    wait = summary.median_first_response
    parts = [
        _heading(lang, "summary"),
        figures(
            [
                (number(summary.tickets_opened, lang), t(lang, "tickets_opened")),
                (number(summary.tickets_resolved, lang), t(lang, "tickets_resolved")),
                (
                    duration(wait, lang) if wait is not None else t(lang, "no_first_response"),
                    t(lang, "median_first_response"),
                ),
                (_share(summary.first_reply_within_hour), t(lang, "within_hour")),
                (number(summary.guides_sent, lang), t(lang, "guides_sent")),
            ]
        ),
    ]
    still_open = summary.tickets_open_at_end
    open_text = t(lang, "still_open", count=still_open) if still_open else t(lang, "nothing_open")
    parts.append(f'<p class="muted">{escape(open_text)}</p>')
    parts.append(_first_replies_by_month(content))
    parts.append(f"<h3>{escape(t(lang, 'time_spent'))}</h3>")
    if summary.billable_by_month:
        columns = [Column(t(lang, "month"), "55%"), Column(t(lang, "billable_time"), "", "right")]
        rows = [
            (
                escape(month_name(m.month, lang)),
                escape(duration(m.billable_seconds, lang, days=False)),
            )
            for m in summary.billable_by_month
        ]
        total = (
            f'<tr><td class="total">{escape(t(lang, "total"))}</td>'
            f'<td align="right" class="total">'
            f"{escape(duration(summary.billable_seconds, lang, days=False))}"
            "</td></tr>"
        )
        parts.append(table(columns, rows, total=total if len(rows) > 1 else ""))
    else:
        parts.append(f'<p class="muted">{escape(t(lang, "no_time"))}</p>')
    return "".join(parts)


def _conversation(ticket: TicketLine, content: ReportContent) -> tuple[ConversationLine, ...]:
    """The start of the conversation, a line a message: "Who · 3 Oct 09:15 — text"."""
    lang = content.language
    we = content.agency.name or t(lang, "we")
    lines = []
    for line in ticket.excerpts:
        note = ""
        if line.note is not None or not line.body:  # deleted, left out, or a file without caption
            note = t(lang, f"note_{line.note}") if line.note is not None else t(lang, "note_file")
        sent = line.sent_at
        lines.append(
            ConversationLine(
                who=we if line.from_me else content.client.name,
                # the time by hand: strftime imports `time` on every call, which PySide's import
                # hook makes the slowest part of a thousand requests' conversations
                when=f"{short_date(sent.date(), lang)} {sent.hour:02}:{sent.minute:02}",
                text=line.body,
                note=note,
            )
        )
    return tuple(lines)


def _more_messages(ticket: TicketLine, lang: str) -> str:
    if not ticket.more_messages:
        return ""
    if ticket.more_messages == 1:
        return t(lang, "more_message")
    return t(lang, "more_messages", count=ticket.more_messages)


def _heading(lang: str, key: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<h2{attribute}>{escape(t(lang, key))}</h2>"


def _nothing_to_list(lang: str, heading_key: str, note_key: str) -> str:
    """A section's heading with a grey note in place of its empty table."""
    return f'{_heading(lang, heading_key)}<p class="muted">{escape(t(lang, note_key))}</p>'


def _tickets(content: ReportContent) -> tuple[str, RequestTable | None]:
    """The requests' heading and list (drawn by `request_rows.py`), or a note that there were
    none."""
    lang = content.language
    if not content.tickets:
        return _nothing_to_list(lang, "tickets", "no_tickets"), None
    requests = RequestTable(
        headings=(t(lang, "ticket"), t(lang, "opened"), t(lang, "resolved"), t(lang, "status")),
        rows=tuple(
            RequestRow(
                number=f"#{ticket.id}",
                title=ticket.title,
                opened=short_date(ticket.opened, lang),
                resolved=short_date(ticket.resolved, lang) if ticket.resolved else "",
                status=label(lang, "ticket", ticket.status),
                striped=index % 2 == 1,
                conversation=_conversation(ticket, content),
                more=_more_messages(ticket, lang),
            )
            for index, ticket in enumerate(content.tickets)
        ),
    )
    # the list right under its heading, as a table is
    return _heading(lang, "tickets", "above-list") + requests.html(), requests


def _guides(content: ReportContent) -> str:
    if not content.guides:
        return ""
    lang = content.language
    columns = [Column(t(lang, "sent_on"), "18%"), Column(t(lang, "guide"), "")]
    rows = [(escape(short_date(g.sent_on, lang)), escape(g.title)) for g in content.guides]
    return _heading(lang, "guides") + table(columns, rows)


def _orders(content: ReportContent) -> str:
    lang = content.language
    if not content.orders:
        return _nothing_to_list(lang, "orders", "no_orders")
    parts = [_heading(lang, "orders")]
    columns = [
        Column(t(lang, "order"), "43%"),
        Column(t(lang, "status"), "19%"),
        Column(t(lang, "date"), "15%"),
        Column(t(lang, "amount"), "", "right"),
    ]
    rows = [
        (
            escape(order.title),
            escape(label(lang, "order", order.status)),
            escape(short_date(order.on, lang)) if order.on else "",
            escape(money(order.amount, order.currency, lang)).replace(" ", "&nbsp;"),
        )
        for order in content.orders
    ]
    parts.append(table(columns, rows))
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
            f'<tr><td align="right" class="total">{escape(label)}</td>'
            f'<td align="right" width="22%" class="total">{escape(value)}</td></tr>'
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


#: the names a generation's row of `_generation_list` shows, then "and 79,950 others": a
#: client who introduced 80,000 people had every name in one paragraph, a table cell drawn
#: again on each of the hundreds of pages it spanned (15 s). Fifty are a fair look at who
#: came; the count beside them says how many.
GENERATION_LIST_NAMES = 50


def _tree_drawing(
    tree: referrals.Tree, lang: str, width_pt: float
) -> tuple[bytes, float, float] | None:
    """The tree's drawing and its width and height in the report (pt), or None when it would be
    too small to read (`TREE_MIN_SCALE`). Too wide is often known by its widest generation
    alone: drawing 80,000 clients only to find them too wide took 4 s."""
    if width_pt / charts.tree_width_at_least(tree) < TREE_MIN_SCALE:
        return None
    svg = _tree_svg(tree, lang)
    width, height = svg_size(svg) or (width_pt, width_pt * 0.6)
    max_height = body_height_pt("letter") * 0.6
    scale = min(width_pt / width, max_height / height, TREE_MAX_SCALE)
    return (svg, width * scale, height * scale) if scale >= TREE_MIN_SCALE else None


def _generation_list(content: ReportContent, tree: referrals.Tree) -> str:
    """Who came through the client, by generation: how many, and the first names (for cascades
    too wide to draw)."""
    lang = content.language
    by_generation: dict[int, list[str]] = {}
    for node in tree.nodes.values():
        if node.id != tree.root_id:
            by_generation.setdefault(node.generation, []).append(node.name)
    columns = [Column("", "24%"), Column("", "")]
    rows = [
        (
            f'<span class="label">{escape(charts.generation_label(g, lang=lang))}</span>'
            f'<br/><span class="figure-label">{number(len(names), lang)}</span>',
            escape(_some_names(names, lang)),
        )
        for g, names in sorted(by_generation.items())
    ]
    return table(columns, rows, head=False)


def _some_names(names: list[str], lang: str) -> str:
    """ "A, B, C", or past `GENERATION_LIST_NAMES` names "A, B, … and 79,950 others"."""
    if len(names) <= GENERATION_LIST_NAMES:
        return ", ".join(names)
    shown = ", ".join(names[:GENERATION_LIST_NAMES])
    return t(lang, "names_others", first=shown, count=len(names) - GENERATION_LIST_NAMES)


def _referrals(content: ReportContent, pictures: Pictures, width_pt: float) -> str:
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
        _heading(lang, "referrals"),
        f'<table width="100%" cellspacing="0" cellpadding="10" border="0"><tr>'
        f'<td bgcolor="{THANKS_FILL}"><p class="thanks">{escape(thanks)}</p></td></tr></table>',
        figures(
            [
                (number(len(section.direct_names), lang), t(lang, "referrals_direct")),
                (number(section.referred, lang), t(lang, "referrals_total")),
                (number(section.generations, lang), t(lang, "referrals_generations")),
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
    parts.append(f'<p class="caption" align="center">{escape(t(lang, "spread_caption"))}</p>')
    drawing = _tree_drawing(section.tree, lang, width_pt)
    if drawing is not None:
        tree, tree_w, tree_h = drawing
        marker = pictures.add(tree, "image/svg+xml", tree_w, tree_h)
        parts.append(f'<p align="center">{marker}</p>')
        parts.append(f'<p class="caption" align="center">{escape(t(lang, "tree_caption"))}</p>')
    else:
        parts.append(f"<h3>{escape(t(lang, 'tree_list'))}</h3>")
        parts.append(_generation_list(content, section.tree))
    return "".join(parts)


def _closing(content: ReportContent) -> str:
    lang = content.language
    agency = content.agency
    contact = " · ".join(value for value in (agency.phone, agency.email) if value)
    text = t(lang, "closing_contact", contact=contact) if contact else t(lang, "closing")
    return f'<p class="closing">{escape(text)}</p>'


def render_report_html(content: ReportContent, *, paper: str = "a4") -> ReportHtml:
    """The report as HTML for QTextDocument, with its pictures (client text never makes an
    `<img>`: it is escaped)."""
    lang = content.language
    pictures = Pictures()
    width = body_width_pt(paper)
    tickets, requests = _tickets(content)
    body = "".join(
        (
            letterhead(content.agency, pictures),
            _title(content),
            _profile(content),
            _summary(content),
            tickets,
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
        requests=requests,
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
