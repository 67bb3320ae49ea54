"""Sending a text through the client's WhatsApp, as the guide dialog and the reply box do: the
chat opens with the text typed in (and on the clipboard too: for pictures to send after it, or a
text too long to ride in the link), then the user says whether it went out. The desk records
only what went."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from agencydesk.core.whatsapp_link import chat_link
from agencydesk.qt.common.dialogs import ask_go_on


def send_in_whatsapp(
    parent: QWidget, number: str, text: str, *, question: str, too_long: str, went_out: str
) -> bool:
    """Open the chat with *number* (international digits) with *text* typed in and ask
    *question*; *too_long* is added when the text could not ride in the link. True when the
    user answers *went_out*."""
    QGuiApplication.clipboard().setText(text)
    link = chat_link(number, text)
    QDesktopServices.openUrl(QUrl(link.url))
    if not link.has_text:
        question += "\n\n" + too_long
    return ask_go_on(
        parent,
        QCoreApplication.translate("WhatsAppChat", "Sent in WhatsApp?"),
        question,
        went_out,
        QCoreApplication.translate("WhatsAppChat", "Not yet"),
    )
