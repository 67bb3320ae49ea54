"""Reply drafts: what is being written on a ticket and not added yet, one per ticket.

A draft belongs to its ticket: another ticket's reply box never shows it, it is kept across
restarts (and in backups), and it goes when it is added, erased, or its ticket is deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.models import Client, MessageKind, Ticket, TicketDraft, utcnow


@dataclass(frozen=True)
class Draft:
    """A ticket's draft (no ORM object): the text and who the line will be from."""

    ticket_id: int
    body: str
    from_me: bool = True
    kind: str = MessageKind.MESSAGE.value


@dataclass(frozen=True)
class KeptDraft:
    """Where a draft waits: its ticket's title and client (for "kept as a draft" sentences)."""

    ticket_id: int
    ticket_title: str
    client_name: str


def save_draft(*, session: Session, draft: Draft) -> None:
    """Keep *draft* for its ticket (replacing the one before); blank text erases it. A ticket
    deleted meanwhile keeps nothing."""
    row = session.get(TicketDraft, draft.ticket_id)
    if not draft.body.strip():
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        if session.get(Ticket, draft.ticket_id) is None:
            return
        row = TicketDraft(ticket_id=draft.ticket_id)
    row.body = draft.body
    row.from_me = draft.from_me
    row.kind = draft.kind
    row.updated_at = utcnow()
    session.add(row)
    session.flush()


def get_draft(*, session: Session, ticket_id: int) -> Draft | None:
    row = session.get(TicketDraft, ticket_id)
    if row is None:
        return None
    return Draft(ticket_id, row.body, row.from_me, row.kind)


def kept_drafts(*, session: Session, ticket_ids: Iterable[int] | None = None) -> list[KeptDraft]:
    """The tickets that have a draft (of *ticket_ids* only, if given), newest draft first."""
    statement = (
        sa.select(col(TicketDraft.ticket_id), col(Ticket.title), col(Client.name))
        .join(Ticket, col(Ticket.id) == col(TicketDraft.ticket_id))
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .order_by(col(TicketDraft.updated_at).desc(), col(TicketDraft.ticket_id))
    )
    if ticket_ids is not None:
        statement = statement.where(col(TicketDraft.ticket_id).in_(list(ticket_ids)))
    return [KeptDraft(*row) for row in session.execute(statement).all()]
