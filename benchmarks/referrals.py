"""Referral analytics benchmark: a big referral forest, one big cascade, and the tree layout.

Builds (with bulk inserts, no ORM objects) a database of ``--clients`` clients in a referral
forest up to 8 generations deep, where the number of clients each client brings is heavy-tailed
(most bring nobody, a few bring dozens), and ``--orders`` orders spread over them, each client's
orders starting after their referrer's. Then times, median of ``--runs`` in the same process:

- ``root``: the full analytics of the LARGEST cascade, `referrals.root_report` (its tree,
  cascade figures and spread over time, from one read) (goal < 100 ms);
- ``business``: `referrals.business_spread` over the whole forest;
- ``layout``: `tree_layout.tidy_layout` of a 2,000-node subtree (goal < 50 ms).

    python benchmarks/referrals.py [--clients 100000] [--orders 300000] [--runs 5] [--seed 5]

The baseline, in the same run: ``root_sql_floor_ms``, the report's two queries of the cascade
(its clients, then the orders of their ids) through plain sqlite3 on one open connection, with
nothing done to the rows (goal: root ≤ 2× the floor).

The last line is machine-readable: ``BENCH referrals root_ms=… root_sql_floor_ms=…
root_vs_floor=… business_ms=… layout_ms=…``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _forest import Forest, client_rows, insert_rows, median_ms, order_row

from agencydesk.core import migrate, referrals
from agencydesk.core.db import sqlite_url
from agencydesk.core.referrals import graph as referral_graph
from agencydesk.core.tree_layout import tidy_layout

START = date(2018, 1, 1)
LAYOUT_NODES = 2000


def _children_count(rng: random.Random) -> int:
    """Heavy-tailed: about 70 % bring nobody; the rest a Pareto-distributed number (≤ 150)."""
    if rng.random() < 0.7:
        return 0
    return min(150, int(rng.paretovariate(1.1)))


def build_forest(clients: int, rng: random.Random) -> Forest:
    """Roots first seen over seven years, each growing a cascade until there are *clients*."""
    forest = Forest()
    while len(forest) < clients:
        root = forest.add(None, START + timedelta(days=rng.randrange(0, 2500)))
        forest.grow([root], clients, lambda _: _children_count(rng), (15, 240), rng)
    return forest


def fill_database(engine: Engine, clients: int, orders: int, seed: int) -> None:
    rng = random.Random(seed)
    forest = build_forest(clients, rng)
    started = forest.started
    statuses = ["paid"] * 60 + ["won"] * 10 + ["quoted"] * 15 + ["lost"] * 10 + ["cancelled"] * 5
    # how much each client orders is heavy-tailed too: most once or twice, a few dozens of times
    weights = [rng.paretovariate(1.5) for _ in range(clients)]
    order_rows = []
    for client in rng.choices(range(1, clients + 1), weights=weights, k=orders):
        status = rng.choice(statuses)
        quoted = started[client] + timedelta(days=rng.randint(0, 900))
        won = quoted + timedelta(days=rng.randint(1, 30)) if status in ("won", "paid") else None
        paid = won + timedelta(days=rng.randint(1, 60)) if status == "paid" and won else None
        usd = rng.random() < 0.03
        amount = rng.randint(1, 20) * 50 if usd else rng.randint(5, 200) * 100_000
        order_rows.append(
            order_row(client, amount, status, quoted, won, paid, "USD" if usd else "IDR")
        )
    insert_rows(engine, client_rows(forest, lambda i: f"Client {i:06d}"), order_rows)


def _alternating_medians(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[float, float]:
    """The median times (ms) of *first* and *second*, run in turns after one warm-up each."""
    first(), second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, kept in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            action()
            kept.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also save the database here (for profiling)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="agencydesk-bench-") as folder:
        engine = migrate.open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        started = time.perf_counter()
        fill_database(engine, args.clients, args.orders, args.seed)
        print(
            f"built {args.clients} clients and {args.orders} orders in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        with Session(engine) as session:
            # the client with the largest cascade is a root (their referrer's would be larger)
            root_id = referrals.business_spread(session=session, top=1).top_by_count[0].client_id
            tree = referrals.subtree(session=session, root_id=root_id)
        depth = max(node.generation for node in tree.nodes.values())
        print(f"largest cascade: {len(tree.nodes)} clients, {depth} generations", file=sys.stderr)

        def root_analytics() -> None:
            with Session(engine) as session:
                referrals.root_report(session=session, root_id=root_id)

        def business() -> None:
            with Session(engine) as session:
                referrals.business_spread(session=session)

        # a connected 2,000-node piece of the largest cascade: the first nodes breadth-first
        keep: list[int] = [root_id]
        for node_id in keep:
            if len(keep) >= LAYOUT_NODES:
                break
            keep.extend(tree.nodes[node_id].children[: LAYOUT_NODES - len(keep)])
        kept = set(keep[:LAYOUT_NODES])
        children = {
            node_id: [c for c in tree.nodes[node_id].children if c in kept] for node_id in kept
        }
        print(f"layout of {len(kept)} nodes", file=sys.stderr)
        if args.keep:
            source = sqlite3.connect(Path(folder) / "bench.sqlite3")
            source.execute("VACUUM INTO ?", (str(args.keep),))
            source.close()

        # the floor reads on one connection opened beforehand, as the report reads through the
        # engine's pool (opening a connection each time cost the floor another 10-15 ms)
        floor_connection = sqlite3.connect(Path(folder) / "bench.sqlite3")

        def sql_floor() -> None:
            """The baseline: the same cascade read by plain sqlite3 with the report's own two
            queries (the recursive CTE joined to the client rows, then the orders of the ids
            read), no Python per row but taking the ids."""
            params = {"root": root_id, "max_depth": referrals.MAX_DEPTH}
            rows = floor_connection.execute(
                f"{referral_graph._SUBTREE_CTE} SELECT {referral_graph._CLIENT_COLUMNS} "
                "FROM tree JOIN client ON client.id = tree.id",
                params,
            ).fetchall()
            floor_connection.execute(
                referral_graph._ORDERS_OF_POSITIONS["sqlite"],
                {"ids": json.dumps([row[0] for row in rows])},
            ).fetchall()

        # floor and report in turns, so a busy moment of the machine weighs on both alike
        sql_ms, root_ms = _alternating_medians(sql_floor, root_analytics, args.runs)
        floor_connection.close()
        business_ms = median_ms(business, args.runs)
        layout_ms = median_ms(lambda: tidy_layout([root_id], children), args.runs)
        engine.dispose()
    print(
        f"BENCH referrals root_ms={root_ms:.1f} root_sql_floor_ms={sql_ms:.1f} "
        f"root_vs_floor={root_ms / sql_ms:.2f} business_ms={business_ms:.1f} "
        f"layout_ms={layout_ms:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
