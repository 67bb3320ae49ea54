"""Numbers people keep on paper (receipt numbers): handed out one at a time, never twice.

The counter is a row of `number_sequence`, raised by one UPDATE inside the caller's transaction:
on PostgreSQL a second desk's UPDATE waits for the first to commit and then sees its number, on
SQLite the write transaction holds the file. If the transaction rolls back, so does the number,
so there are no gaps from failed saves either.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

_CREATE = sa.text(
    "INSERT INTO number_sequence (name, last_number) VALUES (:name, 0) "
    "ON CONFLICT (name) DO NOTHING"
)
_NEXT = sa.text(
    "UPDATE number_sequence SET last_number = last_number + 1 WHERE name = :name "
    "RETURNING last_number"
)


def next_number(session: Session, name: str) -> int:
    """The next number of the counter *name* (1 for the first), taken in *session*'s
    transaction."""
    number = session.execute(_NEXT, {"name": name}).scalar_one_or_none()
    if number is None:  # its first use (a second desk doing the same waits, then does nothing)
        session.execute(_CREATE, {"name": name})
        number = session.execute(_NEXT, {"name": name}).scalar_one()
    return int(number)
