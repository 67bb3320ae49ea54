"""The trash: what was deleted stays there across restarts, comes back as it was, and goes for
good — a client with their keyring passwords — when emptied."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from keyring_memory import MemoryKeyring
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import (
    clients,
    credentials,
    follow_ups,
    migrate,
    orders,
    search,
    tickets,
    time_entries,
    time_spent,
    trash,
)
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.models import Client, Message, Ticket, TimeEntry, utcnow


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    return any_engine


def _client(engine: Engine, name: str, **values: object) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name, **values})
        assert client.id is not None
        return client.id


def test_a_ticket_comes_back_from_the_trash_after_a_restart_with_its_time_and_messages(
    engine: Engine,
) -> None:
    ratna = _client(engine, "Ibu Ratna")
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session,
            client_id=ratna,
            values={"title": "Kucing oranye di banner"},
            first_message="Mas, bannernya ganti kucing oranye ya",
        )
        assert ticket.id is not None
        ticket_id = ticket.id
        time_spent.add_time(session=session, ticket_id=ticket_id, minutes=40, note="desain")
        follow_ups.set_follow_up(
            session=session,
            client_id=ratna,
            ticket_id=ticket_id,
            due_at=utcnow() + timedelta(days=1),
        )
    with session_scope(engine) as session:
        trash.trash_ticket(session=session, ticket_id=ticket_id)
    with Session(engine) as session:
        assert tickets.list_tickets(session=session, client_id=ratna) == []
        [message] = session.exec(select(Message)).all()
        assert message.ticket_id is None  # the words stay in her story meanwhile

    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    again = migrate.open_database(url)  # a restart
    try:
        with Session(again) as session:
            [entry] = trash.list_trash(session=session)
        assert (entry.key, entry.name, entry.client_name) == (
            f"ticket#{ticket_id}",
            "Kucing oranye di banner",
            "Ibu Ratna",
        )
        with session_scope(again) as session:
            trash.restore(session=session, kind="ticket", row_id=ticket_id)
        with Session(again) as session:
            assert trash.list_trash(session=session) == []
            [back] = tickets.list_tickets(session=session, client_id=ratna)
            assert (back.id, back.title) == (ticket_id, "Kucing oranye di banner")
            [minutes] = time_entries.list_entries(session=session, ticket_id=ticket_id)
            assert (minutes.minutes, minutes.note) == (40, "desain")
            assert [m.ticket_id for m in session.exec(select(Message)).all()] == [ticket_id]
            [follow_up] = follow_ups.open_follow_ups(session=session)
            assert follow_up.ticket_id == ticket_id
            found = search.search(session=session, text="kucing oranye")
            assert [hit.id for hit in found.hits.get("ticket", [])] == [ticket_id]
    finally:
        again.dispose()


def test_an_order_and_a_client_in_the_trash_and_a_ticket_waits_for_its_client(
    engine: Engine,
) -> None:
    sari = _client(engine, "Ibu Sari")
    with session_scope(engine) as session:
        order = orders.create_order(
            session=session, client_id=sari, values={"title": "Toko online", "amount": 5_000_000}
        )
        assert order.id is not None
        order_id = order.id
        trash.trash_order(session=session, order_id=order_id)
        clients.delete_client(session=session, client_id=sari)
    with Session(engine) as session:
        keys = [entry.key for entry in trash.list_trash(session=session)]
    assert sorted(keys) == sorted([f"order#{order_id}", f"client#{sari}"])
    with (
        pytest.raises(UserError, match="restore the client first"),
        session_scope(engine) as session,
    ):
        trash.restore(session=session, kind="order", row_id=order_id)
    with session_scope(engine) as session:
        trash.restore(session=session, kind="client", row_id=sari)
        trash.restore(session=session, kind="order", row_id=order_id)
    with Session(engine) as session:
        assert [o.id for o in orders.list_orders(session=session)] == [order_id]
        assert trash.list_trash(session=session) == []
    with pytest.raises(UserError, match="names nothing in the trash"):
        trash.parse_key("tiket 12")


def test_a_client_deleted_for_good_takes_their_passwords_and_tells_whom_they_introduced(
    engine: Engine, memory_keyring: MemoryKeyring
) -> None:
    ratna = _client(engine, "Ibu Ratna")
    with session_scope(engine) as session:
        friend = clients.create_client(
            session=session, values={"name": "Ibu Sari", "introduced_by_id": ratna}
        )
        assert friend.id is not None
        friend_id, friend_version = friend.id, friend.version
        credentials.add_credential(
            session=session, client_id=ratna, values={"label": "cPanel"}, secret="rahasia"
        )
        clients.delete_client(session=session, client_id=ratna)
    assert "rahasia" in str(memory_keyring.__dict__)
    with session_scope(engine) as session:
        assert trash.empty(session=session, older_than=timedelta(days=30)) == 0  # too young
    with session_scope(engine) as session:
        assert trash.empty(session=session) == 1
    with Session(engine) as session:
        assert session.get(Client, ratna) is None
        introduced = session.get(Client, friend_id)
        assert introduced is not None
        assert introduced.introduced_by_id is None
        assert introduced.version == friend_version + 1  # the other desk's form hears of it
    assert "rahasia" not in str(memory_keyring.__dict__)


def test_a_ticket_holding_a_whole_imported_chat_comes_back_from_the_trash(
    engine: Engine,
) -> None:
    """Its messages are linked back in several statements: one statement naming all 66,000
    failed on PostgreSQL (at most 65,535 values a statement), and the ticket stayed deleted."""
    import sqlalchemy as sa

    ratna = _client(engine, "Ibu Ratna")
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session, client_id=ratna, values={"title": "Whole chat"}
        )
        assert ticket.id is not None
        ticket_id = ticket.id
        # 66,000 messages in one statement on either engine (row by row took minutes there)
        numbers = sa.select(sa.literal(1).label("n")).cte("numbers", recursive=True)
        numbers = numbers.union_all(sa.select(numbers.c.n + 1).where(numbers.c.n < 66_000))
        now = utcnow()
        values = {
            "client_id": ratna,
            "ticket_id": ticket_id,
            "sent_at": now,
            "from_me": False,
            "sender": "Ibu Ratna",
            "kind": "message",
            "body": "pesan",
            "flags": "",
            "source": "whatsapp-android",
            "created_at": now,
        }
        rows = sa.select(*(sa.literal(v, Message.__table__.c[k].type) for k, v in values.items()))
        session.execute(sa.insert(Message).from_select(list(values), rows.select_from(numbers)))
    with session_scope(engine) as session:
        trash.trash_ticket(session=session, ticket_id=ticket_id)
    with session_scope(engine) as session:
        trash.restore(session=session, kind="ticket", row_id=ticket_id)
    with Session(engine) as session:
        linked = sa.select(sa.func.count()).where(Message.ticket_id == ticket_id)
        assert session.execute(linked).scalar_one() == 66_000


def _ticket(engine: Engine, client_id: int, title: str, first_message: str = "") -> int:
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session,
            client_id=client_id,
            values={"title": title},
            first_message=first_message,
        )
        assert ticket.id is not None
        return ticket.id


def test_a_trashed_ticket_or_order_keeps_its_number_while_new_ones_are_made(
    engine: Engine,
) -> None:
    """She told Bu Ratna "ticket #2"; it went to the trash by mistake, and a new ticket came in
    before she noticed: the new one must not take #2, so that #2 comes back as it was."""
    ratna = _client(engine, "Ibu Ratna")
    _ticket(engine, ratna, "Logo")
    banner = _ticket(engine, ratna, "Banner kucing oranye")
    with session_scope(engine) as session:
        orders.create_order(session=session, client_id=ratna, values={"title": "Hosting"})
        website = orders.create_order(
            session=session, client_id=ratna, values={"title": "Website"}
        ).id
        assert website is not None
        trash.trash_ticket(session=session, ticket_id=banner)
        trash.trash_order(session=session, order_id=website)
    newer = _ticket(engine, ratna, "Email kantor")
    with session_scope(engine) as session:
        newer_order = orders.create_order(
            session=session, client_id=ratna, values={"title": "Domain"}
        ).id
    assert newer != banner
    assert newer_order != website
    with session_scope(engine) as session:
        assert trash.restore(session=session, kind="ticket", row_id=banner) == banner
        assert trash.restore(session=session, kind="order", row_id=website) == website
    with Session(engine) as session:
        assert tickets.get_ticket(session=session, ticket_id=banner).title == "Banner kucing oranye"
        assert orders.get_order(session=session, order_id=website).title == "Website"


