"""The running timer in the status bar, on every page: "⏱ Ganti foto menu — 12 min" with
*Stop*. Clicking the title opens its ticket. It shows only while a timer runs, and counts on
every 15 s.

It reads the database in a worker: it refreshes on every tick and on every change to tickets
or time, a colleague's included, and on a team server a network away each read is several round
trips (about 0.2 s at 40 ms each) that the window would otherwise stand still for.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import time_spent
from agencydesk.core.changes import Topic
from agencydesk.core.db import session_scope
from agencydesk.core.models import Ticket, utcnow
from agencydesk.core.shorten import shorten
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import link_button, push_button
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.formatting import format_duration

TICK_MS = 15_000
# a long ticket title is cut there: the status bar has the clients' count beside it
TITLE_CHARS = 40


class Running(NamedTuple):
    """The running timer as the status bar shows it (plain values: it crosses threads)."""

    ticket_id: int
    title: str
    started_at: datetime


def read_running(engine: Engine) -> Running | None:
    """The running timer and its ticket's title, or None when no timer runs (worker thread)."""
    with Session(engine) as session:
        running = time_spent.running_timer(session=session)
        ticket = session.get(Ticket, running.ticket_id) if running is not None else None
        if running is None or ticket is None or ticket.id is None:
            return None
        return Running(ticket.id, ticket.title, running.started_at)


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
        # hidden until a read finds a timer running
        self.title_button.hide()
        self.stop_button.hide()
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
        """Read the running timer again in a worker; it shows when the read is done."""
        engine = self._engine
        workers.run_task(
            lambda: read_running(engine), self._show, self._not_read, owner=self, key="read"
        )

    def _not_read(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, OperationalError):
            # a team server out of reach: the status bar says so already (live_status); this
            # keeps what it showed and looks again on the next change or tick
            return
        report_exception(self, exc, details)

    def _show(self, running: Running | None) -> None:
        if running is None:
            self.ticket_id = None
            self._tick.stop()
            self.title_button.hide()
            self.stop_button.hide()
            return
        self.ticket_id = running.ticket_id
        elapsed = format_duration(int((utcnow() - running.started_at).total_seconds()))
        title = shorten(running.title, TITLE_CHARS)
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
