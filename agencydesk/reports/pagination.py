"""Where the report's pages end: the choices a typesetter would make, on the laid-out column.

`pdf.py` lays the whole report out once, in one long column as wide as the printable area;
`paginate` chooses where each page ends — between table rows and between the rows of the list
of requests (never inside one: a request stays with its conversation; the header row is
repeated on the next page), between
paragraphs or, in a long paragraph, with two lines on each side; never right after a heading or
a chart. Qt's text layout is read here (the list of requests is one object in it: where its
rows end is given), so this is, with pdf.py, the part of the reports that imports Qt.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextDocument, QTextTable

from agencydesk.reports.request_table import REQUEST_LIST


@dataclass(frozen=True)
class Band:
    """A horizontal slice of the laid-out document, in its coordinates."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class _Cut:
    """A place where a page may end and the next begin. `header`: the place is inside a table
    whose header row the next page repeats. Places that are not `allowed` (right after a
    heading, inside a row) are used only when nothing else fits."""

    y: float
    allowed: bool
    header: Band | None = None


@dataclass(frozen=True)
class Page:
    body: Band
    header: Band | None  # a table's header row, repeated above the body


def _keeps_with_next(block: QTextBlock) -> bool:
    """Section headings, and a picture in a paragraph of its own (its caption follows)."""
    return block.blockFormat().headingLevel() >= 2 or block.text() == "\ufffc"


def is_request_list(block: QTextBlock) -> bool:
    """Whether *block* holds the list of requests (`request_table`)."""
    if block.text() != "\ufffc":
        return False
    char_format = block.begin().fragment().charFormat()
    return char_format.isImageFormat() and char_format.toImageFormat().name() == REQUEST_LIST


