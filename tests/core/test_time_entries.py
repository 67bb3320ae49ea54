"""Time you can correct: entries listed, corrected, deleted and brought back; billable hours per
month as CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, tickets, time_entries, time_spent
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.versions import EditConflict

MONDAY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    return any_engine


def _ticket(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        ticket = tickets.create_ticket(session=session, client_id=client.id, values={"title": "x"})
        assert ticket.id is not None
        return client.id, ticket.id


def test_an_entry_is_corrected_and_the_total_follows(engine: Engine) -> None:
    _client, ticket_id = _ticket(engine)
    with session_scope(engine) as session:
        entry = time_spent.add_time(session=session, ticket_id=ticket_id, minutes=15, on=MONDAY)
        assert entry.id is not None
        entry_id = entry.id
    with Session(engine) as session:
        [shown] = time_entries.list_entries(session=session, ticket_id=ticket_id)
    assert (shown.minutes, shown.billable, shown.running) == (15, True, False)
    with session_scope(engine) as session:
        fixed = time_entries.update_entry(
            session=session,
            entry_id=entry_id,
            day=date(2026, 11, 28),
            minutes=50,
            note="  Telepon   Bu Ratna ",
            billable=False,
            seen_version=shown.version,
        )
    assert fixed.started_at.astimezone().date() == date(2026, 11, 28)
    assert fixed.started_at.astimezone().time() == MONDAY.astimezone().time()
    assert (fixed.minutes, fixed.note, fixed.billable) == (50, "Telepon Bu Ratna", False)
    with Session(engine) as session:
        assert time_spent.seconds_spent(session=session, ticket_id=ticket_id) == 50 * 60

    # the other desk corrected it too, from the version it showed: a conflict, not a lost edit
    with pytest.raises(EditConflict), session_scope(engine) as session:
        time_entries.update_entry(
            session=session,
            entry_id=entry_id,
            day=date(2026, 11, 30),
            minutes=20,
            note="",
            billable=True,
            seen_version=shown.version,
        )
    with pytest.raises(ValidationError), session_scope(engine) as session:
        time_entries.update_entry(
            session=session, entry_id=entry_id, day=date(2026, 11, 30), minutes=0, note="",
            billable=True,
        )  # fmt: skip


def test_a_deleted_entry_comes_back_with_its_number_and_a_running_one_is_not_touched(
    engine: Engine,
) -> None:
    _client, ticket_id = _ticket(engine)
    with session_scope(engine) as session:
        entry = time_spent.add_time(session=session, ticket_id=ticket_id, minutes=30, note="a")
        assert entry.id is not None
        entry_id = entry.id
        deleted = time_entries.delete_entry(session=session, entry_id=entry_id)
    with Session(engine) as session:
        assert time_entries.list_entries(session=session, ticket_id=ticket_id) == []
    with session_scope(engine) as session:
        time_entries.restore_entry(session=session, deleted=deleted)
    with Session(engine) as session:
        [back] = time_entries.list_entries(session=session, ticket_id=ticket_id)
    assert (back.id, back.minutes, back.note) == (entry_id, 30, "a")

    with session_scope(engine) as session:
        running = time_spent.start_timer(session=session, ticket_id=ticket_id)
        assert running.id is not None
        running_id = running.id
    with pytest.raises(UserError, match="Stop the timer first"), session_scope(engine) as session:
        time_entries.delete_entry(session=session, entry_id=running_id)


def test_billable_hours_per_month_as_csv(engine: Engine) -> None:
    client_id, ticket_id = _ticket(engine)
    with session_scope(engine) as session:
        for on, minutes, billable in (
            (datetime(2026, 10, 10, 5, tzinfo=UTC), 90, True),
            (datetime(2026, 11, 10, 5, tzinfo=UTC), 45, True),
            (datetime(2026, 11, 12, 5, tzinfo=UTC), 30, False),
        ):
            time_spent.add_time(
                session=session, ticket_id=ticket_id, minutes=minutes, on=on, billable=billable
            )
    with Session(engine) as session:
        every = time_entries.billable_months_csv(session=session, client_id=client_id)
        november = time_entries.billable_months_csv(
            session=session, client_id=client_id, start=date(2026, 11, 1), end=date(2026, 11, 30)
        )
    assert every.splitlines() == [
        "month,billable_hours,other_hours",
        "2026-10,1.50,0.00",
        "2026-11,0.75,0.50",
    ]
    assert november.splitlines()[1:] == ["2026-11,0.75,0.50"]
    with Session(engine) as session:  # for a spreadsheet on a computer that writes 0,75
        comma = time_entries.billable_months_csv(
            session=session, client_id=client_id, decimal_comma=True
        )
    assert comma.splitlines() == [
        "month;billable_hours;other_hours",
        "2026-10;1,50;0,00",
        "2026-11;0,75;0,50",
    ]
