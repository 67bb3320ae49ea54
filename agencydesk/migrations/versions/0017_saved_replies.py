"""Saved replies: short replies inserted into the reply box by typing / and a name.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04

One new table; no other table changes (SQLite's search triggers stay as they are).
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc

revision = '0017'
down_revision = '0016'


def upgrade() -> None:
    op.create_table('saved_reply',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('text_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('updated_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_reply')),
    sa.UniqueConstraint('name', name=op.f('uq_saved_reply_name'))
    )


def downgrade() -> None:
    op.drop_table('saved_reply')
