"""Reply drafts: the reply being written on a ticket, kept with its ticket until it is added.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

One new table, no rebuild of an existing one (so no FTS trigger is lost). Drafts are not
searched: they are not said yet.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'


def upgrade() -> None:
    op.create_table('ticket_draft',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('from_me', sa.Boolean(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_draft_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_ticket_draft'))
    )


def downgrade() -> None:
    op.drop_table('ticket_draft')
