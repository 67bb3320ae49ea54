"""Timestamps: stored as naive UTC, handed to the code as aware UTC.

SQLite has no time zones, so a DATETIME column comes back naive. Every timestamp column uses
`UTCDateTime`, which writes UTC without a zone (what the database has always held) and reads it
back aware, so the rest of the code compares and subtracts without asking where a value came
from. Values that do not pass through a column type (raw SQL, naive UTC computed by hand) go
through `as_utc`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa


def as_utc(value: datetime) -> datetime:
    """*value* as aware UTC; a naive value is taken to be UTC already (how SQLite keeps it)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A DATETIME column that stores naive UTC and returns aware UTC."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def local_days_as_utc(start: date, end: date) -> tuple[datetime, datetime]:
    """The local days *start* to *end* (both included) as UTC moments: [start 00:00, the day
    after *end* 00:00), local time."""
    since = datetime.combine(start, time.min).astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time.min).astimezone(UTC)
    return since, until
