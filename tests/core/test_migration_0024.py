"""Migration 0024 (SQLite): ticket and order numbers are never given twice. A desk whose highest
ticket and order are in the trash upgrades without losing a row or a search trigger, its next
ticket and order take new numbers, and the trashed ones come back with theirs."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, migrate, orders, search, tickets, time_spent, trash
from agencydesk.core.db import make_engine, session_scope, sqlite_url


def _to(url: str, revision: str, *, down: bool = False) -> None:
    engine = make_engine(url, begin="BEGIN IMMEDIATE")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def _schemas(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name IN ('ticket', 'client_order')")
            ).all()
        )


def test_the_highest_ticket_and_order_in_the_trash_keep_their_numbers_after_the_upgrade(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True)
    url = sqlite_url(db_path)
    _to(url, "0023")
    engine = make_engine(url)
    before = _schemas(engine)
    with session_scope(engine) as session:
        ratna = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
        assert ratna is not None
        logo = tickets.create_ticket(session=session, client_id=ratna, values={"title": "Logo"})
        banner = tickets.create_ticket(
            session=session,
            client_id=ratna,
            values={"title": "Banner kucing oranye"},
            first_message="Mas, bannernya ganti kucing ya",
        ).id
        assert logo.id is not None
        assert banner is not None
        time_spent.add_time(session=session, ticket_id=logo.id, minutes=30)
        time_spent.add_time(session=session, ticket_id=banner, minutes=40, note="desain")
        website = orders.create_order(
            session=session, client_id=ratna, values={"title": "Website", "ticket_id": logo.id}
        ).id
        assert website is not None
        trash.trash_ticket(session=session, ticket_id=banner)
        trash.trash_order(session=session, order_id=website)
    engine.dispose()

    migrate.upgrade(url)

    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        # the rows that went with the tickets are all still there
        assert connection.execute(text("SELECT count(*) FROM time_entry")).scalar() == 1
        assert connection.execute(text("SELECT ticket_id FROM message")).scalar() is None
    with session_scope(engine) as session:
        newer = tickets.create_ticket(
            session=session, client_id=ratna, values={"title": "Email kantor bermasalah"}
        ).id
        newer_order = orders.create_order(
            session=session, client_id=ratna, values={"title": "Domain"}
        ).id
    assert newer == banner + 1
    assert newer_order == website + 1
    with session_scope(engine) as session:
        trash.restore(session=session, kind="ticket", row_id=banner)
        trash.restore(session=session, kind="order", row_id=website)
    with Session(engine) as session:
        assert tickets.get_ticket(session=session, ticket_id=banner).title == "Banner kucing oranye"
        assert orders.get_order(session=session, order_id=website).ticket_id == logo.id
        # the search triggers survived: a ticket made after the upgrade is found
        found = search.search(session=session, text="email kantor").hits.get("ticket", [])
        assert [hit.id for hit in found] == [newer]
    engine.dispose()

    _to(url, "0023", down=True)
    engine = make_engine(url)
    assert _schemas(engine) == before
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
