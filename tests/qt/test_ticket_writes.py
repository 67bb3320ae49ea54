"""What the ticket view writes on a team desk (a reply, the timer, time spent) is written in a
worker: on a server a network away each statement is a round trip, and adding a reply stood the
window still for all of them. It is tried once: tried again after the line dropped, a reply the
server had already committed would be added twice."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, statements_on_gui_thread
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import clients, migrate, tickets, time_spent
from agencydesk.core.db import session_scope
from agencydesk.core.retry import UNREACHABLE
from agencydesk.qt.common import workers
from agencydesk.qt.tickets.tickets_page import TicketsPage

REPLY = "Coba buka lagi aplikasinya, Bu"


@pytest.fixture
def team_engine(pg_migrated_url: str) -> Iterator[Engine]:
    engine = migrate.open_database(pg_migrated_url)
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        tickets.create_ticket(session=session, client_id=client.id, values={"title": "Email"})
    yield engine
    workers.wait_for_tasks()
    engine.dispose()


def _ticket_page(qtbot: QtBot, engine: Engine) -> TicketsPage:
    page = TicketsPage(engine)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.view.title_label.text() == "Email", timeout=5_000)
    qtbot.waitUntil(page.view.time.timer_button.isEnabled, timeout=5_000)
    return page


def _messages(engine: Engine) -> list[str]:
    with Session(engine) as session:
        [ticket] = tickets.list_tickets(session=session)
        assert ticket.id is not None
        return [line.body for line in tickets.conversation(session=session, ticket_id=ticket.id)]


def test_a_reply_and_the_timer_are_written_in_a_worker(qtbot: QtBot, team_engine: Engine) -> None:
    page = _ticket_page(qtbot, team_engine)
    view = page.view
    qtbot.keyClicks(view.reply_area.reply, REPLY)
    with statements_on_gui_thread(team_engine) as on_gui_thread:
        qtbot.keyClick(
            view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        assert view.reply_area.reply.toPlainText() == ""  # written when Ctrl+Enter has returned
        qtbot.waitUntil(lambda: REPLY in view.conversation.toPlainText(), timeout=5_000)
        qtbot.waitUntil(view.time.timer_button.isEnabled, timeout=5_000)
        view.time.timer_button.click()  # Start timer
        assert not view.time.timer_button.isEnabled()  # a second click waits: one change
        qtbot.waitUntil(lambda: view.time.timer_button.text() == "Stop timer", timeout=5_000)
    assert on_gui_thread == []
    assert _messages(team_engine)[-1] == REPLY
    with Session(team_engine) as session:
        assert time_spent.running_timer(session=session) is not None


def test_a_reply_the_server_did_not_take_is_said_and_stays_in_the_box(
    qtbot: QtBot, team_engine: Engine, dialogs: DialogAnswerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _ticket_page(qtbot, team_engine)
    view = page.view
    tries: list[None] = []
    real_add = tickets.add_message

    def add_message(**arguments: Any) -> Any:
        real_add(**arguments)
        tries.append(None)
        # the line dropped: whether the server committed is not known, so it is not tried again
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(tickets, "add_message", add_message)
    qtbot.keyClicks(view.reply_area.reply, REPLY)
    dialogs.click(QMessageBox.StandardButton.Ok)
    qtbot.keyClick(view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done, timeout=5_000)
    assert dialogs.texts == [UNREACHABLE]
    assert len(tries) == 1
    assert view.reply_area.reply.toPlainText() == REPLY
    assert REPLY not in _messages(team_engine)  # rolled back: her text is what she has


def test_closing_while_a_reply_is_written_waits_for_it_and_keeps_a_refused_one(
    qtbot: QtBot, team_engine: Engine, dialogs: DialogAnswerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing at once after Ctrl+Enter: the box was already empty, so nothing was kept as a
    draft, and a refusal coming after the window had gone was said to nobody."""
    page = _ticket_page(qtbot, team_engine)
    view = page.view
    line_drops = threading.Event()

    def add_message(**_arguments: Any) -> Any:
        line_drops.wait(5)
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(tickets, "add_message", add_message)
    qtbot.keyClicks(view.reply_area.reply, REPLY)
    qtbot.keyClick(view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.reply_area.reply.toPlainText() == ""  # on its way
    QTimer.singleShot(100, line_drops.set)
    dialogs.click(QMessageBox.StandardButton.Ok)  # nothing was saved…

    def back_to_the_reply(box: QWidget) -> None:  # …and it is kept as a draft: go back to it
        assert isinstance(box, QMessageBox)
        dialogs.texts.append(box.text())
        box.reject()  # Escape: Back to the reply

    dialogs.then(back_to_the_reply)
    assert not page.may_close()
    assert dialogs.texts[0] == UNREACHABLE
    assert "is not added yet" in dialogs.texts[1]
    assert view.reply_area.reply.toPlainText() == REPLY


@pytest.mark.usefixtures("inline_tasks")
def test_a_reply_the_disk_did_not_take_on_a_solo_desk_stays_in_the_box(
    qtbot: QtBot, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box is emptied at Ctrl+Enter; a write that fails for the disk or a lock (said by
    the crash handler as a sentence) must put her text back, not lose it."""
    page = TicketsPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    view = page.view
    assert view.ticket_id is not None

    def add_message(**_arguments: Any) -> Any:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(tickets, "add_message", add_message)
    view.reply_area.reply.setPlainText(REPLY)
    with pytest.raises(OperationalError):
        view.reply_area.add_message()
    assert view.reply_area.reply.toPlainText() == REPLY
    monkeypatch.setattr(time_spent, "start_timer", add_message)
    with pytest.raises(OperationalError):
        view.time.toggle_timer()  # what Start timer does
    assert view.time.timer_button.isEnabled()  # not greyed for good: read again
