"""The Today page, the start page: what needs the freelancer now.

The summary is computed in a worker (plain dataclasses come back) and refreshed when data
changes and every minute, since waits keep growing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import today
from agencydesk.core.changes import DATA_TOPICS
from agencydesk.core.today import TodaySummary
from agencydesk.qt.common import workers
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.desk_people import people_of
from agencydesk.qt.common.dialog_layout import STRETCH, scrolling, top_to_bottom
from agencydesk.qt.common.formatting import (
    format_date,
    format_datetime,
    format_day_heading,
    format_number,
    format_wait,
)
from agencydesk.qt.common.labels import bold_label
from agencydesk.qt.common.list_view import filter_combo
from agencydesk.qt.today.follow_ups_card import FollowUpsCard
from agencydesk.qt.today.months_table import months_table
from agencydesk.qt.today.today_card import CLIENT_ROLE, TICKET_ROLE, TodayCard

REFRESH_MS = 60_000


def _ticket_wait(text: str, client: str, title: str, wait: timedelta) -> str:
    """*text* with the client, the ticket's title and how long the wait was (or is) filled in."""
    return text.format(client=client, title=title, wait=format_wait(wait.total_seconds()))


def _summary(engine: Engine, person_id: int | None) -> TodaySummary:
    with Session(engine) as session:
        return today.today_summary(session=session, person_id=person_id)


