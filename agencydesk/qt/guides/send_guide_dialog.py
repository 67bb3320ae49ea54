"""Sending a guide: choose the client, check the WhatsApp-ready text, copy it (or open the
client's WhatsApp chat with it typed in), and it is recorded.

The text is the client's own (placeholders filled in) and shown as plain text, exactly as it will
be pasted. Clients who need every step explained get the very gentle version suggested; a client
who already got the guide is pointed out before it goes a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.guides import images, library, sending
from agencydesk.core.whatsapp_link import international_number
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.detail_reading import read_then_show
from agencydesk.qt.common.dialog_layout import lay_out_dialog
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.formatting import format_date, tech_comfort_label
from agencydesk.qt.common.labels import muted_label, plain_label
from agencydesk.qt.common.whatsapp_chat import send_in_whatsapp


@dataclass(frozen=True)
class _Text:
    """What the dialog shows for a guide and a client, read in a worker."""

    rendered: sending.RenderedGuide
    sent_before: datetime | None
    pictures: bool
    phone: str


def format_day(moment: datetime) -> str:
    """ "3 Mar 2025" / "3 Mar 2025": the local day of *moment* (formatting.format_date)."""
    return format_date(moment)


def _note(object_name: str, style: str) -> QLabel:
    label = plain_label()
    label.setObjectName(object_name)
    label.setStyleSheet(f"#{object_name} {{ {style} border-radius: 6px; padding: 6px 8px; }}")
    label.setVisible(False)
    return label


class SendGuideDialog(QDialog):
    """After "Copy for WhatsApp": `copied_text` is on the clipboard, `recorded_send_id` saved."""

    def __init__(
        self,
        engine: Engine,
        guide_id: int | None = None,
        client_id: int | None = None,
        ticket_id: int | None = None,
        my_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._fixed_ticket_id = ticket_id
        self._requested_guide_id = guide_id
        self._comfort: dict[int, int] = {}
        self._client_names: dict[int, str] = {}
        self._shown_client_id: int | None = None
        self.copied_text: str | None = None
        self.recorded_send_id: int | None = None
        self.rendered: sending.RenderedGuide | None = None
        # the chosen client's WhatsApp number, international digits (None: none on file)
        self.whatsapp_number: str | None = None
        self.setWindowTitle(self.tr("Send guide to a client"))
        self.setSizeGripEnabled(True)

        self.guide = narrow_combo()
        self.guide.setObjectName("guideChoice")
        self.client = narrow_combo()
        self.client.setObjectName("clientChoice")
        self.client.setEditable(True)
        self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.client.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.client.lineEdit().setPlaceholderText(self.tr("Type to find a client"))
        self.client.lineEdit().installEventFilter(self)
        self.ticket = narrow_combo()
        self.ticket.setObjectName("ticketChoice")
        for combo in (self.guide, self.client, self.ticket):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.sign_as = QLineEdit(my_name)
        self.sign_as.setPlaceholderText(self.tr("fills in {my_name}"))

        self.variant_note = _note("variantNote", "background: #e8f1fb; color: #0b3a66;")
        self.already_note = _note("alreadySentNote", "background: #fff4d6; color: #4a3b00;")
        self.missing_note = _note("missingNote", "background: #fde8e6; color: #6b1410;")
        self.text = QPlainTextEdit()
        self.text.setObjectName("whatsappText")
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(240)
        self.pictures_note = muted_label()
        self.pictures_note.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Guide"), self.guide)
        form.addRow(self.tr("Client"), self.client)
        self._ticket_caption = QLabel(self.tr("For ticket"))
        form.addRow(self._ticket_caption, self.ticket)
        form.addRow(self.tr("Sign as"), self.sign_as)

        self.copy_button = QPushButton(self.tr("Copy for WhatsApp"))
        self.copy_button.setObjectName("copyForWhatsApp")
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_and_record)
        self.whatsapp_button = QPushButton(self.tr("Open in WhatsApp"))
        self.whatsapp_button.setObjectName("openInWhatsApp")
        self.whatsapp_button.clicked.connect(self.open_in_whatsapp)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.whatsapp_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)

        text_caption = QLabel(self.tr("What the client gets (ready to paste into WhatsApp)"))
        lay_out_dialog(
            self,
            (
                form,
                self.variant_note,
                self.already_note,
                self.missing_note,
                text_caption,
                (self.text, 1),
                self.pictures_note,
            ),
            self.buttons,
        )
        self.resize(640, 700)

        self.guide.activated.connect(self._guide_chosen)
        self.client.currentIndexChanged.connect(self._client_changed)
        self.client.editTextChanged.connect(self._client_typed)
        self.sign_as.textChanged.connect(lambda _text: self.update_text())
        # every read in a worker (on a team server a network away opening the dialog took
        # ten round trips): the dialog shows at once, its choices and text as they come
        self.copy_button.setEnabled(False)
        self.whatsapp_button.setEnabled(False)
        read_then_show(
            self,
            self._read_choices,
            partial(self._show_choices, guide_id, client_id),
            key="choices",
        )

    def _read_choices(self) -> tuple[list[tuple[str, int]], list[tuple[int, str, int]]]:
        with Session(self._engine) as session:
            guides = [(row.title, row.id) for row in library.list_guides(session=session)]
            return guides, sending.client_choices(session=session)

    def _show_choices(
        self,
        guide_id: int | None,
        client_id: int | None,
        choices: tuple[list[tuple[str, int]], list[tuple[int, str, int]]],
    ) -> None:
        guides, people = choices
        with QSignalBlocker(self.guide), QSignalBlocker(self.client):
            for title, other_guide in guides:
                self.guide.addItem(title, other_guide)
            for other_id, name, comfort in people:
                self.client.addItem(name, other_id)
                self._comfort[other_id] = comfort
                self._client_names[other_id] = name
            self._select(self.guide, guide_id)
            if not self._select(self.client, client_id):
                self.client.setCurrentIndex(-1)
        if self._requested_guide_id is None:
            self._requested_guide_id = self.guide.currentData()
        self._client_changed()
        if self.client.currentIndex() < 0:
            self.client.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the client field picks the client; it does not copy (and record) at once."""
        if (
            watched is self.client.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            for text in (self.client.currentText(), self.client.completer().currentCompletion()):
                index = self.client.findText(text, Qt.MatchFlag.MatchFixedString)
                if text and index >= 0:
                    self.client.setCurrentIndex(index)
                    break
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _select(combo: QComboBox, value: int | None) -> bool:
        index = combo.findData(value) if value is not None else -1
        if index >= 0:
            combo.setCurrentIndex(index)
        return index >= 0

    # -- choices -----------------------------------------------------------------------------
    def guide_id(self) -> int | None:
        value = self.guide.currentData()
        return int(value) if value is not None else None

    def client_id(self) -> int | None:
        """The chosen client; None while the typed text names nobody in the list."""
        index = self.client.currentIndex()
        if index < 0 or self.client.itemText(index) != self.client.currentText():
            return None
        value = self.client.itemData(index)
        return int(value) if value is not None else None

    def ticket_id(self) -> int | None:
        if self._fixed_ticket_id is not None:
            return self._fixed_ticket_id
        value = self.ticket.currentData()
        return int(value) if value is not None else None

    def _guide_chosen(self, _index: int) -> None:
        """The user picked a guide themselves: keep it, even for a client who needs gentleness."""
        self._requested_guide_id = self.guide_id()
        self.variant_note.setVisible(False)
        self.update_text()

    def _client_typed(self, _text: str) -> None:
        if self.client_id() != self._shown_client_id:
            self._client_changed()

    def _client_changed(self, _index: int = -1) -> None:
        """The client chosen: her open tickets and the guide's version for her (the very
        gentle one for who needs every step explained) are read, then the text."""
        client_id = self.client_id()
        self._shown_client_id = client_id
        self.variant_note.setVisible(False)
        self.copy_button.setEnabled(False)  # until her text is read
        self.whatsapp_button.setEnabled(False)
        requested, engine = self._requested_guide_id, self._engine
        with_tickets = client_id is not None and self._fixed_ticket_id is None

        def read() -> tuple[list[tuple[int, str]], int | None]:
            with Session(engine) as session:
                tickets = (
                    sending.ticket_choices(session=session, client_id=client_id)
                    if with_tickets and client_id is not None
                    else []
                )
                if client_id is None or requested is None:
                    return tickets, requested
                try:
                    suggested = sending.suggest_variant(
                        session=session, guide_id=requested, client_id=client_id
                    )
                except UserError:
                    suggested = requested
                return tickets, suggested

        read_then_show(self, read, partial(self._show_client, client_id, requested), key="client")

    def _show_client(
        self,
        client_id: int | None,
        requested: int | None,
        read: tuple[list[tuple[int, str]], int | None],
    ) -> None:
        if client_id != self.client_id():
            return  # another client is chosen since: hers are on their way
        tickets, suggested = read
        self._fill_tickets(tickets)
        if suggested is not None:
            self._select(self.guide, suggested)
        if client_id is not None and suggested != requested:
            comfort = self._comfort.get(client_id, 3)
            self.variant_note.setText(
                self.tr(
                    "{name} needs patient help (tech comfort: {level}), so the very gentle "
                    "version of this guide is chosen. You can pick another guide above."
                ).format(name=self._client_names[client_id], level=tech_comfort_label(comfort))
            )
            self.variant_note.setVisible(True)
        self.update_text()

    def _fill_tickets(self, tickets: list[tuple[int, str]]) -> None:
        self.ticket.blockSignals(True)
        self.ticket.clear()
        self.ticket.addItem(self.tr("No ticket"), None)
        for ticket_id, title in tickets:
            self.ticket.addItem(title, ticket_id)
        self.ticket.blockSignals(False)
        show = self._fixed_ticket_id is None and self.ticket.count() > 1
        self.ticket.setVisible(show)
        self._ticket_caption.setVisible(show)

    # -- the text ----------------------------------------------------------------------------
    def update_text(self) -> None:
        guide_id, client_id = self.guide_id(), self.client_id()
        self.rendered = None
        self.whatsapp_number = None
        self.whatsapp_button.setEnabled(False)
        self.already_note.setVisible(False)
        self.missing_note.setVisible(False)
        self.pictures_note.setVisible(False)
        if guide_id is None or client_id is None:
            self.text.setPlainText("")
            self.text.setPlaceholderText(
                self.tr("Choose a client to see the text they will get.")
                if guide_id is not None
                else self.tr("There are no guides yet. Write one first.")
            )
            self.copy_button.setEnabled(False)
            return
        self.copy_button.setEnabled(False)  # until the text for them is read
        engine, my_name = self._engine, self.sign_as.text()

        def read() -> _Text | UserError:
            with Session(engine) as session:
                try:
                    return _Text(
                        sending.render_for_client(
                            session=session, guide_id=guide_id, client_id=client_id, my_name=my_name
                        ),
                        sending.already_sent(
                            session=session, guide_id=guide_id, client_id=client_id
                        ),
                        bool(
                            images.image_references(
                                library.get_guide(session=session, guide_id=guide_id).body
                            )
                        ),
                        clients.get_client(session=session, client_id=client_id).phone,
                    )
                except UserError as exc:  # the guide or the client deleted meanwhile
                    return exc

        read_then_show(
            self, read, partial(self._show_text, (guide_id, client_id, my_name)), key="text"
        )

    def _show_text(self, asked: tuple[int, int, str], read: _Text | UserError) -> None:
        if asked != (self.guide_id(), self.client_id(), self.sign_as.text()):
            return  # chosen or typed otherwise since: that text is on its way
        client_id = asked[1]
        if isinstance(read, UserError):
            self.text.setPlainText("")
            self.text.setPlaceholderText(str(read))
            self.copy_button.setEnabled(False)
            return
        rendered, sent_before = read.rendered, read.sent_before
        self.rendered = rendered
        self.text.setPlainText(rendered.text)
        self.copy_button.setEnabled(True)
        # the default again: while it waited greyed, the dialog made Cancel the default when it
        # was shown, and Enter cancelled instead of copying
        self.copy_button.setDefault(True)
        self.whatsapp_number = international_number(read.phone) if read.phone else None
        self.whatsapp_button.setEnabled(self.whatsapp_number is not None)
        self.whatsapp_button.setToolTip(
            self.tr("Opens the chat with {name}, the text typed in; you press send").format(
                name=self._client_names.get(client_id, "")
            )
            if self.whatsapp_number is not None
            else self.tr("No WhatsApp number on this client's profile")
        )
        if sent_before is not None:
            self.already_note.setText(
                self.tr("{name} already got this guide on {date}.").format(
                    name=self._client_names.get(client_id, ""), date=format_day(sent_before)
                )
            )
            self.already_note.setVisible(True)
        if rendered.missing_placeholders:
            names = ", ".join(f"{{{key}}}" for key in rendered.missing_placeholders)
            self.missing_note.setText(
                self.tr(
                    "Not filled in: {names}. Add what is missing to the client (or type your "
                    "name in “Sign as”), or replace it after pasting."
                ).format(names=names)
            )
            self.missing_note.setVisible(True)
        if read.pictures:
            self.pictures_note.setText(
                self.tr(
                    "The pictures of this guide are not part of the copied text: "
                    "send them after it."
                )
            )
            self.pictures_note.setVisible(True)

    # -- copy ----------------------------------------------------------------------------------
    def copy_and_record(self) -> None:
        if self.rendered is None:
            return
        QGuiApplication.clipboard().setText(self.rendered.text)
        if self._record(self.rendered.text):
            self.accept()

    def open_in_whatsapp(self) -> None:
        """Open the client's chat with the text typed in (also on the clipboard: for the
        pictures after it, or a text too long for the link); record it once the user says it
        went out."""
        number, client_id = self.whatsapp_number, self.client_id()
        if self.rendered is None or number is None or client_id is None:
            return
        text = self.rendered.text
        sent = send_in_whatsapp(
            self,
            number,
            text,
            question=self.tr("Did the guide go out to {name}?").format(
                name=self._client_names.get(client_id, "")
            ),
            too_long=self.tr(
                "The guide is too long to type in through a link: it is on the clipboard, "
                "paste it into the chat."
            ),
            went_out=self.tr("Yes, it went out"),
        )
        if sent and self._record(text):
            self.accept()

    def _record(self, text: str) -> bool:
        """Record that the guide went to the client (with this text); False if it could not be."""
        guide_id, client_id = self.guide_id(), self.client_id()
        if guide_id is None or client_id is None:
            return False
        try:
            with session_scope(self._engine) as session:
                send = sending.record_send(
                    session=session,
                    guide_id=guide_id,
                    client_id=client_id,
                    ticket_id=self.ticket_id(),
                    text=text,
                )
                self.recorded_send_id = send.id
        except UserError as exc:
            report_exception(self, exc)
            return False
        self.copied_text = text
        return True