def test_a_ticket_whose_number_an_older_desk_gave_away_comes_back_under_a_new_one(
    engine: Engine,
) -> None:
    """Desks from before migration 0024 gave a new ticket the number of the highest one in the
    trash (and the rows of its time can still be taken): restoring it must not fail, and
    nothing of it is lost."""
    ratna = _client(engine, "Ibu Ratna")
    banner = _ticket(engine, ratna, "Banner kucing oranye", "Mas, bannernya ganti kucing ya")
    with session_scope(engine) as session:
        [entry_id] = [
            time_spent.add_time(session=session, ticket_id=banner, minutes=40, note="desain").id
        ]
        trash.trash_ticket(session=session, ticket_id=banner)
    with session_scope(engine) as session:  # what an older desk did: the same numbers again
        session.execute(
            sa.insert(Ticket).values(
                id=banner,
                client_id=ratna,
                title="Email kantor",
                created_at=utcnow(),
                updated_at=utcnow(),
                status_changed_at=utcnow(),
            )
        )
        session.execute(
            sa.insert(TimeEntry).values(
                id=entry_id, ticket_id=banner, started_at=utcnow(), seconds=600
            )
        )
    with session_scope(engine) as session:
        back = trash.restore(session=session, kind="ticket", row_id=banner)
    assert back != banner
    with Session(engine) as session:
        assert tickets.get_ticket(session=session, ticket_id=banner).title == "Email kantor"
        assert tickets.get_ticket(session=session, ticket_id=back).title == "Banner kucing oranye"
        [minutes] = time_entries.list_entries(session=session, ticket_id=back)
        assert (minutes.minutes, minutes.note) == (40, "desain")
        [message] = session.exec(select(Message)).all()
        assert message.ticket_id == back
        assert trash.list_trash(session=session) == []


