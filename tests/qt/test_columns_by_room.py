"""Columns that step aside in a narrow list come back as wide as what they show, and the main
column keeps its least width whatever else changes a column's width."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from agencydesk.qt.common.columns_by_room import ColumnsByRoom
from agencydesk.qt.common.list_view import make_table_view

LEAST_CHARS = 20
AnyIndex = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractTableModel):
    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self._rows = [texts]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("Title", "Status", "Due", "Updated")[section]
        return None

    def set_rows(self, texts: list[str]) -> None:
        self.beginResetModel()
        self._rows = [texts]
        self.endResetModel()


def _table(qtbot: QtBot, model: _Rows, width: int) -> tuple[QTableView, ColumnsByRoom]:
    table = make_table_view(model, "roomTable", stretch=(0,), fit=(1, 2, 3), min_section=30)
    columns = ColumnsByRoom(table, main=0, least_chars=LEAST_CHARS, give_way=(3, 2))
    qtbot.addWidget(table)
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    return table, columns


def test_a_column_that_stepped_aside_comes_back_as_wide_as_its_contents(qtbot: QtBot) -> None:
    """The list was read again while a column stood aside: it was measured hidden (0 wide)
    and came back a sliver when the window widened."""
    model = _Rows(["Upload photos", "Open", "5 Dec", "7 Dec"])
    table, _columns = _table(qtbot, model, 300)
    qtbot.waitUntil(lambda: table.isColumnHidden(3))
    model.set_rows(["Upload photos", "Waiting on client", "12 December 2026", "7 December 2026"])
    table.resize(1200, 200)
    for column in (1, 2, 3):
        qtbot.waitUntil(lambda column=column: not table.isColumnHidden(column))
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


def test_a_column_grown_after_the_list_was_arranged_makes_room_for_the_main_one(
    qtbot: QtBot,
) -> None:
    """A fitted column that grows later (measured again, or set by hand) took the main column's
    room, and nothing arranged the list again: the titles stayed narrow, scrolled sideways."""
    model = _Rows(["Upload photos", "Open", "5 Dec", "7 Dec"])
    table, _columns = _table(qtbot, model, 480)
    least = table.fontMetrics().averageCharWidth() * LEAST_CHARS
    qtbot.waitUntil(lambda: table.columnWidth(0) >= least)
    shown = [c for c in (1, 2, 3) if not table.isColumnHidden(c)]
    assert shown  # room for some of them
    table.setColumnWidth(shown[-1], 400)  # grown later, as a re-measured column would
    qtbot.waitUntil(
        lambda: table.columnWidth(0) >= least and not table.horizontalScrollBar().isVisible()
    )
