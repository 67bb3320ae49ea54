"""Typing / and a name in the reply box, as a user does: the list of saved replies opens over
the cursor, Enter puts the chosen one in, filled in for the ticket's client."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from qt_helpers import statements_on_gui_thread
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import demo, migrate, saved_replies, tickets
from agencydesk.core.db import session_scope
from agencydesk.qt.common import workers
from agencydesk.qt.tickets.ticket_view import TicketView


def _view(qtbot: QtBot, engine: Engine) -> TicketView:
    with session_scope(engine) as session:
        ids = demo.load_demo(session=session)
        for name, text_id, text_en in (
            (
                "transfer",
                "Transfer ke BCA 123 a.n. {my_name} ya {call_name}",
                "Please pay to BCA 123",
            ),
            ("thanks", "Terima kasih, {call_name}!", ""),
            ("tracking", "Nomor resi menyusul.", ""),
        ):
            saved_replies.save_reply(
                session=session,
                reply_id=None,
                values={"name": name, "text_id": text_id, "text_en": text_en},
            )
        [ticket] = tickets.list_tickets(session=session, client_id=ids["ratna"], limit=1)
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    view.show_ticket(ticket.id)
    return view


@pytest.mark.usefixtures("inline_tasks")
def test_slash_and_a_name_puts_the_saved_reply_in_filled_in_for_the_client(
    qtbot: QtBot, engine: Engine
) -> None:
    view = _view(qtbot, engine)
    picker = view.reply_area.saved_replies
    picker.my_name = "Budi"  # Settings ▸ Your name
    popup = picker.completer.popup()
    qtbot.keyClicks(view.reply_area.reply, "Baik Bu. /t")
    qtbot.waitUntil(popup.isVisible)
    shown = [picker.model.item(row).data(Qt.ItemDataRole.DisplayRole) for row in range(3)]
    assert [text.split()[0] for text in shown] == ["/thanks", "/tracking", "/transfer"]
    qtbot.keyClicks(view.reply_area.reply, "ra")  # narrows as the name is typed
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    # Bu Ratna reads Indonesian; {call_name} is her name as one says it in a chat
    assert (
        view.reply_area.reply.toPlainText() == "Baik Bu. Transfer ke BCA 123 a.n. Budi ya Bu Ratna"
    )
    with Session(engine) as session:
        assert tickets.conversation(session=session, ticket_id=view.ticket_id or 0)


@pytest.mark.usefixtures("inline_tasks")
def test_an_emoji_before_the_slash_keeps_what_was_written_around_the_reply(
    qtbot: QtBot, engine: Engine
) -> None:
    """🙏 is two of Qt's text units and one Python character: the saved reply went in one place
    off, eating the space before "/th" (and a letter more for each emoji)."""
    view = _view(qtbot, engine)
    picker = view.reply_area.saved_replies
    popup = picker.completer.popup()
    view.reply_area.reply.setPlainText("Siap 🙏🙏 sudah masuk")  # QTest types no emoji
    view.reply_area.reply.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(view.reply_area.reply, " /th")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert view.reply_area.reply.toPlainText() == "Siap 🙏🙏 sudah masuk Terima kasih, Bu Ratna!"
    qtbot.keyClicks(view.reply_area.reply, " Salam")  # the cursor is after what went in
    assert view.reply_area.reply.toPlainText().endswith("Bu Ratna! Salam")


@pytest.mark.usefixtures("inline_tasks")
def test_escape_keeps_what_was_typed_and_a_slash_inside_a_word_offers_nothing(
    qtbot: QtBot, engine: Engine
) -> None:
    view = _view(qtbot, engine)
    popup = view.reply_area.saved_replies.completer.popup()
    qtbot.keyClicks(view.reply_area.reply, "/th")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert view.reply_area.reply.toPlainText() == "/th"
    view.reply_area.reply.clear()
    qtbot.keyClicks(view.reply_area.reply, "budi-web.id/t")
    assert not popup.isVisible()
    assert view.reply_area.reply.toPlainText() == "budi-web.id/t"


@pytest.mark.usefixtures("inline_tasks")
def test_a_saved_reply_that_went_out_shows_in_the_clients_timeline_and_its_use_count(
    qtbot: QtBot, engine: Engine
) -> None:
    from agencydesk.qt.clients.client_history import TimelineView
    from agencydesk.qt.guides.saved_replies_dialog import SavedRepliesDialog

    view = _view(qtbot, engine)
    popup = view.reply_area.saved_replies.completer.popup()
    qtbot.keyClicks(view.reply_area.reply, "Siap. /thanks")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.reply_area.reply.toPlainText() == "")
    # a note to myself with a saved reply in it is not a reply that went out
    view.reply_area.note.setChecked(True)
    qtbot.keyClicks(view.reply_area.reply, "/tracking")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.reply_area.reply.toPlainText() == "")

    history = TimelineView(engine)
    qtbot.addWidget(history)
    history.show_client(view._client_id)
    assert "Saved reply sent" in history.toPlainText()
    assert "/thanks" in history.toPlainText()
    assert "/tracking" not in history.toPlainText()

    dialog = SavedRepliesDialog(engine)
    qtbot.addWidget(dialog)
    names = [dialog.names.item(row).text() for row in range(dialog.names.count())]
    dialog.names.setCurrentRow(names.index("/thanks"))
    assert dialog.usage.text().startswith("Sent once, on ")
    dialog.names.setCurrentRow(names.index("/tracking"))
    assert dialog.usage.text() == "Not sent to a client yet."


def test_on_a_team_desk_the_list_and_the_reply_are_read_in_workers(
    qtbot: QtBot, pg_migrated_url: str
) -> None:
    """Each key typed after "/" was a round trip to the server on the GUI thread (40 ms a key,
    a network away); now none is, and a reply that comes after its "/name" was changed is not
    put in."""
    engine = migrate.open_database(pg_migrated_url)
    try:
        view = _view(qtbot, engine)
        qtbot.waitUntil(lambda: view.ticket_id is not None and view.reply_area.reply.isEnabled())
        picker = view.reply_area.saved_replies
        popup = picker.completer.popup()
        reply = view.reply_area.reply
        reply.setPlainText("Baik Bu 🙏")  # QTest types no emoji
        reply.moveCursor(QTextCursor.MoveOperation.End)
        with statements_on_gui_thread(engine) as on_gui_thread:
            qtbot.keyClicks(reply, " /t")
            qtbot.waitUntil(lambda: popup.isVisible() and picker.model.rowCount() == 3)
            qtbot.keyClicks(reply, "h")
            qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
            qtbot.keyClick(popup, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: reply.toPlainText() == "Baik Bu 🙏 Terima kasih, Bu Ratna!")

            reply.clear()
            qtbot.keyClicks(reply, "/th")
            qtbot.waitUntil(popup.isVisible)
            picker.insert("thanks")
            qtbot.keyClick(reply, Qt.Key.Key_Backspace)  # before the reply came: it stays out
            workers.wait_for_tasks()
            qtbot.wait(50)
        assert on_gui_thread == []
        assert reply.toPlainText() == "/t"
    finally:
        workers.wait_for_tasks()
        engine.dispose()
