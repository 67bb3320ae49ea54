"""Day/month order detection shared by the WhatsApp, LINE and CSV parsers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time

from .model import ChatImportError

DATE_ORDERS = ("DMY", "MDY", "YMD")


def check_date_order(value: str | None) -> str | None:
    """Validate a user-supplied ``date_order`` (case-insensitive)."""
    if value is None:
        return None
    if not isinstance(value, str) or value.upper() not in DATE_ORDERS:
        raise ChatImportError("unknown_date_order", order=value, orders=", ".join(DATE_ORDERS))
    return value.upper()


def full_year(y: int) -> int:
    """Two-digit years are 20xx (chat apps are younger than 2000)."""
    return 2000 + y if y < 100 else y


def make_date(order: str, a: int, b: int, c: int) -> date | None:
    """Date from three numbers as written, or ``None`` when impossible."""
    try:
        if order == "YMD":
            return date(full_year(a), b, c)
        if order == "MDY":
            return date(full_year(c), a, b)
        return date(full_year(c), b, a)
    except (ValueError, OverflowError):
        return None


def clock_time(hour: int, minute: int, second: int, am_pm: str | None) -> time | None:
    """The time written *hour*:*minute*:*second*, with *am_pm* ``"a"`` or ``"p"`` (any case) on
    a 12-hour clock (then the hour is 1 to 12), or ``None`` when there is no such time."""
    if am_pm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if am_pm in "pP" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _decreases(seq: Sequence[tuple[int, int, int]]) -> int:
    n = 0
    prev: tuple[int, int, int] | None = None
    for key in seq:
        if prev is not None and key < prev:
            n += 1
        prev = key
    return n


def decide_day_month_order(
    triples: Iterable[tuple[int, int, int]], fallback: str
) -> tuple[str, str]:
    """Decide between ``"DMY"`` and ``"MDY"`` for dates written ``a/b/year``.

    ``triples`` are ``(a, b, year)`` in file order (duplicates may be removed,
    order kept). Returns ``(order, reason)``. Rules, over the whole file:
    a value above 12 in one position decides; otherwise the order under which
    the dates never go backwards (or go backwards least) wins; otherwise
    ``fallback`` (the language of the file).
    """
    items = list(triples)
    a_big = sum(1 for a, _b, _y in items if a > 12)
    b_big = sum(1 for _a, b, _y in items if b > 12)
    if a_big and not b_big:
        return "DMY", "a day above 12 comes first"
    if b_big and not a_big:
        return "MDY", "a day above 12 comes second"
    if a_big and b_big:
        # Contradictory file (damaged or merged): the majority wins.
        return ("DMY" if a_big >= b_big else "MDY"), "dates are inconsistent"
    dmy = _decreases([(full_year(y), b, a) for a, b, y in items])
    mdy = _decreases([(full_year(y), a, b) for a, b, y in items])
    if dmy < mdy:
        return "DMY", "chronology"
    if mdy < dmy:
        return "MDY", "chronology"
    return fallback, "language"
