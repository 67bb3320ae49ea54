"""Receipts (kuitansi) for paid orders, numbered from a counter that never goes back.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04

Two new tables and no change to the others (no table is rebuilt, so SQLite's search triggers
stay as they are). The counters are made by their first use (`core.sequences`): an empty
database stays empty, as `server move` wants its target.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc

revision = '0016'
down_revision = '0015'


def upgrade() -> None:
    op.create_table('number_sequence',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_number_sequence'))
    )
    op.create_table('receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('client_name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('currency', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_receipt_client_id_client'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_receipt_author_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['client_order.id'], name=op.f('fk_receipt_order_id_client_order'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipt')),
    sa.UniqueConstraint('number', name=op.f('uq_receipt_number')),
    sa.UniqueConstraint('order_id', name=op.f('uq_receipt_order_id'))
    )
    op.create_index(op.f('ix_receipt_client_id'), 'receipt', ['client_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_receipt_client_id'), table_name='receipt')
    op.drop_table('receipt')
    op.drop_table('number_sequence')
