"""The referral forest the referral benchmarks build (benchmarks/referrals.py, referral_view.py).

Clients are numbered 1…n (list index = client id, index 0 unused). A forest grows breadth-first:
each client taken from the queue brings a heavy-tailed number of new clients (most nobody, a few
many), at most `MAX_GENERATION` generations deep, each one first seen some days after their
referrer. The rows are written with bulk inserts (no ORM objects), so building 100,000 clients
takes seconds.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from agencydesk.core.models import Client, Order

MAX_GENERATION = 8
#: the moment every row was "created" and "updated"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Forest:
    """parent (None for a root), generation and "first seen" day of clients 1…n."""

    parent: list[int | None] = field(default_factory=lambda: [None])
    generation: list[int] = field(default_factory=lambda: [0])
    started: list[date] = field(default_factory=lambda: [date.min])

    def __len__(self) -> int:
        """The number of clients (index 0 is not one)."""
        return len(self.parent) - 1

    def add(self, parent: int | None, started: date) -> int:
        """A new client below *parent* (a new root when None); returns their id."""
        self.parent.append(parent)
        self.generation.append(0 if parent is None else self.generation[parent] + 1)
        self.started.append(started)
        return len(self.parent) - 1

    def grow(
        self,
        queue: list[int],
        size: int,
        brings: Callable[[int], int],
        days: tuple[int, int],
        rng: random.Random,
    ) -> None:
        """Breadth-first from *queue* until it is empty or the forest has *size* clients: each
        client brings `brings(client)` new ones, first seen *days* (a range) after them."""
        while queue and len(self) < size:
            node = queue.pop(0)
            if self.generation[node] >= MAX_GENERATION:
                continue
            for _ in range(brings(node)):
                if len(self) >= size:
                    break
                started = self.started[node] + timedelta(days=rng.randint(*days))
                queue.append(self.add(node, started))


def client_rows(
    forest: Forest, name: Callable[[int], str], deleted: Callable[[int], bool] = lambda _: False
) -> list[dict[str, Any]]:
    """The client table's rows for every client of *forest*, introduced on their first day."""
    return [
        {
            "id": i,
            "name": name(i),
            "company": "",
            "phone": "",
            "email": "",
            "city": "Makassar",
            "tech_comfort": 3,
            "preferred_channel": "whatsapp",
            "tags": "",
            "caution_note": "",
            "notes": "",
            "website": "",
            "first_contact": forest.started[i],
            "introduced_by_id": forest.parent[i],
            "introduced_on": forest.started[i] if forest.parent[i] is not None else None,
            "introduction_note": "",
            "created_at": NOW,
            "updated_at": NOW,
            "deleted_at": NOW if deleted(i) else None,
        }
        for i in range(1, len(forest) + 1)
    ]


def order_row(
    client: int,
    amount: int,
    status: str,
    quoted: date,
    won: date | None,
    paid: date | None,
    currency: str = "IDR",
) -> dict[str, Any]:
    """One row of the order table: a website for *client*."""
    return {
        "client_id": client,
        "title": "Website",
        "amount": amount,
        "currency": currency,
        "status": status,
        "quoted_on": quoted,
        "won_on": won,
        "paid_on": paid,
        "created_at": NOW,
        "updated_at": NOW,
    }


def insert_rows(
    engine: sa.Engine, clients: list[dict[str, Any]], orders: list[dict[str, Any]]
) -> None:
    """Bulk inserts of the client and order rows, then ANALYZE for the query planner."""
    with engine.begin() as connection:
        connection.execute(sa.insert(Client.__table__), clients)  # type: ignore[attr-defined]
        connection.execute(sa.insert(Order.__table__), orders)  # type: ignore[attr-defined]
        connection.exec_driver_sql("ANALYZE")


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median time of *runs* calls of *action*, after one warm-up call (caches, fonts)."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
