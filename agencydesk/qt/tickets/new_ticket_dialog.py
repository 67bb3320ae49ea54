"""*New ticket…*: a ticket for a client, with the first message if there is one."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import Channel, Priority
from agencydesk.qt.common import workers
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import FieldErrors, add_rows_with_errors, save_cancel_layout
from agencydesk.qt.common.formatting import DATE_EDIT_FORMAT, channel_label
from agencydesk.qt.tickets.ticket_model import priority_label


def _client_choices(engine: Engine) -> list[tuple[int, str]]:
    with Session(engine) as session:
        return clients.referrer_choices(session=session)


class NewTicketDialog(FormDialog):
    """A new ticket for a client, with the first message if there is one."""

    def __init__(
        self, engine: Engine, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(engine, parent)
        self.created_ticket_id: int | None = None
        self.setWindowTitle(self.tr("New ticket"))
        self.client = narrow_combo()
        # no client chosen for the user unless they came from one: never the first in the list
        self.client.setPlaceholderText(self.tr("Choose the client…"))
        # the clients are read in a worker (on a team server a round trip or two): the form
        # shows at once, the title can be typed meanwhile
        self.client.setEnabled(False)
        self._clients_read = False
        workers.run_task(
            partial(_client_choices, engine),
            partial(self._show_clients, client_id),
            self._clients_not_read,
            owner=self,
        )
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Website shows an error"))
        self.priority = QComboBox()
        for priority in Priority:
            self.priority.addItem(priority_label(priority.value), priority.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL.value))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_label(channel.value), channel.value)
        # no words of its own beside "Due date" ("Due date ☐ Due"), as the order form's days
        self.has_due = QCheckBox()
        self.has_due.setToolTip(self.tr("Due date"))
        self.has_due.setAccessibleName(self.tr("Due date"))
        self.due = QDateEdit(QDate.currentDate())
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(DATE_EDIT_FORMAT)
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.first_message = QPlainTextEdit()
        # Tab goes on to Save, as in the client form's notes (it typed a tab character, and
        # Save could not be reached from the keyboard)
        self.first_message.setTabChangesFocus(True)
        self.first_message.setPlaceholderText(self.tr("What did the client write? (optional)"))
        self.first_message.setFixedHeight(80)
        form = QFormLayout()
        labels = add_rows_with_errors(
            form,
            [
                ("client", self.tr("Client *"), self.client),
                ("title", self.tr("Title *"), self.title),
            ],
        )
        self.client_error = labels["client"]
        self.title_error = labels["title"]
        texts = {
            "client_required": self.tr("Choose the client this ticket is for."),
            "no_clients": self.tr("Add a client first."),
            "title_required": self.tr("Please give the ticket a short title."),
        }
        self.errors = FieldErrors(labels, texts, {"client": self.client, "title": self.title})
        self.errors.clear_when_edited({"title": self.title})
        self.client.currentIndexChanged.connect(self.client_error.hide)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Due date"), due_row)
        form.addRow(self.tr("First message"), self.first_message)
        self.buttons = save_cancel_layout(self, self.save, [form], min_width=480)
        self.title.setFocus()

    def _show_clients(self, client_id: int | None, choices: list[tuple[int, str]]) -> None:
        untouched = not self.has_changes()
        for other_id, name in choices:
            self.client.addItem(name, other_id)
        self.client.setCurrentIndex(self.client.findData(client_id) if client_id else -1)
        self.client.setEnabled(True)
        self._clients_read = True
        if untouched:  # as loaded: closing it now asks nothing
            self.remember_state()

    def _clients_not_read(self, exc: BaseException, details: str) -> None:
        if self.isVisible():  # closed meanwhile: nobody waits for the clients
            report_exception(self, exc, details)

    def save(self) -> None:
        client_id = self.client.currentData()
        if client_id is None:
            none_yet = self._clients_read and not self.client.count()
            errors = {"client": "no_clients" if none_yet else "client_required"}
            if not self.title.text().strip():
                errors["title"] = "title_required"
            self.errors.show(errors)
            return
        due = None
        if self.has_due.isChecked():
            qdate = self.due.date()
            due = date(qdate.year(), qdate.month(), qdate.day())
        try:
            with session_scope(self._engine) as session:
                ticket = tickets.create_ticket(
                    session=session,
                    client_id=client_id,
                    values={
                        "title": self.title.text(),
                        "priority": self.priority.currentData(),
                        "channel": self.channel.currentData(),
                        "due_date": due,
                    },
                    first_message=self.first_message.toPlainText(),
                )
            self.created_ticket_id = ticket.id
        except ValidationError as exc:
            if "title" not in exc.errors:
                raise  # the other fields are choices: nothing the user could have mistyped
            self.errors.show(exc.errors)
            return
        self.accept()
