"""Chat times (naive local wall-clock, as exported) as the database keeps them (naive UTC)."""

from __future__ import annotations

from datetime import datetime, timedelta

_HOUR = timedelta(hours=1)
_LAST_SECOND = timedelta(minutes=59, seconds=59)


def _offsets(local: datetime) -> tuple[timedelta, timedelta]:
    """The local zone's UTC offset at wall-clock *local*, read as the earlier and as the later of
    two moments (they differ only when the clocks go back, or jump over *local*)."""
    early = local.replace(fold=0).astimezone().utcoffset() or timedelta(0)
    late = local.replace(fold=1).astimezone().utcoffset() or timedelta(0)
    return early, late


class UtcConverter:
    """Naive local wall-clock → naive UTC, for messages in time order.

    An hour whose offset cannot change (nearly all of them) is looked up once, so nearly every call
    is one range check and a subtraction. In an hour where the clocks change each time is converted
    on its own; when the clocks go back a wall-clock time happens twice, and a time earlier than the
    message before it is read as the second one, so the messages keep the order they were sent in.
    """

    def __init__(self) -> None:
        self._cache: dict[datetime, timedelta | None] = {}
        self._start = datetime.max
        self._end = datetime.min
        self._offset = timedelta(0)
        self._last = datetime.min  # the last time converted in an hour the clocks change

    def __call__(self, local: datetime) -> datetime:
        if self._start <= local < self._end:
            return local - self._offset
        start = local.replace(minute=0, second=0, microsecond=0, fold=0)
        if start not in self._cache:
            # The same offset for the hour's first moment read as early as can be and its last
            # read as late as can be: the clocks neither go back nor jump within the hour.
            first = start.astimezone().utcoffset() or timedelta(0)
            last = (start + _LAST_SECOND).replace(fold=1).astimezone().utcoffset()
            self._cache[start] = first if first == (last or timedelta(0)) else None
        offset = self._cache[start]
        if offset is None:  # the clocks change in this hour
            self._start, self._end = datetime.max, datetime.min
            return self._changing(local)
        self._start, self._end, self._offset = start, start + _HOUR, offset
        return local - offset

    def _changing(self, local: datetime) -> datetime:
        early, late = _offsets(local)
        utc = local - early
        if early != late and utc < self._last:
            utc = local - late  # the second time this wall-clock time came round
        self._last = utc
        return utc


def db_text(value: datetime) -> str:
    """How SQLAlchemy stores a DateTime on SQLite (so comparisons keep working)."""
    return value.isoformat(" ", "microseconds")
