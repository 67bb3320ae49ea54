"""One ticket: its status, the conversation (drawn by `conversation_html`), the reply box (with
its drafts, saved replies and Send in WhatsApp…), and the time spent on it (`time_strip`).

A ticket chosen is read in a worker (`read_ticket`, `detail_reading`) and shown when the read is
done.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import drafts, tickets
from agencydesk.core.drafts import Draft
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import Client, Priority, TicketStatus
from agencydesk.core.row_columns import snapshot
from agencydesk.core.shorten import shorten
from agencydesk.core.tickets import LatestLines
from agencydesk.qt.common.buttons import link_button, push_button
from agencydesk.qt.common.conflict_dialog import combo_text
from agencydesk.qt.common.desk_people import people_of
from agencydesk.qt.common.detail_reading import read_for_pane
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.focus_hold import FocusHold
from agencydesk.qt.common.follow_up_dialog import ask_follow_up
from agencydesk.qt.common.formatting import (
    DATE_EDIT_FORMAT,
    channel_label,
    format_date,
    format_datetime,
    format_wait,
)
from agencydesk.qt.common.labels import (
    bold_label,
    empty_state_label,
    plain_label,
    show_detail_or_empty,
)
from agencydesk.qt.common.presence import ViewPresence
from agencydesk.qt.common.versioned_save import save_versioned
from agencydesk.qt.tickets.assignee_box import AssigneeBox
from agencydesk.qt.tickets.conversation_pane import ConversationPane
from agencydesk.qt.tickets.reply_area import ReplyArea
from agencydesk.qt.tickets.ticket_model import priority_label, status_label
from agencydesk.qt.tickets.ticket_writes import Change, write_change
from agencydesk.qt.tickets.time_entries_list import TicketTime
from agencydesk.qt.tickets.time_strip import TimeStrip

# how long closing waits for the changes being written (the workers' own wait at shutdown)
WRITES_FINISH_S = 30.0
# how much of a long caution note the ticket shows (all of it in the tooltip)
CAUTION_SHOWN = 240


@dataclass(frozen=True)
class ShownTicket:
    """A ticket as the view shows it, read in a worker (plain values: it crosses threads)."""

    ticket_id: int
    version: int
    client_id: int
    title: str
    status: str
    priority: int
    assignee_id: int | None
    due_date: date | None
    channel: str
    satisfaction: int | None
    created_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    client_name: str
    caution_note: str
    phone: str
    latest: LatestLines
    draft: Draft | None


def read_ticket(engine: Engine, ticket_id: int, limit: int) -> ShownTicket | None:
    """Ticket *ticket_id* with its client, its latest *limit* lines and its draft, in one
    session; None when it is gone (deleted, here or on another desk)."""
    with Session(engine) as session:
        try:
            ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        except UserError:
            return None
        client = session.get(Client, ticket.client_id)
        return snapshot(
            ShownTicket,
            ticket,
            ticket_id=ticket_id,
            client_name=client.name if client is not None else "",
            caution_note=client.caution_note if client is not None else "",
            phone=client.phone if client is not None else "",
            latest=tickets.latest_conversation(session=session, ticket_id=ticket_id, limit=limit),
            draft=drafts.get_draft(session=session, ticket_id=ticket_id),
        )


class TicketView(QWidget):
    """Shows and edits one ticket. Emits `changed` after every write."""

    changed = Signal(int)
    client_link_activated = Signal(int)
    send_guide_requested = Signal(int, int)  # client id, ticket id

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.ticket_id: int | None = None
        self._wanted: int | None = None  # the ticket last asked for (shown once read)
        self._reply_once_shown: int | None = None  # see focus_reply
        self._client_id: int | None = None
        self._loading = False
        # changes being written in workers (a team desk), not yet done or refused
        self._writing: set[object] = set()
        self._shown_fields: dict[str, object] = {}  # the ticket's fields as last shown
        self._shown_version: int | None = None  # and its version then (`core.versions`)
        self.people = people_of(engine)  # None: a solo desk
        self.conversation = ConversationPane(
            engine, self.people.chip if self.people is not None else lambda _person: ""
        )
        if self.people is not None:
            self.people.changed.connect(lambda: self.ticket_id and self.conversation.redraw())

        self.empty_label = empty_state_label(
            self.tr("Choose a ticket on the left, or create a new one.")
        )

        self.title_label = bold_label(plain_label(), 1.3)
        self.client_button = link_button(self._open_client)

        self.status = QComboBox()
        for status in TicketStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.priority = QComboBox()
        for priority in Priority:
            self.priority.addItem(priority_label(priority.value), priority.value)
        self._fields_greyed = FocusHold()  # the fields wait for each save and read
        self.has_due = QCheckBox(self.tr("Due"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(DATE_EDIT_FORMAT)
        self.channel_label = QLabel()
        self.channel_label.setStyleSheet("color: #555555;")
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.addItem(self.tr("Satisfaction: not asked"), None)
        for stars in range(1, 6):
            self.satisfaction.addItem("★" * stars + "☆" * (5 - stars), stars)
        self.satisfaction.currentIndexChanged.connect(self._save_fields)
        self.times_label = QLabel()
        self.times_label.setWordWrap(True)
        self.times_label.setObjectName("ticketTimes")
        self.times_label.setStyleSheet("color: #555555;")
        self.status.currentIndexChanged.connect(self._save_fields)
        self.priority.currentIndexChanged.connect(self._save_fields)
        self.has_due.toggled.connect(self._due_toggled)
        self.due.dateChanged.connect(self._save_fields)

        fields = QHBoxLayout()
        fields.addWidget(QLabel(self.tr("Status")))
        fields.addWidget(self.status)
        fields.addWidget(QLabel(self.tr("Priority")))
        fields.addWidget(self.priority)
        # on a line of its own (only on a desk of several people): beside the fields it would
        # widen the view and squeeze the ticket list
        self.assignee = AssigneeBox(self.people)
        # an assignment is a field like the others: saved over the version shown
        self.assignee.chosen.connect(lambda _person: self._save_fields())
        fields.addStretch(1)
        # a second line, so the ticket list beside keeps its room (satisfaction once resolved)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addSpacing(12)
        due_row.addWidget(self.satisfaction)
        due_row.addStretch(1)

        # the client's caution note ("be gentle, one step per message"), where the reply is written
        self.caution = plain_label()
        self.caution.setObjectName("ticketCaution")
        self.caution.setStyleSheet(
            "#ticketCaution { background: #fff4d6; border: 1px solid #e8c66a;"
            " border-radius: 4px; color: #4a3b00; padding: 4px 8px; }"
        )
        self.reply_area = ReplyArea(engine, self.write, lambda: self._client_id)
        # "Sari is also viewing" / "Sari is writing a reply…" (a team desk), over the reply box
        self.presence = ViewPresence(
            self, self.people.presence if self.people else None, "ticket", self.reply_area.reply
        )
        self.send_guide_button = push_button(self.tr("Send a guide…"), self._send_guide)
        self.follow_up_button = push_button(
            self.tr("Follow up…"), self._follow_up, name="ticketFollowUp"
        )
        self.follow_up_button.setToolTip(
            self.tr("Remind me later: the ticket leaves Today until then")
        )
        self.time = TimeStrip(TicketTime(engine, self.people, self.write))

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(12, 8, 12, 8)
        header = QFormLayout()
        header.addRow(self.title_label)
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_button)
        client_row.addWidget(self.channel_label)
        client_row.addStretch(1)
        client_row.addWidget(self.follow_up_button)
        client_row.addWidget(self.send_guide_button)
        header.addRow(client_row)
        header.addRow(self.times_label)
        content_layout.addLayout(header)
        content_layout.addLayout(fields)
        content_layout.addLayout(due_row)
        content_layout.addWidget(self.assignee)
        content_layout.addWidget(self.conversation, 1)
        content_layout.addWidget(self.presence.line)
        content_layout.addWidget(self.caution)
        content_layout.addWidget(self.reply_area)
        content_layout.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.content)
        self.show_ticket(None)

    # -- showing -----------------------------------------------------------------------------
    def show_ticket(self, ticket_id: int | None) -> None:
        """Show *ticket_id* (None: nothing) once a worker has read it; the same ticket shown
        anew (after a change) keeps what was inserted and how much of its conversation shows.
        Until the read is done the view shows what it showed; the latest choice wins."""
        self._wanted = ticket_id
        if ticket_id is None:
            self._show(None, None)
            return
        self.conversation.shown.follow(ticket_id)  # another ticket starts at a page
        engine, limit = self._engine, self.conversation.shown.limit
        # the fields wait for the ticket as stored now: one changed meanwhile would be saved over
        # the version shown before (a change of ours since, the reply just added, would then
        # look like a colleague's and open the conflict dialog)
        self._set_fields_enabled(False)
        read_for_pane(
            self,
            self.content,
            self.empty_label,
            lambda: read_ticket(engine, ticket_id, limit),
            lambda shown: self._show(ticket_id, shown),
            failed=lambda: self._set_fields_enabled(True),
        )

    def focus_reply(self) -> None:
        """The reply box of the ticket chosen, once it is shown: a draft read after the focus
        went there would replace what was typed meanwhile."""
        if self._wanted is None:
            return
        if self.ticket_id == self._wanted:
            self.reply_area.reply.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._reply_once_shown = self._wanted

    def _show(self, ticket_id: int | None, ticket: ShownTicket | None) -> None:
        if ticket is None:  # nothing chosen, or the ticket is gone
            ticket_id = None
        self.conversation.keep_limit_for(ticket_id)  # and as many earlier lines as were shown
        self.ticket_id = None
        self.time.show_ticket(None)
        show_detail_or_empty(self.content, self.empty_label, ticket is not None)
        self.reply_area.show_ticket(ticket_id, ticket.draft if ticket is not None else None)
        self.presence.show_subject(ticket_id)
        if ticket is None:
            return
        self._loading = True
        try:
            self.ticket_id = ticket.ticket_id
            self._shown_version = ticket.version
            self._client_id = ticket.client_id
            self.title_label.setText(ticket.title)
            self.client_button.setText(ticket.client_name)
            self._show_caution(ticket.caution_note)
            self.reply_area.whatsapp.show_client(ticket.client_name, ticket.phone)
            self.status.setCurrentIndex(self.status.findData(ticket.status))
            self.priority.setCurrentIndex(self.priority.findData(ticket.priority))
            self.assignee.show_assignee(ticket.assignee_id)
            self.has_due.setChecked(ticket.due_date is not None)
            self._set_fields_enabled(True)
            due = ticket.due_date or date.today()
            self.due.setDate(QDate(due.year, due.month, due.day))
            self.channel_label.setText(channel_label(ticket.channel))
            self.satisfaction.setCurrentIndex(
                max(0, self.satisfaction.findData(ticket.satisfaction))
            )
            self.satisfaction.setVisible(ticket.status in ("resolved", "closed"))
            times = [self.tr("Opened {when}").format(when=format_datetime(ticket.created_at))]
            if ticket.first_response_at is not None:
                wait = (ticket.first_response_at - ticket.created_at).total_seconds()
                times.append(self.tr("first reply after {wait}").format(wait=format_wait(wait)))
            else:
                times.append(self.tr("not answered yet"))
            if ticket.resolved_at is not None:
                times.append(
                    self.tr("resolved {when}").format(when=format_datetime(ticket.resolved_at))
                )
            self.times_label.setText(" · ".join(times))
            self.conversation.show_lines(ticket.latest, ticket.client_name)
        finally:
            self._loading = False
        self._shown_fields = self._field_values()
        self.time.show_ticket(ticket.ticket_id)
        if self._reply_once_shown == ticket.ticket_id:
            self.reply_area.reply.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reply_once_shown = None

    def _show_caution(self, note: str) -> None:
        note = " ".join(note.split())
        self.caution.setVisible(bool(note))
        shown = shorten(note, CAUTION_SHOWN)
        self.caution.setText(self.tr("Handle with care: {note}").format(note=shown))
        self.caution.setToolTip(f"<p>{html.escape(note)}</p>" if shown != note else "")

    def _open_client(self) -> None:
        if self._client_id is not None:
            self.client_link_activated.emit(self._client_id)

    def _send_guide(self) -> None:
        if self.ticket_id is not None and self._client_id is not None:
            self.send_guide_requested.emit(self._client_id, self.ticket_id)

    # -- editing -----------------------------------------------------------------------------
    def _due_toggled(self, checked: bool) -> None:
        self.due.setEnabled(checked)
        self._save_fields()

    def _field_values(self) -> dict[str, object]:
        qdate = self.due.date()
        due = date(qdate.year(), qdate.month(), qdate.day()) if self.has_due.isChecked() else None
        boxes = {"satisfaction": self.satisfaction, "status": self.status}
        values = {name: box.currentData() for name, box in boxes.items()}
        return values | {
            "priority": self.priority.currentData(),
            "due_date": due,
            "assignee_id": self.assignee.current(),
        }

    def _save_fields(self) -> None:
        """Save the field the user changed, and only it, over the version shown: writing back
        the others as shown would undo what another desk saved in them since. A field only the
        other desk changed meanwhile is no conflict (both are kept); the same field changed
        there too opens the conflict dialog (`versions.check_seen` with *shown*)."""
        ticket_id = self.ticket_id
        if self._loading or ticket_id is None:
            return
        was = self._shown_fields
        values = {k: v for k, v in self._field_values().items() if k not in was or was[k] != v}
        if not values:
            return
        shown = {name: was[name] for name in values if name in was}

        def save(session: Session, values: dict[str, Any], seen: int | None) -> int:
            ticket = tickets.update_ticket(
                session=session, ticket_id=ticket_id, values=values, seen_version=seen, shown=shown
            )
            return ticket.version

        self._set_fields_enabled(False)  # a team desk saves in a worker: one change at a time
        try:
            save_versioned(
                self,
                self._engine,
                save,
                values,
                self._shown_version,
                labels=self._field_labels(),
                describe=self._describe,
                back_to_form=False,
            )
        except (UserError, ValidationError) as exc:
            report_exception(self, exc)
        except BaseException:
            self._set_fields_enabled(True)
            raise
        # saved, or theirs kept (the dialog), or gone: the ticket as stored now, and with it
        # the fields again (or the one chosen since, while this one was saved)
        self.show_ticket(self._wanted)
        self.changed.emit(ticket_id)

    def _set_fields_enabled(self, enabled: bool) -> None:
        boxes = (self.status, self.priority, self.has_due, self.satisfaction, self.assignee)
        if enabled and not self.has_due.isChecked():
            self.due.setEnabled(False)
        else:
            boxes += (self.due,)
        self._fields_greyed.set_enabled(boxes, enabled)

    def _field_labels(self) -> dict[str, str]:
        return {
            "status": self.tr("Status"),
            "priority": self.tr("Priority"),
            "due_date": self.tr("Due"),
            "satisfaction": self.tr("Satisfaction"),
            "assignee_id": self.tr("Assigned to"),
        }

    def _describe(self, field: str, value: Any) -> str:
        """A value as the view shows it (a status's words, stars) in the conflict dialog."""
        boxes = {
            "status": self.status,
            "priority": self.priority,
            "satisfaction": self.satisfaction,
        }
        if field == "assignee_id":
            return self.assignee.name_of(value)
        if field in boxes:
            return combo_text(boxes[field], value, str(value))
        if isinstance(value, date):
            return format_date(value)
        return self.tr("No due date") if value is None else str(value)

    def _follow_up(self) -> None:
        if self.ticket_id is not None and self._client_id is not None:
            ask_follow_up(
                self,
                self._engine,
                client_id=self._client_id,
                ticket_id=self.ticket_id,
                subject=self.title_label.text(),
            )

    def write(
        self,
        action: Change,
        then: Callable[[], None] | None = None,
        *,
        refused: Callable[[], None] | None = None,
    ) -> None:
        """Run *action* in a unit of work (`ticket_writes`: in a worker on a team desk), show
        the ticket anew and do *then*; a refusal is said in a sentence, *refused* done and the
        ticket shown anew."""
        ticket_id = self.ticket_id
        if ticket_id is None:
            return

        writing = object()  # this write, until it is done or refused

        def done() -> None:
            self._writing.discard(writing)
            self.show_ticket(self._wanted)  # this one anew, or the one chosen since
            self.changed.emit(ticket_id)
            if then is not None:
                then()

        def failed(exc: BaseException, details: str | None) -> None:
            self._writing.discard(writing)
            if refused is not None:
                refused()
            self.show_ticket(self._wanted)  # as stored: the buttons waiting for it come back
            report_exception(self, exc, details)

        self._writing.add(writing)
        try:
            write_change(self, self._engine, action, done, failed)
        except BaseException:  # the disk or a lock (a solo desk), or a bug: the crash handler
            self._writing.discard(writing)  # says it; what she wrote comes back first, and
            if refused is not None:  # the buttons waiting for the ticket as stored
                refused()
            self.show_ticket(self._wanted)
            raise

    def finish_writing(self) -> None:
        """Wait until what is being written in workers is written (a few round trips), its
        outcome shown: the window closes, and a reply the server did not take must first come
        back into its box (kept then as a draft, or said lost), not vanish with the window."""
        deadline = time.monotonic() + WRITES_FINISH_S
        while self._writing and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            time.sleep(0.005)
