"""Soft deletion, for clients and guides: the row stays with `deleted_at` set, so that a delete
can be undone; the lists and pickers leave such rows out."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from agencydesk.core.models import utcnow


class SoftDeletable(Protocol):
    deleted_at: datetime | None
    updated_at: datetime


def soft_delete(session: Session, row: SoftDeletable) -> None:
    row.deleted_at = utcnow()
    session.add(row)
    session.flush()


def undelete(session: Session, row: SoftDeletable) -> None:
    row.deleted_at = None
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
