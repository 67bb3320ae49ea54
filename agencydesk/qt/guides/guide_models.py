"""The guide list as a small table model over `library.list_guides` (a library of tens to a few
hundred notes: the whole filtered list is read at once, sorted by title, in a worker)."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from sqlalchemy.engine import Engine

from agencydesk.core.guides import library
from agencydesk.core.guides.library import GuideRow
from agencydesk.core.models import GuideLevel
from agencydesk.qt.common.paged_model import PagedTableModel
from agencydesk.qt.common.row_model import ModelIndex

GUIDE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class GuideTableModel(PagedTableModel[GuideRow]):
    """The guide library, read whole (a few hundred guides at most), in a worker by its list."""

    COLUMNS = (("title", None), ("language", None), ("level", None), ("times_sent", None))
    WHOLE = True

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(engine, None, parent)
        self._search = ""
        self._language: str | None = None

    # -- what the view asks ------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Language"), self.tr("Level"), self.tr("Sent"))[
                section
            ]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section][0] == "times_sent":
            return self.tr("How many times the guide was sent to a client")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = self.COLUMNS[index.column()][0]
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

    # -- what the page asks ------------------------------------------------------------------
    @property
    def search(self) -> str:
        return self._search

    def set_filter(self, search: str, language: str | None = None) -> None:
        search = " ".join(search.split())
        if (search, language) != (self._search, self._language):
            self._search, self._language = search, language
            self.refresh()

    def _list_query(self) -> Callable[..., list[GuideRow]]:
        return partial(library.list_guides, search=self._search, language=self._language)
