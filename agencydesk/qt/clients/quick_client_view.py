"""The client list as start-up first shows it: the first page of rows, read-only.

It is on screen while the data layer (SQLAlchemy, SQLModel) is still being imported in a worker,
then the main window swaps in the real `ClientsPage`, keeping the selected client. It looks like
that page (same columns, widths, search box and splitter) but does nothing: no search, sorting,
editing or details until the real page is in. Light: never imports SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from agencydesk.core.quick_list import QuickPage
from agencydesk.core.rows import ClientRow
from agencydesk.qt.clients.client_columns import (
    COLUMN_WIDTHS,
    FIELDS,
    NAME_COLUMN,
    cell_data,
    client_columns_by_room,
    header_data,
    new_client_title,
    search_placeholder,
)
from agencydesk.qt.common.list_view import list_and_detail, make_table_view, select_row
from agencydesk.qt.common.row_model import ModelIndex, RowsTableModel


class QuickClientModel(RowsTableModel[ClientRow]):
    """A fixed list of client rows, shown exactly as `ClientTableModel` shows them."""

    COLUMNS = FIELDS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        return cell_data(row, index.column(), role) if row is not None else None


class QuickClientView(QWidget):
    """Read-only stand-in for `ClientsPage` while the database layer loads."""

    def __init__(self, page: QuickPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = page.total
        self.model = QuickClientModel(page.rows, parent=self)

        self.search = QLineEdit()
        self.search.setObjectName("quickClientSearch")
        self.search.setPlaceholderText(search_placeholder())
        self.search.setEnabled(False)
        self.new_button = QPushButton(new_client_title())
        self.new_button.setEnabled(False)

        self.table = make_table_view(
            self.model, "quickClientTable", widths=COLUMN_WIDTHS, stretch=(NAME_COLUMN,)
        )
        self.columns = client_columns_by_room(self.table)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # as the real list is sorted
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(False)  # sorting waits for the real list

        self.splitter = list_and_detail(
            (self.search, self.new_button),
            self.table,
            QWidget(),  # where the client's details will be
            stretch=(3, 2),
            sizes=(760, 360),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        select_row(self.table, 0)  # the real page starts on its first row too

    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def layout_state(self) -> QByteArray:
        return self.splitter.saveState()

    def restore_layout_state(self, state: QByteArray) -> None:
        self.splitter.restoreState(state)

    def list_has_focus(self) -> bool:
        return self.table.hasFocus()
