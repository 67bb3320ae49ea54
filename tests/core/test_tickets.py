from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, tickets, time_spent
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def ratna(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        return client.id


def _ticket(engine: Engine, client_id: int, **values: object) -> int:
    values.setdefault("title", "Website error")
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=client_id, values=values)
        assert ticket.id is not None
        return ticket.id


def test_a_ticket_needs_a_title_and_a_living_client(engine: Engine, ratna: int) -> None:
    with pytest.raises(ValidationError) as raised, session_scope(engine) as session:
        tickets.create_ticket(session=session, client_id=ratna, values={"title": "  "})
    assert raised.value.errors == {"title": "title_required"}
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=ratna)
    with pytest.raises(UserError), session_scope(engine) as session:
        tickets.create_ticket(session=session, client_id=ratna, values={"title": "Hi"})


def test_a_ticket_opens_with_what_the_client_wrote(engine: Engine, ratna: int) -> None:
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session,
            client_id=ratna,
            values={"title": "Ganti foto header"},
            first_message="  Mas, foto headernya mau diganti ",
        )
        ticket_id = ticket.id
        assert ticket_id is not None
    with Session(engine) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket_id)
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
    assert [(line.body, line.from_me) for line in lines] == [
        ("Mas, foto headernya mau diganti", False)
    ]
    assert lines[0].sent_at == ticket.created_at
    assert ticket.first_response_at is None  # the client spoke; nobody has answered yet
    blank = _ticket(engine, ratna, title="Call me")
    with Session(engine) as session:
        assert tickets.conversation(session=session, ticket_id=blank) == []


def test_status_changes_record_when_and_resolution(engine: Engine, ratna: int) -> None:
    ticket_id = _ticket(engine, ratna)
    with session_scope(engine) as session:
        ticket = tickets.set_status(session=session, ticket_id=ticket_id, status="waiting_on_us")
        assert ticket.resolved_at is None
        waiting_since = ticket.status_changed_at
        ticket = tickets.set_status(session=session, ticket_id=ticket_id, status="resolved")
        assert ticket.resolved_at is not None
        assert ticket.status_changed_at >= waiting_since
        ticket = tickets.set_status(session=session, ticket_id=ticket_id, status="open")
        assert ticket.resolved_at is None  # reopened
    with pytest.raises(ValidationError), session_scope(engine) as session:
        tickets.set_status(session=session, ticket_id=ticket_id, status="lost-in-space")


def test_the_first_reply_sets_the_first_response_time(engine: Engine, ratna: int) -> None:
    ticket_id = _ticket(engine, ratna)
    with session_scope(engine) as session:
        tickets.add_message(
            session=session, ticket_id=ticket_id, body="Webnya error", from_me=False, sent_at=T0
        )
        tickets.add_message(
            session=session,
            ticket_id=ticket_id,
            body="check the hosting",
            from_me=True,
            kind="note",
            sent_at=T0 + timedelta(minutes=5),
        )
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        assert ticket.first_response_at is None  # an internal note is not a reply
        tickets.add_message(
            session=session,
            ticket_id=ticket_id,
            body="Saya cek ya Bu",
            from_me=True,
            sent_at=T0 + timedelta(minutes=12),
        )
        tickets.add_message(
            session=session,
            ticket_id=ticket_id,
            body="Sudah beres",
            from_me=True,
            sent_at=T0 + timedelta(hours=2),
        )
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        assert ticket.first_response_at == T0 + timedelta(minutes=12)
    with Session(engine) as session:
        lines = tickets.conversation(session=session, ticket_id=ticket_id)
    assert [line.body for line in lines] == [
        "Webnya error",
        "check the hosting",
        "Saya cek ya Bu",
        "Sudah beres",
    ]
    with pytest.raises(ValidationError), session_scope(engine) as session:
        tickets.add_message(session=session, ticket_id=ticket_id, body=" \n ", from_me=True)


def _say(engine: Engine, ticket_id: int, from_me: bool, at: datetime, kind: str = "message") -> str:
    with session_scope(engine) as session:
        tickets.add_message(
            session=session, ticket_id=ticket_id, body="…", from_me=from_me, kind=kind, sent_at=at
        )
    with Session(engine) as session:
        return tickets.get_ticket(session=session, ticket_id=ticket_id).status


