"""*Follow up…*: "remind me Thursday" for a ticket, an order or a client. Quick choices
(tomorrow, Thursday, next Monday, each at 09:00 local time) or any day and time, and a note why.
Until then the ticket (or the client) stays off Today; then it is on top of Today with the note.

Used by the ticket view, the client's page and the Orders page; Today puts one off again with
`later_choices`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)
from sqlalchemy.engine import Engine

from agencydesk.core import follow_ups
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.formatting import DATE_EDIT_FORMAT, locale_for, ui_language
from agencydesk.qt.common.labels import muted_label, plain_label
from agencydesk.qt.common.line_limit import limit_characters

# the hour the quick choices come back at (local time): the start of a working day
MORNING = time(9, 0)
THURSDAY = 3


def later_choices(today: date) -> list[tuple[str, date]]:
    """The quick choices, each a day at `MORNING`: tomorrow, the coming Thursday (a week on when
    today is Thursday or Wednesday, where it would be tomorrow), next Monday."""
    thursday = today + timedelta(days=(THURSDAY - today.weekday()) % 7 or 7)
    if thursday == today + timedelta(days=1):
        thursday += timedelta(days=7)
    monday = today + timedelta(days=7 - today.weekday())
    return [
        (QCoreApplication.translate("FollowUp", "Tomorrow"), today + timedelta(days=1)),
        (QCoreApplication.translate("FollowUp", "Thursday"), thursday),
        (QCoreApplication.translate("FollowUp", "Next Monday"), monday),
    ]


def morning_of(day: date) -> datetime:
    """*day* at 09:00 local time, as UTC."""
    return datetime.combine(day, MORNING).astimezone().astimezone(UTC)


class FollowUpDialog(FormDialog):
    def __init__(
        self,
        engine: Engine,
        *,
        client_id: int,
        subject: str,
        ticket_id: int | None = None,
        order_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, parent)
        self._ids = (client_id, ticket_id, order_id)
        self.setWindowTitle(self.tr("Follow up"))
        self.when = QDateTimeEdit()
        self.when.setObjectName("followUpWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(f"ddd {DATE_EDIT_FORMAT}  HH:mm")
        self.when.setLocale(locale_for(ui_language()))
        quick = QHBoxLayout()
        for label, day in later_choices(date.today()):
            button = push_button(label, self._chooser(day))
            button.setToolTip(
                locale_for(ui_language()).toString(
                    QDate(day.year, day.month, day.day), "dddd d MMMM"
                )
                + ", 09:00"
            )
            quick.addWidget(button)
        quick.addStretch(1)
        self.note = QLineEdit()
        self.note.setObjectName("followUpNote")
        limit_characters(self.note, follow_ups.MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Why? e.g. ask for the second payment"))
        form = QFormLayout()
        form.addRow(self.tr("About"), plain_label(subject))
        form.addRow(self.tr("When"), quick)
        form.addRow("", self.when)
        form.addRow(self.tr("Note"), self.note)
        hint = muted_label(
            self.tr("Until then it stays off Today; then it comes back on top, with your note.")
        )
        hint.setWordWrap(True)
        buttons, _ok = ok_cancel_buttons(self.tr("Remind me"))
        lay_out_dialog(self, (form, hint), buttons, self._save)
        self._choose(later_choices(date.today())[0][1])
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def _chooser(self, day: date) -> Callable[[], None]:
        return lambda: self._choose(day)

    def _choose(self, day: date) -> None:
        self.when.setDateTime(QDateTime(day, QTime(MORNING.hour, MORNING.minute)))

    def due_at(self) -> datetime:
        """The chosen moment (local time on screen) as UTC."""
        chosen = self.when.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.astimezone().astimezone(UTC)

    def _save(self) -> None:
        client_id, ticket_id, order_id = self._ids
        try:
            with session_scope(self._engine) as session:
                follow_ups.set_follow_up(
                    session=session,
                    client_id=client_id,
                    ticket_id=ticket_id,
                    order_id=order_id,
                    due_at=self.due_at(),
                    note=self.note.text(),
                )
        except UserError as exc:
            report_exception(self, exc)
            return
        self.accept()


def ask_follow_up(
    parent: QWidget,
    engine: Engine,
    *,
    client_id: int,
    subject: str,
    ticket_id: int | None = None,
    order_id: int | None = None,
) -> bool:
    """Ask when to come back to it; True when a follow-up was set."""
    dialog = FollowUpDialog(
        engine,
        client_id=client_id,
        subject=subject,
        ticket_id=ticket_id,
        order_id=order_id,
        parent=parent,
    )
    return dialog.exec() == FollowUpDialog.DialogCode.Accepted
