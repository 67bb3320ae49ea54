"""The list controller every list page uses, on a real client list of a few pages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, utcnow
from agencydesk.qt.clients.client_model import PAGE_SIZE, ClientTableModel
from agencydesk.qt.common import workers
from agencydesk.qt.common.list_controller import SEARCH_DELAY_MS, ListController
from agencydesk.qt.common.list_view import filter_combo, make_table_view

COUNT = PAGE_SIZE + 50


class ClientList(QWidget):
    """A search box, a city filter and the list: the smallest list page."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.model = ClientTableModel(engine, self)
        self.search = QLineEdit(self)
        self.city = filter_combo("city", (("", "Any city"), ("bandung", "Bandung")))
        self.city.setParent(self)
        self.widened: list[str] = []  # the page's own widening, after the controller's
        self.table = make_table_view(self.model, "clients")
        self.list = ListController(
            self.table,
            self.model,
            apply_filters=self._apply_filters,
            search=self.search,
            widen_filters=lambda: self.widened.append(self.city.currentText()),
        )
        self.list.add_filter(self.city)
        self.list.stack.setParent(self)
        self.list.read_first()

    def _apply_filters(self) -> None:
        # the model has one filter: the city goes into the search
        self.model.set_search(f"{self.city.currentData()} {self.search.text()}")


@pytest.fixture
def page(qtbot: QtBot, engine: Engine) -> ClientList:
    now = utcnow()
    rows = [
        {
            "name": f"Klien {number:04d}",
            "city": "Bandung" if number < 10 else "Makassar",
            "created_at": now,
            "updated_at": now,
        }
        for number in range(COUNT)
    ]
    with Session(engine) as session:
        session.execute(insert(Client), rows)
        session.commit()
    widget = ClientList(engine)
    qtbot.addWidget(widget)
    _until_read(qtbot, widget)
    return widget


def _until_read(qtbot: QtBot, page: ClientList) -> None:
    """Wait, as the window does, until the list shows the rows of its filters (read in a
    worker)."""
    qtbot.waitUntil(lambda: not page.model.read_pending, timeout=5_000)


def _client_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        return clients.list_clients(session=session, search=name, limit=1)[0].id


def _threads_reading_ids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads that read the client list's ids from now on, one entry a read."""
    read_on: list[int] = []
    real_client_ids = clients.client_ids

    def client_ids(**arguments: Any) -> list[int]:
        read_on.append(threading.get_ident())
        return real_client_ids(**arguments)

    monkeypatch.setattr(clients, "client_ids", client_ids)
    return read_on


def test_select_id_widens_the_filters_and_finds_a_row_beyond_the_first_page(
    qtbot: QtBot, page: ClientList, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row far down is found by the list's ids, read in a worker: the window never waits
    for them (on 100,000 tickets they took 0.2–0.4 s)."""
    read_on = _threads_reading_ids(monkeypatch)
    page.search.setText("klien 000")
    page.city.setCurrentIndex(1)  # applies at once (read in a worker)
    _until_read(qtbot, page)
    assert page.model.total == 10
    far = _client_id(engine, f"Klien {COUNT - 1:04d}")
    assert page.list.select_id(far)
    qtbot.waitUntil(lambda: page.list.current_id() == far, timeout=5_000)
    assert page.search.text() == ""
    assert page.city.currentText() == "Any city"
    assert page.widened == ["Any city"]
    assert page.table.currentIndex().row() == COUNT - 1  # read past the first page
    assert read_on
    assert threading.get_ident() not in read_on
    page.list.select_id(10**9)  # not a client: the chosen row stays
    workers.wait_for_tasks()
    qtbot.wait(50)
    assert page.list.current_id() == far


def test_a_row_hidden_by_the_search_while_working_far_down_is_chosen_without_waiting(
    qtbot: QtBot, page: ClientList, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far down a searched list, she opens a client the search hides: the wider list is read
    from its top, not in the order of the searched one, on the GUI thread (0.47 s of 100,000
    tickets)."""
    page.search.setText("makassar")
    page.list.apply_filters()
    _until_read(qtbot, page)
    far = _client_id(engine, f"Klien {COUNT - 1:04d}")
    page.list.select_id(far)
    qtbot.waitUntil(lambda: page.list.current_id() == far, timeout=5_000)
    read_on = _threads_reading_ids(monkeypatch)
    bandung = _client_id(engine, "Klien 0005")
    assert page.list.select_id(bandung)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.list.current_id() == bandung, timeout=5_000)
    workers.wait_for_tasks()
    qtbot.wait(50)
    assert page.list.current_id() == bandung  # looking for the row chosen before changed nothing
    assert threading.get_ident() not in read_on


def test_choosing_a_row_while_a_far_one_is_looked_for_keeps_hers(
    qtbot: QtBot, page: ClientList, engine: Engine
) -> None:
    far = _client_id(engine, f"Klien {COUNT - 1:04d}")
    near = _client_id(engine, "Klien 0003")
    page.list.select_id(far)  # its place is read in a worker…
    page.list.select_id(near)  # …while she clicks a row near the top
    assert page.list.current_id() == near
    workers.wait_for_tasks()
    qtbot.wait(50)
    assert page.list.current_id() == near


