"""The trash: deleted tickets and orders kept to be restored (clients and guides are soft-deleted).

One new table; no other table changes.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc

revision = '0022'
down_revision = '0021'


def upgrade() -> None:
    op.create_table('trash_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('payload', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_trash_item_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_trash_item_author_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trash_item')),
    sa.UniqueConstraint('kind', 'row_id', name=op.f('uq_trash_item_kind'))
    )
    op.create_index(op.f('ix_trash_item_client_id'), 'trash_item', ['client_id'], unique=False)
    op.create_index(op.f('ix_trash_item_deleted_at'), 'trash_item', ['deleted_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_trash_item_deleted_at'), table_name='trash_item')
    op.drop_index(op.f('ix_trash_item_client_id'), table_name='trash_item')
    op.drop_table('trash_item')
