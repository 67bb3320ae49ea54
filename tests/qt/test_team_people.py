"""People on a team desk, as a user sees them: the first connect asks who is at this desk and the
title bar says it; "Mine / Everyone's" and the assignee appear once the desk has several people;
a solo desk shows none of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import people, tickets
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.server_address import parse
from agencydesk.core.server_move import move_to_server
from agencydesk.qt.common import workers
from agencydesk.qt.common.desk_people import DeskPeople, forget, register
from agencydesk.qt.shell.app import team_desk_path
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.tickets.tickets_page import TicketsPage
from agencydesk.qt.today.today_page import TodayPage


@pytest.fixture
def team_url(demo_engine: Engine, db_path: Path, pg_url: str) -> str:
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    return parse(pg_url)[0].url()


def _open(qtbot: QtBot, settings: Settings, url: str) -> MainWindow:
    window = MainWindow(settings, team_desk_path(url), server_url=url)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database()
    return window


def test_the_first_connect_asks_who_is_at_the_desk_and_the_title_says_it(
    qtbot: QtBot, team_url: str, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    window = _open(qtbot, settings, team_url)
    dialog = window.person_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.people.isVisible()  # nobody there yet: only "Your name"
    qtbot.keyClicks(dialog.new_name, "Sari Wulandari")
    dialog.accept()
    address = parse(team_url)[0]
    assert window.windowTitle() == (
        f"agencydesk — {address.database} on {address.host} — Sari Wulandari"
    )
    window.close()
    workers.wait_for_tasks()

    # the next start on this computer: remembered, nothing asked
    again = _open(qtbot, settings, team_url)
    assert again.person_dialog is None
    assert again.windowTitle().endswith("— Sari Wulandari")
    again.close()
    workers.wait_for_tasks()


def test_a_second_person_chooses_themselves_or_is_told_the_name_is_taken(
    qtbot: QtBot, team_url: str, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    with session_scope(make_engine(team_url)) as session:
        people.add_person(session=session, name="Sari Wulandari")
    window = _open(qtbot, Settings(_settings_file(tmp_path)), team_url)
    dialog = window.person_dialog
    assert dialog is not None
    assert [dialog.people.item(i).text() for i in range(dialog.people.count())] == [
        "Sari Wulandari"
    ]
    qtbot.keyClicks(dialog.new_name, "sari wulandari")
    dialog.accept()
    assert dialog.isVisible()
    assert "already" in dialog.error.text()
    dialog.new_name.clear()
    qtbot.keyClicks(dialog.new_name, "Budi")
    dialog.accept()
    assert window.windowTitle().endswith("— Budi")
    window.close()
    workers.wait_for_tasks()


def _settings_file(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "other-desk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def two_people(any_engine: Engine) -> Iterator[tuple[Engine, DeskPeople, int, int]]:
    """A desk with Sari (this desk) and Budi; Sari has one ticket, Budi one, one is nobody's."""
    with session_scope(any_engine) as session:
        sari = people.add_person(session=session, name="Sari Wulandari").id
        budi = people.add_person(session=session, name="Budi Santoso").id
        from agencydesk.core import clients

        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        for title, who in (("Email stopped", sari), ("Logo too big", budi), ("Domain", None)):
            tickets.create_ticket(
                session=session,
                client_id=client.id,
                values={"title": title, "assignee_id": who},
            )
    desk_people = DeskPeople(any_engine, team=True)
    desk_people.set_me(sari)
    register(any_engine, desk_people)
    yield any_engine, desk_people, sari, budi
    forget(any_engine)


def _titles(page: TicketsPage) -> list[str]:
    model = page.model
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


