from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, orders, tickets, timeline
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


QUOTED = date(2025, 3, 1)


def _client(engine: Engine, name: str = "Ibu Ratna") -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name})
        assert client.id is not None
        return client.id


def _order(engine: Engine, client_id: int, **values: object) -> int:
    values.setdefault("title", "Company profile website")
    with session_scope(engine) as session:
        order = orders.create_order(
            session=session, client_id=client_id, values=values, today=date(2025, 6, 1)
        )
        assert order.id is not None
        return order.id


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"title": "   "}, "title", "title_required"),
        ({"title": "x" * 201}, "title", "too_long"),
        ({"amount": -1}, "amount", "amount_invalid"),
        ({"amount": 1.5}, "amount", "amount_invalid"),
        ({"currency": "RP"}, "currency", "currency_invalid"),
        ({"currency": "RUPIAH"}, "currency", "currency_invalid"),
        ({"currency": "ID1"}, "currency", "currency_invalid"),
        ({"status": "maybe"}, "status", "status_unknown"),
        (
            {"quoted_on": QUOTED, "won_on": date(2025, 2, 28), "status": "won"},
            "won_on",
            "won_before_quote",
        ),
        (
            {"quoted_on": QUOTED, "paid_on": date(2025, 2, 1), "status": "paid"},
            "paid_on",
            "paid_before_quote",
        ),
    ],
)
def test_an_invalid_order_is_refused_with_a_field_code(
    engine: Engine, values: dict[str, object], field: str, code: str
) -> None:
    client_id = _client(engine)
    values = {"title": "Company profile website", **values}
    with pytest.raises(ValidationError) as raised, session_scope(engine) as session:
        orders.create_order(session=session, client_id=client_id, values=values)
    assert raised.value.errors[field] == code
    assert code in orders.ERROR_TEXT
    with Session(engine) as session:
        assert orders.list_orders(session=session) == []


def test_defaults_trimming_and_the_days_a_status_fills_in(engine: Engine) -> None:
    client_id = _client(engine)
    quoted = _order(engine, client_id, title="  hosting   renewal 2025 ", amount=850_000)
    usd = _order(engine, client_id, amount=450, currency=" usd ", status="paid", quoted_on=QUOTED)
    with Session(engine) as session:
        first = orders.get_order(session=session, order_id=quoted)
        second = orders.get_order(session=session, order_id=usd)
    assert (first.title, first.currency, first.status) == ("hosting renewal 2025", "IDR", "quoted")
    assert (first.won_on, first.paid_on) == (None, None)
    # paid without days: won and paid "today" (here 1 June 2025)
    assert (second.currency, second.won_on, second.paid_on) == (
        "USD",
        date(2025, 6, 1),
        date(2025, 6, 1),
    )
    with session_scope(engine) as session:
        orders.update_order(
            session=session,
            order_id=quoted,
            values={"status": "paid", "paid_on": date(2025, 2, 10)},
            today=date(2025, 6, 1),
        )
    with Session(engine) as session:
        updated = orders.get_order(session=session, order_id=quoted)
    # won no later than paid
    assert (updated.won_on, updated.paid_on) == (date(2025, 2, 10), date(2025, 2, 10))


def test_orders_need_a_live_client_and_links_of_the_same_client(engine: Engine) -> None:
    ratna = _client(engine)
    sari = _client(engine, "Ibu Sari")
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=sari, values={"title": "Quote"})
        assert ticket.id is not None
        ticket_id = ticket.id
    with pytest.raises(ValidationError) as raised, session_scope(engine) as session:
        orders.create_order(
            session=session, client_id=ratna, values={"title": "Site", "ticket_id": ticket_id}
        )
    assert raised.value.errors == {"ticket_id": "ticket_missing"}
    order_id = _order(engine, sari, ticket_id=ticket_id)
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=ratna)
    with pytest.raises(UserError, match="no longer exists"), session_scope(engine) as session:
        orders.create_order(session=session, client_id=ratna, values={"title": "Site"})
    with session_scope(engine) as session:
        tickets.delete_ticket(session=session, ticket_id=ticket_id)
    with Session(engine) as session:
        assert orders.get_order(session=session, order_id=order_id).ticket_id is None
    with session_scope(engine) as session:
        orders.delete_order(session=session, order_id=order_id)
    with pytest.raises(UserError), Session(engine) as session:
        orders.get_order(session=session, order_id=order_id)


