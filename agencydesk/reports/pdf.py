"""The client report as a PDF, made by Qt: QTextDocument lays it out, QPdfWriter writes it.

With `pagination.py`, the part of `agencydesk.reports` that imports Qt. Why Qt and not a PDF
library: the app already ships Qt, whose PDF writer embeds (subsets of) the fonts it uses as
TrueType with a Unicode map (so the text can be searched and copied), follows Qt's font fallback
(Indonesian text in DejaVu/Noto Sans, emoji from the colour emoji font, ours where the system has
none, instead of boxes), and
paints SVG through QSvgRenderer as vector paths. No new dependency in the bundle.

How a page is made: the HTML from `template.py` is laid out once, in one long column as wide as
the printable area. `pagination.paginate` then chooses where each page ends, at the places a
typesetter would. Every page is drawn by hand: its slice of the column, a running header (from
page 2) and the footer "Generated on … · Page n of N". The charts and the logo are the document's
<img>, drawn by `_DocumentObjects`: SVG through QSvgRenderer, so vector graphics in the PDF, not
pictures of them. So is the list of requests, one object laid out and drawn by
`request_rows.py` a page's rows at a time (as an HTML table, that list was two thirds of a busy
client's PDF time).

Works in a worker thread (fonts, QTextDocument and QPdfWriter are thread-safe for this use); it
needs a QGuiApplication, which `ensure_gui_application()` provides for the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
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
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from agencydesk import __version__
from agencydesk.core.errors import SaidError, UserError
from agencydesk.core.files import check_whole_pdf, write_atomically
from agencydesk.reports import html_parts, template
from agencydesk.reports.content import ReportContent
from agencydesk.reports.fonts import use_bundled_fonts
from agencydesk.reports.html_parts import Picture
from agencydesk.reports.pagination import Band, is_request_list, paginate
from agencydesk.reports.request_rows import RequestRows
from agencydesk.reports.request_table import REQUEST_LIST, RequestTable
from agencydesk.reports.text import t

#: dots per inch of the PDF's coordinate system (layout precision, not image quality: the PDF
#: holds text and vector graphics)
RESOLUTION = 1200
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_RASTER_LOGO_PT = (150.0, 56.0)
#: how far inside a page's slice of the column its text must reach to be drawn there (device
#: units): what merely touches the slice's edge belongs to the page before or after
_HAIR = 1.0


class ReportCancelled(Exception):  # noqa: N818 (the name says it)
    """The user cancelled while the report was being written; no file was left behind."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one for the command line: offscreen when there is
    no display (a server, a terminal over SSH), so fonts and painting still work."""
    app = QGuiApplication.instance()
    if app is not None:
        use_bundled_fonts()
        return app  # type: ignore[return-value]
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication([sys.argv[0] if sys.argv else "agencydesk"])
    use_bundled_fonts()  # emoji as pictures, not boxes, where the system has no emoji font
    return app


def _pt(value: float) -> float:
    """Points (1/72 inch) → the PDF writer's device units."""
    return value * RESOLUTION / 72.0


class _DocumentObjects(QPyTextObject):
    """Sizes and draws what the text has as objects (<img>): the report's pictures (SVG through
    QSvgRenderer, so vector paths and text in the PDF; PNG/JPEG as images) and its list of
    requests (`request_rows.py`)."""

    def __init__(
        self,
        pictures: tuple[Picture, ...],
        parent: QTextDocument,
        requests: RequestRows | None = None,
    ) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self.requests = requests
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

    def _index(self, name: str) -> int | None:
        """Which of our pictures the <img> *name* is (None: not one of ours)."""
        scheme, _colon, number = name.partition(":")
        if scheme != html_parts.PICTURE_SCHEME or not number.isdigit():
            return None
        index = int(number)
        return index if index < len(self._pictures) else None

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        name = fmt.toImageFormat().name()
        if name == REQUEST_LIST and self.requests is not None:
            return self.requests.list_size()
        index = self._index(name)
        return self._sizes[index] if index is not None else QSizeF(0, 0)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        area = QRectF(rect)
        name = fmt.toImageFormat().name()
        if name == REQUEST_LIST and self.requests is not None:
            # the rows of the page's slice (`_draw_band`), or all of them, unclipped
            shown = area
            if painter.hasClipping():
                shown = painter.clipBoundingRect().adjusted(0, _HAIR, 0, -_HAIR)
            self.requests.draw_list(painter, area, shown)
            return
        index = self._index(name)
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


