"""Client-provided text is shown as text: `<img src=x>` and `<a href=…>` typed into a client, a
ticket, a message, a guide or a login appear as those characters, never as an image or a link."""

from __future__ import annotations

import html

import pytest
from keyring_memory import MemoryKeyring
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.core import clients, credentials, orders, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.guides import library, sending
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.guides.guides_page import GuidesPage
from agencydesk.qt.shell.search_dialog import HTML_ROLE, SearchDialog
from agencydesk.qt.tickets.ticket_view import TicketView

IMG = "<img src=x>"
LINK = '<a href="https://evil">x</a>'
PAYLOAD = f"Zebulon {IMG} {LINK}"


@pytest.fixture
def planted(engine: Engine, memory_keyring: MemoryKeyring) -> dict[str, int]:
    with session_scope(engine) as session:
        referrer = clients.create_client(session=session, values={"name": f"Ref {PAYLOAD}"})
        client = clients.create_client(
            session=session,
            values={
                "name": PAYLOAD,
                "company": PAYLOAD,
                "city": PAYLOAD,
                "tags": "vip",
                "notes": PAYLOAD,
                "caution_note": PAYLOAD,
                "introduced_by_id": referrer.id,
            },
        )
        assert client.id is not None
        assert referrer.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": PAYLOAD}
        )
        assert ticket.id is not None
        tickets.add_message(session=session, ticket_id=ticket.id, body=PAYLOAD, from_me=False)
        tickets.add_message(
            session=session, ticket_id=ticket.id, body=f"note {PAYLOAD}", from_me=True, kind="note"
        )
        guide = library.create_guide(
            session=session, values={"title": PAYLOAD, "body": "Klik *Simpan*."}
        )
        assert guide.id is not None
        sending.record_send(
            session=session, guide_id=guide.id, client_id=client.id, text="Klik *Simpan*."
        )
        orders.create_order(
            session=session, client_id=client.id, values={"title": PAYLOAD, "amount": 1_500_000}
        )
        credentials.add_credential(
            session=session,
            client_id=client.id,
            values={"label": PAYLOAD, "username": PAYLOAD, "url": "https://x.id", "notes": PAYLOAD},
            secret="pw",
        )
        return {
            "client": client.id,
            "referrer": referrer.id,
            "ticket": ticket.id,
            "guide": guide.id,
        }


def shown(text: str) -> str:
    """What a label/tooltip with Qt's automatic format shows for *text*."""
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def check_document(document: QTextDocument, *, allowed_links: tuple[str, ...] = ()) -> None:
    markup = document.toHtml()
    assert "<img" not in markup, "an image tag was rendered"
    assert "https://evil" not in markup.replace(html.escape(LINK), "")
    for href in (part.split('"', 1)[0] for part in markup.split('href="')[1:]):
        assert href.startswith(allowed_links), f"unexpected link {href!r}"
    assert IMG in document.toPlainText()
    assert LINK in document.toPlainText()


def check_widgets(root: QWidget) -> int:
    """Every label, button, text view, item and tooltip under *root* shows the payload as text.
    Returns how many places showed it."""
    seen = 0
    for label in root.findChildren(QLabel):
        if IMG in label.text() or "evil" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
            seen += 1
    for button in root.findChildren(QAbstractButton):
        if IMG in button.text():
            seen += 1  # buttons never render markup
    for view in root.findChildren(QTextEdit):
        if view.isVisible() and "Zebulon" in view.toPlainText():
            check_document(view.document(), allowed_links=("ticket:",))
            seen += 1
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if "Zebulon" in tip:
            assert IMG in shown(tip), f"tooltip of {widget!r} renders markup"
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            try:
                columns = model.columnCount(parent)
            except TypeError:  # a list model: one column
                columns = 1
            for row in range(model.rowCount(parent)):
                for column in range(columns):
                    index = model.index(row, column, parent)
                    stack.append(index)
                    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                    if "Zebulon" in text:
                        seen += 1  # item views paint DisplayRole as plain text
                    tip = index.data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str) and "Zebulon" in tip:
                        assert IMG in shown(tip), f"item tooltip renders markup: {tip!r}"
                    markup = index.data(HTML_ROLE)
                    if isinstance(markup, str) and "Zebulon" in markup:
                        document = QTextDocument()
                        document.setHtml(markup)
                        assert "<img" not in document.toHtml()
                        assert "Zebulon" in document.toPlainText()
    return seen


