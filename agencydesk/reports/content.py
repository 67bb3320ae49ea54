"""What goes into one client's report, read from the core for a date range. Pure Python, no Qt.

The report is sent to the client, so it holds only what is theirs to read:

- their own profile as they gave it (never credentials, never the desk's internal notes: the
  caution note, notes, tags and tech comfort are for the freelancer's eyes);
- their requests (tickets) that were open at some time in the period, with optional excerpts of
  the conversation (never internal notes, never system lines);
- orders quoted, agreed or paid in the period, and agreed orders still to pay (lost and cancelled
  quotes are the agency's own business);
- "Your referrals": only the clients of their own referral cascade, by name, with the counts of
  their orders (never what the others paid).

Dates are calendar days in local time; `start` and `end` are both included.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col, func

from agencydesk.core import agency, clients, first_impression, referrals, time_spent
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.errors import UserError
from agencydesk.core.message_notes import Note, note_of
from agencydesk.core.models import (
    Guide,
    GuideSend,
    Message,
    MessageKind,
    Order,
    OrderStatus,
    Ticket,
)
from agencydesk.core.shorten import ELLIPSIS, boundary
from agencydesk.core.utc import local_days_as_utc
from agencydesk.reports.text import LANGUAGES

#: the first lines of each request's conversation shown with excerpts on
EXCERPT_LINES = 3
#: an excerpt line longer than this is cut (with "…")
EXCERPT_CHARS = 280
#: the order statuses a client report shows
REPORTED_ORDER_STATUSES = (
    OrderStatus.QUOTED.value,
    OrderStatus.WON.value,
    OrderStatus.PAID.value,
)


@dataclass(frozen=True)
class ReportOptions:
    """One report's choices: the period (both days included), language and sections."""

    start: date
    end: date
    language: str = "en"
    excerpts: bool = False
    referrals: bool = True

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UserError("The report period ends before it starts.")
        if self.language not in LANGUAGES:
            raise UserError(f"Reports are written in {' or '.join(LANGUAGES)}.")


def last_month(today: date) -> tuple[date, date]:
    """The calendar month before *today*'s: the report's default period."""
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def this_month(today: date) -> tuple[date, date]:
    return today.replace(day=1), today


def this_year(today: date) -> tuple[date, date]:
    return today.replace(month=1, day=1), today


@dataclass(frozen=True)
class ClientProfile:
    name: str
    company: str
    city: str
    phone: str
    email: str
    website: str
    client_since: date | None
    preferred_channel: str


@dataclass(frozen=True)
class MonthTime:
    month: date  # the first day of the month
    billable_seconds: int


@dataclass(frozen=True)
class Summary:
    tickets_opened: int
    tickets_resolved: int
    #: requests still open at the end of the period
    tickets_open_at_end: int
    median_first_response: timedelta | None
    billable_by_month: tuple[MonthTime, ...]
    guides_sent: int
    #: the share of new requests answered within an hour (None: none counts yet)
    first_reply_within_hour: float | None = None
    #: the first-reply figures of each month of the period with new requests
    first_replies_by_month: tuple[first_impression.MonthFigures, ...] = ()

    @property
    def billable_seconds(self) -> int:
        return sum(month.billable_seconds for month in self.billable_by_month)


class ExcerptLine(NamedTuple):
    """A line of a request's conversation. This and `TicketLine` are named tuples, not frozen
    dataclasses like the rest: a busy client's report has thousands of them, made three times
    faster so."""

    sent_at: datetime  # local time
    from_me: bool
    body: str  # "" for a photo or file without a caption
    media: bool
    #: what a line with no words of its own stands for (core.message_notes): "deleted", "photo"…
    note: Note | None = None


class TicketLine(NamedTuple):
    id: int
    title: str
    status: str
    opened: date
    resolved: date | None
    excerpts: tuple[ExcerptLine, ...] = ()
    #: messages in the period beyond the excerpt
    more_messages: int = 0


@dataclass(frozen=True)
class GuideLine:
    sent_on: date
    title: str


