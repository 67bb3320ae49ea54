"""The team server's own commands against a real PostgreSQL server ($AGENCYDESK_TEST_PG): init
makes a role that writes rows but never changes tables, move copies a solo desk all or nothing,
export writes it back as a file the solo app opens, and every way of failing to connect is one
plain sentence."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from agencydesk.core import clients, migrate, search, server_tables, tickets, trash
from agencydesk.core.db import make_engine, session_scope, sqlite_url
from agencydesk.core.errors import UserError, user_error_for
from agencydesk.core.server_export import export_snapshot
from agencydesk.core.server_init import prepare_server, public_tables
from agencydesk.core.server_move import move_to_server, restore_snapshot


def admin_run(url: str, *statements: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


@pytest.fixture
def desk_role(pg_url: str) -> Iterator[str]:
    """A role name for this test only (roles belong to the whole server), dropped after."""
    role = f"agencydesk_desk_{uuid.uuid4().hex[:8]}"
    yield role
    admin_run(pg_url, f'DROP OWNED BY "{role}"') if _role_exists(pg_url, role) else None
    admin_run(pg_url, f'DROP ROLE IF EXISTS "{role}"')


def _role_exists(url: str, role: str) -> bool:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}
        ).first()
    engine.dispose()
    return found is not None


def as_user(url: str, user: str) -> str:
    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


def rows_by_table(engine: Engine) -> dict[str, server_tables.TableSum]:
    with engine.connect() as connection:
        return {p.name: server_tables.table_sum(connection, p.table) for p in server_tables.plan()}


# -- server init ----------------------------------------------------------------------------------


def test_init_makes_a_role_that_writes_rows_but_cannot_change_tables(
    pg_url: str, desk_role: str
) -> None:
    done = prepare_server(pg_url, role=desk_role, role_password="correct horse")
    assert done.role_created
    assert done.found_revision is None
    assert done.desk_address.user == desk_role
    assert "correct horse" not in done.desk_address.url()
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %(r)s", {"r": desk_role}
        ).scalar_one()
    engine.dispose()
    assert stored.startswith("SCRAM-SHA-256$")  # the password never went to the server

    desk = migrate.open_database(as_user(pg_url, desk_role))  # at head: nothing to migrate
    try:
        with session_scope(desk) as session:
            made = clients.create_client(session=session, values={"name": "Ibu Sari"})
        with session_scope(desk) as session:
            clients.update_client(session=session, client_id=made.id, values={"name": "Bu Sari"})
        with Session(desk) as session:
            assert clients.get_client(session=session, client_id=made.id).name == "Bu Sari"
        for change in (
            "CREATE TABLE extra (id integer)",
            "ALTER TABLE client ADD COLUMN extra integer",
            "DROP TABLE time_entry",
            "UPDATE alembic_version SET version_num = '0001'",
        ):
            with desk.connect() as connection, pytest.raises(sa.exc.ProgrammingError) as refused:
                connection.exec_driver_sql(change)
            assert isinstance(refused.value.orig, psycopg.errors.InsufficientPrivilege), change
    finally:
        desk.dispose()

    again = prepare_server(pg_url, role=desk_role)  # run twice: the schema checked, role kept
    assert not again.role_created
    assert again.found_revision == migrate.HEAD_REVISION


def test_migrations_refuse_to_run_as_the_desks_role(pg_url: str, desk_role: str) -> None:
    prepare_server(pg_url, role=desk_role)
    admin_run(pg_url, "UPDATE alembic_version SET version_num = '0006'")  # an older schema
    with pytest.raises(UserError) as refused:
        migrate.open_database(as_user(pg_url, desk_role))
    text = str(refused.value)
    assert f"{desk_role} may read and write a desk but not change its tables" in text
    assert "needs an upgrade to this version of agencydesk (schema 0006 to" in text
    assert "agencydesk server init postgresql+psycopg://OWNER@HOST/" in text
    assert "\n" not in text


def test_init_refuses_the_desks_role_and_other_programs_databases(
    pg_url: str, desk_role: str
) -> None:
    admin_run(pg_url, "CREATE TABLE invoices (id integer)")
    with pytest.raises(UserError, match="holds another program's tables \\(invoices…\\)"):
        prepare_server(pg_url, role=desk_role)
    with pytest.raises(UserError, match="cannot be the desks' role"):
        prepare_server(pg_url, role="Robert'); DROP TABLE x;--")


def test_a_newer_schema_on_the_server_is_refused(pg_url: str) -> None:
    migrate.open_database(pg_url).dispose()
    admin_run(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(UserError, match="written by a newer version of agencydesk"):
        migrate.open_database(pg_url)


# -- server move and export -----------------------------------------------------------------------


def test_moving_the_demo_desk_and_exporting_it_back_gives_the_same_rows(
    demo_engine: Engine, db_path: Path, pg_url: str, tmp_path: Path
) -> None:
    solo = rows_by_table(demo_engine)
    demo_engine.dispose()
    moved = move_to_server(db_path, pg_url)
    assert moved.rows == {name: total.rows for name, total in solo.items()}
    assert moved.rows["client"] == 10

    team = migrate.open_database(pg_url)
    try:
        with Session(team) as session:  # the ids are kept, and the next new one is free
            ratna = clients.get_client(session=session, client_id=1)
        assert ratna.name == "Ibu Ratna Wulandari"
        with Session(team) as session:  # the server's own search index filled itself
            found = search.search(session=session, text="katering", limit=10)
        assert 1 in [hit.id for hit in found.hits["client"]]
        with session_scope(team) as session:
            added = clients.create_client(session=session, values={"name": "Pak Joko"})
        assert added.id == 11
        with session_scope(team) as session:
            clients.delete_client(session=session, client_id=added.id)
    finally:
        team.dispose()

    out = tmp_path / "snapshot.sqlite3"
    exported = export_snapshot(pg_url, out)
    assert exported.total == moved.total + 1  # the deleted client is kept, as on a solo desk
    assert not Path(f"{out}.partial").exists()
    assert not Path(f"{out}-wal").exists()  # one self-contained file
    snapshot = migrate.open_database(sqlite_url(out))  # the solo app opens it as it is
    try:
        back = rows_by_table(snapshot)
        for name, total in solo.items():
            if name != "client":
                assert back[name] == total, name
        assert back["client"].rows == 11
        with Session(snapshot) as session:  # the search index was built for the file
            found = search.search(session=session, text="Ratna", limit=10)
        assert found.used_fts
        assert 1 in [hit.id for hit in found.hits["client"]]
    finally:
        snapshot.dispose()


def test_move_refuses_a_database_that_holds_a_desk(
    demo_engine: Engine, db_path: Path, pg_url: str
) -> None:
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    with pytest.raises(UserError) as refused:
        move_to_server(db_path, pg_url)
    assert "already holds a desk (rows in client: 10" in str(refused.value)
    assert "nothing was copied" in str(refused.value)
    team = make_engine(pg_url)
    with team.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM client").scalar() == 10
    team.dispose()


def test_a_moved_desk_is_planned_with_its_real_sizes(
    demo_engine: Engine, db_path: Path, pg_url: str
) -> None:
    # a table filled in bulk has no statistics until autovacuum comes round (never, where it is
    # off): the server took 10,000 clients for a few, and read a page of tickets by id in 36 ms
    solo = rows_by_table(demo_engine)
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    team = make_engine(pg_url)
    with team.connect() as connection:
        sizes = dict(
            connection.exec_driver_sql(
                "SELECT relname, reltuples FROM pg_class "
                "WHERE relname IN ('client', 'ticket', 'message')"
            ).all()
        )
    team.dispose()
    assert sizes == {name: solo[name].rows for name in ("client", "ticket", "message")}


def test_a_row_the_server_refuses_mid_copy_leaves_nothing_behind(
    demo_engine: Engine, db_path: Path, pg_url: str
) -> None:
    """SQLite keeps a NUL character in a text; PostgreSQL refuses it. The messages come after
    the clients and tickets were copied: all of it goes."""
    demo_engine.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE message SET body = ? WHERE id = 7", ("Bu Ratna\x00",))
    connection.close()
    with pytest.raises(UserError) as refused:
        move_to_server(db_path, pg_url)
    text = str(refused.value)
    assert text.startswith("A row of message (id 7) cannot be stored on the server: ")
    assert "Nothing was copied" in text
    team = make_engine(pg_url)
    with team.connect() as connection:
        assert public_tables(connection) == set()  # not even the migrated tables
    team.dispose()


def test_a_name_too_long_for_the_server_is_named_by_its_place(
    demo_engine: Engine, db_path: Path, pg_url: str
) -> None:
    """SQLite does not hold a name to its column's length; PostgreSQL refuses it at the end."""
    demo_engine.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE client SET name = ? WHERE id = 3", ("Sari " * 40,))
    connection.close()
    with pytest.raises(UserError) as refused:
        move_to_server(db_path, pg_url)
    assert str(refused.value).startswith(
        "A row of client (row 3 in id order) cannot be stored on the server: value too long"
    )


