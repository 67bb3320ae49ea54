"""A ticket's reply box kept as its draft, written in a worker: on a team server a network away
each write on the GUI thread stopped the window whenever typing paused."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import statements_on_gui_thread
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import drafts, tickets
from agencydesk.core.db import session_scope
from agencydesk.qt.common import workers
from agencydesk.qt.tickets.reply_drafts import MY_REPLY, ReplyDrafts


class ReplyBox(QWidget):
    """The reply box and its drafts, as the ticket view has them."""

    def __init__(self, engine: Engine, ticket_id: int) -> None:
        super().__init__()
        self.reply = QPlainTextEdit(self)
        self.kept = ReplyDrafts(
            engine, self.reply, QLabel(self), lambda: MY_REPLY, lambda _who: None, self
        )
        self.kept.show_ticket(ticket_id, None)


def _drafts(qtbot: QtBot, engine: Engine) -> tuple[ReplyBox, int]:
    with Session(engine) as session:
        ticket_id = tickets.list_tickets(session=session)[0].id
    assert ticket_id is not None
    box = ReplyBox(engine, ticket_id)
    qtbot.addWidget(box)
    return box, ticket_id


def _stored(engine: Engine, ticket_id: int) -> str:
    with Session(engine) as session:
        found = drafts.get_draft(session=session, ticket_id=ticket_id)
        return found.body if found else ""


def _all_written(qtbot: QtBot) -> None:
    for _ in range(3):  # a write, then what was typed meanwhile
        workers.wait_for_tasks()
        qtbot.wait(20)


def test_a_draft_is_written_in_a_worker_and_the_latest_text_wins(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    box, ticket_id = _drafts(qtbot, demo_engine)
    kept, reply = box.kept, box.reply
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        reply.setPlainText("Bu Sari, foto")
        kept.keep()  # typing paused
        reply.setPlainText("Bu Sari, foto-fotonya sudah saya pasang")
        kept.keep()  # paused again, the first write maybe still under way
        _all_written(qtbot)
    assert on_gui_thread == []
    assert _stored(demo_engine, ticket_id) == "Bu Sari, foto-fotonya sudah saya pasang"


def test_a_reply_added_while_its_draft_is_written_leaves_no_draft_behind(
    qtbot: QtBot, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The draft written in a worker (slow: a server far away) must not land after the reply
    was added and its draft erased, or the sent text would come back in the reply box."""
    box, ticket_id = _drafts(qtbot, demo_engine)
    kept, reply = box.kept, box.reply
    slow = threading.Event()
    real_save = drafts.save_draft

    def save_draft(**arguments: Any) -> None:
        if threading.current_thread() is not threading.main_thread():
            slow.wait(5)
        real_save(**arguments)

    monkeypatch.setattr(drafts, "save_draft", save_draft)
    reply.setPlainText("Siap Bu Sari, saya pasang minggu ini.")
    kept.keep()  # its write waits in the worker…
    erase = kept.eraser()
    with session_scope(demo_engine) as session:  # …while she adds the reply (Ctrl+Enter)
        erase(session)
    kept.erased()
    slow.set()
    _all_written(qtbot)
    assert _stored(demo_engine, ticket_id) == ""


def test_closing_writes_the_draft_at_once_after_the_one_under_way(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    box, ticket_id = _drafts(qtbot, demo_engine)
    kept, reply = box.kept, box.reply
    reply.setPlainText("Bu Sari, foto")
    kept.keep()
    reply.setPlainText("Bu Sari, foto-fotonya sudah saya pasang")
    names = [draft.ticket_id for draft in kept.kept_on_leaving()]
    assert names == [ticket_id]
    assert _stored(demo_engine, ticket_id) == "Bu Sari, foto-fotonya sudah saya pasang"
    _all_written(qtbot)
    assert _stored(demo_engine, ticket_id) == "Bu Sari, foto-fotonya sudah saya pasang"


def test_a_draft_not_written_for_a_server_out_of_reach_is_written_at_the_next_pause(
    qtbot: QtBot, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    box, ticket_id = _drafts(qtbot, demo_engine)
    real_save = drafts.save_draft
    failures = [OperationalError("INSERT", {}, Exception("server closed the connection"))]

    def save_draft(**arguments: Any) -> None:
        if failures:
            raise failures.pop()
        real_save(**arguments)

    monkeypatch.setattr(drafts, "save_draft", save_draft)
    box.reply.setPlainText("Bu Sari, foto")
    box.kept.keep()
    _all_written(qtbot)
    assert not failures  # the server was out of reach: nothing said, nothing written
    assert _stored(demo_engine, ticket_id) == ""
    box.kept.keep()  # the next pause in typing, the text unchanged
    _all_written(qtbot)
    assert _stored(demo_engine, ticket_id) == "Bu Sari, foto"
