"""Chat times (naive local wall-clock, as exported) as the database keeps them (naive UTC)."""

from __future__ import annotations

from datetime import datetime, timedelta

_HOUR = timedelta(hours=1)


class UtcConverter:
    """Naive local wall-clock → naive UTC. The offset is looked up once per local hour; chat
    messages come in time order, so nearly every call is one range check and a subtraction."""

    def __init__(self) -> None:
        self._cache: dict[datetime, timedelta] = {}
        self._start = datetime.max
        self._end = datetime.min
        self._offset = timedelta(0)

    def __call__(self, local: datetime) -> datetime:
        if self._start <= local < self._end:
            return local - self._offset
        start = local.replace(minute=0, second=0, microsecond=0)
        offset = self._cache.get(start)
        if offset is None:
            offset = self._cache[start] = start.astimezone().utcoffset() or timedelta(0)
        self._start, self._end, self._offset = start, start + _HOUR, offset
        return local - offset


def db_text(value: datetime) -> str:
    """How SQLAlchemy stores a DateTime on SQLite (so comparisons keep working)."""
    return value.isoformat(" ", "microseconds")
