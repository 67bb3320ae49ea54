"""Follow-ups: a client, ticket or order to come back to at a day and time, with a note.

One new table; no other table changes.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc

revision = '0020'
down_revision = '0019'


def upgrade() -> None:
    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('due_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('done_at', agencydesk.core.utc.UTCDateTime(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_follow_up_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_follow_up_ticket_id_ticket'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['client_order.id'], name=op.f('fk_follow_up_order_id_client_order'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_follow_up_author_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    op.create_index(op.f('ix_follow_up_client_id'), 'follow_up', ['client_id'], unique=False)
    op.create_index(op.f('ix_follow_up_due_at'), 'follow_up', ['due_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_follow_up_due_at'), table_name='follow_up')
    op.drop_index(op.f('ix_follow_up_client_id'), table_name='follow_up')
    op.drop_table('follow_up')
