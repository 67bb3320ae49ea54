"""Where the new messages go: an existing ticket, one new ticket, tickets split at quiet gaps,
or only the client's timeline; and the times of the tickets that received messages.

Tickets made by the import start at their first message that says something, are titled from
the client's first message that says something (`titles`), and their first response time is the
first "me" message after a client message. A ticket where the client spoke last waits on us; one
where I answered last is resolved (the latest part: waits on the client). A part that continues
an earlier import joins that earlier ticket.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from agencydesk.core.errors import SaidError
from agencydesk.core.importers import ChatMessage
from agencydesk.core.message_notes import is_placeholder
from agencydesk.core.models import Ticket, TicketStatus, utcnow
from agencydesk.core.tickets import status_after_message
from agencydesk.core.utc import as_utc

from .planning import MessagePlan
from .times import UtcConverter
from .titles import title_from


@dataclass(frozen=True)
class AttachToTicket:
    ticket_id: int


@dataclass(frozen=True)
class NewTicket:
    title: str


@dataclass(frozen=True)
class SplitAtGaps:
    """A new ticket after every quiet gap of at least *hours*. A part where the client spoke
    last waits on us (an unanswered question, a friend mentioned); with *earlier_done*, only
    the latest part may: the earlier ones are resolved (a history imported from far back would
    otherwise leave every conversation she ended with "thanks" waiting)."""

    hours: float
    earlier_done: bool = False


@dataclass(frozen=True)
class TimelineOnly:
    pass


Target = AttachToTicket | NewTicket | SplitAtGaps | TimelineOnly


@dataclass(frozen=True)
class TicketPlacement:
    #: position of a message in the export → its ticket (None: the timeline only, or known);
    #: a list, not a dict: 8 bytes a message, where a dict of a million took ~100 MB
    ticket_of: list[int | None]
    #: the tickets the import created, oldest first
    created: list[int]
    #: every ticket that receives messages (created or not), oldest first, maybe repeated
    touched: list[int]
    #: the created tickets left waiting on us (the client spoke last)
    waiting: list[int]

    def add_created(self, ticket_id: int, status: TicketStatus) -> None:
        self.created.append(ticket_id)
        if status == TicketStatus.WAITING_ON_US:
            self.waiting.append(ticket_id)


def check_target(session: Session, target: Target, client_id: int) -> None:
    if isinstance(target, AttachToTicket):
        ticket = session.get(Ticket, target.ticket_id)
        if ticket is None or ticket.client_id != client_id:
            raise SaidError("import_ticket_gone")


def place_in_tickets(
    session: Session,
    client_id: int,
    messages: Sequence[ChatMessage],
    plan: MessagePlan,
    target: Target,
    me_senders: Collection[str] = (),
) -> TicketPlacement:
    """Decide the ticket of every new message, creating the tickets the target asks for."""
    placement = TicketPlacement([None] * len(messages), [], [], [])
    new_index = plan.new_index
    if not new_index or isinstance(target, TimelineOnly):
        return placement
    to_utc = UtcConverter()
    if isinstance(target, AttachToTicket):
        _assign(placement.ticket_of, new_index, target.ticket_id)
        placement.touched.append(target.ticket_id)
        _follow_last_speaker(session, target.ticket_id, messages, new_index, me_senders, to_utc)
    elif isinstance(target, NewTicket):
        said = [i for i in new_index if _speaks(messages[i])]
        # deleted messages and left-out pictures before anything is said stay in the history
        into = new_index[new_index.index(said[0]) :] if said else new_index
        last_said = messages[said[-1]] if said else None
        status = _status_after(last_said, me_senders, last_part=True)
        tid = _new_ticket(
            session,
            client_id,
            target.title,
            as_utc(to_utc(messages[into[0]].timestamp)),
            as_utc(to_utc(messages[into[-1]].timestamp)),
            status,
            as_utc(to_utc(last_said.timestamp)) if last_said else None,
        )
        placement.add_created(tid, status)
        placement.touched.append(tid)
        _assign(placement.ticket_of, into, tid)
    else:
        _split_at_gaps(session, client_id, messages, plan, target, placement, me_senders)
    return placement


def _assign(ticket_of: list[int | None], positions: Sequence[int], ticket_id: int) -> None:
    if isinstance(positions, range) and positions.step == 1:  # every new message: one slice
        ticket_of[positions.start : positions.stop] = [ticket_id] * len(positions)
        return
    for i in positions:
        ticket_of[i] = ticket_id


def _speaks(m: ChatMessage) -> bool:
    """Someone says something: not a system line, not only a deleted or left-out note. (Runs
    for every message: a message without flags, nearly all of them, is decided at once.)"""
    return m.kind != "system" and (not m.flags or not is_placeholder(m.kind, m.text, m.flags))


def _last_said(messages: Sequence[ChatMessage], part: range) -> ChatMessage | None:
    """The last message of *part* that says something (looked for from the end)."""
    for i in reversed(part):
        if _speaks(messages[i]):
            return messages[i]
    return None


def _status_after(
    last_said: ChatMessage | None, me_senders: Collection[str], *, last_part: bool
) -> TicketStatus:
    """A part where the client spoke last waits on us; one where I answered last is done (or,
    the latest part, waits on the client); one where nobody said anything is open."""
    if last_said is None:
        return TicketStatus.OPEN
    if last_said.sender not in me_senders:
        return TicketStatus.WAITING_ON_US
    return TicketStatus.WAITING_ON_CLIENT if last_part else TicketStatus.RESOLVED


def _split_at_gaps(
    session: Session,
    client_id: int,
    messages: Sequence[ChatMessage],
    plan: MessagePlan,
    target: SplitAtGaps,
    placement: TicketPlacement,
    me_senders: Collection[str],
) -> None:
    prints, known = plan.prints, plan.known
    parts = _parts(messages, target.hours, me_senders)
    to_utc = UtcConverter()
    for n, part in enumerate(parts):
        fresh: Sequence[int] = part  # a first import: every message is new
        earlier: list[int | None] = []
        if known:
            part_prints = prints.take(part)
            fresh = [i for i, f in zip(part, part_prints, strict=True) if f not in known]
            earlier = [known[f] for f in part_prints if f in known]
        if not fresh:
            continue
        existing = next((t for t in earlier if t is not None), None)
        if existing is not None:
            tid = existing
            _follow_last_speaker(session, tid, messages, fresh, me_senders, to_utc)
        else:
            last = _last_said(messages, part)
            assert last is not None  # a part begins with something said
            latest = n == len(parts) - 1
            status = (
                TicketStatus.RESOLVED
                if target.earlier_done and not latest
                else _status_after(last, me_senders, last_part=latest)
            )
            tid = _new_ticket(
                session,
                client_id,
                title_from([messages[i] for i in part], messages[part[0]].timestamp, me_senders),
                as_utc(to_utc(messages[part[0]].timestamp)),
                as_utc(to_utc(messages[part[-1]].timestamp)),
                status,
                as_utc(to_utc(last.timestamp)),
            )
            placement.add_created(tid, status)
        placement.touched.append(tid)
        _assign(placement.ticket_of, fresh, tid)


def _parts(
    messages: Sequence[ChatMessage], hours: float, me_senders: Collection[str]
) -> list[range]:
    """The conversations of a chat: a part begins with something said after a quiet gap of at
    least *hours* since the last thing said; deleted messages, left-out pictures and system
    lines never begin one (they go with the part before; before the first, with none). A part
    in which the client says nothing joins the part before it (the first, the part after)."""
    gap = timedelta(hours=hours)
    bounds: list[int] = []
    previous: datetime | None = None
    for i, m in enumerate(messages):
        if not _speaks(m):
            continue
        if previous is None or m.timestamp - previous >= gap:
            bounds.append(i)
        previous = m.timestamp
    if not bounds:
        return []
    bounds.append(len(messages))
    parts = [range(a, b) for a, b in itertools.pairwise(bounds)]
    merged: list[range] = []
    waiting: range | None = None  # a first part in which the client says nothing
    for part in parts:
        # only the new part is looked through: the waiting one has no word of the client (it
        # was looked through again with every part added to it, and a chat where only I wrote,
        # 20,000 messages a day apart, took 28 s)
        client_speaks = any(
            _speaks(messages[i]) and messages[i].sender not in me_senders for i in part
        )
        if waiting is not None:
            part, waiting = range(waiting.start, part.stop), None
        if client_speaks:
            merged.append(part)
        elif merged:
            merged[-1] = range(merged[-1].start, part.stop)
        else:
            waiting = part
    if waiting is not None:  # nobody but me said anything in the whole chat
        merged.append(waiting)
    return merged


def _new_ticket(
    session: Session,
    client_id: int,
    title: str,
    created: datetime,
    last: datetime,
    status: TicketStatus,
    last_said: datetime | None,
) -> int:
    resolved = status == TicketStatus.RESOLVED
    changed = last_said if last_said is not None and status != TicketStatus.OPEN else created
    ticket = Ticket(
        client_id=client_id,
        title=" ".join(title.split())[:200] or "Chat",
        created_at=created,
        updated_at=max(last, created),
        status_changed_at=changed,
        status=status.value,
        resolved_at=changed if resolved else None,
    )
    session.add(ticket)
    session.flush()
    assert ticket.id is not None
    return ticket.id


def _follow_last_speaker(
    session: Session,
    ticket_id: int,
    messages: Sequence[ChatMessage],
    new: Sequence[int],
    me_senders: Collection[str],
    to_utc: UtcConverter,
) -> None:
    """An existing ticket that receives messages takes the status the last one said calls for,
    as a typed line would (`tickets.status_after_message`): the client speaking last makes it
    wait on us (a resolved one opens again), my answer last makes it wait on the client."""
    said = [messages[i] for i in new if _speaks(messages[i])]
    ticket = session.get(Ticket, ticket_id)
    if not said or ticket is None:
        return
    last = said[-1]
    status = status_after_message(
        ticket.status,
        from_me=last.sender in me_senders,
        kind=last.kind,
        answered=ticket.first_response_at is not None or any(m.sender in me_senders for m in said),
    )
    if status == ticket.status:
        return
    ticket.status = status
    ticket.status_changed_at = as_utc(to_utc(last.timestamp))
    ticket.resolved_at = None
    session.add(ticket)


def update_ticket_times(
    session: Session, placement: TicketPlacement, first_response: dict[int, datetime]
) -> list[int]:
    """The tickets that received messages: their first response (if it was still unknown), and
    "updated now" for the tickets that existed before. The tickets whose first response the
    import set (undoing it makes it unknown again)."""
    responded: list[int] = []
    for tid in dict.fromkeys(placement.touched):
        ticket = session.get(Ticket, tid)
        if ticket is None:
            continue
        if ticket.first_response_at is None and tid in first_response:
            ticket.first_response_at = as_utc(first_response[tid])
            responded.append(tid)
        ticket.updated_at = utcnow() if tid not in placement.created else ticket.updated_at
        session.add(ticket)
    session.flush()
    return responded
