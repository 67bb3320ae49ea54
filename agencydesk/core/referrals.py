"""Who introduced whom, and how one happy client spreads into many orders.

"Release one pigeon, get a whole zoo": Bu Ratna told her friends, who told theirs. This module
keeps the referral links sound (no one is introduced by someone they introduced) and turns the
referral forest into numbers, with SQL recursive queries for one client's cascade.

Definitions (every figure below uses them; the tests compute them by hand):

- **revenue** of a client: the sum of the amounts of their *paid* orders in `REVENUE_CURRENCY`
  (IDR). Won-but-unpaid orders are not revenue yet. Paid orders in other currencies (the
  occasional USD job) are never added to rupiah: they are reported apart, per currency, in
  `paid_other_currencies`.
- **orders** of a client: their orders with status won or paid (any currency); quotes, lost and
  cancelled orders are not orders.
- **first order** of a client: the earliest day of those orders, the day being `won_on`, else
  `paid_on`, else `quoted_on`. Orders without any day do not count for dates.
- **generation**: the root of a cascade is generation 0, the clients it introduced generation 1…
- **cascade revenue** of a client: the revenue of everyone below them (not their own);
  **multiplier** = cascade revenue / the root's own revenue (None when the root paid nothing).
- **K** of generation g: clients in g+1 / clients in g (the mean number of new clients each
  client of g brought). **Overall K**: referred clients / clients who could refer, i.e. the
  clients of every generation except the newest, which by definition referred nobody yet
  (None when there is no such client).
- **days between generations**: for each (referrer, referred) pair where both have a first order,
  the days from the referrer's first order to the referred client's first order; the median.
- Soft-deleted clients stay in the forest (flagged `deleted`, greyed in the tree) and in every
  figure: their history and the links through them are kept.
"""

from __future__ import annotations

import functools
import json
import operator
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import Client, Message, OrderStatus, utcnow

REVENUE_CURRENCY = "IDR"
#: a guard for the recursive queries: the links cannot form a cycle, but a damaged file might
MAX_DEPTH = 10_000
TOP_REFERRERS = 10

_ORDERED = (OrderStatus.WON.value, OrderStatus.PAID.value)
_PAID = OrderStatus.PAID.value


# -- keeping the links sound --------------------------------------------------------------------
_ANCESTOR_SQL = sa.text(
    """
    WITH RECURSIVE up(id, depth) AS (
        SELECT introduced_by_id, 1 FROM client WHERE id = :referrer
        UNION ALL
        SELECT client.introduced_by_id, up.depth + 1
        FROM client JOIN up ON client.id = up.id
        WHERE up.depth < :max_depth
    )
    SELECT 1 FROM up WHERE id = :client LIMIT 1
    """
)


def check_no_cycle(*, session: Session, client_id: int, referrer_id: int | None) -> None:
    """Refuse making *referrer_id* the referrer of *client_id* when that closes a loop: the
    referrer is the client, or was introduced (directly or through others) by the client."""
    if referrer_id is None:
        return
    if referrer_id == client_id:
        raise ValidationError({"introduced_by_id": "introduced_by_self"})
    found = session.execute(
        _ANCESTOR_SQL, {"referrer": referrer_id, "client": client_id, "max_depth": MAX_DEPTH}
    ).first()
    if found is not None:
        raise ValidationError({"introduced_by_id": "introduced_by_cycle"})


def set_referrer(
    *,
    session: Session,
    client_id: int,
    referrer_id: int | None,
    introduced_on: date | None = None,
    note: str = "",
    message_id: int | None = None,
) -> Client:
    """Record who introduced *client_id*, when, how ("she says you are very patient") and the
    message that told us. `referrer_id=None` clears the link with its date, note and message."""
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise UserError("That client no longer exists. It may have been deleted.")
    errors: dict[str, str] = {}
    if referrer_id is None:
        introduced_on, note, message_id = None, "", None
    else:
        referrer = session.get(Client, referrer_id)
        if referrer_id == client_id:
            errors["introduced_by_id"] = "introduced_by_self"
        elif referrer is None or referrer.deleted_at is not None:
            errors["introduced_by_id"] = "introduced_by_missing"
    if introduced_on is not None and introduced_on > date.today():
        errors["introduced_on"] = "introduced_on_future"
    if message_id is not None:
        message = session.get(Message, message_id)
        if message is None or message.client_id not in (client_id, referrer_id):
            errors["introduction_message_id"] = "introduction_message_missing"
    if errors:
        raise ValidationError(errors)
    check_no_cycle(session=session, client_id=client_id, referrer_id=referrer_id)
    client.introduced_by_id = referrer_id
    client.introduced_on = introduced_on
    client.introduction_note = note.strip()
    client.introduction_message_id = message_id
    client.updated_at = utcnow()
    session.add(client)
    session.flush()
    return client


