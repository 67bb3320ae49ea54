"""How a cascade spread over time (orders and revenue per day and generation, with the referral
moments), and the one-read report of a root that the Referrals page and the PDF use.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlmodel import Session

from agencydesk.core.referrals.figures import Cascade, _cascade
from agencydesk.core.referrals.graph import Tree, _load_subtree, _Subtree, _tree


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


def _spread(sub: _Subtree) -> SpreadSeries:
    order_steps = sub.order_steps
    revenue_steps = sub.revenue_steps
    orders_so_far = (0,) * sub.depth
    revenue_so_far = orders_so_far
    points = []
    for on in sorted(order_steps.keys() | revenue_steps.keys()):
        step = order_steps.get(on)
        if step is not None:
            orders_so_far = tuple(map(operator.add, orders_so_far, step))
        step = revenue_steps.get(on)
        if step is not None:
            revenue_so_far = tuple(map(operator.add, revenue_so_far, step))
        points.append(SpreadPoint(on, orders_so_far, revenue_so_far))
    # (day, generation, client id, …): sorted as plain tuples, the client id breaks every tie
    pending = []
    for node_id, node in sub.nodes.items():
        introduced = node.introduced_on or node.first_contact
        if node_id == sub.root_id or introduced is None or node.parent_id is None:
            continue
        pending.append((introduced, node.generation, node_id, node.name, node.parent_id))
    pending.sort()
    moments = tuple(
        ReferralMoment(on, client_id, name, generation, referrer_id)
        for on, generation, client_id, name, referrer_id in pending
    )
    return SpreadSeries(sub.root_id, sub.depth, tuple(points), moments)


@dataclass(frozen=True)
class RootReport:
    """Everything the referral page shows for one root, from one read of the database."""

    tree: Tree
    cascade: Cascade
    spread: SpreadSeries


def root_report(*, session: Session, root_id: int) -> RootReport:
    """`subtree`, `cascade` and `spread_over_time` of *root_id* at once (two queries in all)."""
    sub = _load_subtree(session, root_id)
    return RootReport(_tree(sub), _cascade(sub), _spread(sub))
