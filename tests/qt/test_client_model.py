from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core.models import Client, utcnow
from agencydesk.core.names import name_key
from agencydesk.core.rows import ClientRow
from agencydesk.qt.clients.client_model import CLIENT_ID_ROLE, PAGE_SIZE, ClientTableModel
from agencydesk.qt.clients.quick_client_view import QuickClientModel


def _bulk_clients(engine: Engine, count: int) -> None:
    now = utcnow()
    rows = [
        {
            "name": f"Klien {number:04d}",
            "company": "Toko Makmur" if number % 3 == 0 else "",
            "city": "Makassar" if number % 2 else "Bandung",
            "tech_comfort": number % 5 + 1,
            "created_at": now,
            "updated_at": now,
        }
        for number in range(count)
    ]
    with Session(engine) as session:
        session.execute(insert(Client), rows)
        session.commit()


def test_model_passes_the_qt_model_tester(qtmodeltester: Any, demo_engine: Engine) -> None:
    model = ClientTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    qtmodeltester.check(model, force_py=True)
    model.set_search("makassar")
    qtmodeltester.check(model, force_py=True)


def test_model_tester_over_several_pages(qtmodeltester: Any, engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 2 + 50)
    model = ClientTableModel(engine)
    model.refresh()  # a new model is read by its list (in a worker)
    qtmodeltester.check(model, force_py=True)


def _pages_read(model: ClientTableModel) -> int:
    rows = [model.row_read(row) for row in range(model.rowCount())]
    return sum(row is not None for row in rows) // PAGE_SIZE


def test_the_list_is_as_long_as_the_matches_and_reads_a_page_when_shown(engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 2 + 50)
    model = ClientTableModel(engine)
    model.refresh()  # a new model is read by its list (in a worker)
    # the scroll bar is the list's true length from the start
    assert model.total == model.rowCount() == PAGE_SIZE * 2 + 50
    assert _pages_read(model) == 1
    assert model.index(PAGE_SIZE * 2 + 49, 0).data() == f"Klien {PAGE_SIZE * 2 + 49:04d}"
    assert model.row_read(PAGE_SIZE) is None  # the page between was never shown
    assert model.index(PAGE_SIZE, 0).data() == f"Klien {PAGE_SIZE:04d}"


def test_scrolling_the_view_to_the_end_shows_the_last_rows(qtbot: QtBot, engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 3)
    model = ClientTableModel(engine)
    model.refresh()  # a new model is read by its list (in a worker)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    last = view.indexAt(view.viewport().rect().bottomLeft() - QPoint(0, 2))
    qtbot.waitUntil(lambda: view.visualRect(last).isValid())
    assert last.row() >= PAGE_SIZE * 3 - 2
    assert last.data() == f"Klien {last.row():04d}"
    assert model.row_read(PAGE_SIZE) is None  # what was scrolled past unseen is not read


def test_search_and_sort_run_in_the_database(demo_engine: Engine) -> None:
    model = ClientTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert names == sorted(names, key=name_key)  # honorifics ignored: "Pak Bambang" under B
    model.set_search("  jakarta  ")
    assert model.total == 1
    assert model.index(0, 0).data() == "Pak Bambang Santoso"
    model.set_search("")
    model.sort(4, Qt.SortOrder.AscendingOrder)  # tech comfort: least comfortable first
    assert model.index(0, 4).data() == "●○○○○"
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("1 –")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Pak Yusuf Rahman"


def test_every_row_carries_its_client_id(demo_engine: Engine) -> None:
    model = ClientTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    id_of = {
        model.index(row, 0).data(): model.index(row, 0).data(CLIENT_ID_ROLE)
        for row in range(model.rowCount())
    }
    assert len(set(id_of.values())) == model.total == 10
    ratna_row = model.row_of(id_of["Ibu Ratna Wulandari"])
    assert ratna_row is not None
    assert model.index(ratna_row, 0).data() == "Ibu Ratna Wulandari"
    assert model.row_of(999_999) is None


@pytest.mark.parametrize("column", range(7))
def test_every_column_has_a_header(demo_engine: Engine, column: int) -> None:
    model = ClientTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    header = model.headerData(column, Qt.Orientation.Horizontal)
    assert isinstance(header, str)
    assert header


