from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from damaged_page import damage_a_page
from sqlalchemy.engine import Engine

from agencydesk.core import backup, clients
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError


def _names_in(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM client ORDER BY name")]
    finally:
        connection.close()


def _add(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name})
        assert client.id is not None
        return client.id


def test_backup_is_a_consistent_copy_even_with_changes_still_in_the_wal(
    db_path: Path, engine: Engine
) -> None:
    _add(engine, "Ibu Ratna")  # committed, still in the -wal file: the engine is open
    copy = backup.make_backup(db_path)
    assert _names_in(copy) == ["Ibu Ratna"]
    assert copy.parent == db_path.parent / "backups"


def test_daily_backup_happens_once_a_day(db_path: Path, engine: Engine) -> None:
    morning = datetime(2026, 11, 23, 8, 0)
    assert backup.daily_backup(db_path, now=morning) is not None
    assert backup.daily_backup(db_path, now=morning + timedelta(hours=5)) is None
    assert backup.daily_backup(db_path, now=morning + timedelta(days=1)) is not None
    assert [info.reason for info in backup.list_backups(db_path)] == ["daily", "daily"]


def test_only_the_newest_fourteen_backups_are_kept(db_path: Path, engine: Engine) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(20):
        backup.daily_backup(db_path, now=start + timedelta(days=day))
    kept = backup.list_backups(db_path)
    assert len(kept) == 14
    assert kept[0].taken_at == start + timedelta(days=19)
    assert kept[-1].taken_at == start + timedelta(days=6)


def test_restore_brings_back_the_old_data_and_backs_up_the_current_first(
    db_path: Path, engine: Engine
) -> None:
    _add(engine, "Ibu Ratna")
    saved = backup.make_backup(db_path)
    _add(engine, "Pak Bambang")
    engine.dispose()
    safety = backup.restore_backup(db_path, saved)
    assert _names_in(db_path) == ["Ibu Ratna"]
    assert _names_in(safety) == ["Ibu Ratna", "Pak Bambang"]
    assert "before-restore" in safety.name


def test_restoring_something_that_is_not_a_backup_changes_nothing(
    tmp_path: Path, db_path: Path, engine: Engine
) -> None:
    _add(engine, "Ibu Ratna")
    engine.dispose()
    bogus = tmp_path / "holiday-photo.sqlite3"
    bogus.write_bytes(b"\x89PNG not a database at all" * 100)
    with pytest.raises(UserError, match=r"holiday-photo\.sqlite3"):
        backup.restore_backup(db_path, bogus)
    assert _names_in(db_path) == ["Ibu Ratna"]
    assert backup.list_backups(db_path) == []


def test_the_oldest_kept_backup_can_be_restored(db_path: Path, engine: Engine) -> None:
    """The safety backup made first used to rotate out the chosen (oldest) file before it was
    copied: "unable to open database file", and the chosen backup was gone."""
    _add(engine, "Ibu Ratna")
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(backup.KEEP):
        backup.daily_backup(db_path, now=start + timedelta(days=day))
    oldest = backup.list_backups(db_path)[-1].path
    _add(engine, "Pak Bambang")
    engine.dispose()
    safety = backup.restore_backup(db_path, oldest)
    assert _names_in(db_path) == ["Ibu Ratna"]
    assert _names_in(safety) == ["Ibu Ratna", "Pak Bambang"]


