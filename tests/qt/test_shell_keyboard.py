"""The shell as a user drives it from the keyboard and the menus: Ctrl+1…6, Ctrl+E from a search
box, Help ▸ Load demo clients, the status bar's client count, and where the window opens."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, press

from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings

Opener = Callable[[Path], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def _click_section(qtbot: QtBot, window: MainWindow, section: str) -> None:
    item = window.sidebar.item(MainWindow.SECTIONS.index(section))
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _reject(widget: QWidget) -> None:
    widget.close()


def test_ctrl_1_to_6_switch_sections_in_the_sidebar_order(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    for row in (2, 5, 0, 1, 4, 3):  # in any order
        press(qtbot, window, keys[row], CTRL)
        section = MainWindow.SECTIONS[row]
        assert window.sidebar.currentRow() == row
        assert window.stack.currentWidget() is window.pages.page(section)
    # and the View menu lists them with their keys
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    listed = [(a.text(), a.shortcut().toString()) for a in view.actions()]
    assert listed == [
        ("Today", "Ctrl+1"),
        ("Clients", "Ctrl+2"),
        ("Tickets", "Ctrl+3"),
        ("Guides", "Ctrl+4"),
        ("Orders", "Ctrl+5"),
        ("Referrals", "Ctrl+6"),
    ]


# Under X11 a line edit takes Ctrl+E (end of line) and Ctrl+K (delete to the end) for itself,
# which the offscreen platform of the other tests does not: this one runs the window on a real X
# server (Xvfb), typing as the user does.
SEARCH_THEN_CTRL_E = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    app = QApplication([])
    settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window = MainWindow(settings, Path(sys.argv[1]))
    window.show()
    seen = {"platform": app.platformName(), "dialogs": []}

    def note_dialog():
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen["dialogs"].append(type(modal).__name__)
            modal.close()

    def wait(ms):
        QTest.qWait(ms)
        note_dialog()

    def go():
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        page = window.pages.clients
        QTest.keyClicks(page.search, "jakarta")
        for _ in range(50):  # the list and then the client are read in workers
            wait(100)
            if page.model.rowCount() == 1 and page.detail.client_id == page.list.current_id():
                break
        wait(100)
        seen["chosen"] = page.detail.name_label.text()
        seen["focus_in_search"] = page.search.hasFocus()
        for key in (Qt.Key.Key_E, Qt.Key.Key_K):
            window.activateWindow()
            QTest.qWaitForWindowActive(window)
            page.search.setFocus()
            QTimer.singleShot(300, note_dialog)
            QTest.keyClick(page.search, key, Qt.KeyboardModifier.ControlModifier)
            wait(400)
        seen["search"] = page.search.text()
        print(json.dumps(seen))
        window.close()
        app.quit()

    window.ready.connect(lambda: QTimer.singleShot(300, go))
    window.open_database()
    app.exec()
    """
)


