"""The columns the person shows or hides in the tickets list's header menu are shown or hidden
again at the next start. Before, every start brought back the usual columns: the client column
ticked on had to be ticked again each morning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from qt_helpers import shown_columns, start_again

from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.window_fit import MINIMUM_SIZE


def _tickets_table(window: MainWindow) -> QTableView:
    window.show_section("tickets")
    table = window.pages.page("tickets").table
    assert isinstance(table, QTableView)
    return table


def _menu(table: QTableView) -> dict[str, bool]:
    return {action.text(): action.isChecked() for action in table.horizontalHeader().actions()}


def test_the_columns_chosen_in_the_tickets_list_are_chosen_again_after_a_restart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], demo_db: Path, tmp_path: Path
) -> None:
    window = open_window(demo_db)
    window.resize(1500, 700)
    table = _tickets_table(window)
    assert shown_columns(table) == ["Ticket", "Status", "Priority", "Due", "Updated"]  # the usual
    actions = {action.text(): action for action in table.horizontalHeader().actions()}
    actions["Client"].trigger()
    actions["Due"].trigger()
    assert shown_columns(table) == ["Ticket", "Client", "Status", "Priority", "Updated"]
    window.close()

    again = start_again(qtbot, tmp_path / "settings.ini", demo_db)
    again.resize(1500, 700)
    table = _tickets_table(again)
    assert shown_columns(table) == ["Ticket", "Client", "Status", "Priority", "Updated"]
    menu = _menu(table)
    assert menu["Client"]  # the menu's ticks say so too
    assert not menu["Due"]
    # still the person's choice in a narrow window: "Due" does not come back, and "Updated"
    # (not chosen) steps aside as usual
    again.resize(MINIMUM_SIZE.width(), 600)
    qtbot.waitUntil(lambda: "Updated" not in shown_columns(table))
    assert "Due" not in shown_columns(table)
    assert "Client" in shown_columns(table)
    again.close()


def test_the_columns_chosen_in_the_client_list_are_chosen_again_after_a_restart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], demo_db: Path, tmp_path: Path
) -> None:
    """The client list's header has the same menu: its tags, which step aside at a laptop's
    width, stay once asked for, after a restart too; its comfort dots, hidden, stay hidden."""
    window = open_window(demo_db)
    window.resize(1280, 800)
    window.show_section("clients")
    table = window.pages.page("clients").table
    assert "Tags" not in shown_columns(table)  # stepped aside: no room
    actions = {action.text(): action for action in table.horizontalHeader().actions()}
    actions["Tags"].trigger()
    actions["Comfort"].trigger()
    assert "Tags" in shown_columns(table)
    assert "Comfort" not in shown_columns(table)
    window.close()

    again = start_again(qtbot, tmp_path / "settings.ini", demo_db)
    again.resize(1280, 800)
    again.show_section("clients")
    table = again.pages.page("clients").table
    assert "Tags" in shown_columns(table)
    assert "Comfort" not in shown_columns(table)
    menu = _menu(table)
    assert menu["Tags"]
    assert not menu["Comfort"]
    again.close()


def test_remembered_columns_of_a_list_that_has_changed_since_are_not_applied(
    tmp_path: Path,
) -> None:
    """Column numbers are remembered with the list's number of columns: should a later version
    add a column, the old numbers could name other columns, and they are dropped."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_column_choices("tickets", 6, {1: True, 4: False})
    assert settings.column_choices("tickets", 6) == {1: True, 4: False}
    assert settings.column_choices("tickets", 7) == {}
    assert settings.column_choices("orders", 6) == {}
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("columns/tickets", "6:1=1,x=0,9=1,2=yes,,3=0")  # edited by hand
    assert Settings(raw).column_choices("tickets", 6) == {1: True, 3: False}


def test_the_column_a_list_is_read_by_cannot_be_hidden(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], demo_db: Path, tmp_path: Path
) -> None:
    """Unticking "Ticket" in the header's menu left a list of row numbers, and kept it so at
    every start. The titles' and the names' ticks cannot be unticked, and a stored choice to
    hide them (a settings file edited by hand) is not applied."""
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("columns/clients", "7:0=0")
    raw.sync()
    window = open_window(demo_db)
    window.resize(1280, 800)
    for section, main in (("tickets", "Ticket"), ("clients", "Name")):
        window.show_section(section)
        table = window.pages.page(section).table
        actions = {action.text(): action for action in table.horizontalHeader().actions()}
        assert not actions[main].isEnabled()
        assert actions[main].isChecked()
        assert shown_columns(table)[0] == main
