"""Follow-ups as a user meets them: *Follow up…* on a ticket, Thursday, a note; the ticket leaves
Today; when the time comes it is on top of Today with the note, and *Done* takes it away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import follow_ups, tickets
from agencydesk.core import today as today_summary
from agencydesk.core.db import session_scope
from agencydesk.core.models import FollowUp, utcnow
from agencydesk.qt.common.follow_up_dialog import FollowUpDialog
from agencydesk.qt.shell.main_window import MainWindow

Opener = Callable[[Path], MainWindow]


def test_put_off_a_ticket_until_thursday_then_it_comes_back_on_top_with_its_note(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path
) -> None:
    with Session(demo_engine) as session:
        [first, *_] = today_summary.waiting_on_us(session=session)
        waiting = tickets.get_ticket(session=session, ticket_id=first.ticket_id)
    demo_engine.dispose()
    window = open_window(db_path)
    today = window.pages.today
    assert today is not None
    qtbot.waitUntil(lambda: today.summary is not None, timeout=10_000)
    assert waiting.id in [w.ticket_id for w in today.summary.waiting_on_us]
    assert not today.follow_ups.isVisible()

    window.open_ticket(waiting.id)
    view = window.pages.tickets.view if window.pages.tickets else None
    assert view is not None
    qtbot.waitUntil(lambda: view.ticket_id == waiting.id)

    def thursday_with_a_note(dialog: object) -> None:
        assert isinstance(dialog, FollowUpDialog)
        [thursday] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Thursday"]
        thursday.click()
        assert dialog.when.dateTime().date().dayOfWeek() == 4  # Thursday
        assert dialog.when.dateTime().time().hour() == 9
        dialog.note.setText("Tunggu foto dari Ibu Ratna")
        [remind] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Remind me"]
        remind.click()

    answerer = DialogAnswerer().then(thursday_with_a_note)
    view.follow_up_button.click()
    assert answerer.done
    # off Today until then
    qtbot.waitUntil(
        lambda: waiting.id not in [w.ticket_id for w in today.summary.waiting_on_us],
        timeout=10_000,
    )

    def urgent() -> int:
        text = window.sidebar.item(0).text()
        return int(text.rsplit("(", 1)[1].rstrip(")")) if "(" in text else 0

    before = urgent()
    # Thursday comes: the follow-up is due
    with session_scope(window.desk.engine) as session:
        session.execute(update(FollowUp).values(due_at=utcnow() - timedelta(minutes=1)))
    today.refresh()
    window.show_section("today")
    qtbot.waitUntil(lambda: today.follow_ups.isVisible(), timeout=10_000)
    lines = today.follow_ups.list
    assert lines.count() == 1
    assert "Tunggu foto dari Ibu Ratna" in lines.item(0).text()
    assert waiting.title in lines.item(0).text()
    assert urgent() == before + 1 + 1  # the follow-up, and its ticket back in "waiting on us"

    today.follow_ups.done_button.click()
    qtbot.waitUntil(lambda: not today.follow_ups.isVisible(), timeout=10_000)
    with Session(window.desk.engine) as session:
        assert follow_ups.open_follow_ups(session=session) == []
