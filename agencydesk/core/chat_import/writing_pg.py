"""Writing the message rows on PostgreSQL: one ``COPY`` (psycopg 3's ``cursor.copy``).

The rows stream to the server in PostgreSQL's COPY format, no statement per row, each with its
search column made here (`search_pg_schema.message_vector`: parsing a million texts was half the
server's time); the server fills the few this leaves empty (non-ASCII texts) in one UPDATE after
the COPY, in the same statement (`search_pg_schema.MessageVectors`).
COPY runs in the caller's transaction: a row the server refuses (a fingerprint imported
meanwhile by another desk, a deleted ticket) fails the whole COPY, and the caller's rollback leaves
nothing of the import, as on SQLite. So does a connection lost mid-COPY: the server rolls the
transaction back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import psycopg
from sqlmodel import Session

from agencydesk.core.errors import UserError
from agencydesk.core.search_pg_schema import message_vector

from .rows import COLUMNS

CHANGED_MEANWHILE = (
    "Another desk imported or changed these messages while this import ran, so nothing was "
    "saved. Import the chat again: only what is still new is added."
)
LOST_MIDWAY = (
    "The connection to the server was lost during the import, so nothing was saved. Import the "
    "chat again once the server can be reached."
)
COPY_SQL = f"COPY message ({', '.join(COLUMNS)}, search_vector) FROM STDIN"
_BODY, _SENDER = COLUMNS.index("body"), COLUMNS.index("sender")


def copy_messages(
    session: Session, chunks: Iterable[list[tuple[Any, ...]]], chunk_done: Callable[[int], None]
) -> None:
    """Write the rows (`rows.COLUMNS`) of *chunks* with COPY, calling *chunk_done(n)* after
    every chunk of *n* rows."""
    connection = session.connection()
    driver = connection.connection.driver_connection  # the psycopg connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(COPY_SQL) as copy:
            write_row = copy.write_row
            for chunk in chunks:
                for row in chunk:
                    write_row((*row, message_vector(row[_BODY], row[_SENDER])))
                chunk_done(len(chunk))
    except psycopg.errors.IntegrityError as exc:
        # Checked before writing, so another desk got there meanwhile.
        raise UserError(CHANGED_MEANWHILE) from exc
    except psycopg.OperationalError as exc:
        # The server went away mid-COPY (its error quotes the row it was reading: a message).
        # The error comes from the driver, past SQLAlchemy: tell the pool the connection is
        # dead, so the next unit of work gets a new one.
        connection.invalidate(exc)
        raise UserError(LOST_MIDWAY) from exc
