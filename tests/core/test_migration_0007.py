"""Migration 0007 gives the clients already there their sort key and phone key, without
rebuilding `client` (its tickets, messages and search triggers stay)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from agencydesk.core import migrate
from agencydesk.core.db import make_engine, sqlite_url


def test_upgrading_from_0006_fills_the_keys_of_existing_clients(db_path: Path) -> None:
    url = sqlite_url(db_path)
    engine = make_engine(url, begin="BEGIN IMMEDIATE")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    with engine.begin() as connection:
        for row_id, name, phone in ((1, "Ibu Ratna", "+62 812 4455 1020"), (2, "Andi", "")):
            connection.execute(
                text(
                    "INSERT INTO client (id, name, company, phone, email, city, tech_comfort, "
                    "preferred_channel, tags, caution_note, notes, website, created_at, "
                    "updated_at, introduction_note) VALUES (:id, :name, '', :phone, '', '', 3, "
                    "'whatsapp', '', '', '', '', '2024-02-12 00:00:00', '2024-02-12 00:00:00', '')"
                ),
                {"id": row_id, "name": name, "phone": phone},
            )
        connection.execute(
            text(
                "INSERT INTO ticket (id, client_id, title, status, priority, channel, created_at, "
                "updated_at, status_changed_at) VALUES (1, 1, 'Website error', 'open', 2, "
                "'whatsapp', '2024-03-01 00:00:00', '2024-03-01 00:00:00', '2024-03-01 00:00:00')"
            )
        )
    engine.dispose()

    migrate.upgrade(url)

    engine = make_engine(url)
    with engine.begin() as connection:
        rows = connection.execute(text("SELECT name, sort_name, phone_key FROM client ORDER BY id"))
        assert rows.all() == [("Ibu Ratna", "ratna", "81244551020"), ("Andi", "andi", "")]
        assert connection.execute(text("SELECT count(*) FROM ticket")).scalar() == 1
        found = connection.execute(
            text("SELECT rowid FROM client_fts WHERE client_fts MATCH 'ratna'")
        ).all()
        assert found == [(1,)]
    engine.dispose()
