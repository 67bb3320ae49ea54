"""The time spent on the ticket shown, under its conversation: how much (and, on a desk of
several people, who spent it), the timer and the minutes added by hand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import time_spent
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.desk_people import DeskPeople
from agencydesk.qt.common.formatting import format_duration

# runs a write in a unit of work and shows the ticket anew (`TicketView._write`)
Write = Callable[[Callable[[Session], object]], bool]


class TimeStrip(QWidget):
    """One line: "Time spent: 1 h 20 min (SW 40 min · BS 40 min)", Start/Stop timer, and a
    number of minutes to add. The running timer lives in the database (it survives restarts);
    while it runs on the ticket shown, the time is counted on every 10 seconds."""

    def __init__(
        self, engine: Engine, people: DeskPeople | None, write: Write, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._people = people
        self._write = write
        self.ticket_id: int | None = None
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)
        self.timer_button = push_button("", self.toggle_timer, name="timerButton")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.add_time_button = push_button(self.tr("Add time"), self.add_manual_time)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.time_label, 1)
        row.addWidget(self.timer_button)
        row.addWidget(self.minutes)
        row.addWidget(self.add_time_button)
        self._tick = QTimer(self)
        self._tick.setInterval(10_000)
        self._tick.timeout.connect(self.update_time)

    def show_ticket(self, ticket_id: int | None) -> None:
        self.ticket_id = ticket_id
        if ticket_id is None:
            self._tick.stop()
            return
        self.update_time()

    def toggle_timer(self) -> None:
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        if self._timer_running_here():
            self._write(lambda session: time_spent.stop_timer(session=session))
        else:
            self._write(
                lambda session: time_spent.start_timer(session=session, ticket_id=ticket_id)
            )

    def add_manual_time(self) -> None:
        ticket_id, minutes = self.ticket_id, self.minutes.value()
        if ticket_id is None:
            return
        self._write(
            lambda session: time_spent.add_time(
                session=session, ticket_id=ticket_id, minutes=minutes
            )
        )

    def _timer_running_here(self) -> bool:
        with Session(self._engine) as session:
            running = time_spent.running_timer(session=session)
            return running is not None and running.ticket_id == self.ticket_id

    def update_time(self) -> None:
        if self.ticket_id is None:
            return
        with Session(self._engine) as session:
            spent = time_spent.seconds_spent(session=session, ticket_id=self.ticket_id)
            running = time_spent.running_timer(session=session)
            by = time_spent.seconds_by_person(session=session, ticket_id=self.ticket_id)
        here = running is not None and running.ticket_id == self.ticket_id
        text = self.tr("Time spent: {time}").format(time=format_duration(spent))
        people = self._people
        whose = [(people.person(p), s) for p, s in by.items()] if people else []
        if people is not None and people.shows_people and any(p for p, _s in whose):
            # who spent it, on a desk of several people: "(SW 40 min · BS 20 min)"
            text += f" ({' · '.join(f'{p.initials} {format_duration(s)}' for p, s in whose if p)})"
        self.time_label.setText(text)
        self.timer_button.setText(self.tr("Stop timer") if here else self.tr("Start timer"))
        if here and not self._tick.isActive():
            self._tick.start()
        elif not here:
            self._tick.stop()