def _whole(path: Path) -> bool:
    """A complete copy: a healthy database that holds tables (an empty file opens as one too)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        healthy = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            healthy and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        )
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()


def test_backups_made_in_the_same_second_are_all_listed_and_rotated(
    db_path: Path, engine: Engine
) -> None:
    """The second one used to get a name the listing never matched: never shown, never pruned."""
    now = datetime(2026, 3, 1, 9, 0, 0)
    made = [backup.make_backup(db_path, now=now) for _ in range(3)]
    assert len(set(made)) == 3
    assert [info.path for info in backup.list_backups(db_path)] == made[::-1]  # newest first
    for _ in range(backup.KEEP):
        backup.make_backup(db_path, now=now)
    kept = backup.list_backups(db_path)
    assert len(kept) == backup.KEEP
    assert sorted((db_path.parent / "backups").glob("*.sqlite3")) == sorted(i.path for i in kept)


def test_failed_upgrades_never_push_out_the_daily_backups(db_path: Path, engine: Engine) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(backup.KEEP):
        backup.daily_backup(db_path, now=start + timedelta(days=day))
    daily = backup.list_backups(db_path)
    later = start + timedelta(days=backup.KEEP)
    for attempt in range(backup.KEEP + 6):  # an upgrade that fails every start, for days
        backup.make_backup(db_path, reason="before-upgrade", now=later + timedelta(hours=attempt))
    kept = backup.list_backups(db_path)
    assert [info for info in kept if info.reason == "daily"] == daily
    assert len([info for info in kept if info.reason == "before-upgrade"]) == backup.KEEP


_BACKUP_UNDER_A_FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (32768, resource.RLIM_INFINITY))
from agencydesk.__main__ import main
sys.exit(main(["backup", "--db", sys.argv[1]]))
"""


