"""The trash as a user meets it: Del on a ticket and Ctrl+Z; Edit ▸ Trash… restores a client
and deletes one for good (passwords included); what is older than the days kept goes at start."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from keyring_memory import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, press
from sqlalchemy import event, insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, credentials, tickets, trash
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Ticket, utcnow
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.trash_dialog import TrashDialog

Opener = Callable[[Path], MainWindow]


def test_del_puts_a_ticket_in_the_trash_and_ctrl_z_brings_it_back(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    window.show_section("tickets")
    page = window.pages.tickets
    assert page is not None
    qtbot.waitUntil(lambda: page.current_ticket_id() is not None)
    ticket_id = page.current_ticket_id()
    engine = window.desk.engine
    assert engine is not None
    writers = _threads_that_write(engine)
    answerer = DialogAnswerer().click(QMessageBox.StandardButton.Yes)
    window.shell_actions.delete.trigger()  # Edit ▸ Delete… (Del)
    assert answerer.done
    assert "goes to the trash" in answerer.texts[0]
    assert not page.table.isEnabled()  # the list waits for the worker
    qtbot.waitUntil(page.table.isEnabled)
    with Session(engine) as session:
        assert [e.key for e in trash.list_trash(session=session)] == [f"ticket#{ticket_id}"]
    qtbot.waitUntil(lambda: page.current_ticket_id() != ticket_id)  # the list read in a worker

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.current_ticket_id() == ticket_id)
    with Session(engine) as session:
        assert trash.list_trash(session=session) == []
    # a ticket holding a whole chat takes seconds on a team server: the window never waits
    assert writers
    assert threading.main_thread().ident not in writers


def test_del_with_several_tickets_chosen_deletes_them_all_and_ctrl_z_brings_all_back(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """Ctrl+click and Shift+click three tickets, Del: one question names how many, all three go
    to the trash (Del deleted only the current one, and the others stayed chosen), the ticket
    below them is chosen; Ctrl+Z brings the three back."""
    window = open_window(demo_db)
    window.show_section("tickets")
    page = window.pages.tickets
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)  # the demo's tickets still to do
    table = page.table

    def click(row: int, modifier: Qt.KeyboardModifier) -> None:
        rect = table.visualRect(page.model.index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    click(0, Qt.KeyboardModifier.NoModifier)
    click(2, Qt.KeyboardModifier.ControlModifier)
    click(3, Qt.KeyboardModifier.ShiftModifier)
    chosen = [page.model.row_id(row) for row in (0, 2, 3)]
    between, below = page.model.row_id(1), page.model.row_id(4)
    listed = page.model.rowCount()
    engine = window.desk.engine
    assert engine is not None
    answerer = DialogAnswerer().click(QMessageBox.StandardButton.Yes)
    window.shell_actions.delete.trigger()  # Edit ▸ Delete… (Del)
    assert answerer.done
    assert answerer.texts[0].startswith("Delete the 3 selected tickets?")
    qtbot.waitUntil(lambda: page.model.rowCount() == listed - 3)
    with Session(engine) as session:
        assert sorted(e.row_id for e in trash.list_trash(session=session)) == sorted(
            t for t in chosen if t is not None
        )
    qtbot.waitUntil(lambda: page.current_ticket_id() == between)  # where the first of them was
    assert [page.model.row_id(0), page.model.row_id(1)] == [between, below]
    # said once the worker's result is back (the change's notification may read the list first)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Deleted 3 tickets. Press Ctrl+Z to undo."
    )
    assert window.shell_actions.undo.text() == "&Undo delete of 3 tickets"

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "The 3 tickets are back.")
    qtbot.waitUntil(lambda: page.model.rowCount() == listed)
    with Session(engine) as session:
        assert trash.list_trash(session=session) == []
    # chosen together again, once the undo's own reading is done (the change's notification
    # may read the list first)
    qtbot.waitUntil(lambda: page.model.ids_at(page.chosen_rows()) == chosen)
    assert page.current_ticket_id() == chosen[0]


def _threads_that_write(engine: Engine) -> set[int | None]:
    """The threads that write to *engine* from now on."""
    writers: set[int | None] = set()

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writers.add(threading.get_ident())

    return writers


def test_the_trash_restores_a_client_and_deletes_another_for_good_with_her_passwords(
    qtbot: QtBot,
    demo_engine: Engine,
    settings: Settings,
    memory_keyring: MemoryKeyring,
    inline_tasks: None,
) -> None:
    with session_scope(demo_engine) as session:
        ratna, sari = (
            next(c.id for c in clients.list_clients(session=session) if name in c.name)
            for name in ("Ratna", "Sari")
        )
        credentials.add_credential(
            session=session, client_id=sari, values={"label": "cPanel"}, secret="rahasia-sari"
        )
        clients.delete_client(session=session, client_id=ratna)
        clients.delete_client(session=session, client_id=sari)
    dialog = TrashDialog(demo_engine, settings)
    qtbot.addWidget(dialog)
    names = [
        dialog.list.topLevelItem(row).text(3) for row in range(dialog.list.topLevelItemCount())
    ]
    assert sorted(names) == ["Ibu Ratna Wulandari", "Ibu Sari Handayani"]

    dialog.list.setCurrentItem(dialog.list.topLevelItem(names.index("Ibu Ratna Wulandari")))
    dialog.restore_button.click()
    assert dialog.list.topLevelItemCount() == 1
    with Session(demo_engine) as session:
        assert session.get(Client, ratna).deleted_at is None  # type: ignore[union-attr]

    def for_good(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert "passwords" in widget.text()
        widget.button(QMessageBox.StandardButton.Yes).click()

    answerer = DialogAnswerer().then(for_good)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.delete_button.click()
    assert answerer.done
    assert dialog.list.topLevelItemCount() == 0
    with Session(demo_engine) as session:
        assert session.get(Client, sari) is None
    assert "rahasia-sari" not in memory_keyring.entries.values()

    dialog.days.setValue(7)
    assert settings.trash_days == 7
    # empty now: in the list's place, what the trash is for (the headers over a blank box, and
    # "The trash is empty." under them, said nothing of it)
    assert dialog.list_or_empty.currentWidget() is dialog.empty_label
    assert "wait here for 7 days" in dialog.empty_label.text()
    dialog.days.setValue(1)
    assert "wait here for a day," in dialog.empty_label.text()  # not "for 1 days"


def test_empty_trash_deletes_for_good_what_it_listed_not_what_another_desk_put_there_since(
    qtbot: QtBot, demo_engine: Engine, settings: Settings, inline_tasks: None
) -> None:
    """ "Delete everything in the trash for good (1 thing)?" also deleted, for good, a client a
    colleague had put in the trash after the list was read, which nobody here had seen."""
    with session_scope(demo_engine) as session:
        ratna, sari = (
            next(c.id for c in clients.list_clients(session=session) if name in c.name)
            for name in ("Ratna", "Sari")
        )
        clients.delete_client(session=session, client_id=ratna)
    dialog = TrashDialog(demo_engine, settings)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 1
    with session_scope(demo_engine) as session:  # another desk, meanwhile
        clients.delete_client(session=session, client_id=sari)
    answerer = DialogAnswerer().click(QMessageBox.StandardButton.Yes)
    dialog.empty_button.click()
    assert answerer.done
    assert answerer.texts[0].startswith("Delete everything in the trash for good (one thing)?")
    with Session(demo_engine) as session:
        assert session.get(Client, ratna) is None
        assert [entry.key for entry in trash.list_trash(session=session)] == [f"client#{sari}"]
    assert dialog.list.topLevelItemCount() == 1  # read again: there for someone to see


def test_what_is_older_than_the_days_kept_goes_for_good_when_the_desk_opens(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path, settings: Settings
) -> None:
    with session_scope(demo_engine) as session:
        [old, new, *_] = tickets.list_tickets(session=session)
        trash.trash_ticket(session=session, ticket_id=old.id)
        trash.trash_ticket(session=session, ticket_id=new.id)
    with session_scope(demo_engine) as session:
        from agencydesk.core.models import TrashItem

        session.execute(
            update(TrashItem)
            .where(TrashItem.row_id == old.id)  # type: ignore[arg-type]
            .values(deleted_at=utcnow() - timedelta(days=8))
        )
    demo_engine.dispose()
    settings.trash_days = 7
    window = open_window(db_path)

    def left() -> list[str]:
        with Session(window.desk.engine) as session:
            return [entry.key for entry in trash.list_trash(session=session)]

    qtbot.waitUntil(lambda: left() == [f"ticket#{new.id}"], timeout=10_000)


def test_the_trash_works_in_the_background_and_the_list_waits_for_it(
    qtbot: QtBot, demo_engine: Engine, settings: Settings
) -> None:
    """Deleting a client with a big imported chat takes seconds: the window stays alive, and
    the list cannot be acted on twice meanwhile."""
    with session_scope(demo_engine) as session:
        ratna = next(c.id for c in clients.list_clients(session=session) if "Ratna" in c.name)
        clients.delete_client(session=session, client_id=ratna)
    dialog = TrashDialog(demo_engine, settings)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    assert not dialog.list.isEnabled()
    assert not dialog.restore_button.isEnabled()
    qtbot.waitUntil(dialog.list.isEnabled)
    assert dialog.list.topLevelItemCount() == 0
    with Session(demo_engine) as session:
        assert session.get(Client, ratna).deleted_at is None  # type: ignore[union-attr]


def test_the_trash_columns_keep_room_between_them(
    qtbot: QtBot, demo_engine: Engine, settings: Settings, inline_tasks: None
) -> None:
    """Fitted exactly, a deletion's time touched the next column ("6 Des 2026 16.03Klien")."""
    with session_scope(demo_engine) as session:
        yusuf = next(c.id for c in clients.list_clients(session=session) if "Yusuf" in c.name)
        clients.delete_client(session=session, client_id=yusuf)
    dialog = TrashDialog(demo_engine, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    qtbot.wait(10)  # measured once the rows are in
    header = dialog.list.header()
    for column in range(header.count() - 1):  # the last one takes the room left
        needed = max(header.sectionSizeHint(column), dialog.list.sizeHintForColumn(column))
        assert header.sectionSize(column) > needed, dialog.list.headerItem().text(column)


def test_a_ticket_restored_under_a_new_number_says_which(
    qtbot: QtBot, demo_engine: Engine, settings: Settings, inline_tasks: None
) -> None:
    """On a desk from before migration 0024 a new ticket could take the number of one in the
    trash; she told the client the old number, so the dialog says the new one."""
    with session_scope(demo_engine) as session:
        ticket = tickets.list_tickets(session=session)[0]
        trash.trash_ticket(session=session, ticket_id=ticket.id)
        session.execute(  # what an older desk did: a new ticket took its number
            insert(Ticket).values(
                id=ticket.id,
                client_id=ticket.client_id,
                title="Email kantor",
                created_at=utcnow(),
                updated_at=utcnow(),
                status_changed_at=utcnow(),
            )
        )
    dialog = TrashDialog(demo_engine, settings)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    answerer = DialogAnswerer().click(QMessageBox.StandardButton.Ok)
    dialog.restore_button.click()
    assert answerer.done
    with Session(demo_engine) as session:
        [back] = [t for t in tickets.list_tickets(session=session) if t.title == ticket.title]
    assert answerer.texts == [
        f"{ticket.title} is back as ticket #{back.id}: #{ticket.id} had been given to a newer "
        "ticket."
    ]
