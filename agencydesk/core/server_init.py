"""`agencydesk server init`: prepare a PostgreSQL database for a team desk.

Run once by whoever owns the database (or the server's admin). In one transaction it brings the
schema to this version of agencydesk (the migrations) and makes the role the desks connect as:
that role may read and write rows and use the id sequences, but owns nothing and may not create,
alter or drop anything, so a desk of an older or newer agencydesk can never change the schema
under the others (`migrate.refuse_desk_role` tells such a desk what to do instead).

Run again, it upgrades the schema and grants the role what new tables need; an existing role
keeps its password unless a new one is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agencydesk.core import migrate
from agencydesk.core.db import make_engine
from agencydesk.core.errors import UserError
from agencydesk.core.server_address import ServerAddress, parse

DESK_ROLE = "agencydesk_desk"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class Prepared:
    #: the address desks connect to (as the desks' role, without a password)
    desk_address: ServerAddress
    role: str
    role_created: bool
    #: the schema revision found before (None: the database was empty)
    found_revision: str | None


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise UserError(
            f"“{name}” cannot be the desks' role: use lower-case letters, digits and _ "
            "(starting with a letter), such as agencydesk_desk."
        )
    return name


def public_tables(connection: Connection) -> set[str]:
    rows = connection.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    ).scalars()
    return {str(name) for name in rows}


def refuse_foreign_database(connection: Connection, database: str) -> None:
    """A database holding another program's tables is left as it is."""
    tables = public_tables(connection)
    if tables and "alembic_version" not in tables:
        some = ", ".join(sorted(tables)[:3])
        raise UserError(
            f"The database {database} holds another program's tables ({some}…); agencydesk "
            "leaves it as it is. Create an empty database for the desk (createdb agencydesk) "
            "and give that one."
        )


def _refuse_without_power(connection: Connection, user: str) -> None:
    row = connection.exec_driver_sql(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).one()
    if not row[0] or not migrate.may_change_schema(connection):
        raise UserError(
            f"{user} may not create tables and roles here. Run “agencydesk server init” as the "
            "database's owner with the right to create roles, or as the server's admin "
            "(postgresql+psycopg://postgres@HOST/DATABASE)."
        )


def _password_verifier(connection: Connection, role: str, password: str) -> str:
    """The SCRAM verifier of *password*, made here: the password itself never reaches the
    server (nor its statement log)."""
    raw = connection.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    return bytes(verifier).decode()


def _make_role(connection: Connection, role: str, password: str | None) -> bool:
    """Create the desks' role (LOGIN, nothing else); True if it was new."""
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(role)s", {"role": role}
    ).first()
    quoted = f'"{role}"'
    if exists is None:
        connection.exec_driver_sql(
            f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT"
        )
    if password:
        verifier = _password_verifier(connection, role, password).replace("'", "''")
        connection.exec_driver_sql(f"ALTER ROLE {quoted} PASSWORD '{verifier}'")
    return exists is None


def grant_rows_only(connection: Connection, role: str, database: str) -> None:
    """Rows and sequences, nothing more; also for tables later migrations add (default
    privileges of the user who runs them, which is who runs `server init`)."""
    quoted = f'"{role}"'
    for sql in (
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {quoted}',
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        # before PostgreSQL 15 everybody could create tables in public
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA public FROM {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        # the schema's version is the migrations' business
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {quoted}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE"
        f" ON TABLES TO {quoted}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE"
        f" ON SEQUENCES TO {quoted}",
    ):
        connection.exec_driver_sql(sql)


def prepare_server(
    url: str, *, role: str = DESK_ROLE, role_password: str | None = None
) -> Prepared:
    """Migrate the database at *url* and make the desks' *role*; all or nothing."""
    check_role_name(role)
    address, _password = parse(url)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            user = str(connection.exec_driver_sql("SELECT current_user").scalar_one())
            if user == role:
                raise UserError(
                    f"{role} is the desks' role; run “agencydesk server init” as the database's "
                    "owner or the server's admin instead."
                )
            refuse_foreign_database(connection, address.database)
            _refuse_without_power(connection, user)
            found = migrate.upgrade_connection(connection)
            created = _make_role(connection, role, role_password)
            grant_rows_only(connection, role, address.database)
    except sa.exc.ProgrammingError as exc:
        raise UserError(
            f"The server refused to prepare {address.display()}: "
            f"{str(getattr(exc, 'orig', exc)).strip()}. Nothing was changed."
        ) from exc
    finally:
        engine.dispose()
    return Prepared(
        desk_address=address.with_user(role),
        role=role,
        role_created=created,
        found_revision=found,
    )
