from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, demo
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.models import Client


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


def _by_name(session: Session) -> dict[str, Client]:
    return {client.name: client for client in session.exec(select(Client)).all()}


def test_demo_tells_the_story_of_the_mother_on_another_island(demo_engine: Engine) -> None:
    with Session(demo_engine) as session:
        people = _by_name(session)
    ratna = people["Ibu Ratna Wulandari"]
    assert ratna.tech_comfort == 1
    assert "Sulawesi" in ratna.city
    assert "gentle" in ratna.caution_note.lower()
    assert ratna.introduced_by_id is None

    def referrer(name: str) -> str | None:
        parent_id = people[name].introduced_by_id
        return next((c.name for c in people.values() if c.id == parent_id), None)

    # her friends, and their friends: three generations of referrals
    assert referrer("Ibu Sari Handayani") == "Ibu Ratna Wulandari"
    assert referrer("Ibu Dewi Lestari") == "Ibu Ratna Wulandari"
    assert referrer("Ibu Rina Marlina") == "Ibu Sari Handayani"
    assert referrer("Mbak Lestari Putri") == "Pak Yusuf Rahman"
    assert referrer("Pak Yusuf Rahman") == "Ibu Dewi Lestari"


def test_demo_has_the_demanding_restaurant_guest(demo_engine: Engine) -> None:
    with Session(demo_engine) as session:
        bambang = _by_name(session)["Pak Bambang Santoso"]
    assert "9.000.000" in bambang.caution_note
    assert bambang.introduced_by_id is None


def test_demo_refuses_a_database_that_has_or_had_clients(engine: Engine) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Real client"})
        clients.delete_client(session=session, client_id=client.id or 0)
    with pytest.raises(UserError, match="already has clients"), session_scope(engine) as session:
        demo.load_demo(session=session)
    with Session(engine) as session:
        assert clients.count_all_clients(session=session) == 1
