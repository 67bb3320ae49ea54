"""The desk as a user drives it: keyboard shortcuts, dialogs answered by clicking buttons."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_page import damage_a_page
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, drop_on, press, start_again
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from agencydesk.core import backup
from agencydesk.core.errors import UserError
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.clients_page import ClientsPage
from agencydesk.qt.common.dialogs import ErrorDialog, report_exception
from agencydesk.qt.guides.guide_editor import GuideEditorDialog
from agencydesk.qt.guides.guides_page import GuidesPage
from agencydesk.qt.orders.order_model import OrderTableModel
from agencydesk.qt.orders.orders_page import OrdersPage
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.restore_dialog import RestoreDialog
from agencydesk.qt.shell.settings import Settings

Opener = Callable[[Path], MainWindow]
Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def _names(window: MainWindow) -> list[str]:
    assert window.pages.clients is not None
    model = window.pages.clients.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _go_to(qtbot: QtBot, window: MainWindow, section: str) -> None:
    """Click *section* in the sidebar, as the user does."""
    item = window.sidebar.item(MainWindow.SECTIONS.index(section))
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.sidebar.currentItem() is item


def _select(window: MainWindow, name: str) -> None:
    """Choose *name* on the Clients page (shown first: the window opens on Today)."""
    window.show_section("clients")
    assert window.pages.clients is not None
    row = _names(window).index(name)
    window.pages.clients.table.selectRow(row)


def test_the_demo_desk_shows_its_clients_and_the_caution_note(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    assert len(_names(window)) == 10
    assert window.count_label.text() == "10 clients"
    sections = [
        window.sidebar.item(i).text().split("  (")[0] for i in range(window.sidebar.count())
    ]
    assert sections == ["Today", "Clients", "Tickets", "Guides", "Orders", "Referrals"]
    _select(window, "Ibu Ratna Wulandari")
    detail = window.pages.clients.detail  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: detail.name_label.text() == "Ibu Ratna Wulandari")
    assert detail.caution_frame.isVisibleTo(window)
    assert "one step per message" in detail.caution_label.text()
    assert "Ibu Sari Handayani" in detail.referred_label.text()


def test_ctrl_f_then_typing_filters_the_list(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    page = window.pages.clients
    assert page is not None
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "jakarta")
    qtbot.waitUntil(lambda: _names(window) == ["Pak Bambang Santoso"])
    assert window.count_label.text() == "1 of 10 clients match"
    qtbot.waitUntil(lambda: page.detail.name_label.text() == "Pak Bambang Santoso")


def test_new_client_form_explains_mistakes_next_to_the_fields(
    qtbot: QtBot, engine_db: Path, open_window: Opener
) -> None:
    window = open_window(engine_db)
    page = window.pages.clients
    assert page is not None
    dialog = ClientFormDialog(page._engine, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "error_name")
    assert error is not None
    assert error.isVisible()
    assert error.text() == "Please enter the client's name."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Ibu Ratna")
    assert not error.isVisible()
    qtbot.keyClicks(dialog.email, "ratna@")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    email_error = dialog.findChild(QLabel, "error_email")
    assert email_error is not None
    assert "email address" in email_error.text()
    dialog.email.setText("ratna@example.co.id")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert dialog.saved_client_id is not None


def test_ctrl_n_adds_a_client_that_appears_selected(
    qtbot: QtBot, engine_db: Path, open_window: Opener, dialogs: DialogAnswerer
) -> None:
    window = open_window(engine_db)

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        qtbot.keyClicks(widget.name, "Ibu Ratna Wulandari")
        widget.tech_comfort.setCurrentIndex(0)
        widget.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    dialogs.then(fill)
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done)
    qtbot.waitUntil(lambda: _names(window) == ["Ibu Ratna Wulandari"])  # read in a worker
    qtbot.waitUntil(lambda: window.pages.clients.detail.name_label.text() == "Ibu Ratna Wulandari")  # type: ignore[union-attr]
    assert window.count_label.text() == "1 client"


def test_delete_asks_first_and_ctrl_z_brings_the_client_back(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    _select(window, "Pak Bambang Santoso")
    window.pages.clients.table.setFocus()  # type: ignore[union-attr]

    dialogs.click(No)
    press(qtbot, window.pages.clients.table, Qt.Key.Key_Delete)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialogs.done)
    assert "Delete Pak Bambang Santoso?" in dialogs.texts[0]
    assert "Pak Bambang Santoso" in _names(window)

    dialogs.click(Yes)
    press(qtbot, window.pages.clients.table, Qt.Key.Key_Delete)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialogs.done)
    qtbot.waitUntil(lambda: "Pak Bambang Santoso" not in _names(window))  # done in a worker
    assert window.count_label.text() == "9 clients"
    # (the deletion's own notification may read the list before the worker's "done" comes)
    qtbot.waitUntil(window.shell_actions.undo.isEnabled)

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Pak Bambang Santoso" in _names(window))
    # (here too the list may be read again before the worker's "done" says it)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Pak Bambang Santoso is back.")
    qtbot.waitUntil(lambda: window.pages.clients.detail.name_label.text() == "Pak Bambang Santoso")  # type: ignore[union-attr]
    assert not window.shell_actions.undo.isEnabled()


def test_deleting_a_client_deleted_on_another_desk_says_so_and_drops_it_from_the_list(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    from agencydesk.core import clients
    from agencydesk.core.db import make_engine, session_scope, sqlite_url

    window = open_window(demo_db)
    _select(window, "Pak Bambang Santoso")
    page = window.pages.clients
    assert page is not None
    chosen = page.list.current_id()
    assert chosen is not None
    colleague = make_engine(sqlite_url(demo_db))  # a colleague's desk, deleting him first
    with session_scope(colleague) as session:
        clients.delete_client(session=session, client_id=chosen)
    colleague.dispose()

    page.table.setFocus()
    dialogs.click(QMessageBox.StandardButton.Ok)
    press(qtbot, page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialogs.done)
    assert dialogs.texts == ["That client no longer exists. It may have been deleted."]
    qtbot.waitUntil(lambda: "Pak Bambang Santoso" not in _names(window))
    assert not window.shell_actions.undo.isEnabled()  # nothing was deleted here


def _today_title(window: MainWindow) -> str:
    return window.sidebar.item(MainWindow.SECTIONS.index("today")).text()


def test_deleting_every_client_empties_the_urgent_count_in_the_sidebar(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    qtbot.waitUntil(lambda: _today_title(window).startswith("Today  ("), timeout=10_000)
    _go_to(qtbot, window, "clients")
    page = window.pages.clients
    assert page is not None
    while _names(window):
        page.table.selectRow(0)
        page.table.setFocus()
        dialogs.click(Yes)
        press(qtbot, page.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: dialogs.done)
        qtbot.waitUntil(page.table.isEnabled)  # the list waits while the worker deletes
    assert window.count_label.text() == "0 clients"
    # nobody's tickets are urgent any more, and the sidebar says so without opening Today
    qtbot.waitUntil(lambda: _today_title(window) == "Today", timeout=10_000)


def test_a_deleted_guide_comes_back_with_ctrl_z(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    window.show_section("guides")
    page = window.pages.page("guides")
    assert isinstance(page, GuidesPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # the list is read in a worker
    title = "How to install WhatsApp Desktop"
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == title)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.title_label.text() == title)  # on screen: read in a worker
    dialogs.click(Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.done)
    assert f"Delete the guide “{title}”?" in dialogs.texts[0]
    qtbot.waitUntil(lambda: title not in _guide_titles(page))
    # the guide next to it is shown (read in a worker after the list)
    qtbot.waitUntil(lambda: page.title_label.text() != title)
    qtbot.waitUntil(window.shell_actions.undo.isEnabled)
    assert title in window.shell_actions.undo.text()

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.title_label.text() == title)  # back, and chosen
    assert title in _guide_titles(page)
    assert not window.shell_actions.undo.isEnabled()


@pytest.mark.parametrize("where", ["orders", "client's orders tab"])
def test_a_deleted_order_goes_to_the_trash_and_comes_back_with_ctrl_z(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer, where: str
) -> None:
    """Deleting an order read it on the GUI thread, wrote the trash there, and Ctrl+Z could not
    bring it back (only Edit ▸ Trash…). Del on the list deletes it: on the Orders page Del did
    nothing (two shortcuts for it), on a client's Orders tab it asked to delete the client."""
    window = open_window(demo_db)
    if where == "orders":
        window.show_section("orders")
        page = window.pages.page("orders")
        assert isinstance(page, OrdersPage)
        orders_list, model, delete = page.list, page.model, page.delete_button
    else:
        window.show_section("clients")
        clients_page = window.pages.page("clients")
        assert isinstance(clients_page, ClientsPage)
        clients_page.detail.tabs.setCurrentWidget(clients_page.detail.orders)
        tab = clients_page.detail.orders
        orders_list, model, delete = tab.list, tab.model, tab.delete_button
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    orders_list.table.selectRow(0)
    title = model.index(0, OrderTableModel.TITLE).data()
    count = model.rowCount()
    dialogs.click(Yes)
    orders_list.table.setFocus()
    press(qtbot, orders_list.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialogs.done)
    assert f"Delete the order “{title}”" in dialogs.texts[0]
    assert delete.isEnabled()  # its button does the same
    qtbot.waitUntil(lambda: model.rowCount() == count - 1)
    qtbot.waitUntil(window.shell_actions.undo.isEnabled)
    assert title in window.shell_actions.undo.text()

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == count)  # back in the list, and chosen
    # the neighbour chosen after the deletion stays chosen until the order is: wait for it
    qtbot.waitUntil(
        lambda: (
            model.index(orders_list.table.currentIndex().row(), OrderTableModel.TITLE).data()
            == title
        )
    )
    assert not window.shell_actions.undo.isEnabled()


