"""Environment problems are plain sentences that say what happened and what to do, never
"unexpected error": a folder or a damaged file given as the database, a read-only disk, a full
disk, a failed upgrade. Read-only and full disks are small tmpfs mounts (`mount` in conftest)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

FIXTURES = Path(__file__).parent / "core" / "importers" / "fixtures"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agencydesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _plain(done: subprocess.CompletedProcess[str]) -> str:
    """The one sentence a failed command printed (and that it is no bug report)."""
    assert done.returncode == 2, done.stderr
    assert "unexpected" not in done.stderr.lower()
    assert "Traceback" not in done.stderr
    return done.stderr


def test_a_folder_given_as_the_database_is_named(tmp_path: Path) -> None:
    said = _plain(run_cli("search", "Ratna", "--db", str(tmp_path)))
    assert f"{tmp_path} is a folder" in said
    assert "agencydesk.sqlite3" in said


def test_a_database_under_a_file_is_named(tmp_path: Path) -> None:
    """It was an "unexpected error (FileExistsError)"."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder")
    said = _plain(run_cli("demo", "--db", str(notes / "desk.sqlite3")))
    assert f"{notes} is a file, not a folder" in said
    assert notes.read_text() == "not a folder"


def test_a_cut_off_database_is_damaged_and_the_backups_are_named(
    tmp_path: Path, demo_engine: Engine, db_path: Path
) -> None:
    demo_engine.dispose()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(db_path.read_bytes()[:20_000])
    said = _plain(run_cli("search", "Ratna", "--db", str(cut)))
    assert "damaged" in said
    assert "not a database file at all" not in said
    # no backup of it yet: none is named (a folder that was not there was, before)
    assert f"There is no good backup of it in {tmp_path / 'backups'}: keep the damaged file" in said
    (tmp_path / "backups").mkdir()
    kept = tmp_path / "backups" / "cut-20261205-080000-daily.sqlite3"
    kept.write_bytes(db_path.read_bytes())
    said = _plain(run_cli("search", "Ratna", "--db", str(cut)))
    assert f"Restore the newest good backup: copy {kept} over it with agencydesk closed" in said


def test_a_database_another_program_holds_is_busy_not_damaged(
    demo_engine: Engine, db_path: Path
) -> None:
    """A database in rollback-journal mode, locked by another program: it was called damaged,
    with the advice to copy a backup over it, which would throw that program's work away."""
    demo_engine.dispose()
    with sqlite3.connect(db_path, isolation_level=None) as other:
        other.execute("PRAGMA journal_mode=DELETE")
        other.execute("BEGIN EXCLUSIVE")
        try:
            said = _plain(run_cli("search", "Ratna", "--db", str(db_path)))
        finally:
            other.execute("ROLLBACK")
    assert "busy" in said
    assert "damaged" not in said
    assert "backup" not in said


