"""A client's history: one timeline of everything, their tickets, and billable time per month.

The timeline and the tickets are read in a worker: they are read again for every client chosen
while they are in front, and the timeline gathers a dozen kinds of event (about ten statements,
half a second on a team server 40 ms away).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTextBrowser,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import tickets, time_spent, timeline
from agencydesk.core.models import Client
from agencydesk.core.shorten import shorten
from agencydesk.core.tickets import TicketRow
from agencydesk.core.time_spent import MonthlyTime
from agencydesk.core.timeline import TimelineEvent
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.client_tab import ClientTab
from agencydesk.qt.common.desk_people import people_of
from agencydesk.qt.common.detail_reading import read_then_show
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_money,
    format_month,
)
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.common.list_view import headed_list
from agencydesk.qt.common.message_notes import note_text
from agencydesk.qt.common.shown_limit import ShownLimit
from agencydesk.qt.tickets.ticket_model import status_label

TICKET_ROLE = Qt.ItemDataRole.UserRole + 1
# the newest events shown at first, and added by each "Show older events"
TIMELINE_LIMIT = 200
# the newest tickets a client's Tickets tab lists at first, and adds each time it is asked
CLIENT_TICKETS_PAGE = 200
OLDER_LINK = "older:"


class TimelineView(QTextBrowser):
    """Newest first; ticket titles link to the ticket. All text is escaped."""

    ticket_activated = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.setObjectName("clientTimeline")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.events: list[TimelineEvent] = []
        self._people = people_of(engine)  # None: a solo desk
        self._client_id: int | None = None
        self._shown = ShownLimit(TIMELINE_LIMIT)

    def _clicked(self, url: object) -> None:
        text = url.toString() if hasattr(url, "toString") else str(url)
        if text.startswith("ticket:"):
            self.ticket_activated.emit(int(text.split(":", 1)[1]))
        elif text == OLDER_LINK and self._client_id is not None:
            # older events below those shown; what was in sight stays
            self._shown.grow()
            self.show_client(self._client_id, keep_scroll=self.verticalScrollBar().value())

    def _describe(self, event: TimelineEvent) -> tuple[str, str]:
        """(icon, headline) for an event; the body is shown under it."""
        kinds = {
            "ticket_opened": ("🎫", self.tr("Ticket opened")),
            "ticket_resolved": ("✅", self.tr("Ticket resolved")),
            "guide_sent": ("📘", self.tr("Guide sent")),
            "saved_reply_sent": ("⚡", self.tr("Saved reply sent")),
            "follow_up": ("⏰", self.tr("Follow up")),
            "follow_up_done": ("☑️", self.tr("Followed up")),
            "note": ("📝", self.tr("Internal note")),
            "media": ("📎", self.tr("Picture or file")),
            "order_quoted": ("📝", self.tr("Quote sent")),
            "order_won": ("🤝", self.tr("Order won")),
            "order_paid": ("💰", self.tr("Order paid")),
        }
        if event.kind == "status_changed":  # a team desk's: who set which status
            return ("🔄", self.tr("Status: {status}").format(status=status_label(event.body)))
        person = self._people.person(event.person_id) if self._people else None
        if event.kind == "message" and event.from_me and person is not None:
            return ("💬", self.tr("{name} wrote").format(name=person.name))
        if event.kind == "message":
            return ("💬", self.tr("I wrote") if event.from_me else self.tr("Client wrote"))
        return kinds.get(event.kind, ("•", event.kind))

    @staticmethod
    def _row(
        when: str, icon: str, headline: str, subject: str, body: str, *, escaped: bool = False
    ) -> str:
        """One line of the timeline; *subject* is ready HTML, *body* is escaped unless done."""
        if body and not escaped:
            body = f"<br><span style='color:#333333'>{html.escape(body)}</span>"
        return (
            "<tr><td style='color:#777777; white-space:nowrap; padding-right:8px'>"
            f"{html.escape(when)}</td>"
            f"<td>{icon} <b>{html.escape(headline)}</b>{subject}{body}</td></tr>"
        )

    def show_client(self, client_id: int | None, *, keep_scroll: int | None = None) -> None:
        """Show *client_id*'s newest events once a worker has read them (the latest read
        wins); *keep_scroll*: where the view was scrolled, kept (older events added below)."""
        self._shown.follow(client_id)
        self._client_id = client_id
        if client_id is None:
            self.events = []
            self.clear()
            return
        engine, limit = self._engine, self._shown.asked

        def read() -> list[TimelineEvent]:
            with Session(engine) as session:
                return timeline.client_timeline(session=session, client_id=client_id, limit=limit)

        read_then_show(
            self,
            read,
            lambda events: self._show_events(client_id, events, keep_scroll),
            key="timeline",
        )

    def _show_events(
        self, client_id: int, events: list[TimelineEvent], keep_scroll: int | None
    ) -> None:
        if client_id != self._client_id:
            return  # another client was chosen meanwhile (its own read follows)
        self._draw(events)
        if keep_scroll is not None:
            self.document().documentLayout().documentSize()  # the whole range, at once
            self.verticalScrollBar().setValue(keep_scroll)

    def _draw(self, events: list[TimelineEvent]) -> None:
        self.events, older = self._shown.cut(events)
        if not self.events:
            self.setHtml(
                "<p style='color:#777777'>"
                + html.escape(self.tr("Nothing has happened with this client yet."))
                + "</p>"
            )
            return
        rows = []
        for event in self.events:
            icon, headline = self._describe(event)
            if self._people is not None and self._people.chip(event.person_id):
                icon = f"{icon} {self._people.chip(event.person_id)}"
            subject = ""
            if event.subject:
                target = f"ticket:{event.ticket_id}" if event.ticket_id else ""
                escaped = html.escape(event.subject)
                subject = f' · <a href="{target}">{escaped}</a>' if target else f" · {escaped}"
            body = ""
            when = format_datetime(event.at)
            if event.kind.startswith("order_"):
                # orders happen on a day, and carry "<amount> <currency>" as raw text
                when = format_date(event.at.date())
                amount, _space, currency = event.body.partition(" ")
                money = format_money(int(amount), currency or "IDR") if amount.isdigit() else ""
                rows.append(self._row(when, icon, headline, subject, money))
                continue
            if event.body and event.kind != "status_changed":  # its status is in the headline
                shown = shorten(event.body, 400)
                body = (
                    "<br><span style='color:#333333'>"
                    + html.escape(shown).replace("\n", "<br>")
                    + "</span>"
                )
            if event.note is not None:  # deleted, or left out of the export: a grey note
                body += f"<br><i style='color:#777777'>{html.escape(note_text(event.note))}</i>"
            rows.append(self._row(when, icon, headline, subject, body, escaped=True))
        if older:
            link = html.escape(self.tr("Show older events"))
            rows.append(
                f"<tr><td colspan='2' align='center'><a href='{OLDER_LINK}'>{link}</a></td></tr>"
            )
        self.setHtml(
            "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"
        )


class ClientTicketsView(ClientTab):
    ticket_activated = Signal(int)
    new_ticket_requested = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(engine, parent)
        self._shown = ShownLimit(CLIENT_TICKETS_PAGE)
        self._client_name = ""
        self.list = headed_list(
            "clientTickets",
            [self.tr("Opened"), self.tr("Status"), self.tr("Ticket")],
            fit=(0, 1),
        )
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        self.new_button = push_button(self.tr("New ticket…"), self._new)
        self.export_button = push_button(
            self.tr("Export hours (CSV)…"), self._export_hours, name="exportHours"
        )
        self.export_button.setToolTip(self.tr("Billable and other hours per month, for a bill"))
        self.export_button.setEnabled(False)  # until a client's hours are read
        self.time_label = plain_label()
        self.time_label.setObjectName("billableTime")
        # the hours on lines of their own, above the buttons: beside them, in a pane a third
        # of the window wide, "Billable time per month:" wrapped in two ("Waktu yang ditagih
        # per / bulan:")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.new_button)
        top_to_bottom(((self.list, 1), self.time_label, buttons), self)

    def _new(self) -> None:
        if self.client_id is not None:
            self.new_ticket_requested.emit(self.client_id)

    def _export_hours(self) -> None:
        from agencydesk.qt.clients.billable_export import export_billable_hours

        if self.client_id is not None:
            export_billable_hours(self, self._engine, self.client_id, self._client_name)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ticket_id = item.data(0, TICKET_ROLE)
        if ticket_id is not None:
            self.ticket_activated.emit(int(ticket_id))
        elif self.client_id is not None:  # the last line: older tickets, below those shown
            self._shown.grow()
            self.show_client(self.client_id, keep_scroll=self.list.verticalScrollBar().value())

    def show_client(self, client_id: int | None, *, keep_scroll: int | None = None) -> None:
        """Show *client_id*'s tickets and time once a worker has read them (the latest read
        wins); *keep_scroll*: where the list was scrolled, kept (older tickets added below)."""
        self._shown.follow(client_id)
        if client_id != self.client_id:  # the hours shown, and their name, are another's
            self.export_button.setEnabled(False)
        self.client_id = client_id
        if client_id is None:
            self.list.clear()
            self.time_label.clear()
            return
        engine, limit = self._engine, self._shown.asked

        def read() -> tuple[list[TicketRow], list[MonthlyTime], str]:
            with Session(engine) as session:
                client = session.get(Client, client_id)
                return (
                    tickets.client_tickets(session=session, client_id=client_id, limit=limit),
                    time_spent.monthly_time(session=session, client_id=client_id),
                    client.name if client is not None else "",
                )

        read_then_show(
            self,
            read,
            lambda found: self._show_tickets(client_id, *found, keep_scroll),
            key="tickets",
        )

    def _show_tickets(
        self,
        client_id: int,
        found: list[TicketRow],
        months: list[MonthlyTime],
        name: str,
        keep_scroll: int | None,
    ) -> None:
        if client_id != self.client_id:
            return  # another client was chosen meanwhile (its own read follows)
        self._client_name = name  # what the exported hours' file is named after
        self.list.clear()
        self.time_label.clear()
        rows, older = self._shown.cut(found)
        for row in rows:
            opened = format_date(row.created_at)
            item = QTreeWidgetItem([opened, status_label(row.status), row.title])
            item.setData(0, TICKET_ROLE, row.id)
            item.setToolTip(2, f"<p>{html.escape(row.title)}</p>")
            self.list.addTopLevelItem(item)
        if older:  # a long imported chat split at its pauses: many tickets
            self.list.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("Show older tickets…")]))
        self.export_button.setEnabled(bool(months))
        if months:
            lines = [self.tr("Billable time per month:")]
            for month in months[:6]:
                year, number = map(int, month.month.split("-"))  # "2025-03"
                shown = format_month(date(year, number, 1))
                line = f"{shown}: {format_duration(month.billable_seconds)}"
                if month.other_seconds:
                    line += self.tr(" (+ {time} not billable)").format(
                        time=format_duration(month.other_seconds)
                    )
                lines.append(line)
            self.time_label.setText("\n".join(lines))
        else:
            self.time_label.setText(self.tr("No time recorded yet."))
        if keep_scroll is not None:
            self.list.verticalScrollBar().setValue(keep_scroll)
