"""Writing the message rows: plain chunked INSERTs, and for a big import the search index and
the secondary indexes built once after the rows instead of row by row.

Everything here runs inside the caller's transaction (DDL included: SQLite's DDL is
transactional), so a failure or Cancel rolls the triggers and indexes back with the rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core.errors import SaidError
from agencydesk.core.search_schema import CURRENT as SEARCH_SCHEMA

from .planning import CHUNK
from .rows import ALL_COLUMNS, COLUMNS, MessageRows

#: above this many new messages the FTS triggers are dropped and the index is filled in one go
BULK_FTS_THRESHOLD = 20_000
#: FTS5's default "automerge" (https://sqlite.org/fts5.html#the_automerge_configuration_option)
FTS_AUTOMERGE = 4
#: FTS5's default "hashsize" (the pending terms held in memory before a segment is written; an
#: option of SQLite's fts5_config.c), and the one of a bulk fill
FTS_HASHSIZE = 1024 * 1024
FTS_BULK_HASHSIZE = 32 * 1024 * 1024
#: SQLite's page cache, in KiB, while a big import goes into the indexes row by row
IMPORT_CACHE_KIB = 64 * 1024
#: rows a statement puts in the search index during a big import. SQLite 3.40's FTS5 writes a
#: segment at the end of each statement, and merges a level's segments whenever it holds 16
#: ("crisismerge"): a million messages indexed 5,000 at a time made 200 segments and as many
#: merges (2.9 s here), 100,000 at a time make 10 segments and no merge (2.0 s)
FTS_BATCH = 100_000
#: threads sorting the rows of an index built after a big import (this one and helpers)
SORT_THREADS = 2


def _insert_statement(constants: tuple[Any, ...]) -> str:
    """The INSERT of a row (`COLUMNS`), the *constants* (`CONSTANT_COLUMNS`) written in it."""
    written = ", ".join(_sql_literal(value) for value in constants)
    return (
        f"INSERT INTO message ({', '.join(ALL_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))}, {written})"
    )


def _sql_literal(value: int | str) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def insert_messages(session: Session, rows: MessageRows, chunk_done: Callable[[int], None]) -> None:
    """Insert the *rows*, a chunk at a time, calling *chunk_done(n)* after every chunk of *n*
    rows. The chunks are made as they are taken: no list of every row is held. On PostgreSQL
    the rows go in with COPY (`writing_pg`)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # imported here: psycopg is loaded for a team desk only (on the solo desk it took 9 MB
        # of memory and 11 ms of every import-chat command)
        from .writing_pg import copy_messages

        copy_messages(
            session, rows.chunks(CHUNK, native=True), rows.constants(native=True), chunk_done
        )
        return
    chunks, count = rows.chunks(CHUNK), len(rows)
    old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    last_id = last_message_id(conn)
    bulk_fts = count > BULK_FTS_THRESHOLD and _has_search_triggers(conn)
    rebuilt_indexes: list[str] = []
    if bulk_fts:
        # The search index is filled a chunk at a time instead of a trigger call per row.
        _execute(conn, SEARCH_SCHEMA.drop_triggers("message"))
    if count > BULK_FTS_THRESHOLD and count >= last_id:
        # The import at least doubles the table (the largest id: about how many messages there
        # are): the indexes are built once after the rows (a sort), not row by row. For the
        # unique fingerprint index that is most of the gain: fingerprints are random, so each
        # insert lands at a random place of it, and a big import went slower per message.
        rebuilt_indexes = _drop_indexes(conn, "message")
    elif count > CHUNK:
        # Into indexes that stay, a bigger page cache keeps the fingerprint index in memory.
        # Not when they are rebuilt: the usual cache builds them as fast, and a million
        # messages then took 100 MB less memory.
        conn.exec_driver_sql(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    if bulk_fts:
        _bulk_fts_settings(conn)
    insert = _insert_statement(rows.constants())
    _insert_chunks(
        conn,
        insert,
        chunks,
        chunk_done,
        index_after=last_id if bulk_fts else None,
        work_ahead=rows.work_ahead,
    )
    try:
        _build_indexes(conn, rebuilt_indexes)
    except sa.exc.IntegrityError as exc:
        # The unique index refuses a fingerprint twice, as inserting into it would have: the
        # caller's rollback leaves nothing of the import.
        raise SaidError("import_repeated") from exc
    if bulk_fts:
        _usual_fts_settings(conn)
        _execute(conn, SEARCH_SCHEMA.create_triggers("message"))
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache)}")


