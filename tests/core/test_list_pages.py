"""A list's ids in order are exactly the order of its pages, and its rows read by id are the rows
it lists: every sort, both directions, ties, empty values, filters; both engines.

A list page reads the ids to show a row far down (the oldest of 100,000 tickets, chosen in
search) and the pages around it; ids in another order would show the wrong tickets there.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, get_args

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, orders, tickets
from agencydesk.core.clients import SORT_KEYS
from agencydesk.core.models import Client, Order, Ticket, utcnow
from agencydesk.core.names import name_key
from agencydesk.core.orders import OrderSort
from agencydesk.core.tickets import TicketSort

PAGE = 40
CLIENTS = 150
TICKETS = 330
ORDERS = 170


def _fill(engine: Engine) -> None:
    """Rows with many ties and empty values, where a sloppy order would differ page to page."""
    rnd = random.Random(5)
    now = utcnow()
    day = date(2026, 3, 1)
    names = ["Ibu Ratna", "Pak Budi", "Sari", "andi", "Dewi"]
    named = [f"{rnd.choice(names)} {n % 7}" for n in range(CLIENTS)]
    client_rows = [
        {
            "name": name,
            "sort_name": name_key(name),
            "company": rnd.choice(["", "Toko Makmur", "PT Maju", ""]),
            "city": rnd.choice(["Makassar", "Bandung", "", "Jakarta"]),
            "phone": "",
            "tech_comfort": rnd.randint(1, 5),
            "created_at": now,
            "updated_at": now,
        }
        for name in named
    ]
    with Session(engine) as session:
        session.execute(sa.insert(Client), client_rows)
        ids = list(session.execute(sa.select(Client.id)).scalars())
        session.execute(
            sa.insert(Ticket),
            [
                {
                    "client_id": rnd.choice(ids),
                    "title": rnd.choice(["Web error", "web Error", "Domain", "Email", "SSL"]),
                    "status": rnd.choice(["open", "waiting", "resolved", "closed"]),
                    "priority": rnd.randint(1, 4),
                    "due_date": rnd.choice([None, day, day + timedelta(days=rnd.randint(0, 9))]),
                    "created_at": now - timedelta(hours=rnd.randint(0, 50)),
                    "updated_at": now - timedelta(hours=rnd.randint(0, 50)),
                    "status_changed_at": now,
                }
                for _ in range(TICKETS)
            ],
        )
        session.execute(
            sa.insert(Order),
            [
                {
                    "client_id": rnd.choice(ids),
                    "title": rnd.choice(["Website", "Hosting", "website"]),
                    "amount": rnd.choice([0, 1_500_000, 250, 1_500_000]),
                    "currency": rnd.choice(["IDR", "IDR", "USD"]),
                    "status": rnd.choice(["quoted", "won", "paid", "lost"]),
                    "quoted_on": rnd.choice([None, day, day + timedelta(days=3)]),
                    "won_on": rnd.choice([None, day + timedelta(days=rnd.randint(0, 5))]),
                    "paid_on": rnd.choice([None, day + timedelta(days=7)]),
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(ORDERS)
            ],
        )
        session.commit()


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    _fill(any_engine)
    return any_engine


def _in_order(rows: list[Any], ids: list[int]) -> list[Any]:
    by_id = {row.id: row for row in rows}
    return [by_id[row_id] for row_id in ids]


def test_the_ids_of_the_tickets_are_in_the_lists_order(engine: Engine) -> None:
    with Session(engine) as session:
        for sort in get_args(TicketSort):
            for descending in (False, True):
                order = {"sort": sort, "descending": descending}
                listed = tickets.list_tickets(session=session, limit=TICKETS, **order)
                assert len(listed) == TICKETS
                ids = tickets.ticket_ids(session=session, **order)
                assert ids == [row.id for row in listed], (sort, descending)
                page = ids[2 * PAGE : 3 * PAGE]
                rows = tickets.ticket_rows(session=session, ids=page)
                assert _in_order(rows, page) == listed[2 * PAGE : 3 * PAGE]
        # filtered: only the open tickets, in the open list's order
        open_ones = tickets.list_tickets(session=session, status=["open"], limit=TICKETS)
        assert 0 < len(open_ones) < TICKETS
        ids = tickets.ticket_ids(session=session, status=["open"])
        assert ids == [row.id for row in open_ones]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": ["open", "waiting"]},
        {"due": "overdue", "today": date(2026, 3, 5)},
        {"due": "none", "priority": 2},
        {"search": "web"},
    ],
)
def test_deleted_clients_tickets_never_show_whichever_way_the_list_is_read(
    engine: Engine, filters: dict[str, Any]
) -> None:
    """Pages and ids read without joining the clients (when neither the sort nor the search
    needs them) list exactly the tickets and order of the list read with its clients."""
    with Session(engine) as session:
        gone = list(session.execute(sa.select(Client.id).order_by(Client.id).limit(20)).scalars())
        session.execute(sa.update(Client).where(Client.id.in_(gone)).values(deleted_at=utcnow()))
        session.commit()
        for sort in get_args(TicketSort):
            for descending in (False, True):
                order = tickets._list_order(sort, descending)
                joined = tickets._listed(filters).with_only_columns(Ticket.id).order_by(*order)  # type: ignore[arg-type]
                wanted = list(session.execute(joined).scalars())
                assert wanted, (sort, filters)
                listed = tickets.list_tickets(
                    session=session, sort=sort, descending=descending, limit=TICKETS, **filters
                )
                assert [row.id for row in listed] == wanted, (sort, descending)
                assert all(row.client_id not in gone for row in listed)
                ids = tickets.ticket_ids(
                    session=session, sort=sort, descending=descending, **filters
                )
                assert ids == wanted, (sort, descending)
                page = tickets.list_tickets(
                    session=session, sort=sort, descending=descending, offset=5, limit=7, **filters
                )
                assert [row.id for row in page] == wanted[5:12]
        assert tickets.count_tickets(session=session, **filters) == len(wanted)


def test_the_ids_of_the_clients_are_in_the_lists_order(engine: Engine) -> None:
    with Session(engine) as session:
        for sort in SORT_KEYS:
            for descending in (False, True):
                order = {"sort": sort, "descending": descending}
                listed = clients.list_clients(session=session, limit=CLIENTS, **order)
                ids = clients.client_ids(session=session, **order)
                assert ids == [row.id for row in listed], (sort, descending)
                rows = clients.client_rows(session=session, ids=ids[PAGE:])
                assert _in_order(rows, ids[PAGE:]) == listed[PAGE:]
        found = clients.list_clients(session=session, search="makassar", limit=CLIENTS)
        assert 0 < len(found) < CLIENTS
        ids = clients.client_ids(session=session, search="makassar")
        assert ids == [row.id for row in found]


def test_the_ids_of_the_orders_are_in_the_lists_order(engine: Engine) -> None:
    with Session(engine) as session:
        for sort in get_args(OrderSort):
            for descending in (False, True):
                order = {"sort": sort, "descending": descending}
                listed = orders.list_orders(session=session, **order)
                assert len(listed) == ORDERS
                ids = orders.order_ids(session=session, **order)
                assert ids == [row.id for row in listed], (sort, descending)
                rows = orders.order_rows(session=session, ids=ids[:PAGE])
                assert _in_order(rows, ids[:PAGE]) == listed[:PAGE]


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_clients_sort_by_every_column_on_both_engines_blanks_last(
    engine: Engine, sort: str
) -> None:
    # sorting by tech comfort compared a number with "" (blanks last): PostgreSQL refused it,
    # so clicking the column's header on a team desk failed; by a date, SQLite's did
    with Session(engine) as session:
        for descending in (False, True):
            listed = clients.list_clients(
                session=session,
                sort=sort,  # type: ignore[arg-type]
                descending=descending,
                limit=CLIENTS,
            )
            assert len(listed) == CLIENTS
            if hasattr(listed[0], sort):
                values = [getattr(row, sort) for row in listed]
                blank = [value in (None, "") for value in values]
                assert blank == sorted(blank)  # every blank after every value