def test_a_snapshot_restores_over_a_team_desk_as_the_desks_role(
    demo_engine: Engine, db_path: Path, pg_url: str, desk_role: str, tmp_path: Path
) -> None:
    solo = rows_by_table(demo_engine)
    demo_engine.dispose()
    prepare_server(pg_url, role=desk_role)
    desk_url = as_user(pg_url, desk_role)
    move_to_server(db_path, desk_url)
    out = tmp_path / "monday.sqlite3"
    export_snapshot(desk_url, out)
    team = make_engine(desk_url)
    with session_scope(team) as session:
        clients.create_client(session=session, values={"name": "Written after Monday"})
        clients.delete_client(session=session, client_id=1)
    team.dispose()
    restored = restore_snapshot(out, desk_url)
    assert restored.rows["client"] == 10
    assert rows_by_table(make_engine(desk_url)) == solo


# -- connecting -----------------------------------------------------------------------------------


def _sentence(url: str) -> str:
    with pytest.raises(sa.exc.DBAPIError) as failed:
        migrate.open_database(url)
    explained = user_error_for(failed.value)
    assert explained is not None, failed.value
    text = str(explained)
    assert "\n" not in text
    return text


def test_each_way_of_not_getting_in_is_one_sentence_saying_what_to_do(pg_url: str) -> None:
    url = make_url(pg_url)
    missing = url.set(database="no_such_desk").render_as_string(hide_password=False)
    assert _sentence(missing) == (
        f"There is no database “no_such_desk” on {url.host}:{url.port or 5432}. Check its name; "
        "a new one is made with “createdb no_such_desk” and prepared with “agencydesk server "
        "init”."
    )
    closed = url.set(port=1).render_as_string(hide_password=False)
    assert _sentence(closed).startswith(
        f"The server {url.host}:1 does not answer. Check the server's"
    )
    role = f"agencydesk_group_{uuid.uuid4().hex[:8]}"
    admin_run(pg_url, f'CREATE ROLE "{role}" NOLOGIN')
    try:
        text = _sentence(as_user(pg_url, role))
    finally:
        admin_run(pg_url, f'DROP ROLE "{role}"')
    assert text.startswith(f"“{role}” may not log in on {url.host}:")
    assert "Connect as the desks' user" in text
    nobody = _sentence(as_user(pg_url, "nobody_here"))
    assert nobody.startswith("There is no user “nobody_here” on")
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        tls = connection.exec_driver_sql("SHOW ssl").scalar()
    engine.dispose()
    if tls == "off":
        wants_tls = url.update_query_dict({"sslmode": "require"})
        text = _sentence(wants_tls.render_as_string(hide_password=False))
        assert "does not offer TLS, but the TLS mode asks for it" in text
        assert "Choose the TLS mode “prefer”" in text


