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
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col

from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Message, MessageKind, Ticket
from agencydesk.core.soft_delete import soft_delete

from .importing import ImportResult

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

    tickets, kept = 0, []
    for ticket_id in result.created_ticket_ids:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            continue  # deleted since
        # its status history alone is no work of anybody's to keep: it goes with it
        if _named_by_others(session, _TICKETS, ticket_id, ignoring="status_change"):
            kept.append(ticket_id)
        else:
            session.delete(ticket)
            tickets += 1
    session.flush()
    for ticket_id in result.first_responses_set:
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:  # as `tickets.add_message` sets it, from what the ticket holds
            ticket.first_response_at = session.execute(
                sa.select(sa.func.min(col(Message.sent_at))).where(
                    col(Message.ticket_id) == ticket_id,
                    col(Message.from_me),
                    col(Message.kind) != MessageKind.NOTE.value,
                )
            ).scalar()
    session.flush()

    clients = 0
    for client_id in result.created_client_ids:
        client = session.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            continue
        if not _named_by_others(session, _CLIENTS, client_id):
            soft_delete(session, client)  # to the trash, as a client deleted by hand
            clients += 1

    gone = tuple(sorted(path for path in media if not _still_named(session, path)))
    return UndoneImport(count, tickets, tuple(kept), clients, gone)


def _named_by_others(session: Session, table: sa.Table, row_id: int, ignoring: str = "") -> bool:
    """Whether another row names the row *row_id* of *table* (by the tables' own foreign keys,
    so a table added later counts too), in a table but *ignoring*."""
    for other in SQLModel.metadata.sorted_tables:
        if other.name == ignoring:
            continue
        for key in other.foreign_keys:
            if key.column.table is table:
                found = session.execute(
                    sa.select(sa.literal(1)).where(key.parent == row_id).limit(1)
                ).first()
                if found is not None:
                    return True
    return False


def _still_named(session: Session, path: str) -> bool:
    found = session.execute(
        sa.select(sa.literal(1)).where(col(Message.media_file) == path).limit(1)
    ).first()
    return found is not None


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
