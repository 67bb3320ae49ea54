"""Lays out and draws the report's list of requests (`request_table.py`).

The list is one object in the report's document: the document asks for its size when it lays
the column out and has it drawn where it lands, a page's slice at a time (the rows that slice
shows); `pagination.py` reads where each row ends from `heights`. A row is its four cells side
by side, then the lines of its conversation across the whole width, on the row's stripe; the
header row is the column titles on the header fill. The look is the one the HTML table had
(`html_parts.STYLE`): cell padding 4 px, the body size for cells, the small size for the
conversation (who in bold, notes in grey italics). Text goes through QTextLayout, so fonts fall
back (Indonesian, emoji) and the PDF's text can be searched and copied, as everywhere else in
the report.

A row is one QTextLayout: its cells and the lines of its conversation are paragraphs of one
text, each starting a line of its own, and every line is placed here (in its cell, or under the
cells). One layout a paragraph, as before, made eight a row: a busy client's thousand rows were
8,000 layouts to make, draw and let go of, a third of the list's time spent on that alone. A
row's layout keeps its shaped text (`setCacheEnabled`): Qt otherwise lets go of it once the
lines are made and shapes the whole text again to draw it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from agencydesk.reports import html_parts
from agencydesk.reports.request_table import (
    COLUMN_SHARES,
    HEADER,
    ConversationLine,
    RequestRow,
    RequestTable,
)

#: the table's cell padding, and the space under each line of a conversation, in CSS pixels
PADDING_PX = 4.0
LINE_GAP_PX = 2.0
SMALL_PT = 8.5
NOTE_COLOUR = "#999999"
#: ends a paragraph of a row's text: Qt's line separator, a line break the text layout makes
#: itself and draws as nothing (each paragraph's lines are then placed where they belong)
_PARAGRAPH_END = "\u2028"
#: a paragraph's text in runs of one look each
_Runs = Sequence[tuple[str, QTextCharFormat]]


class _Paragraph(NamedTuple):
    """A cell's text, or a line of the conversation, and where its lines go in the row (a
    tuple: eight a row, a thousand rows, made faster than a frozen dataclass)."""

    runs: _Runs
    x: float
    width: float
    #: a line of the conversation, under the cells (else a cell, at the top of the row)
    below: bool = False


class RequestRows:
    """The rows of one report's list of requests, each laid out once (when the document first
    asks for the list's size) for a column *width* device units wide."""

    def __init__(
        self, table: RequestTable, base_font: QFont, device: QPaintDevice, width: float
    ) -> None:
        self._table = table
        self._device = device
        self._width = width
        px = device.logicalDpiY() / 96.0
        self._padding = PADDING_PX * px
        self._gap = LINE_GAP_PX * px
        self._font = QFont(base_font)
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._ink = _look(html_parts.INK)
        self._muted = _look(html_parts.MUTED)
        self._bold_ink = _look(html_parts.INK, bold=True)
        # the conversation's looks: the same, in the small size
        self._said_looks = {
            "who": _look(html_parts.INK, bold=True, size=SMALL_PT),
            "said": _look(html_parts.MUTED, size=SMALL_PT),
            "note": _look(NOTE_COLOUR, italic=True, size=SMALL_PT),
        }
        self._stripe = QColor(html_parts.STRIPE_FILL)
        self._header_fill = QColor(html_parts.HEADER_FILL)
        edges = [0.0]
        for share in COLUMN_SHARES:
            edges.append(edges[-1] + share * width)
        self._columns = list(itertools.pairwise(edges))
        self._laid: dict[int | str, tuple[float, QTextLayout]] = {}
        #: the header row's key, then each row's (its index)
        self._keys: list[int | str] = [HEADER, *range(len(table.rows))]
        self._bottoms: list[float] = []  # of each row, from the top of the list

    # -- the whole list ------------------------------------------------------------------------
    def heights(self) -> list[float]:
        """The height of each row, the header row's first."""
        return [self._layout(key)[0] for key in self._keys]

    def list_size(self) -> QSizeF:
        return QSizeF(self._width, self._ends()[-1])

    def draw_list(self, painter: QPainter, rect: QRectF, visible: QRectF) -> None:
        """Draw the rows of the list placed at *rect* that touch *visible* (as the document's
        layout draws its paragraphs: a row touching its edge too)."""
        ends = self._ends()
        first = bisect.bisect_left(ends, visible.top() - rect.top())  # the first ending in it
        row_top = rect.top() + (ends[first - 1] if first else 0.0)
        for index in range(first, len(ends)):
            if row_top > visible.bottom():
                return
            row_bottom = rect.top() + ends[index]
            area = QRectF(rect.left(), row_top, self._width, row_bottom - row_top)
            self.draw(painter, area, self._keys[index])
            row_top = row_bottom

    def _ends(self) -> list[float]:
        """Where each row ends, from the top of the list."""
        if not self._bottoms:
            self._bottoms = list(itertools.accumulate(self.heights()))
        return self._bottoms

    # -- a row ---------------------------------------------------------------------------------
    def size(self, row: int | str) -> QSizeF:
        return QSizeF(self._width, self._layout(row)[0])

    def draw(self, painter: QPainter, rect: QRectF, row: int | str) -> None:
        height, layout = self._layout(row)
        fill = self._header_fill if row == HEADER else None
        if isinstance(row, int) and self._table.rows[row].striped:
            fill = self._stripe
        if fill is not None:
            painter.fillRect(QRectF(rect.left(), rect.top(), self._width, height), fill)
        layout.draw(painter, rect.topLeft())

    # -- layout --------------------------------------------------------------------------------
    def _layout(self, row: int | str) -> tuple[float, QTextLayout]:
        laid = self._laid.get(row)
        if laid is None:
            if row == HEADER:
                cells = [[(title, self._bold_ink)] for title in self._table.headings]
                laid = self._lay_out(self._cells(cells))
            else:
                laid = self._lay_out(self._paragraphs(self._table.rows[int(row)]))
            self._laid[row] = laid
        return laid

    def _paragraphs(self, row: RequestRow) -> list[_Paragraph]:
        """The cells side by side, then the messages under them across the row."""
        first = [(row.number + " ", self._muted), (row.title, self._ink)]
        paragraphs = self._cells([first, *([(text, self._ink)] for text in row.cells)])
        said = [self._said(line) for line in row.conversation]
        if row.more:
            said.append([(row.more, self._said_looks["said"])])
        x, width = self._padding, self._width - 2 * self._padding
        paragraphs.extend(_Paragraph(runs, x, width, below=True) for runs in said)
        return paragraphs

    def _said(self, line: ConversationLine) -> _Runs:
        """ "Who · 3 Oct 09:15 — text (note)": who in bold ink, the rest grey, a note in
        italics."""
        return [(text, self._said_looks[part]) for text, part in line.parts()]

    def _cells(self, cells: Sequence[_Runs]) -> list[_Paragraph]:
        """Cells side by side, one a column (an empty cell has no paragraph)."""
        padding = self._padding
        return [
            _Paragraph(runs, left + padding, right - left - 2 * padding)
            for (left, right), runs in zip(self._columns, cells, strict=True)
            if any(text for text, _look in runs)
        ]

    def _lay_out(self, paragraphs: Sequence[_Paragraph]) -> tuple[float, QTextLayout]:
        """*paragraphs* as one text layout, each line placed; and the row's height: as tall as
        its tallest cell, then its conversation, a gap above each of its paragraphs."""
        text, formats, ends = _text(paragraphs)
        layout = QTextLayout(text, self._font, self._device)
        layout.setCacheEnabled(True)  # drawn from the text shaped here, not shaped again
        layout.setTextOption(self._option)
        layout.setFormats(formats)
        padding = self._padding
        cells_bottom = padding
        below: float | None = None  # the bottom of the conversation so far
        layout.beginLayout()
        line = layout.createLine()
        for paragraph, end in zip(paragraphs, ends, strict=True):
            if not paragraph.below:
                y = padding
            elif below is None:  # under the cells' row, which ends a padding below them
                y = cells_bottom + 2 * padding
            else:
                y = below + self._gap
            x, width = paragraph.x, paragraph.width
            while line.isValid() and line.textStart() < end:
                line.setLineWidth(width)
                line.setPosition(QPointF(x, y))
                y += line.height()
                line = layout.createLine()
            if paragraph.below:
                below = y
            else:
                cells_bottom = max(cells_bottom, y)
        layout.endLayout()
        return (cells_bottom if below is None else below) + padding, layout


