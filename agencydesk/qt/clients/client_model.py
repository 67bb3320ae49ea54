"""The client list as a table model over SQL: filtering and sorting run in the database, rows are
read a page at a time when the view first shows them (never the whole table into memory or
widgets; see `PagedTableModel`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.clients import ClientRow, SortKey
from agencydesk.qt.clients.client_columns import CLIENT_ID_ROLE as CLIENT_ID_ROLE
from agencydesk.qt.clients.client_columns import cell_data, header_data
from agencydesk.qt.common.paged_model import PAGE_SIZE as PAGE_SIZE
from agencydesk.qt.common.paged_model import PagedTableModel
from agencydesk.qt.common.row_model import ModelIndex


class ClientTableModel(PagedTableModel[ClientRow]):
    COLUMNS: ClassVar[tuple[tuple[str, SortKey], ...]] = (
        ("name", "name"),
        ("company", "company"),
        ("city", "city"),
        ("phone", "phone"),
        ("tech_comfort", "tech_comfort"),
        ("preferred_channel", "preferred_channel"),
        ("tags", "tags"),
    )

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(engine, "name", parent)
        self._search = ""
        # how many clients the desk has, read with a searched list (else the list's count)
        self._everyone: int | None = None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role)  # shared with the start-up list

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        return cell_data(row, index.column(), role) if row is not None else None

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        text = " ".join(text.split())
        if text != self._search:
            self._search = text
            self.refresh()

    # -- SQL ---------------------------------------------------------------------------------
    def _count_query(self) -> Callable[..., int]:
        return partial(clients.count_clients, search=self._search)

    def _list_query(self) -> Callable[..., list[ClientRow]]:
        return partial(clients.list_clients, search=self._search)

    @property
    def everyone(self) -> int:
        """How many clients the desk has, searched for or not ("3 of 120 clients match")."""
        return self.total if self._everyone is None else self._everyone

    def _extra_query(self) -> Callable[..., int] | None:
        # every client, when searching: read with the list, in its transaction
        return clients.count_clients if self._search else None

    def _keep_extra(self, extra: Any) -> None:
        self._everyone = extra

    def _ids_query(self) -> Callable[..., list[int]]:
        return partial(clients.client_ids, search=self._search)

    def _rows_with_ids(self, session: Session, ids: list[int]) -> list[ClientRow]:
        return clients.client_rows(session=session, ids=ids)
