"""No lost edits: a save over a newer version is caught with both sides' values, a record deleted
meanwhile is reported (and can come back), on both engines; on a team server two desks race and
a connection killed in the middle of a save loses nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, migrate, orders, retry, tickets
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.errors import SaidError
from agencydesk.core.guides import library
from agencydesk.core.versions import DeletedMeanwhile, EditConflict


def _client(engine: Engine, **values: object) -> tuple[int, int]:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna", **values})
        assert client.id is not None
        return client.id, client.version


def _stored(engine: Engine, client_id: int) -> tuple[str, str, int]:
    with Session(engine) as session:
        client = clients.get_client(session=session, client_id=client_id)
        return client.city, client.phone, client.version


def test_each_save_raises_the_version(any_engine: Engine) -> None:
    client_id, version = _client(any_engine)
    assert version == 1
    with session_scope(any_engine) as session:
        clients.update_client(
            session=session, client_id=client_id, values={"city": "Makassar"}, seen_version=1
        )
    assert _stored(any_engine, client_id) == ("Makassar", "", 2)


def test_a_save_over_a_newer_version_is_caught_with_mine_and_theirs(any_engine: Engine) -> None:
    client_id, seen = _client(any_engine, city="Makassar")
    # a colleague (another session, another desk) saves first
    with session_scope(any_engine) as session:
        clients.update_client(
            session=session, client_id=client_id, values={"city": "Bali"}, seen_version=seen
        )
    with pytest.raises(EditConflict) as caught, session_scope(any_engine) as session:
        clients.update_client(
            session=session,
            client_id=client_id,
            values={"city": "Kendari", "phone": "0812 3456 7890"},
            seen_version=seen,
        )
    conflict = caught.value
    assert conflict.mine == {"city": "Kendari", "phone": "0812 3456 7890"}
    assert conflict.theirs == {"city": "Bali", "phone": ""}
    assert conflict.fields == ["city", "phone"]
    assert conflict.version == 2
    assert _stored(any_engine, client_id) == ("Bali", "", 2)  # nothing overwritten
    # keeping mine is a save over the version the conflict showed
    with session_scope(any_engine) as session:
        clients.update_client(
            session=session,
            client_id=client_id,
            values=conflict.mine,
            seen_version=conflict.version,
        )
    assert _stored(any_engine, client_id) == ("Kendari", "0812 3456 7890", 3)


def test_saving_the_values_already_stored_is_no_conflict(any_engine: Engine) -> None:
    client_id, seen = _client(any_engine)
    for _ in range(2):  # the second: as if the first had committed and its answer got lost
        with session_scope(any_engine) as session:
            clients.update_client(
                session=session, client_id=client_id, values={"city": "Palu"}, seen_version=seen
            )
    assert _stored(any_engine, client_id)[0] == "Palu"


def test_editing_a_client_deleted_meanwhile_says_so_and_can_restore(any_engine: Engine) -> None:
    client_id, seen = _client(any_engine)
    with session_scope(any_engine) as session:
        clients.delete_client(session=session, client_id=client_id)
    with pytest.raises(DeletedMeanwhile) as caught, session_scope(any_engine) as session:
        clients.update_client(
            session=session, client_id=client_id, values={"city": "Ambon"}, seen_version=seen
        )
    assert caught.value.restorable
    assert "deleted" in str(caught.value)


def test_a_ticket_deleted_meanwhile_cannot_come_back(any_engine: Engine) -> None:
    client_id, _ = _client(any_engine)
    with session_scope(any_engine) as session:
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Login lupa"}
        )
        ticket_id, seen = ticket.id, ticket.version
    assert ticket_id is not None
    with session_scope(any_engine) as session:
        tickets.delete_ticket(session=session, ticket_id=ticket_id)
    with pytest.raises(DeletedMeanwhile) as caught, session_scope(any_engine) as session:
        tickets.update_ticket(
            session=session, ticket_id=ticket_id, values={"title": "x"}, seen_version=seen
        )
    assert not caught.value.restorable


def test_tickets_guides_and_orders_are_versioned_too(any_engine: Engine) -> None:
    client_id, _ = _client(any_engine)
    with session_scope(any_engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=client_id, values={"title": "A"})
        guide = library.create_guide(session=session, values={"title": "A"})
        order = orders.create_order(
            session=session, client_id=client_id, values={"title": "A", "amount": 1000}
        )
        ids = (ticket.id or 0, guide.id or 0, order.id or 0)

    def save(kind: int, title: str) -> None:
        values = {"title": title}
        with session_scope(any_engine) as s:
            if kind == 0:
                tickets.update_ticket(session=s, ticket_id=ids[0], values=values, seen_version=1)
            elif kind == 1:
                library.update_guide(session=s, guide_id=ids[1], values=values, seen_version=1)
            else:
                orders.update_order(session=s, order_id=ids[2], values=values, seen_version=1)

    for kind in range(3):
        save(kind, "B")  # a colleague's save: version 2
        with pytest.raises(EditConflict) as caught:
            save(kind, "C")  # a form that still shows version 1
        assert caught.value.theirs == {"title": "B"}


# -- two desks on one server ------------------------------------------------------------------
@pytest.fixture
def two_desks(pg_url: str) -> Iterator[tuple[Engine, Engine]]:
    migrate.open_database(pg_url).dispose()
    a, b = make_engine(pg_url), make_engine(pg_url)
    yield a, b
    a.dispose()
    b.dispose()


def test_two_desks_saving_at_once_lose_nothing(two_desks: tuple[Engine, Engine]) -> None:
    a, b = two_desks
    client_id, seen = _client(a)
    # both read version 1; B's save holds the row while A's waits on it, then A's finds a newer
    # version: A is told, B's stays
    b_session = Session(b)
    b_session.begin()
    clients.update_client(
        session=b_session, client_id=client_id, values={"city": "Bali"}, seen_version=seen
    )
    b_session.flush()
    outcome: list[BaseException | None] = []

    def save_on_a() -> None:
        try:
            retry.save_retrying(
                a,
                lambda s: clients.update_client(
                    session=s, client_id=client_id, values={"city": "Jawa"}, seen_version=seen
                ),
            )
            outcome.append(None)
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=save_on_a)
    thread.start()
    thread.join(0.5)
    assert thread.is_alive()  # waiting for B's transaction
    b_session.commit()
    b_session.close()
    thread.join(10)
    assert isinstance(outcome[0], EditConflict)
    assert outcome[0].theirs == {"city": "Bali"}
    assert _stored(a, client_id) == ("Bali", "", 2)


def test_a_connection_killed_mid_save_loses_nothing(two_desks: tuple[Engine, Engine]) -> None:
    a, b = two_desks
    client_id, seen = _client(a)
    tries: list[int] = []
    waited: list[BaseException] = []

    def save(session: Session) -> None:
        tries.append(1)
        clients.update_client(
            session=session, client_id=client_id, values={"city": "Ternate"}, seen_version=seen
        )
        session.flush()
        if len(tries) == 1:  # the server ends A's connection before the COMMIT
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
            with b.connect() as other:
                other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    retry.save_retrying(a, save, waiting=waited.append)
    assert len(tries) == 2
    assert retry.is_connection_lost(waited[0], a)
    assert _stored(b, client_id) == ("Ternate", "", 2)  # saved once, nothing lost


def test_a_server_that_stays_away_is_one_sentence(pg_url: str) -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:9/agencydesk")
    with pytest.raises(SaidError, match="nothing was saved"):
        retry.save_retrying(engine, lambda s: s.execute(sa.text("SELECT 1")), patience_s=0.6)
    engine.dispose()


# -- a field saved alone (the ticket view) ------------------------------------------------------
@pytest.fixture
def desks(any_engine: Engine) -> Iterator[tuple[Engine, Engine]]:
    """Two desks on one database: two engines (their own connections) on each engine kind."""
    other = make_engine(any_engine.url.render_as_string(hide_password=False))
    yield any_engine, other
    other.dispose()


def _ticket_shown(engine: Engine) -> tuple[int, int]:
    client_id, _ = _client(engine)
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Email stopped"}
        )
        assert ticket.id is not None
        return ticket.id, ticket.version


def _save_field(
    engine: Engine, ticket_id: int, seen: int, shown: dict[str, object], **mine: object
) -> int:
    with session_scope(engine) as session:
        ticket = tickets.update_ticket(
            session=session, ticket_id=ticket_id, values=mine, seen_version=seen, shown=shown
        )
        return ticket.version


def _ticket_fields(engine: Engine, ticket_id: int) -> tuple[str, int, int]:
    with Session(engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        return ticket.status, ticket.priority, ticket.version


def test_fields_changed_on_two_desks_are_both_kept(desks: tuple[Engine, Engine]) -> None:
    a, b = desks
    ticket_id, seen = _ticket_shown(a)
    # both desks show version 1; B changes the priority, then A the status
    assert _save_field(b, ticket_id, seen, {"priority": 2}, priority=3) == seen + 1
    assert _save_field(a, ticket_id, seen, {"status": "open"}, status="resolved") == seen + 2
    assert _ticket_fields(a, ticket_id) == ("resolved", 3, seen + 2)


def test_the_same_field_changed_on_two_desks_is_a_conflict(desks: tuple[Engine, Engine]) -> None:
    a, b = desks
    ticket_id, seen = _ticket_shown(a)
    _save_field(b, ticket_id, seen, {"status": "open"}, status="waiting_on_client")
    with pytest.raises(EditConflict) as caught:
        _save_field(a, ticket_id, seen, {"status": "open", "priority": 2}, status="resolved")
    assert caught.value.mine == {"status": "resolved"}
    assert caught.value.theirs == {"status": "waiting_on_client"}
    assert _ticket_fields(a, ticket_id)[0] == "waiting_on_client"  # nothing overwritten
    # the same value on both desks is no conflict
    _save_field(a, ticket_id, seen, {"status": "open"}, status="waiting_on_client")


def test_two_desks_saving_the_first_agency_profile_at_once_is_a_conflict_not_an_error(
    two_desks: tuple[Engine, Engine],
) -> None:
    from agencydesk.core import agency

    a, b = two_desks
    # both forms show the empty profile (version 0); B saves first and holds its transaction
    b_session = Session(b)
    b_session.begin()
    agency.save_agency_profile(
        session=b_session, profile=agency.AgencyProfile(name="Budi Web Studio"), seen_version=0
    )
    b_session.flush()
    outcome: list[BaseException | None] = []

    def save_on_a() -> None:
        try:
            retry.save_retrying(
                a,
                lambda s: agency.save_agency_profile(
                    session=s, profile=agency.AgencyProfile(name="Sari Digital"), seen_version=0
                ),
            )
            outcome.append(None)
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=save_on_a)
    thread.start()
    thread.join(0.5)
    assert thread.is_alive()  # waiting for B's first save
    b_session.commit()
    b_session.close()
    thread.join(10)
    assert isinstance(outcome[0], EditConflict), outcome  # A is shown mine and theirs
    assert outcome[0].theirs["name"] == "Budi Web Studio"
    with Session(a) as session:
        assert agency.get_agency_profile(session=session).name == "Budi Web Studio"