def test_the_desks_role_on_a_database_not_prepared_for_it_is_a_sentence(
    pg_url: str, pg_migrated_url: str, desk_role: str
) -> None:
    """A desk made by its owner without `server init`: the desks' user may connect but not read
    its tables. It was an "unexpected error (ProgrammingError)"."""
    prepare_server(pg_url, role=desk_role)  # the role exists, with rights on pg_url's desk only
    text = _sentence(as_user(pg_migrated_url, desk_role))
    assert text.startswith("This user may not use the desk's tables in that database (")
    assert "permission denied" in text
    assert "run “agencydesk server init” on it" in text


def test_a_server_address_libpq_cannot_place_is_said_once() -> None:
    """libpq's words for a bad port name no server: it read "The server the server could not
    be reached"."""
    bad_port = psycopg.OperationalError(
        'invalid integer value "99999" for connection option "port"'
    )
    explained = user_error_for(bad_port)
    assert explained is not None
    assert str(explained).startswith("The server could not be reached (invalid integer value")


def test_a_server_that_does_not_answer_in_time_is_a_sentence_without_a_hole() -> None:
    """psycopg's own timeout names no server: it read "Nobody answers at. Check …"."""
    timed_out = psycopg.errors.ConnectionTimeout("connection timeout expired")
    explained = user_error_for(timed_out)
    assert explained is not None
    assert str(explained).startswith("The server does not answer. Check the server's name")


def test_a_refused_password_is_a_sentence_too() -> None:
    """This test server trusts every local connection, so it never asks for a password; the
    sentence is checked on libpq's own words for it."""
    refused = psycopg.OperationalError(
        'connection failed: connection to server at "db.example.com" (10.0.0.5), port 5432 '
        'failed: FATAL:  password authentication failed for user "sari"'
    )
    explained = user_error_for(refused)
    assert explained is not None
    assert str(explained).startswith(
        "The server db.example.com:5432 refused the password of sari. Type it again"
    )


def _new_ticket(engine: Engine, title: str) -> int:
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=1, values={"title": title})
        assert ticket.id is not None
        return ticket.id


def test_a_ticket_in_the_trash_keeps_its_number_through_a_move_and_an_export(
    demo_engine: Engine, db_path: Path, pg_url: str, tmp_path: Path
) -> None:
    """The highest ticket went to the trash on the solo desk, then the desk moved to the team
    server and back to a file: on neither may a new ticket take its number."""
    highest = _new_ticket(demo_engine, "Banner kucing oranye")
    with session_scope(demo_engine) as session:
        trash.trash_ticket(session=session, ticket_id=highest)
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    team = migrate.open_database(pg_url)
    try:
        assert _new_ticket(team, "Email kantor") == highest + 1
        with session_scope(team) as session:
            trash.trash_ticket(session=session, ticket_id=highest + 1)
    finally:
        team.dispose()

    out = tmp_path / "snapshot.sqlite3"
    export_snapshot(pg_url, out)
    snapshot = migrate.open_database(sqlite_url(out))
    try:
        assert _new_ticket(snapshot, "Domain") == highest + 2
        with session_scope(snapshot) as session:
            assert trash.restore(session=session, kind="ticket", row_id=highest) == highest
            assert trash.restore(session=session, kind="ticket", row_id=highest + 1) == highest + 1
    finally:
        snapshot.dispose()