@dataclass(frozen=True)
class OrderLine:
    title: str
    status: str
    amount: int
    currency: str
    #: the day that matters for the status: paid, agreed (won) or quoted
    on: date | None


@dataclass(frozen=True)
class MoneyTotals:
    """Per currency: paid in the period, agreed and still to pay, quotes awaiting a decision."""

    currency: str
    paid: int = 0
    to_pay: int = 0
    quoted: int = 0


@dataclass(frozen=True)
class ReferralSection:
    """The client's own cascade: whom they introduced, and whom those introduced."""

    direct_names: tuple[str, ...]
    referred: int
    generations: int  # of friends below the client (1: only direct introductions)
    orders: int  # won or paid orders of everyone below the client
    tree: referrals.Tree
    spread: referrals.SpreadSeries


@dataclass(frozen=True)
class ReportContent:
    options: ReportOptions
    generated_at: datetime  # local time
    agency: AgencyProfile
    client: ClientProfile
    summary: Summary
    tickets: tuple[TicketLine, ...]
    guides: tuple[GuideLine, ...]
    orders: tuple[OrderLine, ...]
    totals: tuple[MoneyTotals, ...]
    referrals: ReferralSection | None = None

    @property
    def language(self) -> str:
        return self.options.language


def _local(value: datetime) -> datetime:
    return value.astimezone()


def _profile(session: Session, client_id: int) -> ClientProfile:
    client = clients.get_client(session=session, client_id=client_id)
    return ClientProfile(
        name=client.name,
        company=client.company,
        city=client.city,
        phone=client.phone,
        email=client.email,
        website=client.website,
        client_since=_client_since(session, client_id, client.first_contact, client.created_at),
        preferred_channel=client.preferred_channel,
    )


def _client_since(
    session: Session, client_id: int, first_contact: date | None, created_at: datetime
) -> date:
    """The first day on record with the client: the first contact as entered (else the day
    they were added), or an earlier message or request. A client added today with years of
    chat imported read "Client since" today, above a period years earlier."""
    first_message = sa.select(func.min(col(Message.sent_at))).where(
        col(Message.client_id) == client_id
    )
    first_ticket = sa.select(func.min(col(Ticket.created_at))).where(
        col(Ticket.client_id) == client_id
    )
    earliest = session.execute(
        sa.select(first_message.scalar_subquery(), first_ticket.scalar_subquery())
    ).one()
    days = [_local(moment).date() for moment in earliest if moment is not None]
    days.append(first_contact or _local(created_at).date())
    return min(days)


def _tickets(
    session: Session, client_id: int, since: datetime, until: datetime
) -> list[tuple[int, str, str, datetime, datetime | None, datetime | None]]:
    """Requests open at some time in [since, until): opened before its end, not resolved
    before its start. Oldest first."""
    resolved = col(Ticket.resolved_at)
    statement = (
        sa.select(
            col(Ticket.id),
            col(Ticket.title),
            col(Ticket.status),
            col(Ticket.created_at),
            resolved,
            col(Ticket.first_response_at),
        )
        .where(
            col(Ticket.client_id) == client_id,
            col(Ticket.created_at) < until,
            sa.or_(resolved.is_(None), resolved >= since),
        )
        .order_by(col(Ticket.created_at), col(Ticket.id))
    )
    return [tuple(row) for row in session.execute(statement).all()]


