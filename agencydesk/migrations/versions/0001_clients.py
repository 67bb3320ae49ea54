"""clients

Revision ID: 0001
Revises: 
Create Date: 2026-11-23

"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None


def upgrade() -> None:
    op.create_table('client',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('company', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('tech_comfort', sa.Integer(), nullable=False),
    sa.Column('preferred_channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('tags', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('caution_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('first_contact', sa.Date(), nullable=True),
    sa.Column('introduced_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.CheckConstraint('tech_comfort BETWEEN 1 AND 5', name=op.f('ck_client_tech_comfort_range')),
    sa.ForeignKeyConstraint(['introduced_by_id'], ['client.id'], name=op.f('fk_client_introduced_by_id_client'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client'))
    )
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_introduced_by_id'), ['introduced_by_id'], unique=False)
    # Expression index for the client list's case-insensitive sort (autogenerate cannot see it).
    op.create_index('ix_client_name_lower', 'client', [sa.text('lower(name)')], unique=False)



def downgrade() -> None:
    op.drop_index('ix_client_name_lower', table_name='client')
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_introduced_by_id'))
        batch_op.drop_index(batch_op.f('ix_client_deleted_at'))

    op.drop_table('client')
