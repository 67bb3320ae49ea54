"""Presence between two desks on one PostgreSQL database: when desk A opens a ticket desk B
shows, B says "Sari is also viewing", and while Sari types "Sari is writing a reply…" (amber);
when A closes, the line goes. A solo desk has no line and writes no presence.

Both desks run in this process and so hear the same change bus, as two computers will once the
live connection carries the change stream between them; the heartbeat alone is tested in
tests/core/test_presence.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, people, tickets
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.migrate import open_database
from agencydesk.core.models import Presence
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.common import workers
from agencydesk.qt.common.desk_people import DeskPeople, forget, register
from agencydesk.qt.common.presence import AMBER
from agencydesk.qt.tickets.tickets_page import TicketsPage


@pytest.fixture
def two_desks(pg_url: str) -> Iterator[tuple[Engine, Engine, int]]:
    open_database(pg_url).dispose()
    desk_a, desk_b = make_engine(pg_url), make_engine(pg_url)
    with session_scope(desk_a) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": "Email stopped"}
        )
        assert ticket.id is not None
        sari = people.add_person(session=session, name="Sari Wulandari").id
        budi = people.add_person(session=session, name="Budi Santoso").id
    for engine, person in ((desk_a, sari), (desk_b, budi)):
        desk_people = DeskPeople(engine, team=True)
        register(engine, desk_people)
        desk_people.set_me(person)
    yield desk_a, desk_b, ticket.id
    for engine in (desk_a, desk_b):
        forget(engine)
    workers.wait_for_tasks()
    desk_a.dispose()
    desk_b.dispose()


def _page(qtbot: QtBot, engine: Engine) -> TicketsPage:
    page = TicketsPage(engine)
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.mark.usefixtures("inline_tasks")
def test_desk_b_sees_sari_viewing_and_writing_live(
    qtbot: QtBot, two_desks: tuple[Engine, Engine, int]
) -> None:
    desk_a, desk_b, ticket_id = two_desks
    page_b = _page(qtbot, desk_b)
    assert page_b.view.ticket_id == ticket_id
    line = page_b.view.presence.line
    assert not line.isVisible()

    page_a = _page(qtbot, desk_a)  # Sari opens the same ticket
    assert page_a.view.ticket_id == ticket_id
    qtbot.waitUntil(lambda: line.isVisible() and line.text() != "", timeout=5000)
    assert "Sari is also viewing" in line.text()
    assert "writing" not in line.text()

    qtbot.keyClicks(page_a.view.reply_area.reply, "Coba buka lagi, Bu")
    qtbot.waitUntil(lambda: "Sari is writing a reply…" in line.text(), timeout=5000)
    assert AMBER in line.text()
    assert "also viewing" not in line.text()

    # Sari adds her reply: she is viewing again, no longer writing
    page_a.view.reply_area.add_message()
    qtbot.waitUntil(lambda: "Sari is also viewing" in line.text(), timeout=5000)
    # Budi's desk never shows Budi; Sari's shows him
    assert "Budi" not in line.text()
    assert page_a.view.presence.line.text().count("Budi is also viewing") == 1

    # Sari closes her desk: she is gone from Budi's line
    forget(desk_a)
    qtbot.waitUntil(lambda: not line.isVisible(), timeout=5000)


def test_a_client_open_on_both_desks_says_so(
    qtbot: QtBot, two_desks: tuple[Engine, Engine, int]
) -> None:
    desk_a, desk_b, ticket_id = two_desks
    with Session(desk_a) as session:
        client_id = tickets.get_ticket(session=session, ticket_id=ticket_id).client_id
    views = []
    for engine in (desk_b, desk_a):
        view = ClientDetailView(engine)
        qtbot.addWidget(view)
        view.show()
        view.show_client(client_id)
        views.append(view)
    line_b, line_a = views[0].presence.line, views[1].presence.line
    qtbot.waitUntil(lambda: "Sari is also viewing" in line_b.text(), timeout=5000)
    qtbot.waitUntil(lambda: "Budi is also viewing" in line_a.text(), timeout=5000)
    views[1].show_client(None)  # Sari moves on: Budi's line goes
    qtbot.waitUntil(lambda: not line_b.isVisible(), timeout=5000)


def test_the_presence_line_speaks_indonesian(
    qtbot: QtBot, two_desks: tuple[Engine, Engine, int], indonesian: str
) -> None:
    desk_a, desk_b, _ticket_id = two_desks
    line = _page(qtbot, desk_b).view.presence.line
    page_a = _page(qtbot, desk_a)
    qtbot.waitUntil(lambda: "Sari juga sedang melihat" in line.text(), timeout=5000)
    qtbot.keyClicks(page_a.view.reply_area.reply, "Halo Bu")
    qtbot.waitUntil(lambda: "Sari sedang menulis balasan…" in line.text(), timeout=5000)
    page_a.view.reply_area.reply.clear()
    page_a.view.reply_area.drafts.kept_here.clear()


def test_a_solo_desk_writes_no_presence(qtbot: QtBot, demo_engine: Engine) -> None:
    page = _page(qtbot, demo_engine)
    qtbot.keyClicks(page.view.reply_area.reply, "Halo")
    assert page.view.presence.line.isHidden()
    workers.wait_for_tasks()
    with Session(demo_engine) as session:
        assert session.exec(select(Presence)).all() == []
    page.view.reply_area.reply.clear()
    page.view.reply_area.drafts.kept_here.clear()
