"""First-impression figures: how fast new tickets got their first reply, month by month."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, first_impression, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.models import Ticket

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    return any_engine


def _ticket(
    engine: Engine,
    client_id: int,
    opened: datetime,
    reply_after: timedelta | None,
    resolved_after: timedelta | None = None,
) -> None:
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=client_id, values={"title": "x"})
        row = session.get(Ticket, ticket.id)
        assert row is not None
        row.created_at = opened
        row.first_response_at = opened + reply_after if reply_after is not None else None
        row.resolved_at = opened + resolved_after if resolved_after is not None else None
        session.add(row)


def _client(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name})
        assert client.id is not None
        return client.id


def test_figures_by_month_and_for_one_client(engine: Engine) -> None:
    ratna, sari = _client(engine, "Ibu Ratna"), _client(engine, "Ibu Sari")
    october = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)
    _ticket(engine, ratna, october, timedelta(minutes=20), timedelta(days=1))
    _ticket(engine, ratna, october, timedelta(minutes=40), timedelta(days=3))
    _ticket(engine, sari, october, timedelta(hours=5))
    november = datetime(2026, 11, 15, 9, 0, tzinfo=UTC)
    _ticket(engine, sari, november, None)  # never answered: counts against the hour
    _ticket(engine, ratna, november, timedelta(minutes=10))
    _ticket(engine, ratna, NOW - timedelta(minutes=30), None)  # too young to count yet
    with Session(engine) as session:
        months = first_impression.by_month(
            session=session, start=date(2026, 10, 1), end=date(2026, 12, 31), now=NOW
        )
        hers = first_impression.for_period(
            session=session, start=date(2026, 10, 1), end=date(2026, 12, 31),
            client_id=ratna, now=NOW,
        )  # fmt: skip
    assert [m.month for m in months] == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    october_figures, november_figures, december_figures = (m.figures for m in months)
    assert october_figures.opened == 3
    assert october_figures.median_first_reply == 40 * 60
    assert october_figures.within_hour == pytest.approx(2 / 3)
    assert (october_figures.resolved, october_figures.median_resolve) == (2, 2 * 86400)
    assert november_figures.within_hour == pytest.approx(1 / 2)
    assert november_figures.median_first_reply == 10 * 60
    assert december_figures.opened == 1
    assert december_figures.within_hour is None  # nothing counts yet
    assert december_figures.median_first_reply is None
    assert hers.opened == 4
    assert hers.within_hour == 1.0  # her young ticket does not count yet
    assert hers.median_first_reply == 20 * 60
    with Session(engine) as session:
        both = first_impression.for_period_and_by_month(
            session=session, start=date(2026, 10, 1), end=date(2026, 12, 31),
            client_id=ratna, now=NOW,
        )  # fmt: skip
        her_months = first_impression.by_month(
            session=session, start=date(2026, 10, 1), end=date(2026, 12, 31),
            client_id=ratna, now=NOW,
        )  # fmt: skip
    assert both == (hers, her_months)  # the report's one read gives what the two give


def test_an_empty_period_has_no_figures(engine: Engine) -> None:
    with Session(engine) as session:
        assert (
            first_impression.by_month(
                session=session, start=date(2026, 1, 1), end=date(2026, 1, 31), now=NOW
            )
            == []
        )
        nothing = first_impression.for_period(
            session=session, start=date(2026, 1, 1), end=date(2026, 1, 31), now=NOW
        )
    assert nothing == first_impression.Figures(0, None, None, 0, None)


def test_the_last_months_are_every_month_newest_first_across_the_new_year(engine: Engine) -> None:
    ratna, sari = _client(engine, "Ibu Ratna"), _client(engine, "Ibu Sari")
    _ticket(engine, ratna, datetime(2025, 12, 20, 9, 0, tzinfo=UTC), timedelta(minutes=30))
    _ticket(engine, sari, datetime(2026, 1, 15, 9, 0, tzinfo=UTC), timedelta(hours=3))
    _ticket(engine, sari, datetime(2026, 11, 15, 9, 0, tzinfo=UTC), timedelta(minutes=5))
    _ticket(engine, sari, datetime(2025, 10, 15, 9, 0, tzinfo=UTC), timedelta(minutes=5))
    with Session(engine) as session:
        months = first_impression.last_months(session=session, months=13, now=NOW)
        hers = first_impression.last_months(session=session, months=13, client_id=ratna, now=NOW)
    # December 2026 back to December 2025: thirteen months, the quiet ones too; October 2025
    # is before them
    assert months[0].month == date(2026, 12, 1)
    assert months[-1].month == date(2025, 12, 1)
    assert len({m.month for m in months}) == 13
    opened = {m.month: m.figures.opened for m in months if m.figures.opened}
    assert opened == {date(2025, 12, 1): 1, date(2026, 1, 1): 1, date(2026, 11, 1): 1}
    assert months[1].figures.median_first_reply == 5 * 60  # November
    assert months[0].figures == first_impression.Figures(0, None, None, 0, None)
    assert {m.month: m.figures.opened for m in hers if m.figures.opened} == {date(2025, 12, 1): 1}
