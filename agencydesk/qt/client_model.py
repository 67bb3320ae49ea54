"""The client list as a table model over SQL: filtering and sorting run in the database, rows are
fetched a page at a time as the view scrolls (never the whole table into memory or widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.clients import ClientRow, SortKey
from agencydesk.qt.client_columns import CLIENT_ID_ROLE as CLIENT_ID_ROLE
from agencydesk.qt.client_columns import cell_data, header_data

PAGE_SIZE = 200

_ModelIndex = QModelIndex | QPersistentModelIndex


class ClientTableModel(QAbstractTableModel):
    COLUMNS: tuple[tuple[str, SortKey], ...] = (
        ("name", "name"),
        ("company", "company"),
        ("city", "city"),
        ("phone", "phone"),
        ("tech_comfort", "tech_comfort"),
        ("preferred_channel", "preferred_channel"),
        ("tags", "tags"),
    )

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._rows: list[ClientRow] = []
        self._total = 0
        self._search = ""
        self._sort: SortKey = "name"
        self._descending = False
        self._reload()

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role)  # shared with the start-up list

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return cell_data(self._rows[index.row()], index.column(), role)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._query_page(len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        key, descending = self.COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view asks again when sorting is switched on: nothing changed
        self._sort, self._descending = key, descending
        self.refresh()

    # -- what the window asks ----------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many clients match the current search (not just the rows fetched so far)."""
        return self._total

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        text = " ".join(text.split())
        if text != self._search:
            self._search = text
            self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after an edit, a delete, a new sort or search)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def client_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, client_id: int) -> int | None:
        """The row showing *client_id*, fetching further pages if it is further down."""
        while True:
            for number, row in enumerate(self._rows):
                if row.id == client_id:
                    return number
            if not self.canFetchMore():
                return None
            self.fetchMore()

    # -- SQL ---------------------------------------------------------------------------------
    def _query_page(self, offset: int) -> list[ClientRow]:
        with Session(self._engine) as session:
            return clients.list_clients(
                session=session,
                search=self._search,
                sort=self._sort,
                descending=self._descending,
                offset=offset,
                limit=PAGE_SIZE,
            )

    def _reload(self) -> None:
        with Session(self._engine) as session:
            self._total = clients.count_clients(session=session, search=self._search)
        self._rows = self._query_page(0) if self._total else []
