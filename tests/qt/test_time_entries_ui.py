"""Time you can correct, as a user does it in the window: the ticket's entries, *Edit…* one (the
total follows), *Delete* one and Ctrl+Z brings it back."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, press
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, tickets, time_entries, time_spent
from agencydesk.core.db import session_scope
from agencydesk.core.models import utcnow
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.tickets.time_entry_form import TimeEntryForm

Opener = Callable[[Path], MainWindow]


def test_correct_an_entry_then_delete_it_and_ctrl_z_brings_it_back(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path
) -> None:
    with session_scope(demo_engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
        ticket_id = ticket.id
        for entry in time_entries.list_entries(session=session, ticket_id=ticket_id):
            time_entries.delete_entry(session=session, entry_id=entry.id)
        time_spent.add_time(
            session=session, ticket_id=ticket_id, minutes=15, on=utcnow() - timedelta(days=1)
        )
    demo_engine.dispose()
    window = open_window(db_path)
    window.open_ticket(ticket_id)
    page = window.pages.tickets
    assert page is not None
    strip = page.view.time
    qtbot.waitUntil(lambda: page.view.ticket_id == ticket_id)
    # the time is read in a worker: it shows a moment after the ticket
    qtbot.waitUntil(lambda: strip.time_label.text() == "Time spent: 15 min")
    assert strip.entries_button.text() == "Entries (1)"

    qtbot.mouseClick(strip.entries_button, Qt.MouseButton.LeftButton)
    entries = strip.entries
    assert entries.isVisible()
    qtbot.waitUntil(lambda: entries.list.topLevelItemCount() == 1)
    entries.list.setCurrentItem(entries.list.topLevelItem(0))

    def fifty_minutes_not_billable(form: QWidget) -> None:
        assert isinstance(form, TimeEntryForm)
        assert form.minutes.value() == 15
        form.minutes.setValue(50)
        form.billable.setChecked(False)
        form.note.setText("Telepon Bu Ratna")
        form.accept()

    answerer = DialogAnswerer().then(fifty_minutes_not_billable)
    qtbot.mouseClick(entries.edit_button, Qt.MouseButton.LeftButton)
    assert answerer.done
    qtbot.waitUntil(lambda: strip.time_label.text() == "Time spent: 50 min")
    row = entries.list.topLevelItem(0)
    assert [row.text(column) for column in (1, 2, 3)] == ["50 min", "no", "Telepon Bu Ratna"]

    entries.list.setCurrentItem(row)
    qtbot.mouseClick(entries.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.time_label.text() == "Time spent: 0 min")
    assert entries.list.topLevelItemCount() == 0
    assert window.undo.can_undo()

    window.activateWindow()  # shortcuts need the active window, as the user's has
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: strip.time_label.text() == "Time spent: 50 min")
    with Session(window.desk.engine) as session:
        [back] = time_entries.list_entries(session=session, ticket_id=ticket_id)
    assert (back.minutes, back.note, back.billable) == (50, "Telepon Bu Ratna", False)


def test_a_running_timer_shows_in_the_status_bar_on_every_page_and_stops_there(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    timer = window.running_timer
    assert timer is not None
    assert not timer.stop_button.isVisible()
    with Session(window.desk.engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
    window.open_ticket(ticket.id)
    page = window.pages.tickets
    assert page is not None
    qtbot.waitUntil(lambda: page.view.ticket_id == ticket.id)
    qtbot.waitUntil(page.view.time.timer_button.isEnabled)  # its time read (a worker)
    qtbot.mouseClick(page.view.time.timer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(timer.stop_button.isVisible)
    assert timer.title_button.text().startswith("⏱ ")
    assert ticket.title[:20] in timer.title_button.text()

    window.show_section("orders")  # another page: the timer is still in sight
    assert timer.stop_button.isVisible()
    qtbot.mouseClick(timer.title_button, Qt.MouseButton.LeftButton)  # back to its ticket
    assert window.stack.currentWidget() is page
    qtbot.mouseClick(timer.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not timer.stop_button.isVisible())
    with Session(window.desk.engine) as session:
        assert time_spent.running_timer(session=session) is None
    qtbot.waitUntil(lambda: page.view.time.timer_button.text() == "Start timer")


def test_a_clients_hours_are_exported_as_csv_where_the_user_says(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    from agencydesk.qt.clients.client_history import ClientTicketsView
    from agencydesk.qt.common.save_file import SAVE_FOLDER_KEY, documents_folder

    QSettings().remove(SAVE_FOLDER_KEY)

    with Session(demo_engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
    view = ClientTicketsView(demo_engine)
    qtbot.addWidget(view)
    view.show_client(ratna.id)
    assert not view.export_button.isEnabled()  # until her hours (and her name) are read
    qtbot.waitUntil(view.export_button.isEnabled)

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        assert Path(widget.selectedFiles()[0]).name == f"{ratna.name} hours.csv"
        widget.setDirectory(str(tmp_path))
        line = widget.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        line.setText("ratna")  # no .csv typed: it is added
        widget.accept()

    def saved(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert str(tmp_path / "ratna.csv") in widget.text()
        widget.accept()

    answerer = DialogAnswerer().then(save_as).then(saved)
    view.export_button.click()
    qtbot.waitUntil(lambda: answerer.done, timeout=10_000)
    lines = (tmp_path / "ratna.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "month,billable_hours,other_hours"
    assert len(lines) >= 2
    # the next file (a report, a receipt, more hours) is offered in the folder chosen here
    assert documents_folder() == str(tmp_path)


def test_hours_are_exported_as_the_computers_spreadsheet_reads_numbers(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    """On a computer set to Indonesian numbers a spreadsheet opens a CSV file with ";" between
    fields and "1,50" for one and a half: "1.50" would be read as 150 (or as text), and every
    line would land in one column."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    from agencydesk.qt.clients.billable_export import export_billable_hours

    with Session(demo_engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
        hours = time_entries.billable_months_csv(session=session, client_id=ratna.id)
    parent = QWidget()
    qtbot.addWidget(parent)

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        widget.setDirectory(str(tmp_path))
        line = widget.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        line.setText("ratna.csv")
        widget.accept()

    def saved(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        widget.accept()

    answerer = DialogAnswerer().then(save_as).then(saved)
    indonesia = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    export_billable_hours(parent, demo_engine, ratna.id, ratna.name, system=indonesia)
    qtbot.waitUntil(lambda: answerer.done, timeout=10_000)
    with (tmp_path / "ratna.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert rows[0] == ["month", "billable_hours", "other_hours"]
    expected = list(csv.reader(hours.splitlines()))  # the same figures, written 1,50
    assert len(rows) == len(expected) >= 2
    for row, plain in zip(rows[1:], expected[1:], strict=True):
        assert row == [plain[0], plain[1].replace(".", ","), plain[2].replace(".", ",")]
        assert "," in row[1]


def test_a_clients_hours_are_never_wrapped_beside_the_buttons(
    qtbot: QtBot, demo_engine: Engine, language: str
) -> None:
    """In a client pane a third of the window wide, the hours beside the two buttons wrapped
    their title in two ("Waktu yang ditagih per / bulan:")."""
    from agencydesk.qt.clients.client_history import ClientTicketsView

    with Session(demo_engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
    view = ClientTicketsView(demo_engine)
    qtbot.addWidget(view)
    view.resize(425, 600)  # the client pane at the window's first size
    view.show()
    view.show_client(ratna.id)
    qtbot.waitUntil(view.export_button.isEnabled)
    label = view.time_label
    lines = label.text().count("\n") + 1
    assert lines >= 2  # the title and a month at least
    qtbot.wait(10)
    one_line = label.fontMetrics().lineSpacing()
    assert label.heightForWidth(label.width()) < (lines + 0.5) * one_line
    assert label.geometry().bottom() < view.export_button.geometry().top()


def test_the_time_line_is_never_broken_beside_the_buttons(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Where "Time spent: …" does not fit beside the three buttons (a narrow pane, a longer
    language), it takes a line of its own above them instead of wrapping ("Waktu terpakai: 1 /
    jam" in Indonesian at the default size); where it fits, all four share one line."""
    from agencydesk.qt.tickets.time_entries_list import TicketTime
    from agencydesk.qt.tickets.time_strip import TimeStrip

    with session_scope(demo_engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
        ticket_id = ticket.id
    strip = TimeStrip(TicketTime(demo_engine, None, lambda _change: True))
    qtbot.addWidget(strip)
    strip.show_ticket(ticket_id)
    strip.show()
    label, button = strip.time_label, strip.timer_button
    qtbot.waitUntil(button.isEnabled)  # the time is read in a worker
    one_line_of_text = label.fontMetrics().height() * 1.5

    strip.resize(900, 60)
    qtbot.waitUntil(lambda: abs(label.geometry().center().y() - button.geometry().center().y()) < 3)
    assert label.heightForWidth(label.width()) < one_line_of_text  # not wrapped

    needed = label.fontMetrics().horizontalAdvance(label.text())
    strip.resize(needed + button.sizeHint().width(), 60)  # too narrow for all four
    qtbot.waitUntil(lambda: label.geometry().bottom() <= button.geometry().top())
    assert label.heightForWidth(label.width()) < one_line_of_text


def test_the_timer_by_keyboard_ctrl_shift_t_and_space_keep_the_focus_on_the_button(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """The timer had no shortcut, and Space on its button sent the focus elsewhere while it
    saved (a disabled button gives the focus away): the next Space went to the wrong place."""
    window = open_window(demo_db)
    timer = window.running_timer
    assert timer is not None
    window.show_section("tickets")
    page = window.pages.tickets
    assert page is not None
    button = page.view.time.timer_button
    qtbot.waitUntil(button.isEnabled)
    ticket_id = page.view.ticket_id
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    press(qtbot, page.table, Qt.Key.Key_T, shift_ctrl)
    qtbot.waitUntil(lambda: button.isEnabled() and button.text() == "Stop timer")
    qtbot.waitUntil(lambda: timer.ticket_id == ticket_id)

    # the focus is the window's once it is the active one: Space pressed before (a window
    # of the test before still active) left no focus to give back
    window.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    press(qtbot, button, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)  # stops it
    # the focus comes back to the button when it is enabled again (a list read that follows
    # the change greys it once more, and gives it back again)
    qtbot.waitUntil(
        lambda: button.isEnabled() and button.text() == "Start timer" and button.hasFocus()
    )
    with Session(window.desk.engine) as session:
        assert time_spent.running_timer(session=session) is None

    # elsewhere, Ctrl+Shift+T stops the timer that runs
    press(qtbot, button, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)  # starts it again
    qtbot.waitUntil(lambda: timer.ticket_id == ticket_id)
    window.show_section("orders")
    press(qtbot, window.sidebar, Qt.Key.Key_T, shift_ctrl)
    qtbot.waitUntil(lambda: timer.ticket_id is None)
    with Session(window.desk.engine) as session:
        assert time_spent.running_timer(session=session) is None


def test_a_time_note_takes_as_many_emoji_as_the_desk_keeps(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Qt counts an emoji as two: a note the desk keeps to 500 characters stopped at 250 emoji
    (and one letter short of 500 took no emoji to end it)."""
    form = TimeEntryForm(demo_engine, "Add time")
    qtbot.addWidget(form)
    note = form.note
    note.insert("🙏" * (time_entries.MAX_NOTE + 3))
    assert note.text() == "🙏" * time_entries.MAX_NOTE
    note.setText("a" * (time_entries.MAX_NOTE - 1))
    note.insert("🙂🙂")
    assert note.text() == "a" * (time_entries.MAX_NOTE - 1) + "🙂"
    note.setText("b" * (time_entries.MAX_NOTE - 2))
    note.insert("xyz")  # a paste longer than the room left
    assert note.text() == "b" * (time_entries.MAX_NOTE - 2) + "xy"
    form.done(0)