def _insert_chunks(
    conn: sa.Connection,
    insert: str,
    chunks: Iterable[list[tuple[Any, ...]]],
    chunk_done: Callable[[int], None],
    index_after: int | None,
    work_ahead: Callable[[], bool],
) -> None:
    """Insert the chunks; with *index_after* (the triggers are dropped) the rows are put in the
    search index `FTS_BATCH` at a time by a worker thread while this thread makes the next
    rows. SQLite lets go of the GIL while it runs a statement, so on two cores the search index
    costs little more than making the rows.

    The connection runs one statement at a time, so the next insert waits for the worker. This
    thread meanwhile calls *work_ahead* (the next messages' fingerprints) until it says there
    is none left: made rows held back instead took some 20 MB more for a million messages.
    Leaving (a Cancel too) waits for the worker."""
    driver = conn.connection.driver_connection
    indexed_up_to = index_after or 0
    with ThreadPoolExecutor(1, thread_name_prefix="agencydesk-search-index") as worker:
        indexing: Future[None] | None = None
        for chunk in chunks:  # the rows of this chunk were made while the worker indexed
            if indexing is not None:
                while not indexing.done() and work_ahead():
                    pass
                indexing.result()
                indexing = None
            conn.exec_driver_sql(insert, chunk)
            chunk_done(len(chunk))
            if index_after is not None:
                up_to = last_message_id(conn)
                if up_to - indexed_up_to >= FTS_BATCH:
                    indexing = worker.submit(_index_rows, driver, indexed_up_to, up_to)
                    indexed_up_to = up_to
        if indexing is not None:
            indexing.result()
        if index_after is not None:
            _index_rows(driver, indexed_up_to, last_message_id(conn))


def last_message_id(conn: sa.Connection) -> int:
    """The largest message id (0: none): the rows inserted after it get larger ones."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM message").scalar_one())


def _index_rows(driver: Any, after_id: int, up_to: int) -> None:
    """Put the messages with ids in (*after_id*, *up_to*] in the search index (worker thread)."""
    driver.execute(
        "INSERT INTO message_fts(rowid, body, sender) "
        "SELECT id, body, sender FROM message WHERE id > ? AND id <= ?",
        (after_id, up_to),
    ).close()


def _build_indexes(conn: sa.Connection, statements: list[str]) -> None:
    """Run the statements that build the dropped indexes, SQLite's sorter helped by a second
    thread where the machine has a second core (a million messages: 1.65 → 1.3–1.5 s)."""
    if not statements:
        return
    threads = int(conn.exec_driver_sql("PRAGMA threads").scalar_one())
    conn.exec_driver_sql(f"PRAGMA threads = {min(SORT_THREADS, os.cpu_count() or 1) - 1}")
    try:
        _execute(conn, statements)
    finally:
        conn.exec_driver_sql(f"PRAGMA threads = {threads}")


def _execute(conn: sa.Connection, statements: Any) -> None:
    for sql in statements:
        conn.exec_driver_sql(sql)


def _has_search_triggers(conn: sa.Connection) -> bool:
    """The message search table and its insert trigger exist (not on SQLite without FTS5)."""
    insert_trigger = SEARCH_SCHEMA.trigger_names("message")[0]
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name IN ('message_fts', ?)", (insert_trigger,)
    )
    return len({name for (name,) in rows}) == 2


def _bulk_fts_settings(conn: sa.Connection) -> None:
    # FTS5 merges its segments while it grows ("automerge"); during one big insert that work is
    # mostly redone, so it is paused and the usual setting restored afterwards. It also writes
    # its pending terms out as a new segment whenever they pass "hashsize" (1 MiB): with 32 MiB
    # far fewer segments are written and merged (a million messages: 4.0 s → 2.2 s here).
    _fts_config(conn, "automerge", 0)
    _fts_config(conn, "hashsize", FTS_BULK_HASHSIZE)


def _usual_fts_settings(conn: sa.Connection) -> None:
    _fts_config(conn, "hashsize", FTS_HASHSIZE)
    _fts_config(conn, "automerge", FTS_AUTOMERGE)


def _fts_config(conn: sa.Connection, key: str, value: int) -> None:
    """Set an FTS5 configuration option of the message index (kept in the database)."""
    try:
        conn.exec_driver_sql(
            "INSERT INTO message_fts(message_fts, rank) VALUES (?, ?)", (key, value)
        )
    except sa.exc.OperationalError:
        # an SQLite without the option: the statement alone fails, the import goes on as before
        if key == "automerge":
            raise


def _drop_indexes(conn: sa.Connection, table: str) -> list[str]:
    """Drop *table*'s explicitly created indexes (the unique fingerprint index too); returns the
    statements that re-create them, unique ones first: they check the rows."""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name",
        (table,),
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return sorted((sql for _name, sql in rows), key=lambda sql: "UNIQUE" not in sql)
