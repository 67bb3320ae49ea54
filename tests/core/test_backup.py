from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
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
