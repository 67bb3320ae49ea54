"""The same desk on both engines: SQLite (the solo desk) and PostgreSQL (the team desk).

Each test runs twice (`any_engine`); the PostgreSQL run needs $AGENCYDESK_TEST_PG and is skipped
with one line saying how without it. What differs between the engines is only how fast it is.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import (
    changes,
    clients,
    demo,
    migrate,
    orders,
    referrals,
    search,
    tickets,
    time_spent,
)
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.names import name_key
from agencydesk.core.today import today_summary


@pytest.fixture
def demo_desk(any_engine: Engine) -> dict[str, int]:
    with session_scope(any_engine) as session:
        return demo.load_demo(session=session)


def test_migrations_reach_head_and_a_newer_schema_is_refused(any_engine: Engine) -> None:
    assert migrate.current_revision(any_engine) == migrate.head_revision()
    with any_engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    url = any_engine.url.render_as_string(hide_password=False)
    any_engine.dispose()
    with pytest.raises(UserError, match="newer version of agencydesk"):
        migrate.open_database(url)


def test_the_demo_desk_lists_sorts_and_finds_clients(
    any_engine: Engine, demo_desk: dict[str, int]
) -> None:
    with Session(any_engine) as session:
        assert clients.count_clients(session=session) == len(demo_desk)
        names = [row.name for row in clients.list_clients(session=session, limit=3)]
        assert names == sorted(names, key=name_key)  # "Pak Bambang" under B
        found = clients.list_clients(session=session, search="RATNA wulan")
        assert [row.name for row in found] == ["Ibu Ratna Wulandari"]
        hits = search.search(session=session, text="ratna")
        assert any(hit.title == "Ibu Ratna Wulandari" for hit in hits.hits.get("client", []))


def test_a_ticket_conversation_and_time_add_up(any_engine: Engine) -> None:
    with session_scope(any_engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Bu Sari"}).id
        assert client_id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Website error"}
        )
        assert ticket.id is not None
        tickets.add_message(
            session=session, ticket_id=ticket.id, body="Tidak bisa login", from_me=False
        )
        tickets.add_message(
            session=session, ticket_id=ticket.id, body="Saya cek ya, Bu", from_me=True
        )
        time_spent.add_time(session=session, ticket_id=ticket.id, minutes=25)
        ticket_id = ticket.id
    with Session(any_engine) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket_id)
        assert [line.body for line in lines] == ["Tidak bisa login", "Saya cek ya, Bu"]
        assert time_spent.seconds_spent(session=session, ticket_id=ticket_id) == 25 * 60
        assert tickets.get_ticket(session=session, ticket_id=ticket_id).first_response_at
        assert today_summary(session=session) is not None


def test_orders_and_the_referral_cascade(any_engine: Engine, demo_desk: dict[str, int]) -> None:
    with Session(any_engine) as session:
        totals = orders.order_totals(session=session)
        assert totals  # the demo has paid and open orders
        ratna = next(
            node for node in referrals.forest(session=session) if node.name == "Ibu Ratna Wulandari"
        )
        report = referrals.root_report(session=session, root_id=ratna.id)
        assert report.cascade.clients >= 6
        assert report.cascade.cascade_revenue > 0
        business = referrals.business_spread(session=session)
        assert 0 < business.referred_revenue < business.total_revenue


@pytest.fixture
def heard(any_engine: Engine) -> Iterator[list[ChangeSet]]:
    seen: list[ChangeSet] = []
    unsubscribe = changes.subscribe(lambda _e, c: seen.append(c), engine=any_engine)
    yield seen
    unsubscribe()


def test_commits_announce_themselves(any_engine: Engine, heard: list[ChangeSet]) -> None:
    with session_scope(any_engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Pak Yusuf"}).id
    with session_scope(any_engine) as session:
        session.execute(sa.text("UPDATE client SET city = 'Ambon'"))
    assert client_id is not None
    assert [c.ids(Topic.CLIENTS) for c in heard] == [frozenset({client_id}), None]