# -- the forest ---------------------------------------------------------------------------------
class Node(NamedTuple):
    """One client in the referral forest. `parent_id` is None for a root (of the forest, or of
    the subtree asked for); `children` are ordered by name."""

    id: int
    name: str
    parent_id: int | None
    generation: int
    children: tuple[int, ...]
    deleted: bool
    revenue: int
    orders: int
    first_order_on: date | None
    introduced_on: date | None
    first_contact: date | None


@dataclass(frozen=True)
class Tree:
    """One client's cascade: `nodes` in pre-order (the root first, children by name)."""

    root_id: int
    nodes: dict[int, Node]

    @property
    def children(self) -> dict[int, tuple[int, ...]]:
        return {node_id: node.children for node_id, node in self.nodes.items()}


@dataclass(slots=True)
class _Client:
    id: int
    parent_id: int | None
    name: str
    deleted: bool
    introduced_on: date | None
    first_contact: date | None
    children: list[int]
    generation: int = 0
    revenue: int = 0
    orders: int = 0
    first_order_on: date | None = None


def _as_date(value: Any) -> date | None:
    """Dates from raw SQL: SQLite returns ISO text, PostgreSQL a date."""
    if value is None or isinstance(value, date):
        return value
    return _parse_day(str(value))


@functools.lru_cache(maxsize=8192)
def _parse_day(text: str) -> date:
    return date.fromisoformat(text[:10])


_SUBTREE_CTE = """
    WITH RECURSIVE tree(id, generation) AS (
        SELECT id, 0 FROM client WHERE id = :root
        UNION ALL
        SELECT client.id, tree.generation + 1
        FROM client JOIN tree ON client.introduced_by_id = tree.id
        WHERE tree.generation < :max_depth
    )
"""
_CLIENT_COLUMNS = (
    "client.id, client.introduced_by_id, client.name, client.deleted_at IS NOT NULL, "
    "client.introduced_on, client.first_contact"
)
_ORDER_AGGREGATES = f"""
    SELECT client_order.client_id, client_order.currency,
           SUM(CASE WHEN client_order.status = '{_PAID}' THEN client_order.amount ELSE 0 END),
           COUNT(*),
           MIN(COALESCE(client_order.won_on, client_order.paid_on, client_order.quoted_on))
"""
_ORDERED_SQL = ", ".join(f"'{status}'" for status in _ORDERED)


@dataclass
class _Graph:
    clients: dict[int, _Client]
    roots: list[int]
    paid_other: dict[str, int]
    order: list[int] = field(default_factory=list)  # pre-order

    def prepare(self, root_ids: Sequence[int]) -> None:
        """Link children (by name), then number generations in pre-order from *root_ids*."""
        root_set = set(root_ids)
        for client in self.clients.values():
            parent = self.clients.get(client.parent_id) if client.parent_id is not None else None
            if parent is not None and client.id not in root_set:
                parent.children.append(client.id)
        for client in self.clients.values():
            if len(client.children) > 1:
                client.children.sort(key=lambda c: (self.clients[c].name.casefold(), c))
        self.roots = sorted(root_ids, key=lambda r: (self.clients[r].name.casefold(), r))
        order: list[int] = []
        stack = [(root, 0) for root in reversed(self.roots)]
        while stack:
            node_id, generation = stack.pop()
            node = self.clients[node_id]
            node.generation = generation
            order.append(node_id)
            stack.extend((child, generation + 1) for child in reversed(node.children))
        self.order = order

    def node(self, client: _Client, *, root: bool) -> Node:
        return Node(
            id=client.id,
            name=client.name,
            parent_id=None if root else client.parent_id,
            generation=client.generation,
            children=tuple(client.children),
            deleted=client.deleted,
            revenue=client.revenue,
            orders=client.orders,
            first_order_on=client.first_order_on,
            introduced_on=client.introduced_on,
            first_contact=client.first_contact,
        )


def _add_orders(
    clients: Mapping[int, _Client], rows: Iterable[Sequence[Any]], paid_other: dict[str, int]
) -> None:
    for client_id, currency, paid, count, first in rows:
        client = clients.get(client_id)
        if client is None:
            continue
        if currency == REVENUE_CURRENCY:
            client.revenue += int(paid or 0)
        elif paid:
            paid_other[currency] = paid_other.get(currency, 0) + int(paid)
        client.orders += int(count)
        first_on = _as_date(first)
        if first_on is not None and (
            client.first_order_on is None or first_on < client.first_order_on
        ):
            client.first_order_on = first_on


