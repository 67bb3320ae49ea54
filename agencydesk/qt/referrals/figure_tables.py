"""The small tables of the Referrals section: per generation (a root's cascade, or every cascade
together) and the top referrers. A double-click on a referrer opens that client."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from agencydesk.core.referrals import GenerationStats, ReferrerStats
from agencydesk.qt.common.formatting import format_money
from agencydesk.qt.referrals.figures_strip import format_decimal
from agencydesk.qt.referrals.referral_tree_view import generation_name
from agencydesk.qt.referrals.roots_list import ROOT_ID_ROLE


def _set_up(table: QTableWidget, headers: list[str]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    if len(headers) == 2:  # a name and a figure: the name takes the room
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    else:  # every column as wide as it needs, the last one takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)


def _fit_height(table: QTableWidget, most_rows: int = 10) -> None:
    """As tall as its rows (up to *most_rows*, then it scrolls): no empty grey box below. Where
    its columns are wider than the table (a narrow window), the scroll bar under them is added:
    it took the last row's room, and the rows scrolled for want of a few pixels."""
    rows = max(1, min(table.rowCount(), most_rows))
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += rows * table.verticalHeader().defaultSectionSize()
    if table.horizontalScrollBar().maximum() > 0:
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)


class _FittedTable(QTableWidget):
    """A small table as tall as its rows, and the scroll bar under them when its columns are
    wider than it is (refitted whenever that changes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalScrollBar().rangeChanged.connect(lambda *_range: _fit_height(self))


def _cell(text: str, *, number: bool = False, client_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if client_id is not None:
        item.setData(ROOT_ID_ROLE, client_id)
    return item


class GenerationsTable(_FittedTable):
    """One row per generation: clients, orders, revenue, K and the days to their referrals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _set_up(
            self,
            [
                self.tr("Generation"),
                self.tr("Clients"),
                self.tr("Orders"),
                self.tr("Revenue"),
                self.tr("New clients per client"),
                self.tr("Days to their referrals"),
            ],
        )

    def fill(self, stats: tuple[GenerationStats, ...], *, root_name: str = "") -> None:
        """The first row is the root (*root_name*), or for the whole business everyone who came
        on their own."""
        self.setRowCount(len(stats))
        for row, g in enumerate(stats):
            if g.generation == 0:
                label = root_name or self.tr("Came on their own")
            else:
                label = generation_name(g.generation)
            days = g.median_days_to_referrals
            cells = [
                _cell(label),
                _cell(str(g.clients), number=True),
                _cell(str(g.orders), number=True),
                _cell(format_money(g.revenue), number=True),
                _cell(format_decimal(g.k) if g.k is not None else "–", number=True),
                _cell(str(round(days)) if days is not None else "–", number=True),
            ]
            for column, item in enumerate(cells):
                self.setItem(row, column, item)
        _fit_height(self)


class ReferrersTable(_FittedTable):
    """The top referrers, by the revenue or by the number of clients their cascade brought."""

    client_activated = Signal(int)

    def __init__(self, *, by_revenue: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_revenue = by_revenue
        # short: the caption above says the rest ("Who brought the most clients"), and a long
        # header made the figure's column so wide that the names were cut to "Ibu …"
        figure = self.tr("Revenue") if by_revenue else self.tr("Brought")
        _set_up(self, [self.tr("Client"), figure])
        self.setToolTip(self.tr("Double-click a client to open them"))
        self.itemActivated.connect(self._activated)

    def fill(self, rows: tuple[ReferrerStats, ...]) -> None:
        self.setRowCount(len(rows))
        for row, stats in enumerate(rows):
            name_item = _cell(stats.name, client_id=stats.client_id)
            brought = (
                self.tr("Brought 1 client: {money}")  # "1 clients, 1 of them directly" read badly
                if stats.cascade_clients == 1
                else self.tr("Brought {count} clients, {direct} of them directly: {money}")
            )
            name_item.setToolTip(
                html.escape(
                    brought.format(
                        count=stats.cascade_clients,
                        direct=stats.direct_referrals,
                        money=format_money(stats.cascade_revenue),
                    )
                )
            )
            self.setItem(row, 0, name_item)
            value = (
                format_money(stats.cascade_revenue)
                if self.by_revenue
                else str(stats.cascade_clients)
            )
            self.setItem(row, 1, _cell(value, number=True, client_id=stats.client_id))
        _fit_height(self)

    def _activated(self, item: QTableWidgetItem) -> None:
        client_id = item.data(ROOT_ID_ROLE)
        if isinstance(client_id, int):
            self.client_activated.emit(client_id)
