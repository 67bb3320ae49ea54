"""Tickets, the Today page and Ctrl+K search, driven as a user would."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import tickets, time_spent
from agencydesk.core.db import make_engine, session_scope, sqlite_url
from agencydesk.qt.common import workers
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.search_dialog import SearchDialog, snippet_html
from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog
from agencydesk.qt.tickets.ticket_model import TicketTableModel
from agencydesk.qt.tickets.ticket_view import TicketView
from agencydesk.qt.tickets.tickets_page import TicketsPage
from agencydesk.qt.tickets.time_entry_form import TimeEntryForm
from agencydesk.qt.today.today_page import TodayPage

Opener = Callable[[Path], MainWindow]


def _titles(page: TicketsPage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _ticket_id(engine: Engine, title: str) -> int:
    with Session(engine) as session:
        rows = tickets.list_tickets(session=session, status=None, search=title)
    return next(row.id for row in rows if row.title == title)


def test_ticket_model_passes_the_model_tester(qtmodeltester: Any, demo_engine: Engine) -> None:
    model = TicketTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    qtmodeltester.check(model, force_py=True)
    model.set_filter(status=())
    qtmodeltester.check(model, force_py=True)


def test_only_an_open_ticket_past_its_due_date_shows_it_in_red(demo_engine: Engine) -> None:
    model = TicketTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    model.set_filter(status=())  # every ticket, closed ones too
    due = [name for name, _sort in model.COLUMNS].index("due_date")
    red, told = set(), set()
    for row in range(model.rowCount()):
        cell = model.index(row, due)
        title = model.index(row, 0).data()
        if cell.data(Qt.ItemDataRole.ForegroundRole) is not None:
            assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
            red.add(title)
        if cell.data(Qt.ItemDataRole.ToolTipRole) == "Overdue":
            told.add(title)
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None  # not answered
    assert red == told == {"Upload 40 product photos to the catalogue"}
    with session_scope(demo_engine) as session:  # the same date, the ticket closed
        ticket = _ticket_id(demo_engine, "Upload 40 product photos to the catalogue")
        tickets.set_status(session=session, ticket_id=ticket, status="closed")
    model.refresh()
    assert not any(
        model.index(row, due).data(Qt.ItemDataRole.ForegroundRole)
        for row in range(model.rowCount())
    )


@pytest.mark.usefixtures("inline_tasks")
def test_filters_show_what_the_user_asks_for(qtbot: QtBot, demo_engine: Engine) -> None:
    page = TicketsPage(demo_engine)
    qtbot.addWidget(page)
    assert "Website shows 'Error establishing a database connection'" not in _titles(page)
    page.due_filter.setCurrentIndex(page.due_filter.findData("overdue"))
    assert _titles(page) == ["Upload 40 product photos to the catalogue"]
    page.due_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("waiting_on_us"))
    assert set(_titles(page)) == {
        "Show every promo banner on the homepage at once",
        "How do I add a photo of the new menu?",
    }
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # all tickets
    assert len(_titles(page)) == 9


@pytest.mark.usefixtures("inline_tasks")
def test_a_reply_is_added_with_ctrl_enter_and_shown_as_plain_text(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    ticket_id = _ticket_id(demo_engine, "Booking form emails land in spam")
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_ticket(ticket_id)
    view.reply_area.from_me.setChecked(True)
    qtbot.keyClicks(view.reply_area.reply, "Hi Claire, <b>I'm on it</b> <img src=x>")
    qtbot.keyClick(view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.reply_area.reply.toPlainText() == ""
    assert "<b>I'm on it</b> <img src=x>" in view.conversation.toPlainText()
    with Session(demo_engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        assert ticket.first_response_at is not None  # the first impression is recorded


@pytest.mark.usefixtures("inline_tasks")
def test_resolving_a_ticket_takes_it_off_the_to_do_list(qtbot: QtBot, demo_engine: Engine) -> None:
    page = TicketsPage(demo_engine)
    qtbot.addWidget(page)
    title = "Show every promo banner on the homepage at once"
    assert page.select_ticket(_ticket_id(demo_engine, title))
    view = page.view
    view.status.setCurrentIndex(view.status.findData("resolved"))
    assert title not in _titles(page)
    with Session(demo_engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=_ticket_id(demo_engine, title))
        assert ticket.status == "resolved"
        assert ticket.resolved_at is not None


def test_the_timer_keeps_running_across_a_restart(qtbot: QtBot, demo_engine: Engine) -> None:
    ticket_id = _ticket_id(demo_engine, "Booking form emails land in spam")
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    # the ticket's time is read in a worker; its buttons wait for it
    qtbot.waitUntil(view.time.timer_button.isEnabled)
    assert view.time.timer_button.text() == "Start timer"
    qtbot.mouseClick(view.time.timer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.time.timer_button.text() == "Stop timer")
    view.close()
    # the app is closed and opened again: a brand new view and engine on the same file
    again_engine = make_engine(str(demo_engine.url))
    again = TicketView(again_engine)
    qtbot.addWidget(again)
    again.show_ticket(ticket_id)
    qtbot.waitUntil(again.time.timer_button.isEnabled)
    assert again.time.timer_button.text() == "Stop timer"
    qtbot.mouseClick(again.time.timer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.time.timer_button.text() == "Start timer")
    with Session(again_engine) as session:
        assert time_spent.running_timer(session=session) is None
    again_engine.dispose()


def test_manual_time_is_added_to_the_ticket(qtbot: QtBot, demo_engine: Engine) -> None:
    ticket_id = _ticket_id(demo_engine, "Booking form emails land in spam")
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    qtbot.waitUntil(view.time.add_time_button.isEnabled)  # the time is read in a worker
    assert view.time.time_label.text() == "Time spent: 0 min"

    def forty_five_minutes(form: QWidget) -> None:
        assert isinstance(form, TimeEntryForm)
        assert form.minutes.value() == 15  # the default
        assert form.day.date() == QDate.currentDate()
        form.minutes.setValue(45)
        form.note.setText("Cek DNS")
        form.accept()

    answerer = DialogAnswerer().then(forty_five_minutes)
    qtbot.mouseClick(view.time.add_time_button, Qt.MouseButton.LeftButton)
    assert answerer.done
    qtbot.waitUntil(lambda: view.time.time_label.text() == "Time spent: 45 min")


def test_new_ticket_dialog_explains_a_missing_title(qtbot: QtBot, demo_engine: Engine) -> None:
    dialog = NewTicketDialog(demo_engine, client_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.client.isEnabled)  # its clients are read in a worker
    assert dialog.client.currentText() == ""  # nobody is chosen for the user
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.title_error.isVisible()
    assert dialog.title_error.text() == "Please give the ticket a short title."
    assert dialog.client_error.text() == "Choose the client this ticket is for."
    qtbot.keyClick(dialog.client, Qt.Key.Key_C)  # typed on the closed drop-down
    assert dialog.client.currentText() == "Claire Dubois"
    assert not dialog.client_error.isVisible()
    qtbot.keyClicks(dialog.title, "Ganti foto header")
    qtbot.keyClicks(dialog.first_message, "Mas, foto headernya mau diganti")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.created_ticket_id is not None
    with Session(demo_engine) as session:
        lines = tickets.conversation(session=session, ticket_id=dialog.created_ticket_id)
    assert [line.body for line in lines] == ["Mas, foto headernya mau diganti"]


def test_today_shows_the_work_and_opens_a_ticket(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    window.show_section("today")
    page = window.pages.today
    assert page is not None
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)
    assert page.overdue.title.text() == "Overdue (1)"
    assert "Upload 40 product photos" in page.overdue.list.item(0).text()
    assert page.waiting.list.item(0).text().startswith("Pak Bambang Santoso")
    assert window.sidebar.item(0).text() == "Today  (5)"
    page.overdue.list.itemClicked.emit(page.overdue.list.item(0))
    assert window.stack.currentWidget() is window.pages.tickets
    assert window.pages.tickets is not None
    view = window.pages.tickets.view
    # the ticket is read in a worker: it shows a moment later
    qtbot.waitUntil(lambda: view.title_label.text() == "Upload 40 product photos to the catalogue")


@pytest.mark.usefixtures("inline_tasks")
def test_ctrl_k_finds_a_message_and_enter_opens_its_ticket(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)

    def search_and_open(widget: QWidget) -> None:
        assert isinstance(widget, SearchDialog)
        qtbot.keyClicks(widget.query, "webnya error")
        qtbot.waitUntil(lambda: widget.results is not None and widget.results.count() > 0)
        assert widget.tree.topLevelItem(0).text(0) == "Messages (1)"
        assert widget.tree.currentItem().text(0) == "Ibu Ratna Wulandari"
        qtbot.keyClick(widget.query, Qt.Key.Key_Return)

    dialogs.then(search_and_open)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done)
    assert window.stack.currentWidget() is window.pages.tickets
    assert window.pages.tickets is not None
    assert "Error establishing" in window.pages.tickets.view.title_label.text()


def test_enter_right_after_typing_opens_a_hit_of_what_was_typed(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Enter before the hits of the new query came opened the first hit of the query before
    (another client), or, typed in one go, nothing."""
    dialog = SearchDialog(demo_engine)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.query, "Bambang")
    qtbot.waitUntil(lambda: dialog.tree.currentItem() is not None)
    dialog.query.selectAll()
    with qtbot.waitSignal(dialog.hit_chosen) as chosen:
        qtbot.keyClicks(dialog.query, "Rina")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # at once, before the search
    assert "Rina" in chosen.args[0].title
    assert dialog.result() == dialog.DialogCode.Accepted


