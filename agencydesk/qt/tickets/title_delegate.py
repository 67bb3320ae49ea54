"""The ticket list's first column: the ticket's title with its client's name on a second line,
so one narrow column says what and for whom, and Priority, Due and Updated fit beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agencydesk.qt.common.item_painting import draw_cell_without_text
from agencydesk.qt.tickets.ticket_model import CLIENT_NAME_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex


def two_line_height(option: QStyleOptionViewItem) -> int:
    """A row high enough for the title and the client's name."""
    return 2 * option.fontMetrics.height() + 8


class TitleAndClientDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        item = draw_cell_without_text(self, painter, option, index)
        title = item.text
        client = str(index.data(CLIENT_NAME_ROLE) or "")
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = item.rect.adjusted(4, 3, -4, -3)
        metrics = item.fontMetrics
        line = metrics.height()
        painter.save()
        painter.setPen(item.palette.color(role))
        painter.drawText(
            QRect(area.left(), area.top(), area.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        if not selected:
            painter.setPen(
                item.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            )
        painter.drawText(
            QRect(area.left(), area.top() + line, area.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(client, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), two_line_height(option)))
