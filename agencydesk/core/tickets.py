"""Support tickets: status, priority, due date, the conversation, the lists and the first-reply
times. The time spent on tickets (the timer, time entries) is `time_spent`."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, TypedDict, Unpack

import sqlalchemy as sa
from sqlmodel import Session, col, func

from agencydesk.core import versions
from agencydesk.core.clients import get_client
from agencydesk.core.edits import get_row, known_fields, one_line, save_changes
from agencydesk.core.errors import SaidError, UserError, ValidationError
from agencydesk.core.list_ids import ordered_ids, rows_with_ids
from agencydesk.core.models import (
    ACTIVE_STATUSES,
    Channel,
    Client,
    Message,
    MessageKind,
    Person,
    Priority,
    Ticket,
    TicketStatus,
    utcnow,
)
from agencydesk.core.row_columns import row_columns
from agencydesk.core.word_filter import every_word_in

EDITABLE_FIELDS = (
    "title",
    "status",
    "priority",
    "due_date",
    "channel",
    "satisfaction",
    "assignee_id",
)
DueFilter = Literal["any", "overdue", "today", "week", "none"]


@dataclass(frozen=True)
class TicketRow:
    """One line of a ticket list (no ORM object, safe to hand between threads)."""

    id: int
    client_id: int
    client_name: str
    title: str
    status: str
    priority: int
    due_date: date | None
    created_at: datetime
    updated_at: datetime
    #: the person it is assigned to (a team desk), or None
    assignee_id: int | None = None


def _validate(values: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if "title" in values:
        title = (values["title"] or "").strip()
        if not title:
            errors["title"] = "title_required"
        elif len(title) > 200:
            errors["title"] = "too_long"
    if "status" in values and values["status"] not in {s.value for s in TicketStatus}:
        errors["status"] = "status_unknown"
    if "priority" in values and values["priority"] not in {p.value for p in Priority}:
        errors["priority"] = "priority_unknown"
    if "channel" in values and values["channel"] not in {c.value for c in Channel}:
        errors["channel"] = "channel_unknown"
    satisfaction = values.get("satisfaction")
    if satisfaction is not None and satisfaction not in range(1, 6):
        errors["satisfaction"] = "satisfaction_range"
    return errors


def _check_assignee(session: Session, values: Mapping[str, Any]) -> None:
    """An assignee that is not (or no longer) a person of the desk: said, not a database error."""
    assignee = values.get("assignee_id")
    if assignee is not None and session.get(Person, assignee) is None:
        raise ValidationError({"assignee_id": "person_unknown"})


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = known_fields(values, EDITABLE_FIELDS, "ticket")
    if isinstance(cleaned.get("title"), str):
        cleaned["title"] = one_line(cleaned["title"])
    return cleaned


def _apply_status(ticket: Ticket, status: str, now: datetime) -> None:
    if status == ticket.status:
        return
    ticket.status = status
    ticket.status_changed_at = now
    if status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        ticket.resolved_at = ticket.resolved_at or now
    else:
        ticket.resolved_at = None


def create_ticket(
    *, session: Session, client_id: int, values: Mapping[str, Any], first_message: str = ""
) -> Ticket:
    """A new ticket for the client and, if given, the client's *first_message* as the first line
    of its conversation: both are written, or (on any error) neither."""
    cleaned = _clean(values)
    cleaned.setdefault("title", "")
    errors = _validate(cleaned)
    if errors:
        raise ValidationError(errors)
    _check_assignee(session, cleaned)
    get_client(session=session, client_id=client_id)  # a deleted client gets no new tickets
    now = utcnow()
    status = cleaned.pop("status", TicketStatus.OPEN.value)
    ticket = Ticket(
        client_id=client_id,
        title=cleaned.pop("title"),
        created_at=now,
        updated_at=now,
        status_changed_at=now,
    )
    for key, value in cleaned.items():
        setattr(ticket, key, value)
    ticket.status = TicketStatus.OPEN.value
    _apply_status(ticket, status, now)
    session.add(ticket)
    session.flush()
    if first_message.strip():
        assert ticket.id is not None
        add_message(
            session=session, ticket_id=ticket.id, body=first_message, from_me=False, sent_at=now
        )
    return ticket


def get_ticket(*, session: Session, ticket_id: int) -> Ticket:
    return get_row(session, Ticket, ticket_id, "gone_ticket")


def update_ticket(
    *,
    session: Session,
    ticket_id: int,
    values: Mapping[str, Any],
    seen_version: int | None = None,
    shown: Mapping[str, Any] | None = None,
) -> Ticket:
    """Save *values* over the ticket; *seen_version* as in `clients.update_client`. *shown*:
    what the editor showed of those fields at *seen_version*, when it saves only the fields the
    user changed (`versions.check_seen`: a field only the other desk changed is no conflict)."""
    if seen_version is not None:
        versions.require_present(session.get(Ticket, ticket_id), what="ticket", row_id=ticket_id)
    ticket = get_ticket(session=session, ticket_id=ticket_id)
    cleaned = _clean(values)
    errors = _validate(cleaned)
    if errors:
        raise ValidationError(errors)
    versions.check_seen(ticket, seen_version, cleaned, what="ticket", row_id=ticket_id, shown=shown)
    _check_assignee(session, cleaned)
    now = utcnow()
    if "status" in cleaned:
        _apply_status(ticket, cleaned.pop("status"), now)
    save_changes(session, ticket, cleaned, now)
    return ticket


def set_status(*, session: Session, ticket_id: int, status: str) -> Ticket:
    return update_ticket(session=session, ticket_id=ticket_id, values={"status": status})


#: tickets whose status is set at once, per statement
_STATUS_CHUNK = 500


def set_status_of_listed(
    *,
    session: Session,
    to: str,
    progress: Callable[[int, int], bool] | None = None,
    listed: int | None = None,
    **filters: Unpack[TicketFilters],
) -> int:
    """Set the status *to* on every ticket the list shows with *filters* (`ticket_ids`), each as
    `set_status` would (the day it changed, resolved or not, a new version), in the caller's
    transaction: how many changed (one already there is left as it was). *progress(done,
    total)* is told after each chunk; False stops, raising `StatusChangeStopped` (the caller's
    rollback leaves every ticket as it was). *listed*: how many the person saw listed (see
    `listed_ids`)."""
    if listed is None:
        ids = ticket_ids(session=session, **filters)
    else:
        ids = listed_ids(session=session, listed=listed, doing="status", **filters)
    return set_status_of(session=session, ticket_ids=ids, to=to, progress=progress)


def listed_ids(
    *,
    session: Session,
    listed: int,
    doing: Literal["delete", "status"],
    **filters: Unpack[TicketFilters],
) -> list[int]:
    """The ids of the tickets the list shows with *filters*, when they are the *listed* the
    person saw; else (a ticket opened, closed or changed since, here or on another desk: it
    would take the change unseen, or be left out) the `SaidError` "listed_changed_{doing}"
    says so."""
    ids = ticket_ids(session=session, **filters)
    if len(ids) != listed:
        raise SaidError(f"listed_changed_{doing}")
    return ids


def set_status_of(
    *,
    session: Session,
    ticket_ids: Sequence[int],
    to: str,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """`set_status_of_listed` for the tickets *ticket_ids* (those chosen by hand in the list);
    one deleted meanwhile is passed over."""
    errors = _validate({"status": to})
    if errors:
        raise ValidationError(errors)
    ids = list(dict.fromkeys(ticket_ids))
    now, changed = utcnow(), 0
    for start in range(0, len(ids), _STATUS_CHUNK):
        chunk = ids[start : start + _STATUS_CHUNK]
        for ticket in session.scalars(sa.select(Ticket).where(col(Ticket.id).in_(chunk))):
            if ticket.status != to:
                _apply_status(ticket, to, now)
                ticket.updated_at = now
                changed += 1
        session.flush()
        if progress is not None and not progress(start + len(chunk), len(ids)):
            raise StatusChangeStopped()
    return changed


class StatusChangeStopped(UserError):  # noqa: N818 (said to the user, like ImportCancelled)
    """The change of many tickets' status was stopped: none of them changed."""

    def __init__(self) -> None:
        super().__init__("Stopped; no ticket's status was changed.")


