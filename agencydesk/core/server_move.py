"""`agencydesk server move`: a solo desk (a SQLite file) into an empty team server database, and
restoring a snapshot (`server export`) over a team desk.

All in one PostgreSQL transaction: the migrations (if the database is still empty), every table
by COPY with its ids, the references that go round in a circle, the id sequences set past the
highest id, then every table's row count and checksum compared with the desk's. Anything failing
rolls it all back: the server database is left exactly as it was.

The rows are read from SQLite as stored (text dates, 0/1 booleans), which PostgreSQL's COPY
reads as they are; the comparison afterwards reads both sides through the column types.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from agencydesk.core import migrate, server_tables, trash
from agencydesk.core.db import make_engine, sqlite_url
from agencydesk.core.errors import SaidError, UserError
from agencydesk.core.server_address import parse
from agencydesk.core.server_init import refuse_foreign_database
from agencydesk.core.server_tables import TablePlan

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Moved:
    rows: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _copy_error(item: TablePlan, exc: BaseException, row: Any) -> SaidError:
    """A row PostgreSQL does not take (SQLite is lenient: a name longer than its column, a NUL
    character in a text) as a sentence naming the table and the row."""
    cause = getattr(exc, "orig", None) or exc
    diag = getattr(cause, "diag", None)
    primary = getattr(diag, "message_primary", None) or str(cause).splitlines()[0]
    context = getattr(diag, "context", None) or ""
    found = re.search(r"\bline (\d+)\b", context)
    said = {"table": item.name, "problem": primary.rstrip("."), "columns": "/".join(item.key)}
    if found is not None:  # the server refused it: COPY counts the rows it read
        return SaidError("row_not_stored_line", line=found.group(1), **said)
    if row is not None:  # psycopg could not send it: the row being written
        key = ", ".join(str(row[item.columns.index(k)]) for k in item.key)
        return SaidError("row_not_stored_key", key=key, **said)
    del said["columns"]
    return SaidError("row_not_stored", **said)


def _copy_table(source: Any, target: Any, item: TablePlan) -> int:
    """COPY every row of *item* from the sqlite3 connection *source* into the psycopg one."""
    names = ", ".join("NULL" if column in item.later else f'"{column}"' for column in item.columns)
    order = ", ".join(f'"{column}"' for column in item.key)
    quoted = ", ".join(f'"{column}"' for column in item.columns)
    rows = 0
    row = None
    reader = source.execute(f'SELECT {names} FROM "{item.name}" ORDER BY {order}')
    try:
        with (
            target.cursor() as cursor,
            cursor.copy(f'COPY "{item.name}" ({quoted}) FROM STDIN') as copy,
        ):
            while batch := reader.fetchmany(5000):
                for row in batch:
                    copy.write_row(row)
                rows += len(batch)
            row = None  # what fails from here on is the server's verdict on the whole COPY
    except Exception as exc:
        if type(exc).__module__.startswith("psycopg"):
            raise _copy_error(item, exc, row) from exc
        raise
    return rows


def _fill_later(source: Any, target: Any, item: TablePlan) -> None:
    """Set the references copied as NULL, now that the rows they name are in."""
    key = item.key[0]
    for column in item.later:
        values = source.execute(
            f'SELECT "{column}", "{key}" FROM "{item.name}" WHERE "{column}" IS NOT NULL'
        ).fetchall()
        if values:
            with target.cursor() as cursor:
                cursor.executemany(
                    f'UPDATE "{item.name}" SET "{column}" = %s WHERE "{key}" = %s', values
                )


def _set_sequences(connection: Connection, plans: list[TablePlan]) -> None:
    """Each id sequence past the highest id copied, and past the tickets and orders in the
    trash, so the next new row gets a number never given."""
    for item in plans:
        if len(item.key) != 1:
            continue
        key = item.key[0]
        sequence = connection.exec_driver_sql(
            "SELECT pg_get_serial_sequence(%(table)s, %(column)s)",
            {"table": f'"{item.name}"', "column": key},
        ).scalar()
        if sequence is not None:
            connection.exec_driver_sql(
                f'SELECT setval(%(sequence)s, greatest(max("{key}"), %(trashed)s, 0) + 1, false)'
                f' FROM "{item.name}"',
                {"sequence": sequence, "trashed": trash.highest_trashed(connection, item.name)},
            )


def copy_desk(
    source_engine: Engine, connection: Connection, progress: Progress | None = None
) -> dict[str, int]:
    """Copy every table of the SQLite desk into the (empty, migrated) PostgreSQL *connection*'s
    transaction and compare; returns {table: rows}. The caller commits or rolls back."""
    plans = server_tables.plan()
    target = connection.connection.driver_connection
    raw = source_engine.raw_connection()
    try:
        source = raw.driver_connection
        assert source is not None
        for item in plans:
            copied = _copy_table(source, target, item)
            if progress is not None:
                progress(item.name, copied)
        for item in plans:
            _fill_later(source, target, item)
    finally:
        raw.close()
    _set_sequences(connection, plans)
    with source_engine.connect() as source_connection:
        return server_tables.compare(source_connection, connection, plans)


def refuse_data(connection: Connection, database: str) -> None:
    """A target that holds any row of a desk is refused: a move never mixes two desks."""
    counts = server_tables.rows_in(connection, server_tables.plan())
    if counts:
        held = ", ".join(f"{table}: {rows}" for table, rows in sorted(counts.items())[:4])
        raise SaidError("move_target_has_data", database=database, held=held)


def move_to_server(db_path: Path, url: str, progress: Progress | None = None) -> Moved:
    """Copy the SQLite desk *db_path* into the empty server database *url*; all or nothing."""
    started = time.perf_counter()
    address, _password = parse(url)
    source = migrate.open_database(sqlite_url(db_path), read_only_ok=True)
    target = make_engine(url)
    try:
        with target.begin() as connection:
            refuse_foreign_database(connection, address.database)
            refuse_data(connection, address.database)
            migrate.upgrade_connection(connection)
            rows = copy_desk(source, connection, progress)
            _analyze(connection)
    except sa.exc.DBAPIError as exc:
        if isinstance(exc, sa.exc.ProgrammingError):
            raise UserError(
                f"The server refused the copy into {address.display()}: "
                f"{str(exc.orig).strip()}. Nothing was copied."
            ) from exc
        raise
    finally:
        source.dispose()
        target.dispose()
    log.info("Moved a desk of %d rows to a server database", sum(rows.values()))
    return Moved(rows, time.perf_counter() - started)


def restore_snapshot(snapshot: Path, url: str, progress: Progress | None = None) -> Moved:
    """Replace every row of the team desk *url* with those of the snapshot file *snapshot*
    (a `server export`), in one transaction. Works as the desks' role (rows only)."""
    started = time.perf_counter()
    from agencydesk.core.schema_version import HEAD_REVISION, sqlite_file_revision

    revision = sqlite_file_revision(snapshot)
    if revision is None:
        raise SaidError("not_a_snapshot", path=str(snapshot))
    if revision != HEAD_REVISION:
        raise SaidError("snapshot_other_version", path=str(snapshot), schema=revision)
    source = migrate.open_database(sqlite_url(snapshot), read_only_ok=True)
    target = make_engine(url)
    try:
        with target.begin() as connection:
            migrate.upgrade_connection(connection)  # refuses an older or newer server schema
            plans = server_tables.plan()
            for item in reversed(plans):  # who names a row goes before it
                connection.execute(sa.delete(item.table))
            rows = copy_desk(source, connection, progress)
            _analyze(connection)
    finally:
        source.dispose()
        target.dispose()
    return Moved(rows, time.perf_counter() - started)


def _analyze(connection: Connection) -> None:
    """The planner's statistics of the rows just copied, in the same transaction. A table filled
    in bulk has none until autovacuum comes round (never, where it is off): the server then
    guessed a few clients where there were 10,000, and read 200 tickets by id in 36 ms instead of
    under one, joining them to every client once per ticket. Tables the desks' role does not own
    are passed over (a warning in the server's log, not an error)."""
    # on the driver's own cursor: the copy's connection streams its results through named
    # cursors, which only a query can be
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute("ANALYZE")
