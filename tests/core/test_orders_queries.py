"""The order list queries the Orders screens page through: several statuses, text search, sorting,
paging, counting and totals under the same filters, and the orders of deleted clients left out."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, orders
from agencydesk.core.db import session_scope


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


@pytest.fixture
def shop(engine: Engine) -> dict[str, int]:
    """Three clients, seven orders in two currencies: client name / order key → id."""
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        for name in ("Ibu Ratna", "Pak Andi", "Bu Sari 100%"):
            client = clients.create_client(session=session, values={"name": name})
            assert client.id is not None
            ids[name] = client.id
        for key, client, values in (
            ("site", "Ibu Ratna", {"title": "Company website", "amount": 3_500_000,
                                   "status": "paid", "quoted_on": date(2024, 2, 20),
                                   "paid_on": date(2024, 3, 25)}),
            ("hosting", "Ibu Ratna", {"title": "Hosting 2026", "amount": 950_000,
                                      "status": "won", "won_on": date(2026, 2, 2)}),
            ("form", "Ibu Ratna", {"title": "Order form", "amount": 1_500_000,
                                   "status": "quoted", "quoted_on": date(2026, 10, 1)}),
            ("landing", "Pak Andi", {"title": "Landing page", "amount": 450, "currency": "USD",
                                     "status": "paid", "paid_on": date(2024, 10, 1)}),
            ("migration", "Pak Andi", {"title": "Server migration", "amount": 800,
                                       "currency": "USD", "status": "cancelled",
                                       "quoted_on": date(2025, 5, 5)}),
            ("shop", "Bu Sari 100%", {"title": "Online shop", "amount": 12_000_000,
                                      "status": "lost", "quoted_on": date(2025, 3, 10)}),
            ("undated", "Bu Sari 100%", {"title": "Photos_2", "amount": 0}),
        ):  # fmt: skip
            order = orders.create_order(
                session=session, client_id=ids[client], values=values, today=date(2026, 11, 1)
            )
            assert order.id is not None
            ids[key] = order.id
    return ids


def _ids(rows: list[orders.OrderRow]) -> list[int]:
    return [row.id for row in rows]


def test_several_statuses_search_and_their_count_agree(
    engine: Engine, shop: dict[str, int]
) -> None:
    with Session(engine) as session:
        closed = orders.list_orders(session=session, status=("lost", "cancelled"))
        by_client = orders.list_orders(session=session, search="andi")
        two_words = orders.list_orders(session=session, search="ratna HOST")
        # LIKE's own wildcards are taken literally
        percent = orders.list_orders(session=session, search="100%")
        underscore = orders.list_orders(session=session, search="s_2")
        counted = orders.count_orders(session=session, status=("lost", "cancelled"))
        nothing = orders.count_orders(session=session, search="zzz")
    assert set(_ids(closed)) == {shop["shop"], shop["migration"]}
    assert counted == 2
    assert set(_ids(by_client)) == {shop["landing"], shop["migration"]}
    assert _ids(two_words) == [shop["hosting"]]
    assert set(_ids(percent)) == {shop["shop"], shop["undated"]}
    assert _ids(underscore) == [shop["undated"]]
    assert nothing == 0


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        # by day (paid, else won, else quoted); an order without any day comes last
        ("day", True, ["form", "hosting", "migration", "shop", "landing", "site", "undated"]),
        ("title", False, ["site", "hosting", "landing", "shop", "form", "undated", "migration"]),
        # by name, then newest first
        ("client", False, ["shop", "undated", "form", "hosting", "site", "migration", "landing"]),
        # the lifecycle: quoted, won, paid, lost, cancelled
        ("status", False, ["form", "undated", "hosting", "landing", "site", "shop", "migration"]),
        # rupiah first, whatever the direction; dollars after
        ("amount", True, ["shop", "site", "form", "hosting", "undated", "migration", "landing"]),
        ("amount", False, ["undated", "hosting", "form", "site", "shop", "landing", "migration"]),
        # missing days last in both directions
        ("paid", False, ["site", "landing", "form", "hosting", "migration", "shop", "undated"]),
        ("paid", True, ["landing", "site", "form", "hosting", "migration", "shop", "undated"]),
    ],
)
def test_sorting(
    engine: Engine, shop: dict[str, int], sort: orders.OrderSort, descending: bool,
    expected: list[str],
) -> None:  # fmt: skip
    with Session(engine) as session:
        rows = orders.list_orders(session=session, sort=sort, descending=descending)
    names = {order_id: key for key, order_id in shop.items() if key[0].islower()}
    assert [names[row.id] for row in rows] == expected


def test_pages_add_up_to_the_whole_list(engine: Engine, shop: dict[str, int]) -> None:
    with Session(engine) as session:
        whole = orders.list_orders(session=session, sort="title")
        pages = [
            orders.list_orders(session=session, sort="title", offset=offset, limit=3)
            for offset in (0, 3, 6)
        ]
    assert [len(page) for page in pages] == [3, 3, 1]
    assert [row for page in pages for row in page] == whole


def test_totals_follow_the_same_filters(engine: Engine, shop: dict[str, int]) -> None:
    with Session(engine) as session:
        ratna = orders.order_totals(session=session, search="ratna")
        this_year = orders.order_totals(
            session=session, since=date(2026, 1, 1), until=date(2026, 12, 31)
        )
        ordered = orders.order_totals(session=session, status=orders.ORDERED_STATUSES)
    assert [(t.currency, t.status, t.count, t.amount) for t in ratna] == [
        ("IDR", "paid", 1, 3_500_000),
        ("IDR", "quoted", 1, 1_500_000),
        ("IDR", "won", 1, 950_000),
    ]
    assert {(t.status, t.amount) for t in this_year} == {("won", 950_000), ("quoted", 1_500_000)}
    assert {(t.currency, t.status) for t in ordered} == {
        ("IDR", "paid"),
        ("IDR", "won"),
        ("USD", "paid"),
    }


def test_orders_of_deleted_clients_can_be_left_out(engine: Engine, shop: dict[str, int]) -> None:
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=shop["Pak Andi"])
    with Session(engine) as session:
        live = orders.list_orders(session=session, live_clients_only=True)
        live_count = orders.count_orders(session=session, live_clients_only=True)
        live_totals = orders.order_totals(session=session, live_clients_only=True)
        everything = orders.count_orders(session=session)
    assert shop["landing"] not in _ids(live)
    assert live_count == len(live) == 5
    assert {t.currency for t in live_totals} == {"IDR"}
    assert everything == 7


def test_an_unknown_sort_is_a_bug_not_a_silent_default(engine: Engine) -> None:
    with Session(engine) as session, pytest.raises(ValueError, match="sort"):
        orders.list_orders(session=session, sort="price")  # type: ignore[arg-type]


def test_a_word_with_accents_finds_its_capitals_on_both_engines(engine: Engine) -> None:
    # SQLite's own lower() knows only A–Z: "école" did not find "ÉCOLE" on a solo desk, while
    # PostgreSQL's found it on a team desk.
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "ÇELIK Ödemiş"})
        assert client.id is not None
        orders.create_order(
            session=session,
            client_id=client.id,
            values={"title": "ÉCOLE website", "amount": 1_000_000, "status": "quoted"},
        )
    with Session(engine) as session:
        assert [r.title for r in orders.list_orders(session=session, search="école")] == [
            "ÉCOLE website"
        ]
        assert [r.title for r in orders.list_orders(session=session, search="çelik")] == [
            "ÉCOLE website"
        ]
        assert orders.count_orders(session=session, search="ödemiş website") == 1