def _line_tops(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> list[float]:
    """The top of each line of *block*, in document coordinates."""
    text_layout = block.layout()
    offset = layout.blockBoundingRect(block).top() - text_layout.boundingRect().top()
    return [offset + text_layout.lineAt(i).y() for i in range(text_layout.lineCount())]


class _Cuts:
    """Every place where a page could end, found in one walk over the laid-out document."""

    def __init__(
        self,
        doc: QTextDocument,
        device_dpi: float,
        page_height: float,
        continued: Sequence[bool] = (),
        list_rows: Sequence[float] = (),
    ) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.dpi_scale = device_dpi / 96.0
        self.page_height = page_height
        self.cuts: list[_Cut] = []
        keep = False  # the previous element keeps with this one
        tables = 0
        header: Band | None = None  # of the table just before, if nothing came between
        it = doc.rootFrame().begin()
        while not it.atEnd():
            frame = it.currentFrame()
            if isinstance(frame, QTextTable):
                # a table that goes on from the one before is one table with it
                goes_on = tables < len(continued) and continued[tables]
                tables += 1
                header = self._table(
                    frame,
                    allowed=goes_on or not keep,
                    header=header if goes_on else None,
                )
                keep = False
            elif frame is None:
                block = it.currentBlock()
                if list_rows and block.isValid() and is_request_list(block):
                    top = self.layout.blockBoundingRect(block).top()
                    header = self._list(top, list_rows, allowed=not keep)
                    keep = False
                # empty blocks are Qt's own, after a table (inside its last row, in fact)
                elif block.isValid() and block.text():
                    self._block(block, allowed=not keep)
                    keep = _keeps_with_next(block)
                    header = None
            it += 1
        self.cuts.sort(key=lambda cut: cut.y)

    def _list(self, top: float, heights: Sequence[float], *, allowed: bool) -> Band:
        """The cuts of the list of requests at *top* whose rows are *heights* tall (the header
        row's first): above each row, the header row repeated after; never between the header
        row and the first row. Returns the header row's band."""
        self.cuts.append(_Cut(top, allowed))
        header = Band(top, top + heights[0])
        y = header.bottom
        for index, height in enumerate(heights[1:]):
            self.cuts.append(_Cut(y, index > 0, header))
            y += height
        return header

    def _block(self, block: QTextBlock, *, allowed: bool) -> None:
        tops = _line_tops(self.layout, block)
        if not tops:
            return
        self.cuts.append(_Cut(tops[0], allowed))
        # inside a paragraph: not after its first line nor before its last one
        for index, y in enumerate(tops[1:], start=1):
            self.cuts.append(_Cut(y, 2 <= index <= len(tops) - 2))

    def _table(self, table: QTextTable, *, allowed: bool, header: Band | None) -> Band | None:
        """The cuts of *table*; returns its header band (or the one it continues)."""
        padding = table.format().cellPadding() * self.dpi_scale
        header_rows = table.format().headerRowCount()
        rows: list[tuple[int, float, float]] = []  # each row: its number, content top, bottom
        doc = self.doc
        rect = self.layout.blockBoundingRect
        columns = table.columns()
        for row in range(table.rows()):
            top = bottom = None
            blocks: list[tuple[QTextBlock, QTextBlock]] = []
            column = 0
            while column < columns:
                cell = table.cellAt(row, column)
                column = max(column + 1, cell.column() + cell.columnSpan())
                if cell.row() != row:
                    continue  # covered by a cell spanning rows from above
                # positions, not cursors: a QTextCursor costs more than the lookup
                first = doc.findBlock(cell.firstPosition())
                last = doc.findBlock(cell.lastPosition())
                blocks.append((first, last))
                first_rect = rect(first)
                first_top = first_rect.top()
                last_bottom = (first_rect if last == first else rect(last)).bottom()
                top = first_top if top is None else min(top, first_top)
                bottom = last_bottom if bottom is None else max(bottom, last_bottom)
            if top is None or bottom is None:
                continue
            rows.append((row, top, bottom))
            if bottom - top > self.page_height / 2:
                # a row this tall may have to be cut between its lines, as a last resort
                for block, end in blocks:
                    while block.isValid():
                        lines = _line_tops(self.layout, block)[1:]
                        self.cuts.extend(_Cut(y, False) for y in lines)
                        if block == end:
                            break
                        block = block.next()
        if not rows:
            return header
        table_top = rows[0][1] - padding
        self.cuts.append(_Cut(table_top, allowed, header))
        body = [entry for entry in rows if entry[0] >= header_rows]
        if header_rows and body and rows[0][0] < header_rows:
            last_head = max(entry for entry in rows if entry[0] < header_rows)
            header = Band(table_top, (last_head[2] + body[0][1]) / 2)
        for (_row, _top, above), (row, top, _bottom) in itertools.pairwise(rows):
            # a row of one cell across the table continues the row above (the conversation
            # under its request): never parted from it
            continued = table.cellAt(row, 0).columnSpan() == table.columns() > 1
            allowed_here = row > header_rows and not continued
            self.cuts.append(_Cut((above + top) / 2, allowed_here, header))
        return header


def paginate(
    doc: QTextDocument,
    device_dpi: float,
    page_height: float,
    continued: Sequence[bool] = (),
    list_rows: Sequence[float] = (),
) -> list[Page]:
    """The document cut into pages of *page_height*: table rows and the rows of the list of
    requests (*list_rows* tall, the header row's first: `pdf.list_rows`) are kept whole (and
    the header row is repeated on the next page), a heading or a chart never ends a page, a
    paragraph keeps at least two lines on each side of a cut."""
    end = doc.documentLayout().documentSize().height()
    cuts = _Cuts(doc, device_dpi, page_height, continued, list_rows).cuts
    pages: list[Page] = []
    top, header = 0.0, None
    first = 0  # the first cut below `top`
    while True:
        limit = top + page_height - (header.height if header is not None else 0.0)
        if end <= limit:
            pages.append(Page(Band(top, end), header))
            return pages
        while first < len(cuts) and cuts[first].y <= top + 1:
            first += 1
        best = fallback = None
        index = first
        while index < len(cuts) and cuts[index].y <= limit:
            if cuts[index].allowed:
                best = cuts[index]
            fallback = cuts[index]
            index += 1
        cut = best or fallback or _Cut(limit, False)
        pages.append(Page(Band(top, cut.y), header))
        top, header = cut.y, (cut.header if cut is best or cut is fallback else None)
