"""How fast clients hear back, month by month: the first impression decides everything.

For the tickets opened in a month (local time): how many, the typical (median) wait for our
first reply, the share answered within an hour, and the typical time to resolve the ones
resolved. A ticket not answered yet counts against the hour once it is an hour old; one opened
less than an hour ago does not count yet either way. One query over the tickets in the period;
the figures are made in one pass (linear in the number of tickets).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.models import Client, Ticket, utcnow
from agencydesk.core.utc import local_days_as_utc

HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Figures:
    """The figures of some tickets (a month's, or a period's)."""

    opened: int
    #: median seconds to the first reply, of those answered (None: none answered)
    median_first_reply: float | None
    #: answered within an hour, of those that count (None: none counts yet)
    within_hour: float | None
    resolved: int
    #: median seconds from opening to resolving, of those resolved
    median_resolve: float | None


@dataclass(frozen=True)
class MonthFigures:
    month: date  # its first day
    figures: Figures


TicketTimes = tuple[datetime, datetime | None, datetime | None]  # opened, first reply, resolved


def figures_of(times: Iterable[TicketTimes], now: datetime) -> Figures:
    """The figures of tickets given as (opened, first reply, resolved) times."""
    opened = 0
    waits: list[float] = []
    counted = quick = 0
    resolves: list[float] = []
    for created, first_reply, resolved in times:
        opened += 1
        if first_reply is not None:
            wait = first_reply - created
            waits.append(wait.total_seconds())
            counted += 1
            quick += wait <= HOUR
        elif now - created > HOUR:
            counted += 1  # an hour old and still not answered: not within the hour
        if resolved is not None:
            resolves.append((resolved - created).total_seconds())
    return Figures(
        opened=opened,
        median_first_reply=_median(waits),
        within_hour=quick / counted if counted else None,
        resolved=len(resolves),
        median_resolve=_median(resolves),
    )


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _tickets(session: Session, start: date, end: date, client_id: int | None) -> list[TicketTimes]:
    since, until = local_days_as_utc(start, end)
    statement = (
        sa.select(col(Ticket.created_at), col(Ticket.first_response_at), col(Ticket.resolved_at))
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(
            col(Ticket.created_at) >= since,
            col(Ticket.created_at) < until,
            col(Client.deleted_at).is_(None),
        )
        .order_by(col(Ticket.created_at))
    )
    if client_id is not None:
        statement = statement.where(col(Ticket.client_id) == client_id)
    return [(row[0], row[1], row[2]) for row in session.execute(statement)]


def by_month(
    *,
    session: Session,
    start: date,
    end: date,
    client_id: int | None = None,
    now: datetime | None = None,
) -> list[MonthFigures]:
    """The figures of each month from *start* to *end* (local days, both included) in which
    tickets were opened, oldest first; of one client's tickets with *client_id*."""
    return _months(_tickets(session, start, end, client_id), now or utcnow())


def _months(times: Iterable[TicketTimes], now: datetime) -> list[MonthFigures]:
    """The figures of *times* month by month (local time), in the order they come."""
    months: dict[date, list[TicketTimes]] = {}
    for ticket in times:
        local = ticket[0].astimezone().date()
        months.setdefault(local.replace(day=1), []).append(ticket)
    return [MonthFigures(month, figures_of(rows, now)) for month, rows in months.items()]


def for_period(
    *,
    session: Session,
    start: date,
    end: date,
    client_id: int | None = None,
    now: datetime | None = None,
) -> Figures:
    """The figures of all tickets opened from *start* to *end* at once."""
    return figures_of(_tickets(session, start, end, client_id), now or utcnow())


def for_period_and_by_month(
    *,
    session: Session,
    start: date,
    end: date,
    client_id: int | None = None,
    now: datetime | None = None,
) -> tuple[Figures, list[MonthFigures]]:
    """`for_period` and `by_month` at once, from one read of the tickets (a report shows both)."""
    now = now or utcnow()
    times = _tickets(session, start, end, client_id)
    return figures_of(times, now), _months(times, now)


def last_months(
    *,
    session: Session,
    months: int,
    client_id: int | None = None,
    now: datetime | None = None,
) -> list[MonthFigures]:
    """The figures of this month and the *months* - 1 before it (local time), newest first;
    a month in which no ticket was opened is there too, with nothing in it."""
    now = now or utcnow()
    this_month = now.astimezone().date().replace(day=1)
    firsts = [this_month]
    for _ in range(max(months, 1) - 1):
        firsts.append((firsts[-1] - timedelta(days=1)).replace(day=1))
    found = {
        month.month: month
        for month in by_month(
            session=session,
            start=firsts[-1],
            end=now.astimezone().date(),
            client_id=client_id,
            now=now,
        )
    }
    empty = Figures(0, None, None, 0, None)
    return [found.get(first, MonthFigures(first, empty)) for first in firsts]
