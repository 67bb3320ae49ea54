"""The command line, run as the user runs it: a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agencydesk import __version__


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agencydesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=os.environ.copy(),
        check=False,
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"agencydesk {__version__}"


def test_demo_fills_a_new_database_and_refuses_to_do_it_twice(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    first = run_cli("demo", "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "Added 10 demo clients" in first.stdout
    second = run_cli("demo", "--db", str(db))
    assert second.returncode == 2
    assert second.stderr.count("\n") == 1
    assert "already has clients" in second.stderr
    assert "Traceback" not in second.stderr


def test_the_database_may_be_named_before_the_command(tmp_path: Path) -> None:
    """`agencydesk --db FILE demo` and `agencydesk demo --db FILE` mean the same file; the
    first form used to fill the default database instead."""
    db = tmp_path / "before.sqlite3"
    made = run_cli("--db", str(db), "demo")
    assert made.returncode == 0, made.stderr
    assert str(db) in made.stdout
    assert db.is_file()


def test_backup_command(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    missing = run_cli("backup", "--db", str(db))
    assert missing.returncode == 2
    assert "no database" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert run_cli("demo", "--db", str(db)).returncode == 0
    made = run_cli("backup", "--db", str(db))
    assert made.returncode == 0, made.stderr
    backups = list((tmp_path / "backups").glob("x-*-manual.sqlite3"))
    assert len(backups) == 1
    assert str(backups[0]) in made.stdout


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from agencydesk.__main__ import main; "
        f"rc = main(['demo', '--db', {str(tmp_path / 'y.sqlite3')!r}]); "
        "assert rc == 0; assert 'PySide6' not in sys.modules, 'Qt was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_solo_desk_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    """Importing a chat into a file desk: psycopg (9 MB of memory, 11 ms to load) is for team
    desks only."""
    chat = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    chat.write_text("05/01/24 10.00 - Bu Sari: Mas webnya error\n", encoding="utf-8")
    db = str(tmp_path / "y.sqlite3")
    code = (
        "import sys; from agencydesk.__main__ import main; "
        f"assert main(['--db', {db!r}, 'demo']) == 0; "
        f"rc = main(['--db', {db!r}, 'import-chat', {str(chat)!r}, '--client', 'Ratna']); "
        "assert rc == 0; assert 'psycopg' not in sys.modules, 'psycopg was imported'"
    )
    result = _run_with({}, code)
    assert result.returncode == 0, result.stderr
    assert "1 new message" in result.stdout


def test_unknown_command_is_a_usage_error_not_a_traceback() -> None:
    result = run_cli("fly-to-the-moon")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_search_prints_hits_grouped_by_kind(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    result = run_cli("search", "webnya error", "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Messages (1)"
    assert "Ibu Ratna Wulandari" in lines[1]
    assert "[webnya] [error]" in lines[1]
    nothing = run_cli("search", "zzzqqq", "--db", str(db))
    assert nothing.stdout.strip() == "Nothing found."
    # more hits than --limit shows: the count says so, and a last line how to see the rest
    capped = run_cli("search", "ibu", "--limit", "1", "--db", str(db))
    assert capped.returncode == 0, capped.stderr
    lines = capped.stdout.splitlines()
    assert lines[0] == "Clients (1+)"
    assert lines[-1] == "More found than shown (the best 1 of each): add a word, or --limit N."
    zero = run_cli("search", "ibu", "--limit", "0", "--db", str(db))
    assert zero.returncode == 2
    assert "--limit is how many hits of each kind to show" in zero.stderr


def test_another_programs_database_is_neither_converted_nor_filled(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    with connection:
        connection.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT)")
    connection.close()
    before = other.read_bytes()
    for command in (["search", "x"], ["demo"]):
        result = run_cli(*command, "--db", str(other))
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1
        assert f"{other} is not an agencydesk database" in result.stderr
    assert other.read_bytes() == before


def _run_with(env: dict[str, str], code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


_MAIN = "import sys; from agencydesk.__main__ import main; sys.exit(main(sys.argv[1:]))"


def test_an_unwritable_log_folder_costs_only_the_log(tmp_path: Path) -> None:
    """It used to stop every command with a traceback."""
    in_the_way = tmp_path / "state"
    in_the_way.write_text("a file where the log folder should be\n")
    result = _run_with(
        {"XDG_STATE_HOME": str(in_the_way)}, _MAIN, "demo", "--db", str(tmp_path / "x.sqlite3")
    )
    assert result.returncode == 0, result.stderr
    assert "Added 10 demo clients" in result.stdout
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("agencydesk: ")
    assert "log" in result.stderr
    assert "Traceback" not in result.stderr


_FULL_DISK_UNDER_THE_LOG = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
# the log is exactly at the limit: every line more fails; the (smaller) database files do not
resource.setrlimit(resource.RLIMIT_FSIZE, (4_000_000, resource.RLIM_INFINITY))
import agencydesk.log
agencydesk.log.MAX_BYTES = 4_000_000  # a log this big is kept, not moved aside for a new one
from agencydesk.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="file size limits are POSIX")
def test_a_log_on_a_full_disk_is_one_line_on_stderr(tmp_path: Path) -> None:
    """It used to print a "--- Logging error ---" traceback for every line logged."""
    log = tmp_path / "state" / "agencydesk" / "log" / "agencydesk.log"
    log.parent.mkdir(parents=True)
    log.write_bytes(b"x" * 3_999_999 + b"\n")
    result = _run_with(
        {"XDG_STATE_HOME": str(tmp_path / "state")},
        _FULL_DISK_UNDER_THE_LOG,
        "demo",
        "--db",
        str(tmp_path / "x.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    assert "Added 10 demo clients" in result.stdout
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("agencydesk: ")
    assert "log" in result.stderr
