"""Soft deletion, for clients and guides: the row stays with `deleted_at` set, so that a delete
can be undone; the lists and pickers leave such rows out, and the services treat it as gone."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from sqlmodel import Session

from agencydesk.core.edits import get_row
from agencydesk.core.errors import SaidError
from agencydesk.core.models import utcnow


class SoftDeletable(Protocol):
    deleted_at: datetime | None
    updated_at: datetime


Row = TypeVar("Row", bound=SoftDeletable)


def get_live(
    session: Session, model: type[Row], row_id: int, *, missing: str, include_deleted: bool
) -> Row:
    """The row *row_id* of *model*; a deleted one only with *include_deleted* (to undelete it).
    A row that is not there raises the `SaidError` of the kind *missing*."""
    row = get_row(session, model, row_id, missing)
    if row.deleted_at is not None and not include_deleted:
        raise SaidError(missing)
    return row


def soft_delete(session: Session, row: SoftDeletable) -> None:
    row.deleted_at = utcnow()
    session.add(row)
    session.flush()


def undelete(session: Session, row: SoftDeletable) -> None:
    row.deleted_at = None
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
