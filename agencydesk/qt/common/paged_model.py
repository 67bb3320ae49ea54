"""A table model over SQL that fetches a page of rows at a time as the view scrolls.

Subclasses say which columns they show (`COLUMNS`: field name, sort key), how to count the
matching rows and how to query one page; filtering and sorting stay in the database.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.engine import Engine

PAGE_SIZE = 200
_ModelIndex = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=_HasId)


class PagedTableModel(QAbstractTableModel, Generic[RowT]):
    #: (field shown, sort key passed to the query) per column
    COLUMNS: ClassVar[tuple[tuple[str, Any], ...]] = ()

    def __init__(self, engine: Engine, sort: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._rows: list[RowT] = []
        self._total = 0
        self._sort = sort
        self._descending = False

    # -- to implement ------------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _query(self, offset: int) -> list[RowT]:
        raise NotImplementedError

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._query(len(self._rows))
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

    # -- what the pages ask ------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many rows match (not just the rows fetched so far)."""
        return self._total

    def refresh(self) -> None:
        """Re-run the query (after an edit, a delete, a new sort or filter)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int | None:
        """The row showing *row_id*, fetching further pages if it is further down."""
        while True:
            for number, row in enumerate(self._rows):
                if row.id == row_id:
                    return number
            if not self.canFetchMore():
                return None
            self.fetchMore()

    def _reload(self) -> None:
        self._total = self._count()
        self._rows = self._query(0) if self._total else []
