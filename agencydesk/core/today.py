"""The Today page: what needs the freelancer now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import first_impression, follow_ups, tickets
from agencydesk.core.models import (
    ACTIVE_STATUSES,
    Client,
    Guide,
    GuideSend,
    Ticket,
    TicketStatus,
    utcnow,
)
from agencydesk.core.tickets import DueFilter, TicketFilters, TicketRow

ACTIVE = [status.value for status in ACTIVE_STATUSES]


@dataclass(frozen=True)
class WaitingClient:
    client_id: int
    client_name: str
    ticket_id: int
    ticket_title: str
    waiting_since: datetime
    tickets_waiting: int


@dataclass(frozen=True)
class FirstResponse:
    ticket_id: int
    ticket_title: str
    client_name: str
    opened_at: datetime
    answered_at: datetime | None

    def wait(self, now: datetime) -> timedelta:
        return (self.answered_at or now) - self.opened_at


@dataclass(frozen=True)
class GuideSent:
    client_name: str
    guide_title: str
    sent_at: datetime


@dataclass
class TodaySummary:
    now: datetime
    #: the first `SHOWN` of each list; the counts are of all (a busy desk has more)
    overdue: list[TicketRow] = field(default_factory=list)
    due_today: list[TicketRow] = field(default_factory=list)
    waiting_on_us: list[WaitingClient] = field(default_factory=list)
    overdue_count: int = 0
    due_today_count: int = 0
    waiting_count: int = 0
    first_responses: list[FirstResponse] = field(default_factory=list)
    median_first_response: timedelta | None = None
    #: the share of the last `RECENT_DAYS` days' new tickets answered within an hour (None: none
    #: counts yet)
    first_reply_within_hour: float | None = None
    guides_sent_today: list[GuideSent] = field(default_factory=list)
    #: follow-ups whose time has come, the longest due first (on top of Today)
    follow_ups_due: list[follow_ups.FollowUpRow] = field(default_factory=list)
    #: the whole desk's first impression, this month and the five before, newest first
    months: list[first_impression.MonthFigures] = field(default_factory=list)


#: how many months of first-impression figures Today shows
MONTHS_SHOWN = 6
#: how many overdue tickets, tickets due today and waiting clients Today lists (it counts all)
SHOWN = 50


def local_midnight(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


#: Today's first replies are those of new tickets opened today and the days before it, this many
#: in all: a rolling week, so that Monday morning still shows last week's rather than nothing
RECENT_DAYS = 7


def start_of_recent_days(now: datetime) -> datetime:
    """00:00 local time `RECENT_DAYS` - 1 days before today, as UTC."""
    midnight = local_midnight(now).astimezone()
    return (midnight - timedelta(days=RECENT_DAYS - 1)).astimezone(UTC)


def today_summary(
    *, session: Session, now: datetime | None = None, person_id: int | None = None
) -> TodaySummary:
    """What needs doing now; with *person_id*, only what is theirs ("Mine" on a team desk):
    their tickets, and the guides they sent."""
    now = now or utcnow()
    today = now.astimezone().date()
    summary = TodaySummary(now=now)
    mine = person_id
    # a ticket or client with a follow-up still to come stays off Today until then
    off = follow_ups.snoozed(session=session, now=now)

    def shown(ticket_id: int, client_id: int) -> bool:
        return ticket_id not in off.ticket_ids and client_id not in off.client_ids

    summary.follow_ups_due = follow_ups.due(session=session, now=now, person_id=mine)

    # the lists stop at SHOWN; their counts (the titles, the sidebar's) said SHOWN where there
    # were more
    def listed_and_counted(due: DueFilter) -> tuple[list[TicketRow], int]:
        filters: TicketFilters = {"due": due, "today": today, "assignee_id": mine}
        listed = tickets.list_tickets(session=session, limit=SHOWN, **filters)
        every = tickets.ticket_and_client_ids(session=session, **filters)
        return (
            [row for row in listed if shown(row.id, row.client_id)],
            sum(1 for ticket_id, client_id in every if shown(ticket_id, client_id)),
        )

    summary.overdue, summary.overdue_count = listed_and_counted("overdue")
    summary.due_today, summary.due_today_count = listed_and_counted("today")
    waiting = waiting_on_us(session=session, person_id=mine, shown=shown, limit=None)
    summary.waiting_on_us, summary.waiting_count = waiting[:SHOWN], len(waiting)
    summary.first_responses = first_responses_since(
        session=session, since=start_of_recent_days(now), person_id=mine
    )
    answered = [r for r in summary.first_responses if r.answered_at is not None]
    if answered:
        waits = sorted(r.wait(now) for r in answered)
        middle = len(waits) // 2
        summary.median_first_response = (
            waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2
        )
    summary.first_reply_within_hour = first_impression.figures_of(
        ((r.opened_at, r.answered_at, None) for r in summary.first_responses), now
    ).within_hour
    summary.guides_sent_today = guides_sent_since(
        session=session, since=local_midnight(now), person_id=mine
    )
    summary.months = first_impression.last_months(session=session, months=MONTHS_SHOWN, now=now)
    return summary


def _theirs(column: Any, person_id: int | None) -> list[sa.ColumnElement[bool]]:
    return [] if person_id is None else [column == person_id]


def waiting_on_us(
    *,
    session: Session,
    limit: int | None = SHOWN,
    person_id: int | None = None,
    shown: Callable[[int, int], bool] | None = None,
) -> list[WaitingClient]:
    """Clients waiting for us, longest wait first: tickets marked "waiting on us", and open
    tickets nobody has answered yet (waiting since they were opened). *shown(ticket id, client
    id)*: False for a ticket left out (one put off with a follow-up)."""
    waiting_since = sa.case(
        (col(Ticket.status) == TicketStatus.WAITING_ON_US.value, col(Ticket.status_changed_at)),
        else_=col(Ticket.created_at),
    )
    statement = (
        sa.select(
            col(Ticket.client_id),
            col(Client.name),
            col(Ticket.id),
            col(Ticket.title),
            waiting_since,
        )
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(
            col(Client.deleted_at).is_(None),
            sa.or_(
                col(Ticket.status) == TicketStatus.WAITING_ON_US.value,
                sa.and_(
                    col(Ticket.status) == TicketStatus.OPEN.value,
                    col(Ticket.first_response_at).is_(None),
                ),
            ),
            *_theirs(col(Ticket.assignee_id), person_id),
        )
        .order_by(waiting_since.asc())
    )
    by_client: dict[int, WaitingClient] = {}
    for client_id, name, ticket_id, title, since in session.execute(statement).all():
        if shown is not None and not shown(ticket_id, client_id):
            continue
        known = by_client.get(client_id)
        if known is None:
            by_client[client_id] = WaitingClient(client_id, name, ticket_id, title, since, 1)
        else:
            by_client[client_id] = WaitingClient(
                known.client_id,
                known.client_name,
                known.ticket_id,
                known.ticket_title,
                known.waiting_since,
                known.tickets_waiting + 1,
            )
    return list(by_client.values())[:limit]  # None: all


def first_responses_since(
    *, session: Session, since: datetime, person_id: int | None = None
) -> list[FirstResponse]:
    statement = (
        sa.select(
            col(Ticket.id),
            col(Ticket.title),
            col(Client.name),
            col(Ticket.created_at),
            col(Ticket.first_response_at),
        )
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(
            col(Ticket.created_at) >= since,
            col(Client.deleted_at).is_(None),
            *_theirs(col(Ticket.assignee_id), person_id),
        )
        .order_by(col(Ticket.created_at).desc())
    )
    return [FirstResponse(*row) for row in session.execute(statement).all()]


def guides_sent_since(
    *, session: Session, since: datetime, person_id: int | None = None
) -> list[GuideSent]:
    statement = (
        sa.select(col(Client.name), col(Guide.title), col(GuideSend.sent_at))
        .join(Client, col(Client.id) == col(GuideSend.client_id))
        .join(Guide, col(Guide.id) == col(GuideSend.guide_id))
        .where(col(GuideSend.sent_at) >= since, *_theirs(col(GuideSend.author_id), person_id))
        .order_by(col(GuideSend.sent_at).desc())
    )
    return [GuideSent(*row) for row in session.execute(statement).all()]


def due_counts(*, session: Session, today: date | None = None) -> tuple[int, int]:
    """(overdue, due today): for the sidebar badge."""
    return (
        tickets.count_tickets(session=session, due="overdue", today=today),
        tickets.count_tickets(session=session, due="today", today=today),
    )
