"""The new/edit client dialog. Problems are shown in plain words next to the field concerned."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import client_merge, clients, referrals
from agencydesk.core.clients import TEXT_LIMITS
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import TECH_COMFORT_MAX, TECH_COMFORT_MIN, Channel
from agencydesk.qt.clients.merge_dialog import MergeClientsDialog, ask_about_duplicates
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.conflict_dialog import combo_text
from agencydesk.qt.common.dialog_layout import height_for_width
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import FieldErrors, add_rows_with_errors, save_cancel_layout
from agencydesk.qt.common.formatting import (
    DATE_EDIT_FORMAT,
    channel_label,
    format_date,
    tech_comfort_label,
)
from agencydesk.qt.common.long_text import fill_gradually, full_text
from agencydesk.qt.common.versioned_save import save_edited_record

# the client's fields edited as a line (QLineEdit) or as a few lines (QPlainTextEdit), each
# in the dialog's attribute of the same name
LINE_FIELDS = ("name", "company", "phone", "email", "website", "city", "tags")
TEXT_FIELDS = ("caution_note", "notes")


def _number(count: int) -> str:
    return QLocale().toString(count)


@dataclass(frozen=True)
class ShownClient:
    """What the form shows, read in one go (plain values: on a team desk in a worker)."""

    # the clients who may have introduced this one: (id, name)
    referrer_choices: list[tuple[int, str]]
    # the client's columns as stored, None for a new client
    client: dict[str, Any] | None


def read_form(engine: Engine, client_id: int | None) -> ShownClient:
    with Session(engine) as session:
        choices = clients.referrer_choices(session=session, exclude_id=client_id)
        if client_id is None:
            return ShownClient(choices, None)
        client = clients.get_client(session=session, client_id=client_id)
        return ShownClient(choices, client.model_dump())


class ClientFormDialog(FormDialog):
    """Edits one client. `saved_client_id` is set once the database has accepted the changes."""

    def __init__(
        self, engine: Engine, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(engine, parent)
        self.client_id = client_id
        self.saved_client_id: int | None = None
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Edit client"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Ibu Ratna Wulandari"))
        self.company = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("+62 812 3456 7890"))
        self.email = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("e.g. https://katering-ratna.id"))
        self.city = QLineEdit()
        self.city.setPlaceholderText(self.tr("e.g. Makassar, Sulawesi"))
        self.tech_comfort = QComboBox()
        for level in range(TECH_COMFORT_MIN, TECH_COMFORT_MAX + 1):
            self.tech_comfort.addItem(tech_comfort_label(level), level)
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_label(channel.value), channel.value)
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setToolTip(self.tr("The language of their report"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. gentle, referrer"))
        self.caution_note = QPlainTextEdit()
        self.caution_note.setPlaceholderText(self.tr("e.g. Be gentle, explain step by step"))
        self.caution_note.setFixedHeight(64)
        self.caution_note.setTabChangesFocus(True)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(64)
        self.notes.setTabChangesFocus(True)
        self.has_first_contact, self.first_contact = self._optional_day()
        self.introduced_by = narrow_combo()
        self.introduced_by.addItem(self.tr("Nobody – came on their own"), None)
        # when and how the referrer introduced them (saved with referrals.set_referrer)
        self.has_introduced_on, self.introduced_on = self._optional_day()
        self.introduction_note = QLineEdit()
        self.introduction_note.setPlaceholderText(self.tr("e.g. Bu Sari told me about you"))
        self._loaded_referrer_id: int | None = None
        self._introduction_message_id: int | None = None
        # (name, phone) as loaded: an edit that keeps both does not ask about duplicates again
        self._loaded_identity: tuple[str, str] | None = None
        # the possible duplicates the user chose to save anyway, and the one to merge with
        self._duplicates_accepted: set[int] = set()
        self.merge_with: int | None = None
        # the version of the client as shown: saved over only that one (`core.versions`)
        self._seen_version: int | None = None
        # the introduction as the form said it when Save was pressed (`_save_over`)
        self._introduction_now: dict[str, Any] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_first_contact)
        date_row.addWidget(self.first_contact, 1)
        introduced_row = QHBoxLayout()
        introduced_row.addWidget(self.has_introduced_on)
        introduced_row.addWidget(self.introduced_on, 1)
        rows: list[tuple[str, str, Any]] = [
            ("name", self.tr("Name *"), self.name),
            ("company", self.tr("Company"), self.company),
            ("phone", self.tr("Phone / WhatsApp"), self.phone),
            ("email", self.tr("Email"), self.email),
            ("website", self.tr("Website"), self.website),
            ("city", self.tr("City / island"), self.city),
            ("tech_comfort", self.tr("Tech comfort"), self.tech_comfort),
            ("preferred_channel", self.tr("Preferred channel"), self.channel),
            ("language", self.tr("Language"), self.language),
            ("tags", self.tr("Tags"), self.tags),
            ("caution_note", self.tr("Caution note"), self.caution_note),
            ("first_contact", self.tr("First contact"), date_row),
            ("introduced_by_id", self.tr("Introduced by"), self.introduced_by),
            ("introduced_on", self.tr("Introduced on"), introduced_row),
            ("introduction_note", self.tr("How they were introduced"), self.introduction_note),
            ("notes", self.tr("Notes"), self.notes),
        ]
        edits = {"name": self.name, "phone": self.phone, "email": self.email}
        texts = {
            "name_required": self.tr("Please enter the client's name."),
            "website_invalid": self.tr(
                "This does not look like a web address (katering-ratna.id)."
            ),
            "tech_comfort_range": self.tr("Choose a level from 1 to 5."),
            "channel_unknown": self.tr("Choose one of the listed channels."),
            "language_unknown": self.tr("Choose one of the listed languages."),
            "first_contact_future": self.tr("The first contact cannot be in the future."),
            "introduced_by_self": self.tr("A client cannot introduce themselves."),
            "introduced_by_missing": self.tr("That client does not exist any more."),
            "introduced_by_cycle": self.tr(
                "That would be a loop: this client introduced them (directly or through others)."
            ),
            "introduced_on_future": self.tr("The introduction cannot be in the future."),
            "introduction_message_missing": self.tr(
                "The message about this introduction is no longer there."
            ),
            "notes_over_limit": self.tr(
                "Notes can hold up to {limit} characters. Keep long documents in a file and "
                "write here where it is."
            ).format(limit=_number(TEXT_LIMITS["notes"])),
            "caution_note_over_limit": self.tr(
                "A caution note can hold up to {limit} characters: keep it to what matters when "
                "you reply; the rest can go in the notes."
            ).format(limit=_number(TEXT_LIMITS["caution_note"])),
        }
        # how the conflict dialog names the fields: as the form does
        self.field_labels = {field: label.rstrip(" *") for field, label, _widget in rows}
        self.errors = FieldErrors(
            add_rows_with_errors(form, rows), texts, edits, fit=partial(height_for_width, self)
        )
        self.errors.clear_when_edited(edits)

        self.introduced_by.currentIndexChanged.connect(self._referrer_changed)
        self._referrer_changed()
        # the fields in one widget, greyed together while an edited client is read
        self.fields = QWidget()
        self.fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.buttons = save_cancel_layout(self, self.save, [self.fields], min_width=520)
        self.name.setFocus()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.fill_when_read(
            partial(read_form, engine, client_id),
            self._fill,
            # a new client can be typed while the clients who may have introduced them are read
            waiting=[self.introduced_by] if client_id is None else [self.fields, save],
            focus=self.name,
        )

    def _optional_day(self) -> tuple[QCheckBox, QDateEdit]:
        """A day that may be unknown: ticking "Known" enables the date (today until changed)."""
        known = QCheckBox(self.tr("Known"))
        day = QDateEdit()
        day.setCalendarPopup(True)
        day.setDisplayFormat(DATE_EDIT_FORMAT)
        day.setDate(QDate.currentDate())
        day.setEnabled(False)
        known.toggled.connect(day.setEnabled)
        return known, day

    def _fill(self, shown: ShownClient) -> None:
        for other_id, other_name in shown.referrer_choices:
            self.introduced_by.addItem(other_name, other_id)
        if shown.client is not None:
            self._load(shown.client)

    def _load(self, client: Mapping[str, Any]) -> None:
        self._seen_version = client["version"]
        for field in LINE_FIELDS:
            getattr(self, field).setText(client[field])
        for field in TEXT_FIELDS:  # a long old note fills in without freezing the window
            fill_gradually(getattr(self, field), client[field])
        self.tech_comfort.setCurrentIndex(self.tech_comfort.findData(client["tech_comfort"]))
        self.channel.setCurrentIndex(max(0, self.channel.findData(client["preferred_channel"])))
        self.language.setCurrentIndex(max(0, self.language.findData(client["language"])))
        if client["first_contact"] is not None:
            self.has_first_contact.setChecked(True)
            self.first_contact.setDate(client["first_contact"])
        if client["introduced_by_id"] is not None:
            index = self.introduced_by.findData(client["introduced_by_id"])
            if index >= 0:
                self.introduced_by.setCurrentIndex(index)
        self._loaded_referrer_id = client["introduced_by_id"]
        self._introduction_message_id = client["introduction_message_id"]
        if client["introduced_on"] is not None:
            self.has_introduced_on.setChecked(True)
            self.introduced_on.setDate(client["introduced_on"])
        self.introduction_note.setText(client["introduction_note"])
        self._loaded_identity = (client["name"], client["phone"])

    def _referrer_changed(self, _index: int = 0) -> None:
        """The day and the note belong to an introduction: only with a referrer."""
        has_referrer = self.introduced_by.currentData() is not None
        self.has_introduced_on.setEnabled(has_referrer)
        self.introduced_on.setEnabled(has_referrer and self.has_introduced_on.isChecked())
        self.introduction_note.setEnabled(has_referrer)
        self.errors.clear("introduced_by_id")

    def introduction(self) -> dict[str, Any]:
        """Arguments for `referrals.set_referrer` (without the session and client)."""
        referrer_id = self.introduced_by.currentData()
        introduced_on: date | None = None
        if referrer_id is not None and self.has_introduced_on.isChecked():
            introduced_on = self.introduced_on.date().toPython()
        return {
            "referrer_id": referrer_id,
            "introduced_on": introduced_on,
            "note": self.introduction_note.text() if referrer_id is not None else "",
            # the message that told us stays linked while the referrer stays the same
            "message_id": (
                self._introduction_message_id
                if referrer_id is not None and referrer_id == self._loaded_referrer_id
                else None
            ),
        }

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {field: getattr(self, field).text() for field in LINE_FIELDS}
        values.update({field: full_text(getattr(self, field)) for field in TEXT_FIELDS})
        first_contact = self.first_contact.date().toPython()
        return values | {
            "tech_comfort": self.tech_comfort.currentData(),
            "preferred_channel": self.channel.currentData(),
            "language": self.language.currentData(),
            "first_contact": first_contact if self.has_first_contact.isChecked() else None,
            "introduced_by_id": self.introduced_by.currentData(),
        }

    def save(self) -> None:
        values = self.values()
        if not self._duplicates_settled(values):
            return
        # read on this (the GUI) thread: on a team desk the save runs in a worker
        self._introduction_now = self.introduction()
        try:
            client_id = save_edited_record(
                self,
                self._engine,
                self._save_over,
                values,
                self._seen_version,
                self.client_id,
                labels=self.field_labels,
                describe=self._describe,
                restore=self._restore,
            )
            if client_id is None:
                return
            self.saved_client_id = client_id
        except ValidationError as exc:
            if "introduction_message_id" in exc.errors:  # shown with the note
                exc.errors["introduction_note"] = exc.errors.pop("introduction_message_id")
            self.errors.show(exc.errors)
            return
        if self.merge_with is not None:
            merge = MergeClientsDialog(
                self._engine, client_id, other_id=self.merge_with, keep_other=True, parent=self
            )
            if merge.exec() and merge.kept_id is not None:
                self.saved_client_id = merge.kept_id
        self.accept()

    def _save_over(self, session: Session, values: dict[str, Any], seen: int | None) -> int:
        """One try of the save (a worker's, on a team desk): the client and its introduction."""
        if self.client_id is None:
            client = clients.create_client(session=session, values=values)
        else:
            client = clients.update_client(
                session=session, client_id=self.client_id, values=values, seen_version=seen
            )
        assert client.id is not None
        referrals.set_referrer(session=session, client_id=client.id, **self._introduction_now)
        return client.id

    def _restore(self, session: Session) -> None:
        """Bring back the client a colleague deleted meanwhile (then saved with the changes)."""
        assert self.client_id is not None
        clients.undelete_client(session=session, client_id=self.client_id)

    def _describe(self, field: str, value: Any) -> str:
        """A stored value as the form shows it (a name for a referrer's id, a level's words)."""
        combos = {
            "tech_comfort": self.tech_comfort,
            "preferred_channel": self.channel,
            "language": self.language,
            "introduced_by_id": self.introduced_by,
        }
        if field in combos:
            return combo_text(combos[field], value, str(value))
        if isinstance(value, date):
            return format_date(value)
        return "" if value is None else str(value)

    def _duplicates_settled(self, values: dict[str, Any]) -> bool:
        """False when the client may already be in the desk and the user wants to look again;
        True to save (a new client anyway, or one to merge: `merge_with`)."""
        name, phone = values["name"].strip(), values["phone"].strip()
        if not name or self._loaded_identity == (name, phone):
            return True  # a missing name is said next to the field; an unchanged edit is fine
        with Session(self._engine) as session:
            found = client_merge.possible_duplicates(
                session=session, name=name, phone=phone, exclude_id=self.client_id
            )
        found = [d for d in found if d.id not in self._duplicates_accepted]
        if not found:
            return True
        answer = ask_about_duplicates(self, found)
        if answer == "save":
            self._duplicates_accepted.update(d.id for d in found)
        elif answer == "merge":
            self.merge_with = found[0].id
        return answer != "keep_editing"
