"""Engines and sessions. `make_engine(url)` takes any SQLAlchemy URL; SQLite is the default."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

# registers who-did-it on every session: new messages, time, guide sends and status changes
from agencydesk.core import (
    authorship,  # noqa: F401
    changes,
)
from agencydesk.core.errors import SaidError
from agencydesk.core.schema_version import connect_read_only
from agencydesk.core.word_filter import SQLITE_LOWER

#: how long a writer waits for another one to finish before "the database is busy"; the
#: environment may set it (AGENCYDESK_BUSY_TIMEOUT_MS), e.g. for a test that waits it out
BUSY_TIMEOUT_MS = int(os.environ.get("AGENCYDESK_BUSY_TIMEOUT_MS", "5000"))
#: the page size of a new database file (an existing one keeps its own): 16 KiB instead of
#: SQLite's 4 KiB. A desk's big tables are the messages and their search index, written in bulk
#: by imports and read in runs; with bigger pages a million-message import took 10% less time
#: (fewer pages to split, index and write through the WAL)
PAGE_SIZE = 16384
#: execution option of a unit of work that writes (`session_scope`): it begins IMMEDIATE
_WRITES = "agencydesk_writes"
RowT = TypeVar("RowT")


def _lower(value: object) -> object:
    """SQLITE_LOWER: lower case of every letter, as PostgreSQL's lower() (SQLite's: A–Z only),
    accents joined to their letters (a name saved with them apart is found as typed)."""
    return unicodedata.normalize("NFC", value).lower() if isinstance(value, str) else value


def sqlite_url(path: Path | str) -> str:
    """The SQLAlchemy address of the SQLite file *path*. "%", "?" and "#" escaped: SQLAlchemy
    decodes the address, so "My%20Files" became "My Files" (a new desk made there) and
    "a?b" the file "a"."""
    text = str(Path(path)).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"sqlite:///{text}"


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None for another database or an in-memory one."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _create_private_file(path: Path) -> None:
    """Create the database file readable by the owner only (0600), before SQLite opens it.

    A folder made for it is private too (0700); SQLite gives -wal and -shm the file's mode."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next(p for p in (path.parent, *path.parent.parents) if p.exists())
        raise SaidError("desk_folder_is_a_file", path=str(path), blocking=str(blocking)) from None
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def make_read_only_engine(path: Path) -> Engine:
    """An engine that reads the SQLite file *path* and never writes to it (nor beside it)."""
    engine = sa.create_engine(
        sqlite_url(path),
        creator=lambda: connect_read_only(path, check_same_thread=False),
        hide_parameters=True,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.create_function(SQLITE_LOWER, 1, _lower, deterministic=True)

    changes.watch(engine)
    return engine


def make_engine(url: str, *, begin: str = "BEGIN") -> Engine:
    """An engine for *url*. On SQLite: foreign keys on, WAL, a busy timeout, real transactions.

    The pysqlite driver's own transaction handling does not wrap DDL; we switch it off and emit
    *begin* ourselves (``"BEGIN IMMEDIATE"`` for migrations): a failed migration rolls back whole.
    A unit of work that writes (`session_scope`) begins IMMEDIATE whatever *begin* is.
    """
    # hide_parameters: an error or a debug log shows the SQL, never the values (message bodies).
    if sa.engine.make_url(url).get_backend_name() != "sqlite":
        from agencydesk.core.server_address import connect_args

        # the password comes from the keyring (server_address), never from what is printed
        engine = sa.create_engine(url, hide_parameters=True, connect_args=connect_args(url))
        changes.watch(engine)
        from agencydesk.core import live

        live.send_changes(engine)  # the other desks hear each commit (pg_notify)
        return engine
    # Connections are pooled and may be handed from a worker thread to the GUI thread; the pool
    # guarantees one thread at a time uses each connection.
    engine = sa.create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
    path = sqlite_path(engine)
    if path is not None:
        _create_private_file(path)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function(SQLITE_LOWER, 1, _lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path is not None:
            cursor.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # A writer takes the write lock when it begins, waiting up to the busy timeout for
        # another one to finish. Begun deferred, it would read first, and SQLite could not turn
        # that read into a write while another connection writes: "database is locked" at once.
        writes = connection.get_execution_options().get(_WRITES, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else begin)

    changes.watch(engine)
    return engine


def add_and_flush(session: Session, row: RowT) -> RowT:
    """*row* added to *session* and flushed: a new row has its id now, and a database error
    (a unique name taken, say) shows here rather than at the commit."""
    session.add(row)
    session.flush()
    return row


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work that writes: commit on success, roll back on any error.

    On SQLite it holds the write lock from its first statement (see `make_engine`); reading
    without writing is a plain ``Session(engine)``, which never waits for a writer."""
    with Session(engine.execution_options(**{_WRITES: True}), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
