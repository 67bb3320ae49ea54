"""Writing the message rows on PostgreSQL: one binary ``COPY`` (psycopg 3's ``cursor.copy``).

The rows stream to the server in PostgreSQL's binary COPY format, no statement per row: each
value in its type's own form, so the server parses no text (two times, a number, a flag, a
hex fingerprint and the search column a row: a million messages spent a second more of the
server's time as text). Each row comes with its search column: made here for ASCII texts
(`search_pg_schema.message_vector`; parsing a million texts was much of the server's time), and
for the others by the server on a second connection, a chunk's at a time, as the rows are made
(a pure function of the text: nothing is written there). The server's statement trigger that
fills a missing vector after an insert (`search_pg_schema.MessageVectors`) has nothing to do
then: filling them afterwards rewrote each such row.
COPY runs in the caller's transaction: a row the server refuses (a fingerprint imported
meanwhile by another desk, a deleted ticket) fails the whole COPY, and the caller's rollback leaves
nothing of the import, as on SQLite. So does a connection lost mid-COPY: the server rolls the
transaction back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import psycopg
from psycopg.adapt import PyFormat
from sqlmodel import Session

from agencydesk.core.errors import SaidError
from agencydesk.core.search_pg_schema import MESSAGE_VECTORS_V1, message_vector

from .rows import ALL_COLUMNS, COLUMNS

_COPIED = (*ALL_COLUMNS, "search_vector")
COPY_SQL = f"COPY message ({', '.join(_COPIED)}) FROM STDIN (FORMAT binary)"
_BODY, _SENDER = COLUMNS.index("body"), COLUMNS.index("sender")
#: the types of the copied columns, in order (binary COPY needs each value in its column's type)
_COLUMN_TYPES = (
    "SELECT atttypid::int FROM unnest(%s::text[]) WITH ORDINALITY AS c(name, n) "
    "JOIN pg_attribute ON attrelid = 'message'::regclass AND attname = c.name ORDER BY c.n"
)
#: the types sent instead of the columns' own (type ids are fixed in every PostgreSQL): a search
#: column made here or by the server is already tsvector's binary form, which the bytea dumper
#: sends as it is; a time with zone has the binary form of one without (microseconds since 2000,
#: in UTC), so the naive UTC times of the rows go as they are (making each aware took 0.65 s a
#: million messages)
_SENT_AS = {3614: 17, 1184: 1114}
#: the server's vectors of texts, in order (fetched in binary form)
_SERVER_VECTORS = (
    f"SELECT {MESSAGE_VECTORS_V1.expression('t.body', 't.sender')} "
    "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(body, sender, n) ORDER BY t.n"
)


def _with_vectors(
    chunk: list[tuple[Any, ...]], constants: tuple[Any, ...], helper: Any
) -> list[tuple[Any, ...]]:
    """The rows of *chunk* with the *constants* and their search column; the texts
    `message_vector` leaves to the server are sent to it on *helper* (a psycopg connection) in
    one query, committed at once (no snapshot held while the import runs)."""
    vectors = [message_vector(row[_BODY], row[_SENDER]) for row in chunk]
    missing = [n for n, vector in enumerate(vectors) if vector is None]
    if missing:
        texts = ([chunk[n][_BODY] for n in missing], [chunk[n][_SENDER] for n in missing])
        with helper.cursor(binary=True) as cursor:
            found = cursor.execute(_SERVER_VECTORS, texts).fetchall()
        helper.commit()
        for n, (vector,) in zip(missing, found, strict=True):
            vectors[n] = vector
    return [(*row, *constants, vector) for row, vector in zip(chunk, vectors, strict=True)]


def copy_messages(
    session: Session,
    chunks: Iterable[list[tuple[Any, ...]]],
    constants: tuple[Any, ...],
    chunk_done: Callable[[int], None],
) -> None:
    """Write the rows (`rows.COLUMNS`, times as naive UTC datetimes) of *chunks*, each with the
    *constants* (`rows.CONSTANT_COLUMNS`), with COPY, calling *chunk_done(n)* after every chunk
    of *n* rows."""
    connection = session.connection()
    driver = connection.connection.driver_connection  # the psycopg connection
    assert driver is not None
    helper = connection.engine.raw_connection()  # for the server's vectors: reads only
    try:
        helper_driver = helper.driver_connection
        assert helper_driver is not None
        with driver.cursor() as cursor:
            types = [oid for (oid,) in cursor.execute(_COLUMN_TYPES, (list(_COPIED),))]
            # bytes as psycopg's compiled dumper sends them: by type id it finds the DB-API's
            # Binary dumper, a Python call per value (0.8 s a million messages, profiled)
            adapters = cursor.adapters  # this cursor's own
            adapters.register_dumper(bytes, adapters.get_dumper(bytes, PyFormat.BINARY))
            with cursor.copy(COPY_SQL) as copy:
                copy.set_types([_SENT_AS.get(oid, oid) for oid in types])
                _write(copy, chunks, constants, helper_driver, chunk_done)
    except psycopg.errors.IntegrityError as exc:
        # Checked before writing, so another desk got there meanwhile.
        raise SaidError("import_changed_meanwhile") from exc
    except psycopg.OperationalError as exc:
        # The server went away mid-COPY (its error quotes the row it was reading: a message).
        # The error comes from the driver, past SQLAlchemy: tell the pool the connection is
        # dead, so the next unit of work gets a new one.
        connection.invalidate(exc)
        helper.invalidate(exc)
        raise SaidError("import_lost_midway") from exc
    finally:
        helper.close()  # back to the pool (reset there), or closed when invalidated


def _write(
    copy: Any,
    chunks: Iterable[list[tuple[Any, ...]]],
    constants: tuple[Any, ...],
    helper: Any,
    done: Callable[[int], None],
) -> None:
    write_row = copy.write_row
    for chunk in chunks:
        for row in _with_vectors(chunk, constants, helper):
            write_row(row)
        done(len(chunk))
