"""Migration 0003 adds orders and the introduction columns without rebuilding `client`.

A rebuild would drop `client` while foreign keys are on, which cascades to every ticket and
message: this test upgrades a 0002 database that has them and checks nothing was lost.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from agencydesk.core import migrate
from agencydesk.core.db import make_engine, sqlite_url
from agencydesk.migrations import fts_v1


def test_upgrading_from_0002_keeps_tickets_messages_triggers_and_indexes(db_path: Path) -> None:
    url = sqlite_url(db_path)
    engine = make_engine(url, begin="BEGIN IMMEDIATE")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, name, company, phone, email, city, tech_comfort, "
                "preferred_channel, tags, caution_note, notes, website, created_at, updated_at) "
                "VALUES (1, 'Ibu Ratna', '', '', '', 'Makassar', 1, 'whatsapp', '', '', '', '', "
                "'2024-02-12 00:00:00', '2024-02-12 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO ticket (id, client_id, title, status, priority, channel, created_at, "
                "updated_at, status_changed_at) VALUES (1, 1, 'Website error', 'open', 2, "
                "'whatsapp', '2024-03-01 00:00:00', '2024-03-01 00:00:00', '2024-03-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO message (id, client_id, ticket_id, sent_at, from_me, sender, kind, "
                "body, flags, source, created_at) VALUES (1, 1, 1, '2024-03-01 00:00:00', 0, '', "
                "'message', 'Bu Sari told me about you', '', 'typed', '2024-03-01 00:00:00')"
            )
        )
    engine.dispose()

    migrate.upgrade(url)

    engine = make_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM ticket")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM message")).scalar() == 1
        triggers = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            )
        }
        assert set(fts_v1.trigger_names("client")) <= triggers
        indexes = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'index'")
            )
        }
        assert "ix_client_name_lower" in indexes
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        fks = inspect(connection).get_foreign_keys("client")
        intro = next(fk for fk in fks if fk["constrained_columns"] == ["introduction_message_id"])
        assert intro["name"] == "fk_client_introduction_message_id_message"
        assert intro["options"].get("ondelete") == "SET NULL"
        # the constraint works: deleting the message clears the link, the client stays
        connection.execute(text("UPDATE client SET introduction_message_id = 1 WHERE id = 1"))
        connection.execute(text("DELETE FROM message WHERE id = 1"))
        row = connection.execute(
            text("SELECT introduction_message_id, introduction_note FROM client WHERE id = 1")
        ).one()
        assert tuple(row) == (None, "")
        # and the search index still follows the client table
        connection.execute(text("UPDATE client SET notes = 'pigeon' WHERE id = 1"))
        hits = connection.execute(
            text("SELECT rowid FROM client_fts WHERE client_fts MATCH 'pigeon'")
        ).all()
        assert [tuple(hit) for hit in hits] == [(1,)]
    engine.dispose()
