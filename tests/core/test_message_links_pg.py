"""On PostgreSQL a message's links are checked per statement (migration 0018), not by foreign
keys: they refuse and cascade exactly as the foreign keys did, an import still fails whole when
its client goes meanwhile, and the downgrade puts the foreign keys back."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine

from agencydesk.core import chat_import as ci
from agencydesk.core import clients, migrate, tickets
from agencydesk.core.chat_import import planning
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.importers import ChatMessage, ParsedChat

_INSERT = (
    "INSERT INTO message (client_id, ticket_id, author_id, sent_at, from_me, sender, kind, body, "
    "flags, source, created_at) VALUES (:client, :ticket, :author, now(), false, '', 'message', "
    ":body, '', 'typed', now())"
)


def _chat(count: int) -> ParsedChat:
    start = datetime(2025, 3, 1, 9, 0)
    messages = [
        ChatMessage("message", start + timedelta(minutes=n), "Bu Sari", f"pesan nomor {n}")
        for n in range(count)
    ]
    return ParsedChat("whatsapp-android", "DMY", messages, ["Bu Sari"])


def _desk(engine: Engine) -> tuple[int, int, int]:
    """A client with a ticket and a person: their ids."""
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Bu Sari"}).id
        assert client_id is not None
        ticket_id = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Website"}
        ).id
        assert ticket_id is not None
    with engine.begin() as connection:
        person_id = connection.exec_driver_sql(
            "INSERT INTO person (name, initials, colour, created_at) "
            "VALUES ('Budi', 'B', '#1f7a8c', now()) RETURNING id"
        ).scalar_one()
    return client_id, ticket_id, int(person_id)


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql(sql).scalar_one())


def _insert(engine: Engine, **values: object) -> None:
    row = {"client": None, "ticket": None, "author": None, "body": "halo", **values}
    with engine.begin() as connection:
        connection.execute(sa.text(_INSERT), row)


@pytest.fixture
def pg_engine(pg_migrated_url: str) -> Engine:
    engine = migrate.open_database(pg_migrated_url)
    yield engine  # type: ignore[misc]
    engine.dispose()


def test_a_message_naming_a_missing_client_ticket_or_person_is_refused(
    pg_engine: Engine,
) -> None:
    client_id, ticket_id, person_id = _desk(pg_engine)
    _insert(pg_engine, client=client_id, ticket=ticket_id, author=person_id)
    for missing in ({"client": 999}, {"ticket": 999}, {"author": 999}):
        values = {"client": client_id, **missing}
        with pytest.raises(sa.exc.IntegrityError, match="names a missing"):
            _insert(pg_engine, **values)
    missing_ticket = pytest.raises(sa.exc.IntegrityError, match="names a missing ticket")
    with missing_ticket, pg_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE message SET ticket_id = 999")
    id_changed = pytest.raises(sa.exc.IntegrityError, match="changes the id")
    with id_changed, pg_engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE ticket SET id = 999 WHERE id = {ticket_id}")
    assert _count(pg_engine, "SELECT count(*) FROM message") == 1


def test_deleting_a_client_ticket_or_person_does_to_messages_what_the_foreign_keys_did(
    pg_engine: Engine,
) -> None:
    client_id, ticket_id, person_id = _desk(pg_engine)
    other_client, other_ticket, _ = _desk(pg_engine)
    for _ in range(3):
        _insert(pg_engine, client=client_id, ticket=ticket_id, author=person_id)
        _insert(pg_engine, client=other_client, ticket=other_ticket, author=person_id)
    with pg_engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM person WHERE id = {person_id}")
        connection.exec_driver_sql(f"DELETE FROM ticket WHERE id = {ticket_id}")
    assert _count(pg_engine, "SELECT count(*) FROM message WHERE author_id IS NOT NULL") == 0
    assert _count(pg_engine, f"SELECT count(*) FROM message WHERE client_id = {client_id}") == 3
    assert _count(pg_engine, "SELECT count(*) FROM message WHERE ticket_id IS NULL") == 3
    with pg_engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM client WHERE id = {client_id}")
    assert _count(pg_engine, "SELECT count(*) FROM message") == 3  # the other client's
    # moving messages to another client (as a merge does) checks it
    with pg_engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE message SET client_id = {other_client}")


def test_a_client_deleted_while_its_chat_is_imported_leaves_nothing(pg_engine: Engine) -> None:
    client_id, _ticket, _person = _desk(pg_engine)
    parsed = _chat(planning.CHUNK * 2)
    deleted: list[int] = []

    def colleague_deletes_the_client(done: int, total: int) -> bool:
        if done > len(parsed.messages) + planning.CHUNK // 2 and not deleted:  # rows going in
            with pg_engine.begin() as connection:
                connection.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
                deleted.append(
                    connection.exec_driver_sql(
                        f"DELETE FROM client WHERE id = {client_id}"
                    ).rowcount
                )
        return True

    with pytest.raises(UserError, match="Another desk"), session_scope(pg_engine) as session:
        ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping={"Bu Sari": client_id},
            target=ci.TimelineOnly(),
            progress=colleague_deletes_the_client,
        )
    assert deleted == [1]
    assert _count(pg_engine, "SELECT count(*) FROM message") == 0


def test_an_imported_chat_goes_with_its_client(pg_engine: Engine) -> None:
    client_id, _ticket, _person = _desk(pg_engine)
    with session_scope(pg_engine) as session:
        result = ci.import_chat(
            session=session,
            parsed=_chat(500),
            client_id=client_id,
            mapping={"Bu Sari": client_id},
            target=ci.SplitAtGaps(8),
        )
    assert result.new == 500
    with pg_engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM client WHERE id = {client_id}")
    assert _count(pg_engine, "SELECT count(*) FROM message") == 0


def _foreign_keys(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'message'::regclass "
            "AND contype = 'f' ORDER BY 1"
        )
        return [str(name) for (name,) in rows]


def test_the_migration_keeps_the_links_and_its_downgrade_puts_the_foreign_keys_back(
    pg_url: str,
) -> None:
    engine = migrate.open_database(pg_url)
    try:
        client_id, ticket_id, person_id = _desk(engine)
        _insert(engine, client=client_id, ticket=ticket_id, author=person_id)
        assert _foreign_keys(engine) == []
    finally:
        engine.dispose()
    engine = make_engine(pg_url)
    config = migrate.alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0017")
        assert _foreign_keys(engine) == [
            "fk_message_author_id_person",
            "fk_message_client_id_client",
            "fk_message_ticket_id_ticket",
        ]
        with pytest.raises(sa.exc.IntegrityError, match="foreign key"):
            _insert(engine, client=999)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        assert _foreign_keys(engine) == []
        with pytest.raises(sa.exc.IntegrityError, match="names a missing client"):
            _insert(engine, client=999)
    finally:
        engine.dispose()
