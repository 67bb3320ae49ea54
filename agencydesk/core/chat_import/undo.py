"""Taking an import back out: the chat went to the wrong client, or was the wrong chat.

An import is a few thousand messages and a ticket per conversation; deleting the tickets one by
one left the messages in the client's history for good. `undo_import` removes what the import
added, as its `ImportResult` names it: its messages (the ids it gave them, its source, the
client), the tickets and the clients it created, the first responses it set (each is then
read again from what its ticket still holds). What was added
to them since is the person's own work and stays: a ticket that holds a reply or time written
after the import is kept (without the import's messages), and so is a client something else
names now. The media files no message names any longer are given back for the caller to remove
once the transaction is committed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col

from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Message, MessageKind, Ticket
from agencydesk.core.soft_delete import soft_delete

from .importing import ImportResult
from .planning import CHUNK

log = logging.getLogger(__name__)
_TICKETS = SQLModel.metadata.tables["ticket"]
_CLIENTS = SQLModel.metadata.tables["client"]


@dataclass(frozen=True)
class UndoneImport:
    messages: int
    #: tickets the import created and that went with it
    tickets: int
    #: tickets the import created that were worked on since: kept, without its messages
    kept_tickets: tuple[int, ...]
    #: clients the import created and that went with it (into the trash)
    clients: int
    #: media files, relative to the data folder, that no message names any more
    media_files: tuple[str, ...]


def undo_import(session: Session, result: ImportResult) -> UndoneImport:
    """Take the import *result* back out, in the caller's transaction (see the module)."""
    first, last = result.message_ids
    imported = sa.and_(
        col(Message.client_id) == result.client_id,
        col(Message.id) > first,
        col(Message.id) <= last,
        col(Message.source) == result.source,
        col(Message.fingerprint).is_not(None),
    )
    media: set[str] = set(
        filter(None, session.scalars(sa.select(col(Message.media_file)).where(imported)))
    )
    removed = session.execute(
        sa.delete(Message).where(imported).execution_options(synchronize_session=False)
    )
    count = int(getattr(removed, "rowcount", 0) or 0)
    session.expire_all()

    # each check below is a query per table (or per chunk of ids), not per row: a chat
    # split at gaps makes hundreds of tickets, a zip thousands of photos
    made_tickets = {
        t.id: t
        for t in session.scalars(
            sa.select(Ticket).where(col(Ticket.id).in_(result.created_ticket_ids))
        )
    }  # those deleted since are not there to delete
    existing = [ticket_id for ticket_id in made_tickets if ticket_id is not None]
    # its status history alone is no work of anybody's to keep: it goes with it
    worked_on = _named(session, _TICKETS, existing, ignoring="status_change")
    kept = sorted(worked_on)
    for ticket_id in existing:
        if ticket_id not in worked_on:
            session.delete(made_tickets[ticket_id])
    session.flush()
    # as `tickets.add_message` sets it, from what the ticket holds now (None: nothing)
    responded: dict[int | None, datetime | None] = dict(
        session.execute(
            sa.select(col(Message.ticket_id), sa.func.min(col(Message.sent_at)))
            .where(
                col(Message.ticket_id).in_(result.first_responses_set),
                col(Message.from_me),
                col(Message.kind) != MessageKind.NOTE.value,
            )
            .group_by(col(Message.ticket_id))
        ).all()
    )
    for ticket in session.scalars(
        sa.select(Ticket).where(col(Ticket.id).in_(result.first_responses_set))
    ):
        ticket.first_response_at = responded.get(ticket.id)
    session.flush()

    made = [
        c
        for c in session.scalars(
            sa.select(Client).where(col(Client.id).in_(result.created_client_ids))
        )
        if c.deleted_at is None and c.id is not None
    ]
    named = _named(session, _CLIENTS, [c.id for c in made if c.id is not None])
    clients = 0
    for client in made:
        if client.id not in named:
            soft_delete(session, client)  # to the trash, as a client deleted by hand
            clients += 1

    still = _media_named(session, sorted(media))
    gone = tuple(sorted(media - still))
    return UndoneImport(count, len(existing) - len(kept), tuple(kept), clients, gone)


def _named(
    session: Session, table: sa.Table, row_ids: Sequence[int], ignoring: str = ""
) -> set[int]:
    """Which of the rows *row_ids* of *table* another row names (by the tables' own foreign
    keys, so a table added later counts too), in any table but *ignoring*."""
    found: set[int] = set()
    for other in SQLModel.metadata.sorted_tables:
        if other.name == ignoring:
            continue
        for key in other.foreign_keys:
            if key.column.table is not table:
                continue
            for start in range(0, len(row_ids), CHUNK):
                chunk = row_ids[start : start + CHUNK]
                found.update(
                    session.scalars(sa.select(key.parent).where(key.parent.in_(chunk)).distinct())
                )
    return found


def _media_named(session: Session, paths: Sequence[str]) -> set[str]:
    """Which of the media files *paths* a message still names."""
    found: set[str] = set()
    for start in range(0, len(paths), CHUNK):
        chunk = paths[start : start + CHUNK]
        found.update(
            session.scalars(
                sa.select(col(Message.media_file)).where(col(Message.media_file).in_(chunk))
            )
        )
    return found


def remove_media_files(data_dir: Path, paths: tuple[str, ...]) -> list[str]:
    """After the commit: remove the files *paths* (relative to *data_dir*); the ones that could
    not be removed (kept, and logged: nothing names them, they only take room)."""
    left: list[str] = []
    for path in paths:
        try:
            (data_dir / path).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("the undone import's file %s stays: %s", path, exc)
            left.append(path)
    return left


def undo_import_with_media(
    engine: Engine, result: ImportResult, data_dir: Path | None
) -> UndoneImport:
    """`undo_import` in a transaction of its own, then the media files it frees removed from
    *data_dir*."""
    with session_scope(engine) as session:
        undone = undo_import(session, result)
    if data_dir is not None:
        remove_media_files(data_dir, undone.media_files)
    return undone
