"""How a cascade spread over time (orders and revenue per day and generation, with the referral
moments), and the one-read report of a root that the Referrals page and the PDF use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from sqlmodel import Session

from agencydesk.core.referrals.figures import Cascade, _cascade
from agencydesk.core.referrals.graph import Tree, _load_subtree, _Subtree, _tree, gc_paused

_T = TypeVar("_T", bound=tuple[Any, ...])


# -- spread over time ---------------------------------------------------------------------------
class SpreadPoint(NamedTuple):
    """Totals up to and including `on`, per generation (index = generation)."""

    on: date
    orders: tuple[int, ...]
    revenue: tuple[int, ...]


class SpreadSteps(NamedTuple):
    """One generation's running total: from `days[i]` on (up to the next) it is `totals[i]`,
    the orders or rupiah so far. Two tuples, not a pair per day: made by C loops, no object a
    step."""

    days: tuple[date, ...]
    totals: tuple[int, ...]


class ReferralMoment(NamedTuple):
    """A client of the cascade was introduced: `introduced_on`, else their first contact."""

    on: date
    client_id: int
    name: str
    generation: int
    referrer_id: int


@dataclass(frozen=True)
class SpreadSeries:
    """The data of the "one client spreading into new orders" plot: cumulative orders (counted
    on their order day) and revenue (on the day paid), stacked by generation.

    Kept per generation on the days its totals change (`orders`, `revenue`), not per day for
    every generation: a chain 4,000 deep with an order a day is 4,000 steps, where a table of
    its days by its generations held 16 million totals. `points` is that table, for small
    series."""

    root_id: int
    generations: int
    days: tuple[date, ...]  # every day with an order or a payment, in order
    orders: tuple[SpreadSteps, ...]  # per generation, on its days with an order
    revenue: tuple[SpreadSteps, ...]  # on its days with a payment (in rupiah)
    moments: tuple[ReferralMoment, ...]

    @functools.cached_property
    def points(self) -> tuple[SpreadPoint, ...]:
        """The totals per generation on each of `days`: days × generations numbers."""
        return tuple(
            map(
                _as(SpreadPoint),
                zip(
                    self.days,
                    _per_day(self.days, self.orders),
                    _per_day(self.days, self.revenue),
                    strict=True,
                ),
            )
        )

    @classmethod
    def from_points(
        cls,
        root_id: int,
        generations: int,
        points: Sequence[SpreadPoint],
        moments: tuple[ReferralMoment, ...],
    ) -> SpreadSeries:
        """The series whose `points` are *points* (a day and every generation's totals)."""

        def steps(values: Sequence[tuple[int, ...]], g: int) -> SpreadSteps:
            totals = [v[g] if g < len(v) else 0 for v in values]
            changes = [
                (point.on, total)
                for point, total, before in zip(points, totals, [0, *totals], strict=False)
                if total != before
            ]
            return SpreadSteps(tuple(on for on, _ in changes), tuple(total for _, total in changes))

        orders = [p.orders for p in points]
        revenue = [p.revenue for p in points]
        return cls(
            root_id,
            generations,
            tuple(p.on for p in points),
            tuple(steps(orders, g) for g in range(generations)),
            tuple(steps(revenue, g) for g in range(generations)),
            moments,
        )


def _per_day(days: Sequence[date], generations: Sequence[SpreadSteps]) -> Iterator[tuple[int, ...]]:
    """Per day of *days* (which hold every step's day), the total of each generation."""
    if not generations:
        return repeat((), len(days))
    return zip(*(_on_days(days, steps) for steps in generations), strict=True)


def _on_days(days: Sequence[date], steps: SpreadSteps) -> list[int]:
    """The total of *steps* on each of *days*."""
    totals, total, i = [], 0, 0
    for day in days:
        if i < len(steps.days) and steps.days[i] == day:
            total = steps.totals[i]
            i += 1
        totals.append(total)
    return totals


def spread_over_time(*, session: Session, root_id: int) -> SpreadSeries:
    return _spread(_load_subtree(session, root_id))


def _as(kind: type[_T]) -> Callable[[tuple[Any, ...]], _T]:
    """Plain tuples (in field order) → *kind*, a NamedTuple, without a Python call per tuple (the
    generated `__new__` costs more than the tuple itself)."""
    return functools.partial(tuple.__new__, kind)


def _running_totals(changes: dict[date, int], rank: Callable[[date], int]) -> SpreadSteps:
    """The steps of one generation from its changes per day, sorted by day and summed by
    `itertools.accumulate`: no Python per day. Sorted by each day's *rank* among all days, an
    int, which sorts three times faster than dates. A payment of nothing is a step too, as in
    the days of `_spread`."""
    days = sorted(changes, key=rank)
    return SpreadSteps(tuple(days), tuple(accumulate(map(changes.__getitem__, days))))


_ON = itemgetter(0)  # a ReferralMoment's day


def _spread(sub: _Subtree) -> SpreadSeries:
    days = tuple(sorted(set().union(*sub.order_steps, *sub.revenue_steps)))
    rank = {day: i for i, day in enumerate(days)}.__getitem__
    orders = tuple(_running_totals(changes, rank) for changes in sub.order_steps)
    revenue = tuple(_running_totals(changes, rank) for changes in sub.revenue_steps)
    # sorted by (day, generation, client id): made from the clients below the root by
    # generation and id, then sorted by day alone, which keeps that order among the moments of
    # one day (a stable sort comparing days only, no tuples)
    moment = _as(ReferralMoment)
    moments = [
        moment((on, node.id, node.name, node.generation, node.parent_id))
        for node in map(sub.nodes.__getitem__, chain.from_iterable(map(sorted, sub.levels[1:])))
        if (on := node.introduced_on or node.first_contact)
    ]
    moments.sort(key=_ON)
    return SpreadSeries(sub.root_id, len(sub.levels), days, orders, revenue, tuple(moments))


@dataclass(frozen=True)
class RootReport:
    """Everything the referral page shows for one root, from one read of the database."""

    tree: Tree
    cascade: Cascade
    spread: SpreadSeries


def root_report(*, session: Session, root_id: int) -> RootReport:
    """`subtree`, `cascade` and `spread_over_time` of *root_id* at once (two queries in all)."""
    with gc_paused():
        return _root_report(_load_subtree(session, root_id))


def _root_report(sub: _Subtree) -> RootReport:
    """The report of *sub*. A function of its own so that *sub*'s working data (its per-day
    sums) is freed when it returns, before `root_report` lets the garbage collector run again:
    the collection that follows walks every object made meanwhile that is still alive."""
    return RootReport(_tree(sub), _cascade(sub), _spread(sub))