@pytest.mark.usefixtures("inline_tasks")
def test_mine_shows_only_my_tickets_and_the_ticket_view_assigns(
    qtbot: QtBot, two_people: tuple[Engine, DeskPeople, int, int]
) -> None:
    engine, _desk_people, sari, budi = two_people
    page = TicketsPage(engine)
    qtbot.addWidget(page)
    page.show()
    assert page.mine_filter.isVisible()
    assert _titles(page) == ["Domain", "Email stopped", "Logo too big"]
    page.mine_filter.setCurrentIndex(page.mine_filter.findData(True))
    assert _titles(page) == ["Email stopped"]
    assert page.view.assignee.isVisible()
    assert page.view.assignee.combo.currentText() == "Sari Wulandari (me)"

    # give it to Budi from the ticket view: it leaves "Mine"
    combo = page.view.assignee.combo
    combo.setCurrentIndex(combo.findData(budi))
    combo.activated.emit(combo.currentIndex())
    with Session(engine) as session:
        assert tickets.count_tickets(session=session, assignee_id=budi) == 2
        assert tickets.count_tickets(session=session, assignee_id=sari) == 0
    qtbot.waitUntil(lambda: _titles(page) == [])


@pytest.mark.usefixtures("inline_tasks")
def test_my_reply_carries_my_initials_in_my_colour(
    qtbot: QtBot, two_people: tuple[Engine, DeskPeople, int, int]
) -> None:
    engine, desk_people, sari, _budi = two_people
    page = TicketsPage(engine)
    qtbot.addWidget(page)
    page.show()
    assert page.view.title_label.text()
    qtbot.keyClicks(page.view.reply_area.reply, "Coba buka lagi, Bu")
    page.view.reply_area.add_message()
    colour = desk_people.people[sari].colour
    shown = page.view.conversation.toHtml()
    assert "Coba buka lagi, Bu" in shown
    assert f"background-color:{colour}" in shown.replace(" ", "")
    assert "SW" in page.view.conversation.toPlainText()
    page.view.time.add_manual_time()  # 15 minutes: whose they are shows beside the total
    qtbot.waitUntil(lambda: page.view.time.time_label.text() == "Time spent: 15 min (SW 15 min)")


@pytest.mark.usefixtures("inline_tasks")
def test_chips_appear_when_a_second_person_joins(qtbot: QtBot, any_engine: Engine) -> None:
    """A desk of one shows no chips; once a colleague joins, the shown conversation gets them."""
    with session_scope(any_engine) as session:
        sari = people.add_person(session=session, name="Sari Wulandari").id
        from agencydesk.core import clients

        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        tickets.create_ticket(session=session, client_id=client.id, values={"title": "Logo"})
    desk_people = DeskPeople(any_engine, team=False)
    register(any_engine, desk_people)
    desk_people.set_me(sari)
    try:
        page = TicketsPage(any_engine)
        qtbot.addWidget(page)
        page.show()
        qtbot.keyClicks(page.view.reply_area.reply, "Sudah saya kirim, Bu")
        page.view.reply_area.add_message()
        assert "SW" not in page.view.conversation.toPlainText()
        assert not page.view.assignee.isVisible()
        assert not page.mine_filter.isVisible()
        with session_scope(any_engine) as session:
            people.add_person(session=session, name="Budi Santoso")
        qtbot.waitUntil(lambda: "SW" in page.view.conversation.toPlainText(), timeout=5000)
        assert page.view.assignee.isVisible()
        assert page.mine_filter.isVisible()
    finally:
        workers.wait_for_tasks()
        forget(any_engine)


def test_today_has_mine_and_everyones(
    qtbot: QtBot, two_people: tuple[Engine, DeskPeople, int, int], inline_tasks: None
) -> None:
    engine, _desk_people, _sari, _budi = two_people
    page = TodayPage(engine)
    qtbot.addWidget(page)
    page.show()
    assert page.mine_filter.isVisible()
    assert page.summary is not None
    assert len(page.summary.waiting_on_us) == 1
    assert page.summary.waiting_on_us[0].tickets_waiting == 3
    page.mine_filter.setCurrentIndex(page.mine_filter.findData(True))
    assert page.summary.waiting_on_us[0].ticket_title == "Email stopped"
    assert page.summary.waiting_on_us[0].tickets_waiting == 1


def test_a_solo_desk_shows_no_people(qtbot: QtBot, demo_engine: Engine) -> None:
    page = TicketsPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    assert not page.mine_filter.isVisible()
    assert not page.view.assignee.isVisible()
