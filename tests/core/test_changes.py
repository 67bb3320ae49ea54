"""Committed writes announce what they changed; nothing is announced for a rollback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import changes, clients, migrate, tickets
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.db import session_scope, sqlite_url


@pytest.fixture
def heard(engine: Engine) -> Iterator[list[ChangeSet]]:
    """The change sets *engine* announced during the test."""
    seen: list[ChangeSet] = []
    unsubscribe = changes.subscribe(lambda _e, c: seen.append(c), engine=engine)
    yield seen
    unsubscribe()


def _merged(seen: list[ChangeSet]) -> ChangeSet:
    total = ChangeSet()
    for change_set in seen:
        total = total.merged(change_set)
    return total


def test_a_new_client_announces_its_table_and_id(engine: Engine, heard: list[ChangeSet]) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
    assert len(heard) == 1
    assert heard[0].ids(Topic.CLIENTS) == frozenset({client.id})
    assert heard[0].may_touch(Topic.CLIENTS, client.id or 0)
    assert not heard[0].touches(Topic.TICKETS)


def test_deleting_and_undeleting_a_client_are_announced(
    engine: Engine, heard: list[ChangeSet]
) -> None:
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Pak Yusuf"}).id
    assert client_id is not None
    heard.clear()
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=client_id)
    with session_scope(engine) as session:
        clients.undelete_client(session=session, client_id=client_id)
    assert [c.may_touch(Topic.CLIENTS, client_id) for c in heard] == [True, True]


def test_a_ticket_with_its_first_message_announces_both(
    engine: Engine, heard: list[ChangeSet]
) -> None:
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Bu Sari"}).id
        assert client_id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Website error"}
        )
        assert ticket.id is not None
        tickets.add_message(
            session=session, ticket_id=ticket.id, body="Tidak bisa login", from_me=False
        )
    assert _merged(heard).touches(Topic.CLIENTS, Topic.TICKETS, Topic.MESSAGES)


def test_raw_sql_writes_are_announced_without_ids(engine: Engine, heard: list[ChangeSet]) -> None:
    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": "Mbak Dewi"})
    heard.clear()
    with session_scope(engine) as session:
        session.execute(sa.text("UPDATE client SET city = 'Makassar'"))
    assert len(heard) == 1
    assert heard[0].ids(Topic.CLIENTS) is None  # some rows; which ones is not known
    assert heard[0].may_touch(Topic.CLIENTS, 12345)


def test_a_rolled_back_transaction_announces_nothing(
    engine: Engine, heard: list[ChangeSet]
) -> None:
    def cancelled() -> None:
        with session_scope(engine) as session:
            clients.create_client(session=session, values={"name": "Never saved"})
            session.flush()
            raise RuntimeError("the user cancelled")

    with pytest.raises(RuntimeError):
        cancelled()
    assert heard == []
    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": "Saved"})
    assert len(heard) == 1  # the next transaction does not carry the cancelled one's changes


def test_reads_announce_nothing(engine: Engine, heard: list[ChangeSet]) -> None:
    with Session(engine) as session:
        clients.count_clients(session=session)
        session.commit()
    assert heard == []


def test_listeners_hear_only_their_engine(engine: Engine, tmp_path: Path) -> None:
    other = migrate.open_database(sqlite_url(tmp_path / "other.sqlite3"))
    seen: list[ChangeSet] = []
    unsubscribe = changes.subscribe(lambda _e, c: seen.append(c), engine=engine)
    try:
        with session_scope(other) as session:
            clients.create_client(session=session, values={"name": "Elsewhere"})
        assert seen == []
    finally:
        unsubscribe()
        other.dispose()


def test_a_failing_listener_does_not_fail_the_commit(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_engine: Engine, _changes: ChangeSet) -> None:
        raise ValueError("listener bug")

    unsubscribe = changes.subscribe(broken, engine=engine)
    try:
        with session_scope(engine) as session:
            client_id = clients.create_client(session=session, values={"name": "Kept"}).id
    finally:
        unsubscribe()
    with Session(engine) as session:
        assert clients.get_client(session=session, client_id=client_id or 0).name == "Kept"
    assert "A change listener failed" in caplog.text
