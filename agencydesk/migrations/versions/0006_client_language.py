"""The language a client reads: their report is written in it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

One column added with a default (Indonesian), so existing clients keep what the desk assumed;
SQLite adds it in place (no rebuild of the client table, so its search triggers stay).
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'


def upgrade() -> None:
    op.add_column(
        'client',
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False, server_default='id'),
    )


def downgrade() -> None:
    op.drop_column('client', 'language')