def test_ctrl_e_and_ctrl_k_work_while_the_search_box_has_the_focus(
    demo_db: Path, tmp_path: Path
) -> None:
    """Searching for a client, then Ctrl+E to edit the one found, did nothing under X11."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("needs xvfb-run (apt-get install xvfb xauth; .ci/run installs it)")
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [xvfb, "-a", sys.executable, "-c", SEARCH_THEN_CTRL_E, str(demo_db), f"{tmp_path}/s.ini"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["platform"] == "xcb"
    assert seen["chosen"] == "Pak Bambang Santoso"
    assert seen["focus_in_search"]
    # Ctrl+E edited the client found, Ctrl+K opened Search everything; the search kept its text
    assert seen["dialogs"] == ["ClientFormDialog", "SearchDialog"], seen
    assert seen["search"] == "jakarta"


def test_the_client_count_shows_in_the_status_bar_only_on_clients(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    assert not window.count_label.isVisible()  # Today: it is not about clients
    _click_section(qtbot, window, "clients")
    assert window.count_label.isVisible()
    assert window.count_label.text() == "10 clients"
    page = window.pages.clients
    assert page is not None
    qtbot.keyClicks(page.search, "jakarta")
    qtbot.waitUntil(lambda: window.count_label.text() == "1 of 10 clients match")
    for section in ("tickets", "guides", "orders", "referrals", "today"):
        _click_section(qtbot, window, section)
        assert not window.count_label.isVisible(), section
    _click_section(qtbot, window, "clients")
    assert window.count_label.isVisible()
    assert window.count_label.text() == "1 of 10 clients match"


def _help_action(window: MainWindow, text: str) -> object:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == text)


def test_help_load_demo_clients_fills_an_empty_desk(
    qtbot: QtBot, open_window: Opener, engine_db: Path
) -> None:
    """The first-start offer was declined; the demo is still there when wanted."""
    window = open_window(engine_db)
    load = _help_action(window, "Load &demo clients")
    assert load.isEnabled()  # type: ignore[attr-defined]
    load.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.sidebar.item(0).text().startswith("Today  ("), timeout=20_000)
    _click_section(qtbot, window, "clients")
    qtbot.waitUntil(lambda: window.count_label.text() == "10 clients", timeout=20_000)


def test_help_load_demo_clients_on_a_desk_with_clients_says_why_not(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    dialogs.click(QMessageBox.StandardButton.Ok)
    _help_action(window, "Load &demo clients").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialogs.done)
    assert dialogs.texts[0].startswith("Demo clients go only into an empty desk")
    _click_section(qtbot, window, "clients")
    assert window.count_label.text() == "10 clients"  # nothing added


def _inside(outer: dict[str, int], inner: dict[str, int]) -> bool:
    return (
        inner["x"] >= outer["x"]
        and inner["y"] >= outer["y"]
        and inner["x"] + inner["w"] <= outer["x"] + outer["w"]
        and inner["y"] + inner["h"] <= outer["y"] + outer["h"]
    )


def test_a_first_window_fits_the_screen(open_window: Opener, demo_db: Path) -> None:
    """The offscreen screen is 800 × 800: smaller than the 1180 × 720 a first start asked for."""
    window = open_window(demo_db)
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), (area, frame)


# A 1366 × 768 laptop at 150 % scale: 910 × 512 for the window, task bar not counted.
LAPTOP_AT_150 = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QByteArray, QRect, QSettings
    from PySide6.QtWidgets import QApplication
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    app = QApplication([])
    db, ini, big = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "big"
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    if big:  # last closed on a big monitor, at 1700 x 1000
        wide = MainWindow(settings, db)
        wide.setMinimumSize(0, 0)
        wide.setGeometry(QRect(120, 80, 1700, 1000))
        settings.set_window_geometry(wide.saveGeometry())
        wide.deleteLater()
    window = MainWindow(settings, db)
    window.show()
    window.ready.connect(lambda: app.quit())
    window.open_database()
    app.exec()
    app.processEvents()
    def box(rect):
        return {"x": rect.x(), "y": rect.y(), "w": rect.width(), "h": rect.height()}
    print(json.dumps({
        "area": box(window.screen().availableGeometry()),
        "frame": box(window.frameGeometry()),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    }))
    window.close()
    """
)


