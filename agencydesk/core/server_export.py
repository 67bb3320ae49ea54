"""`agencydesk server export`: a team desk as one SQLite file, the team's backup and way out.

The snapshot is a solo desk like any other: made by the migrations (so its schema and its FTS5
search index are those of a new desk), filled from one consistent read of the server (a
repeatable-read, read-only transaction: what several desks write meanwhile is either wholly in it
or not at all), checked row by row against that read, and only then given its name. A file that
is there already is never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agencydesk.core import migrate, server_tables, trash
from agencydesk.core.db import make_engine, sqlite_url
from agencydesk.core.errors import DISK_FULL, SaidError, UserError, why_not_writable
from agencydesk.core.server_address import parse
from agencydesk.core.server_move import Moved, Progress

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
_BATCH = 2000


def _refuse_stale_schema(connection: Connection, display: str) -> None:
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    head = migrate.head_revision()
    if current == head:
        return
    if current is None:
        raise SaidError("snapshot_nothing_to_export", server=display)
    migrate.refuse_unknown_revision(current, _scripts())
    raise SaidError("snapshot_server_outdated", server=display, schema=current, head=str(head))


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migrate.alembic_config())


def _fill(source: Connection, target: Connection, progress: Progress | None) -> None:
    for item in server_tables.plan():
        query = sa.select(item.table).order_by(*item.table.primary_key.columns)
        result = source.execution_options(yield_per=_BATCH).execute(query)
        copied = 0
        for partition in result.mappings().partitions():
            target.execute(sa.insert(item.table), [dict(row) for row in partition])
            copied += len(partition)
        if progress is not None:
            progress(item.name, copied)
    # SQLite counts past the rows copied (AUTOINCREMENT); past the trashed ones too
    for table in ("ticket", "client_order"):
        trashed = trash.highest_trashed(target, table)
        target.exec_driver_sql(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (trashed, table)
        )
        target.exec_driver_sql(
            "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? "
            "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
            (table, trashed, table),
        )


SQLITE_FULL = 13


def _disk_full(exc: BaseException) -> bool:
    """*exc* says a disk is full, as SQLite, the OS or a sentence of ours says it."""
    cause = getattr(exc, "orig", None) or exc
    code = getattr(cause, "sqlite_errorcode", None)
    return (
        (isinstance(code, int) and code & 0xFF == SQLITE_FULL)
        or (isinstance(cause, OSError) and cause.errno == errno.ENOSPC)
        or (isinstance(exc, UserError) and str(exc) == DISK_FULL)
    )


def export_snapshot(url: str, out: Path, progress: Progress | None = None) -> Moved:
    """Write the team desk at *url* to the new SQLite file *out*."""
    started = time.perf_counter()
    address, _password = parse(url)
    out = out.expanduser().resolve()
    if out.exists():
        raise SaidError("snapshot_exists", path=str(out))
    if not out.parent.is_dir():
        raise SaidError("snapshot_no_folder", folder=str(out.parent))
    why = why_not_writable(out)
    if why is not None:  # said of the snapshot's folder, not as if the desk were read-only
        raise SaidError("snapshot_folder_not_writable", folder=str(out.parent), why=why)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)  # left by an export that was killed
    server = make_engine(url)
    snapshot = None
    try:
        snapshot = migrate.open_database(sqlite_url(partial))  # schema and FTS of a new desk
        with server.connect().execution_options(isolation_level="REPEATABLE READ") as source:
            source.exec_driver_sql("SET TRANSACTION READ ONLY")
            _refuse_stale_schema(source, address.display())
            with snapshot.connect() as target:
                # the rows come in an order that keeps references whole except the cycle's;
                # the check below proves the result whole
                raw = target.connection.driver_connection
                assert raw is not None
                raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or unheeded
                with target.begin():
                    _fill(source, target, progress)
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                raw.execute("PRAGMA foreign_keys = ON")
            if broken:
                raise SaidError(
                    "snapshot_broken_references", server=address.display(), count=str(len(broken))
                )
            with snapshot.connect() as target:
                rows = server_tables.compare(source, target, server_tables.plan())
            source.rollback()
        snapshot.dispose()
        snapshot = None
        _as_one_file(partial)
        partial.replace(out)
    except BaseException as exc:
        if snapshot is not None:
            snapshot.dispose()
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if _disk_full(exc):  # the snapshot's disk, not the desk's (which is the server)
            raise SaidError("snapshot_disk_full", folder=str(out.parent)) from None
        raise
    finally:
        server.dispose()
    log.info("Exported a team desk of %d rows to a snapshot", sum(rows.values()))
    return Moved(rows, time.perf_counter() - started)


def _as_one_file(path: Path) -> None:
    """Everything in the one file (no -wal beside it), so that it can be copied as it is."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
