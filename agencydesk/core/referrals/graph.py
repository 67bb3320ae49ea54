"""The referral graph read from the database: every client with the orders that count, linked
to who introduced them (one recursive query for one client's cascade, `_load_subtree`).

Deleted clients are left out: a client whose referrer was deleted hangs from the nearest living
client above (whoever introduced the deleted one), or starts a tree of their own.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core.errors import SaidError
from agencydesk.core.models import OrderStatus

REVENUE_CURRENCY = "IDR"
#: a guard for the recursive queries: the links cannot form a cycle, but a damaged file might
MAX_DEPTH = 10_000
TOP_REFERRERS = 10

_ORDERED = (OrderStatus.WON.value, OrderStatus.PAID.value)
_PAID = OrderStatus.PAID.value


# -- the forest ---------------------------------------------------------------------------------
class Node(NamedTuple):
    """One client in the referral forest. `parent_id` is None for a root (of the forest, or of
    the subtree asked for); `children` are ordered by name."""

    id: int
    name: str
    parent_id: int | None
    generation: int
    children: tuple[int, ...]
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
    introduced_on: date | None
    first_contact: date | None
    children: list[int]
    generation: int = 0
    revenue: int = 0
    orders: int = 0
    first_order_on: date | None = None


class _Days(dict[Any, date | None]):
    """Dates from raw SQL (SQLite returns ISO text, PostgreSQL a date), each distinct value
    parsed once for the whole process (`_DAYS`): the few thousand days of one report are mostly
    those of the next, and a day already seen is a plain dict lookup, in C, where a Python call
    per distinct day cost a millisecond of a big cascade's report. Emptied when it holds
    `_DAYS_KEPT` values, so it cannot grow without bound."""

    def __missing__(self, key: Any) -> date | None:
        if len(self) >= _DAYS_KEPT:
            self.clear()
        value = self[key] = (
            key if key is None or isinstance(key, date) else date.fromisoformat(str(key)[:10])
        )
        return value


_DAYS_KEPT = 20_000  # more than 50 years of days
_DAYS = _Days()
_as_date: Callable[[Any], date | None] = _DAYS.__getitem__


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a report is built: the tens of thousands of tuples it
    makes hold no cycles, yet they set off collections that walk every object of the process (a
    third of the report's time on a big cascade). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def _living(rows: Iterable[Sequence[Any]]) -> list[Sequence[Any]]:
    """The rows (`_CLIENT_COLUMNS`) of the clients not deleted, each with the nearest living
    client above as their referrer: the referrer of a deleted referrer, and so on (None when
    nobody living is above them). A referrer the rows do not hold is kept as it is."""
    rows = list(rows)
    deleted_parent = {row[0]: row[1] for row in rows if row[3]}
    if not deleted_parent:  # the usual case: every row as it is, without a Python loop
        return rows
    living: list[Sequence[Any]] = []
    for row in rows:
        if row[3]:
            continue
        parent, steps = row[1], 0
        while parent in deleted_parent and steps < MAX_DEPTH:
            parent, steps = deleted_parent[parent], steps + 1
        living.append(row if parent == row[1] else (row[0], parent, *row[2:]))
    return living


def _client_rows(rows: Iterable[Sequence[Any]]) -> dict[int, _Client]:
    return {
        row[0]: _Client(
            id=row[0],
            parent_id=row[1],
            name=row[2],
            introduced_on=_as_date(row[4]),
            first_contact=_as_date(row[5]),
            children=[],
        )
        for row in _living(rows)
    }


# The won and paid orders of the clients whose ids are given in pre-order (:ids), each with
# the client's position in that order: the sums go into lists indexed by position, cheaper
# than dicts keyed by id, and already in the nodes' order. PostgreSQL gets the ids as an
# array, SQLite as JSON; both read the orders through the covering index
# `ix_client_order_client_status`, without running the recursive query again. Whether the
# order is paid comes as a flag and the currency as NULL for rupiah: no string made per row
# for the status and the currency of nearly every order (2 ms of a 15,000-order cascade).
_POSITION_ORDER_COLUMNS = f"""
           client_order.status = '{_PAID}', NULLIF(client_order.currency, '{REVENUE_CURRENCY}'),
           client_order.amount,
           COALESCE(client_order.won_on, client_order.paid_on, client_order.quoted_on),
           COALESCE(client_order.paid_on, client_order.won_on, client_order.quoted_on)
