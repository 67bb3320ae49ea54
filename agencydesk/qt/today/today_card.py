"""A Today card: a titled box with a coloured top edge, a subtitle and clickable lines, as tall
as what it says (the page scrolls; a card never grows a scroll bar of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from agencydesk.qt.common.dialog_layout import STRETCH, top_to_bottom
from agencydesk.qt.common.labels import bold_label

TICKET_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ROLE = Qt.ItemDataRole.UserRole + 2


class AllRowsList(QListWidget):
    """A list as tall as its rows: the page scrolls, a card never grows a scroll bar of its own
    (it did, with a black handle, from the list's style sheet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # lines wrap anew when the width changes
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def rows_height(self) -> int:
        """The height of every row as laid out at the list's present width (wrapped lines)."""
        if self.count() == 0:
            return 2 * self.frameWidth()
        last = self.visualItemRect(self.item(self.count() - 1))
        return last.bottom() + 1 + self.verticalOffset() + 2 * self.frameWidth() + 2

    def updateGeometries(self) -> None:
        """After every layout of the rows (new lines, another width): as tall as they are."""
        super().updateGeometries()
        height = self.rows_height()
        if height != self.height():
            self.setFixedHeight(height)


class TodayCard(QFrame):
    """A titled box with a count and a list of clickable lines."""

    def __init__(self, object_name: str, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(
            f"#{object_name} {{ background: palette(base); border: 1px solid #d9d9d9;"
            f" border-radius: 8px; border-top: 4px solid {accent}; }}"
        )
        self.title = bold_label(QLabel(), 1.1)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555555;")
        self.subtitle.setWordWrap(True)
        self.list = AllRowsList()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.setStyleSheet(
            "QListWidget { background: transparent; } QListWidget::item { padding: 3px 0; }"
        )
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #777777;")
        self.empty.setWordWrap(True)
        # the stretch last: title and lines at the top when the card beside it is taller
        top_to_bottom(
            (self.title, self.subtitle, self.empty, self.list, STRETCH),
            self,
            margins=(12, 10, 12, 10),
        )

    def fill(self, title: str, lines: list[tuple[str, int | None, int | None]], empty: str) -> None:
        self.title.setText(title)
        self.list.clear()
        for text, ticket_id, client_id in lines:
            item = QListWidgetItem(text)
            item.setData(TICKET_ROLE, ticket_id)
            item.setData(CLIENT_ROLE, client_id)
            self.list.addItem(item)
        self.empty.setText(empty)
        self.empty.setVisible(not lines)
        self.list.setVisible(bool(lines))
        self.subtitle.setVisible(bool(self.subtitle.text()))