def test_quick_model_passes_the_qt_model_tester(qtmodeltester: Any) -> None:
    rows = [
        ClientRow(1, "Ibu Ratna", "Toko Ratna", "Makassar", "0812", 2, "whatsapp", "batik"),
        ClientRow(2, "Pak Bambang", "", "Bandung", "", 5, "email", ""),
    ]
    qtmodeltester.check(QuickClientModel(rows), force_py=True)
    qtmodeltester.check(QuickClientModel([]), force_py=True)


def test_rows_chosen_far_down_give_their_ids_without_reading_their_pages(engine: Engine) -> None:
    """Rows chosen from the top to far down (Shift+click after the scroll bar was dragged):
    their ids come from the list's ids, read once for the drag, not a page read for each of the
    pages passed over."""
    _bulk_clients(engine, PAGE_SIZE * 15)
    model = ClientTableModel(engine)
    model.refresh()  # a new model is read by its list (in a worker)
    with Session(engine) as session:
        last = session.exec(select(Client.id).where(Client.name == "Klien 0000")).one()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.row_of(last) == model.total - 1  # the scroll bar dragged to the end
    reads: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: reads.append(args[2]))
    rows = [0, 1, PAGE_SIZE * 5, PAGE_SIZE * 9 + 3, model.total - 1]
    ids = model.ids_at(rows)
    assert reads == []
    with Session(engine) as session:
        names = {c.id: c.name for c in session.exec(select(Client)).all()}
    assert [names[i] for i in ids] == [f"Klien {PAGE_SIZE * 15 - 1 - row:04d}" for row in rows]
    assert model.ids_at([model.total]) == []  # outside the list


def test_a_row_far_down_is_found_by_the_lists_ids_reading_only_the_pages_around_it(
    engine: Engine,
) -> None:
    """Choosing a row further down (a search result, a link in the timeline) read the list a
    page at a time, each read sorting every row: the oldest of 100,000 tickets took 818 reads
    and two minutes, then (reads growing eightfold) 2.7 s on the GUI thread. The list's ids are
    read in order once, and then only the pages around the row, by their ids."""
    _bulk_clients(engine, PAGE_SIZE * 15)
    model = ClientTableModel(engine)
    model.refresh()  # a new model is read by its list (in a worker)
    last = model.total - 1
    model.sort(0, Qt.SortOrder.DescendingOrder)  # the first client inserted comes last
    with Session(engine) as session:
        wanted = session.exec(select(Client.id).where(Client.name == "Klien 0000")).one()
    reads: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: reads.append(args[2]))
    row = model.row_of(wanted)
    assert row == last
    assert model.index(row, 0).data() == "Klien 0000"
    selects = [read for read in reads if read.startswith("SELECT")]
    # the ids in order; then its page and the one before, by their ids (no read at an offset)
    assert len(selects) == 3
    assert not any("OFFSET" in read for read in selects)
    # the first page, shown at once; its page, and the one before (the view shows rows around it)
    assert _pages_read(model) == 3
    reads.clear()
    assert model.index(PAGE_SIZE * 7, 0).data() == f"Klien {PAGE_SIZE * 8 - 1:04d}"
    assert len(reads) == 2  # a page in the middle: by its ids, read already (BEGIN, SELECT)
    assert "OFFSET" not in reads[-1]
    # read again while she works down there (a change on a team desk): the ids come first, and
    # the top page by them; no page at an offset as well (two sorts of the list, not one)
    reads.clear()
    model.refresh()
    assert model.row_of(wanted) == last
    selects = [read for read in reads if read.startswith("SELECT")]
    assert not any("OFFSET" in read for read in selects)
    assert len(selects) == 1 + 1 + 2  # ids (as many as rows), top page, its page, the one before
    # back at the top: the next read after that reads a page at its offset again, no ids
    assert model.index(0, 0).data() == model.index(0, 0).data()
    model.refresh()  # (what was needed since the last read: far down)
    assert model.index(PAGE_SIZE + 1, 0).data() is not None  # the second page: near the top
    reads.clear()
    model.refresh()
    assert model.index(5, 0).data() is not None
    selects = [read for read in reads if read.startswith("SELECT")]
    assert len(selects) == 2  # count, top page
    assert "LIMIT" in selects[-1]
    model.set_search("bandung")  # "Klien 0000" is in Bandung, the odd numbers are not
    assert model.row_of(wanted) == model.total - 1
    assert model.everyone == PAGE_SIZE * 15  # "… of 3000 clients match"
    model.set_search("makassar")
    assert model.row_of(wanted) is None
