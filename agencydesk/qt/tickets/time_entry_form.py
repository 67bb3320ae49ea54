"""The form for one time entry: the day, how many minutes, a note and whether it is billable.
*Add time…* opens it with today, 15 minutes and billable; *Edit…* with the entry's values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLineEdit, QSpinBox, QWidget
from sqlalchemy.engine import Engine

from agencydesk.core import time_entries
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.formatting import DATE_EDIT_FORMAT, locale_for, ui_language
from agencydesk.qt.common.line_limit import limit_characters

DEFAULT_MINUTES = 15


@dataclass(frozen=True)
class EntryValues:
    day: date
    minutes: int
    note: str
    billable: bool


class TimeEntryForm(FormDialog):
    def __init__(
        self,
        engine: Engine,
        title: str,
        values: EntryValues | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, parent)
        self.setWindowTitle(title)
        values = values or EntryValues(date.today(), DEFAULT_MINUTES, "", True)
        self.day = QDateEdit(QDate(values.day.year, values.day.month, values.day.day))
        self.day.setObjectName("timeEntryDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_EDIT_FORMAT)
        self.day.setLocale(locale_for(ui_language()))
        self.day.setMaximumDate(QDate.currentDate())  # time is spent, not planned
        self.minutes = QSpinBox()
        self.minutes.setObjectName("timeEntryMinutes")
        self.minutes.setRange(1, time_entries.MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(values.minutes)
        self.note = QLineEdit(values.note)
        self.note.setObjectName("timeEntryNote")
        limit_characters(self.note, time_entries.MAX_NOTE)
        self.note.setPlaceholderText(self.tr("e.g. on the phone with Bu Ratna"))
        self.billable = QCheckBox(self.tr("Billable (goes on the client's bill)"))
        self.billable.setObjectName("timeEntryBillable")
        self.billable.setChecked(values.billable)
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Time"), self.minutes)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.billable)
        buttons, _ok = ok_cancel_buttons(self.tr("Save"))
        lay_out_dialog(self, (form,), buttons, self.accept, min_width=380)
        self.minutes.setFocus()
        self.minutes.selectAll()

    def values(self) -> EntryValues:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        return EntryValues(day, self.minutes.value(), self.note.text(), self.billable.isChecked())


def ask_entry(
    parent: QWidget, engine: Engine, title: str, values: EntryValues | None = None
) -> EntryValues | None:
    """The values the user saved, or None (cancelled)."""
    form = TimeEntryForm(engine, title, values, parent)
    return form.values() if form.exec() == TimeEntryForm.DialogCode.Accepted else None
