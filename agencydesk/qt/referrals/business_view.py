"""The whole business, below its figures: who brought the most revenue and the most clients,
and the generations of all cascades together."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from agencydesk.core.referrals import BusinessSpread
from agencydesk.qt.referrals.figure_tables import GenerationsTable, ReferrersTable


def _captioned(caption: str, widget: QWidget) -> QVBoxLayout:
    box = QVBoxLayout()
    label = QLabel(caption)
    label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(True)  # two captions side by side: a narrow page cut them off
    box.addWidget(label)
    box.addWidget(widget)
    box.setAlignment(Qt.AlignmentFlag.AlignTop)
    return box


class BusinessView(QWidget):
    # a referrer was double-clicked (their client id)
    client_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.top_revenue = ReferrersTable(by_revenue=True)
        self.top_count = ReferrersTable(by_revenue=False)
        self.generations = GenerationsTable()
        for table in (self.top_revenue, self.top_count):
            table.client_activated.connect(self.client_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        tops = QHBoxLayout()
        tops.addLayout(_captioned(self.tr("Who brought the most revenue"), self.top_revenue))
        tops.addLayout(_captioned(self.tr("Who brought the most clients"), self.top_count))
        tops.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addLayout(tops)
        layout.addSpacing(8)
        layout.addLayout(
            _captioned(self.tr("By generation, all cascades together"), self.generations)
        )
        layout.addStretch(1)

    def show_business(self, spread: BusinessSpread) -> None:
        self.top_revenue.fill(spread.top_by_revenue)
        self.top_count.fill(spread.top_by_count)
        self.generations.fill(spread.generations)