def _text(paragraphs: Sequence[_Paragraph]) -> tuple[str, list[QTextLayout.FormatRange], list[int]]:
    """The paragraphs as one text (each but the last ended by `_PARAGRAPH_END`, in the look of
    its last run), the looks of its runs (one range for runs of one look in a row: a cell's
    text and the next cells'), and where each paragraph ends (Qt's positions)."""
    parts: list[str] = []
    formats: list[QTextLayout.FormatRange] = []
    ends: list[int] = []
    position = 0
    look: QTextCharFormat | None = None  # of the range being gathered, from `start`
    start = 0
    last = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        for text, run_look in paragraph.runs:
            if run_look is not look:
                if look is not None:
                    formats.append(_format_range(start, position, look))
                look, start = run_look, position
            parts.append(text)
            position += _utf16_length(text)
        if index < last:
            parts.append(_PARAGRAPH_END)
            position += 1
        ends.append(position)
    if look is not None:
        formats.append(_format_range(start, position, look))
    return "".join(parts), formats, ends


def _format_range(start: int, end: int, look: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start, span.length, span.format = start, end - start, look
    return span


def _look(
    colour: str, *, bold: bool = False, italic: bool = False, size: float | None = None
) -> QTextCharFormat:
    look = QTextCharFormat()
    look.setForeground(QColor(colour))
    if bold:
        look.setFontWeight(QFont.Weight.Bold)
    if italic:
        look.setFontItalic(True)
    if size is not None:
        look.setFontPointSize(size)
    return look


def _utf16_length(text: str) -> int:
    """Qt's length of *text*: an emoji (or any character beyond U+FFFF) counts twice."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
