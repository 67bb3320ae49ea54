"""The receipt as a one-page PDF, drawn by Qt as the report is (`pdf.py`: same fonts, same
pictures as vector graphics, the file appearing only when complete)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from agencydesk import __version__
from agencydesk.core.errors import SaidError
from agencydesk.core.files import check_whole_pdf, write_atomically
from agencydesk.reports import html_parts, pdf
from agencydesk.reports.receipt import (
    BODY_WIDTH_PT,
    MARGIN_PT,
    PAGE_PT,
    STYLE,
    ReceiptContent,
    render_receipt_html,
)
from agencydesk.reports.text import t


def _device(value_pt: float) -> float:
    """Points → the PDF writer's device units (as `pdf.py` lays out the report)."""
    return value_pt * pdf.RESOLUTION / 72.0


def render_receipt_pdf(content: ReceiptContent, out_path: Path | str) -> None:
    """Write the receipt to *out_path* as a one-page A5 landscape PDF."""
    out = Path(out_path)

    def write(partial: Path) -> None:
        _write(content, partial)
        check_whole_pdf(partial, out)

    write_atomically(out, write)


def _write(content: ReceiptContent, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(pdf.RESOLUTION)
    writer.setPageSize(QPageSize(QSizeF(*PAGE_PT), QPageSize.Unit.Point, "A5 landscape"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    receipt = content.receipt
    writer.setTitle(
        f"{t(content.language, 'receipt_title')} {receipt.label} — {receipt.client_name}"
    )
    writer.setCreator(f"agencydesk {__version__}")
    pictures = html_parts.Pictures()
    page_html = render_receipt_html(content, pictures)
    doc = pdf.styled_document(writer, tuple(pictures.items), BODY_WIDTH_PT)
    try:
        doc.setDefaultStyleSheet(html_parts.STYLE + STYLE)
        doc.setHtml(page_html)
        painter = QPainter()
        if not painter.begin(writer):
            raise SaidError("receipt_not_written", folder=str(path.parent))
        try:
            margin = _device(MARGIN_PT)
            painter.translate(margin, margin)
            height = _device(PAGE_PT[1] - 2 * MARGIN_PT)
            doc.drawContents(painter, QRectF(0, 0, _device(BODY_WIDTH_PT), height))
        finally:
            painter.end()
    finally:
        pdf.release_document(doc)
        del doc, writer
