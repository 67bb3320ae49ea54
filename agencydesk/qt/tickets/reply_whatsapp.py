"""*Send in WhatsApp…* (the menu of the reply box's Add button): the reply opens in the client's
WhatsApp chat, typed in, and is added to the ticket once the user says it went out (the desk
records what was sent; WhatsApp sends it). A menu entry, not a button of its own: a button
beside Add widened the ticket pane by its width and squeezed the ticket list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from agencydesk.core.whatsapp_link import international_number
from agencydesk.qt.common.whatsapp_chat import send_in_whatsapp


class WhatsAppReply(QObject):
    """The menu entry (`action`) and what it does. *is_my_reply* says whether the reply box
    holds my reply (not the client's words or a note); *add* adds its text to the ticket."""

    def __init__(
        self,
        reply: QPlainTextEdit,
        is_my_reply: Callable[[], bool],
        add: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._reply = reply
        self._is_my_reply = is_my_reply
        self._add = add
        self._name = ""
        self._number: str | None = None
        self.action = QAction(self.tr("Send in WhatsApp…"), self)
        self.action.setObjectName("replyInWhatsApp")
        self.action.triggered.connect(lambda _checked=False: self.send())
        reply.textChanged.connect(self.update)
        self.update()

    def show_client(self, name: str, phone: str) -> None:
        self._name = name
        self._number = international_number(phone) if phone else None
        self.update()

    def update(self) -> None:
        self.action.setEnabled(
            self._number is not None
            and bool(self._reply.toPlainText().strip())
            and self._is_my_reply()
        )
        self.action.setToolTip(
            self.tr("Opens the chat with {name}, your reply typed in; you press send").format(
                name=self._name
            )
            if self._number is not None
            else self.tr("No WhatsApp number on this client's profile")
        )

    def send(self) -> None:
        text = self._reply.toPlainText()
        if self._number is None or not text.strip():
            return
        if send_in_whatsapp(
            self._parent,
            self._number,
            text,
            question=self.tr("Did your reply go out to {name}?").format(name=self._name),
            too_long=self.tr(
                "The reply is too long to type in through a link: it is on the clipboard, "
                "paste it into the chat."
            ),
            went_out=self.tr("Yes, add it to the ticket"),
        ):
            self._add()