def _client_rows(rows: Iterable[Sequence[Any]]) -> dict[int, _Client]:
    return {
        row[0]: _Client(
            id=row[0],
            parent_id=row[1],
            name=row[2],
            deleted=bool(row[3]),
            introduced_on=_as_date(row[4]),
            first_contact=_as_date(row[5]),
            children=[],
        )
        for row in rows
    }


_SUBTREE_ORDERS = f"""
    SELECT client_order.client_id, client_order.status, client_order.currency,
           client_order.amount,
           COALESCE(client_order.won_on, client_order.paid_on, client_order.quoted_on),
           COALESCE(client_order.paid_on, client_order.won_on, client_order.quoted_on)
    FROM client_order
    WHERE client_order.client_id IN (SELECT id FROM tree)
      AND client_order.status IN ({_ORDERED_SQL})
"""
_SUBTREE_ORDERS_OF_IDS = _SUBTREE_ORDERS.replace(
    "(SELECT id FROM tree)", "(SELECT value FROM json_each(:ids))"
)


class _Days(dict[Any, date | None]):
    """Raw days from SQL → dates, each distinct value parsed once."""

    def __missing__(self, key: Any) -> date | None:
        value = self[key] = _as_date(key)
        return value


@dataclass(frozen=True)
class _Subtree:
    """One root's cascade, read at once: its nodes in pre-order, the paid orders in other
    currencies, and per day the won and paid orders (on their order day) and the rupiah revenue
    (on the day paid), per generation."""

    root_id: int
    nodes: dict[int, Node]
    depth: int
    paid_other: dict[str, int]
    order_steps: dict[date, list[int]]
    revenue_steps: dict[date, list[int]]