def styled_document(
    device: QPdfWriter,
    pictures: tuple[Picture, ...],
    width_pt: float,
    requests: RequestTable | None = None,
) -> QTextDocument:
    """An empty document in the report's type and look, laid out for *device* in a column
    *width_pt* wide, whose <img> are *pictures* (drawn by us, as vector graphics) and the rows
    of *requests*; the receipt is made of the same."""
    use_bundled_fonts()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    font = QFont(_font_family())
    font.setPointSizeF(html_parts.BASE_PT)
    _no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(html_parts.STYLE)
    rows = None
    if requests is not None:
        rows = RequestRows(requests, font, device, _pt(width_pt))
    handler = _DocumentObjects(pictures, doc, rows)
    doc.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject, handler)
    # the width first: set after the HTML, it would lay the start out a second time
    doc.setTextWidth(_pt(width_pt))
    return doc


def list_rows(doc: QTextDocument) -> list[float]:
    """The height of each row of the list of requests in *doc* (made by `styled_document`),
    the header row's first; none without a list."""
    for handler in doc.findChildren(_DocumentObjects):
        if handler.requests is not None:
            return handler.requests.heights()
    return []


def release_document(doc: QTextDocument) -> None:
    """Let go of a document made by `styled_document`, on the thread that made it (a worker).

    Our object handler goes first. Left to the document, its layout would ask the handler,
    while holding a lock Qt shares among many objects, whether Python overrides
    `disconnectNotify`: that needs Python's own lock, which the GUI thread may hold while it
    waits for that same Qt lock to connect a signal. A report written in a worker hung the
    test suite that way once (the stacks showed both threads waiting on each other)."""
    doc.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]
    for handler in doc.findChildren(_DocumentObjects):
        shiboken6.delete(handler)


def build_document(
    content: ReportContent, device: QPdfWriter, paper: str
) -> tuple[QTextDocument, html_parts.ReportHtml]:
    """The report laid out in one long column as wide as the printable area of *paper*."""
    report = template.render_report_html(content, paper=paper)
    doc = styled_document(device, report.pictures, html_parts.body_width_pt(paper), report.requests)
    doc.setHtml(report.html)
    return doc, report


class _Column:
    """The laid-out column, drawn a page's slice (a band) at a time. A slice inside the list of
    requests is drawn by the list itself: the document's layout would walk to its one object
    and call back into Python to draw it, twice a page (the header row, the page's rows), a
    tenth of all the drawing."""

    def __init__(self, doc: QTextDocument, paper: str) -> None:
        self._doc = doc
        self._left = _pt(html_parts.MARGINS_MM["left"] * 72 / 25.4)
        self._top = _pt(html_parts.MARGINS_MM["top"] * 72 / 25.4)
        self._width = _pt(html_parts.body_width_pt(paper))
        self._list = _request_list(doc)

    def draw(self, painter: QPainter, band: Band, offset: float) -> None:
        """Draw the slice *band* at *offset* below the top of the printable area."""
        painter.save()
        painter.translate(self._left, self._top + offset - band.top)
        painter.setClipRect(QRectF(0, band.top, self._width, band.height))
        # what touches this rectangle is drawn, clipped or not: a hair inside the band, so a
        # line starting right at its edge is not also written (invisibly, but findable and
        # copyable) on this page
        shown = QRectF(0, band.top + _HAIR, self._width, band.height - 2 * _HAIR)
        if self._list is not None and self._list[1].contains(shown):
            rows, place = self._list
            rows.draw_list(painter, place, shown)
        else:
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = shown
            self._doc.documentLayout().draw(painter, context)
        painter.restore()


