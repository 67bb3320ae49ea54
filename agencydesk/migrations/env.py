"""Alembic environment. Run through `agencydesk.core.migrate`, which passes an open connection
inside one ``BEGIN IMMEDIATE`` transaction, so a failed upgrade rolls back completely."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import agencydesk.core.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from agencydesk.core.db import make_engine
from agencydesk.migrations.fts_v1 import include_name

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: object | None = None, url: str | None = None) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        url=url,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables in batch mode
        compare_type=True,
        include_name=include_name,
        transactional_ddl=True,
        literal_binds=connection is None,
    )


def run_migrations_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    # Used by `alembic revision --autogenerate` during development.
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "", begin="BEGIN IMMEDIATE")
    with engine.begin() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