@pytest.mark.skipif(os.name != "posix", reason="file size limits are POSIX")
def test_a_backup_on_a_full_disk_leaves_nothing_and_says_so(
    tmp_path: Path, db_path: Path, demo_engine: Engine
) -> None:
    """It used to leave a cut (or 0-byte) file that counted as one of the kept backups."""
    demo_engine.dispose()
    daily = backup.daily_backup(db_path)
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}  # a small, new log
    result = subprocess.run(
        [sys.executable, "-c", _BACKUP_UNDER_A_FILE_SIZE_LIMIT, str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("agencydesk: Could not make a backup in ")
    assert "Nothing was changed. Free some space on its disk" in result.stderr
    assert result.stderr.count("\n") == 1
    assert [info.path for info in backup.list_backups(db_path)] == [daily]
    assert [p.name for p in (db_path.parent / "backups").iterdir()] == [daily.name]


def test_a_file_where_the_backups_folder_goes_is_a_sentence(
    db_path: Path, demo_engine: Engine
) -> None:
    """It was an "unexpected error (FileExistsError)", the bug report of a program bug."""
    demo_engine.dispose()
    (db_path.parent / "backups").write_text("not a folder")
    result = subprocess.run(
        [sys.executable, "-m", "agencydesk", "backup", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    backups = db_path.parent / "backups"
    assert result.stderr.startswith(f"agencydesk: Could not make a backup in {backups}: ")
    assert "Nothing was changed." in result.stderr
    assert "unexpected" not in result.stderr
    assert (db_path.parent / "backups").read_text() == "not a folder"


_BACKUP_A_BIG_DATABASE = """
import sys
from pathlib import Path
from agencydesk.core import backup
backup.make_backup(Path(sys.argv[1]), reason="before-upgrade")
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_backup_killed_midway_is_never_listed(tmp_path: Path) -> None:
    """kill -9 while the copy is written (before an upgrade, say): what is listed is whole."""
    big = tmp_path / "big.sqlite3"
    connection = sqlite3.connect(big)
    with connection:
        connection.execute("CREATE TABLE blob (data BLOB)")
        # about 30 MB: the copy takes a moment
        connection.executemany("INSERT INTO blob VALUES (randomblob(65536))", [()] * 500)
    connection.close()
    folder = tmp_path / "backups"
    process = subprocess.Popen([sys.executable, "-c", _BACKUP_A_BIG_DATABASE, str(big)])
    try:
        deadline = time.monotonic() + 60
        while not (folder.is_dir() and any(folder.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.001)
    finally:
        process.kill()
        process.wait()
    listed = backup.list_backups(big)
    assert all(_whole(info.path) for info in listed)
    assert all(_whole(path) for path in folder.glob("*.sqlite3"))


def test_a_damaged_database_is_backed_up_apart_and_the_good_backups_stay(
    db_path: Path, demo_engine: Engine
) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(3):
        backup.daily_backup(db_path, now=start + timedelta(days=day))
    good = backup.list_backups(db_path)
    demo_engine.dispose()
    damage_a_page(db_path)
    for day in range(3, 23):  # three weeks of starting the desk on the damaged file
        with pytest.raises(backup.DamagedDatabaseError) as info:
            backup.daily_backup(db_path, now=start + timedelta(days=day))
        assert "is damaged" in str(info.value)
        assert f"Restore the newest good backup, {good[0].path.name}" in str(info.value)
    with pytest.raises(backup.DamagedDatabaseError, match=good[0].path.name):
        backup.make_backup(db_path, reason="manual")
    kept = backup.list_backups(db_path)
    assert [info for info in kept if info.reason == "daily"] == good  # never rotated out
    apart = [info for info in kept if info.reason == "daily-damaged"]
    assert len(apart) == backup.KEEP
    assert all(backup.database_problem(info.path) for info in apart)
    assert all(backup.database_problem(info.path) is None for info in good)
    assert backup.newest_good_backup(db_path) == good[0]


def test_backing_up_a_damaged_database_in_the_cli_names_the_backup_to_restore(
    db_path: Path, demo_engine: Engine
) -> None:
    saved = backup.make_backup(db_path, reason="manual")
    demo_engine.dispose()
    damage_a_page(db_path)
    done = subprocess.run(
        [sys.executable, "-m", "agencydesk", "backup", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "unexpected" not in done.stderr.lower()
    assert "is damaged" in done.stderr
    assert f"Restore the newest good backup, {saved.name}" in done.stderr
    assert [info.path for info in backup.list_backups(db_path) if info.reason == "manual"] == [
        saved
    ]


@pytest.mark.parametrize("folder", ["Clients #2", "My%20Files", "Tanya? Jawab"])
def test_a_desk_in_a_folder_with_a_hash_a_percent_or_a_question_mark_is_backed_up_whole(
    tmp_path: Path, folder: str
) -> None:
    """SQLite read "#" in "file:…/Clients #2/…" as a fragment and opened an empty file beside
    the desk: every backup was empty and the damage check always passed. SQLAlchemy decoded
    "My%20Files" and made a new desk in "My Files"."""
    desk = tmp_path / folder / "agencydesk.sqlite3"
    made = subprocess.run(
        [sys.executable, "-m", "agencydesk", "demo", "--db", str(desk)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [folder]  # nothing beside it
    taken = backup.make_backup(desk)
    with sqlite3.connect(taken) as copy:
        assert copy.execute("SELECT count(*) FROM client").fetchone()[0] == 10
    assert backup.database_problem(desk) is None
    desk.write_bytes(desk.read_bytes()[:20_000])  # damaged: found so
    assert backup.database_problem(desk) is not None


def test_rotation_never_removes_the_newest_good_backup_nor_the_one_just_made(
    db_path: Path, engine: Engine
) -> None:
    """With a good backup followed by 14 that were cut off on the disk, rotation removed the
    good one and kept the damaged; with the clock set back, a backup was removed as soon as it
    was made (and "Backed up to …" named a file that was not there)."""
    engine.dispose()
    start = datetime(2026, 1, 1, 9, 0)
    good = backup.make_backup(db_path, now=start)
    for day in range(1, backup.KEEP + 1):  # later ones, cut off on the disk since
        stamp = (start + timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        later = good.with_name(f"{db_path.stem}-{stamp}-manual.sqlite3")
        later.write_bytes(good.read_bytes()[:8192])
    backup.prune(db_path)
    assert good.exists()
    newest_good = backup.newest_good_backup(db_path)
    assert newest_good is not None
    assert newest_good.path == good

    earlier = backup.make_backup(db_path, now=start - timedelta(days=30))  # the clock set back
    assert earlier.exists()
    assert earlier in [info.path for info in backup.list_backups(db_path)]


def test_a_backup_from_a_newer_agencydesk_is_not_restored(db_path: Path, engine: Engine) -> None:
    """Restored, the desk would not open ("written by a newer version"), and Restore was then
    greyed with the rest: the desk could only come back by copying a file by hand."""
    engine.dispose()
    newer = backup.make_backup(db_path)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    before = db_path.read_bytes()
    with pytest.raises(UserError, match=r"newer version of agencydesk \(schema 0099\); nothing"):
        backup.restore_backup(db_path, newer)
    assert db_path.read_bytes() == before
