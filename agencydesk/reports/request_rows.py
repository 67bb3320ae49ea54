"""Lays out and draws the report's list of requests (`request_table.py`), a row at a time.

Each row is an object in the report's document: the document asks for its size when it lays
the column out and has it drawn where it lands. A row is its four cells side by side, then the
lines of its conversation across the whole width, on the row's stripe; the header row is the
column titles on the header fill. The look is the one the HTML table had (`html_parts.STYLE`):
cell padding 4 px, the body size for cells, the small size for the conversation (who in bold,
notes in grey italics). Text goes through QTextLayout, so fonts fall back (Indonesian, emoji)
and the PDF's text can be searched and copied, as everywhere else in the report.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

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
#: a paragraph's text in runs of one look each
_Runs = Sequence[tuple[str, QTextCharFormat]]

#: a row laid out: its text layouts, each with where it goes from the row's top left
_Placed = list[tuple[QTextLayout, QPointF]]


class RequestRows:
    """The rows of one report's list of requests, each laid out once (when the document first
    asks for its size) for a column *width* device units wide."""

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
        self._small = QFont(base_font)
        self._small.setPointSizeF(SMALL_PT)
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._ink = _look(html_parts.INK)
        self._muted = _look(html_parts.MUTED)
        self._bold_ink = _look(html_parts.INK, bold=True)
        self._note = _look(NOTE_COLOUR, italic=True)
        self._stripe = QColor(html_parts.STRIPE_FILL)
        self._header_fill = QColor(html_parts.HEADER_FILL)
        edges = [0.0]
        for share in COLUMN_SHARES:
            edges.append(edges[-1] + share * width)
        self._columns = list(itertools.pairwise(edges))
        self._laid: dict[int | str, tuple[float, _Placed]] = {}

    def size(self, row: int | str) -> QSizeF:
        return QSizeF(self._width, self._layout(row)[0])

    def draw(self, painter: QPainter, rect: QRectF, row: int | str) -> None:
        height, placed = self._layout(row)
        fill = self._header_fill if row == HEADER else None
        if isinstance(row, int) and self._table.rows[row].striped:
            fill = self._stripe
        if fill is not None:
            painter.fillRect(QRectF(rect.left(), rect.top(), self._width, height), fill)
        origin = rect.topLeft()
        for layout, at in placed:
            layout.draw(painter, origin + at)

    # -- layout --------------------------------------------------------------------------------
    def _layout(self, row: int | str) -> tuple[float, _Placed]:
        laid = self._laid.get(row)
        if laid is None:
            if row == HEADER:
                laid = self._cells([[(title, self._bold_ink)] for title in self._table.headings])
            else:
                laid = self._row(self._table.rows[int(row)])
            self._laid[row] = laid
        return laid

    def _row(self, row: RequestRow) -> tuple[float, _Placed]:
        """The cells side by side, then the messages under them across the row."""
        first = [(row.number + " ", self._muted), (row.title, self._ink)]
        height, placed = self._cells([first, *([(text, self._ink)] for text in row.cells)])
        said = [self._said(line) for line in row.conversation]
        if row.more:
            said.append([(row.more, self._muted)])
        if not said:
            return height, placed
        padding, width = self._padding, self._width - 2 * self._padding
        y = height + padding - self._gap
        for runs in said:
            layout, line_height = self._paragraph(runs, self._small, width)
            y += self._gap
            placed.append((layout, QPointF(padding, y)))
            y += line_height
        return y + padding, placed

    def _said(self, line: ConversationLine) -> _Runs:
        """ "Who · 3 Oct 09:15 — text (note)": who in bold ink, the rest grey, a note in
        italics."""
        looks = {"who": self._bold_ink, "said": self._muted, "note": self._note}
        return [(text, looks[part]) for text, part in line.parts()]

    def _cells(self, cells: Sequence[_Runs]) -> tuple[float, _Placed]:
        """Cells side by side, one a column; the row is as tall as its tallest cell."""
        padding = self._padding
        placed: _Placed = []
        bottom = padding
        for (left, right), runs in zip(self._columns, cells, strict=True):
            if not any(text for text, _look in runs):
                continue
            layout, height = self._paragraph(runs, self._font, right - left - 2 * padding)
            placed.append((layout, QPointF(left + padding, padding)))
            bottom = max(bottom, padding + height)
        return bottom + padding, placed

    def _paragraph(self, runs: _Runs, font: QFont, width: float) -> tuple[QTextLayout, float]:
        """*runs* as one paragraph wrapped to *width*, and its height."""
        layout = QTextLayout("".join(text for text, _look in runs), font, self._device)
        layout.setTextOption(self._option)
        spans = []
        start = 0
        for text, look in runs:
            length = _utf16_length(text)
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, look
            spans.append(span)
            start += length
        layout.setFormats(spans)
        layout.beginLayout()
        y = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y


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
