"""Presence: what another desk has open appears, and a desk that stops beating disappears
(two desks on one PostgreSQL database; a short expiry instead of 30 seconds of waiting)."""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import people, presence
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.migrate import open_database
from agencydesk.core.models import Presence


def _person(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        return people.add_person(session=session, name=name).id


def test_a_beat_is_seen_by_the_others_with_what_it_shows(any_engine: Engine) -> None:
    sari, budi = _person(any_engine, "Sari Wulandari"), _person(any_engine, "Budi")
    with session_scope(any_engine) as session:
        presence.beat(session=session, desk_id="a", person_id=sari, subject="ticket", subject_id=7)
        presence.beat(session=session, desk_id="b", person_id=budi, subject="client", subject_id=3)
    with Session(any_engine) as session:
        seen_by_b = presence.others(session=session, desk_id="b")
    assert [(p.first_name, p.subject, p.subject_id, p.typing) for p in seen_by_b] == [
        ("Sari", "ticket", 7, False)
    ]
    assert presence.looking_at(seen_by_b, "ticket", 7) == seen_by_b
    assert presence.looking_at(seen_by_b, "ticket", 8) == []
    with session_scope(any_engine) as session:
        presence.leave(session=session, desk_id="a")
    with Session(any_engine) as session:
        assert presence.others(session=session, desk_id="b") == []


def test_presence_appears_on_another_desk_and_expires(pg_url: str) -> None:
    open_database(pg_url).dispose()
    desk_a, desk_b = make_engine(pg_url), make_engine(pg_url)  # two desks, one server database
    try:
        sari, budi = _person(desk_a, "Sari"), _person(desk_b, "Budi")
        with session_scope(desk_a) as session:
            presence.beat(
                session=session,
                desk_id="desk-a",
                person_id=sari,
                subject="ticket",
                subject_id=12,
                typing=True,
            )
        with Session(desk_b) as session:
            seen = presence.others(session=session, desk_id="desk-b")
        assert [(p.name, p.subject_id, p.typing) for p in seen] == [("Sari", 12, True)]

        # desk A dies (no more beats): with an expiry of 0.2 s it is gone for B after 0.3 s
        short = timedelta(milliseconds=200)
        time.sleep(0.3)
        with Session(desk_b) as session:
            assert presence.others(session=session, desk_id="desk-b", expiry=short) == []
        # and B's next beat removes A's row for good
        with session_scope(desk_b) as session:
            presence.beat(session=session, desk_id="desk-b", person_id=budi, expiry=short)
        with Session(desk_a) as session:
            rows = session.exec(select(Presence)).all()
        assert [row.desk_id for row in rows] == ["desk-b"]
    finally:
        desk_a.dispose()
        desk_b.dispose()
