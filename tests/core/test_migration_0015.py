"""Migration 0015 (PostgreSQL): the message search column stops being generated. A desk with
messages upgrades keeping them found, every way a message is written or changed still gets its
words, and the downgrade makes the generated column again."""

from __future__ import annotations

from datetime import datetime, timedelta

from alembic import command
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import chat_import as ci
from agencydesk.core import clients, migrate, search, tickets
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.importers import ChatMessage, ParsedChat


def _migrate(url: str, revision: str, down: bool = False) -> None:
    engine = make_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def _found(engine: Engine, text: str) -> list[str]:
    with Session(engine) as session:
        hits = search.search(session=session, text=text, limit=100).hits["message"]
    return sorted(
        hit.snippet.replace(search.HIT_START, "").replace(search.HIT_END, "") for hit in hits
    )


def _generated(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(
            connection.exec_driver_sql(
                "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'message'::regclass "
                "AND attname = 'search_vector'"
            ).scalar_one()
        )


def _desk_with_messages(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Bu Sari"}).id
        assert client_id is not None
        ticket_id = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Website"}
        ).id
        assert ticket_id is not None
        for body in ("webnya error lagi", "Fotonya di café sudah dikirim", "invoice INV/2024/7"):
            tickets.add_message(session=session, ticket_id=ticket_id, body=body, from_me=False)
    return client_id, ticket_id


def _import(engine: Engine, client_id: int, bodies: list[str]) -> ci.ImportResult:
    start = datetime(2025, 3, 1, 9, 0)
    messages = [
        ChatMessage("message", start + timedelta(minutes=n), "Bu Sari", body)
        for n, body in enumerate(bodies)
    ]
    parsed = ParsedChat("whatsapp-android", "DMY", messages, ["Bu Sari"])
    with session_scope(engine) as session:
        return ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping={"Bu Sari": client_id},
            target=ci.TimelineOnly(),
        )


def test_an_upgraded_desk_finds_its_messages_and_every_new_or_changed_one(pg_url: str) -> None:
    _migrate(pg_url, "0014")
    engine = make_engine(pg_url)
    try:
        client_id, ticket_id = _desk_with_messages(engine)  # written while it was generated
    finally:
        engine.dispose()
    engine = migrate.open_database(pg_url)  # 0014 → head
    try:
        assert _generated(engine) == ""
        assert _found(engine, "webnya") == ["webnya error lagi"]
        assert _found(engine, "cafe") == ["Fotonya di café sudah dikirim"]
        assert _found(engine, "inv 2024") == ["invoice INV/2024/7"]
        # typed at the desk: filled by the server after the insert
        with session_scope(engine) as session:
            tickets.add_message(
                session=session, ticket_id=ticket_id, body="Logonya Ékspres", from_me=True
            )
        assert _found(engine, "ekspres") == ["Logonya Ékspres"]
        # imported: sent ready-made (ASCII) or filled (not ASCII), words in message_word too
        assert (
            _import(engine, client_id, ["domainnya habis", "Sudah lunas 👍 terima kasih"]).new == 2
        )
        assert _found(engine, "domainn") == ["domainnya habis"]
        assert _found(engine, "terima kas") == ["Sudah lunas 👍 terima kasih"]
        # changed: the words follow the body
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE message SET body = 'bannernya miring' WHERE body = 'webnya error lagi'"
            )
        assert _found(engine, "webnya") == []
        assert _found(engine, "bannern") == ["bannernya miring"]
        with engine.connect() as connection:
            empty = connection.exec_driver_sql(
                "SELECT count(*) FROM message WHERE search_vector IS NULL"
            ).scalar_one()
            differ = connection.exec_driver_sql(
                "SELECT count(*) FROM message "
                "WHERE strip(search_vector) <> message_search_vector(body, sender)"
            ).scalar_one()
        assert (empty, differ) == (0, 0)
    finally:
        engine.dispose()


def test_the_downgrade_makes_the_generated_column_again(pg_url: str) -> None:
    engine = migrate.open_database(pg_url)
    try:
        client_id, _ticket_id = _desk_with_messages(engine)
        _import(engine, client_id, ["domainnya habis", "Sudah lunas 👍 terima kasih"])
    finally:
        engine.dispose()
    _migrate(pg_url, "0014", down=True)
    engine = make_engine(pg_url)
    try:
        assert _generated(engine) == "s"
        assert _found(engine, "cafe") == ["Fotonya di café sudah dikirim"]
        assert _found(engine, "domainn") == ["domainnya habis"]
        with engine.connect() as connection:
            names = connection.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'message'::regclass "
                "AND NOT tgisinternal ORDER BY 1"
            ).scalars()
            assert list(names) == ["message_word_after_insert", "message_word_after_update"]
    finally:
        engine.dispose()
    engine = migrate.open_database(pg_url)  # and up again
    try:
        assert _generated(engine) == ""
        assert _found(engine, "terima") == ["Sudah lunas 👍 terima kasih"]
    finally:
        engine.dispose()
