"""Deleting rows stays linear in what is deleted: every link that a deletion follows is indexed.

A deleted row empties (ON DELETE SET NULL) or deletes (CASCADE) the rows naming it, and looks for
them through the naming column: without an index that is a read of the whole naming table per
deleted row. Deleting for good a client with 8,000 imported messages took 13 s on a desk of
10,000 clients on SQLite (each message read the client table for its introduction link), and a
100,000-message client ran for over ten minutes on PostgreSQL.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, trash
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Message, Order

#: people are never deleted (a desk's person stays in the history), so their links need no index
NEVER_DELETED = {"person"}


def _unindexed_links(engine: Engine) -> list[str]:
    inspector = sa.inspect(engine)
    missing = []
    for table in inspector.get_table_names():
        with warnings.catch_warnings():  # an index on an expression (lower(name)) is no link's
            warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
            indexes = inspector.get_indexes(table)
            uniques = inspector.get_unique_constraints(table)
        leading = {index["column_names"][0] for index in indexes}
        leading |= {unique["column_names"][0] for unique in uniques}
        leading |= set(inspector.get_pk_constraint(table)["constrained_columns"][:1])
        for key in inspector.get_foreign_keys(table):
            column = key["constrained_columns"][0]
            if key["referred_table"] not in NEVER_DELETED and column not in leading:
                missing.append(f"{table}.{column} → {key['referred_table']}")
    return sorted(missing)


def test_every_link_a_deletion_follows_is_indexed(any_engine: Engine) -> None:
    assert _unindexed_links(any_engine) == []


def test_deleting_a_client_for_good_empties_the_links_to_their_messages(
    any_engine: Engine,
) -> None:
    """What the indexes serve, still done: a client who introduced another through one of the
    deleted client's messages, and an order won in one, keep themselves and lose the link."""
    with session_scope(any_engine) as session:
        gone = clients.create_client(session=session, values={"name": "Bu Hapus"})
        kept = clients.create_client(session=session, values={"name": "Bu Tetap"})
        assert gone.id is not None
        assert kept.id is not None
        message = Message(client_id=gone.id, sender="Bu Hapus", body="Kenalkan teman saya")
        session.add(message)
        session.flush()
        row = session.get(Client, kept.id)
        assert row is not None
        row.introduction_message_id = message.id
        session.add(Order(client_id=kept.id, title="Website", message_id=message.id))
        gone_id, kept_id = gone.id, kept.id
    with session_scope(any_engine) as session:
        clients.delete_client(session=session, client_id=gone_id)
    with session_scope(any_engine) as session:
        trash.delete_for_good(session=session, kind="client", row_id=gone_id)
    with Session(any_engine) as session:
        row = session.get(Client, kept_id)
        assert row is not None
        assert row.introduction_message_id is None
        order = session.execute(sa.select(Order).where(Order.client_id == kept_id)).scalar_one()
        assert order.message_id is None
        assert session.execute(sa.select(sa.func.count()).select_from(Message)).scalar() == 0