"""
_ORDERS_OF_POSITIONS = {
    "sqlite": f"""
        SELECT ids.key, {_POSITION_ORDER_COLUMNS}
        FROM json_each(:ids) AS ids
        JOIN client_order ON client_order.client_id = ids.value
        WHERE client_order.status IN ({_ORDERED_SQL})
    """,
    "postgresql": f"""
        SELECT ids.position - 1, {_POSITION_ORDER_COLUMNS}
        FROM unnest(CAST(:ids AS integer[])) WITH ORDINALITY AS ids(client_id, position)
        JOIN client_order ON client_order.client_id = ids.client_id
        WHERE client_order.status IN ({_ORDERED_SQL})
    """,
}


def _ids_parameter(dialect: str, ids: list[int]) -> str | list[int]:
    """*ids* as `_ORDERS_OF_POSITIONS` takes them: JSON text for SQLite, an array otherwise."""
    return json.dumps(ids) if dialect == "sqlite" else ids


@dataclass(frozen=True)
class _Subtree:
    """One root's cascade, read at once: its nodes in pre-order and by generation, the paid
    orders in other currencies, and per generation, per day, the won and paid orders (on their
    order day) and the rupiah revenue (on the day paid)."""

    root_id: int
    nodes: dict[int, Node]
    levels: list[list[int]]  # the ids of each generation, the root's first
    paid_other: dict[str, int]
    order_steps: list[dict[date, int]]  # per generation: its days with an order
    revenue_steps: list[dict[date, int]]  # per generation: its days with a payment


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


class _OrderSums:
    """The won and paid orders of a cascade (`_ORDERS_OF_POSITIONS` rows) summed per client, in
    lists indexed by the client's position in pre-order, and per generation and day, in one
    Python pass over the rows. Per generation a dict of its own days, not per day a list of
    every generation: a chain 4,000 deep with an order a day made 16 million zeros."""

    def __init__(self, rows: Sequence[Sequence[Any]], generation: Sequence[int]) -> None:
        """*generation*: of each client, by position."""
        clients, depth, days = len(generation), max(generation) + 1, _DAYS
        # the generation and order day of every row by C loops, ahead of the pass
        gens = list(map(generation.__getitem__, map(itemgetter(0), rows)))
        ordered = list(map(days.__getitem__, map(itemgetter(4), rows)))
        self.count: list[int] = [0] * clients
        self.first: list[date | None] = [None] * clients
        self.revenue: list[int] = [0] * clients
        count, first, revenue = self.count, self.first, self.revenue
        # per generation, per day, in plain dicts: the missing key of a defaultdict or a
        # Counter costs a Python call, as much as the sum
        self.order_steps: list[dict[date, int]] = [{} for _ in range(depth)]
        self.revenue_steps: list[dict[date, int]] = [{} for _ in range(depth)]
        order_steps, revenue_steps = self.order_steps, self.revenue_steps
        self.paid_other: dict[str, int] = {}
        for (position, is_paid, other_currency, amount, _, paid), day, g in zip(
            rows, ordered, gens, strict=True
        ):
            count[position] += 1
            if day is not None:
                known = first[position]
                if known is None or day < known:
                    first[position] = day
                steps = order_steps[g]
                steps[day] = steps.get(day, 0) + 1
            if not is_paid:
                continue
            if other_currency is None:
                revenue[position] += amount
                paid_on = days[paid]
                if paid_on is not None:
                    steps = revenue_steps[g]
                    steps[paid_on] = steps.get(paid_on, 0) + amount
            else:
                self.paid_other[other_currency] = self.paid_other.get(other_currency, 0) + amount


def _pre_order(root_id: int, children: Mapping[int, Sequence[int]]) -> list[int]:
    """*root_id* and everyone below, each followed by their cascade, children in their order."""
    order: list[int] = []
    stack = [root_id]
    visit, add, push = stack.pop, order.append, stack.extend
    while stack:
        node_id = visit()
        add(node_id)
        below = children[node_id]
        if below:
            push(reversed(below))
    return order


def _levels(roots: list[int], children_of: Callable[[int], Sequence[int]]) -> list[list[int]]:
    """*roots*, everyone they brought, everyone those brought…: one list per generation, each
    made by C loops from the one before (no Python per client)."""
    levels: list[list[int]] = []
    level = roots
    while level:
        levels.append(level)
        level = list(chain.from_iterable(map(children_of, level)))
    return levels


def _load_subtree(session: Session, root_id: int) -> _Subtree:
    """The clients below *root_id* (one recursive query) and their won and paid orders (one
    query over the ids just read, `_ORDERS_OF_POSITIONS`), in one pass over plain tuples."""
    rows = _fetch(
        session,
        f"{_SUBTREE_CTE} SELECT {_CLIENT_COLUMNS} FROM tree JOIN client ON client.id = tree.id",
        {"root": root_id, "max_depth": MAX_DEPTH},
    )
    if not any(row[0] == root_id and not row[3] for row in rows):  # gone, or deleted
        raise SaidError("gone_client")
    # children by name: sort every row once, then each referrer's list is built in order; by
    # id, then by name alone (a stable sort keeps the ids' order among equal names): no key
    # tuple per row
    rows = sorted(_living(rows), key=itemgetter(0))
    rows.sort(key=lambda row: row[2].casefold())
    children: dict[int, list[int]] = {row[0]: [] for row in rows}
    for row in rows:
        siblings = children.get(row[1])
        if siblings is not None and row[0] != root_id:
            siblings.append(row[0])
    order = _pre_order(root_id, children)
    levels = _levels([root_id], children.__getitem__)
    generation_of = dict(
        chain.from_iterable(zip(level, repeat(g)) for g, level in enumerate(levels))
    )
    generation = list(map(generation_of.__getitem__, order))
    dialect = session.connection().dialect.name
    sums = _OrderSums(
        _fetch(session, _ORDERS_OF_POSITIONS[dialect], {"ids": _ids_parameter(dialect, order)}),
        generation,
    )

    # the nodes' fields a column at a time, each in pre-order and made by C loops (no Python
    # per node), then zipped into plain tuples in field order made Nodes by tuple.__new__ (no
    # generated __new__ per node)
    _ids, parents, names, _deleted, introduced, contacted = zip(
        *map({row[0]: row for row in rows}.__getitem__, order), strict=True
    )
    nodes = dict(
        zip(
            order,
            map(
                functools.partial(tuple.__new__, Node),
                zip(
                    order,
                    names,
                    chain((None,), parents[1:]),  # the root first: no parent in its own tree
                    generation,
                    map(tuple, map(children.__getitem__, order)),
                    sums.revenue,
                    sums.count,
                    sums.first,
                    map(_as_date, introduced),
                    map(_as_date, contacted),
                    strict=True,
                ),
            ),
            strict=True,
        )
    )
    return _Subtree(root_id, nodes, levels, sums.paid_other, sums.order_steps, sums.revenue_steps)


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