def test_refresh_keeps_the_chosen_client(qtbot: QtBot, page: ClientList, engine: Engine) -> None:
    chosen = _client_id(engine, "Klien 0005")
    assert page.list.select_id(chosen)
    assert page.table.currentIndex().row() == 5
    with session_scope(engine) as session:  # a client listed before it, added elsewhere
        clients.create_client(session=session, values={"name": "Aaron"})
    page.list.refresh()
    assert page.model.total == COUNT  # read in a worker: meanwhile the list is as it was
    assert page.list.current_id() == chosen
    qtbot.waitUntil(lambda: page.model.total == COUNT + 1, timeout=5_000)
    assert page.list.current_id() == chosen
    assert page.table.currentIndex().row() == 6


def test_refresh_chooses_the_neighbour_of_a_deleted_client(
    qtbot: QtBot, page: ClientList, engine: Engine
) -> None:
    """Deleted elsewhere (another desk): whether it is still listed further down is read in a
    worker, and the row now where it was is chosen."""
    chosen = _client_id(engine, "Klien 0005")
    page.list.select_id(chosen)
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=chosen)
    page.list.refresh()
    neighbour = _client_id(engine, "Klien 0006")
    qtbot.waitUntil(lambda: page.list.current_id() == neighbour, timeout=5_000)


def test_refresh_after_deleting_here_chooses_the_neighbour(
    qtbot: QtBot, page: ClientList, engine: Engine
) -> None:
    chosen = _client_id(engine, "Klien 0005")
    page.list.select_id(chosen)
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=chosen)
    page.list.refresh(gone=[chosen])
    neighbour = _client_id(engine, "Klien 0006")
    qtbot.waitUntil(lambda: page.list.current_id() == neighbour, timeout=5_000)


def test_a_row_far_down_stays_chosen_when_the_list_is_read_again(
    qtbot: QtBot, page: ClientList, engine: Engine
) -> None:
    far = _client_id(engine, f"Klien {COUNT - 1:04d}")
    page.list.select_id(far)
    qtbot.waitUntil(lambda: page.list.current_id() == far, timeout=5_000)
    shown: list[int | None] = []
    page.list.current_changed.connect(shown.append)
    page.list.refresh()  # a change elsewhere: the list is read in a worker
    workers.wait_for_tasks()
    qtbot.waitUntil(lambda: shown != [], timeout=5_000)
    assert page.list.current_id() == far
    assert page.table.currentIndex().row() == COUNT - 1
    assert shown == [far]  # the detail pane never went blank or elsewhere meanwhile


def test_reading_the_list_again_far_down_it_never_stops_the_window(
    qtbot: QtBot, page: ClientList, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change on another desk while she works far down the list: the list's order is read in
    a worker (0.3–0.6 s of 100,000 tickets on the GUI thread before); meanwhile the list shows
    what it showed, then the new client is there and hers is still chosen."""
    far = _client_id(engine, f"Klien {COUNT - 1:04d}")
    page.list.select_id(far)
    qtbot.waitUntil(lambda: page.list.current_id() == far, timeout=5_000)
    read_on = _threads_reading_ids(monkeypatch)
    shown: list[int | None] = []
    page.list.current_changed.connect(shown.append)
    with session_scope(engine) as session:  # listed before hers, added on another desk
        clients.create_client(session=session, values={"name": "Aaron"})
    page.list.refresh()
    assert page.model.total == COUNT  # not read yet: as it was
    assert page.list.current_id() == far
    qtbot.waitUntil(lambda: page.model.total == COUNT + 1, timeout=5_000)
    assert page.list.current_id() == far
    assert page.table.currentIndex().row() == COUNT
    assert page.model.row(0).name == "Aaron"
    assert read_on
    assert threading.get_ident() not in read_on
    assert shown == [far]  # the detail pane never went blank or elsewhere meanwhile


def test_a_list_is_read_again_in_a_worker_even_at_its_top(
    qtbot: QtBot, page: ClientList, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change on another desk while she is at the top of the list: counting it and reading its
    top page stopped the window (70 ms of 100,000 tickets on SQLite; on a team server 40 ms away
    a round trip per statement, whatever the list's length); now a worker reads them."""
    page.list.select_row(0)
    first = page.list.current_id()
    counted_on: list[int] = []
    real_count = clients.count_clients

    def count_clients(**arguments: Any) -> int:
        counted_on.append(threading.get_ident())
        return real_count(**arguments)

    monkeypatch.setattr(clients, "count_clients", count_clients)
    ids_read_on = _threads_reading_ids(monkeypatch)
    with session_scope(engine) as session:  # listed before hers, added on another desk
        clients.create_client(session=session, values={"name": "Aaron"})
    page.list.refresh()
    assert page.model.total == COUNT  # not read yet: as it was
    assert page.list.current_id() == first
    qtbot.waitUntil(lambda: page.model.total == COUNT + 1, timeout=5_000)
    assert [page.model.row(n).name for n in (0, 1)] == ["Aaron", "Klien 0000"]
    assert page.list.current_id() == first  # hers, still chosen where it went
    assert page.table.currentIndex().row() == 1
    assert counted_on
    assert threading.get_ident() not in counted_on
    assert ids_read_on == []  # the count and the top page only, not the whole order


def test_an_empty_result_says_so_instead_of_an_empty_table(qtbot: QtBot, page: ClientList) -> None:
    chosen: list[int | None] = []
    page.list.current_changed.connect(chosen.append)
    assert page.list.stack.currentWidget() is page.table
    page.search.setText("nobody is called this")
    page.list.apply_filters()
    _until_read(qtbot, page)
    assert page.list.stack.currentWidget() is page.list.empty_label
    # not "nothing to show": there are rows, the search hides them
    assert page.list.empty_label.text() == "Nothing matches the search or the filters."
    assert chosen == [None]  # the detail pane is told: nothing chosen
    page.search.clear()
    page.list.apply_filters()
    _until_read(qtbot, page)
    assert page.list.stack.currentWidget() is page.table
    assert chosen[-1] == page.list.current_id() is not None


def test_the_search_runs_once_when_typing_pauses(qtbot: QtBot, page: ClientList) -> None:
    resets: list[None] = []
    page.model.modelReset.connect(lambda: resets.append(None))
    qtbot.keyClicks(page.search, "klien 0012")
    assert resets == []  # nothing while typing
    assert page.model.total == COUNT
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=SEARCH_DELAY_MS * 20)
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert len(resets) == 1
    assert page.model.index(page.table.currentIndex().row(), 0).data() == "Klien 0012"


