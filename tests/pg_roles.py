"""PostgreSQL roles for tests: a user who may make tables but not extensions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa


@contextmanager
def without_extensions(pg_url: str) -> Iterator[str]:
    """*pg_url* as a new user who may create tables but not extensions (as on many hosted
    servers): there the unaccent extension cannot be made. The user is dropped afterwards."""
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    role = f"agencydesk_plain_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        connection.exec_driver_sql(f'GRANT CREATE ON SCHEMA public TO "{role}"')
    try:
        yield sa.engine.make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"
            )
            connection.exec_driver_sql(f'DROP OWNED BY "{role}" CASCADE')
            connection.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()
