"""Follow-ups: "remind me Thursday". A client, or one of their tickets or orders, to come back to
at a day and time, with the note why ("ask for the second payment on the 15th").

Until it is due, the ticket (or, for a follow-up on the client alone, the client) stays off
Today's lists; from then on the follow-up itself is on top of Today with its note, until it is
marked done or put off again. One open follow-up per ticket, order or client: setting another
moves the one there is (a snooze is a follow-up set again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import versions
from agencydesk.core.edits import check_belongs, get_row, one_line
from agencydesk.core.errors import SaidError, ValidationError
from agencydesk.core.models import Client, FollowUp, Order, Ticket, utcnow

MAX_NOTE = 500
_MISSING = "gone_follow_up"  # a SaidError kind

#: English text for the error codes this module raises (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "note_too_long": f"Keep the note under {MAX_NOTE} characters.",
    "due_naive": "Give the day and time with its time zone.",
}


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    client_id: int
    client_name: str
    ticket_id: int | None
    ticket_title: str | None
    order_id: int | None
    order_title: str | None
    due_at: datetime
    note: str
    version: int

    @property
    def subject(self) -> str:
        """What it is about: the ticket's or order's title, else the client's name."""
        return self.ticket_title or self.order_title or self.client_name


def _rows(session: Session, *where: sa.ColumnElement[bool]) -> list[FollowUpRow]:
    statement = (
        sa.select(
            col(FollowUp.id),
            col(FollowUp.client_id),
            col(Client.name),
            col(FollowUp.ticket_id),
            col(Ticket.title),
            col(FollowUp.order_id),
            col(Order.title),
            col(FollowUp.due_at),
            col(FollowUp.note),
            col(FollowUp.version),
        )
        .join(Client, col(Client.id) == col(FollowUp.client_id))
        .outerjoin(Ticket, col(Ticket.id) == col(FollowUp.ticket_id))
        .outerjoin(Order, col(Order.id) == col(FollowUp.order_id))
        .where(col(FollowUp.done_at).is_(None), col(Client.deleted_at).is_(None), *where)
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
    )
    return [FollowUpRow(*row) for row in session.execute(statement).all()]


def _clean(due_at: datetime, note: str) -> str:
    errors: dict[str, str] = {}
    note = one_line(note)
    if len(note) > MAX_NOTE:
        errors["note"] = "note_too_long"
    if due_at.tzinfo is None:
        errors["due_at"] = "due_naive"
    if errors:
        raise ValidationError(errors)
    return note


def set_follow_up(
    *,
    session: Session,
    client_id: int,
    due_at: datetime,
    note: str = "",
    ticket_id: int | None = None,
    order_id: int | None = None,
) -> FollowUpRow:
    """Come back to the client (or their ticket or order) at *due_at*. The open follow-up of the
    same ticket, order or client, if there is one, is moved instead of a second being made."""
    note = _clean(due_at, note)
    check_belongs(session, client_id, ticket_id, order_id)
    statement = sa.select(FollowUp).where(
        col(FollowUp.client_id) == client_id,
        col(FollowUp.done_at).is_(None),
        col(FollowUp.ticket_id).is_(None)
        if ticket_id is None
        else col(FollowUp.ticket_id) == ticket_id,
        col(FollowUp.order_id).is_(None)
        if order_id is None
        else col(FollowUp.order_id) == order_id,
    )
    follow_up = session.execute(statement.limit(1)).scalars().first()
    if follow_up is None:
        follow_up = FollowUp(
            client_id=client_id, ticket_id=ticket_id, order_id=order_id, due_at=due_at, note=note
        )
        session.add(follow_up)
    else:
        follow_up.due_at, follow_up.note = due_at, note or follow_up.note
    session.flush()
    assert follow_up.id is not None
    return get_follow_up(session=session, follow_up_id=follow_up.id)


def get_follow_up(*, session: Session, follow_up_id: int) -> FollowUpRow:
    found = _rows(session, col(FollowUp.id) == follow_up_id)
    if not found:
        raise SaidError(_MISSING)
    return found[0]


def put_off(
    *, session: Session, follow_up_id: int, due_at: datetime, seen_version: int | None = None
) -> FollowUpRow:
    """Come back to it later, at *due_at* (the note stays). *seen_version* as in
    `clients.update_client`: put off on another desk meanwhile, to another time, is a conflict."""
    _clean(due_at, "")
    follow_up = get_row(session, FollowUp, follow_up_id, _MISSING)
    if follow_up.done_at is not None:
        raise SaidError("follow_up_done_meanwhile")
    versions.check_seen(
        follow_up, seen_version, {"due_at": due_at}, what="follow-up", row_id=follow_up_id
    )
    follow_up.due_at = due_at
    session.flush()
    return get_follow_up(session=session, follow_up_id=follow_up_id)


def mark_done(*, session: Session, follow_up_id: int) -> None:
    """Done: it leaves Today. Marking it done twice (two desks at once) is no mistake."""
    follow_up = get_row(session, FollowUp, follow_up_id, _MISSING)
    if follow_up.done_at is None:
        follow_up.done_at = utcnow()
        session.flush()


def due(
    *, session: Session, now: datetime | None = None, person_id: int | None = None
) -> list[FollowUpRow]:
    """The open follow-ups whose time has come, the longest due first; with *person_id*, only
    those that person set."""
    where = [col(FollowUp.due_at) <= (now or utcnow())]
    if person_id is not None:
        where.append(col(FollowUp.author_id) == person_id)
    return _rows(session, *where)


def open_follow_ups(*, session: Session, client_id: int | None = None) -> list[FollowUpRow]:
    """Every open follow-up (of one client), the soonest first."""
    return _rows(session, *([] if client_id is None else [col(FollowUp.client_id) == client_id]))


@dataclass(frozen=True)
class Snoozed:
    """What stays off Today for now: tickets with a follow-up still to come, and clients with a
    follow-up of their own (not about a ticket or an order) still to come."""

    ticket_ids: frozenset[int]
    client_ids: frozenset[int]


def snoozed(*, session: Session, now: datetime | None = None) -> Snoozed:
    statement = sa.select(
        col(FollowUp.ticket_id), col(FollowUp.order_id), col(FollowUp.client_id)
    ).where(col(FollowUp.done_at).is_(None), col(FollowUp.due_at) > (now or utcnow()))
    tickets: set[int] = set()
    clients: set[int] = set()
    for ticket_id, order_id, client_id in session.execute(statement).all():
        if ticket_id is not None:
            tickets.add(ticket_id)
        elif order_id is None:
            clients.add(client_id)
    return Snoozed(frozenset(tickets), frozenset(clients))
