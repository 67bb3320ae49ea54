"""Tickets, conversations, time entries, guides, the client website, and full-text search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

from agencydesk.migrations import fts_v1


revision = '0002'
down_revision = '0001'


def upgrade() -> None:
    op.create_table('guide',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('tags', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('gentle_variant_of_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['gentle_variant_of_id'], ['guide.id'], name=op.f('fk_guide_gentle_variant_of_id_guide'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide'))
    )
    op.create_table('guide_image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('mime_type', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['guide_id'], ['guide.id'], name=op.f('fk_guide_image_guide_id_guide'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_image')),
    sa.UniqueConstraint('guide_id', 'name', name='uq_guide_image_name')
    )
    with op.batch_alter_table('guide_image', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_image_guide_id'), ['guide_id'], unique=False)

    op.create_table('ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('status_changed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('first_response_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('resolved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.CheckConstraint('priority BETWEEN 1 AND 4', name=op.f('ck_ticket_priority_range')),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_ticket_satisfaction_range')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_ticket_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket'))
    )
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_ticket_status_due', ['status', 'due_date'], unique=False)

    op.create_table('guide_send',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_guide_send_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['guide_id'], ['guide.id'], name=op.f('fk_guide_send_guide_id_guide'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_guide_send_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_send'))
    )
    with op.batch_alter_table('guide_send', schema=None) as batch_op:
        batch_op.create_index('ix_guide_send_client_guide', ['client_id', 'guide_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guide_send_guide_id'), ['guide_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guide_send_sent_at'), ['sent_at'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('from_me', sa.Boolean(), nullable=False),
    sa.Column('sender', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('media_file', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('flags', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_message_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_message_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_message_fingerprint'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_client_sent', ['client_id', 'sent_at'], unique=False)
        batch_op.create_index('ix_message_ticket_sent', ['ticket_id', 'sent_at'], unique=False)

    op.create_table('time_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ended_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('billable', sa.Boolean(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_time_entry_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_time_entry'))
    )
    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_time_entry_ended_at'), ['ended_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_time_entry_started_at'), ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_time_entry_ticket_id'), ['ticket_id'], unique=False)

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False, server_default=''))
        # nearly every row is NULL: SQLite chose it over the name index for the client list
        batch_op.drop_index('ix_client_deleted_at')

    if fts_v1.fts5_available(op):
        fts_v1.create_all(op)


def downgrade() -> None:
    fts_v1.drop_all(op)
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.create_index('ix_client_deleted_at', ['deleted_at'], unique=False)
        batch_op.drop_column('website')

    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_time_entry_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_time_entry_started_at'))
        batch_op.drop_index(batch_op.f('ix_time_entry_ended_at'))

    op.drop_table('time_entry')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_ticket_sent')
        batch_op.drop_index('ix_message_client_sent')

    op.drop_table('message')
    with op.batch_alter_table('guide_send', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_send_sent_at'))
        batch_op.drop_index(batch_op.f('ix_guide_send_guide_id'))
        batch_op.drop_index('ix_guide_send_client_guide')

    op.drop_table('guide_send')
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_index('ix_ticket_status_due')
        batch_op.drop_index(batch_op.f('ix_ticket_created_at'))
        batch_op.drop_index(batch_op.f('ix_ticket_client_id'))

    op.drop_table('ticket')
    with op.batch_alter_table('guide_image', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_image_guide_id'))

    op.drop_table('guide_image')
    op.drop_table('guide')