def assign(*, session: Session, ticket_id: int, person_id: int | None) -> Ticket:
    """Give the ticket to *person_id* (None: to nobody)."""
    return update_ticket(session=session, ticket_id=ticket_id, values={"assignee_id": person_id})


def delete_ticket(*, session: Session, ticket_id: int) -> None:
    """Remove a ticket with its time entries; its messages stay in the client's timeline."""
    session.delete(get_ticket(session=session, ticket_id=ticket_id))
    session.flush()


# -- the conversation ---------------------------------------------------------------------------
#: what is said in the conversation (not internal notes, not "X joined")
SAID_KINDS = (MessageKind.MESSAGE.value, MessageKind.MEDIA.value)


def status_after_message(status: str, *, from_me: bool, kind: str, answered: bool) -> str:
    """The status a ticket takes when a new message comes last, as help desks do: my reply
    hands the turn to the client ("waiting on client"); the client's message hands it back
    ("waiting on us", reopening a resolved ticket). A closed ticket stays closed; an open ticket
    nobody has answered yet already waits on us (since it was opened), and stays open; internal
    notes and system lines change nothing. The user can still set any status by hand.

    *answered*: someone has replied on the ticket before. The chat import applies the same
    rule to the last message of a chat part."""
    if kind not in SAID_KINDS:
        return status
    if from_me:
        if status in (TicketStatus.OPEN, TicketStatus.WAITING_ON_US):
            return TicketStatus.WAITING_ON_CLIENT.value
        return status
    if status in (TicketStatus.WAITING_ON_CLIENT, TicketStatus.RESOLVED) or (
        status == TicketStatus.OPEN and answered
    ):
        return TicketStatus.WAITING_ON_US.value
    return status