def _request_list(doc: QTextDocument) -> tuple[RequestRows, QRectF] | None:
    """The list of requests of the laid-out *doc* and where it is (None: no list)."""
    handlers = doc.findChildren(_DocumentObjects)
    rows = next((h.requests for h in handlers if h.requests is not None), None)
    block = doc.begin()
    while rows is not None and block.isValid():
        if is_request_list(block):
            top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
            return rows, QRectF(top_left, rows.list_size())
        block = block.next()
    return None


class _Margins:
    """The running header (from page 2) and the footer, in the page margins: fonts, pens and
    places made once a report, drawn on every page."""

    def __init__(self, report: html_parts.ReportHtml, paper: str, family: str) -> None:
        self.report = report
        paper_w, paper_h = html_parts.PAPER_PT[paper]
        left = html_parts.MARGINS_MM["left"] * 72 / 25.4
        right = paper_w - html_parts.MARGINS_MM["right"] * 72 / 25.4
        top = html_parts.MARGINS_MM["top"] * 72 / 25.4
        bottom = paper_h - html_parts.MARGINS_MM["bottom"] * 72 / 25.4
        self.small = QFont(family)
        self.small.setPointSizeF(7.5)
        _no_ligatures(self.small)
        self.bold = QFont(self.small)
        self.bold.setBold(True)
        self.rule = QPen(QColor(html_parts.RULE))
        self.rule.setWidthF(_pt(0.6))
        self.muted = QColor(html_parts.MUTED)
        self.accent = QColor(html_parts.ACCENT)
        line_h = _pt(12)
        width = _pt(right - left)
        self.flags_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.flags_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y = _pt(top - 22)
        self.header_box = QRectF(_pt(left), y, width, line_h)
        self.header_rule = (
            QPointF(_pt(left), y + line_h + _pt(3)),
            QPointF(_pt(right), y + line_h + _pt(3)),
        )
        y = _pt(bottom + 14)
        self.footer_rule = (QPointF(_pt(left), y - _pt(3)), QPointF(_pt(right), y - _pt(3)))
        self.footer_box = QRectF(_pt(left), y, width, line_h)

    def draw(self, painter: QPainter, page: int, pages: int) -> None:
        report = self.report
        painter.setFont(self.small)
        if page > 0:
            painter.setPen(self.accent)
            painter.setFont(self.bold)
            painter.drawText(self.header_box, self.flags_left, report.header_left)
            painter.setFont(self.small)
            painter.setPen(self.muted)
            painter.drawText(self.header_box, self.flags_right, report.header_right)
            painter.setPen(self.rule)
            painter.drawLine(*self.header_rule)
        painter.setPen(self.rule)
        painter.drawLine(*self.footer_rule)
        painter.setPen(self.muted)
        painter.drawText(self.footer_box, self.flags_left, report.footer_left)
        label = report.page_label.format(page=page + 1, pages=pages)
        painter.drawText(self.footer_box, self.flags_right, label)


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
    out = Path(out_path)

    def write(partial: Path) -> int:
        pages = _write(content, partial, paper, progress, cancelled)
        check_whole_pdf(partial, out)
        return pages

    return write_atomically(out, write)


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
            list_rows(doc),
        )
        check()
        if progress is not None:
            progress(0, len(pages))
        column = _Column(doc, paper)
        margins = _Margins(report, paper, doc.defaultFont().family())
        painter = QPainter()
        if not painter.begin(writer):
            raise SaidError("report_not_written", folder=str(path.parent))
        try:
            for number, page in enumerate(pages):
                check()
                if number:
                    writer.newPage()
                offset = 0.0
                if page.header is not None:
                    column.draw(painter, page.header, 0.0)
                    offset = page.header.height
                column.draw(painter, page.body, offset)
                margins.draw(painter, number, len(pages))
                if progress is not None:
                    progress(number + 1, len(pages))
        finally:
            painter.end()
        return len(pages)
    finally:
        release_document(doc)
        del doc, writer