def test_a_database_its_user_may_not_read_says_so(tmp_path: Path) -> None:
    """It was an "unexpected error (PermissionError)", the bug report of a program bug."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("root reads any file; setpriv (util-linux) takes that power away")
    desk = tmp_path / "desk.sqlite3"
    desk.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    desk.chmod(0o000)
    without_override = (
        ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    )
    command = [sys.executable, "-m", "agencydesk", "search", "Ratna", "--db", str(desk)]
    done = subprocess.run(
        [*without_override, *command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    said = _plain(done)
    assert f"{desk} cannot be read: Permission denied" in said


def test_a_database_on_a_read_only_disk_is_searched_read_only_and_never_written(
    mount: Callable[[str], Path], demo_engine: Engine, db_path: Path
) -> None:
    demo_engine.dispose()
    disk = mount("4m")
    copy = disk / "agencydesk.sqlite3"
    copy.write_bytes(db_path.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    found = run_cli("search", "Ratna", "--db", str(copy))
    assert found.returncode == 0, found.stderr
    assert "Ibu Ratna Wulandari" in found.stdout
    assert "read-only" in found.stderr
    report = disk.parent / "Ratna.pdf"  # reading commands all read (the report refused)
    written = run_cli("report", "Ratna", "--out", str(report), "--db", str(copy))
    assert written.returncode == 0, written.stderr
    assert report.read_bytes().startswith(b"%PDF")
    said = _plain(
        run_cli(
            "import-chat",
            str(FIXTURES / "chat_comma.csv"),
            "--client",
            "Ibu Ratna Wulandari",
            "--db",
            str(copy),
        )
    )
    assert "cannot be written" in said
    assert str(copy) in said
    said = _plain(run_cli("backup", "--db", str(copy)))
    assert "read-only" in said or "cannot be written" in said


def test_a_full_disk_says_what_to_free(
    mount: Callable[[str], Path], demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    demo_engine.dispose()
    disk = mount("2m")  # the demo desk (1.4 MB) and little more
    copy = disk / "agencydesk.sqlite3"
    copy.write_bytes(db_path.read_bytes())
    chat = tmp_path / "WhatsApp Chat with Ibu Ratna.txt"
    chat.write_text(
        "".join(
            f"01/02/24 09.{n % 60:02d} - Ibu Ratna Wulandari: pesan nomor {n} " + "x" * 200 + "\n"
            for n in range(4_000)
        ),
        encoding="utf-8",
    )
    said = _plain(
        run_cli("import-chat", str(chat), "--client", "Ibu Ratna Wulandari", "--db", str(copy))
    )
    assert "disk is full" in said
    assert "Free some space" in said


def test_a_failed_upgrade_says_the_database_was_left_as_it_was(
    engine: Engine, db_path: Path
) -> None:
    with engine.begin() as connection:  # an upgrade that cannot apply: its table is there
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    engine.dispose()
    said = _plain(run_cli("search", "Ratna", "--db", str(db_path)))
    assert "left exactly as it was" in said
    assert "before-upgrade" in said


def test_hours_written_to_a_full_disk_leave_no_file_behind(
    mount: Callable[[str], Path], demo_engine: Engine, db_path: Path
) -> None:
    """A cut-off (here empty) ratna.csv was left where the hours were asked for, looking like
    a file with no hours in it."""
    demo_engine.dispose()
    disk = mount("64k")
    with (disk / "filler").open("wb", buffering=0) as filler:  # the disk full to its last byte
        try:
            while filler.write(b"x" * 4096):
                pass
        except OSError:
            pass
    out = disk / "ratna.csv"
    said = _plain(run_cli("time", "Ratna", "--csv", str(out), "--db", str(db_path)))
    assert "ratna.csv could not be written: No space left on device" in said
    assert "Nothing was saved" in said
    assert sorted(path.name for path in disk.iterdir()) == ["filler"]


def test_hours_asked_for_on_a_read_only_disk_name_the_file_and_what_to_do(
    mount: Callable[[str], Path], demo_engine: Engine, db_path: Path
) -> None:
    """The sentence named "The hours" and the folder, and said nothing of what to do (nor was
    it said in an Indonesian window's language)."""
    demo_engine.dispose()
    disk = mount("64k")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    out = disk / "ratna.csv"
    said = _plain(run_cli("time", "Ratna", "--csv", str(out), "--db", str(db_path)))
    assert f"{out} could not be written: Read-only file system" in said
    assert "Nothing was saved; free some space or choose another folder." in said
    assert not out.exists()


def _fill(disk: Path, leave: int) -> None:
    """*disk* full but for about *leave* bytes."""
    room = shutil.disk_usage(disk).free - leave
    (disk / "filler").write_bytes(b"x" * max(0, room))


def test_a_report_on_a_full_disk_is_said_and_the_earlier_one_kept(
    mount: Callable[[str], Path], demo_engine: Engine, db_path: Path
) -> None:
    """Qt's PDF writer says nothing of a failed write: "Wrote the report" was said, exit 0, over
    a cut-off PDF that had replaced the good one of the day before."""
    demo_engine.dispose()
    disk = mount("512k")
    out = disk / "Ratna.pdf"
    assert run_cli("report", "Ratna", "--out", str(out), "--db", str(db_path)).returncode == 0
    earlier = out.read_bytes()
    _fill(disk, 8192)
    said = _plain(run_cli("report", "Ratna", "--out", str(out), "--db", str(db_path)))
    assert f"{out} could not be written: No space left on device" in said
    assert "Nothing was saved" in said
    assert out.read_bytes() == earlier
    assert sorted(path.name for path in disk.iterdir()) == ["Ratna.pdf", "filler"]


def test_a_report_asked_for_where_a_folder_is_says_so(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    """It was an "unexpected error (IsADirectoryError)"."""
    demo_engine.dispose()
    folder = tmp_path / "Ratna.pdf"
    folder.mkdir()
    said = _plain(run_cli("report", "Ratna", "--out", str(folder), "--db", str(db_path)))
    assert f"{folder} could not be written: Is a directory" in said
    assert list(tmp_path.glob(".*.part")) == []


def test_a_new_desk_on_a_full_disk_leaves_no_file_behind(mount: Callable[[str], Path]) -> None:
    """`demo` on a disk too small for a new desk said "nothing was saved" and left a 16 KiB
    database without tables, which the next start took for an empty desk."""
    disk = mount("300k")
    said = _plain(run_cli("demo", "--db", str(disk / "agencydesk.sqlite3")))
    assert "disk is full" in said
    assert "nothing was saved" in said
    assert list(disk.iterdir()) == []
