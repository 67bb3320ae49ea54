"""The guide list as a small table model over `guides.list_guides` (a library of tens to a few
hundred notes: the whole filtered list is fetched at once, sorted by title)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import guides
from agencydesk.core.guides import GuideRow
from agencydesk.core.models import GuideLevel

GUIDE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_ModelIndex = QModelIndex | QPersistentModelIndex


def language_label(language: str) -> str:
    labels = {
        "id": QCoreApplication.translate("GuideLabels", "Bahasa Indonesia"),
        "en": QCoreApplication.translate("GuideLabels", "English"),
    }
    return labels.get(language, language)


def level_label(level: str) -> str:
    labels = {
        GuideLevel.NORMAL.value: QCoreApplication.translate("GuideLabels", "Normal"),
        GuideLevel.VERY_GENTLE.value: QCoreApplication.translate("GuideLabels", "Very gentle"),
    }
    return labels.get(level, level)


class GuideTableModel(QAbstractTableModel):
    COLUMNS = ("title", "language", "level", "times_sent")

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._rows: list[GuideRow] = []
        self._search = ""
        self._language: str | None = None
        self._reload()

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Language"), self.tr("Level"), self.tr("Sent"))[
                section
            ]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section] == "times_sent":
            return self.tr("How many times the guide was sent to a client")
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "language":
                return row.language.upper()
            if column == "level":
                return level_label(row.level)
            if column == "times_sent":
                return str(row.times_sent) if row.times_sent else "–"
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "language":
                return language_label(row.language)
            if column == "title":
                # a tooltip with tags is rich text: escaped inside <p>, it shows the characters
                tip = html.escape(row.title) + (f"<br>{html.escape(row.tags)}" if row.tags else "")
                return f"<p>{tip}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("language", "times_sent"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == GUIDE_ID_ROLE:
            return row.id
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- what the page asks ------------------------------------------------------------------
    @property
    def search(self) -> str:
        return self._search

    def set_filter(self, search: str, language: str | None = None) -> None:
        search = " ".join(search.split())
        if (search, language) != (self._search, self._language):
            self._search, self._language = search, language
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, guide_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == guide_id:
                return number
        return None

    def _reload(self) -> None:
        with Session(self._engine) as session:
            self._rows = guides.list_guides(
                session=session, search=self._search, language=self._language
            )
