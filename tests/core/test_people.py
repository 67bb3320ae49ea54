"""People of a team desk: who they are, who a ticket is assigned to, and who did what (on both
engines)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from agencydesk.core import clients, people, tickets, time_spent, timeline, today
from agencydesk.core.authorship import act_as
from agencydesk.core.db import session_scope
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import StatusChange, TimeEntry


@pytest.fixture
def desk(any_engine: Engine) -> Iterator[Engine]:
    yield any_engine
    act_as(any_engine, None)


def _client_and_ticket(engine: Engine, **values: object) -> tuple[int, int]:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": "Email stopped", **values}
        )
        assert ticket.id is not None
        return client.id, ticket.id


def _person(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        return people.add_person(session=session, name=name).id


def test_people_get_initials_and_colours_and_a_name_is_taken_once(desk: Engine) -> None:
    with session_scope(desk) as session:
        sari = people.add_person(session=session, name="  Sari   Wulandari ")
        budi = people.add_person(session=session, name="budi", initials="bs")
    assert (sari.name, sari.initials) == ("Sari Wulandari", "SW")
    assert budi.initials == "BS"
    assert sari.colour != budi.colour
    with pytest.raises(ValidationError) as raised, session_scope(desk) as session:
        people.add_person(session=session, name="SARI WULANDARI")
    assert raised.value.errors == {"name": "name_taken"}
    with pytest.raises(ValidationError) as raised, session_scope(desk) as session:
        people.add_person(session=session, name=" ")
    assert raised.value.errors == {"name": "name_required"}
    with Session(desk) as session:
        assert [p.name for p in people.list_people(session=session)] == ["budi", "Sari Wulandari"]


def test_a_ticket_is_assigned_and_mine_lists_only_mine(desk: Engine) -> None:
    sari, budi = _person(desk, "Sari"), _person(desk, "Budi")
    client_id, first = _client_and_ticket(desk, assignee_id=sari)
    with session_scope(desk) as session:
        second = tickets.create_ticket(session=session, client_id=client_id, values={"title": "B"})
        assert second.id is not None
        tickets.assign(session=session, ticket_id=second.id, person_id=budi)
    with Session(desk) as session:
        mine = tickets.list_tickets(session=session, assignee_id=sari)
        everyone = tickets.list_tickets(session=session)
        assert [(row.id, row.assignee_id) for row in mine] == [(first, sari)]
        assert len(everyone) == 2
        assert tickets.count_tickets(session=session, assignee_id=budi) == 1
        # Today's "Mine": Sari's unanswered ticket waits on her, Budi's on him
        waiting = today.today_summary(session=session, person_id=sari).waiting_on_us
        assert [w.ticket_id for w in waiting] == [first]
    with pytest.raises(ValidationError) as raised, session_scope(desk) as session:
        tickets.assign(session=session, ticket_id=first, person_id=9999)
    assert raised.value.errors == {"assignee_id": "person_unknown"}


def test_what_a_desk_writes_records_its_person_and_the_timeline_shows_it(desk: Engine) -> None:
    sari = _person(desk, "Sari")
    client_id, ticket_id = _client_and_ticket(desk)
    act_as(desk, sari)
    with session_scope(desk) as session:
        tickets.add_message(session=session, ticket_id=ticket_id, body="Try again?", from_me=True)
        tickets.add_message(
            session=session, ticket_id=ticket_id, body="She is patient", from_me=True, kind="note"
        )
        time_spent.add_time(session=session, ticket_id=ticket_id, minutes=20)
        tickets.set_status(session=session, ticket_id=ticket_id, status="resolved")
    with Session(desk) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket_id)
        assert [line.author_id for line in lines] == [sari, sari]
        entry = session.exec(select(TimeEntry)).one()
        assert entry.author_id == sari
        assert time_spent.seconds_by_person(session=session, ticket_id=ticket_id) == {sari: 1200}
        changes = session.exec(select(StatusChange).order_by(col(StatusChange.id))).all()
        # my reply made it "waiting on client", then I resolved it
        assert [(c.old_status, c.new_status, c.person_id) for c in changes] == [
            ("open", "waiting_on_client", sari),
            ("waiting_on_client", "resolved", sari),
        ]
        events = timeline.client_timeline(session=session, client_id=client_id)
    resolved = [e for e in events if e.kind == "status_changed" and e.body == "resolved"]
    assert [e.person_id for e in resolved] == [sari]
    assert {e.person_id for e in events if e.kind in ("message", "note")} == {sari}


def test_a_solo_desk_records_nobody_and_its_timeline_is_as_before(desk: Engine) -> None:
    client_id, ticket_id = _client_and_ticket(desk)
    with session_scope(desk) as session:
        tickets.add_message(session=session, ticket_id=ticket_id, body="Hello", from_me=True)
        tickets.set_status(session=session, ticket_id=ticket_id, status="resolved")
    with Session(desk) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket_id)
        events = timeline.client_timeline(session=session, client_id=client_id)
        assert session.exec(select(StatusChange)).all() == []
    assert [line.author_id for line in lines] == [None]
    assert "status_changed" not in {e.kind for e in events}
    assert {e.person_id for e in events} == {None}