def _latest_said(session: Session, ticket_id: int) -> datetime | None:
    """When the newest line said on the ticket was sent (None: nothing said yet)."""
    statement = sa.select(func.max(Message.sent_at)).where(
        col(Message.ticket_id) == ticket_id, col(Message.kind).in_(SAID_KINDS)
    )
    latest: datetime | None = session.execute(statement).scalar_one()
    return latest


def add_message(
    *,
    session: Session,
    ticket_id: int,
    body: str,
    from_me: bool,
    kind: str = MessageKind.MESSAGE.value,
    sent_at: datetime | None = None,
    sender: str = "",
) -> Message:
    """Add a typed line to the ticket's conversation. A first reply sets the first response time;
    the newest line said moves the status (`status_after_message`)."""
    body = body.strip()
    if not body:
        raise ValidationError({"body": "body_required"})
    if kind not in {k.value for k in MessageKind}:
        raise ValueError(f"unknown message kind {kind!r}")
    ticket = get_ticket(session=session, ticket_id=ticket_id)
    now = utcnow()
    sent_at = sent_at or now
    message = Message(
        client_id=ticket.client_id,
        ticket_id=ticket_id,
        sent_at=sent_at,
        from_me=from_me,
        sender=sender,
        kind=kind,
        body=body,
        source="typed",
    )
    latest = _latest_said(session, ticket_id)
    session.add(message)
    if latest is None or sent_at >= latest:  # a line filled in from the past changes nothing
        status = status_after_message(
            ticket.status,
            from_me=from_me,
            kind=kind,
            answered=ticket.first_response_at is not None,
        )
        _apply_status(ticket, status, sent_at)
    if from_me and kind != MessageKind.NOTE and ticket.first_response_at is None:
        ticket.first_response_at = sent_at
    ticket.updated_at = now
    session.add(ticket)
    session.flush()
    return message


@dataclass(frozen=True)
class ConversationLine:
    """One line of a ticket's conversation: these columns of `Message` (no ORM object)."""

    id: int
    sent_at: datetime
    from_me: bool
    sender: str
    kind: str
    body: str
    media_file: str | None
    #: "deleted", "media-omitted", … as imported (core.message_notes reads them)
    flags: str
    #: the person of the desk who typed it (None: imported, or a solo desk)
    author_id: int | None


def conversation(*, session: Session, ticket_id: int) -> list[ConversationLine]:
    """Every line of the ticket's conversation, oldest first (for a view: `latest_conversation`)."""
    statement = (
        sa.select(*row_columns(ConversationLine, Message))
        .where(col(Message.ticket_id) == ticket_id)
        .order_by(col(Message.sent_at), col(Message.id))
    )
    return [ConversationLine(*row) for row in session.execute(statement).all()]