def test_clearing_the_query_while_a_search_runs_shows_no_hits(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """The hits of a query the user already erased must not show up when they arrive."""
    dialog = SearchDialog(demo_engine)
    qtbot.addWidget(dialog)
    hint = dialog.status.text()
    assert hint.startswith("Type a name, a phone number")  # not a blank box
    dialog.query.setText("ratna")
    dialog.run_search()  # still running in the pool when the query is erased
    dialog.query.clear()
    dialog.run_search()
    assert workers.wait_for_tasks(5000)
    qtbot.wait(50)  # a late result would be delivered here
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.results is None
    assert dialog.status.text() == hint  # and the query erased, the hint again


def test_a_team_desk_without_unaccent_says_accents_count(qtbot: QtBot, pg_url: str) -> None:
    from pg_roles import without_extensions

    from agencydesk.core import clients, migrate
    from agencydesk.core.db import session_scope

    with without_extensions(pg_url) as url:
        engine = migrate.open_database(url)
        try:
            with session_scope(engine) as session:
                clients.create_client(session=session, values={"name": "Café Ratna"})
            dialog = SearchDialog(engine)
            qtbot.addWidget(dialog)
            dialog.query.setText("ratna")
            dialog.run_search()
            qtbot.waitUntil(lambda: dialog.results is not None, timeout=5000)
            assert dialog.status.text() == (
                "1 found (accents count: the server has no 'unaccent' extension)"
            )
        finally:
            engine.dispose()


def test_today_reads_its_summary_when_built(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None
) -> None:
    page = TodayPage(demo_engine)  # tasks run inline: the summary is read before we look
    qtbot.addWidget(page)  # (and the QApplication exists when this test runs alone)
    assert page.summary is not None
    assert page.overdue.title.text() == "Overdue (1)"


def test_snippets_are_escaped_before_hits_are_made_bold() -> None:
    assert snippet_html("<img src=x> \x02web\x03nya") == "&lt;img src=x&gt; <b>web</b>nya"


@pytest.mark.usefixtures("inline_tasks")
def test_client_history_tabs(qtbot: QtBot, open_window: Opener, demo_db: Path) -> None:
    window = open_window(demo_db)
    engine = make_engine(sqlite_url(demo_db))
    ratna = _ticket_id(engine, "Hosting renewal for katering-bunda-ratna.id")
    with Session(engine) as session:
        client_id = tickets.get_ticket(session=session, ticket_id=ratna).client_id
    engine.dispose()
    window.open_client(client_id)
    detail = window.pages.clients.detail  # type: ignore[union-attr]
    detail.tabs.setCurrentWidget(detail.timeline)
    text = detail.timeline.toPlainText()
    assert "ketemu langsung" in text  # she first wanted to meet in person
    assert "Ticket resolved" in text
    assert "Order paid" in text
    assert "Rp 3.500.000" in text  # her company profile website, money written the Indonesian way
    detail.tabs.setCurrentWidget(detail.tickets)
    ticket_list = detail.tickets.list
    assert ticket_list.topLevelItemCount() == 4
    headers = ticket_list.headerItem()
    assert [headers.text(c) for c in range(3)] == ["Opened", "Status", "Ticket"]
    assert not ticket_list.isHeaderHidden()
    assert ticket_list.topLevelItem(0).text(2) == "Hosting renewal for katering-bunda-ratna.id"
    months = detail.tickets.time_label.text().splitlines()
    assert months[0] == "Billable time per month:"
    # each month written as the desk writes months ("Mar 2025"), not "2025-03"
    assert all(re.match(r"[A-Z][a-z]{2,3} \d{4}: ", line) for line in months[1:])
    assert len(months) > 1


@pytest.mark.usefixtures("inline_tasks")
def test_a_resolved_ticket_can_record_satisfaction(qtbot: QtBot, demo_engine: Engine) -> None:
    ticket_id = _ticket_id(demo_engine, "Booking form emails land in spam")
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_ticket(ticket_id)
    assert "not answered yet" in view.times_label.text()
    assert not view.satisfaction.isVisible()
    view.status.setCurrentIndex(view.status.findData("resolved"))
    assert view.satisfaction.isVisible()
    assert "resolved" in view.times_label.text()
    view.satisfaction.setCurrentIndex(view.satisfaction.findData(5))
    with Session(demo_engine) as session:
        assert tickets.get_ticket(session=session, ticket_id=ticket_id).satisfaction == 5


@pytest.mark.usefixtures("inline_tasks")
def test_changing_one_field_keeps_what_a_colleague_saved_in_the_others(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Each field of the ticket view saves itself alone: setting the status must not write back
    the priority the view showed before a colleague (another desk) raised it."""
    ticket_id = _ticket_id(demo_engine, "Booking form emails land in spam")
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    assert view.priority.currentData() == 2  # normal
    with make_engine(sqlite_url(demo_engine.url.database or "")).begin() as conn:
        # another desk, another connection, before this view has heard of it
        conn.exec_driver_sql("UPDATE ticket SET priority = 4 WHERE id = ?", (ticket_id,))
    view.status.setCurrentIndex(view.status.findData("resolved"))
    with Session(demo_engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        assert (ticket.status, ticket.priority) == ("resolved", 4)  # urgent, as she left it
    assert view.priority.currentData() == 4  # and the view shows it after the save


def _tickets_answered_after(
    engine: Engine, hours_ago: int, *answers: tuple[str, timedelta | None]
) -> None:
    """Ibu Ratna's tickets opened *hours_ago* (within the last 7 days), each (title, first reply
    after it, or None: not answered)."""
    from agencydesk.core import clients
    from agencydesk.core.db import session_scope
    from agencydesk.core.models import Ticket

    opened = datetime.now(UTC) - timedelta(hours=hours_ago)
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        for title, reply_after in answers:
            made = tickets.create_ticket(
                session=session, client_id=client.id, values={"title": title}
            )
            row = session.get(Ticket, made.id)
            assert row is not None
            row.created_at = opened
            row.first_response_at = opened + reply_after if reply_after else None
            session.add(row)


def test_today_says_how_many_new_tickets_were_answered_within_an_hour(
    qtbot: QtBot, engine: Engine, inline_tasks: None
) -> None:
    _tickets_answered_after(engine, 2, ("quick", timedelta(minutes=10)), ("slow", None))
    page = TodayPage(engine)
    qtbot.addWidget(page)
    assert page.first_responses.subtitle.text() == (
        "Median first reply: 10 min · 50% answered within an hour"
    )


def test_a_ticket_answered_in_its_first_minute_says_so_not_after_0_min(
    qtbot: QtBot, engine: Engine, inline_tasks: None
) -> None:
    _tickets_answered_after(
        engine, 3, ("at once", timedelta(seconds=40)), ("later", timedelta(hours=1))
    )
    page = TodayPage(engine)
    qtbot.addWidget(page)
    answers = page.first_responses.list
    assert sorted(answers.item(n).text() for n in range(answers.count())) == [
        "Ibu Ratna — at once · answered within a minute",
        "Ibu Ratna — later · answered after 1 h",
    ]


def test_today_counts_every_overdue_ticket_not_only_those_it_lists(
    qtbot: QtBot, engine: Engine, inline_tasks: None
) -> None:
    """Today lists the first 50 overdue tickets; its title and the sidebar said 50 when there
    were more."""
    from sqlalchemy import insert

    from agencydesk.core import clients
    from agencydesk.core.db import session_scope
    from agencydesk.core.models import Ticket
    from agencydesk.core.today import SHOWN

    overdue = SHOWN + 1000
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        now = datetime.now(UTC)
        session.execute(
            insert(Ticket),
            [
                {
                    "client_id": client.id,
                    "title": f"Ticket {n}",
                    "status": "open",
                    "due_date": (now - timedelta(days=3)).date(),
                    "first_response_at": now,
                    "created_at": now - timedelta(days=10),
                    "updated_at": now,
                }
                for n in range(overdue)
            ],
        )
    page = TodayPage(engine)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.counts_changed) as counted:
        page.refresh()
    assert page.overdue.title.text() == f"Overdue ({overdue:,})"  # grouped, as the locale
    assert page.overdue.list.count() == SHOWN
    assert page.overdue.subtitle.text() == f"The first {SHOWN} here; 1,000 more in Tickets."
    assert counted.args[0] == overdue  # the sidebar's count
    assert page.due_today.subtitle.isHidden()  # nothing left out there


def test_search_says_when_there_are_more_hits_than_it_shows(
    qtbot: QtBot, engine: Engine, inline_tasks: None
) -> None:
    """Ten messages of each kind are shown; "invoice" in a year of chats said "Messages (10)"
    and "10 found" as if that were all."""
    from sqlalchemy import insert

    from agencydesk.core import clients
    from agencydesk.core.db import session_scope
    from agencydesk.core.models import Message
    from agencydesk.qt.shell.search_dialog import HITS_SHOWN

    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        session.execute(
            insert(Message),
            [
                {"client_id": client.id, "sender": "Ibu Ratna", "body": f"invoice nomor {n}"}
                for n in range(HITS_SHOWN + 5)
            ],
        )
    dialog = SearchDialog(engine)
    qtbot.addWidget(dialog)
    dialog.query.setText("invoice")
    dialog.run_search()
    group = dialog.tree.topLevelItem(0)
    assert group.text(0) == f"Messages ({HITS_SHOWN}+)"
    assert group.childCount() == HITS_SHOWN
    assert dialog.status.text() == (
        f"More than {HITS_SHOWN} found: the best are shown; add a word to narrow."
    )
    dialog.query.setText("invoice nomor 3")
    dialog.run_search()
    assert dialog.tree.topLevelItem(0).text(0) == "Messages (1)"
    assert dialog.status.text() == "1 found"
