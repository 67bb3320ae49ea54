"""The client report's building blocks: its look (colours, type, CSS, page geometry), the
pictures placed in it, and the HTML pieces its sections are made of (data tables split into
chunks Qt parses fast, rows of figures, label/value facts). No Qt here.

Everything here escapes what it is given as text (`escape`); cells passed in as HTML are the
callers' (template.py's) responsibility.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from agencydesk.reports.request_table import RequestTable

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
#: emoji come from a colour emoji font (the system's, else the one agencydesk ships: fonts.py)
#: through Qt's font fallback
FONT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial")

#: the report's CSS (Qt's subset). A figure in its tile never breaks between its words ("16
#: menit" was "16" over "menit"): its tile widens to hold it, the others give way
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
.figure {{ font-size: 17pt; font-weight: bold; color: {ACCENT}; margin-bottom: 1px;
  white-space: nowrap; }}
.figure-long {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-bottom: 1px;
  white-space: nowrap; }}
.figure-label {{ font-size: 8.5pt; color: {MUTED}; margin-bottom: 0; }}
.request {{ margin-bottom: 0; }}
.above-list {{ margin-bottom: 0; }}
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
    #: the list of requests, whose rows are objects in the HTML (None: the report has none)
    requests: RequestTable | None = None


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def escaped_lines(text: str) -> str:
    """Escaped, with the text's own line breaks kept."""
    return "<br/>".join(escape(line) for line in text.splitlines())


# -- building blocks ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    title: str
    width: str  # "40%", or "" for the rest
    align: str = "left"


#: rows per <table>: Qt parses one long table much more slowly than several short ones; the
#: tables after the first are marked `data-continued` and read as one (see `pdf.py`)
TABLE_CHUNK_ROWS = 40
TABLE_OPEN = '<table width="100%" cellspacing="0" cellpadding="4" border="0"'
CONTINUED_ATTRIBUTE = "data-continued"


def table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    *,
    total: str = "",
    head: bool = True,
) -> str:
    """A data table: header row repeated on every page, light stripes, amounts aligned right.
    *rows* hold cells that are already HTML; *total* is an already-built last row."""
    cells = "".join(
        f'<th align="{c.align}"{f" width={c.width!r}" if c.width else ""}>{escape(c.title)}</th>'
        for c in columns
    )
    tables: list[list[str]] = [[f"<thead><tr>{cells}</tr></thead>"] if head else []]
    for index, row in enumerate(rows):
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


def figures(items: Sequence[tuple[str, str]]) -> str:
    """A row of big figures with a label under each ("3 / requests received")."""
    width = f"{100 // max(1, len(items))}%"
    cells = "".join(
        f'<td width="{width}" bgcolor="{CARD_FILL}" valign="top">'
        f'<p class="{"figure" if len(value) <= 8 else "figure-long"}">{escape(value)}</p>'
        f'<p class="figure-label">{escape(label)}</p></td>'
        for value, label in items
    )
    return (
        f'<table width="100%" cellspacing="6" cellpadding="8" border="0"><tr>{cells}</tr></table>'
    )


#: the facts' columns: label, value (left: short values), label, value (right: email, website)
FACT_WIDTHS = ("16%", "29%", "16%", "39%")


def facts(left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> str:
    """Label / value pairs in two columns; the right one is for the long values (email,
    website)."""
    body = []
    for index in range(max(len(left), len(right))):
        cells = []
        for side, (label_width, value_width) in ((left, FACT_WIDTHS[:2]), (right, FACT_WIDTHS[2:])):
            label, value = side[index] if index < len(side) else ("", "")
            cells.append(
                f'<td width="{label_width}" valign="top">'
                f'<span class="label">{escape(label) or "&nbsp;"}</span></td>'
                f'<td width="{value_width}" valign="top">{escape(value) or "&nbsp;"}</td>'
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table width="100%" cellspacing="0" cellpadding="3" border="0">{"".join(body)}</table>'


#: the `src` of the report's pictures: "agencydesk-picture:0", …
PICTURE_SCHEME = "agencydesk-picture"


class Pictures:
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


def fit(size: tuple[float, float], max_width: float, max_height: float) -> tuple[float, float]:
    width, height = size
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale
