"""What the services that edit rows (clients, tickets, orders, …) share: finding the row,
which fields a caller may set, and writing the changes with the time of the edit."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlmodel import Session

from agencydesk.core.errors import SaidError
from agencydesk.core.models import Client, Order, Ticket, utcnow

Row = TypeVar("Row")


class Edited(Protocol):
    updated_at: datetime


def get_row(session: Session, model: type[Row], row_id: int, missing: str) -> Row:
    """The row *row_id* of *model*. One that is not there (deleted meanwhile, in another window
    say) is a `SaidError` of the kind *missing* ("gone_ticket", …)."""
    row = session.get(model, row_id)
    if row is None:
        raise SaidError(missing)
    return row


def live_client(session: Session, client_id: int) -> Client:
    """The client *client_id*, refused (`UserError`) when deleted or never there."""
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise SaidError("gone_client")
    return client


def check_belongs(
    session: Session, client_id: int, ticket_id: int | None = None, order_id: int | None = None
) -> Client:
    """The live client *client_id*, after checking that the ticket and the order given (if any)
    are theirs: a row linked to someone else's ticket would show on the wrong timeline."""
    client = live_client(session, client_id)
    if ticket_id is not None:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.client_id != client_id:
            raise SaidError("ticket_not_the_clients")
    if order_id is not None:
        order = session.get(Order, order_id)
        if order is None or order.client_id != client_id:
            raise SaidError("order_not_the_clients")
    return client


def known_fields(values: Mapping[str, Any], editable: Collection[str], what: str) -> dict[str, Any]:
    """A copy of *values*. A name outside *editable* is the calling code's mistake (never the
    user's), so it is a `TypeError` naming the fields, "not <what> fields: [...]"."""
    unknown = set(values) - set(editable)
    if unknown:
        raise TypeError(f"not {what} fields: {sorted(unknown)}")
    return dict(values)


def one_line(text: str) -> str:
    """*text* with its runs of white space (line breaks too) as single spaces, trimmed."""
    return " ".join(text.split())


def save_changes(
    session: Session, row: Edited, changes: Mapping[str, Any], now: datetime | None = None
) -> None:
    """Set *changes* on *row*, stamp it as updated *now* and write it."""
    for key, value in changes.items():
        setattr(row, key, value)
    row.updated_at = now or utcnow()
    session.add(row)
    session.flush()
