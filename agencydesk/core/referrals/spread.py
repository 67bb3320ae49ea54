"""How a cascade spread over time (orders and revenue per day and generation, with the referral
moments), and the one-read report of a root that the Referrals page and the PDF use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, chain
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
    on their order day) and revenue (on the day paid) by date, stacked by generation."""

    root_id: int
    generations: int
    points: tuple[SpreadPoint, ...]
    moments: tuple[ReferralMoment, ...]


def spread_over_time(*, session: Session, root_id: int) -> SpreadSeries:
    return _spread(_load_subtree(session, root_id))


def _as(kind: type[_T]) -> Callable[[tuple[Any, ...]], _T]:
    """Plain tuples (in field order) → *kind*, a NamedTuple, without a Python call per tuple (the
    generated `__new__` costs more than the tuple itself)."""
    return functools.partial(tuple.__new__, kind)


def _running_totals(
    days: list[date], steps: dict[date, list[int]], depth: int
) -> Iterator[tuple[int, ...]]:
    """Per day of *days*, the totals so far per generation. Summed a generation at a time by
    `itertools.accumulate` and turned into one tuple per day by `zip`: no Python per cell (for a
    big cascade this is thousands of days times every generation)."""
    empty = [0] * depth
    per_day = [steps.get(on, empty) for on in days]
    return zip(*(accumulate(column) for column in zip(*per_day, strict=True)), strict=True)


_ON = itemgetter(0)  # a ReferralMoment's day


def _spread(sub: _Subtree) -> SpreadSeries:
    depth = len(sub.levels)
    days = sorted(sub.order_steps.keys() | sub.revenue_steps.keys())
    points = tuple(
        map(
            _as(SpreadPoint),
            zip(
                days,
                _running_totals(days, sub.order_steps, depth),
                _running_totals(days, sub.revenue_steps, depth),
                strict=True,
            ),
        )
    )
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
    return SpreadSeries(sub.root_id, depth, points, tuple(moments))


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
