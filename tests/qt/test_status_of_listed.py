"""*Set status of all listed…* on the Tickets page: the tickets the search and filters show take
one status at once, in a worker; Cancel while it runs changes none. Del on every ticket listed
works on the same ids, read in the worker too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, statements_on_gui_thread
from sqlalchemy.engine import Engine

from agencydesk.core import tickets
from agencydesk.core.db import session_scope
from agencydesk.qt.common import workers
from agencydesk.qt.common.paged_model import PAGE_SIZE
from agencydesk.qt.common.undo import UndoEntry
from agencydesk.qt.tickets.status_of_listed import StatusOfListedDialog
from agencydesk.qt.tickets.tickets_page import TicketsPage


def _old_conversations(engine: Engine, count: int) -> list[int]:
    """*count* tickets waiting on us, as a long chat import split at gaps leaves them."""
    with session_scope(engine) as session:
        client_id = tickets.list_tickets(session=session)[0].client_id
        made = [
            tickets.create_ticket(
                session=session,
                client_id=client_id,
                values={"title": f"Tolong cek halaman {n}", "status": "waiting_on_us"},
            ).id
            for n in range(count)
        ]
    return [ticket_id for ticket_id in made if ticket_id is not None]


def _statuses(engine: Engine, ids: list[int]) -> set[str]:
    with session_scope(engine) as session:
        return {tickets.get_ticket(session=session, ticket_id=t).status for t in ids}


def _rows(engine: Engine) -> list[tickets.TicketRow]:
    with session_scope(engine) as session:
        return tickets.list_tickets(session=session, status=None, limit=1000)


def _page_searched(qtbot: QtBot, engine: Engine, words: str) -> TicketsPage:
    """The Tickets page, shown, listing what *words* find."""
    page = TicketsPage(engine)
    qtbot.addWidget(page)
    page.show()
    page.search.setText(words)
    page.list.apply_filters()
    return page


def test_the_tickets_listed_take_one_status(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None, dialogs: DialogAnswerer
) -> None:
    made = _old_conversations(demo_engine, 12)
    others = [row.id for row in _rows(demo_engine) if row.id not in made]
    before = {t: _statuses(demo_engine, [t]) for t in others}
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    assert page.model.rowCount() == 12
    assert page.status_of_listed_button.isEnabled()

    def resolve(widget: QWidget) -> None:
        assert isinstance(widget, StatusOfListedDialog)
        assert widget.question.text() == "Give all 12 tickets listed this status:"
        assert widget.status.currentText() == "Resolved"
        widget.ok.click()

    dialogs.then(resolve)
    page.set_status_of_listed()
    assert _statuses(demo_engine, made) == {"resolved"}
    assert {t: _statuses(demo_engine, [t]) for t in others} == before  # not listed: as they were
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)  # "Still to do" follows
    assert not page.status_of_listed_button.isEnabled()
    workers.wait_for_tasks()


def test_tickets_chosen_by_hand_take_one_status_and_only_they(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None, dialogs: DialogAnswerer
) -> None:
    """Ctrl+click two rows and Shift+click a third further down: the button names the three,
    and only they take the status; the rows between them and the rest stay as they were."""
    made = _old_conversations(demo_engine, 12)
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    assert page.model.rowCount() == 12
    table = page.table

    def click(row: int, modifier: Qt.KeyboardModifier) -> None:
        rect = table.visualRect(page.model.index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    click(1, Qt.KeyboardModifier.NoModifier)
    assert page.status_of_listed_button.text() == "Set status of all listed…"  # one: the current
    click(4, Qt.KeyboardModifier.ControlModifier)
    click(5, Qt.KeyboardModifier.ShiftModifier)
    assert page.selected_rows() == [1, 4, 5]
    assert page.status_of_listed_button.text() == "Set status of the 3 selected…"
    chosen = [page.model.row_id(row) for row in (1, 4, 5)]

    def resolve(widget: QWidget) -> None:
        assert isinstance(widget, StatusOfListedDialog)
        assert widget.question.text() == "Give the 3 tickets selected this status:"
        assert widget.note.text().endswith("Tickets not selected stay as they are.")
        widget.ok.click()

    dialogs.then(resolve)
    page.set_status_of_listed()
    assert _statuses(demo_engine, [t for t in chosen if t is not None]) == {"resolved"}
    assert _statuses(demo_engine, [t for t in made if t not in chosen]) == {"waiting_on_us"}
    qtbot.waitUntil(lambda: page.model.rowCount() == 9, timeout=5_000)
    assert page.status_of_listed_button.text() == "Set status of all listed…"
    # every row chosen (Ctrl+A) is the list itself: its filters, not the rows read
    table.selectAll()
    assert page.selected_rows() == []
    assert page.status_of_listed_button.text() == "Set status of all listed…"
    workers.wait_for_tasks()


def test_a_ticket_opened_elsewhere_since_the_list_was_read_is_said_and_nothing_changes(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None
) -> None:
    """ "Give all 12 tickets listed this status" gave it to a thirteenth, opened on another desk
    after the list was read, which the person never saw. Now none changes, and the dialog
    says why."""
    made = _old_conversations(demo_engine, 12)
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    assert page.model.rowCount() == 12
    made += _old_conversations(demo_engine, 1)  # another desk, meanwhile
    dialog = StatusOfListedDialog(demo_engine, page.model.rowCount(), page.model.filters(), page)
    dialog.show()
    dialog.ok.click()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "The list changed while you were choosing: a ticket was opened, closed or changed "
        "meanwhile. No status was changed; look at the list again and choose once more."
    )
    assert dialog.isVisible()
    assert _statuses(demo_engine, made) == {"waiting_on_us"}
    workers.wait_for_tasks()


def test_cancel_while_the_statuses_are_set_changes_none(
    qtbot: QtBot, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real worker, a ticket at a time: Cancel pressed right after *Set status* stops it
    at its next step, the dialog says so and stays, and no ticket changed."""
    monkeypatch.setattr(tickets, "_STATUS_CHUNK", 1)
    made = _old_conversations(demo_engine, 200)
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=5_000)
    dialog = StatusOfListedDialog(demo_engine, page.model.rowCount(), page.model.filters(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok.click()
    dialog.reject()  # Cancel while it runs
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10_000)
    assert dialog.problem.text() == "Stopped. No ticket's status was changed."
    assert dialog.isVisible()
    assert dialog.ok.isEnabled()
    assert _statuses(demo_engine, made) == {"waiting_on_us"}
    dialog.reject()  # nothing running now: it closes
    assert not dialog.isVisible()
    workers.wait_for_tasks()


def test_a_ticket_another_desk_saves_meanwhile_is_said_and_nothing_changes(
    qtbot: QtBot, pg_migrated_url: str, inline_tasks: None
) -> None:
    """A team desk: another desk saves one of the listed tickets between the read and the
    write (here, at the first UPDATE): none changes and the dialog says why, not a bug report."""
    import sqlalchemy as sa

    from agencydesk.core import clients, migrate

    engine = migrate.open_database(pg_migrated_url)
    other_desk = sa.create_engine(pg_migrated_url, isolation_level="AUTOCOMMIT")
    try:
        with session_scope(engine) as session:
            client = clients.create_client(session=session, values={"name": "Ibu Sari"})
            assert client.id is not None
            made = [
                tickets.create_ticket(
                    session=session,
                    client_id=client.id,
                    values={"title": f"Tolong cek {n}", "status": "waiting_on_us"},
                ).id
                for n in range(3)
            ]
        saved_meanwhile: list[int] = []

        def another_desk_saves(_conn: object, _cursor: object, statement: str, *_a: object) -> None:
            if statement.startswith("UPDATE ticket") and not saved_meanwhile:
                saved_meanwhile.append(made[1] or 0)
                with other_desk.connect() as other:
                    other.exec_driver_sql(
                        "UPDATE ticket SET version = version + 1, priority = 3 WHERE id = %s",
                        (made[1],),
                    )

        sa.event.listen(engine, "before_cursor_execute", another_desk_saves)
        dialog = StatusOfListedDialog(engine, 3, {"client_id": client.id}, None)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.ok.click()
        assert saved_meanwhile
        assert dialog.problem.isVisible()
        assert "changed on another desk at the same moment" in dialog.problem.text()
        assert dialog.isVisible()
        assert _statuses(engine, [t for t in made if t is not None]) == {"waiting_on_us"}
    finally:
        other_desk.dispose()
        engine.dispose()


def test_every_ticket_listed_chosen_and_deleted_goes_and_comes_back_without_the_window_waiting(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    """Ctrl+A over a long list, Del: the tickets it shows are read and deleted in the worker
    (their rows far down were read page by page on the GUI thread), all of them; Ctrl+Z brings
    them back. The tickets the search leaves out stay."""
    made = _old_conversations(demo_engine, 2 * PAGE_SIZE + 30)
    others = {row.id for row in _rows(demo_engine)} - set(made)
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(made), timeout=5_000)
    undoable: list[UndoEntry] = []
    page.list.undoable.connect(undoable.append)
    page.table.selectAll()
    dialogs.click(QMessageBox.StandardButton.Yes)
    with statements_on_gui_thread(demo_engine) as on_gui_thread:
        page.delete_current()
        assert dialogs.texts == [
            f"Delete the {len(made)} selected tickets? Their messages stay in the clients' "
            "history; the tickets go to the trash, and Ctrl+Z brings them back."
        ]
        qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
        # the change's notification may empty the list before the worker's result is back
        qtbot.waitUntil(lambda: bool(undoable), timeout=10_000)
    assert on_gui_thread == []
    assert {row.id for row in _rows(demo_engine)} == others
    [entry] = undoable
    back: list[bool] = []
    entry.undo(lambda: back.append(True))
    qtbot.waitUntil(lambda: back == [True], timeout=10_000)
    assert {row.id for row in _rows(demo_engine)} == others | set(made)
    workers.wait_for_tasks()


def test_the_lists_right_click_offers_what_the_tickets_chosen_can_take(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None, dialogs: DialogAnswerer
) -> None:
    """For one ticket: reply, its client, a guide, delete it. For several chosen: their status
    and their deletion, the one action each as the button and Del do it."""
    made = _old_conversations(demo_engine, 6)
    page = _page_searched(qtbot, demo_engine, "tolong cek halaman")
    assert page.model.rowCount() == 6
    page.list.select_row(2)
    row = page.model.row(2)
    assert row is not None
    opened: list[int] = []
    page.client_link_activated.connect(opened.append)
    menu = page.row_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Reply", "Open client", "Send a guide…", "", "Delete ticket…"]
    menu.actions()[1].trigger()
    assert opened == [row.client_id]

    selection = page.table.selectionModel()
    for chosen in (3, 4):
        selection.select(
            page.model.index(chosen, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    menu = page.row_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Set status of the 3 selected…", "", "Delete the 3 selected…"]
    chosen_ids = page.model.ids_at([2, 3, 4])
    dialogs.click(QMessageBox.StandardButton.Yes)
    menu.actions()[2].trigger()
    assert dialogs.texts[0].startswith("Delete the 3 selected tickets?")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5_000)
    assert {r.id for r in _rows(demo_engine)} & set(made) == set(made) - set(chosen_ids)
    workers.wait_for_tasks()