def test_a_reply_hands_the_turn_to_the_client_and_her_message_hands_it_back(
    engine: Engine, ratna: int
) -> None:
    ticket_id = _ticket(engine, ratna)
    # an open ticket nobody answered already waits on us (since it was opened): it stays open
    assert _say(engine, ticket_id, False, T0) == "open"
    assert _say(engine, ticket_id, True, T0 + timedelta(minutes=10)) == "waiting_on_client"
    assert _say(engine, ticket_id, True, T0 + timedelta(minutes=11), "note") == (
        "waiting_on_client"  # an internal note is not a turn
    )
    assert _say(engine, ticket_id, False, T0 + timedelta(hours=1)) == "waiting_on_us"
    with Session(engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
    assert ticket.status_changed_at == T0 + timedelta(hours=1)  # waiting since she wrote
    # a line filled in from the past does not move the status
    assert _say(engine, ticket_id, True, T0 + timedelta(minutes=30)) == "waiting_on_us"
    assert _say(engine, ticket_id, True, T0 + timedelta(hours=2)) == "waiting_on_client"
    # set by hand: resolved. Her thanks reopens it; my "you're welcome" leaves it resolved
    with session_scope(engine) as session:
        tickets.set_status(session=session, ticket_id=ticket_id, status="resolved")
    assert _say(engine, ticket_id, True, T0 + timedelta(hours=3)) == "resolved"
    assert _say(engine, ticket_id, False, T0 + timedelta(hours=4)) == "waiting_on_us"
    with session_scope(engine) as session:
        tickets.set_status(session=session, ticket_id=ticket_id, status="closed")
    assert _say(engine, ticket_id, False, T0 + timedelta(hours=5)) == "closed"
    assert _say(engine, ticket_id, True, T0 + timedelta(hours=6)) == "closed"


@pytest.mark.parametrize(
    ("status", "from_me", "kind", "answered", "expected"),
    [
        ("open", True, "message", False, "waiting_on_client"),
        ("open", False, "message", True, "waiting_on_us"),
        ("waiting_on_us", True, "media", True, "waiting_on_client"),
        ("waiting_on_client", False, "media", True, "waiting_on_us"),
        ("waiting_on_client", False, "system", True, "waiting_on_client"),
        ("waiting_on_us", True, "note", True, "waiting_on_us"),
    ],
)
def test_the_status_rule(
    status: str, from_me: bool, kind: str, answered: bool, expected: str
) -> None:
    assert (
        tickets.status_after_message(status, from_me=from_me, kind=kind, answered=answered)
        == expected
    )


def test_one_timer_runs_at_a_time_and_lives_in_the_database(engine: Engine, ratna: int) -> None:
    first = _ticket(engine, ratna)
    second = _ticket(engine, ratna, title="Hosting renewal")
    with session_scope(engine) as session:
        time_spent.start_timer(session=session, ticket_id=first, now=T0)
    # "restart": a brand new session finds the timer still running
    with session_scope(engine) as session:
        running = time_spent.running_timer(session=session)
        assert running is not None
        assert running.ticket_id == first
        assert (
            time_spent.seconds_spent(
                session=session, ticket_id=first, now=T0 + timedelta(minutes=10)
            )
            == 600
        )
        time_spent.start_timer(session=session, ticket_id=second, now=T0 + timedelta(minutes=25))
    with session_scope(engine) as session:
        assert time_spent.seconds_spent(session=session, ticket_id=first) == 25 * 60
        stopped = time_spent.stop_timer(session=session, now=T0 + timedelta(minutes=40))
        assert stopped is not None
        assert stopped.ticket_id == second
        assert time_spent.running_timer(session=session) is None
        assert time_spent.seconds_spent(session=session, ticket_id=second) == 15 * 60


def test_manual_time_and_the_monthly_billable_summary(engine: Engine, ratna: int) -> None:
    ticket_id = _ticket(engine, ratna)
    with session_scope(engine) as session:
        time_spent.add_time(session=session, ticket_id=ticket_id, minutes=45, on=T0)
        time_spent.add_time(
            session=session, ticket_id=ticket_id, minutes=30, on=T0 + timedelta(days=1)
        )
        time_spent.add_time(
            session=session, ticket_id=ticket_id, minutes=20, on=T0, billable=False, note="chat"
        )
        time_spent.add_time(
            session=session, ticket_id=ticket_id, minutes=60, on=T0 + timedelta(days=31)
        )
        with pytest.raises(ValidationError):
            time_spent.add_time(session=session, ticket_id=ticket_id, minutes=0)
    with Session(engine) as session:
        months = time_spent.monthly_time(session=session, client_id=ratna)
    assert [(m.month, m.billable_seconds, m.other_seconds) for m in months] == [
        ("2026-04", 3600, 0),
        ("2026-03", 75 * 60, 20 * 60),
    ]


def test_ticket_list_filters_across_clients(engine: Engine, ratna: int) -> None:
    with session_scope(engine) as session:
        bambang = clients.create_client(session=session, values={"name": "Pak Bambang"}).id
    assert bambang is not None
    today = date(2026, 3, 10)
    _ticket(engine, ratna, title="Overdue one", due_date=today - timedelta(days=1))
    _ticket(engine, ratna, title="Due today", due_date=today, priority=3)
    _ticket(engine, bambang, title="All promos at once", status="waiting_on_us")
    done = _ticket(engine, bambang, title="Old and done", due_date=today - timedelta(days=9))
    with session_scope(engine) as session:
        tickets.set_status(session=session, ticket_id=done, status="resolved")

    def titles(**query: object) -> list[str]:
        with Session(engine) as session:
            rows = tickets.list_tickets(session=session, today=today, **query)  # type: ignore[arg-type]
            count = tickets.count_tickets(
                session=session,
                today=today,
                **{k: v for k, v in query.items() if k not in ("sort", "descending")},  # type: ignore[arg-type]
            )
        assert count == len(rows)
        return [row.title for row in rows]

    assert titles(due="overdue") == ["Overdue one"]  # the resolved one is not overdue
    assert titles(due="today") == ["Due today"]
    assert titles(status=["waiting_on_us"]) == ["All promos at once"]
    assert titles(client_id=bambang, sort="title") == ["All promos at once", "Old and done"]
    assert titles(priority=3) == ["Due today"]
    assert titles(search="bambang promos") == ["All promos at once"]
    assert titles(sort="due")[:3] == ["Old and done", "Overdue one", "Due today"]
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=bambang)
    assert titles() == ["Overdue one", "Due today"]