def _guide_titles(page: GuidesPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def _reject(widget: QWidget) -> None:
    assert isinstance(widget, QDialog)
    widget.reject()


def test_del_and_ctrl_e_act_on_the_page_on_screen_never_on_a_hidden_client(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    _select(window, "Andi Pratama")  # chosen on Clients, then the user goes elsewhere
    window.show_section("tickets")
    tickets_page = window.pages.tickets
    assert tickets_page is not None
    qtbot.waitUntil(lambda: tickets_page.current_ticket_id() is not None)
    # the chosen ticket is read in a worker: on screen a moment later
    qtbot.waitUntil(lambda: tickets_page.view.ticket_id == tickets_page.current_ticket_id())
    shown = tickets_page.view.title_label.text()
    dialogs.then(_reject)  # the one dialog there should be is closed
    press(qtbot, window, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(200)
    # Del asks about the ticket on screen (into the trash), never the client chosen elsewhere;
    # Tickets has nothing for Ctrl+E
    assert len(dialogs.seen) == 1, dialogs.texts
    assert dialogs.texts[0].startswith("Delete the ticket #")
    assert shown in dialogs.texts[0]
    assert "Andi Pratama" not in dialogs.texts[0]
    assert "Andi Pratama" in _names(window)
    dialogs.seen.clear()
    dialogs.texts.clear()
    dialogs.then(_reject).then(_reject)  # the next two dialogs, whichever, are closed

    window.show_section("guides")  # here Del and Ctrl+E are about the guide on screen
    page = window.pages.page("guides")
    assert isinstance(page, GuidesPage)
    qtbot.waitUntil(lambda: page.guide_id is not None)  # the guide on screen, read in a worker
    title = page.title_label.text()
    press(qtbot, window, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done)
    assert dialogs.texts[0].startswith(f"Delete the guide “{title}”?")
    assert isinstance(dialogs.seen[1], GuideEditorDialog)
    assert "Andi Pratama" in _names(window)


def test_client_text_is_never_interpreted_as_html(
    qtbot: QtBot, engine_db: Path, open_window: Opener, dialogs: DialogAnswerer
) -> None:
    from agencydesk.core import clients
    from agencydesk.core.db import make_engine, session_scope, sqlite_url

    hostile = '<b>Bu</b> <img src=x> <a href="http://evil">Ratna</a>'
    engine = make_engine(sqlite_url(engine_db))
    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": hostile, "caution_note": hostile})
    engine.dispose()
    window = open_window(engine_db)
    _go_to(qtbot, window, "clients")
    detail = window.pages.clients.detail  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: detail.name_label.text() == hostile)  # read in a worker
    for label in (detail.name_label, detail.caution_label):
        assert label.text() == hostile
        assert label.textFormat() == Qt.TextFormat.PlainText
    window.pages.clients.table.selectRow(0)  # type: ignore[union-attr]

    def check_plain(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.textFormat() == Qt.TextFormat.PlainText
        widget.button(No).click()

    dialogs.then(check_plain)
    window.shell_actions.delete.trigger()
    qtbot.waitUntil(lambda: dialogs.done)
    assert hostile in dialogs.texts[0]


def test_the_window_size_is_remembered_and_it_opens_on_today_the_start_page(
    qtbot: QtBot, open_window: Opener, demo_db: Path, tmp_path: Path
) -> None:
    window = open_window(demo_db)
    assert window.stack.currentWidget() is window.pages.today  # where a first start opens
    assert window.sidebar.currentItem().text().startswith("Today")
    _go_to(qtbot, window, "orders")
    # not the first-start size (784 x 720: the offscreen screen is 800 x 800, less the frame)
    window.resize(784, 550)
    qtbot.wait(10)
    window.close()

    # The next start: a new window on the settings file read afresh (the `settings` fixture's).
    settings_file = tmp_path / "settings.ini"
    assert settings_file.is_file()
    again = start_again(qtbot, settings_file, demo_db)
    assert (again.width(), again.height()) == (784, 550)
    # the start page again, not the section it was closed on
    assert again.sidebar.currentRow() == again.SECTIONS.index("today")
    assert again.stack.currentWidget() is again.pages.today
    again.close()


def test_settings_of_an_earlier_version_open_on_today_too(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    """Up to now the window reopened on the section it was closed on (Clients, for most)."""
    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    old.setValue("settings_version", 1)
    old.setValue("window/last_section", "clients")
    old.sync()
    upgraded = Settings(QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat))
    window = MainWindow(upgraded, demo_db)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database()
    assert window.stack.currentWidget() is window.pages.today
    assert (
        QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat).value(
            "window/last_section"
        )
        is None
    )
    window.close()


def test_an_empty_desk_offers_demo_data_once(
    qtbot: QtBot, fresh_db: Path, settings: Settings, dialogs: DialogAnswerer
) -> None:
    window = MainWindow(settings, fresh_db)
    qtbot.addWidget(window)
    window.show()
    dialogs.click(No)
    window.open_database()
    qtbot.waitUntil(lambda: dialogs.done, timeout=20_000)
    assert "demo clients" in dialogs.texts[0]
    assert settings.demo_declined(str(fresh_db))
    window.close()

    second = MainWindow(settings, fresh_db)
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.ready, timeout=20_000):
        second.open_database()
    qtbot.wait(50)
    assert len(dialogs.seen) == 1  # not asked again
    second.show_section("clients")
    second.desk.load_demo()
    qtbot.waitUntil(lambda: len(_names(second)) == 10, timeout=20_000)
    second.close()


def test_accepting_the_demo_offer_fills_the_desk(
    qtbot: QtBot, fresh_db: Path, settings: Settings, dialogs: DialogAnswerer
) -> None:
    window = MainWindow(settings, fresh_db)
    qtbot.addWidget(window)
    window.show()

    def press_enter(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.defaultButton() is widget.button(Yes)  # the answer nearly everybody gives
        qtbot.keyClick(widget, Qt.Key.Key_Return)

    dialogs.then(press_enter)
    window.open_database()
    qtbot.waitUntil(lambda: dialogs.done, timeout=20_000)
    qtbot.waitUntil(lambda: _today_title(window).startswith("Today  ("), timeout=20_000)
    _go_to(qtbot, window, "clients")
    qtbot.waitUntil(lambda: len(_names(window)) == 10, timeout=20_000)
    assert window.count_label.text() == "10 clients"
    assert not settings.demo_declined(str(fresh_db))
    window.close()


def test_restore_from_backup_brings_back_deleted_data(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    saved = backup.make_backup(demo_db, reason="manual")
    window = open_window(demo_db)
    _select(window, "Pak Bambang Santoso")
    dialogs.click(Yes)
    window.shell_actions.delete_on_screen()
    qtbot.waitUntil(lambda: dialogs.done)
    qtbot.waitUntil(lambda: "Pak Bambang Santoso" not in _names(window))

    def choose_saved(widget: QWidget) -> None:
        assert isinstance(widget, RestoreDialog)
        for row in range(widget.list.count()):
            if widget.list.item(row).data(Qt.ItemDataRole.UserRole) == str(saved):
                widget.list.setCurrentRow(row)
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    dialogs.then(choose_saved)
    with qtbot.waitSignal(window.populated, timeout=20_000):
        window.shell_actions.restore.trigger()
    assert "Pak Bambang Santoso" in _names(window)
    assert any(info.reason == "before-restore" for info in backup.list_backups(demo_db))


def test_a_damaged_database_is_found_at_start_up_and_the_good_backup_named(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    saved = backup.make_backup(demo_db, reason="manual")
    damage_a_page(demo_db)
    dialogs.click(QMessageBox.StandardButton.Ok)
    open_window(demo_db)
    qtbot.waitUntil(lambda: dialogs.done, timeout=20_000)
    assert "is damaged" in dialogs.texts[0]
    assert f"Restore the newest good backup, {saved.name}" in dialogs.texts[0]
    assert not any(isinstance(widget, ErrorDialog) for widget in dialogs.seen)


def test_a_bug_is_logged_and_shown_with_copyable_details(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, dialogs: DialogAnswerer
) -> None:
    shown: list[ErrorDialog] = []

    def copy_and_close(widget: QWidget) -> None:
        assert isinstance(widget, ErrorDialog)
        shown.append(widget)
        widget.copy_button.click()
        widget.reject()

    dialogs.then(copy_and_close)
    try:
        raise ZeroDivisionError("division by zero in a report")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR):
            report_exception(None, exc)
    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
    assert "division by zero in a report" in shown[0].details
    assert any("ZeroDivisionError" in record.getMessage() for record in caplog.records)


def test_a_user_mistake_is_a_plain_message_without_a_traceback(
    qtbot: QtBot, dialogs: DialogAnswerer
) -> None:
    dialogs.click(QMessageBox.StandardButton.Ok)
    report_exception(None, UserError("That client no longer exists."))
    assert dialogs.texts == ["That client no longer exists."]
    assert not isinstance(dialogs.seen[0], ErrorDialog)


def test_a_database_busy_for_too_long_is_a_plain_message(
    qtbot: QtBot, dialogs: DialogAnswerer, db_path: Path, engine: Engine
) -> None:
    """Another agencydesk kept writing longer than the busy timeout: a sentence, not a bug
    report."""
    import sqlite3

    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout = 0")
            with pytest.raises(OperationalError) as caught:
                connection.exec_driver_sql("DELETE FROM client")
            connection.exec_driver_sql("PRAGMA busy_timeout = 5000")
    finally:
        holder.rollback()
        holder.close()
    dialogs.click(QMessageBox.StandardButton.Ok)
    report_exception(None, caught.value)
    assert dialogs.texts == [
        "The database is busy: another agencydesk is writing to it. Try again in a moment."
    ]
    assert not isinstance(dialogs.seen[0], ErrorDialog)


def test_a_second_window_on_the_same_database_is_refused(
    qtbot: QtBot, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    from agencydesk.qt.shell import app as app_module

    lock = app_module.acquire_lock(demo_db)
    assert lock is not None
    try:
        assert app_module.acquire_lock(demo_db) is None
        dialogs.click(QMessageBox.StandardButton.Ok)
        assert app_module.run_gui(db_path=demo_db) == 1
        assert "already open" in dialogs.texts[0]
    finally:
        lock.unlock()
        import sys

        sys.excepthook = sys.__excepthook__
    assert QApplication.instance() is not None


def test_a_database_on_a_read_only_disk_is_refused_with_the_reason(
    qtbot: QtBot, demo_db: Path, dialogs: DialogAnswerer, mount: Callable[[str], Path]
) -> None:
    """Not "already open … switch to that window": the lock file cannot be made there."""
    from agencydesk.qt.shell import app as app_module

    disk = mount("4m")
    copy = disk / "agencydesk.sqlite3"
    copy.write_bytes(demo_db.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    dialogs.click(QMessageBox.StandardButton.Ok)
    try:
        assert app_module.run_gui(db_path=copy) == 1
    finally:
        sys.excepthook = sys.__excepthook__
    assert "already open" not in dialogs.texts[0]
    assert f"cannot open {copy} for writing" in dialogs.texts[0]
    assert "read-only" in dialogs.texts[0]


def test_an_up_to_date_desk_has_its_first_clients_before_the_data_layer_is_in(
    qtbot: QtBot, demo_db: Path, settings: Settings
) -> None:
    window = MainWindow(settings, demo_db)
    qtbot.addWidget(window)
    window.show()
    at_populated: dict[str, object] = {}

    def on_populated() -> None:
        quick = window.pages.quick_view
        assert quick is not None
        window.show_section("clients")  # the user goes to Clients while the desk opens
        model = quick.model
        at_populated["names"] = [model.index(row, 0).data() for row in range(model.rowCount())]
        at_populated["real_page"] = window.pages.clients
        at_populated["shown"] = window.stack.currentWidget() is quick
        at_populated["can_edit"] = window.shell_actions.edit.isEnabled()
        at_populated["count"] = window.count_label.text()
        quick.table.selectRow(2)  # the user picks a client before the real list is in
        at_populated["chosen"] = quick.current_client_id()

    window.populated.connect(on_populated)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    with qtbot.waitSignal(window.populated, timeout=20_000):
        window.open_database()
    assert at_populated["real_page"] is None  # the quick list came first
    assert at_populated["shown"] is True
    assert at_populated["can_edit"] is False  # read-only until the real page is in
    assert at_populated["count"] == "10 clients"
    qtbot.waitUntil(lambda: bool(ready), timeout=20_000)

    assert window.pages.quick_view is None
    page = window.pages.clients
    assert page is not None
    assert window.stack.currentWidget() is page
    assert _names(window) == at_populated["names"]
    assert page.current_client_id() == at_populated["chosen"]
    assert window.shell_actions.edit.isEnabled()
    qtbot.wait(50)
    assert ready == [True]
    window.close()


def test_an_outdated_desk_opens_the_usual_way(
    qtbot: QtBot, demo_db: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agencydesk.core import quick_list

    monkeypatch.setattr(quick_list, "HEAD_REVISION", "not-this-one")
    window = MainWindow(settings, demo_db)
    qtbot.addWidget(window)
    window.show()
    populated: list[object] = []
    window.populated.connect(lambda: populated.append(window.pages.clients))
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database()
    assert populated == [window.pages.clients]  # once, from the real page
    assert window.pages.quick_view is None
    assert len(_names(window)) == 10
    window.close()


@pytest.mark.parametrize("kind", ["cut off", "folder"])
def test_a_damaged_file_or_a_folder_as_the_database_is_a_sentence_in_the_window(
    qtbot: QtBot, demo_db: Path, settings: Settings, dialogs: DialogAnswerer, kind: str
) -> None:
    if kind == "cut off":
        target = demo_db.with_name("cut.sqlite3")
        target.write_bytes(demo_db.read_bytes()[:20_000])
        said = "is damaged"
    else:
        target = demo_db.parent
        said = "is a folder"
    window = MainWindow(settings, target)
    qtbot.addWidget(window)
    window.show()
    dialogs.click(QMessageBox.StandardButton.Ok)
    window.open_database()
    qtbot.waitUntil(lambda: dialogs.done, timeout=20_000)
    assert said in dialogs.texts[0]
    assert not any(isinstance(widget, ErrorDialog) for widget in dialogs.seen)
    window.close()


def test_a_chat_export_dropped_on_the_window_opens_the_import_wizard_on_it(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """Dragged from the downloads onto the desk: the wizard opens on that file, the client on
    screen chosen, as File ▸ Import chat… does."""
    from PySide6.QtCore import QUrl

    export = Path(__file__).resolve().parent.parent / "core/importers/fixtures/wa_android_id.txt"
    window = open_window(demo_db)
    assert drop_on(window, [QUrl.fromLocalFile(str(export))])
    wizard = window.shell_actions.import_wizard
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.file_page.path_edit.text() == str(export)
    wizard.reject()
