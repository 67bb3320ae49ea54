"""The client report as a PDF, made by Qt: QTextDocument lays it out, QPdfWriter writes it.

The only module of `agencydesk.reports` that imports Qt. Why Qt and not a PDF library: the app
already ships Qt, whose PDF writer embeds (subsets of) the fonts it uses as TrueType with a
Unicode map (so the text can be searched and copied), follows Qt's font fallback (Indonesian text
in DejaVu/Noto Sans, emoji from the colour emoji font instead of boxes), and paints SVG through
QSvgRenderer as vector paths. No new dependency in the bundle.

How a page is made: the HTML from `template.py` is laid out once, in one long column as wide as
the printable area. `paginate` then chooses where each page ends, at the places a typesetter
would: between table rows (never inside one, nor between a request and its conversation, and the
table's header row is repeated on the next page), between paragraphs or, in a long paragraph,
with two lines on each side; never right after a heading or a chart (it goes over with what
follows). Every page is drawn by hand: its slice of the column, a running header (from page 2)
and the footer "Generated on … · Page n of N". The charts and the logo are the document's
<img>, drawn by `_PictureObject`: SVG through QSvgRenderer, so vector graphics in the PDF, not
pictures of them.

Works in a worker thread (fonts, QTextDocument and QPdfWriter are thread-safe for this use); it
needs a QGuiApplication, which `ensure_gui_application()` provides for the command line.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtSvg import QSvgRenderer

from agencydesk import __version__
from agencydesk.core.errors import UserError
from agencydesk.reports import html_parts, template
from agencydesk.reports.content import ReportContent
from agencydesk.reports.html_parts import Picture
from agencydesk.reports.text import t

#: dots per inch of the PDF's coordinate system (layout precision, not image quality: the PDF
#: holds text and vector graphics)
RESOLUTION = 1200
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_RASTER_LOGO_PT = (150.0, 56.0)


class ReportCancelled(Exception):  # noqa: N818 (the name says it)
    """The user cancelled while the report was being written; no file was left behind."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one for the command line: offscreen when there is
    no display (a server, a terminal over SSH), so fonts and painting still work."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "agencydesk"])


def _pt(value: float) -> float:
    """Points (1/72 inch) → the PDF writer's device units."""
    return value * RESOLUTION / 72.0


class _PictureObject(QPyTextObject):
    """Draws the report's pictures where the text has an object: SVG through QSvgRenderer
    (vector paths and text in the PDF), PNG/JPEG as images."""

    def __init__(self, pictures: tuple[Picture, ...], parent: QTextDocument) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._sizes: list[QSizeF] = []
        self._svgs: dict[int, QSvgRenderer] = {}
        self._images: dict[int, QImage] = {}
        for index, picture in enumerate(pictures):
            width, height = picture.width_pt, picture.height_pt
            if picture.mime == "image/svg+xml":
                renderer = QSvgRenderer(QByteArray(picture.data))
                self._svgs[index] = renderer
                if not renderer.isValid():
                    width = height = 0.0
            else:
                image = QImage.fromData(picture.data)
                self._images[index] = image
                if image.isNull():
                    width = height = 0.0
                elif not width or not height:
                    max_w, max_h = _RASTER_LOGO_PT
                    scale = min(max_w / image.width(), max_h / image.height())
                    width, height = image.width() * scale, image.height() * scale
            self._sizes.append(QSizeF(_pt(width), _pt(height)))

    def _index(self, fmt: QTextFormat) -> int | None:
        """Which of our pictures an <img> is (None: not one of ours)."""
        scheme, _colon, number = fmt.toImageFormat().name().partition(":")
        if scheme != html_parts.PICTURE_SCHEME or not number.isdigit():
            return None
        index = int(number)
        return index if index < len(self._pictures) else None

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        index = self._index(fmt)
        return self._sizes[index] if index is not None else QSizeF(0, 0)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        index = self._index(fmt)
        area = QRectF(rect)
        if index is None or area.isEmpty():
            return
        renderer = self._svgs.get(index)
        if renderer is not None:
            if renderer.isValid():
                renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
                renderer.render(painter, area)
            return
        image = self._images.get(index)
        if image is not None and not image.isNull():
            painter.drawImage(area, image)


def _font_family() -> str:
    available = set(QFontDatabase.families())
    for family in html_parts.FONT_FAMILIES:
        if family in available:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def _no_ligatures(font: QFont) -> None:
    """No "ﬁ"/"ﬂ" ligatures: copied or searched text must read "profile", not "proﬁle"."""
    for feature in ("liga", "clig"):
        tag = QFont.Tag.fromString(feature)
        if tag is not None:
            font.setFeature(tag, 0)


