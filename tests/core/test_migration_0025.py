"""Migration 0025: clients stored before their texts were composed and before emoji stopped
counting as name words are found by the words as typed, and sort by the name they are called by,
without anyone editing them first — on SQLite and on the team server."""

from __future__ import annotations

import unicodedata

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, migrate, search
from agencydesk.core.db import make_engine, sqlite_url

_NOW = "'2026-11-02 00:00:00'"


def _to(url: str, revision: str) -> None:
    engine = make_engine(url, begin="BEGIN IMMEDIATE" if url.startswith("sqlite") else None)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _insert_as_before(url: str) -> None:
    """Two clients as an older desk stored them: a decomposed name, and a contact name with an
    emoji whose key an older names.py made with the emoji in front."""
    engine = make_engine(url)
    decomposed = unicodedata.normalize("NFD", "Pak José Ramírez")
    with engine.begin() as connection:
        for row_id, name, key in (
            (1, decomposed, "josé ramírez"),
            (2, "⭐ Ibu Ratna Wulandari", "⭐ ibu ratna wulandari"),
            (3, "Andi Pratama", "andi pratama"),
            (4, "Pak Yusuf Hidayat", "yusuf hidayat"),
        ):
            connection.execute(
                text(
                    "INSERT INTO client (id, name, company, phone, email, city, tech_comfort, "
                    "preferred_channel, tags, caution_note, notes, website, created_at, "
                    "updated_at, introduction_note, sort_name, phone_key, language, version) "
                    f"VALUES (:id, :name, '', '', '', '', 3, 'whatsapp', '', '', '', '', {_NOW}, "
                    f"{_NOW}, '', :key, '', 'id', 1)"
                ),
                {"id": row_id, "name": name, "key": key},
            )
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def old_desk(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        path = request.getfixturevalue("db_path")
        path.parent.mkdir(parents=True)
        return sqlite_url(path)
    return str(request.getfixturevalue("pg_url"))


def test_clients_stored_before_are_found_as_typed_and_sorted_by_their_name(old_desk: str) -> None:
    _to(old_desk, "0024")
    _insert_as_before(old_desk)

    migrate.upgrade(old_desk)

    engine: Engine = make_engine(old_desk)
    try:
        with Session(engine) as session:
            found = search.search(session=session, text="José").hits.get("client", [])
            assert [hit.id for hit in found] == [1]
            # the Clients page's search box
            assert [c.id for c in clients.list_clients(session=session, search="josé")] == [1]
            names = [c.name for c in clients.list_clients(session=session, sort="name")]
        assert names == [
            "Andi Pratama",
            "Pak José Ramírez",
            "⭐ Ibu Ratna Wulandari",  # under R, not after everyone
            "Pak Yusuf Hidayat",
        ]
    finally:
        engine.dispose()
