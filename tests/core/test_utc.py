from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client
from agencydesk.core.utc import UTCDateTime

JAKARTA = timezone(timedelta(hours=7))


def test_every_timestamp_column_returns_aware_utc() -> None:
    plain = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, sa.DateTime)
    ]
    assert plain == []
    assert any(
        isinstance(column.type, UTCDateTime)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
    )


def test_timestamps_are_stored_as_naive_utc_and_read_back_aware(engine: Engine) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        # 09:30 in Jakarta is 02:30 UTC
        client.deleted_at = datetime(2025, 3, 1, 9, 30, tzinfo=JAKARTA)
        client_id = client.id
    with engine.connect() as connection:
        stored = connection.execute(
            sa.text("SELECT deleted_at FROM client WHERE id = :id"), {"id": client_id}
        ).scalar_one()
    assert stored == "2025-03-01 02:30:00.000000"
    with Session(engine) as session:
        loaded = session.get(Client, client_id)
        assert loaded is not None
        assert loaded.deleted_at == datetime(2025, 3, 1, 2, 30, tzinfo=UTC)
        assert loaded.created_at.tzinfo is UTC


def test_comparisons_in_sql_use_utc_whatever_zone_the_bound_value_has(engine: Engine) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        client.deleted_at = datetime(2025, 3, 1, 2, 30, tzinfo=UTC)  # 09:30 in Jakarta

    def deleted_before(moment: datetime) -> int:
        statement = sa.select(sa.func.count()).where(col(Client.deleted_at) < moment)
        with Session(engine) as session:
            return int(session.execute(statement).scalar_one())

    assert deleted_before(datetime(2025, 3, 1, 9, 31, tzinfo=JAKARTA)) == 1
    assert deleted_before(datetime(2025, 3, 1, 9, 29, tzinfo=JAKARTA)) == 0
