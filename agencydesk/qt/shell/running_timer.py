"""The running timer in the status bar, on every page: "⏱ Ganti foto menu — 12 min" with
*Stop*. Clicking the title opens its ticket. It shows only while a timer runs, and counts on
every 15 s."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import time_spent
from agencydesk.core.changes import Topic
from agencydesk.core.db import session_scope
from agencydesk.core.models import Ticket, utcnow
from agencydesk.qt.common.buttons import link_button, push_button
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.formatting import format_duration

TICK_MS = 15_000
# a long ticket title is cut there: the status bar has the clients' count beside it
TITLE_CHARS = 40


class RunningTimer(QWidget):
    # the running timer's ticket: open it
    ticket_wanted = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.ticket_id: int | None = None
        self.title_button: QPushButton = link_button(self._open)
        self.title_button.setObjectName("runningTimerTicket")
        self.stop_button = push_button(self.tr("Stop"), self.stop, name="runningTimerStop")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title_button)
        row.addWidget(self.stop_button)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._ticked)
        # the widget itself stays in the status bar (its parts hide when no timer runs), so it
        # is followed only while its window shows: a closed window reads no database
        follow_changes(self, (Topic.TIME, Topic.TICKETS), self.refresh)
        self.refresh()

    def _ticked(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._tick.stop()

    def refresh(self) -> None:
        try:
            with Session(self._engine) as session:
                running = time_spent.running_timer(session=session)
                ticket = session.get(Ticket, running.ticket_id) if running is not None else None
                started = running.started_at if running is not None else None
        except OperationalError:
            # a team server out of reach: the status bar says so already (live_status); this
            # keeps what it showed and looks again on the next change or tick
            return
        if ticket is None or started is None:
            self.ticket_id = None
            self._tick.stop()
            self.title_button.hide()
            self.stop_button.hide()
            return
        self.ticket_id = ticket.id
        elapsed = format_duration(int((utcnow() - started).total_seconds()))
        title = (
            ticket.title
            if len(ticket.title) <= TITLE_CHARS
            else ticket.title[: TITLE_CHARS - 1] + "…"
        )
        self.title_button.setText(f"⏱ {title} — {elapsed}")
        self.title_button.setToolTip(self.tr("The timer is running: open its ticket"))
        self.title_button.show()
        self.stop_button.show()
        if not self._tick.isActive():
            self._tick.start()

    def _open(self) -> None:
        if self.ticket_id is not None:
            self.ticket_wanted.emit(self.ticket_id)

    def stop(self) -> None:
        with session_scope(self._engine) as session:
            time_spent.stop_timer(session=session)
        self.refresh()
