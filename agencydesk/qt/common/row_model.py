"""A read-only table model over a list of rows that have ids: what every list's model shares
(row and column counts, flags, the id of a row and the row of an id, re-reading).

Light on purpose (PySide6 only): the start-up client list uses it before SQLAlchemy is loaded.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=_HasId)


class RowsTableModel(QAbstractTableModel, Generic[RowT]):
    # one entry per column (what an entry is, is the subclass's business)
    COLUMNS: ClassVar[tuple[Any, ...]] = ()

    def __init__(self, rows: list[RowT] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = rows or []

    def _reload(self) -> None:
        """Read the rows again (a model over a fixed list never is)."""
        raise NotImplementedError

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_at(self, index: ModelIndex) -> RowT | None:
        """The row *index* shows, None for an index outside the rows."""
        valid = index.isValid() and 0 <= index.row() < len(self._rows)
        return self._rows[index.row()] if valid else None

    # -- what the pages ask ------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the query (after an edit, a delete, a new sort or filter)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int | None:
        """The row showing *row_id*, None when it is not listed."""
        return next((number for number, row in enumerate(self._rows) if row.id == row_id), None)
