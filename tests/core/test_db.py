from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from agencydesk import paths
from agencydesk.core.db import make_engine, sqlite_path, sqlite_url


def test_default_database_lives_in_the_users_data_folder() -> None:
    expected_root = Path(os.environ["XDG_DATA_HOME"]) / "agencydesk"
    assert paths.default_db_path() == expected_root / "agencydesk.sqlite3"
    assert expected_root.is_dir()


def test_sqlite_connections_enforce_foreign_keys_wal_and_wait_when_busy(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_file_and_data_folder_are_private(db_path: Path, engine: Engine) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.data_dir().stat().st_mode) == 0o700


def _insert_then_fail(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (name, company, phone, email, city, tech_comfort, "
                "preferred_channel, tags, caution_note, notes, created_at, updated_at) "
                "VALUES ('Temp', '', '', '', '', 3, 'whatsapp', '', '', '', "
                "'2025-01-01', '2025-01-01')"
            )
        )
        raise RuntimeError("boom")


def test_a_failed_transaction_leaves_nothing_behind(engine: Engine) -> None:
    with pytest.raises(RuntimeError):
        _insert_then_fail(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM client")).scalar() == 0


def test_any_sqlalchemy_url_is_accepted() -> None:
    memory = make_engine("sqlite://")
    assert sqlite_path(memory) is None
    with memory.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
    assert sqlite_url(Path("/x/y.sqlite3")) == "sqlite:////x/y.sqlite3"