def _excerpts(
    session: Session, client_id: int, since: datetime, until: datetime
) -> dict[int, tuple[list[ExcerptLine], int]]:
    """Per request: its first `EXCERPT_LINES` lines said in the period, and how many in all.

    The lines are looked up request by request (a few rows each, through the index on ticket
    and time), not numbered over every message of the period: 130 → 60 ms for a client with a
    thousand requests and 20,000 messages."""
    said = sa.orm.aliased(Message)
    in_period = (
        col(said.client_id) == client_id,
        col(said.kind).in_([MessageKind.MESSAGE.value, MessageKind.MEDIA.value]),
        col(said.sent_at) >= since,
        col(said.sent_at) < until,
    )
    first_lines = (
        sa.select(col(said.id))
        .where(col(said.ticket_id) == col(Ticket.id), *in_period)
        .order_by(col(said.sent_at), col(said.id))
        .limit(EXCERPT_LINES)
        .correlate(Ticket)
    )
    statement = (
        sa.select(
            col(Ticket.id),
            col(Message.sent_at),
            col(Message.from_me),
            col(Message.kind),
            sa.func.substr(col(Message.body), 1, EXCERPT_CHARS + 1),
            col(Message.flags),
        )
        .join(Message, col(Message.id).in_(first_lines))
        .where(col(Ticket.client_id) == client_id)
        .order_by(col(Ticket.id), col(Message.sent_at), col(Message.id))
    )
    counts = dict(
        session.execute(
            sa.select(col(said.ticket_id), sa.func.count())
            .where(col(said.ticket_id).is_not(None), *in_period)
            .group_by(col(said.ticket_id))
        ).all()
    )
    found: dict[int, tuple[list[ExcerptLine], int]] = {}
    for ticket_id, sent_at, from_me, kind, body, flags in session.execute(statement).all():
        text = " ".join((body or "").split())
        if len(body or "") > EXCERPT_CHARS:
            # the message goes on past what was read (its line breaks made it look shorter
            # once joined, and then it was shown without "…"); the read may have cut an emoji,
            # so its last character goes too
            end = min(len(text) - 1, EXCERPT_CHARS - len(ELLIPSIS))
            text = text[: boundary(text, end)].rstrip() + ELLIPSIS
        entry = found.setdefault(int(ticket_id), ([], int(counts[ticket_id])))
        entry[0].append(
            ExcerptLine(
                _local(sent_at),
                bool(from_me),
                text,
                kind == MessageKind.MEDIA.value,
                note_of(flags),
            )
        )
    return found


def _billable_by_month(
    session: Session, client_id: int, since: datetime, until: datetime
) -> tuple[MonthTime, ...]:
    entries = time_spent.finished_entries(
        session=session, client_id=client_id, since=since, until=until
    )
    months: dict[date, int] = {}
    for started_at, seconds, billable in entries:
        if billable:
            month = _local(started_at).date().replace(day=1)
            months[month] = months.get(month, 0) + seconds
    return tuple(MonthTime(month, seconds) for month, seconds in sorted(months.items()))


def _guides(
    session: Session, client_id: int, since: datetime, until: datetime
) -> tuple[GuideLine, ...]:
    statement = (
        sa.select(col(GuideSend.sent_at), col(Guide.title))
        .join(Guide, col(Guide.id) == col(GuideSend.guide_id))
        .where(
            col(GuideSend.client_id) == client_id,
            col(GuideSend.sent_at) >= since,
            col(GuideSend.sent_at) < until,
        )
        .order_by(col(GuideSend.sent_at), col(GuideSend.id))
    )
    return tuple(
        GuideLine(_local(sent_at).date(), title)
        for sent_at, title in session.execute(statement).all()
    )


def _in(column: Any, start: date, end: date) -> sa.ColumnElement[bool]:
    return sa.and_(column.is_not(None), column >= start, column <= end)