def test_median_first_response(engine: Engine, ratna: int) -> None:
    waits = [10, 30, 240]
    for minutes in waits:
        ticket_id = _ticket(engine, ratna)
        with session_scope(engine) as session:
            ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
            ticket.created_at = T0
            ticket.first_response_at = T0 + timedelta(minutes=minutes)
    with Session(engine) as session:
        median, count = tickets.median_first_response(session=session, since=T0)
    assert (median, count) == (timedelta(minutes=30), 3)


def _many_lines(engine: Engine, client_id: int, ticket_id: int, count: int) -> None:
    """*count* messages in the ticket, a minute apart, the last two at the same moment."""
    from sqlalchemy import insert

    from agencydesk.core.models import Message

    rows = [
        {
            "client_id": client_id,
            "ticket_id": ticket_id,
            "sent_at": T0 + timedelta(minutes=min(n, count - 2)),
            "sender": "Ibu Ratna",
            "body": f"pesan {n}",
        }
        for n in range(count)
    ]
    with session_scope(engine) as session:
        session.execute(insert(Message), rows)


def test_a_view_reads_the_latest_lines_and_counts_the_earlier_ones(
    engine: Engine, ratna: int
) -> None:
    ticket_id = _ticket(engine, ratna)
    _many_lines(engine, ratna, ticket_id, 250)
    with Session(engine) as session:
        latest = tickets.latest_conversation(session=session, ticket_id=ticket_id, limit=100)
        everything = tickets.latest_conversation(session=session, ticket_id=ticket_id, limit=250)
    assert [line.body for line in latest.lines] == [f"pesan {n}" for n in range(150, 250)]
    assert latest.earlier == 150
    assert [line.body for line in everything.lines] == [f"pesan {n}" for n in range(250)]
    assert everything.earlier == 0


