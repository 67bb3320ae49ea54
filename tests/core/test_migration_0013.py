"""Migration 0013 turns the fingerprints of imported messages into 16 bytes: a chat imported
before the upgrade is still recognised, and nothing that points at a message loses it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import text

from agencydesk.core import chat_import as ci
from agencydesk.core import migrate
from agencydesk.core.db import make_engine, session_scope, sqlite_url
from agencydesk.core.importers import ChatMessage, ParsedChat

_NOW = "'2024-02-12 00:00:00'"


def _messages() -> list[ChatMessage]:
    start = datetime(2024, 3, 1, 9, 0)
    lines = [("Bu Sari", "webnya error lagi"), ("Rudi", "siap saya cek"), ("Bu Sari", "makasih")]
    return [
        ChatMessage("message", start + timedelta(minutes=i), sender, body)  # type: ignore[arg-type]
        for i, (sender, body) in enumerate(lines)
    ]


def test_a_chat_imported_before_the_upgrade_is_still_recognised(db_path: Path) -> None:
    url = sqlite_url(db_path)
    engine = make_engine(url, begin="BEGIN IMMEDIATE")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0012")
    messages = _messages()
    # what the import wrote before: the same digest as 32 hex digits
    old_prints = [p.hex() for p in ci.fingerprints(ci.chat_key_for(1), messages)]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, name, company, phone, email, city, tech_comfort, "
                "preferred_channel, tags, caution_note, notes, website, created_at, updated_at, "
                f"introduction_note) VALUES (1, 'Bu Sari', '', '', '', '', 3, 'whatsapp', '', '', "
                f"'', '', {_NOW}, {_NOW}, '')"
            )
        )
        for n, (m, fingerprint) in enumerate(zip(messages, [*old_prints, None], strict=False)):
            connection.execute(
                text(
                    "INSERT INTO message (id, client_id, sent_at, from_me, sender, kind, body, "
                    "flags, source, fingerprint, created_at) VALUES (:id, 1, :sent, 0, :sender, "
                    f"'message', :body, '', 'whatsapp-android', :fingerprint, {_NOW})"
                ),
                {
                    "id": n + 1,
                    "sent": str(m.timestamp),
                    "sender": m.sender,
                    "body": m.text,
                    "fingerprint": fingerprint,
                },
            )
        connection.execute(text("UPDATE client SET introduction_message_id = 2"))
    engine.dispose()

    migrate.upgrade(url)

    engine = make_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT fingerprint FROM message ORDER BY id")).all()
        assert [row[0] for row in stored] == [bytes.fromhex(p) for p in old_prints]
        assert connection.execute(text("SELECT introduction_message_id FROM client")).scalar() == 2
        found = connection.execute(
            text("SELECT rowid FROM message_fts WHERE message_fts MATCH 'webnya'")
        ).all()
        assert found == [(1,)]
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    parsed = ParsedChat("whatsapp-android", "DMY", messages, ["Bu Sari", "Rudi"])
    with session_scope(engine) as session:
        result = ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=1,
            mapping={"Bu Sari": 1, "Rudi": ci.ME},
            target=ci.TimelineOnly(),
        )
    assert (result.new, result.known) == (0, 3)
    with session_scope(engine) as session:  # the search triggers are back: a new line is found
        ci.import_chat(
            session=session,
            parsed=ParsedChat(
                "whatsapp-android",
                "DMY",
                [ChatMessage("message", datetime(2024, 3, 2), "Bu Sari", "kupon diskon")],  # type: ignore[arg-type]
                ["Bu Sari"],
            ),
            client_id=1,
            mapping={"Bu Sari": 1},
            target=ci.TimelineOnly(),
        )
    with engine.connect() as connection:
        hits = connection.execute(
            text("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'kupon'")
        ).scalar()
        assert hits == 1
    engine.dispose()
