"""A table model over SQL that fetches a page of rows at a time as the view scrolls.

Subclasses say which columns they show (`COLUMNS`: field name, sort key), how to count the
matching rows and which core list to ask for a page (`_list`, given the sort and the page);
filtering and sorting stay in the database.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, Qt
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.qt.common.row_model import ModelIndex, RowsTableModel, RowT

PAGE_SIZE = 200
#: looking for a row further down, each read takes this many times the rows of the one before:
#: a page at a time, the oldest of 100,000 tickets took 818 reads (each sorting every ticket)
#: and two minutes
GROWTH = 8


class PagedTableModel(RowsTableModel[RowT]):
    # (field shown, sort key passed to the query) per column
    COLUMNS: ClassVar[tuple[tuple[str, Any], ...]] = ()

    def __init__(self, engine: Engine, sort: Any, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._engine = engine
        self._total = 0
        self._sort = sort
        self._descending = False

    # -- to implement ------------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _list(self, session: Session, **page: Any) -> list[RowT]:
        """The core list call with the model's filters and *page* (sort, descending, offset,
        limit)."""
        raise NotImplementedError

    def _query(self, offset: int, limit: int = PAGE_SIZE) -> list[RowT]:
        with Session(self._engine) as session:
            return self._list(
                session,
                sort=self._sort,
                descending=self._descending,
                offset=offset,
                limit=limit,
            )

    # -- what the view asks ------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch(PAGE_SIZE)

    def _fetch(self, limit: int) -> None:
        """Read the next *limit* rows in."""
        page = self._query(len(self._rows), limit)
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

    def row_of(self, row_id: int) -> int | None:
        """The row showing *row_id*, reading further rows in if it is further down (each read
        `GROWTH` times the one before, each new row looked at once)."""
        row = super().row_of(row_id)
        limit = PAGE_SIZE
        while row is None and self.canFetchMore():
            first = len(self._rows)
            self._fetch(limit)
            limit *= GROWTH
            found = (n for n, fetched in enumerate(self._rows[first:]) if fetched.id == row_id)
            row = next((first + n for n in found), None)
        return row

    def _reload(self) -> None:
        self._total = self._count()
        self._rows = self._query(0) if self._total else []
