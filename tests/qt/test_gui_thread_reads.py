"""What is read often reads the database in a worker, never on the GUI thread: on a team server
a network away every statement is a round trip the whole window would stand still for (a ticket
chosen; the running timer and a ticket's time strip, read again on every tick, every change to
time or tickets, a colleague's included, and every ticket chosen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot
from qt_helpers import statements_on_gui_thread
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import tickets, time_entries, time_spent
from agencydesk.core.db import session_scope
from agencydesk.qt.shell.running_timer import RunningTimer
from agencydesk.qt.tickets import time_strip
from agencydesk.qt.tickets.time_entries_list import TicketTime
from agencydesk.qt.tickets.time_strip import TimeStrip


def _a_ticket(engine: Engine) -> tuple[int, str]:
    with Session(engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
        assert ticket.id is not None
        return ticket.id, ticket.title


def test_the_running_timer_reads_in_a_worker(qtbot: QtBot, demo_engine: Engine) -> None:
    ticket_id, title = _a_ticket(demo_engine)
    with session_scope(demo_engine) as session:
        time_spent.start_timer(session=session, ticket_id=ticket_id)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        timer = RunningTimer(demo_engine)  # it reads at once, and on every tick and change
        qtbot.addWidget(timer)
        timer.show()
        assert not timer.stop_button.isVisible()  # nothing shown before the read says so
        qtbot.waitUntil(timer.stop_button.isVisible)
        assert title[:20] in timer.title_button.text()
        timer.refresh()
        with session_scope(demo_engine) as session:
            time_spent.stop_timer(session=session)
        on_gui_thread.clear()  # the test's own stop, above
        timer.refresh()
        qtbot.waitUntil(lambda: not timer.stop_button.isVisible())
    assert on_gui_thread == []


def test_a_tickets_time_is_read_in_a_worker(qtbot: QtBot, demo_engine: Engine) -> None:
    ticket_id, _title = _a_ticket(demo_engine)
    with session_scope(demo_engine) as session:
        for entry in time_entries.list_entries(session=session, ticket_id=ticket_id):
            time_entries.delete_entry(session=session, entry_id=entry.id)
        time_spent.add_time(session=session, ticket_id=ticket_id, minutes=25)
    strip = TimeStrip(TicketTime(demo_engine, None, lambda _change: True))
    qtbot.addWidget(strip)
    strip.show()
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        strip.show_ticket(ticket_id)
        # until its figures come, the buttons wait: Start/Stop must say what a click does
        assert not strip.timer_button.isEnabled()
        qtbot.waitUntil(strip.timer_button.isEnabled)
        strip.update_time()  # what its 10-second tick does while the timer runs
        qtbot.waitUntil(lambda: strip.time_label.text() == "Time spent: 25 min")
    assert on_gui_thread == []
    assert strip.entries_button.text() == "Entries (1)"


def test_start_timer_does_what_it_says_without_reading_first(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """A click on Start/Stop read the running timer on the GUI thread first (two statements,
    two round trips to a team server); the figures it waits for already say."""
    ticket_id, _title = _a_ticket(demo_engine)
    asked: list[Any] = []
    strip = TimeStrip(TicketTime(demo_engine, None, lambda change: asked.append(change) or True))
    qtbot.addWidget(strip)
    strip.show_ticket(ticket_id)
    qtbot.waitUntil(strip.timer_button.isEnabled)
    assert strip.timer_button.text() == "Start timer"
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        strip.timer_button.click()
    assert on_gui_thread == []
    with session_scope(demo_engine) as session:
        asked[0](session)  # what the ticket view writes in its worker
    with Session(demo_engine) as session:
        running = time_spent.running_timer(session=session)
        assert running is not None
        assert running.ticket_id == ticket_id


def test_a_time_read_that_found_the_server_out_of_reach_is_tried_again(
    qtbot: QtBot, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The buttons wait for the ticket's figures; a read that failed for a server out of reach
    left them greyed until another ticket was chosen."""
    ticket_id, _title = _a_ticket(demo_engine)
    real_read = time_strip.read_figures
    failures = [OperationalError("SELECT 1", {}, Exception("server closed the connection"))]

    def read_figures(engine: Engine, ticket: int) -> Any:
        if failures:
            raise failures.pop()
        return real_read(engine, ticket)

    monkeypatch.setattr(time_strip, "read_figures", read_figures)
    monkeypatch.setattr(time_strip, "RETRY_MS", 50)
    strip = TimeStrip(TicketTime(demo_engine, None, lambda _change: True))
    qtbot.addWidget(strip)
    strip.show_ticket(ticket_id)
    qtbot.waitUntil(lambda: not failures)  # the first read failed…
    assert not strip.timer_button.isEnabled()
    qtbot.waitUntil(strip.timer_button.isEnabled, timeout=5_000)  # …and the next one did not


