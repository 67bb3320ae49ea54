"""Every record people edit gets a version: a save over a newer one is caught, not lost.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

client, ticket, guide, client_order, credential and agency_setting get `version` (1 for what is
there). A plain ADD COLUMN with a default on both engines: no table is rebuilt on SQLite, so its
search triggers stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'

TABLES = ('client', 'ticket', 'guide', 'client_order', 'credential', 'agency_setting')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column('version', sa.Integer(), nullable=False, server_default='1')
        )


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (no rebuild, the triggers stay)
    for table in TABLES:
        op.drop_column(table, 'version')