def test_tickets_deleted_together_come_back_together_or_not_at_all(engine: Engine) -> None:
    """Several tickets chosen in the list go to the trash in one go (one deleted meanwhile on
    another desk is passed over), and Ctrl+Z brings all of them back, or, when one cannot come
    back, none: the others are not half restored."""
    ratna, sari = _client(engine, "Ibu Ratna"), _client(engine, "Ibu Sari")
    with session_scope(engine) as session:
        ids = []
        for client_id, title in ((ratna, "Banner"), (sari, "Logo"), (ratna, "Email")):
            ticket = tickets.create_ticket(
                session=session, client_id=client_id, values={"title": title}
            )
            assert ticket.id is not None
            ids.append(ticket.id)
        trash.trash_ticket(session=session, ticket_id=ids[2])  # on another desk, just before
    with session_scope(engine) as session:
        assert trash.trash_tickets(session=session, ticket_ids=ids) == ids[:2]
    with Session(engine) as session:
        assert tickets.list_tickets(session=session) == []
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=sari)
    with (
        pytest.raises(UserError, match="restore the client first"),
        session_scope(engine) as session,
    ):
        trash.restore_tickets(session=session, ticket_ids=ids[:2])
    with Session(engine) as session:
        assert tickets.list_tickets(session=session) == []  # the banner did not come back alone
    with session_scope(engine) as session:
        trash.restore(session=session, kind="client", row_id=sari)
        trash.restore_tickets(session=session, ticket_ids=ids[:2])
    with Session(engine) as session:
        back = tickets.list_tickets(session=session)
        assert sorted(t.title for t in back) == ["Banner", "Logo"]
        assert [e.name for e in trash.list_trash(session=session)] == ["Email"]


def test_all_the_tickets_listed_go_to_the_trash_unless_the_list_changed_meanwhile(
    engine: Engine,
) -> None:
    """Ctrl+A, Del: the tickets the list shows (its filters) go; where another desk opened one
    since the person looked, it would go too, never seen: nothing is deleted, and that is said."""
    ratna = _client(engine, "Ibu Ratna")
    with session_scope(engine) as session:
        for title in ("Banner", "Logo"):
            tickets.create_ticket(session=session, client_id=ratna, values={"title": title})
    with session_scope(engine) as session:
        tickets.create_ticket(session=session, client_id=ratna, values={"title": "Email baru"})
    with (
        pytest.raises(UserError, match="None was deleted; look at the list again"),
        session_scope(engine) as session,
    ):
        trash.trash_listed_tickets(session=session, listed=2, client_id=ratna)
    with Session(engine) as session:
        assert len(tickets.list_tickets(session=session)) == 3
    with session_scope(engine) as session:
        gone = trash.trash_listed_tickets(session=session, listed=1, search="email")
    with Session(engine) as session:
        assert [e.row_id for e in trash.list_trash(session=session)] == gone
        assert sorted(t.title for t in tickets.list_tickets(session=session)) == ["Banner", "Logo"]


def test_emptying_what_was_listed_leaves_what_came_since(engine: Engine) -> None:
    ratna, sari = _client(engine, "Ibu Ratna"), _client(engine, "Ibu Sari")
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=ratna)
    with Session(engine) as session:
        seen = [entry.key for entry in trash.list_trash(session=session)]
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=sari)  # another desk, meanwhile
    with session_scope(engine) as session:
        assert trash.empty(session=session, only=seen) == 1
    with Session(engine) as session:
        assert [entry.key for entry in trash.list_trash(session=session)] == [f"client#{sari}"]
