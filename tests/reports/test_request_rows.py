"""The rows of the report's list of requests, drawn as the PDF draws them (here on an image)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from agencydesk.reports import html_parts
from agencydesk.reports.request_rows import RequestRows
from agencydesk.reports.request_table import ConversationLine, RequestRow, RequestTable

WIDTH = 1200  # pixels of the image, at 200 dpi: a column about as wide as the report's


def _row(text: str) -> RequestRow:
    return RequestRow(
        number="#7",
        title="Website down",
        opened="3 Dec 2026",
        resolved="",
        status="Open",
        striped=False,
        conversation=(ConversationLine("B", "3 Dec 2026 09:15", text),),
    )


def _drawn(row: RequestRow) -> tuple[QImage, float]:
    image = QImage(WIDTH, 400, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(7874)  # 200 dpi
    image.setDotsPerMeterY(7874)
    image.fill(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(html_parts.BASE_PT)
    rows = RequestRows(
        RequestTable(("Request", "Opened", "Resolved", "Status"), (row,)), font, image, WIDTH
    )
    height = rows.size(0).height()
    painter = QPainter(image)
    rows.draw(painter, QRectF(0, 0, WIDTH, height), 0)
    painter.end()
    return image, height


def _darkest(image: QImage, left: int, top: int, bottom: int) -> int:
    """The darkest pixel's r + g + b right of *left*, between *top* and *bottom*."""
    return min(
        sum(QColor(image.pixel(x, y)).getRgb()[:3])
        for y in range(top, bottom)
        for x in range(left, WIDTH)
    )


def test_a_message_after_an_emoji_stays_grey_to_its_last_letter(qapp: QApplication) -> None:
    """Qt counts an emoji as two characters: the message's grey must still reach its end
    (it stopped one letter short for each emoji, and the letters left were drawn in black)."""
    plain, plain_height = _drawn(_row("Sudah " + "n" * 40))
    emoji, emoji_height = _drawn(_row("Sudah 🙏🙏 " + "n" * 40))
    assert emoji_height == plain_height
    cells = int(plain_height / 2)  # the conversation is in the row's lower half
    darkest_grey = _darkest(plain, WIDTH // 2, cells, int(plain_height))
    assert darkest_grey > 200  # grey text, never the black of the names
    assert _darkest(emoji, WIDTH // 2, cells, int(emoji_height)) >= darkest_grey - 30


def test_a_row_grows_with_its_conversation(qapp: QApplication) -> None:
    _short, short_height = _drawn(_row("Ok"))
    _long, long_height = _drawn(_row("Tolong dicek ya mas, " * 30))
    assert long_height > short_height * 1.3
