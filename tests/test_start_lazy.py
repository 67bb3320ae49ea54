"""Opening the window parses its command line without building every command (each start
would import every command's module), and the commands still work as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = (
    "import sys; from agencydesk.__main__ import build_parser; "
    "argv = ['--db', 'desk.sqlite3']; args = build_parser(argv).parse_args(argv); "
    "print(args.command, args.db.name, 'agencydesk.cli.chat' in sys.modules, "
    "'sqlalchemy' in sys.modules)"
)


def test_opening_the_window_does_not_load_the_commands() -> None:
    """Nor the database layer: SQLAlchemy takes ~130 ms to import, and the window is shown (from
    the quick list) before the desk is opened with it."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["None", "desk.sqlite3", "False", "False"]


def test_help_still_lists_the_commands_and_a_command_still_runs() -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "agencydesk", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("demo", "search", "import-chat", "report", "creds"):
        assert command in listed
    wrong = subprocess.run(
        [sys.executable, "-m", "agencydesk", "--db", "x.sqlite3", "nonsense"],
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 2
    assert "invalid choice: 'nonsense'" in wrong.stderr


FIRST_PAINT = """
import sys
from pathlib import Path

import PySide6.QtCore as QtCore
from PySide6.QtCore import QTimer

from agencydesk.qt.shell.app import make_application
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings

app = make_application()
window = MainWindow(Settings(), Path(sys.argv[1]), staged=True)
window.show()
late = ("sqlalchemy", "agencydesk.qt.shell.actions", "agencydesk.qt.shell.pages",
        "PySide6.QtNetwork", "agencydesk.core.money")
print("before:", [name for name in late if name in sys.modules], "Qt" in vars(QtCore),
      [menu.title() for menu in window.menus.values()], len(window.menus["file"].actions()))
def after():
    window.finish_start_up()
    print("after:", len(window.menus["file"].actions()) > 5, window.shell_actions.quit.text())
    app.quit()
QTimer.singleShot(0, after)
app.exec()
"""


def test_the_first_paint_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    """The staged window (as `agencydesk` starts it) is shown with its sidebar and the menu bar's
    titles only: neither the database layer, nor the menus' actions, the pages or the
    single-window socket are imported before it, nor PySide6's `Qt` namespace (~120 enums,
    ~14 ms). Once on screen, the rest is built: the File menu fills in."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(tmp_path / "desk.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "before: [] False ['&File', '&Edit', '&View', '&Settings', '&Help'] 0"
    assert lines[1] == "after: True &Quit"