def test_list_and_totals_per_currency_and_status(engine: Engine) -> None:
    ratna = _client(engine)
    andi = _client(engine, "Andi")
    site = _order(
        engine,
        ratna,
        amount=3_500_000,
        status="paid",
        quoted_on=date(2024, 2, 20),
        won_on=date(2024, 3, 1),
        paid_on=date(2024, 3, 25),
    )
    hosting = _order(
        engine, ratna, title="Hosting 2025", amount=850_000, status="won", won_on=date(2025, 2, 3)
    )
    lost = _order(engine, ratna, title="Shop", amount=9_000_000, status="lost", quoted_on=QUOTED)
    landing = _order(
        engine, andi, amount=450, currency="USD", status="paid", paid_on=date(2024, 10, 1)
    )
    with Session(engine) as session:
        everything = orders.list_orders(session=session)
        of_ratna = orders.list_orders(session=session, client_id=ratna)
        paid = orders.list_orders(session=session, status="paid")
        in_2024 = orders.list_orders(
            session=session, since=date(2024, 1, 1), until=date(2024, 12, 31)
        )
        totals = orders.order_totals(session=session)
        totals_2025 = orders.order_totals(session=session, since=date(2025, 1, 1))
    # newest first, by paid, else won, else quoted day
    assert [row.id for row in everything] == [lost, hosting, landing, site]
    assert everything[0].client_name == "Ibu Ratna"
    assert {row.id for row in of_ratna} == {site, hosting, lost}
    assert {row.id for row in paid} == {site, landing}
    assert {row.id for row in in_2024} == {site, landing}
    assert [(t.currency, t.status, t.count, t.amount) for t in totals] == [
        ("IDR", "lost", 1, 9_000_000),
        ("IDR", "paid", 1, 3_500_000),
        ("IDR", "won", 1, 850_000),
        ("USD", "paid", 1, 450),
    ]
    assert [(t.currency, t.status, t.amount) for t in totals_2025] == [
        ("IDR", "lost", 9_000_000),
        ("IDR", "won", 850_000),
    ]


def test_orders_appear_in_the_client_timeline(engine: Engine) -> None:
    ratna = _client(engine)
    order_id = _order(
        engine,
        ratna,
        amount=4_500_000,
        status="paid",
        quoted_on=date(2024, 2, 20),
        won_on=date(2024, 3, 1),
        paid_on=date(2024, 3, 25),
    )
    with Session(engine) as session:
        events = timeline.client_timeline(session=session, client_id=ratna)
        older = timeline.client_timeline(
            session=session, client_id=ratna, before=datetime(2024, 3, 25, tzinfo=UTC)
        )
    assert [(e.at.date(), e.kind, e.subject, e.body, e.from_me, e.ref_id) for e in events] == [
        (
            date(2024, 3, 25),
            "order_paid",
            "Company profile website",
            "4500000 IDR",
            False,
            order_id,
        ),
        (date(2024, 3, 1), "order_won", "Company profile website", "4500000 IDR", False, order_id),
        (
            date(2024, 2, 20),
            "order_quoted",
            "Company profile website",
            "4500000 IDR",
            True,
            order_id,
        ),
    ]
    assert events[0].at == datetime(2024, 3, 25, tzinfo=UTC)
    assert [e.kind for e in older] == ["order_won", "order_quoted"]


def test_demo_orders_tell_the_spread_story(demo_engine: Engine) -> None:
    from agencydesk.core import referrals
    from agencydesk.core.models import Client

    with Session(demo_engine) as session:
        people = {c.name: c for c in session.exec(select(Client)).all()}
        ratna = people["Ibu Ratna Wulandari"]
        assert ratna.id is not None
        spread = referrals.cascade(session=session, root_id=ratna.id)
        sub = referrals.subtree(session=session, root_id=ratna.id)
        totals = orders.order_totals(session=session, status="lost")
    assert "very patient" in people["Ibu Sari Handayani"].introduction_note
    assert people["Mbak Lestari Putri"].introduced_on is not None
    assert [g.clients for g in spread.generations] == [1, 3, 2, 1]
    assert spread.multiplier is not None
    assert spread.multiplier > 5
    assert totals[0].count >= 1
    # every generation's first order comes after its referrer's
    for node in sub.nodes.values():
        if node.parent_id is not None:
            parent = sub.nodes[node.parent_id]
            assert node.first_order_on is not None
            assert parent.first_order_on is not None
            assert node.first_order_on > parent.first_order_on