def test_at_150_percent_on_a_laptop_the_window_fits_the_screen(
    demo_db: Path, tmp_path: Path
) -> None:
    screen = tmp_path / "laptop.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "width": 1366, "height": 768, "x": 0, "y": 0}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": "1.5",
    }
    for start in ("first", "big"):
        result = subprocess.run(
            [sys.executable, "-c", LAPTOP_AT_150, str(demo_db), f"{tmp_path}/{start}.ini", start],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        seen = json.loads(result.stdout.strip().splitlines()[-1])
        assert (seen["area"]["w"], seen["area"]["h"]) in ((910, 512), (911, 512)), seen  # rounding
        assert _inside(seen["area"], seen["frame"]), (start, seen)
        assert seen["minimum"][0] <= 910, (start, seen)
        assert seen["minimum"][1] <= 512, (start, seen)


def _start_again(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`agencydesk ARGS` started anew, as from the desktop's menu (offscreen, like the tests)."""
    return subprocess.Popen(
        [sys.executable, "-m", "agencydesk", *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_exit(qtbot: QtBot, process: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    finally:
        if process.poll() is None:  # a dialog nobody answers: the test fails, nothing hangs
            process.kill()
    return process.communicate()


def test_a_second_start_on_the_same_desk_brings_the_open_window_forward(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.single_instance import FirstWindow

    window = open_window(demo_db)
    lock = app_module.acquire_lock(demo_db)  # what the first start holds (run_gui)
    assert lock is not None
    try:
        FirstWindow(demo_db, window)
        window.showMinimized()
        elsewhere = QWidget()  # the user is in another window
        qtbot.addWidget(elsewhere)
        elsewhere.show()
        elsewhere.activateWindow()
        qtbot.waitUntil(elsewhere.isActiveWindow)
        assert window.isMinimized()

        second = _start_again("--db", str(demo_db))
        _out, err = _wait_for_exit(qtbot, second)
        assert second.returncode == 0, err
        qtbot.waitUntil(window.isActiveWindow)
        assert not window.isMinimized()
        assert window.isVisible()
    finally:
        lock.unlock()


def test_a_start_on_another_desk_opens_its_own_window(
    qtbot: QtBot, open_window: Opener, demo_db: Path, tmp_path: Path
) -> None:
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.single_instance import FirstWindow

    window = open_window(demo_db)
    lock = app_module.acquire_lock(demo_db)
    assert lock is not None
    try:
        FirstWindow(demo_db, window)
        other = tmp_path / "other" / "agencydesk.sqlite3"
        started = _start_again("--db", str(other), env={"AGENCYDESK_STARTUP_PROBE": "shown"})
        out, err = _wait_for_exit(qtbot, started)
        assert started.returncode == 0, err
        assert "PROBE shown" in out
    finally:
        lock.unlock()


def test_a_second_start_waits_for_a_first_window_still_starting(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """The first window listens for later starts once it is on screen (after the first paint);
    a start in that moment waits for it instead of saying "already open"."""
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.single_instance import FirstWindow

    window = open_window(demo_db)
    lock = app_module.acquire_lock(demo_db)
    assert lock is not None
    try:
        second = _start_again("--db", str(demo_db))
        qtbot.wait(600)  # the second start is trying (it waits 1 s at most); nobody listens yet
        assert second.poll() is None
        FirstWindow(demo_db, window)
        _out, err = _wait_for_exit(qtbot, second)
        assert second.returncode == 0, err
        assert "already open" not in err
    finally:
        lock.unlock()


def test_the_window_listens_for_later_starts_once_its_list_shows(
    qtbot: QtBot, settings: Settings, demo_db: Path
) -> None:
    """The listener (QtNetwork, 16 ms) starts once the client list shows, not before it: a later
    start on the database finds it then."""
    from PySide6.QtNetwork import QLocalSocket

    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.single_instance import server_name

    window = MainWindow(settings, demo_db, staged=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.populated, timeout=20_000):
        app_module._after_first_paint(window, demo_db)
    later_start = QLocalSocket()
    later_start.connectToServer(server_name(demo_db))
    try:
        assert later_start.waitForConnected(1000)
    finally:
        later_start.abort()
        with qtbot.waitSignal(window.ready, timeout=20_000, raising=False):
            pass
        window.close()


def test_enter_on_a_client_opens_her_form_and_on_a_ticket_goes_to_its_reply(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """On Orders Enter opened the order; on Clients and Tickets it did nothing, so a keyboard
    user had to reach for Ctrl+E or the mouse."""
    window = open_window(demo_db)
    clients = window.pages.clients
    assert clients is not None
    qtbot.waitUntil(lambda: clients.current_client_id() is not None)
    chosen = clients.model.index(clients.table.currentIndex().row(), 0).data()
    seen: list[str] = []

    def form(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        seen.append(widget.name.text())
        widget.done(0)

    answerer = DialogAnswerer().then(form)
    clients.table.setFocus()
    press(qtbot, clients.table, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: answerer.done)
    assert seen == [chosen]

    window.show_section("tickets")
    tickets = window.pages.tickets
    assert tickets is not None
    qtbot.waitUntil(lambda: tickets.view.ticket_id is not None)
    tickets.table.setFocus()
    press(qtbot, tickets.table, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    press(qtbot, tickets.table, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    reply = tickets.view.reply_area.reply
    qtbot.waitUntil(reply.hasFocus)
    assert tickets.view.ticket_id == tickets.current_ticket_id()


def test_after_ctrl_n_the_focus_is_on_the_new_client_not_where_ctrl_n_was_pressed(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    clients = window.pages.clients
    assert clients is not None
    window.sidebar.setFocus()

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        widget.name.setText("Pak Yohanes Tambunan")
        widget.save()

    answerer = DialogAnswerer().then(fill)
    press(qtbot, window.sidebar, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: answerer.done)
    qtbot.waitUntil(lambda: clients.detail.client_id is not None)
    qtbot.waitUntil(
        lambda: (
            clients.model.index(clients.table.currentIndex().row(), 0).data()
            == "Pak Yohanes Tambunan"
        )
    )
    window.activateWindow()  # as the window manager does once the form is gone
    qtbot.waitUntil(window.isActiveWindow)
    assert clients.table.hasFocus()


def test_a_status_chosen_with_the_arrow_keys_keeps_the_focus_while_it_saves(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """The ticket's fields wait greyed while a change saves; the status box gave its focus
    away then, and the next arrow key moved through another list."""
    window = open_window(demo_db)
    window.show_section("tickets")
    page = window.pages.tickets
    assert page is not None
    view = page.view
    qtbot.waitUntil(lambda: view.ticket_id is not None and view.status.isEnabled())
    before = view.status.currentData()
    view.status.setFocus()
    press(qtbot, view.status, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(
        lambda: (
            view.status.isEnabled()
            and view.status.currentData() != before
            and view.status.hasFocus()
        )
    )


def _mnemonic(text: str) -> str | None:
    """The letter Alt+letter picks in a menu ("&Edit…" → "e"), None without one."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_each_menu_item_has_a_letter_of_its_own_in_both_languages(
    open_window: Opener, demo_db: Path, language: str
) -> None:
    """In Indonesian, "&Cari semuanya…" and "&Cari klien" shared C in the Edit menu: Alt+E, C
    only went back and forth between them."""
    window = open_window(demo_db)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        letters = [
            _mnemonic(action.text())
            for action in menu.actions()
            if not action.isSeparator() and action.isVisible()
        ]
        shared = {letter for letter in letters if letter and letters.count(letter) > 1}
        assert not shared, (language, menu_action.text(), [a.text() for a in menu.actions()])
