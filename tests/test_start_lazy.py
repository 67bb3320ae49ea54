"""Opening the window parses its command line without building every command (each start
would import every command's module), and the commands still work as before."""

from __future__ import annotations

import subprocess
import sys

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
