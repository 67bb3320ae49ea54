"""Tickets across all clients as a table model over SQL, read a page at a time when shown."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import tickets
from agencydesk.core.models import ACTIVE_STATUSES
from agencydesk.core.tickets import DueFilter, TicketRow, TicketSort
from agencydesk.qt.common.formatting import format_date
from agencydesk.qt.common.paged_model import PagedTableModel
from agencydesk.qt.common.row_model import ModelIndex

TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# the client's name, shown under the title
CLIENT_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
# the statuses of a ticket still open (an overdue one shows in red)
_ACTIVE = frozenset(s.value for s in ACTIVE_STATUSES)


def status_label(status: str) -> str:
    return {
        "open": QCoreApplication.translate("TicketStatus", "Open"),
        "waiting_on_client": QCoreApplication.translate("TicketStatus", "Waiting on client"),
        "waiting_on_us": QCoreApplication.translate("TicketStatus", "Waiting on us"),
        "resolved": QCoreApplication.translate("TicketStatus", "Resolved"),
        "closed": QCoreApplication.translate("TicketStatus", "Closed"),
    }.get(status, status)


def priority_label(priority: int) -> str:
    return {
        1: QCoreApplication.translate("Priority", "Low"),
        2: QCoreApplication.translate("Priority", "Normal"),
        3: QCoreApplication.translate("Priority", "High"),
        4: QCoreApplication.translate("Priority", "Urgent"),
    }.get(priority, str(priority))


@dataclass(frozen=True)
class TicketFilter:
    status: tuple[str, ...] = tuple(s.value for s in ACTIVE_STATUSES)
    client_id: int | None = None
    priority: int | None = None
    due: DueFilter = "any"
    search: str = ""
    # "Mine" on a team desk: only this person's tickets
    assignee_id: int | None = None


class TicketTableModel(PagedTableModel[TicketRow]):
    COLUMNS: ClassVar[tuple[tuple[str, TicketSort], ...]] = (
        ("title", "title"),
        ("client_name", "client"),
        ("status", "status"),
        ("priority", "priority"),
        ("due_date", "due"),
        ("updated_at", "updated"),
    )
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            TICKET_ID_ROLE,
            CLIENT_NAME_ROLE,
        }
    )

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(engine, "due", parent)
        self.filter = TicketFilter()
        self._today = date.today()
        # the largest ticket number: the margin of numbers is as wide as it (Qt sizes it from
        # the rows it asks, and the rows further down are read when they are shown)
        self.largest_number = 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:  # the ticket's number, where rows are counted
            # only rows already read: Qt sizes the margin from the list's first and last 100
            # rows, and reading the last page on every refresh would cost a sort of the list
            row = self.row_read(section)
            return f"#{row.id}" if row is not None else None
        titles = (
            self.tr("Ticket"),
            self.tr("Client"),
            self.tr("Status"),
            self.tr("Priority"),
            self.tr("Due"),
            self.tr("Updated"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_asked(index, role)
        if row is None:
            return None
        field = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "status":
                return status_label(row.status)
            if field == "priority":
                return priority_label(row.priority)
            if field == "due_date":
                return format_date(row.due_date)
            if field == "updated_at":
                return format_date(row.updated_at)
            return getattr(row, field)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b3261e")) if field == "due_date" and self._overdue(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "due_date":
                return self.tr("Overdue") if self._overdue(row) else None
            if field == "title":
                return f"<p><b>{html.escape(row.title)}</b><br>{html.escape(row.client_name)}</p>"
            return None
        if role == TICKET_ID_ROLE:
            return row.id
        if role == CLIENT_NAME_ROLE:
            return row.client_name
        return None

    def _overdue(self, row: TicketRow) -> bool:
        return row.due_date is not None and row.due_date < self._today and row.status in _ACTIVE

    def set_filter(self, **changes: Any) -> None:
        new = replace(self.filter, **changes)
        if new != self.filter:
            self.filter = new
            self.refresh()

    def set_status_filter(self, statuses: Sequence[str]) -> None:
        self.set_filter(status=tuple(statuses))

    def _arguments(self) -> dict[str, Any]:
        f = self.filter
        self._today = date.today()  # "overdue" moves on at midnight
        return {
            "status": f.status or None,
            "client_id": f.client_id,
            "priority": f.priority,
            "due": f.due,
            "search": f.search,
            "today": self._today,
            "assignee_id": f.assignee_id,
        }

    def filters(self) -> dict[str, Any]:
        """The filters the rows shown are read with, as the core lists take them
        (`tickets.TicketFilters`)."""
        return self._arguments()

    def _list_query(self) -> Callable[..., list[TicketRow]]:
        return partial(tickets.list_tickets, **self._arguments())

    def _ids_query(self) -> Callable[..., list[int]]:
        return partial(tickets.ticket_ids, **self._arguments())

    def _rows_with_ids(self, session: Session, ids: list[int]) -> list[TicketRow]:
        return tickets.ticket_rows(session=session, ids=ids)

    def _extra_query(self) -> Callable[..., int]:
        return tickets.largest_ticket_number

    def _keep_extra(self, extra: Any) -> None:
        self.largest_number = extra

    def _count_query(self) -> Callable[..., int]:
        return partial(tickets.count_tickets, **self._arguments())
