"""Time spent on tickets: the one running timer (it lives in the database, so it survives
restarts), manual time entries, and the sums per ticket, person and month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core.db import add_and_flush
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import Ticket, TimeEntry, utcnow
from agencydesk.core.tickets import get_ticket


def running_timer(*, session: Session) -> TimeEntry | None:
    """The one timer that is running, if any (it survives restarts: it lives in the database)."""
    statement = select(TimeEntry).where(col(TimeEntry.ended_at).is_(None))
    return session.exec(statement).first()


def start_timer(*, session: Session, ticket_id: int, now: datetime | None = None) -> TimeEntry:
    """Start timing *ticket_id*; a timer running on another ticket is stopped first."""
    get_ticket(session=session, ticket_id=ticket_id)
    now = now or utcnow()
    running = running_timer(session=session)
    if running is not None:
        if running.ticket_id == ticket_id:
            return running
        stop_timer(session=session, now=now)
    entry = TimeEntry(ticket_id=ticket_id, started_at=now)
    return add_and_flush(session, entry)


def stop_timer(*, session: Session, now: datetime | None = None) -> TimeEntry | None:
    entry = running_timer(session=session)
    if entry is None:
        return None
    now = now or utcnow()
    entry.ended_at = max(now, entry.started_at)
    entry.seconds = int((entry.ended_at - entry.started_at).total_seconds())
    return add_and_flush(session, entry)


def add_time(
    *,
    session: Session,
    ticket_id: int,
    minutes: int,
    on: datetime | None = None,
    note: str = "",
    billable: bool = True,
) -> TimeEntry:
    """A manual time entry ("45 minutes on the phone with Bu Ratna")."""
    if minutes <= 0 or minutes > 24 * 60:
        raise ValidationError({"minutes": "minutes_range"})
    get_ticket(session=session, ticket_id=ticket_id)
    started = on or utcnow()
    entry = TimeEntry(
        ticket_id=ticket_id,
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        seconds=minutes * 60,
        billable=billable,
        note=note.strip(),
    )
    return add_and_flush(session, entry)


def seconds_spent(*, session: Session, ticket_id: int, now: datetime | None = None) -> int:
    """All time on the ticket, including the running timer up to *now*."""
    finished = session.execute(
        sa.select(func.coalesce(func.sum(TimeEntry.seconds), 0)).where(
            col(TimeEntry.ticket_id) == ticket_id, col(TimeEntry.ended_at).is_not(None)
        )
    ).scalar_one()
    running = running_timer(session=session)
    extra = 0
    if running is not None and running.ticket_id == ticket_id:
        extra = int(((now or utcnow()) - running.started_at).total_seconds())
    return int(finished) + max(extra, 0)


def seconds_by_person(*, session: Session, ticket_id: int) -> dict[int | None, int]:
    """The finished time on the ticket per person who spent it (None: nobody recorded, as on a
    solo desk), most first."""
    statement = (
        sa.select(col(TimeEntry.author_id), func.sum(TimeEntry.seconds))
        .where(col(TimeEntry.ticket_id) == ticket_id, col(TimeEntry.ended_at).is_not(None))
        .group_by(col(TimeEntry.author_id))
        .order_by(func.sum(TimeEntry.seconds).desc())
    )
    return {person: int(seconds) for person, seconds in session.execute(statement).all()}


@dataclass(frozen=True)
class MonthlyTime:
    month: str  # "2025-03"
    billable_seconds: int
    other_seconds: int


def finished_entries(
    *,
    session: Session,
    client_id: int,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[tuple[datetime, int, bool]]:
    """(started at, seconds, billable) of the finished time entries on one client's tickets;
    only those started in [since, until) when given."""
    conditions = [col(Ticket.client_id) == client_id, col(TimeEntry.ended_at).is_not(None)]
    if since is not None:
        conditions.append(col(TimeEntry.started_at) >= since)
    if until is not None:
        conditions.append(col(TimeEntry.started_at) < until)
    statement = (
        sa.select(col(TimeEntry.started_at), col(TimeEntry.seconds), col(TimeEntry.billable))
        .join(Ticket, col(Ticket.id) == col(TimeEntry.ticket_id))
        .where(*conditions)
    )
    return [
        (started_at, int(seconds), bool(billable))
        for started_at, seconds, billable in session.execute(statement).all()
    ]


def monthly_time(*, session: Session, client_id: int) -> list[MonthlyTime]:
    """Time spent per month for one client, billable and not, newest month first."""
    totals: dict[str, list[int]] = {}
    for started_at, seconds, billable in finished_entries(session=session, client_id=client_id):
        month = started_at.astimezone().strftime("%Y-%m")
        bucket = totals.setdefault(month, [0, 0])
        bucket[0 if billable else 1] += seconds
    return [
        MonthlyTime(month, billable, other)
        for month, (billable, other) in sorted(totals.items(), reverse=True)
    ]
