"""Client keys: the name without its honorific (for sorting and duplicates) and the phone digits.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

`sort_name` is "ratna wulandari" for "Ibu Ratna Wulandari", so the list sorts by the name people
are called by (ignoring Ibu, Bu, Pak, Mbak, Mas…) in the database, on SQLite and PostgreSQL
alike; `phone_key` holds the national digits of the phone number, so a second client with the same
number is found by an index. Both are kept by the ORM (`agencydesk.core.models`) and filled here
for the clients already there.

The columns are added with ``ALTER TABLE ... ADD COLUMN`` (no rebuild of `client`, which would
cascade to its tickets and messages and lose the FTS triggers, see 0003).
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

from agencydesk.core.names import name_key, phone_digits

revision = '0007'
down_revision = '0006'


def upgrade() -> None:
    op.add_column('client', sa.Column('sort_name', sqlmodel.sql.sqltypes.AutoString(length=120), server_default='', nullable=False))
    op.add_column('client', sa.Column('phone_key', sqlmodel.sql.sqltypes.AutoString(length=40), server_default='', nullable=False))
    bind = op.get_bind()
    client = sa.table('client', sa.column('id', sa.Integer), sa.column('name', sa.String), sa.column('phone', sa.String), sa.column('sort_name', sa.String), sa.column('phone_key', sa.String))
    rows = bind.execute(sa.select(client.c.id, client.c.name, client.c.phone)).all()
    if rows:
        bind.execute(
            client.update().where(client.c.id == sa.bindparam('row_id')).values(sort_name=sa.bindparam('key'), phone_key=sa.bindparam('digits')),
            [{'row_id': row_id, 'key': name_key(name), 'digits': phone_digits(phone or '')} for row_id, name, phone in rows],
        )
    op.create_index('ix_client_sort_name', 'client', ['sort_name', 'id'], unique=False)
    op.create_index('ix_client_phone_key', 'client', ['phone_key'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_client_phone_key', table_name='client')
    op.drop_index('ix_client_sort_name', table_name='client')
    op.drop_column('client', 'phone_key')
    op.drop_column('client', 'sort_name')
