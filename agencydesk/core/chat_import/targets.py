"""Where the new messages go: an existing ticket, one new ticket, tickets split at quiet gaps,
or only the client's timeline; and the times of the tickets that received messages.

Tickets made by the import start at their first message, and their first response time is the
first "me" message after a client message. When splitting at gaps, every part but the last is a
resolved ticket; a part that continues an earlier import joins that earlier ticket.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from agencydesk.core.errors import UserError
from agencydesk.core.importers import ChatMessage
from agencydesk.core.models import Ticket, TicketStatus, utcnow
from agencydesk.core.utc import as_utc

from .planning import MessagePlan
from .times import UtcConverter

TITLE_MAX = 80


@dataclass(frozen=True)
class AttachToTicket:
    ticket_id: int


@dataclass(frozen=True)
class NewTicket:
    title: str


@dataclass(frozen=True)
class SplitAtGaps:
    hours: float


@dataclass(frozen=True)
class TimelineOnly:
    pass


Target = AttachToTicket | NewTicket | SplitAtGaps | TimelineOnly


@dataclass(frozen=True)
class TicketPlacement:
    #: position of a new message in the export → its ticket (absent: the timeline only)
    ticket_of: dict[int, int | None]
    #: the tickets the import created, oldest first
    created: list[int]
    #: every ticket that receives messages (created or not), oldest first, maybe repeated
    touched: list[int]


def title_from(messages: Sequence[ChatMessage], fallback_at: datetime) -> str:
    """A ticket title: the first words of the first real message, else the chat's date."""
    for m in messages:
        if m.kind != "system":
            text = " ".join(m.text.split())
            if text:
                return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"
    return f"Chat of {fallback_at:%Y-%m-%d}"


def check_target(session: Session, target: Target, client_id: int) -> None:
    if isinstance(target, AttachToTicket):
        ticket = session.get(Ticket, target.ticket_id)
        if ticket is None or ticket.client_id != client_id:
            raise UserError("That ticket does not exist (any more) or belongs to another client.")


def place_in_tickets(
    session: Session,
    client_id: int,
    messages: Sequence[ChatMessage],
    plan: MessagePlan,
    target: Target,
) -> TicketPlacement:
    """Decide the ticket of every new message, creating the tickets the target asks for."""
    placement = TicketPlacement({}, [], [])
    new_index = plan.new_index
    if not new_index or isinstance(target, TimelineOnly):
        return placement
    if isinstance(target, AttachToTicket):
        placement.ticket_of.update(dict.fromkeys(new_index, target.ticket_id))
        placement.touched.append(target.ticket_id)
    elif isinstance(target, NewTicket):
        to_utc = UtcConverter()
        tid = _new_ticket(
            session,
            client_id,
            target.title,
            as_utc(to_utc(messages[new_index[0]].timestamp)),
            as_utc(to_utc(messages[new_index[-1]].timestamp)),
            resolved=False,
        )
        placement.created.append(tid)
        placement.touched.append(tid)
        placement.ticket_of.update(dict.fromkeys(new_index, tid))
    else:
        _split_at_gaps(session, client_id, messages, plan, target.hours, placement)
    return placement


def _split_at_gaps(
    session: Session,
    client_id: int,
    messages: Sequence[ChatMessage],
    plan: MessagePlan,
    hours: float,
    placement: TicketPlacement,
) -> None:
    prints, known = plan.prints, plan.known
    segments = _segments(messages, hours)
    to_utc = UtcConverter()
    for n, seg in enumerate(segments):
        fresh = [i for i in seg if prints[i] not in known]
        if not fresh:
            continue
        earlier = [known[prints[i]] for i in seg if prints[i] in known]
        existing = next((t for t in earlier if t is not None), None)
        if existing is not None:
            tid = existing
        else:
            part = [messages[i] for i in seg]
            tid = _new_ticket(
                session,
                client_id,
                title_from(part, part[0].timestamp),
                as_utc(to_utc(messages[seg[0]].timestamp)),
                as_utc(to_utc(messages[seg[-1]].timestamp)),
                resolved=n < len(segments) - 1,
            )
            placement.created.append(tid)
        placement.touched.append(tid)
        for i in fresh:
            placement.ticket_of[i] = tid


def _segments(messages: Sequence[ChatMessage], hours: float) -> list[range]:
    if not messages:
        return []
    gap = timedelta(hours=hours)
    bounds = [0]
    previous = messages[0].timestamp
    for i in range(1, len(messages)):
        ts = messages[i].timestamp
        if ts - previous >= gap:
            bounds.append(i)
        previous = ts
    bounds.append(len(messages))
    return [range(a, b) for a, b in itertools.pairwise(bounds)]


def _new_ticket(
    session: Session,
    client_id: int,
    title: str,
    created: datetime,
    last: datetime,
    resolved: bool,
) -> int:
    ticket = Ticket(
        client_id=client_id,
        title=" ".join(title.split())[:200] or "Chat",
        created_at=created,
        updated_at=max(last, created),
        status_changed_at=last if resolved else created,
        status=TicketStatus.RESOLVED.value if resolved else TicketStatus.OPEN.value,
        resolved_at=last if resolved else None,
    )
    session.add(ticket)
    session.flush()
    assert ticket.id is not None
    return ticket.id


def update_ticket_times(
    session: Session, placement: TicketPlacement, first_response: dict[int, datetime]
) -> None:
    """The tickets that received messages: their first response (if it was still unknown), and
    "updated now" for the tickets that existed before."""
    for tid in dict.fromkeys(placement.touched):
        ticket = session.get(Ticket, tid)
        if ticket is None:
            continue
        if ticket.first_response_at is None and tid in first_response:
            ticket.first_response_at = as_utc(first_response[tid])
        ticket.updated_at = utcnow() if tid not in placement.created else ticket.updated_at
        session.add(ticket)
    session.flush()