@dataclass(frozen=True)
class _Band:
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
    header: _Band | None = None


@dataclass(frozen=True)
class Page:
    body: _Band
    header: _Band | None  # a table's header row, repeated above the body


def _keeps_with_next(block: QTextBlock) -> bool:
    """Section headings, and a picture in a paragraph of its own (its caption follows)."""
    return block.blockFormat().headingLevel() >= 2 or block.text() == "\ufffc"


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
    ) -> None:
        self.layout = doc.documentLayout()
        self.dpi_scale = device_dpi / 96.0
        self.page_height = page_height
        self.cuts: list[_Cut] = []
        keep = False  # the previous element keeps with this one
        tables = 0
        header: _Band | None = None  # of the table just before, if nothing came between
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
                # empty blocks are Qt's own, after a table (inside its last row, in fact)
                if block.isValid() and block.text():
                    self._block(block, allowed=not keep)
                    keep = _keeps_with_next(block)
                    header = None
            it += 1
        self.cuts.sort(key=lambda cut: cut.y)

    def _block(self, block: QTextBlock, *, allowed: bool) -> None:
        tops = _line_tops(self.layout, block)
        if not tops:
            return
        self.cuts.append(_Cut(tops[0], allowed))
        # inside a paragraph: not after its first line nor before its last one
        for index, y in enumerate(tops[1:], start=1):
            self.cuts.append(_Cut(y, 2 <= index <= len(tops) - 2))

    def _table(self, table: QTextTable, *, allowed: bool, header: _Band | None) -> _Band | None:
        """The cuts of *table*; returns its header band (or the one it continues)."""
        padding = table.format().cellPadding() * self.dpi_scale
        header_rows = table.format().headerRowCount()
        rows: list[tuple[int, float, float]] = []  # each row: its number, content top, bottom
        for row in range(table.rows()):
            top = bottom = None
            blocks: list[tuple[QTextBlock, QTextBlock]] = []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                if cell.row() != row or cell.column() != column:
                    continue  # covered by a spanning cell
                first = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                blocks.append((first, last))
                first_top = self.layout.blockBoundingRect(first).top()
                last_bottom = self.layout.blockBoundingRect(last).bottom()
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
            header = _Band(table_top, (last_head[2] + body[0][1]) / 2)
        for (_row, _top, above), (row, top, _bottom) in itertools.pairwise(rows):
            # a row of one cell across the table continues the row above (the conversation
            # under its request): never parted from it
            continued = table.cellAt(row, 0).columnSpan() == table.columns() > 1
            allowed_here = row > header_rows and not continued
            self.cuts.append(_Cut((above + top) / 2, allowed_here, header))
        return header


def paginate(
    doc: QTextDocument, device_dpi: float, page_height: float, continued: Sequence[bool] = ()
) -> list[Page]:
    """The document cut into pages of *page_height*: table rows are kept whole (and the table's
    header row is repeated on the next page), a heading or a chart never ends a page, a
    paragraph keeps at least two lines on each side of a cut."""
    end = doc.documentLayout().documentSize().height()
    cuts = _Cuts(doc, device_dpi, page_height, continued).cuts
    pages: list[Page] = []
    top, header = 0.0, None
    first = 0  # the first cut below `top`
    while True:
        limit = top + page_height - (header.height if header is not None else 0.0)
        if end <= limit:
            pages.append(Page(_Band(top, end), header))
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
        pages.append(Page(_Band(top, cut.y), header))
        top, header = cut.y, (cut.header if cut is best or cut is fallback else None)


def build_document(
    content: ReportContent, device: QPdfWriter, paper: str
) -> tuple[QTextDocument, html_parts.ReportHtml]:
    """The report laid out in one long column as wide as the printable area of *paper*."""
    report = template.render_report_html(content, paper=paper)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    font = QFont(_font_family())
    font.setPointSizeF(html_parts.BASE_PT)
    _no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(html_parts.STYLE)
    # the report's <img> are its charts and logo: drawn by us, as vector graphics
    handler = _PictureObject(report.pictures, doc)
    doc.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject, handler)
    doc.setHtml(report.html)
    doc.setTextWidth(_pt(html_parts.body_width_pt(paper)))
    return doc, report