def _fetch(session: Session, sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
    """The rows of a read-only query, in the session's transaction. On SQLite as the driver's
    plain tuples: for the 20,000 rows of a big cascade, SQLAlchemy's Row objects cost more than
    the query itself."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return session.execute(sa.text(sql), params).all()
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params)
        rows: Sequence[Sequence[Any]] = cursor.fetchall()
        return rows
    finally:
        cursor.close()


def _load_subtree(session: Session, root_id: int) -> _Subtree:
    """The clients below *root_id* (one recursive query) and their won and paid orders (one
    query over the ids just read, through the covering index `ix_client_order_client_status`),
    in one pass over plain tuples."""
    rows = _fetch(
        session,
        f"{_SUBTREE_CTE} SELECT {_CLIENT_COLUMNS} FROM tree JOIN client ON client.id = tree.id",
        {"root": root_id, "max_depth": MAX_DEPTH},
    )
    if not rows:  # the recursion starts at the root: no rows, no root
        raise UserError("That client no longer exists.")
    # children by name: sort every row once, then each referrer's list is built in order
    rows = sorted(rows, key=lambda row: (row[2].casefold(), row[0]))
    children: dict[int, list[int]] = {row[0]: [] for row in rows}
    for row in rows:
        siblings = children.get(row[1])
        if siblings is not None and row[0] != root_id:
            siblings.append(row[0])
    clients = {row[0]: row for row in rows}
    generation: dict[int, int] = {}
    order: list[int] = []
    stack = [(root_id, 0)]
    while stack:
        node_id, g = stack.pop()
        generation[node_id] = g
        order.append(node_id)
        below = children[node_id]
        if below:
            stack.extend((child, g + 1) for child in reversed(below))
    depth = 1 + max(generation.values())

    days = _Days({None: None})
    revenue = dict.fromkeys(clients, 0)
    count = dict.fromkeys(clients, 0)
    first: dict[int, date | None] = dict.fromkeys(clients)
    paid_other: dict[str, int] = {}
    order_steps: dict[date, list[int]] = {}
    revenue_steps: dict[date, list[int]] = {}
    if session.connection().dialect.name == "sqlite":  # the ids just read, not the CTE again
        order_rows = _fetch(session, _SUBTREE_ORDERS_OF_IDS, {"ids": json.dumps(order)})
    else:
        order_rows = _fetch(
            session, f"{_SUBTREE_CTE} {_SUBTREE_ORDERS}", {"root": root_id, "max_depth": MAX_DEPTH}
        )
    for client_id, status, currency, amount, ordered, paid in order_rows:
        count[client_id] += 1
        g = generation[client_id]
        ordered_on = days[ordered]
        if ordered_on is not None:
            first_on = first[client_id]
            if first_on is None or ordered_on < first_on:
                first[client_id] = ordered_on
            steps = order_steps.get(ordered_on)
            if steps is None:
                steps = order_steps[ordered_on] = [0] * depth
            steps[g] += 1
        if status == _PAID:
            if currency == REVENUE_CURRENCY:
                revenue[client_id] += amount
                paid_on = days[paid]
                if paid_on is not None:
                    steps = revenue_steps.get(paid_on)
                    if steps is None:
                        steps = revenue_steps[paid_on] = [0] * depth
                    steps[g] += int(amount)
            else:
                paid_other[currency] = paid_other.get(currency, 0) + amount

    nodes: dict[int, Node] = {}
    for node_id in order:
        row = clients[node_id]
        nodes[node_id] = Node(
            node_id,
            row[2],
            None if node_id == root_id else row[1],
            generation[node_id],
            tuple(children[node_id]),
            bool(row[3]),
            revenue[node_id],
            count[node_id],
            first[node_id],
            days[row[4]],
            days[row[5]],
        )
    return _Subtree(root_id, nodes, depth, paid_other, order_steps, revenue_steps)


def _load_all(session: Session) -> _Graph:
    clients = _client_rows(session.execute(sa.text(f"SELECT {_CLIENT_COLUMNS} FROM client")).all())
    paid_other: dict[str, int] = {}
    orders = session.execute(
        sa.text(
            f"{_ORDER_AGGREGATES} FROM client_order "
            f"WHERE client_order.status IN ({_ORDERED_SQL}) "
            "GROUP BY client_order.client_id, client_order.currency"
        )
    ).all()
    _add_orders(clients, orders, paid_other)
    roots = [c.id for c in clients.values() if c.parent_id is None or c.parent_id not in clients]
    graph = _Graph(clients, [], paid_other)
    graph.prepare(roots)
    return graph


def forest(*, session: Session) -> list[Node]:
    """Every client as a node of the referral forest, in pre-order: roots by name, each followed
    by their cascade. Clients nobody introduced who introduced nobody are one-node trees."""
    graph = _load_all(session)
    roots = set(graph.roots)
    return [graph.node(graph.clients[i], root=i in roots) for i in graph.order]


def subtree(*, session: Session, root_id: int) -> Tree:
    """*root_id* and everyone they brought, directly or not; generations counted from the root."""
    return _tree(_load_subtree(session, root_id))


def _tree(sub: _Subtree) -> Tree:
    return Tree(sub.root_id, sub.nodes)


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
    deleted: bool
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


def _generation_stats(
    order: Iterable[int], nodes: Mapping[int, _Client] | Mapping[int, Node]
) -> tuple[tuple[GenerationStats, ...], float | None, float | None]:
    """Per-generation figures, overall K and the overall median days between generations."""
    clients: defaultdict[int, int] = defaultdict(int)
    orders: defaultdict[int, int] = defaultdict(int)
    revenue: defaultdict[int, int] = defaultdict(int)
    gaps: defaultdict[int, list[int]] = defaultdict(list)
    for node_id in order:
        node = nodes[node_id]
        g = node.generation
        clients[g] += 1
        orders[g] += node.orders
        revenue[g] += node.revenue
        if node.first_order_on is None:
            continue
        for child_id in node.children:
            child_first = nodes[child_id].first_order_on
            if child_first is not None:
                gaps[g].append((child_first - node.first_order_on).days)
    if not clients:
        return (), None, None
    newest = max(clients)
    stats = tuple(
        GenerationStats(
            generation=g,
            clients=clients[g],
            orders=orders[g],
            revenue=revenue[g],
            k=clients.get(g + 1, 0) / clients[g],
            median_days_to_referrals=_median(gaps[g]),
        )
        for g in range(newest + 1)
    )
    could_refer = sum(clients[g] for g in range(newest))
    referred = sum(clients[g] for g in range(1, newest + 1))
    k = referred / could_refer if could_refer else None
    all_gaps = [gap for g in range(newest + 1) for gap in gaps[g]]
    return stats, k, _median(all_gaps)


def cascade(*, session: Session, root_id: int) -> Cascade:
    """The cascade below *root_id*: generations, K, revenue, the pigeon-to-zoo multiplier."""
    return _cascade(_load_subtree(session, root_id))


def _cascade(sub: _Subtree) -> Cascade:
    nodes = sub.nodes
    generations, k, median_gap = _generation_stats(nodes, nodes)
    root = nodes[sub.root_id]
    total = sum(node.revenue for node in nodes.values())
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
    generations, k, median_gap = _generation_stats(graph.order, graph.clients)
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
            deleted=c.deleted,
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