def _orders(
    session: Session, client_id: int, start: date, end: date
) -> tuple[tuple[OrderLine, ...], tuple[MoneyTotals, ...]]:
    quoted, won, paid = col(Order.quoted_on), col(Order.won_on), col(Order.paid_on)
    status = col(Order.status)
    statement = (
        sa.select(
            col(Order.title), status, col(Order.amount), col(Order.currency), quoted, won, paid
        )
        .where(
            col(Order.client_id) == client_id,
            status.in_(REPORTED_ORDER_STATUSES),
            sa.or_(
                _in(quoted, start, end),
                _in(won, start, end),
                _in(paid, start, end),
                # agreed and not paid yet: still to pay, whenever it was agreed
                sa.and_(status == OrderStatus.WON.value, sa.or_(won.is_(None), won <= end)),
            ),
        )
        .order_by(sa.func.coalesce(paid, won, quoted), col(Order.id))
    )
    lines: list[OrderLine] = []
    totals: dict[str, dict[str, int]] = {}
    for title, status_, amount, currency, quoted_on, won_on, paid_on in session.execute(
        statement
    ).all():
        on = {"paid": paid_on, "won": won_on}.get(status_, quoted_on)
        lines.append(OrderLine(title, status_, int(amount), currency, on))
        bucket = totals.setdefault(currency, {"paid": 0, "to_pay": 0, "quoted": 0})
        if status_ == OrderStatus.PAID.value and paid_on is not None and start <= paid_on <= end:
            bucket["paid"] += int(amount)
        elif status_ == OrderStatus.WON.value:
            bucket["to_pay"] += int(amount)
        elif status_ == OrderStatus.QUOTED.value:
            bucket["quoted"] += int(amount)
    # rupiah first, then other currencies by code
    ordered = sorted(totals.items(), key=lambda item: (item[0] != "IDR", item[0]))
    return tuple(lines), tuple(MoneyTotals(currency, **sums) for currency, sums in ordered)


def _referrals(session: Session, client_id: int) -> ReferralSection | None:
    report = referrals.root_report(session=session, root_id=client_id)
    if report.cascade.referred == 0:
        return None
    tree = report.tree
    root = tree.nodes[tree.root_id]
    return ReferralSection(
        direct_names=tuple(tree.nodes[child].name for child in root.children),
        referred=report.cascade.referred,
        generations=len(report.cascade.generations) - 1,
        orders=sum(g.orders for g in report.cascade.generations if g.generation > 0),
        tree=tree,
        spread=report.spread,
    )


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def build_report_content(
    *,
    session: Session,
    client_id: int,
    options: ReportOptions,
    now: datetime | None = None,
) -> ReportContent:
    """Everything one client's report shows, for `options.start` to `options.end`."""
    profile = _profile(session, client_id)
    since, until = local_days_as_utc(options.start, options.end)
    rows = _tickets(session, client_id, since, until)
    excerpts = _excerpts(session, client_id, since, until) if options.excerpts else {}
    ticket_lines = []
    opened = resolved_count = open_at_end = 0
    waits: list[float] = []
    for ticket_id, title, status, created, resolved, first_response_at in rows:
        if created >= since:
            opened += 1
            if first_response_at is not None:
                waits.append((first_response_at - created).total_seconds())
        if resolved is not None and since <= resolved < until:
            resolved_count += 1
        if resolved is None or resolved >= until:
            open_at_end += 1
        lines, count = excerpts.get(ticket_id, ([], 0))
        ticket_lines.append(
            TicketLine(
                id=ticket_id,
                title=title,
                status=status,
                opened=_local(created).date(),
                resolved=_local(resolved).date() if resolved is not None else None,
                excerpts=tuple(lines),
                more_messages=max(0, count - len(lines)),
            )
        )
    median_wait = _median(waits)
    guides = _guides(session, client_id, since, until)
    first_replies, first_replies_by_month = first_impression.for_period_and_by_month(
        session=session, start=options.start, end=options.end, client_id=client_id, now=now
    )
    summary = Summary(
        tickets_opened=opened,
        tickets_resolved=resolved_count,
        tickets_open_at_end=open_at_end,
        median_first_response=None if median_wait is None else timedelta(seconds=median_wait),
        billable_by_month=_billable_by_month(session, client_id, since, until),
        guides_sent=len(guides),
        first_reply_within_hour=first_replies.within_hour,
        first_replies_by_month=tuple(first_replies_by_month),
    )
    order_lines, totals = _orders(session, client_id, options.start, options.end)
    return ReportContent(
        options=options,
        generated_at=_local(now or datetime.now(UTC)),
        agency=agency.get_agency_profile(session=session),
        client=profile,
        summary=summary,
        tickets=tuple(ticket_lines),
        guides=guides,
        orders=order_lines,
        totals=totals,
        referrals=_referrals(session, client_id) if options.referrals else None,
    )