def test_a_slow_read_of_an_earlier_ticket_does_not_overwrite_the_one_shown(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    with Session(demo_engine) as session:
        first, second, *_ = (t.id for t in tickets.list_tickets(session=session))
    assert first is not None
    assert second is not None
    with session_scope(demo_engine) as session:
        time_spent.add_time(session=session, ticket_id=first, minutes=40)
    strip = TimeStrip(TicketTime(demo_engine, None, lambda _change: True))
    qtbot.addWidget(strip)
    strip.show_ticket(first)
    strip.show_ticket(second)  # chosen before the first one's figures came
    qtbot.waitUntil(strip.timer_button.isEnabled)
    qtbot.wait(50)  # whatever was still on its way has come
    assert strip.ticket_id == second
    assert "40 min" not in strip.time_label.text()


def test_a_ticket_chosen_is_read_in_a_worker_and_the_last_choice_wins(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    from agencydesk.qt.tickets.ticket_view import TicketView

    with Session(demo_engine) as session:
        shown = tickets.list_tickets(session=session)
        first, last = shown[0], shown[-1]
    assert first.id is not None
    assert last.id is not None
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    assert view.empty_label.isVisible()  # "Choose a ticket on the left…"
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        view.show_ticket(first.id)
        assert not view.empty_label.isVisible()  # it would contradict the choice while read
        view.show_ticket(last.id)  # chosen before the first one came: it is the one shown
        qtbot.waitUntil(lambda: view.ticket_id == last.id)
        qtbot.waitUntil(view.time.timer_button.isEnabled)
        qtbot.wait(50)  # anything still on its way has come
    assert on_gui_thread == []
    assert view.ticket_id == last.id
    assert view.title_label.text() == last.title


def test_a_client_chosen_is_read_in_a_worker_and_a_refresh_meanwhile_keeps_the_choice(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    from agencydesk.core import clients
    from agencydesk.qt.clients.client_detail import ClientDetailView

    with Session(demo_engine) as session:
        first, *_, last = clients.list_clients(session=session)
    assert first.id is not None
    assert last.id is not None
    view = ClientDetailView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_client(first.id)
    qtbot.waitUntil(lambda: view.client_id == first.id)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        view.show_client(last.id)
        # a change elsewhere arrives before the chosen client was read: the page reads again
        # the client last asked for, not the one still shown
        view.refresh()
        qtbot.waitUntil(lambda: view.client_id == last.id)
        qtbot.wait(50)  # anything still on its way has come
    assert on_gui_thread == []
    assert view.client_id == last.id
    assert view.name_label.text() == last.name


def test_a_guide_chosen_is_read_in_a_worker_with_its_pictures(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    from agencydesk.core.guides import images, library
    from agencydesk.qt.guides.guides_page import GuidesPage

    image = QImage(3, 2, QImage.Format.Format_RGB32)
    image.fill(0x25D366)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = bytes(buffer.data().data())
    with session_scope(demo_engine) as session:
        guide = library.list_guides(session=session)[0]
        assert guide.id is not None
        images.add_image(
            session=session,
            guide_id=guide.id,
            name="step1.png",
            data=picture,
            mime_type="image/png",
        )
        library.update_guide(
            session=session,
            guide_id=guide.id,
            values={"body": "Buka menu, lalu ketuk *Foto*:\n\n![Langkah 1](image:step1.png)"},
        )
        guide_id, title = guide.id, guide.title
    page = GuidesPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    qtbot.wait(50)  # the list has followed the change above (it reads on this thread still)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        page.show_guide(guide_id)
        qtbot.waitUntil(lambda: page.guide_id == guide_id)
        page.preview.grab()  # laid out and painted: its picture is asked for
    assert on_gui_thread == [], on_gui_thread
    assert page.title_label.text() == title
    # the picture came with the guide: the preview has it, not the "missing picture" stand-in
    shown = page.preview.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("image:step1.png")
    )
    assert isinstance(shown, QImage)
    assert (shown.width(), shown.height()) == (3, 2)


def _shown_in_a_worker(qtbot: QtBot, engine: Engine, view: Any, shown: Callable[[], bool]) -> None:
    """Choose Bu Ratna while *view* (a tab of the client pane) is in front: it is *shown* with
    no statement on the GUI thread."""
    from agencydesk.core import clients

    with Session(engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
    qtbot.addWidget(view)
    view.show()
    with statements_on_gui_thread(engine) as on_gui_thread:
        view.show_client(ratna.id)  # what choosing a client does while the tab is in front
        qtbot.waitUntil(shown)
    assert on_gui_thread == []


def test_a_clients_timeline_is_read_in_a_worker(qtbot: QtBot, demo_engine: Engine) -> None:
    from agencydesk.qt.clients.client_history import TimelineView

    view = TimelineView(demo_engine)
    _shown_in_a_worker(qtbot, demo_engine, view, lambda: bool(view.events))
    assert "Ticket opened" in view.toPlainText()


def test_a_clients_tickets_and_time_are_read_in_a_worker(qtbot: QtBot, demo_engine: Engine) -> None:
    from agencydesk.qt.clients.client_history import ClientTicketsView

    view = ClientTicketsView(demo_engine)
    _shown_in_a_worker(qtbot, demo_engine, view, lambda: view.list.topLevelItemCount() > 0)
    assert view.time_label.text()  # her time per month, or that none was recorded


def test_the_tab_in_front_reads_at_the_same_time_as_the_client(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Not one read after the other: on a server a network away that took twice as long."""
    from agencydesk.core import clients
    from agencydesk.qt.clients.client_detail import ClientDetailView

    with Session(demo_engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
    view = ClientDetailView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.tabs.setCurrentWidget(view.timeline)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        view.show_client(ratna.id)
        assert view.client_id is None  # the client is still being read…
        assert view.timeline._client_id == ratna.id  # …and so is her timeline, already
        qtbot.waitUntil(lambda: view.client_id == ratna.id and bool(view.timeline.events))
    assert on_gui_thread == []


def test_a_tab_opened_while_the_client_is_read_shows_that_client(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    from agencydesk.core import clients
    from agencydesk.qt.clients.client_detail import ClientDetailView

    with Session(demo_engine) as session:
        first, *_, last = clients.list_clients(session=session)
    view = ClientDetailView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_client(first.id)
    qtbot.waitUntil(lambda: view.client_id == first.id)
    view.show_client(last.id)
    view.tabs.setCurrentWidget(view.timeline)  # before her profile came
    qtbot.waitUntil(lambda: view.client_id == last.id)
    qtbot.wait(50)  # anything still on its way has come
    assert view.timeline._client_id == last.id


def _page(kind: str, engine: Engine) -> Any:
    if kind == "clients":
        from agencydesk.qt.clients.clients_page import ClientsPage

        return ClientsPage(engine)
    if kind == "tickets":
        from agencydesk.qt.tickets.tickets_page import TicketsPage

        return TicketsPage(engine)
    from agencydesk.qt.orders.orders_page import OrdersPage

    return OrdersPage(engine)


@pytest.mark.parametrize(
    ("kind", "search", "found"),
    [
        ("clients", "ratna", "Ratna"),
        ("tickets", "photos", "photos"),
        ("orders", "hosting", "Hosting"),
    ],
)
def test_a_list_is_read_in_a_worker_when_opened_searched_and_changed_elsewhere(
    qtbot: QtBot, demo_engine: Engine, kind: str, search: str, found: str
) -> None:
    """Opening Tickets stopped the window for 0.4 s on a server 40 ms away, and every pause in
    typing a search 0.25-0.4 s (the list counted and its top page read on the GUI thread)."""
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        page = _page(kind, demo_engine)
        qtbot.addWidget(page)
        page.show()
        assert page.model.rowCount() == 0  # not read yet: the window shows meanwhile
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.list.current_id() is not None)
        everything = page.model.rowCount()
        qtbot.keyClicks(page.search, search)
        qtbot.waitUntil(lambda: 0 < page.model.rowCount() < everything, timeout=5_000)
        shown = page.model.index(0, 0).data() or ""
        shown += " " + (page.model.index(0, 1).data() or "")
        assert found.lower() in shown.lower()
        chosen = page.list.current_id()
        assert chosen is not None
        page.search.clear()
        qtbot.waitUntil(lambda: page.model.rowCount() == everything, timeout=5_000)
        assert page.list.current_id() == chosen  # the row found stays chosen
        resets: list[None] = []
        page.model.modelReset.connect(lambda: resets.append(None))
        page.list.refresh()  # a change made elsewhere
        qtbot.waitUntil(lambda: resets != [], timeout=5_000)
        assert page.list.current_id() == chosen
    assert on_gui_thread == []


@pytest.mark.parametrize(("kind", "column"), [("clients", "city"), ("tickets", "priority")])
def test_a_list_sorted_by_its_column_header_is_read_in_a_worker_and_keeps_the_chosen_row(
    qtbot: QtBot, demo_engine: Engine, kind: str, column: str
) -> None:
    page = _page(kind, demo_engine)
    qtbot.addWidget(page)
    page.resize(1400, 700)  # wide: no column stepped aside for the titles (ColumnsByRoom)
    page.show()
    qtbot.waitUntil(lambda: page.list.current_id() is not None)
    names = [name for name, _key in page.model.COLUMNS]
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(names.index(column)))
    page.table.selectRow(page.model.rowCount() - 1)
    chosen = page.list.current_id()
    order_before = [page.model.row_id(row) for row in range(page.model.rowCount())]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(names.index(column)) + 5
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        resets: list[None] = []
        page.model.modelReset.connect(lambda: resets.append(None))
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        qtbot.waitUntil(lambda: resets != [], timeout=5_000)
        qtbot.wait(50)  # anything still on its way has come
    assert on_gui_thread == []
    assert header.sortIndicatorSection() == names.index(column)
    assert [page.model.row_id(row) for row in range(page.model.rowCount())] != order_before
    assert page.list.current_id() == chosen


def test_send_a_guide_reads_in_workers_and_shows_the_text_for_the_client_chosen_last(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Opening it took ten round trips to a team server (0.77 s at 40 ms)."""
    from agencydesk.core import clients
    from agencydesk.core.guides import library
    from agencydesk.qt.guides.send_guide_dialog import SendGuideDialog

    with Session(demo_engine) as session:
        guide = library.list_guides(session=session)[0]
        people = {c.name: c.id for c in clients.list_clients(session=session)}
    ratna = next(i for name, i in people.items() if "Ratna" in name)
    sari = next(i for name, i in people.items() if "Sari" in name)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        dialog = SendGuideDialog(demo_engine, guide_id=guide.id, client_id=ratna)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.copy_button.isEnabled()  # nothing to copy before the text is read
        qtbot.waitUntil(dialog.copy_button.isEnabled, timeout=5_000)
        assert "Ratna" in dialog.client.currentText()
        dialog.client.setCurrentIndex(dialog.client.findData(sari))
        qtbot.waitUntil(dialog.copy_button.isEnabled, timeout=5_000)
        qtbot.wait(50)  # anything still on its way has come
    assert on_gui_thread == []
    assert dialog.rendered is not None
    assert dialog.text.toPlainText() == dialog.rendered.text
    assert dialog.client_id() == sari


def test_a_new_ticket_form_reads_its_clients_in_a_worker_and_closes_without_asking(
    qtbot: QtBot, demo_engine: Engine, dialogs: Any
) -> None:
    """Opening it took three round trips to a team server; filled in later, the client list
    must not count as a change of hers (Escape would ask whether to throw it away)."""
    from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog

    with Session(demo_engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        dialog = NewTicketDialog(demo_engine, client_id=ticket.client_id)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.client.isEnabled()  # the title can be typed meanwhile
        qtbot.waitUntil(dialog.client.isEnabled, timeout=5_000)
    assert on_gui_thread == []
    assert dialog.client.currentData() == ticket.client_id
    dialog.reject()  # Escape
    assert not dialog.isVisible()
    assert dialogs.seen == []  # closed without a question