def _draw_band(
    painter: QPainter, doc: QTextDocument, band: _Band, offset: float, paper: str
) -> None:
    """Draw the slice *band* of the document at *offset* below the top of the printable area."""
    left = _pt(html_parts.MARGINS_MM["left"] * 72 / 25.4)
    top = _pt(html_parts.MARGINS_MM["top"] * 72 / 25.4)
    painter.save()
    painter.translate(left, top + offset - band.top)
    width = _pt(html_parts.body_width_pt(paper))
    painter.setClipRect(QRectF(0, band.top, width, band.height))
    context = QAbstractTextDocumentLayout.PaintContext()
    # the layout draws every line that touches this rectangle, clipped or not: a hair inside
    # the band, so a line starting right at its edge is not also written (invisibly, but
    # findable and copyable) on this page
    context.clip = QRectF(0, band.top + 1, width, band.height - 2)
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _draw_margins(
    painter: QPainter,
    report: html_parts.ReportHtml,
    page: int,
    pages: int,
    paper: str,
    family: str,
) -> None:
    """The running header (from page 2) and the footer, in the page margins."""
    paper_w, paper_h = html_parts.PAPER_PT[paper]
    left = html_parts.MARGINS_MM["left"] * 72 / 25.4
    right = paper_w - html_parts.MARGINS_MM["right"] * 72 / 25.4
    top = html_parts.MARGINS_MM["top"] * 72 / 25.4
    bottom = paper_h - html_parts.MARGINS_MM["bottom"] * 72 / 25.4
    small = QFont(family)
    small.setPointSizeF(7.5)
    _no_ligatures(small)
    painter.setFont(small)
    rule = QPen(QColor(html_parts.RULE))
    rule.setWidthF(_pt(0.6))
    muted = QColor(html_parts.MUTED)
    line_h = _pt(12)
    width = _pt(right - left)
    flags_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    flags_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    if page > 0:
        y = _pt(top - 22)
        box = QRectF(_pt(left), y, width, line_h)
        painter.setPen(QColor(html_parts.ACCENT))
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(box, int(flags_left), report.header_left)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(box, int(flags_right), report.header_right)
        painter.setPen(rule)
        painter.drawLine(
            QPointF(_pt(left), y + line_h + _pt(3)), QPointF(_pt(right), y + line_h + _pt(3))
        )
    y = _pt(bottom + 14)
    painter.setPen(rule)
    painter.drawLine(QPointF(_pt(left), y - _pt(3)), QPointF(_pt(right), y - _pt(3)))
    box = QRectF(_pt(left), y, width, line_h)
    painter.setPen(muted)
    painter.drawText(box, int(flags_left), report.footer_left)
    label = report.page_label.format(page=page + 1, pages=pages)
    painter.drawText(box, int(flags_right), label)


def render_report_pdf(
    content: ReportContent,
    out_path: Path | str,
    *,
    paper: str = "a4",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the report to *out_path* as a PDF; return its number of pages.

    The file appears only when it is complete (written next to it, then renamed): cancelling
    (*cancelled* returns True; `ReportCancelled` is raised) or an error leaves no file behind.
    *progress(done, total)* is called as pages are drawn.
    """
    if paper not in PAPERS:
        raise UserError(f"Paper is {' or '.join(PAPERS)}.")
    out_path = Path(out_path)
    partial = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.part")
    try:
        partial.touch(mode=0o600, exist_ok=False)  # private like every file we write
    except OSError as exc:
        raise UserError(
            f"The report cannot be saved in {out_path.parent}: {exc.strerror or exc}."
        ) from None
    try:
        pages = _write(content, partial, paper, progress, cancelled)
        partial.replace(out_path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return pages


def _write(
    content: ReportContent,
    path: Path,
    paper: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAPERS[paper]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    client = content.client.name
    writer.setTitle(f"{t(content.language, 'title')} — {client}")
    writer.setCreator(f"agencydesk {__version__}")
    doc, report = build_document(content, writer, paper)
    try:
        check()
        pages = paginate(
            doc,
            writer.logicalDpiY(),
            _pt(html_parts.body_height_pt(paper)),
            report.continued_tables,
        )
        check()
        if progress is not None:
            progress(0, len(pages))
        family = doc.defaultFont().family()
        painter = QPainter()
        if not painter.begin(writer):
            raise UserError(f"The report cannot be written to {path.parent}.")
        try:
            for number, page in enumerate(pages):
                check()
                if number:
                    writer.newPage()
                offset = 0.0
                if page.header is not None:
                    _draw_band(painter, doc, page.header, 0.0, paper)
                    offset = page.header.height
                _draw_band(painter, doc, page.body, offset, paper)
                _draw_margins(painter, report, number, len(pages), paper, family)
                if progress is not None:
                    progress(number + 1, len(pages))
        finally:
            painter.end()
        return len(pages)
    finally:
        doc.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]
        del doc, writer