def test_the_tickets_a_filter_lists_take_one_status_at_once(engine: Engine, ratna: int) -> None:
    """What the list shows with its filters (here: Ratna's tickets waiting on us) is set
    resolved, each as one change would set it (when, resolved, a new version); tickets it does
    not show, and one already resolved, are left as they were."""
    with session_scope(engine) as session:
        bambang = clients.create_client(session=session, values={"name": "Pak Bambang"}).id
    waiting = [
        _ticket(engine, ratna, title=f"Thanks {n}", status="waiting_on_us") for n in range(7)
    ]
    other = _ticket(engine, bambang, title="Promo banner", status="waiting_on_us")
    open_one = _ticket(engine, ratna, title="Still open")
    with Session(engine) as session:
        before = {t: tickets.get_ticket(session=session, ticket_id=t).version for t in waiting}
    told: list[tuple[int, int]] = []
    with session_scope(engine) as session:
        changed = tickets.set_status_of_listed(
            session=session,
            to="resolved",
            status=["waiting_on_us"],
            client_id=ratna,
            progress=lambda done, total: told.append((done, total)) is None,
        )
    assert changed == 7
    assert told[-1] == (7, 7)
    with Session(engine) as session:
        for ticket_id in waiting:
            ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
            assert ticket.status == "resolved"
            assert ticket.resolved_at is not None
            assert ticket.resolved_at == ticket.status_changed_at
            assert ticket.version == before[ticket_id] + 1
        assert tickets.get_ticket(session=session, ticket_id=other).status == "waiting_on_us"
        assert tickets.get_ticket(session=session, ticket_id=open_one).status == "open"
    with session_scope(engine) as session:  # listed again: nothing left to change
        assert tickets.set_status_of_listed(session=session, to="resolved", client_id=ratna) == 1
    with pytest.raises(ValidationError), session_scope(engine) as session:
        tickets.set_status_of_listed(session=session, to="finished", client_id=ratna)


def test_a_list_changed_since_it_was_seen_takes_no_status(engine: Engine, ratna: int) -> None:
    """Twelve listed, then another desk opens a thirteenth that the filters show: "all listed"
    would give it the status unseen. Nothing changes, and that is said."""
    made = [_ticket(engine, ratna, title=f"Thanks {n}", status="waiting_on_us") for n in range(3)]
    _ticket(engine, ratna, title="Opened on another desk", status="waiting_on_us")
    with (
        pytest.raises(UserError, match="a ticket was opened, closed or changed meanwhile"),
        session_scope(engine) as session,
    ):
        tickets.set_status_of_listed(
            session=session, to="resolved", listed=3, status=["waiting_on_us"], client_id=ratna
        )
    with Session(engine) as session:
        assert {tickets.get_ticket(session=session, ticket_id=t).status for t in made} == {
            "waiting_on_us"
        }
    with session_scope(engine) as session:
        assert tickets.set_status_of_listed(session=session, to="resolved", listed=4) == 4


def test_tickets_chosen_by_hand_take_one_status_and_only_they(engine: Engine, ratna: int) -> None:
    made = [_ticket(engine, ratna, title=f"Question {n}", status="waiting_on_us") for n in range(5)]
    chosen = [made[3], made[0], made[3]]  # in the order clicked, one twice
    with session_scope(engine) as session:
        tickets.delete_ticket(session=session, ticket_id=made[0])  # on another desk, meanwhile
    with session_scope(engine) as session:
        assert tickets.set_status_of(session=session, ticket_ids=chosen, to="resolved") == 1
    with Session(engine) as session:
        assert [tickets.get_ticket(session=session, ticket_id=t).status for t in made[1:]] == [
            "waiting_on_us",
            "waiting_on_us",
            "resolved",
            "waiting_on_us",
        ]


def test_a_stopped_change_of_many_statuses_changes_none(
    engine: Engine, ratna: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tickets, "_STATUS_CHUNK", 2)
    made = [_ticket(engine, ratna, title=f"Question {n}", status="waiting_on_us") for n in range(5)]
    with pytest.raises(tickets.StatusChangeStopped), session_scope(engine) as session:
        tickets.set_status_of_listed(
            session=session, to="resolved", client_id=ratna, progress=lambda done, _t: done < 4
        )
    with Session(engine) as session:
        assert {tickets.get_ticket(session=session, ticket_id=t).status for t in made} == {
            "waiting_on_us"
        }
