"""The spread over time of a cascade (`referrals.root_report(...).spread`): the same totals as
a plain reference computed from the orders themselves, on random forests; and a deep chain
costs time linear in its size (days, generations and orders), not their product.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from _forest import Forest, client_rows, insert_rows, order_row

from agencydesk.core import migrate, referrals
from agencydesk.core.db import sqlite_url
from agencydesk.core.referrals import SpreadPoint

START = date(2021, 3, 1)


def _reference_points(forest: Forest, root: int, orders: list[dict[str, Any]]) -> list[SpreadPoint]:
    """The spread of *root* the plain way: per day (with a won or paid order, or a payment) and
    generation below *root*, the orders won or paid (on their order day) and the rupiah paid
    (on the day paid) up to that day."""
    below: dict[int, int] = {root: 0}  # client → generation below root
    for client in range(1, len(forest) + 1):  # parents come before their children
        parent = forest.parent[client]
        if parent in below:
            below[client] = below[parent] + 1
    depth = max(below.values()) + 1
    counted: list[tuple[date, int]] = []
    paid: list[tuple[date, int, int]] = []
    for row in orders:
        generation = below.get(row["client_id"])
        if generation is None or row["status"] not in ("won", "paid"):
            continue
        counted.append((row["won_on"] or row["paid_on"] or row["quoted_on"], generation))
        if row["status"] == "paid" and row["currency"] == "IDR":
            on = row["paid_on"] or row["won_on"] or row["quoted_on"]
            paid.append((on, generation, row["amount"]))
    days = sorted({on for on, _ in counted} | {on for on, _, _ in paid})
    points = []
    for day in days:
        ordered, revenue = [0] * depth, [0] * depth
        for on, generation in counted:
            if on <= day:
                ordered[generation] += 1
        for on, generation, amount in paid:
            if on <= day:
                revenue[generation] += amount
        points.append(SpreadPoint(day, tuple(ordered), tuple(revenue)))
    return points


def _database(tmp_path: Path, forest: Forest, orders: list[dict[str, Any]]) -> Engine:
    engine = migrate.open_database(sqlite_url(tmp_path / "spread.sqlite3"))
    insert_rows(engine, client_rows(forest, lambda client: f"Client {client}"), orders)
    return engine


@pytest.fixture
def random_forest(tmp_path: Path) -> Iterator[tuple[Engine, Forest, list[dict[str, Any]]]]:
    """Three roots, 300 clients up to 8 generations deep, 900 orders of every status, some in
    dollars, some paid nothing, several on one day, paid before, on or after their won day."""
    rng = random.Random(11)
    forest = Forest()
    while len(forest) < 300:
        root = forest.add(None, START + timedelta(days=rng.randrange(60)))
        forest.grow(
            [root], 100 * (len(forest) // 100 + 1), lambda _: rng.randrange(4), (1, 40), rng
        )
    orders = []
    statuses = ("paid", "paid", "paid", "won", "quoted", "lost")
    for _ in range(900):
        client = rng.randrange(1, len(forest) + 1)
        status = rng.choice(statuses)
        quoted = forest.started[client] + timedelta(days=rng.randrange(30))
        won = quoted + timedelta(days=rng.randrange(5)) if status in ("won", "paid") else None
        paid_on = quoted + timedelta(days=rng.randrange(-2, 8)) if status == "paid" else None
        amount = rng.choice((0, 250_000, 1_000_000, rng.randrange(10_000, 5_000_000)))
        currency = "USD" if rng.random() < 0.1 else "IDR"
        orders.append(order_row(client, amount, status, quoted, won, paid_on, currency))
    engine = _database(tmp_path, forest, orders)
    yield engine, forest, orders
    engine.dispose()


def test_the_spread_of_random_forests_matches_a_plain_reference(
    random_forest: tuple[Engine, Forest, list[dict[str, Any]]],
) -> None:
    engine, forest, orders = random_forest
    roots = [client for client in range(1, len(forest) + 1) if forest.parent[client] is None]
    subtrees = roots + [client for client in range(1, len(forest) + 1) if client % 37 == 0]
    with Session(engine) as session:
        for root in subtrees:
            series = referrals.root_report(session=session, root_id=root).spread
            assert list(series.points) == _reference_points(forest, root, orders), root


def _chain(tmp_path: Path, length: int) -> Engine:
    """*length* clients, each introduced by the one before, one a day, each paying an order on
    their first day: a cascade *length* generations deep over *length* days."""
    forest = Forest()
    parent = None
    for day in range(length):
        parent = forest.add(parent, START + timedelta(days=day))
    orders = [
        order_row(client, 100_000, "paid", on, on, on)
        for client, on in enumerate(forest.started[1:], start=1)
    ]
    (tmp_path / str(length)).mkdir()
    return _database(tmp_path / str(length), forest, orders)


def test_the_spread_of_a_deep_chain_takes_time_linear_in_its_length(tmp_path: Path) -> None:
    """The totals were kept per day for every generation: a chain 4,000 deep with an order a
    day took 3.3 s (days × generations), four times as long sixteen times as long."""
    engines = {length: _chain(tmp_path, length) for length in (1_000, 4_000)}

    def seconds(length: int) -> float:
        with Session(engines[length]) as session:
            started = time.perf_counter()
            series = referrals.root_report(session=session, root_id=1).spread
            elapsed = time.perf_counter() - started
        assert series.generations == length
        return elapsed

    seconds(1_000)  # warm
    small = min(seconds(1_000) for _ in range(3))
    large = min(seconds(4_000) for _ in range(3))
    for engine in engines.values():
        engine.dispose()
    # four times the chain: linear is 4×, quadratic 16×; the machine is shared, hence room
    assert large < 9 * small + 0.05, (small, large)
