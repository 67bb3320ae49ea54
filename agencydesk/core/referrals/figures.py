"""The spread figures of a cascade and of the whole business: generations, K, the multiplier,
days between generations, the top referrers.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import attrgetter, sub

from sqlmodel import Session

from agencydesk.core.referrals.graph import (
    TOP_REFERRERS,
    Node,
    _Client,
    _levels,
    _load_all,
    _load_subtree,
    _Subtree,
)


# -- spread analytics ---------------------------------------------------------------------------
@dataclass(frozen=True)
class GenerationStats:
    generation: int
    clients: int
    orders: int
    revenue: int
    #: clients in the next generation / clients in this one
    k: float | None
    #: median days from the first order of a client of this generation to their referrals' first
    #: orders (None without such a pair)
    median_days_to_referrals: float | None


@dataclass(frozen=True)
class Cascade:
    """One root's cascade. See the module docstring for every definition."""

    root_id: int
    root_name: str
    clients: int  # the root included
    referred: int  # everyone below the root
    root_revenue: int
    cascade_revenue: int  # everyone below the root, not the root's own
    total_revenue: int
    multiplier: float | None
    k: float | None
    median_days_between_generations: float | None
    generations: tuple[GenerationStats, ...]
    paid_other_currencies: dict[str, int]


@dataclass(frozen=True)
class ReferrerStats:
    client_id: int
    name: str
    direct_referrals: int
    cascade_clients: int  # everyone below them
    cascade_revenue: int  # the revenue of everyone below them


@dataclass(frozen=True)
class BusinessSpread:
    """The whole business: how much came by referral, and who brought it."""

    clients: int
    referred_clients: int  # clients someone introduced
    total_revenue: int
    referred_revenue: int  # revenue of clients someone introduced
    referral_share: float | None  # referred_revenue / total_revenue
    k: float | None
    median_days_between_generations: float | None
    generations: tuple[GenerationStats, ...]  # generation g: clients at depth g of any tree
    top_by_revenue: tuple[ReferrerStats, ...]
    top_by_count: tuple[ReferrerStats, ...]
    paid_other_currencies: dict[str, int]


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


#: a client's (Node or _Client) figures, read by C loops
_ORDERS = attrgetter("orders")
_REVENUE = attrgetter("revenue")
_FIRST_ORDER = attrgetter("first_order_on")
_REFERRER = attrgetter("parent_id")
_IN_DAYS = attrgetter("days")  # of a timedelta


def _gaps(referred: Sequence[_Client | Node], nodes: Mapping[int, _Client | Node]) -> list[int]:
    """The days from each referrer's first order to the first order of *referred* (clients of
    one generation, not the first), where both have one; sorted, so that the medians sort
    them again in one pass, and all generations' together by merging these runs."""
    theirs = list(map(_FIRST_ORDER, referred))
    referrers = list(map(_FIRST_ORDER, map(nodes.__getitem__, map(_REFERRER, referred))))
    both = list(map(all, zip(theirs, referrers, strict=True)))  # dates are true, None false
    return sorted(map(_IN_DAYS, map(sub, compress(theirs, both), compress(referrers, both))))


def _generation_stats(
    levels: Sequence[Sequence[int]], nodes: Mapping[int, _Client | Node]
) -> tuple[tuple[GenerationStats, ...], float | None, float | None]:
    """Per-generation figures, overall K and the overall median days between generations.
    *levels*: the ids of each generation (see `_levels`), summed a generation at a time by C
    loops (`map`, `attrgetter`): no Python per client."""
    if not levels:
        return (), None, None
    members = [list(map(nodes.__getitem__, level)) for level in levels]
    clients = [len(level) for level in levels]
    # gaps[g]: from the first orders of generation g to those of the clients they brought
    gaps = [_gaps(referred, nodes) for referred in members[1:]] + [[]]
    stats = tuple(
        GenerationStats(
            generation=g,
            clients=clients[g],
            orders=sum(map(_ORDERS, members[g])),
            revenue=sum(map(_REVENUE, members[g])),
            k=(clients[g + 1] if g + 1 < len(clients) else 0) / clients[g],
            median_days_to_referrals=_median(gaps[g]),
        )
        for g in range(len(levels))
    )
    # everyone but the newest generation could refer; everyone but the first was referred
    could_refer = sum(clients[:-1])
    k = sum(clients[1:]) / could_refer if could_refer else None
    return stats, k, _median(list(chain.from_iterable(gaps)))


def cascade(*, session: Session, root_id: int) -> Cascade:
    """The cascade below *root_id*: generations, K, revenue, the pigeon-to-zoo multiplier."""
    return _cascade(_load_subtree(session, root_id))


def _cascade(sub: _Subtree) -> Cascade:
    nodes = sub.nodes
    generations, k, median_gap = _generation_stats(sub.levels, nodes)
    root = nodes[sub.root_id]
    total = sum(generation.revenue for generation in generations)
    below = total - root.revenue
    return Cascade(
        root_id=sub.root_id,
        root_name=root.name,
        clients=len(nodes),
        referred=len(nodes) - 1,
        root_revenue=root.revenue,
        cascade_revenue=below,
        total_revenue=total,
        multiplier=below / root.revenue if root.revenue else None,
        k=k,
        median_days_between_generations=median_gap,
        generations=generations,
        paid_other_currencies=dict(sorted(sub.paid_other.items())),
    )


def business_spread(*, session: Session, top: int = TOP_REFERRERS) -> BusinessSpread:
    """Referral figures for the whole business, over every tree of the forest."""
    graph = _load_all(session)
    levels = _levels(graph.roots, lambda client_id: graph.clients[client_id].children)
    generations, k, median_gap = _generation_stats(levels, graph.clients)
    below_revenue: dict[int, int] = {}
    below_count: dict[int, int] = {}
    for node_id in reversed(graph.order):  # children before their referrer
        node = graph.clients[node_id]
        below_revenue[node_id] = sum(
            below_revenue[c] + graph.clients[c].revenue for c in node.children
        )
        below_count[node_id] = sum(below_count[c] + 1 for c in node.children)
    referrers = [
        ReferrerStats(
            client_id=c.id,
            name=c.name,
            direct_referrals=len(c.children),
            cascade_clients=below_count[c.id],
            cascade_revenue=below_revenue[c.id],
        )
        for c in graph.clients.values()
        if c.children
    ]
    by_revenue = sorted(
        referrers,
        key=lambda r: (-r.cascade_revenue, -r.cascade_clients, r.name.casefold(), r.client_id),
    )
    by_count = sorted(
        referrers,
        key=lambda r: (-r.cascade_clients, -r.cascade_revenue, r.name.casefold(), r.client_id),
    )
    roots = set(graph.roots)
    total = sum(c.revenue for c in graph.clients.values())
    referred_revenue = sum(c.revenue for c in graph.clients.values() if c.id not in roots)
    return BusinessSpread(
        clients=len(graph.clients),
        referred_clients=len(graph.clients) - len(roots),
        total_revenue=total,
        referred_revenue=referred_revenue,
        referral_share=referred_revenue / total if total else None,
        k=k,
        median_days_between_generations=median_gap,
        generations=generations,
        top_by_revenue=tuple(by_revenue[:top]),
        top_by_count=tuple(by_count[:top]),
        paid_other_currencies=dict(sorted(graph.paid_other.items())),
    )