class TodayPage(QWidget):
    ticket_activated = Signal(int)
    client_activated = Signal(int)
    # (overdue, due today, waiting): for the sidebar
    counts_changed = Signal(int, int, int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.summary: TodaySummary | None = None

        self.greeting = bold_label(QLabel(), 1.6)
        self.date_label = QLabel()
        self.date_label.setStyleSheet("color: #555555;")
        # "Mine / Everyone's": only on a desk of several people, where this desk is one of them
        self.mine_filter = filter_combo(
            "todayMineFilter", ((False, self.tr("Everyone's")), (True, self.tr("Mine")))
        )
        self.mine_filter.currentIndexChanged.connect(self.refresh)
        self._people = people_of(engine)
        if self._people is not None:
            self._people.changed.connect(self._people_changed)

        self.follow_ups = FollowUpsCard(engine)
        self.follow_ups.open_wanted.connect(self._open_follow_up)
        self.follow_ups.hide()  # there only while a follow-up is due
        self.overdue = TodayCard("overdueCard", "#b3261e")
        self.due_today = TodayCard("dueTodayCard", "#e8a33a")
        self.waiting = TodayCard("waitingCard", "#1f7a8c")
        self.first_responses = TodayCard("firstResponseCard", "#2e7d32")
        self.guides = TodayCard("guidesCard", "#7e57c2")
        self.months = TodayCard("monthsCard", "#2e7d32")
        self.months_table = QLabel()
        self.months_table.setObjectName("firstImpressionMonths")
        self.months_table.setTextFormat(Qt.TextFormat.RichText)
        self.months.layout().insertWidget(3, self.months_table)
        for card in (self.overdue, self.due_today, self.waiting, self.first_responses, self.guides):
            card.list.itemActivated.connect(self._activated)
            card.list.itemClicked.connect(self._activated)

        self._grid = grid = QGridLayout()
        grid.setSpacing(12)
        grid.setColumnStretch(0, 1)
        self._columns = 0
        self._arrange(2)

        inner = QWidget()
        heading = QHBoxLayout()
        heading.addWidget(self.greeting, 1)
        heading.addWidget(self.mine_filter, 0, Qt.AlignmentFlag.AlignBottom)
        # the stretch last: the cards as tall as what they say, from the top
        top_to_bottom((heading, self.date_label, 8, grid, STRETCH), inner, margins=(16, 12, 16, 12))
        self.scroll = scroll = scrolling(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        scroll.viewport().installEventFilter(self)  # two columns of cards, or one: `_arrange`

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        # refreshed while hidden too: the sidebar shows how many things are urgent
        follow_changes(self, DATA_TOPICS, self.refresh, when_hidden=True)
        self._people_changed()
        self.refresh()

    # -- the cards' arrangement ---------------------------------------------------------------
    def _pairs(self) -> tuple[tuple[QWidget, QWidget], ...]:
        """The cards in reading order, two by two as they stand side by side."""
        return (
            (self.overdue, self.due_today),
            (self.waiting, self.first_responses),
            (self.guides, self.months),
        )

    def _arrange(self, columns: int) -> None:
        """The cards two to a row; one to a row where the page is too narrow for two side by
        side (a narrow window, a longer language), rather than a page scrolling sideways."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        cards = [self.follow_ups, *(card for pair in self._pairs() for card in pair)]
        for card in cards:
            grid.removeWidget(card)
        grid.addWidget(self.follow_ups, 0, 0, 1, columns)  # what I promised to come back to
        for row, (left, right) in enumerate(self._pairs(), start=1):
            if columns == 2:
                if left is self.guides:  # no tall empty box beside the months
                    grid.addWidget(left, row, 0, Qt.AlignmentFlag.AlignTop)
                else:
                    grid.addWidget(left, row, 0)
                grid.addWidget(right, row, 1)
            else:
                grid.addWidget(left, 2 * row - 1, 0)
                grid.addWidget(right, 2 * row, 0)
        grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def _two_columns_fit(self, width: int) -> bool:
        widest = max(card.minimumSizeHint().width() for pair in self._pairs() for card in pair)
        inner = self.scroll.widget().layout().contentsMargins()
        return 2 * widest + self._grid.spacing() + inner.left() + inner.right() <= width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange(2 if self._two_columns_fit(self.scroll.viewport().width()) else 1)
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------
    def _people_changed(self) -> None:
        shown = self._people is not None and self._people.has_mine
        self.mine_filter.setVisible(shown)
        if not shown:
            self.mine_filter.setCurrentIndex(0)

    def refresh(self) -> None:
        """Read the summary again; an older read still running is dropped (latest wins)."""
        engine = self._engine
        mine = self._people.me if self._people and self.mine_filter.currentData() else None
        workers.run_task(
            lambda: _summary(engine, mine),
            self.show_summary,
            self._failed,
            owner=self,
            key="summary",
        )

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    # -- showing -----------------------------------------------------------------------------
    def show_summary(self, summary: TodaySummary) -> None:
        self.summary = summary
        now = summary.now.astimezone()
        hour = now.hour
        if hour < 11:
            greeting = self.tr("Good morning")
        elif hour < 15:
            greeting = self.tr("Good afternoon")
        elif hour < 19:
            greeting = self.tr("Good evening")
        else:
            greeting = self.tr("Good night")
        self.greeting.setText(greeting)
        self.date_label.setText(format_day_heading(now.date()))
        self.overdue.fill(
            self.tr("Overdue ({count})").format(count=format_number(summary.overdue_count)),
            [
                (
                    self.tr("{client} — {title} (was due {date})").format(
                        client=row.client_name,
                        title=row.title,
                        date=format_date(row.due_date),
                    ),
                    row.id,
                    row.client_id,
                )
                for row in summary.overdue
            ],
            self.tr("Nothing overdue. Well done."),
        )
        self.due_today.fill(
            self.tr("Due today ({count})").format(count=format_number(summary.due_today_count)),
            [
                (f"{row.client_name} — {row.title}", row.id, row.client_id)
                for row in summary.due_today
            ],
            self.tr("Nothing is due today."),
        )
        self.waiting.fill(
            self.tr("Waiting on us ({count})").format(count=format_number(summary.waiting_count)),
            [
                (
                    _ticket_wait(
                        self.tr("{client} — {title} · waiting {wait}"),
                        w.client_name,
                        w.ticket_title,
                        summary.now - w.waiting_since,
                    )
                    + self._more_waiting(w.tickets_waiting - 1),
                    w.ticket_id,
                    w.client_id,
                )
                for w in summary.waiting_on_us
            ],
            self.tr("Nobody is waiting for us."),
        )
        median = summary.median_first_response
        quick = summary.first_reply_within_hour
        subtitle = (
            self.tr("Median first reply: {wait}").format(wait=format_wait(median.total_seconds()))
            if median is not None
            else self.tr("The first impression decides everything: answer new tickets first.")
        )
        if quick is not None:
            subtitle += " · " + self.tr("{share}% answered within an hour").format(
                share=round(quick * 100)
            )
        self.first_responses.subtitle.setText(subtitle)
        self.first_responses.fill(
            self.tr("First replies, last 7 days"),
            [
                (
                    _ticket_wait(
                        self._answered(r.wait(summary.now))
                        if r.answered_at is not None
                        else self.tr("{client} — {title} · not answered yet ({wait})"),
                        r.client_name,
                        r.ticket_title,
                        r.wait(summary.now),
                    ),
                    r.ticket_id,
                    None,
                )
                for r in summary.first_responses
            ],
            self.tr("No new tickets in the last 7 days."),
        )
        self.guides.fill(
            self.tr("Guides sent today ({count})").format(
                count=format_number(len(summary.guides_sent_today))
            ),
            [
                (
                    self.tr("{guide} → {client}, {time}").format(
                        guide=g.guide_title,
                        client=g.client_name,
                        time=format_datetime(g.sent_at),
                    ),
                    None,
                    None,
                )
                for g in summary.guides_sent_today
            ],
            self.tr("No guides sent yet today."),
        )
        self._show_months(summary)
        self.follow_ups.show_due(summary.follow_ups_due)
        for card, listed, count in (
            (self.overdue, summary.overdue, summary.overdue_count),
            (self.due_today, summary.due_today, summary.due_today_count),
            (self.waiting, summary.waiting_on_us, summary.waiting_count),
        ):
            more = count - len(listed)
            card.subtitle.setText(
                self.tr("The first {shown} here; {more} more in Tickets.").format(
                    shown=format_number(len(listed)), more=format_number(more)
                )
                if more > 0
                else ""
            )
            card.subtitle.setVisible(more > 0)
        # a follow-up whose time has come is as urgent as a ticket due today
        due = summary.due_today_count + len(summary.follow_ups_due)
        self.counts_changed.emit(summary.overdue_count, due, summary.waiting_count)

    def _answered(self, wait: timedelta) -> str:
        """The line of a ticket answered after *wait*; within the first minute it says so
        ("answered after 0 min" read as if nobody had waited at all, or as a glitch)."""
        if wait < timedelta(minutes=1):
            return self.tr("{client} — {title} · answered within a minute")
        return self.tr("{client} — {title} · answered after {wait}")

    def _open_follow_up(self, ticket_id: int | None, client_id: int) -> None:
        if ticket_id is not None:
            self.ticket_activated.emit(int(ticket_id))
        else:
            self.client_activated.emit(client_id)

    def _show_months(self, summary: TodaySummary) -> None:
        """The whole desk's first impression by month (also with "Mine": it is the desk's)."""
        self.months.subtitle.setText(self.tr("The whole desk: how fast new tickets heard back."))
        self.months.fill(
            self.tr("First impression by month"), [], self.tr("No new tickets in six months.")
        )
        shown = any(month.figures.opened for month in summary.months)
        self.months.empty.setVisible(not shown)
        self.months_table.setVisible(shown)
        self.months_table.setText(months_table(summary.months) if shown else "")

    def _activated(self, item: QListWidgetItem) -> None:
        ticket_id = item.data(TICKET_ROLE)
        client_id = item.data(CLIENT_ROLE)
        if ticket_id is not None:
            self.ticket_activated.emit(int(ticket_id))
        elif client_id is not None:
            self.client_activated.emit(int(client_id))

    def _more_waiting(self, more: int) -> str:
        """What follows a client's longest wait when more of their tickets wait too (a chat
        imported from far back can leave a hundred): the line stands for all of them."""
        if more <= 0:
            return ""
        if more == 1:
            return self.tr(" · and 1 more ticket")
        return self.tr(" · and {n} more tickets").format(n=format_number(more))