def test_after_a_delete_the_list_stays_greyed_until_it_is_read_without_the_row(
    qtbot: QtBot,
    page: ClientList,
    engine: Engine,
    dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Were the list usable while it still shows the row just deleted, Del at once on that
    row would say the client no longer exists."""
    chosen = _client_id(engine, "Klien 0005")
    page.list.select_id(chosen)
    gate = threading.Event()
    real_reader = page.model.reader

    def held_reader() -> Callable[[], Any]:
        read = real_reader()

        def held() -> Any:
            gate.wait(5)
            return read()

        return held

    monkeypatch.setattr(page.model, "reader", held_reader)
    dialogs.click(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.list.undoable, timeout=5_000):  # deleted in a worker
        page.list.delete_undoably(
            engine,
            chosen,
            lambda session: clients.get_client(session=session, client_id=chosen).name,
            ("Delete client", "Delete {name}?"),
            delete=partial(clients.delete_client, client_id=chosen),
            undelete=partial(clients.undelete_client, client_id=chosen),
        )
    assert dialogs.texts == ["Delete Klien 0005?"]
    assert page.model.row_of(chosen) is not None  # still listed: the list is being read
    assert not page.table.isEnabled()
    gate.set()
    qtbot.waitUntil(page.table.isEnabled, timeout=5_000)
    assert page.model.row_of(chosen) is None
    assert page.list.current_id() == _client_id(engine, "Klien 0006")


def test_refresh_can_choose_a_row_just_saved_even_behind_the_search(
    qtbot: QtBot, page: ClientList, engine: Engine
) -> None:
    page.search.setText("klien 0001")
    page.list.apply_filters()
    with session_scope(engine) as session:
        saved = clients.create_client(session=session, values={"name": "Zulkifli"}).id
    page.list.refresh(choose=saved)
    qtbot.waitUntil(lambda: page.list.current_id() == saved, timeout=5_000)
    assert page.search.text() == ""


def test_a_new_desk_says_how_to_add_the_first_and_a_search_that_finds_nothing_says_so(
    qtbot: QtBot, engine: Engine
) -> None:
    """On a desk without clients the list says how to add the first one; a search or a filter
    that hides every row says that nothing matches them instead (the Orders page said "No
    orders match." on a new desk, the other lists "Nothing to show.")."""
    from agencydesk.qt.clients.clients_page import ClientsPage

    clients_page = ClientsPage(engine)
    qtbot.addWidget(clients_page)
    empty = clients_page.list.empty_label
    # read in a worker: until then no sentence saying there are none
    assert clients_page.model.read_pending
    assert clients_page.list.stack.currentWidget() is clients_page.table
    qtbot.waitUntil(lambda: clients_page.list.stack.currentWidget() is empty, timeout=5_000)
    assert empty.text() == "No clients yet. Add the first with “New client” (Ctrl+N)."
    clients_page.search.setText("Ratna")
    clients_page.list.apply_filters()
    qtbot.waitUntil(lambda: not clients_page.model.read_pending, timeout=5_000)
    assert empty.text() == "Nothing matches the search or the filters."
    clients_page.search.clear()
    clients_page.list.apply_filters()
    qtbot.waitUntil(lambda: not clients_page.model.read_pending, timeout=5_000)
    assert empty.text().startswith("No clients yet.")
