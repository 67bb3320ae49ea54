"""Where a ticket's next line is written: the reply box, who the line is from (the client, me,
an internal note), Add (Ctrl+Enter) with Send in WhatsApp… in its menu, the draft kept while
typing (`reply_drafts`) and the saved replies "/" inserts (`saved_reply_picker`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import saved_replies, tickets
from agencydesk.core.drafts import Draft
from agencydesk.core.models import MessageKind
from agencydesk.qt.tickets.reply_drafts import ReplyDrafts
from agencydesk.qt.tickets.reply_whatsapp import WhatsAppReply
from agencydesk.qt.tickets.saved_reply_picker import SavedReplyPicker
from agencydesk.qt.tickets.ticket_writes import Write


class ReplyArea(QWidget):
    def __init__(
        self,
        engine: Engine,
        write: Write,
        client_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._write = write
        # the ticket the box writes on (None: none shown)
        self.ticket_id: int | None = None
        self.reply = QPlainTextEdit()
        self.reply.setTabChangesFocus(True)  # Tab moves on to the buttons, as in a form
        self.reply.setObjectName("replyEditor")
        self.reply.setPlaceholderText(
            self.tr(
                "Write what the client said, your reply, or a note…  (/ inserts a saved reply,"
                " Ctrl+Enter adds it)"
            )
        )
        self.reply.setFixedHeight(72)
        self.reply.installEventFilter(self)
        self.from_client = QRadioButton(self.tr("From the client"))
        self.from_me = QRadioButton(self.tr("My reply"))
        self.note = QRadioButton(self.tr("Internal note"))
        self.from_me.setChecked(True)
        self._who = QButtonGroup(self)
        for button in (self.from_client, self.from_me, self.note):
            self._who.addButton(button)
        # Add, and in its menu (the arrow) Send in WhatsApp…
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.clicked.connect(lambda _checked=False: self.add_message())
        self.draft_label = QLabel(self.tr("Draft kept"))
        self.draft_label.setObjectName("draftKept")
        self.draft_label.setToolTip(
            self.tr(
                "What you write here stays with this ticket until you add it, after a restart too."
            )
        )
        self.draft_label.setStyleSheet("color: #555555;")
        self.drafts = ReplyDrafts(
            engine, self.reply, self.draft_label, self.reply_who, self._set_reply_who, self
        )
        self._who.buttonToggled.connect(lambda _button, checked: checked and self.drafts.keep())
        self.whatsapp = WhatsAppReply(
            self.reply, lambda: self.reply_who() == (True, MessageKind.MESSAGE.value),
            self.add_message, self,
        )  # fmt: skip
        self._who.buttonToggled.connect(lambda _button, _checked: self.whatsapp.update())
        self.saved_replies = SavedReplyPicker(engine, self.reply, client_id, self)
        add_menu = QMenu(self.add_button)
        add_menu.addAction(self.whatsapp.action)
        self.add_button.setMenu(add_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # "Draft kept" over the reply box's right edge, on a line of its own: beside the buttons
        # it found no room in Indonesian, and it must never widen the view (squeezing the list)
        layout.addWidget(self.draft_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.reply)
        # who said it, and Add, on one line where they fit; else Add on a line of its own under
        # them. On one line they made the view 400 points wide at the least (Indonesian), and at
        # the window's least width the ticket list was squeezed to 220, its titles unreadable
        self._buttons = QGridLayout()
        self._buttons.setContentsMargins(0, 0, 0, 0)
        self._buttons.setColumnStretch(3, 1)
        for column, radio in enumerate((self.from_client, self.from_me, self.note)):
            self._buttons.addWidget(radio, 0, column)
        layout.addLayout(self._buttons)
        self._one_line: bool | None = None
        self._arrange_buttons()

    def _line_widths(self) -> tuple[int, int]:
        """The width the buttons need on one line, and on two (who said it; Add under it)."""
        spacing = max(self._buttons.horizontalSpacing(), 0)
        radios = sum(
            r.sizeHint().width() + spacing for r in (self.from_client, self.from_me, self.note)
        )
        return radios + self.add_button.sizeHint().width(), radios

    def _arrange_buttons(self) -> None:
        one_line_width, two_lines_width = self._line_widths()
        # the least this area asks for is what two lines need: one line when there is room
        self.setMinimumWidth(two_lines_width)
        one_line = self.width() >= one_line_width
        if one_line == self._one_line:
            return
        self._one_line = one_line
        self._buttons.removeWidget(self.add_button)
        if one_line:
            self._buttons.addWidget(self.add_button, 0, 4)
        else:
            self._buttons.addWidget(self.add_button, 1, 0, 1, 5, Qt.AlignmentFlag.AlignRight)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_buttons()

    def show_ticket(self, ticket_id: int | None, draft: Draft | None) -> None:
        """Write on *ticket_id* now: the box is kept for the ticket it was typed on, and this
        one's *draft* comes back (what was inserted stays, for the same ticket shown anew)."""
        if ticket_id != self.ticket_id:
            self.saved_replies.forget()
        self.ticket_id = ticket_id
        self.drafts.show_ticket(ticket_id, draft)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the reply box adds the message (Enter alone makes a new line)."""
        if (
            watched is self.reply
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_message()
            return True
        return super().eventFilter(watched, event)

    def reply_who(self) -> tuple[bool, str]:
        """Who the reply box's line is from: (from me, message kind)."""
        if self.note.isChecked():
            return True, MessageKind.NOTE.value
        return not self.from_client.isChecked(), MessageKind.MESSAGE.value

    def _set_reply_who(self, who: tuple[bool, str]) -> None:
        from_me, kind = who
        button = self.note if kind == MessageKind.NOTE else self.from_me
        (button if from_me else self.from_client).setChecked(True)

    def add_message(self) -> None:
        body = self.reply.toPlainText()
        ticket_id = self.ticket_id
        if ticket_id is None or not body.strip():
            return
        from_me, kind = self.reply_who()

        inserted = self.saved_replies.inserted if from_me else {}
        erase_draft = self.drafts.eraser()

        def add(session: Session) -> None:
            message = tickets.add_message(
                session=session,
                ticket_id=ticket_id,
                body=body,
                from_me=from_me,
                kind=kind,
            )
            if inserted and kind == MessageKind.MESSAGE:  # a note to myself is not sent
                saved_replies.record_uses(
                    session=session,
                    client_id=message.client_id,
                    ticket_id=message.ticket_id,
                    inserted=inserted,
                    body=body,
                )
            erase_draft(session)

        def refused() -> None:
            """What she wrote comes back into the box, unless she wrote on meanwhile."""
            if self.ticket_id == ticket_id and not self.reply.toPlainText():
                self.reply.setPlainText(body)
                self.saved_replies.inserted = {**inserted, **self.saved_replies.inserted}

        # the box is free at once for the next line (the reply is written in a worker on a
        # team desk); a refusal puts it back
        self.drafts.erased()
        self.saved_replies.forget()
        self._write(add, refused=refused)
