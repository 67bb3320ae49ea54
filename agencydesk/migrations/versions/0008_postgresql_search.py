"""Full-text search on PostgreSQL: tsvector columns with GIN indexes (nothing on SQLite).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

SQLite has had its FTS5 tables since 0002; this gives a team desk on PostgreSQL the same search
(`agencydesk.core.search_pg_schema`). Accents are ignored through the ``unaccent`` extension,
created here when the server has it and this user may create it (PostgreSQL 13+ lets a database
owner create it); otherwise the search works with accents counting, and says so.
"""

from alembic import op
import sqlalchemy as sa

from agencydesk.core.search_pg_schema import PG_V1, unaccent_installed

revision = '0008'
down_revision = '0007'


def _create_unaccent(bind: sa.Connection) -> bool:
    """True when the ``unaccent`` extension is there (made now if this user may)."""
    if unaccent_installed(bind):
        return True
    # A savepoint: a refused CREATE EXTENSION must not abort the whole migration.
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    for sql in PG_V1.create_config(unaccent=_create_unaccent(bind)):
        op.execute(sql)
    for table in PG_V1.tables:
        for sql in PG_V1.create_table_index(table):
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in PG_V1.tables:
        for sql in PG_V1.drop_table_index(table):
            op.execute(sql)
    op.execute(PG_V1.drop_config())
