"""File ▸ Connect to a team server… and a window on a team desk, against the real PostgreSQL
server in $AGENCYDESK_TEST_PG: the password goes to the keyring and never into the settings, a
server that cannot be reached is one sentence in the dialog, the title says which desk it is, and
restoring over it waits for the database's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine, make_url

from agencydesk.core.server_address import SERVICE, ServerAddress, parse
from agencydesk.core.server_move import move_to_server
from agencydesk.qt.common import workers
from agencydesk.qt.shell import restart
from agencydesk.qt.shell.app import team_desk_path
from agencydesk.qt.shell.connect_dialog import ConnectDialog
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.team_desk import ConfirmByNameDialog
from agencydesk.qt.shell.team_switch import switch_desk


def _type_address(dialog: ConnectDialog, url: str, qtbot: QtBot) -> None:
    parsed = make_url(url)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, parsed.username or "")


def test_the_password_goes_to_the_keyring_and_never_into_the_settings(
    qtbot: QtBot, pg_url: str, memory_keyring: MemoryKeyring, settings: Settings, tmp_path: Path
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _type_address(dialog, pg_url, qtbot)
    qtbot.keyClicks(dialog.password, "typed-Secret-1")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.address is not None
    assert dialog.kept_in_keyring
    assert dialog.password.text() == ""
    key = dialog.address.keyring_key()
    assert memory_keyring.entries[(SERVICE, key)] == "typed-Secret-1"

    window = MainWindow(settings, tmp_path / "desk" / "x.sqlite3")
    qtbot.addWidget(window)
    try:
        switch_desk(window, settings, dialog.address.url())  # remembered, and starts again
        assert restart.pending()
        assert restart.command()[1:] == ["-m", "agencydesk"]  # not --db: the remembered desk
    finally:
        restart.cancel()
    settings.sync()
    written = (tmp_path / "settings.ini").read_text()
    assert settings.desk_server == dialog.address.url()
    assert "typed-Secret-1" not in written
    assert make_url(pg_url).database in written


def test_a_desk_that_cannot_be_reached_is_one_sentence_in_the_dialog(
    qtbot: QtBot, pg_url: str, memory_keyring: MemoryKeyring
) -> None:
    parsed = make_url(pg_url)
    dialog = ConnectDialog(
        ServerAddress(host=parsed.host or "", database="no_such_desk", user="postgres")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "typed-Secret-2")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "There is no database" in dialog.problem.text(), timeout=20_000)
    assert dialog.isVisible()  # everything typed is still there
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text().startswith("There is no database “no_such_desk” on ")
    assert memory_keyring.entries == {}  # a password that got nowhere is not kept
    assert dialog.password.text() == "typed-Secret-2"

    dialog.database.clear()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "Please enter the database's name."


@pytest.fixture
def team_url(demo_engine: Engine, db_path: Path, pg_url: str) -> str:
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    return parse(pg_url)[0].url()


def _team_window(qtbot: QtBot, team_url: str, settings: Settings) -> MainWindow:
    """A window on the team desk *team_url*, open and ready."""
    window = MainWindow(settings, team_desk_path(team_url), server_url=team_url)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database()
    return window


def test_a_window_on_a_team_desk_names_it_in_the_title(
    qtbot: QtBot, team_url: str, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    window = _team_window(qtbot, team_url, settings)
    address = parse(team_url)[0]
    assert window.windowTitle() == f"agencydesk — {address.database} on {address.host}"
    assert window.count_label.text() == "10 clients"
    actions = window.shell_actions
    assert actions.solo_desk.isVisible()
    assert actions.restore.text() == "&Restore a snapshot…"
    window.close()
    workers.wait_for_tasks()


@pytest.mark.usefixtures("inline_tasks")
def test_every_list_on_a_team_desk_sorts_by_every_column_both_ways(
    qtbot: QtBot, team_url: str, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    # a click on Clients' "Comfort" header failed on PostgreSQL (a number compared with "")
    window = _team_window(qtbot, team_url, settings)
    sorted_lists = 0
    for section in window.SECTIONS:
        window.show_section(section)
        page = window.pages.page(section)
        assert page is not None
        for table in page.findChildren(QTableView):
            if not (table.isVisible() and table.isSortingEnabled()):
                continue
            model = table.model()
            rows = model.rowCount()
            assert rows > 0, section
            for column in range(model.columnCount()):
                for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                    table.sortByColumn(column, order)  # what a click on the header does
                    assert model.rowCount() == rows, (section, column, order)
            sorted_lists += 1
    assert sorted_lists >= 3  # clients, tickets, orders
    window.close()
    workers.wait_for_tasks()


def test_restoring_over_a_team_desk_waits_for_the_database_name(qtbot: QtBot) -> None:
    dialog = ConfirmByNameDialog("agency", Path("/tmp/agency-20261204-manual.sqlite3"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "agenc")
    assert not dialog.restore_button.isEnabled()
    dialog.accept()  # Enter before the whole name: nothing happens
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.typed, "y")
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_window_opens_a_team_desk_named_with_db(team_url: str, tmp_path: Path) -> None:
    """`agencydesk --db ADDRESS` as typed in a terminal, with a password in it: the window opens
    the team desk, and one line says the password went to the keyring."""
    import os
    import subprocess
    import sys

    with_password = make_url(team_url).set(password="typed-Secret-3")
    started = subprocess.run(
        [sys.executable, "-m", "agencydesk", "--db", with_password.render_as_string(False)],
        env={
            **os.environ,
            "AGENCYDESK_STARTUP_PROBE": "populated",
            "PYTHON_KEYRING_BACKEND": "keyring_memory.MemoryKeyring",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    assert "PROBE populated" in started.stdout
    notice = [line for line in started.stderr.splitlines() if line.startswith("agencydesk:")]
    assert len(notice) == 1
    assert "is now kept in your keyring; leave it out of the address" in notice[0]
    assert "typed-Secret-3" not in started.stdout + started.stderr


def test_the_dialog_says_what_went_wrong_in_indonesian(
    qtbot: QtBot, pg_url: str, indonesian: str
) -> None:
    parsed = make_url(pg_url)
    dialog = ConnectDialog(ServerAddress(host=parsed.host or "", database="meja_baru", user="x"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Hubungkan ke server tim"
    assert dialog.connect_button.text() == "Hubungkan"
    dialog.port.setValue(1)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tidak menjawab" in dialog.problem.text(), timeout=20_000)
    assert dialog.problem.text().startswith(f"Server {parsed.host}:1 tidak menjawab. ")
