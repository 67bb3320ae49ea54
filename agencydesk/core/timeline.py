"""One chronological story per client: tickets, conversation, guides sent, orders.

Each kind of event comes from a *source*: a function returning the newest events of that kind
for a client. A new kind plugs in with `register_source`; `client_timeline` merges them. The
sources of the desk's own tables live here, reading the tables directly, so that the services
(tickets, orders, …) never need to import the timeline nor the timeline them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, TypeVarTuple

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.message_notes import Note, note_of
from agencydesk.core.models import (
    FollowUp,
    Guide,
    GuideSend,
    Message,
    Order,
    SavedReplySend,
    StatusChange,
    Ticket,
)


@dataclass(frozen=True)
class TimelineEvent:
    """Something that happened with a client. The GUI words it; the core only states it."""

    at: datetime
    kind: str  # "ticket_opened", "ticket_resolved", "message", "note", "media", "guide_sent", …
    subject: str  # the ticket or guide title, …
    body: str  # message text, when there is one
    from_me: bool
    ticket_id: int | None
    ref_id: int
    #: a message with no words of its own: what it stands for ("deleted", "photo", …)
    note: Note | None = None
    #: the person of a team desk who did it (None: the client, imported, or a solo desk)
    person_id: int | None = None


TimelineSource = Callable[[Session, int, datetime | None, int], list[TimelineEvent]]
_SOURCES: dict[str, TimelineSource] = {}


def register_source(name: str, source: TimelineSource) -> None:
    _SOURCES[name] = source


def client_timeline(
    *, session: Session, client_id: int, before: datetime | None = None, limit: int = 100
) -> list[TimelineEvent]:
    """The newest *limit* events (older than *before*, for paging), newest first."""
    events: list[TimelineEvent] = []
    for source in _SOURCES.values():
        events.extend(source(session, client_id, before, limit))
    events.sort(key=lambda event: (event.at, event.kind, event.ref_id), reverse=True)
    return events[:limit]


Columns = TypeVarTuple("Columns")


def _newest(
    statement: sa.Select[*Columns], at: Any, before: datetime | None, limit: int, *ties: Any
) -> sa.Select[*Columns]:
    """*statement* paged as every source pages: its *limit* newest rows by *at* (then by *ties*),
    only those older than *before* when given."""
    if before is not None:
        statement = statement.where(at < before)
    return statement.order_by(at.desc(), *ties).limit(limit)


def _ticket_events(kind: str, column_name: str, from_me: bool) -> TimelineSource:
    """The source of the tickets' *kind* events, which happen at the time in *column_name* (none
    while it is empty). Opening a ticket is the client's doing, resolving it ours (`from_me`)."""
    at_column = col(getattr(Ticket, column_name))

    def source(
        session: Session, client_id: int, before: datetime | None, limit: int
    ) -> list[TimelineEvent]:
        statement = sa.select(col(Ticket.id), col(Ticket.title), at_column).where(
            col(Ticket.client_id) == client_id, at_column.is_not(None)
        )
        statement = _newest(statement, at_column, before, limit)
        return [
            TimelineEvent(at, kind, title, "", from_me, ticket_id, ticket_id)
            for ticket_id, title, at in session.execute(statement).all()
        ]

    return source


