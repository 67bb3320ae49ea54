"""Follow-ups: "remind me Thursday" takes a ticket (or a client) off Today until then, and puts
it on top of Today, with its note, when the time comes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, follow_ups, orders, tickets, timeline, today
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.versions import EditConflict


def _next_monday_morning() -> datetime:
    """10:00 in Jakarta on the Monday after today: after every row the tests make "now", so each
    story reads in order whatever day the suite runs. (A fixed Monday, 7 December 2026, put the
    order's follow-up behind its ticket in the client's story once that Thursday had passed.)"""
    today = datetime.now(UTC).date()
    monday = today + timedelta(days=7 - today.weekday())
    return datetime(monday.year, monday.month, monday.day, 3, 0, tzinfo=UTC)


NOW = _next_monday_morning()
THURSDAY = NOW + timedelta(days=3, hours=-1)


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    return any_engine


def _desk(engine: Engine) -> tuple[int, int, int]:
    """A client with a ticket waiting on us, and a second client: (ratna, her ticket, sari)."""
    with session_scope(engine) as session:
        ratna = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
        sari = clients.create_client(session=session, values={"name": "Ibu Sari"}).id
        assert ratna is not None
        assert sari is not None
        ticket = tickets.create_ticket(
            session=session,
            client_id=ratna,
            values={"title": "Ganti foto menu"},
            first_message="Mas, fotonya mau diganti",
        )
        assert ticket.id is not None
        return ratna, ticket.id, sari


def _today(engine: Engine, now: datetime) -> today.TodaySummary:
    with Session(engine) as session:
        return today.today_summary(session=session, now=now)


def test_a_ticket_put_off_leaves_today_and_comes_back_on_top_with_its_note(
    engine: Engine,
) -> None:
    ratna, ticket_id, _sari = _desk(engine)
    created = NOW - timedelta(hours=1)
    with session_scope(engine) as session:
        ticket = session.get(tickets.Ticket, ticket_id)
        assert ticket is not None
        ticket.created_at = created
    assert [w.ticket_id for w in _today(engine, NOW).waiting_on_us] == [ticket_id]

    with session_scope(engine) as session:
        follow_ups.set_follow_up(
            session=session,
            client_id=ratna,
            ticket_id=ticket_id,
            due_at=THURSDAY,
            note="Tunggu foto dari Ibu Ratna",
        )
    monday = _today(engine, NOW)
    assert monday.waiting_on_us == []
    assert monday.follow_ups_due == []

    thursday = _today(engine, THURSDAY + timedelta(minutes=1))
    [due] = thursday.follow_ups_due
    assert (due.client_name, due.subject, due.note) == (
        "Ibu Ratna",
        "Ganti foto menu",
        "Tunggu foto dari Ibu Ratna",
    )
    assert [w.ticket_id for w in thursday.waiting_on_us] == [ticket_id]

    with session_scope(engine) as session:
        follow_ups.mark_done(session=session, follow_up_id=due.id)
        follow_ups.mark_done(session=session, follow_up_id=due.id)  # twice is no mistake
    assert _today(engine, THURSDAY + timedelta(minutes=2)).follow_ups_due == []


def test_setting_again_moves_the_open_one_and_putting_off_keeps_the_note(engine: Engine) -> None:
    ratna, ticket_id, sari = _desk(engine)
    with session_scope(engine) as session:
        first = follow_ups.set_follow_up(
            session=session, client_id=ratna, ticket_id=ticket_id, due_at=THURSDAY, note="foto"
        )
        again = follow_ups.set_follow_up(
            session=session,
            client_id=ratna,
            ticket_id=ticket_id,
            due_at=THURSDAY + timedelta(days=1),
        )
        own = follow_ups.set_follow_up(session=session, client_id=sari, due_at=THURSDAY)
    assert again.id == first.id
    assert again.note == "foto"
    with session_scope(engine) as session:
        later = follow_ups.put_off(
            session=session,
            follow_up_id=first.id,
            due_at=THURSDAY + timedelta(days=7),
            seen_version=again.version,
        )
    assert (later.due_at, later.note) == (THURSDAY + timedelta(days=7), "foto")
    with Session(engine) as session:
        assert [f.id for f in follow_ups.open_follow_ups(session=session)] == [own.id, first.id]
    # a client put off alone stays off Today with every ticket of hers
    assert _today(engine, NOW).waiting_on_us == []


def test_two_desks_putting_off_one_follow_up_to_different_days_is_a_conflict(
    engine: Engine,
) -> None:
    ratna, ticket_id, _sari = _desk(engine)
    with session_scope(engine) as session:
        shown = follow_ups.set_follow_up(
            session=session, client_id=ratna, ticket_id=ticket_id, due_at=THURSDAY
        )
    with session_scope(engine) as session:  # the other desk first
        follow_ups.put_off(
            session=session,
            follow_up_id=shown.id,
            due_at=THURSDAY + timedelta(days=1),
            seen_version=shown.version,
        )
    with pytest.raises(EditConflict), session_scope(engine) as session:
        follow_ups.put_off(
            session=session,
            follow_up_id=shown.id,
            due_at=THURSDAY + timedelta(days=2),
            seen_version=shown.version,
        )


def test_an_order_follow_up_and_the_clients_story(engine: Engine) -> None:
    ratna, ticket_id, sari = _desk(engine)
    with session_scope(engine) as session:
        order = orders.create_order(
            session=session,
            client_id=ratna,
            values={"title": "Website katering", "amount": 3_000_000},
        )
        assert order.id is not None
        follow_ups.set_follow_up(
            session=session,
            client_id=ratna,
            order_id=order.id,
            due_at=THURSDAY,
            note="Tanya pelunasan tanggal 15",
        )
        with pytest.raises(UserError, match="does not belong"):
            follow_ups.set_follow_up(
                session=session, client_id=sari, order_id=order.id, due_at=THURSDAY
            )
        with pytest.raises(ValidationError):
            follow_ups.set_follow_up(
                session=session, client_id=ratna, due_at=THURSDAY.replace(tzinfo=None)
            )
    [due] = _today(engine, THURSDAY).follow_ups_due
    assert (due.subject, due.order_id) == ("Website katering", order.id)
    with Session(engine) as session:
        story = timeline.client_timeline(session=session, client_id=ratna)
    assert story[0].kind == "follow_up"  # what happens next is the newest thing in her story
    assert story[0].subject == "Tanya pelunasan tanggal 15"
    assert ticket_id  # her ticket stayed on Today: the follow-up is about the order
    assert [w.ticket_id for w in _today(engine, NOW).waiting_on_us] == [ticket_id]


def test_a_follow_up_gone_meanwhile_is_said_in_a_sentence(engine: Engine) -> None:
    """Another desk's Done, or a delete: what is read back, put off or marked done is gone."""
    from agencydesk.core.errors import SaidError

    for gone in (
        lambda session: follow_ups.get_follow_up(session=session, follow_up_id=999),
        lambda session: follow_ups.mark_done(session=session, follow_up_id=999),
    ):
        with pytest.raises(SaidError) as refused, session_scope(engine) as session:
            gone(session)
        assert str(refused.value) == "That follow-up no longer exists. It may have been deleted."
