from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import insert
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
    qtmodeltester.check(model, force_py=True)
    model.set_search("makassar")
    qtmodeltester.check(model, force_py=True)


def test_model_tester_over_several_pages(qtmodeltester: Any, engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 2 + 50)
    model = ClientTableModel(engine)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_a_page_at_a_time(engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 2 + 50)
    model = ClientTableModel(engine)
    assert model.total == PAGE_SIZE * 2 + 50
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 50
    assert not model.canFetchMore()


def test_scrolling_the_view_to_the_end_fetches_the_rest(qtbot: QtBot, engine: Engine) -> None:
    _bulk_clients(engine, PAGE_SIZE * 3)
    model = ClientTableModel(engine)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    for _ in range(3):
        view.scrollToBottom()
        qtbot.wait(10)
    assert model.rowCount() == PAGE_SIZE * 3


def test_search_and_sort_run_in_the_database(demo_engine: Engine) -> None:
    model = ClientTableModel(demo_engine)
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


def test_a_row_far_down_is_found_in_a_few_reads(engine: Engine) -> None:
    """Choosing a row further down (a search result, a link in the timeline) read the list a
    page at a time, each read sorting every row: the oldest of 100,000 tickets took 818 reads
    and two minutes. Each read now takes eight times the rows of the one before."""
    from sqlalchemy import event

    _bulk_clients(engine, PAGE_SIZE * 15)
    model = ClientTableModel(engine)
    last = model.total - 1
    model.sort(0, Qt.SortOrder.DescendingOrder)  # the first client inserted comes last
    with Session(engine) as session:
        wanted = session.exec(select(Client.id).where(Client.name == "Klien 0000")).one()
    reads: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: reads.append(args[2][:6]))
    row = model.row_of(wanted)
    assert row == last
    assert model.index(row, 0).data() == "Klien 0000"
    assert reads.count("SELECT") == 3  # 200, 1,600, then the rest (a page at a time: 14)