@pytest.mark.usefixtures("inline_tasks")
def test_client_detail_timeline_and_logins_show_the_text(
    qtbot: QtBot, engine: Engine, planted: dict[str, int]
) -> None:
    view = ClientDetailView(engine)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_client(planted["client"])
    assert view.name_label.text() == PAYLOAD
    assert view.caution_label.text() == PAYLOAD
    assert view.notes_label.text() == PAYLOAD
    assert view.referrer_button.text().endswith(PAYLOAD)
    assert check_widgets(view) >= 5

    view.tabs.setCurrentWidget(view.timeline)
    qtbot.waitUntil(lambda: "Zebulon" in view.timeline.toPlainText())
    text = view.timeline.toPlainText()
    assert text.count(PAYLOAD) >= 3  # the ticket, the client's message, the guide sent
    check_document(view.timeline.document(), allowed_links=("ticket:",))

    view.tabs.setCurrentWidget(view.tickets)
    assert check_widgets(view.tickets) >= 1

    view.tabs.setCurrentWidget(view.orders)
    qtbot.waitUntil(lambda: check_widgets(view.orders) >= 1)

    view.tabs.setCurrentWidget(view.credentials)
    qtbot.waitUntil(lambda: view.credentials.status is not None)
    logins = view.credentials
    item = logins.tree.topLevelItem(0)
    assert (item.text(0), item.text(1)) == (PAYLOAD, PAYLOAD)
    assert logins.notes_label.text() == PAYLOAD
    assert check_widgets(logins) >= 2


@pytest.mark.usefixtures("inline_tasks")
def test_ticket_view_shows_the_text(qtbot: QtBot, engine: Engine, planted: dict[str, int]) -> None:
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_ticket(planted["ticket"])
    assert view.title_label.text() == PAYLOAD
    assert view.client_button.text() == PAYLOAD
    check_document(view.conversation.document())
    assert view.conversation.toPlainText().count(PAYLOAD) >= 2
    assert check_widgets(view) >= 2


def test_search_dialog_shows_the_text(
    qtbot: QtBot, engine: Engine, planted: dict[str, int]
) -> None:
    dialog = SearchDialog(engine)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query.setText("zebulon")
    dialog.run_search()
    qtbot.waitUntil(lambda: dialog.results is not None and dialog.results.count() > 0)
    assert dialog.results is not None
    assert {"client", "ticket", "message", "guide"} <= set(dialog.results.hits)
    assert check_widgets(dialog) >= 4


@pytest.mark.usefixtures("inline_tasks")
def test_guides_page_shows_the_text(qtbot: QtBot, engine: Engine, planted: dict[str, int]) -> None:
    page = GuidesPage(engine)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    assert page.select_guide(planted["guide"])
    assert page.title_label.text() == PAYLOAD
    assert check_widgets(page) >= 2


@pytest.mark.usefixtures("inline_tasks")
def test_today_and_client_list_show_the_text(
    qtbot: QtBot, engine: Engine, planted: dict[str, int]
) -> None:
    from agencydesk.qt.clients.clients_page import ClientsPage
    from agencydesk.qt.today.today_page import TodayPage

    today = TodayPage(engine)
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    qtbot.waitUntil(lambda: today.summary is not None)
    assert check_widgets(today) >= 1  # the ticket waiting on us, and who asked
    page = ClientsPage(engine)
    qtbot.addWidget(page)
    page.show()
    assert page.select_client(planted["client"])
    assert check_widgets(page) >= 2
