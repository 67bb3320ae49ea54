"""Two desks on one PostgreSQL database: what one commits, the other hears within a second; a
rollback is heard by nobody; a listener whose connection is killed reconnects and catches up."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from agencydesk.core import changes, clients, live, migrate
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.db import make_engine, session_scope


@dataclass
class Desk:
    """One desk: its engine, its listener, what its subscribers were told."""

    engine: Engine
    listener: live.Listener
    heard: list[ChangeSet] = field(default_factory=list)
    links: list[live.Link] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    def wait_for(self, wanted: object, timeout_s: float = 1.0) -> float:
        """Seconds until a change set that *wanted(change_set)* arrived (fails after timeout)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout_s:
            if any(wanted(c) for c in list(self.heard)):  # type: ignore[operator]
                return time.monotonic() - start
            self.arrived.wait(0.01)
            self.arrived.clear()
        raise AssertionError(f"nothing wanted arrived within {timeout_s} s: {self.heard}")


@pytest.fixture
def desks(pg_url: str) -> Iterator[tuple[Desk, Desk]]:
    migrate.open_database(pg_url).dispose()
    made: list[Desk] = []
    stops = []
    for _ in range(2):
        engine = make_engine(pg_url)
        desk = Desk(engine, live.Listener(engine, poll_s=0.05))

        def hear(_e: Engine, c: ChangeSet, desk: Desk = desk) -> None:
            desk.heard.append(c)
            desk.arrived.set()

        def link(e: Engine, state: live.Link, desk: Desk = desk) -> None:
            if e is desk.engine:
                desk.links.append(state)

        stops.append(changes.subscribe(hear, engine=engine))
        stops.append(live.watch_link(link))
        desk.listener.start()
        assert desk.listener.listening.wait(5)
        made.append(desk)
    yield made[0], made[1]
    for stop in stops:
        stop()
    for desk in made:
        desk.listener.stop()
        desk.engine.dispose()


def test_a_client_saved_on_one_desk_shows_on_the_other_within_a_second(
    desks: tuple[Desk, Desk],
) -> None:
    a, b = desks
    with session_scope(a.engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
    assert client_id is not None
    took = b.wait_for(lambda c: c.ids(Topic.CLIENTS) == frozenset({client_id}))
    assert took < 1.0
    # desk A heard its own commit once (locally), not a second time through the server
    time.sleep(0.2)
    assert [c for c in a.heard if c.touches(Topic.CLIENTS)] == [
        ChangeSet({Topic.CLIENTS: frozenset({client_id})})
    ]


def test_a_rolled_back_save_is_heard_by_nobody(desks: tuple[Desk, Desk]) -> None:
    a, b = desks

    def cancelled() -> None:
        with session_scope(a.engine) as session:
            clients.create_client(session=session, values={"name": "Pak Budi"})
            raise RuntimeError("the user cancelled")

    with pytest.raises(RuntimeError):
        cancelled()
    with session_scope(a.engine) as session:
        kept = clients.create_client(session=session, values={"name": "Bu Sari"}).id
    b.wait_for(lambda c: c.may_touch(Topic.CLIENTS, kept or 0))
    assert all(c.ids(Topic.CLIENTS) == frozenset({kept}) for c in b.heard)


def test_many_ids_degrade_to_unknown_rows_within_the_payload_limit() -> None:
    big = ChangeSet({Topic.MESSAGES: frozenset(range(5000)), Topic.TICKETS: frozenset({7})})
    payload = live.encode("desk", big)
    assert len(payload.encode()) < 8000
    decoded = live.decode(payload)
    assert decoded is not None
    assert decoded[1] == ChangeSet({Topic.MESSAGES: None, Topic.TICKETS: frozenset({7})})


def test_a_killed_listener_reconnects_and_catches_up(desks: tuple[Desk, Desk]) -> None:
    a, b = desks
    with b.engine.connect() as connection:
        killed = connection.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN%%' AND datname = current_database() AND pid <> "
            "pg_backend_pid()"
        ).all()
    assert len(killed) == 2  # both desks' listeners
    # a change made while B was not listening reaches B as "everything changed" once it is back
    with session_scope(a.engine) as session:
        clients.create_client(session=session, values={"name": "Pak Joko"})
    b.wait_for(lambda c: c.ids(Topic.CLIENTS) is None and c.touches(Topic.TICKETS), 5.0)
    assert live.Link.DOWN in b.links
    assert b.links[-1] is live.Link.UP
    assert b.listener.listening.wait(5)
    # and it hears the next change as usual
    with session_scope(a.engine) as session:
        later = clients.create_client(session=session, values={"name": "Bu Wati"}).id
    b.wait_for(lambda c: c.ids(Topic.CLIENTS) == frozenset({later}))


def test_a_solo_desk_sends_nothing(engine: Engine) -> None:
    assert not live.is_team(engine)
    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": "Ibu Ratna"})
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM client")).scalar_one() == 1
