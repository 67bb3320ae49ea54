"""Chat import writes all or nothing on both engines (COPY on PostgreSQL), and search sees it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import chat_import as ci
from agencydesk.core import clients, migrate, search
from agencydesk.core.chat_import import planning
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.importers import ChatMessage, ParsedChat
from agencydesk.core.models import Message


def _chat(count: int, first: int = 0) -> ParsedChat:
    words = ["webnya", "error", "invoice", "domain", "banner"]
    messages = [
        ChatMessage(
            "message",
            datetime(2025, 3, 1, 9, 0) + timedelta(minutes=i),
            "Rudi" if i % 3 == 0 else "Bu Sari",
            f"{words[i % 5]} nomor {i}",
        )
        for i in range(first, first + count)
    ]
    return ParsedChat("whatsapp-android", "DMY", messages, ["Bu Sari", "Rudi"])


def _client(engine: Engine) -> int:
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Bu Sari"}).id
    assert client_id is not None
    return client_id


def _import(
    engine: Engine, parsed: ParsedChat, client_id: int, progress: ci.Progress | None = None
) -> ci.ImportResult:
    with session_scope(engine) as session:
        return ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping={"Rudi": ci.ME, "Bu Sari": client_id},
            target=ci.TimelineOnly(),
            progress=progress,
        )


def _found(engine: Engine, text: str) -> list[int]:
    with Session(engine) as session:
        results = search.search(session=session, text=text, limit=100_000)
    return [hit.id for hit in results.hits["message"]]


def _messages(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, body, fingerprint FROM message ORDER BY id")
        return [tuple(row) for row in rows]


def test_imported_messages_are_found_and_a_reimport_adds_only_the_new(any_engine: Engine) -> None:
    client_id = _client(any_engine)
    assert _import(any_engine, _chat(1000), client_id).new == 1000
    assert len(_found(any_engine, "invoice")) == 200
    assert len(_found(any_engine, "nomor 99")) == 11  # 99, 990…999
    again = _import(any_engine, _chat(1200), client_id)  # the same export, 200 messages longer
    assert (again.new, again.known) == (200, 1000)
    assert len(_found(any_engine, "invoice")) == 240
    assert len(_messages(any_engine)) == 1200


def test_cancel_while_writing_leaves_nothing(any_engine: Engine) -> None:
    client_id = _client(any_engine)
    _import(any_engine, _chat(10), client_id)
    before, found = _messages(any_engine), _found(any_engine, "webnya")
    total_messages = planning.CHUNK * 3

    def cancel_late(done: int, total: int) -> bool:
        return done < total * 0.75  # in the writing half, after some rows went to the database

    with pytest.raises(ci.ImportCancelled):
        _import(any_engine, _chat(total_messages, first=100), client_id, cancel_late)
    assert _messages(any_engine) == before
    assert _found(any_engine, "webnya") == found


def test_a_message_another_desk_imported_meanwhile_fails_the_import_whole(pg_url: str) -> None:
    engine = migrate.open_database(pg_url)
    try:
        client_id = _client(engine)
        parsed = _chat(planning.CHUNK + 10)
        colleague: list[ci.ImportResult] = []

        def colleague_imports_first(done: int, total: int) -> bool:
            # Called once the new messages are known and before they are written: another desk
            # imports the last part of the same chat and commits.
            if done >= len(parsed.messages) and not colleague:
                colleague.append(_import(engine, _chat(10, first=planning.CHUNK), client_id))
            return True

        with pytest.raises(UserError, match="Another desk imported"):
            _import(engine, parsed, client_id, colleague_imports_first)
        assert colleague[0].new == 10
        assert len(_messages(engine)) == 10  # only the colleague's: none of the failed import
        assert _import(engine, parsed, client_id).new == planning.CHUNK  # again: the rest
        assert len(_messages(engine)) == planning.CHUNK + 10
    finally:
        engine.dispose()


def test_a_connection_lost_while_copying_saves_nothing_and_the_next_import_works(
    pg_url: str,
) -> None:
    engine = migrate.open_database(pg_url)
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        client_id = _client(engine)
        parsed = _chat(planning.CHUNK * 3)
        killed: list[int] = []

        def server_restarts(done: int, total: int) -> bool:
            if done > len(parsed.messages) + planning.CHUNK and not killed:  # rows are going in
                with admin.connect() as connection:
                    killed.extend(
                        connection.exec_driver_sql(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        ).scalars()
                    )
            return True

        with pytest.raises(UserError, match="connection to the server was lost"):
            _import(engine, parsed, client_id, server_restarts)
        assert killed
        assert _messages(engine) == []
        assert _import(engine, parsed, client_id).new == len(parsed.messages)
    finally:
        admin.dispose()
        engine.dispose()


def test_other_desks_read_and_search_while_a_chat_is_imported(pg_url: str) -> None:
    """The import takes no lock that stops a desk reading the timeline or searching: they see
    what was there before it, until it commits."""
    engine = migrate.open_database(pg_url)
    colleague = migrate.open_database(pg_url)
    try:
        client_id = _client(engine)
        _import(engine, _chat(10), client_id)
        parsed = _chat(planning.CHUNK * 2, first=100)
        seen: list[tuple[int, int]] = []

        def colleague_reads(done: int, total: int) -> bool:
            if done > len(parsed.messages) + planning.CHUNK // 2 and not seen:  # rows going in
                with colleague.connect() as connection:
                    connection.exec_driver_sql("SET statement_timeout = '5s'")
                    count = connection.exec_driver_sql(
                        f"SELECT count(*) FROM message WHERE client_id = {client_id}"
                    ).scalar_one()
                seen.append((int(count), len(_found(colleague, "webnya"))))
            return True

        assert _import(engine, parsed, client_id, colleague_reads).new == len(parsed.messages)
        assert seen == [(10, 2)]  # the ten from before, "webnya" in two of them
        assert len(_found(colleague, "webnya")) == 2 + len(parsed.messages) // 5
    finally:
        colleague.dispose()
        engine.dispose()


def _stored(engine: Engine) -> list[tuple[object, ...]]:
    """The imported rows as the desk reads them (times aware, in UTC, on both engines)."""
    m = Message
    columns = (m.sent_at, m.from_me, m.sender, m.kind, m.body, m.media_file, m.flags, m.source)
    with Session(engine) as session:
        select = sa.select(*columns, m.fingerprint).order_by(m.id)  # type: ignore[call-overload]
        return [tuple(row) for row in session.execute(select)]


def _imported_for(engine: Engine) -> set[tuple[int, datetime]]:
    """The (client, time of the import) of the stored messages."""
    with Session(engine) as session:
        select = sa.select(Message.client_id, Message.created_at)  # type: ignore[call-overload]
        return {(row[0], row[1]) for row in session.execute(select)}


def test_the_same_chat_is_stored_alike_on_both_engines(
    engine: Engine, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL gets the rows in binary COPY (times, flags and the search column in their
    binary forms): what the desk reads back and finds is what SQLite keeps, whatever time zone
    the server's session is in."""
    monkeypatch.setenv("PGTZ", "Asia/Makassar")  # UTC+8: a time read as local would move
    start = datetime(2025, 3, 1, 9, 0)
    messages = [
        ChatMessage("message", start, "Bu Sari", "Mas, webnya error lagi 🙏 kafé"),
        ChatMessage("message", start + timedelta(minutes=1), "Rudi", "Siap Bu, saya cek"),
        ChatMessage("message", start + timedelta(seconds=61, microseconds=5), "Rudi", ""),
        ChatMessage(
            "media",
            start + timedelta(minutes=2),
            "Bu Sari",
            "<Media omitted>",
            frozenset({"media_omitted", "forwarded"}),
            "IMG-20250301-WA0001.jpg",
        ),
        ChatMessage("system", start + timedelta(minutes=3), None, "Bu Sari left"),
        ChatMessage("message", start + timedelta(days=200), "Bu Sari", "Ter-ima kasih, MAS!"),
    ]
    parsed = ParsedChat("whatsapp-android", "DMY", messages, ["Bu Sari", "Rudi"])
    team = migrate.open_database(pg_url)
    try:
        stored = []
        for desk in (engine, team):
            client_id = _client(desk)
            before = datetime.now(UTC)
            _import(desk, parsed, client_id)
            stored.append(_stored(desk))
            # the columns an import writes once for all its rows
            (whose, when), *others = _imported_for(desk)
            assert not others
            assert whose == client_id
            assert before <= when <= datetime.now(UTC)
            found = [len(_found(desk, text)) for text in ("kafé", "saya cek", "ima mas", "terima")]
            assert found == [1, 1, 1, 0]
        assert stored[0] == stored[1]
        assert [row[1] for row in stored[1]] == [False, True, True, False, False, False]
        assert stored[1][3][6] == "forwarded,media_omitted"
        first = stored[1][0][0]
        assert isinstance(first, datetime)
        assert stored[1][2][0] == first + timedelta(seconds=61, microseconds=5)
    finally:
        team.dispose()
