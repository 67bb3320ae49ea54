"""Saved reply sends: which saved reply went out to which client, recorded like guide sends.

One new table; no other table changes.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc

revision = '0019'
down_revision = '0018'


def upgrade() -> None:
    op.create_table('saved_reply_send',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('saved_reply_id', sa.Integer(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['saved_reply_id'], ['saved_reply.id'], name=op.f('fk_saved_reply_send_saved_reply_id_saved_reply'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_saved_reply_send_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_saved_reply_send_ticket_id_ticket'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_saved_reply_send_author_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_reply_send'))
    )
    op.create_index(op.f('ix_saved_reply_send_saved_reply_id'), 'saved_reply_send', ['saved_reply_id'], unique=False)
    op.create_index(op.f('ix_saved_reply_send_client_id'), 'saved_reply_send', ['client_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_saved_reply_send_client_id'), table_name='saved_reply_send')
    op.drop_index(op.f('ix_saved_reply_send_saved_reply_id'), table_name='saved_reply_send')
    op.drop_table('saved_reply_send')
