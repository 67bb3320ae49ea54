"""Click to chat: the guide dialog's *Open in WhatsApp* and the number on a client's profile
open the chat (Qt's own URL handlers catch the link, as a browser would receive it)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, demo, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.demo_guides import load_demo_guides
from agencydesk.core.guides import sending
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.guides.send_guide_dialog import SendGuideDialog
from agencydesk.qt.tickets.ticket_view import TicketView


class _Browser(QObject):
    """Where `QDesktopServices.openUrl` sends https links during a test."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser() -> Iterator[_Browser]:
    receiver = _Browser()
    QDesktopServices.setUrlHandler("https", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def desk(engine: Engine) -> tuple[Engine, dict[str, int], dict[str, int]]:
    with session_scope(engine) as session:
        client_ids = demo.load_demo(session=session)
        guide_ids = load_demo_guides(session=session, client_ids=client_ids)
    return engine, client_ids, guide_ids


def _sent(engine: Engine, client_id: int) -> int:
    with Session(engine) as session:
        return len(sending.sends_for_client(session=session, client_id=client_id))


@pytest.mark.usefixtures("inline_tasks")  # the dialog reads in workers
def test_open_in_whatsapp_types_the_guide_in_the_clients_chat_and_records_it_once_sent(
    qtbot: QtBot,
    desk: tuple[Engine, dict[str, int], dict[str, int]],
    browser: _Browser,
    dialogs: DialogAnswerer,
) -> None:
    engine, client_ids, guide_ids = desk
    rina = client_ids["rina"]
    with session_scope(engine) as session:
        clients.update_client(session=session, client_id=rina, values={"phone": "0813-1111-2222"})
    before = _sent(engine, rina)
    dialog = SendGuideDialog(engine, guide_id=guide_ids["wp_login"], client_id=rina)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.whatsapp_button.isEnabled()
    text = dialog.text.toPlainText()

    def not_yet(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.text() == "Did the guide go out to Ibu Rina Marlina?"
        [back] = [b for b in widget.buttons() if b.text() == "Not yet"]
        back.click()

    dialogs.then(not_yet)
    dialog.whatsapp_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    [url] = browser.opened
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("wa.me", "/6281311112222")
    assert parse_qs(parts.query)["text"] == [text]
    assert QGuiApplication.clipboard().text() == text  # for the pictures after it
    assert dialog.isVisible()
    assert _sent(engine, rina) == before  # not sent yet: nothing recorded

    def went_out(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        [yes] = [b for b in widget.buttons() if b.text() == "Yes, it went out"]
        yes.click()

    dialogs.then(went_out)
    dialog.whatsapp_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    assert not dialog.isVisible()
    assert _sent(engine, rina) == before + 1


@pytest.mark.usefixtures("inline_tasks")  # the dialog reads in workers
def test_without_a_number_the_guide_can_only_be_copied(
    qtbot: QtBot, desk: tuple[Engine, dict[str, int], dict[str, int]]
) -> None:
    engine, client_ids, guide_ids = desk
    with session_scope(engine) as session:
        clients.update_client(session=session, client_id=client_ids["rina"], values={"phone": ""})
    dialog = SendGuideDialog(engine, guide_id=guide_ids["wp_login"], client_id=client_ids["rina"])
    qtbot.addWidget(dialog)
    assert not dialog.whatsapp_button.isEnabled()
    assert dialog.whatsapp_button.toolTip() == "No WhatsApp number on this client's profile"
    assert dialog.copy_button.isEnabled()


@pytest.mark.usefixtures("inline_tasks")
def test_the_number_on_the_profile_opens_the_chat(
    qtbot: QtBot, desk: tuple[Engine, dict[str, int], dict[str, int]], browser: _Browser
) -> None:
    engine, client_ids, _guides = desk
    with session_scope(engine) as session:
        for key, phone in (("ratna", "0812-3456-7890"), ("rina", "")):
            clients.update_client(
                session=session, client_id=client_ids[key], values={"phone": phone}
            )
    detail = ClientDetailView(engine)
    qtbot.addWidget(detail)
    detail.resize(800, 600)
    detail.show()
    detail.show_client(client_ids["ratna"])
    label = detail.phone_label
    assert label.toolTip() == "Open the chat with Ibu Ratna Wulandari in WhatsApp"
    qtbot.waitExposed(label)
    middle = QPoint(label.fontMetrics().horizontalAdvance("0812"), label.height() // 2)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.waitUntil(lambda: browser.opened == ["https://wa.me/6281234567890"])

    detail.show_client(client_ids["rina"])  # no number to call: no link
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "–"
    assert label.toolTip() == ""


@pytest.mark.usefixtures("inline_tasks")
def test_my_reply_goes_out_in_whatsapp_and_is_added_once_it_went(
    qtbot: QtBot,
    desk: tuple[Engine, dict[str, int], dict[str, int]],
    browser: _Browser,
    dialogs: DialogAnswerer,
) -> None:
    engine, client_ids, _guides = desk
    with session_scope(engine) as session:
        clients.update_client(
            session=session, client_id=client_ids["ratna"], values={"phone": "0812 3456 7890"}
        )
        [ticket] = tickets.list_tickets(session=session, client_id=client_ids["ratna"], limit=1)
        before = len(tickets.conversation(session=session, ticket_id=ticket.id))
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.show()
    view.show_ticket(ticket.id)
    action = view.reply_area.whatsapp.action
    assert action in view.reply_area.add_button.menu().actions()  # the arrow beside Add
    assert not action.isEnabled()  # nothing written yet
    qtbot.keyClicks(view.reply_area.reply, "Sudah saya perbaiki, Bu")
    view.reply_area.reply.insertPlainText(" 🙏")  # (QTest types ASCII only)
    assert action.isEnabled()
    view.reply_area.note.setChecked(True)  # an internal note never goes to the client
    assert not action.isEnabled()
    view.reply_area.from_me.setChecked(True)

    def went_out(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.text() == "Did your reply go out to Ibu Ratna Wulandari?"
        [yes] = [b for b in widget.buttons() if b.text() == "Yes, add it to the ticket"]
        yes.click()

    dialogs.then(went_out)
    action.trigger()
    qtbot.waitUntil(lambda: dialogs.done)
    [url] = browser.opened
    parts = urlsplit(url)
    assert parts.path == "/6281234567890"
    assert parse_qs(parts.query)["text"] == ["Sudah saya perbaiki, Bu 🙏"]
    assert view.reply_area.reply.toPlainText() == ""
    with Session(engine) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket.id)
    assert len(lines) == before + 1
    assert lines[-1].body == "Sudah saya perbaiki, Bu 🙏"
    assert lines[-1].from_me