def _messages(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    statement = (
        sa.select(
            col(Message.id),
            col(Message.sent_at),
            col(Message.kind),
            col(Message.body),
            col(Message.from_me),
            col(Message.ticket_id),
            sa.func.coalesce(col(Ticket.title), ""),
            col(Message.flags),
            col(Message.author_id),
        )
        .outerjoin(Ticket, col(Ticket.id) == col(Message.ticket_id))
        .where(col(Message.client_id) == client_id, col(Message.kind) != "system")
    )
    statement = _newest(statement, col(Message.sent_at), before, limit, col(Message.id).desc())
    rows = session.execute(statement).all()
    return [
        TimelineEvent(at, kind, subject, body, from_me, ticket_id, message_id, note_of(flags), who)
        for message_id, at, kind, body, from_me, ticket_id, subject, flags, who in rows
    ]


def _guides_sent(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    statement = (
        sa.select(
            col(GuideSend.id),
            col(GuideSend.sent_at),
            col(Guide.title),
            col(GuideSend.ticket_id),
            col(GuideSend.author_id),
        )
        .join(Guide, col(Guide.id) == col(GuideSend.guide_id))
        .where(col(GuideSend.client_id) == client_id)
    )
    statement = _newest(statement, col(GuideSend.sent_at), before, limit)
    return [
        TimelineEvent(at, "guide_sent", title, "", True, ticket_id, send_id, person_id=who)
        for send_id, at, title, ticket_id, who in session.execute(statement).all()
    ]


def _saved_replies_sent(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    """The saved replies that went out inside replies; the subject is "/name" as it was then."""
    statement = sa.select(
        col(SavedReplySend.id),
        col(SavedReplySend.sent_at),
        col(SavedReplySend.name),
        col(SavedReplySend.ticket_id),
        col(SavedReplySend.author_id),
    ).where(col(SavedReplySend.client_id) == client_id)
    statement = _newest(statement, col(SavedReplySend.sent_at), before, limit)
    return [
        TimelineEvent(
            at, "saved_reply_sent", f"/{name}", "", True, ticket_id, send_id, person_id=who
        )
        for send_id, at, name, ticket_id, who in session.execute(statement).all()
    ]


def _follow_ups(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    """A follow-up stands at the time it is (or was) due; the subject is its note. One still to
    come is the newest thing in the story: what happens next."""
    statement = sa.select(
        col(FollowUp.id),
        col(FollowUp.due_at),
        col(FollowUp.note),
        col(FollowUp.done_at).is_not(None),
        col(FollowUp.ticket_id),
        col(FollowUp.author_id),
    ).where(col(FollowUp.client_id) == client_id)
    statement = _newest(statement, col(FollowUp.due_at), before, limit)
    return [
        TimelineEvent(
            at,
            "follow_up_done" if done else "follow_up",
            note,
            "",
            True,
            ticket_id,
            row_id,
            person_id=who,
        )
        for row_id, at, note, done, ticket_id, who in session.execute(statement).all()
    ]


#: order timeline kind → (date column, from_me): we quote; the client accepts and pays
_ORDER_KINDS: dict[str, tuple[str, bool]] = {
    "order_quoted": ("quoted_on", True),
    "order_won": ("won_on", False),
    "order_paid": ("paid_on", False),
}


def _day_start(day: date) -> datetime:
    """Order events happen on a day, not at a time: `at` is 00:00 UTC of that day."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _order_events(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    """Quoted, won and paid events of a client's orders.

    `subject` is the title and `body` the raw amount and currency, ``"4500000 IDR"``: the GUI
    formats it ("Rp 4.500.000"). `at` is 00:00 UTC of the day (show only the date).
    """
    events: list[TimelineEvent] = []
    for kind, (column_name, from_me) in _ORDER_KINDS.items():
        day_column = getattr(Order, column_name)
        statement = sa.select(
            col(Order.id),
            col(Order.title),
            col(Order.amount),
            col(Order.currency),
            col(Order.ticket_id),
            day_column,
        ).where(col(Order.client_id) == client_id, day_column.is_not(None))
        if before is not None:
            statement = statement.where(day_column <= before.astimezone(UTC).date())
        statement = statement.order_by(day_column.desc(), col(Order.id).desc()).limit(limit)
        for order_id, title, amount, currency, ticket_id, day in session.execute(statement).all():
            at = _day_start(day)
            if before is not None and at >= before:
                continue
            events.append(
                TimelineEvent(at, kind, title, f"{amount} {currency}", from_me, ticket_id, order_id)
            )
    return events


def _status_changes(
    session: Session, client_id: int, before: datetime | None, limit: int
) -> list[TimelineEvent]:
    """Status changes someone of a team desk made: "Sari set Waiting on client". `body` is the
    new status. Those without a person (a solo desk) are left out: there the resolved event says
    it all, as it always has."""
    statement = (
        sa.select(
            col(StatusChange.id),
            col(StatusChange.at),
            col(Ticket.title),
            col(StatusChange.new_status),
            col(StatusChange.ticket_id),
            col(StatusChange.person_id),
        )
        .join(Ticket, col(Ticket.id) == col(StatusChange.ticket_id))
        .where(col(Ticket.client_id) == client_id, col(StatusChange.person_id).is_not(None))
    )
    statement = _newest(statement, col(StatusChange.at), before, limit)
    return [
        TimelineEvent(at, "status_changed", title, status, True, ticket_id, change_id, None, who)
        for change_id, at, title, status, ticket_id, who in session.execute(statement).all()
    ]


register_source("tickets_opened", _ticket_events("ticket_opened", "created_at", from_me=False))
register_source("tickets_resolved", _ticket_events("ticket_resolved", "resolved_at", from_me=True))
register_source("messages", _messages)
register_source("guides_sent", _guides_sent)
register_source("saved_replies_sent", _saved_replies_sent)
register_source("follow_ups", _follow_ups)
register_source("orders", _order_events)
register_source("status_changes", _status_changes)
