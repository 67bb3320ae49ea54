"""A long list on a team desk: the pages the view draws are read in workers, the rows drawn
empty meanwhile. Each page read on the GUI thread stopped the window a round trip to the server
(and the first far down two: the list's ids, then the page) while she scrolled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from qt_helpers import statements_on_gui_thread
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import migrate
from agencydesk.core.models import Client, Ticket, utcnow
from agencydesk.qt.clients.clients_page import ClientsPage
from agencydesk.qt.common import workers
from agencydesk.qt.tickets.tickets_page import TicketsPage

COUNT = 1_000  # five pages: the last two far down, read by the list's ids


@pytest.fixture
def team_engine(pg_migrated_url: str) -> Iterator[Engine]:
    engine = migrate.open_database(pg_migrated_url)
    now = utcnow()
    with Session(engine) as session:
        session.execute(
            insert(Client),
            [
                {"name": f"Klien {n:04d}", "created_at": now, "updated_at": now}
                for n in range(COUNT)
            ],
        )
        times = {"created_at": now, "updated_at": now, "status_changed_at": now}
        session.execute(
            insert(Ticket),
            [{"client_id": 1, "title": f"Tiket {n:04d}", **times} for n in range(COUNT)],
        )
        session.commit()
    yield engine
    workers.wait_for_tasks()
    engine.dispose()


def _shown(page: ClientsPage, row: int) -> str | None:
    """What the cell shows when drawn (asking for it is what drawing does)."""
    return page.model.index(row, 0).data()  # type: ignore[no-any-return]


def test_scrolling_a_long_list_reads_its_pages_in_workers(
    qtbot: QtBot, team_engine: Engine
) -> None:
    page = ClientsPage(team_engine)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.list.current_id() is not None, timeout=5_000)
    with statements_on_gui_thread(team_engine) as on_gui_thread:
        for row in (COUNT - 1, 500, 700):  # the end (by the ids), the middle, and back down
            page.table.scrollTo(page.model.index(row, 0))
            page.table.viewport().repaint()
            qtbot.waitUntil(lambda row=row: _shown(page, row) == f"Klien {row:04d}", timeout=5_000)
    assert on_gui_thread == []
    assert page.model.total == COUNT


def test_a_row_not_read_yet_is_drawn_empty_and_filled_in_when_its_page_comes(
    qtbot: QtBot, team_engine: Engine
) -> None:
    page = ClientsPage(team_engine)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.list.current_id() is not None, timeout=5_000)
    changed: list[int] = []
    page.model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    assert _shown(page, 400) is None  # asked: its page is read in a worker
    qtbot.waitUntil(lambda: changed == [400], timeout=5_000)  # the view is told to draw it again
    assert _shown(page, 400) == "Klien 0400"


def test_a_long_ticket_list_scrolled_draws_its_rows_once_read(
    qtbot: QtBot, team_engine: Engine
) -> None:
    """The ticket list draws a row's title and client in two lines: a row not read yet is drawn
    empty, then filled in."""
    page = TicketsPage(team_engine)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.list.current_id() is not None, timeout=5_000)
    assert page.model.total == COUNT
    with statements_on_gui_thread(team_engine) as on_gui_thread:
        page.table.scrollToBottom()
        page.grab()  # drawn, rows not read yet included
        oldest = page.model.index(COUNT - 1, 0)
        qtbot.waitUntil(lambda: oldest.data() is not None, timeout=5_000)
        page.grab()
    assert on_gui_thread == []
    assert oldest.data().startswith("Tiket ")
