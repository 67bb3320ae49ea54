"""What the services that edit rows (clients, tickets, orders, …) share: finding the row,
which fields a caller may set, and writing the changes with the time of the edit."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlmodel import Session

from agencydesk.core.errors import UserError
from agencydesk.core.models import utcnow

Row = TypeVar("Row")


class Edited(Protocol):
    updated_at: datetime


def get_row(session: Session, model: type[Row], row_id: int, missing: str) -> Row:
    """The row *row_id* of *model*. One that is not there (deleted meanwhile, in another window
    say) is a `UserError` with the sentence *missing*."""
    row = session.get(model, row_id)
    if row is None:
        raise UserError(missing)
    return row


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
