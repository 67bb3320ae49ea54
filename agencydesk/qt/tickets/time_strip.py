"""The time spent on the ticket shown, under its conversation: how much (and, on a desk of
several people, who spent it), the timer, *Add time…* (a day, minutes, a note, billable) and
*Entries*, which opens the list of the ticket's time entries to correct or delete one.

The figures are read in a worker: they are read again whenever a ticket is chosen and every
10 s while its timer runs, and on a team server a network away that read is several round trips
(about 0.2 s at 40 ms each) that the window would otherwise stand still for."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import time_entries, time_spent
from agencydesk.core.models import utcnow
from agencydesk.core.time_entries import TimeEntryRow
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.focus_hold import FocusHold
from agencydesk.qt.common.formatting import format_duration
from agencydesk.qt.tickets.time_entries_list import TicketTime, TimeEntriesList
from agencydesk.qt.tickets.time_entry_form import ask_entry


class TicketTimeFigures(NamedTuple):
    """What the strip shows of one ticket (plain values: it crosses threads)."""

    ticket_id: int
    spent: int  # seconds, the running timer's so far included
    running_here: bool
    by_person: dict[int | None, int]
    entries: list[TimeEntryRow]


def read_figures(engine: Engine, ticket_id: int) -> TicketTimeFigures:
    """The time figures of *ticket_id*, read in one session (worker thread)."""
    with Session(engine) as session:
        running = time_spent.running_timer(session=session)
        return TicketTimeFigures(
            ticket_id,
            time_spent.seconds_spent(session=session, ticket_id=ticket_id),
            running is not None and running.ticket_id == ticket_id,
            time_spent.seconds_by_person(session=session, ticket_id=ticket_id),
            time_entries.list_entries(session=session, ticket_id=ticket_id),
        )


# how soon a read that found the team server out of reach is tried again
RETRY_MS = 5_000


class TimeStrip(QWidget):
    """One line (two where it does not fit): "Time spent: 1 h 20 min (SW 40 min · BS 40 min)",
    Start/Stop timer, *Add time…* and *Entries*. The running timer lives in the database (it
    survives restarts); while it runs on the ticket shown, the time is counted every 10 s."""

    def __init__(self, parts: TicketTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine, self._people, self._write = parts.engine, parts.people, parts.write
        self.ticket_id: int | None = None
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)
        self.timer_button = push_button(
            self.tr("Start timer"), self.toggle_timer, name="timerButton"
        )
        self.add_time_button = push_button(
            self.tr("Add time…"), self.ask_add_time, name="addTimeButton"
        )
        self.entries_button = push_button(self.tr("Entries"), self._toggle_entries)
        self.entries_button.setObjectName("timeEntriesButton")
        self.entries_button.setCheckable(True)
        self.entries_button.setToolTip(self.tr("The time entries: correct or delete one"))
        self.timer_button.setToolTip(self.tr("Start or stop the timer (Ctrl+Shift+T)"))
        self._greyed = FocusHold()
        self.entries = TimeEntriesList(parts)
        self.entries.hide()
        self._row = QGridLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setColumnStretch(0, 1)  # the time (or, below it, the room before the buttons)
        self._one_line: bool | None = None
        self._arrange()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._row)
        column.addWidget(self.entries)
        self._tick = QTimer(self)
        self._tick.setInterval(10_000)
        self._tick.timeout.connect(self.update_time)
        # a read that found the team server out of reach is tried again: the buttons wait for
        # the figures, and would otherwise stay greyed until another ticket was chosen
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.update_time)
        # whether the timer runs on this ticket, as last read: what Start/Stop says and does
        self._running_here = False

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.timer_button, self.add_time_button, self.entries_button)

    def _arrange(self) -> None:
        """The time and the buttons on one line where the time fits beside them unwrapped;
        else the time on a line of its own above the buttons (a longer language, a narrow
        pane): a time broken over two lines beside them read badly ("Waktu terpakai: 1 /
        jam")."""
        spacing = max(self._row.horizontalSpacing(), 0)
        buttons = sum(button.sizeHint().width() + spacing for button in self._buttons())
        text = self.time_label.fontMetrics().horizontalAdvance(self.time_label.text())
        one_line = text + buttons <= self.width()
        if one_line == self._one_line:
            return
        self._one_line = one_line
        row = 0 if one_line else 1
        self._row.addWidget(self.time_label, 0, 0, 1, 1 if one_line else 4)
        for column, button in enumerate(self._buttons(), 1):
            self._row.addWidget(button, row, column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def show_ticket(self, ticket_id: int | None) -> None:
        self.ticket_id = ticket_id
        # the buttons wait for this ticket's figures: Start/Stop must say what a click does
        self._enable_buttons(False)
        if ticket_id is None:
            self._tick.stop()
            return
        self.update_time()

    def _enable_buttons(self, enabled: bool) -> None:
        self._greyed.set_enabled(self._buttons(), enabled)

    def toggle_timer(self) -> None:
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        self._enable_buttons(False)  # till the figures are read again: one click, one change
        if self._timer_running_here():
            self._write(lambda session: time_spent.stop_timer(session=session))
        else:
            self._write(
                lambda session: time_spent.start_timer(session=session, ticket_id=ticket_id)
            )

    def ask_add_time(self) -> None:
        """Ask for the day, minutes (15), note and billable, then add the entry."""
        if self.ticket_id is None:
            return
        values = ask_entry(self, self._engine, self.tr("Add time"))
        if values is not None:
            self.add_manual_time(values.minutes, values.day, values.note, values.billable)

    def add_manual_time(
        self, minutes: int = 15, day: date | None = None, note: str = "", billable: bool = True
    ) -> None:
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        on = time_entries.moment_on(day, utcnow()) if day is not None else None
        self._enable_buttons(False)
        self._write(
            lambda session: time_spent.add_time(
                session=session,
                ticket_id=ticket_id,
                minutes=minutes,
                on=on,
                note=note,
                billable=billable,
            )
        )

    def _toggle_entries(self) -> None:
        self.entries.setVisible(self.entries_button.isChecked())
        self.update_time()

    def _timer_running_here(self) -> bool:
        """As the button says (read with the figures, which it waits for): a click does what it
        says, with no read on the GUI thread first (a round trip to a team server)."""
        return self._running_here

    def update_time(self) -> None:
        """Read the ticket's time again in a worker; the strip shows it when the read is done
        (the latest read wins)."""
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        engine = self._engine
        workers.run_task(
            lambda: read_figures(engine, ticket_id),
            self._show_figures,
            self._not_read,
            owner=self,
            key="figures",
        )

    def _not_read(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, OperationalError):
            # a team server out of reach: the status bar says so (live_status); read again
            self._retry.start()
            return
        report_exception(self, exc, details)

    def _show_figures(self, figures: TicketTimeFigures) -> None:
        if figures.ticket_id != self.ticket_id:
            return  # another ticket was chosen meanwhile (its own read follows)
        rows = figures.entries
        self.entries_button.setText(self.tr("Entries ({count})").format(count=len(rows)))
        if self.entries_button.isChecked():
            self.entries.show_entries(rows)
        here = self._running_here = figures.running_here
        text = self.tr("Time spent: {time}").format(time=format_duration(figures.spent))
        people = self._people
        whose = [(people.person(p), s) for p, s in figures.by_person.items()] if people else []
        if people is not None and people.shows_people and any(p for p, _s in whose):
            # who spent it, on a desk of several people: "(SW 40 min · BS 20 min)"
            text += f" ({' · '.join(f'{p.initials} {format_duration(s)}' for p, s in whose if p)})"
        self.time_label.setText(text)
        self.timer_button.setText(self.tr("Stop timer") if here else self.tr("Start timer"))
        self._enable_buttons(True)
        self._arrange()
        if here and not self._tick.isActive():
            self._tick.start()
        elif not here:
            self._tick.stop()