@dataclass(frozen=True)
class LatestLines:
    """The latest lines of a ticket's conversation, oldest first, and how many came earlier."""

    lines: list[ConversationLine]
    earlier: int


def latest_conversation(*, session: Session, ticket_id: int, limit: int) -> LatestLines:
    """The ticket's latest *limit* lines: a whole chat imported into one ticket can hold a
    million messages, which no view shows at once (20,000 took 1.6 s and 580 MB to draw). The
    earlier ones are only counted, and only when there are some."""
    statement = (
        sa.select(*row_columns(ConversationLine, Message))
        .where(col(Message.ticket_id) == ticket_id)
        .order_by(col(Message.sent_at).desc(), col(Message.id).desc())
        .limit(limit + 1)
    )
    rows = list(session.execute(statement).all())
    earlier = 0
    if len(rows) > limit:
        counted = sa.select(func.count()).where(col(Message.ticket_id) == ticket_id)
        earlier = session.execute(counted).scalar_one() - limit
        del rows[limit:]
    return LatestLines([ConversationLine(*row) for row in reversed(rows)], earlier)


# -- lists -------------------------------------------------------------------------------------
class TicketFilters(TypedDict, total=False):
    """What the ticket list and its count are filtered by (all optional): statuses, a client,
    a priority, the due date (*today* is the day "overdue" and "this week" are counted from),
    and *search*: every word in the title or the client's name. Deleted clients' tickets never
    show."""

    status: Sequence[str] | None
    client_id: int | None
    priority: int | None
    due: DueFilter
    search: str
    today: date | None
    #: only the tickets assigned to this person ("Mine" on a team desk)
    assignee_id: int | None


def _conditions(
    *,
    status: Sequence[str] | None = None,
    client_id: int | None = None,
    priority: int | None = None,
    due: DueFilter = "any",
    search: str = "",
    today: date | None = None,
    assignee_id: int | None = None,
    clients_joined: bool = True,
) -> list[sa.ColumnElement[bool]]:
    """The WHERE of `TicketFilters`. The lists join `Client`, so client columns may be used;
    without *clients_joined*, the deleted clients are left out by their ids (and *search*,
    which reads the client's name, must be empty)."""
    today = today or date.today()
    if clients_joined:
        live = col(Client.deleted_at).is_(None)
    else:
        deleted = sa.select(col(Client.id)).where(col(Client.deleted_at).is_not(None))
        live = col(Ticket.client_id).not_in(deleted)
    conditions: list[sa.ColumnElement[bool]] = [live]
    if status:
        conditions.append(col(Ticket.status).in_(list(status)))
    if client_id is not None:
        conditions.append(col(Ticket.client_id) == client_id)
    if priority is not None:
        conditions.append(col(Ticket.priority) == priority)
    if assignee_id is not None:
        conditions.append(col(Ticket.assignee_id) == assignee_id)
    due_date = col(Ticket.due_date)
    if due == "overdue":
        conditions.append(due_date < today)
    elif due == "today":
        conditions.append(due_date == today)
    elif due == "week":
        conditions.append(sa.and_(due_date >= today, due_date <= today + timedelta(days=7)))
    elif due == "none":
        conditions.append(due_date.is_(None))
    if due in ("overdue", "today", "week"):
        conditions.append(col(Ticket.status).in_([s.value for s in ACTIVE_STATUSES]))
    conditions += every_word_in(search, (col(Ticket.title), col(Client.name)))
    return conditions


TicketSort = Literal["due", "created", "updated", "priority", "client", "title", "status"]


def list_tickets(
    *,
    session: Session,
    sort: TicketSort = "due",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    **filters: Unpack[TicketFilters],
) -> list[TicketRow]:
    """A page of tickets across all clients, filtered and sorted in SQL."""
    order = _list_order(sort, descending)
    chosen = _chosen(filters, sort)
    if chosen is None:
        statement = _listed(filters).order_by(*order).offset(offset).limit(limit)
    else:  # the page's tickets first, then their clients' names for those alone
        page = chosen.order_by(*order).offset(offset).limit(limit)
        statement = _listed({}).where(col(Ticket.id).in_(page)).order_by(*order)
    return [TicketRow(*row) for row in session.execute(statement).all()]


