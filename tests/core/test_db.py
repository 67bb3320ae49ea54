from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from agencydesk import paths
from agencydesk.core import migrate
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
def test_database_file_and_data_folder_are_private(db_path: Path) -> None:
    migrate.open_database(sqlite_url(db_path)).dispose()  # made by the app, not a test's copy
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


def test_two_writers_at_once_wait_for_each_other_instead_of_failing(
    db_path: Path, engine: Engine
) -> None:
    """Two units of work (two connections, as two agencydesk processes have) that both read,
    then write: the second used to fail at once with "database is locked" (its read had begun
    a deferred transaction that SQLite cannot turn into a write while the first one writes)."""
    from agencydesk.core import clients
    from agencydesk.core.db import session_scope

    first_has_read = threading.Event()
    second_has_read = threading.Event()
    failures: list[BaseException] = []

    def unit_of_work(name: str, has_read: threading.Event, other: threading.Event) -> None:
        writer = make_engine(sqlite_url(db_path))
        try:
            with session_scope(writer) as session:
                clients.count_clients(session=session)
                has_read.set()
                other.wait(timeout=1.0)  # the other one reads meanwhile (if it can)
                clients.create_client(session=session, values={"name": name})
        except BaseException as exc:
            failures.append(exc)
        finally:
            writer.dispose()

    first = threading.Thread(
        target=unit_of_work, args=("Ibu Ratna", first_has_read, second_has_read)
    )
    second = threading.Thread(
        target=unit_of_work, args=("Pak Bambang", second_has_read, first_has_read)
    )
    first.start()
    first_has_read.wait(timeout=5)
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)
    assert failures == []
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM client ORDER BY name")).scalars()
        assert list(names) == ["Ibu Ratna", "Pak Bambang"]


def test_a_read_does_not_wait_for_a_writer(db_path: Path, engine: Engine) -> None:
    """Only units of work that write take the write lock: a list reads while another
    agencydesk writes."""
    from sqlmodel import Session

    from agencydesk.core import clients

    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.perf_counter()
        with Session(engine) as session:
            assert clients.count_clients(session=session) == 0
        assert time.perf_counter() - started < 2.0
    finally:
        holder.rollback()
        holder.close()


def test_a_new_desk_has_big_pages_and_an_older_desk_keeps_its_own(tmp_path: Path) -> None:
    """New files get 16 KiB pages (a big import is faster); a desk made with SQLite's usual
    4 KiB pages (every desk before) opens as it is and takes writes."""
    new = tmp_path / "new.sqlite3"
    migrate.open_database(sqlite_url(new)).dispose()
    older = tmp_path / "older.sqlite3"
    with sqlite3.connect(older) as connection:
        connection.execute("CREATE TABLE note (body TEXT)")
    with sqlite3.connect(older) as connection:  # made before, as the app made it then
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 4096
    engine = make_engine(sqlite_url(older))
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO note VALUES ('still here')"))
        with engine.connect() as connection:
            assert connection.execute(text("SELECT body FROM note")).scalar() == "still here"
    finally:
        engine.dispose()
    sizes = {}
    for path in (new, older):
        with sqlite3.connect(path) as connection:
            sizes[path.name] = connection.execute("PRAGMA page_size").fetchone()[0]
    assert sizes == {"new.sqlite3": 16384, "older.sqlite3": 4096}
