"""Which messages of an export are new, and which were imported before (an overlapping export).

A message is known when its fingerprint is in the database already; the ticket it went to then
lets a later part of the same conversation join that ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from agencydesk.core.importers import ChatMessage

from .identity import Fingerprints, chat_key_for, fingerprints
from .progress import Tick

#: fingerprints looked up per query (and rows inserted per statement)
CHUNK = 5_000


@dataclass(frozen=True)
class MessagePlan:
    #: the fingerprint of every message of the export, in export order
    prints: Fingerprints
    #: fingerprint → ticket id (or None) of the messages imported before
    known: dict[bytes, int | None]
    #: the positions of the new messages in the export, in order (a range when all are new)
    new_index: Sequence[int]


def plan_messages(
    session: Session, client_id: int, messages: Sequence[ChatMessage], tick: Tick
) -> MessagePlan:
    """Fingerprint the export and look up which messages the client's history already has."""
    prints = fingerprints(chat_key_for(client_id), messages)
    known: dict[bytes, int | None] = {}
    if not _has_imported(session, client_id):  # fingerprints include the client: none can match
        tick(len(prints))
        prints_to_check: Sequence[bytes] = ()
    else:
        prints_to_check = prints
    for start in range(0, len(prints_to_check), CHUNK):
        known.update(_known(session, prints[start : start + CHUNK]))
        tick(min(CHUNK, len(prints) - start))
    if not known:  # a first import: no list of a million positions
        return MessagePlan(prints, known, range(len(prints)))
    new_index = [i for i, f in enumerate(prints) if f not in known]
    return MessagePlan(prints, known, new_index)


def _known(session: Session, prints: Sequence[bytes]) -> dict[bytes, int | None]:
    """fingerprint → ticket id of the messages already in the database."""
    out: dict[bytes, int | None] = {}
    conn = session.connection()
    mark = _mark(session)
    for start in range(0, len(prints), CHUNK):
        chunk = prints[start : start + CHUNK]
        marks = ",".join([mark] * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT fingerprint, ticket_id FROM message WHERE fingerprint IN ({marks})",
            tuple(chunk),
        ).all()
        out.update((bytes(f), t) for f, t in rows)
    return out


def _mark(session: Session) -> str:
    """The driver's placeholder: ``?`` for sqlite3, ``%s`` for psycopg."""
    return "?" if session.connection().dialect.paramstyle == "qmark" else "%s"


def _has_imported(session: Session, client_id: int) -> bool:
    row = session.connection().exec_driver_sql(
        f"SELECT 1 FROM message WHERE client_id = {_mark(session)} AND fingerprint IS NOT NULL "
        "LIMIT 1",
        (client_id,),
    )
    return row.first() is not None