def client_tickets(*, session: Session, client_id: int, limit: int) -> list[TicketRow]:
    """The client's *limit* newest tickets, whatever their status (newest first)."""
    return list_tickets(
        session=session,
        client_id=client_id,
        status=None,
        sort="created",
        descending=True,
        limit=limit,
    )


def ticket_ids(
    *,
    session: Session,
    sort: TicketSort = "due",
    descending: bool = False,
    **filters: Unpack[TicketFilters],
) -> list[int]:
    """The ids of every row of `list_tickets` (same sort and filters), in its order."""
    order = _list_order(sort, descending)
    chosen = _chosen(filters, sort)
    return ordered_ids(
        session, _listed(filters) if chosen is None else chosen, order, col(Ticket.id)
    )


def ticket_rows(*, session: Session, ids: Sequence[int]) -> list[TicketRow]:
    """The rows `list_tickets` shows for the tickets *ids* (those still there), in no particular
    order."""
    return rows_with_ids(session, _listed({}), col(Ticket.id), ids, TicketRow)


def _listed(filters: TicketFilters) -> sa.Select[Any]:
    return (
        sa.select(*row_columns(TicketRow, Ticket, client_name=col(Client.name)))
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(*_conditions(**filters))
    )


def _chosen(filters: TicketFilters, sort: TicketSort) -> sa.Select[Any] | None:
    """The ids of the tickets *filters* list, without joining their clients, when neither the
    sort nor the search needs the client's name (None otherwise): the join cost 150 ms of the
    first page of 100,000 tickets, five times the sort itself. The (few) deleted clients'
    tickets are left out by their ids instead."""
    if sort == "client" or filters.get("search", "").strip():
        return None
    unsearched = filters | {"search": ""}  # (blank: no words to look for)
    return sa.select(col(Ticket.id)).where(*_conditions(**unsearched, clients_joined=False))


def _list_order(sort: TicketSort, descending: bool) -> list[Any]:
    keys: dict[str, Any] = {
        "due": col(Ticket.due_date),
        "created": col(Ticket.created_at),
        "updated": col(Ticket.updated_at),
        "priority": col(Ticket.priority),
        "client": func.lower(Client.name),
        "title": func.lower(Ticket.title),
        "status": col(Ticket.status),
    }
    key = keys[sort]
    order: list[Any] = []
    if sort == "due":
        order.append(col(Ticket.due_date).is_(None))  # tickets without a due date last
    order.append(key.desc() if descending else key.asc())
    return [*order, col(Ticket.priority).desc(), col(Ticket.id).desc()]


def ticket_and_client_ids(
    *, session: Session, **filters: Unpack[TicketFilters]
) -> list[tuple[int, int]]:
    """(ticket id, client id) of every ticket `list_tickets` lists with the same filters."""
    statement = _listed(filters).with_only_columns(col(Ticket.id), col(Ticket.client_id))
    return [(ticket_id, client_id) for ticket_id, client_id in session.execute(statement).all()]


def largest_ticket_number(*, session: Session) -> int:
    """The largest ticket number (id) there is, 0 without tickets: how wide a column of ticket
    numbers must be."""
    return int(session.execute(sa.select(func.coalesce(func.max(Ticket.id), 0))).scalar_one())


def count_tickets(*, session: Session, **filters: Unpack[TicketFilters]) -> int:
    """How many tickets `list_tickets` lists with the same filters (all pages)."""
    statement = (
        sa.select(func.count())
        .select_from(Ticket)
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(*_conditions(**filters))
    )
    return int(session.execute(statement).scalar_one())


# -- first replies -----------------------------------------------------------------------------
def median_first_response(
    *, session: Session, since: datetime, until: datetime | None = None
) -> tuple[timedelta | None, int]:
    """Median time to the first reply for tickets opened in [since, until); and how many."""
    conditions = [col(Ticket.created_at) >= since, col(Ticket.first_response_at).is_not(None)]
    if until is not None:
        conditions.append(col(Ticket.created_at) < until)
    rows = session.execute(
        sa.select(col(Ticket.created_at), col(Ticket.first_response_at)).where(*conditions)
    ).all()
    waits = [(first - created).total_seconds() for created, first in rows if first is not None]
    if not waits:
        return None, 0
    return timedelta(seconds=statistics.median(waits)), len(waits)
