"""People of a team desk: who they are, who a ticket is assigned to, who wrote what, who changed a
ticket's status, and who has what open right now (presence).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

New tables, and nullable columns added with ``ALTER TABLE ... ADD COLUMN`` (no rebuild of
`ticket` or `message`, which would lose the FTS triggers, see 0003). On SQLite the columns'
foreign keys are appended to the stored schema the way 0003 does it; the new columns are NULL in
every row, so no row breaks them.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import agencydesk.core.utc
from agencydesk.migrations import _helpers

revision = '0011'
down_revision = '0010'

#: (table, column): each an optional link to a person, emptied when the person is deleted
_LINKS = (('ticket', 'assignee_id'), ('message', 'author_id'), ('time_entry', 'author_id'), ('guide_send', 'author_id'))


def upgrade() -> None:
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('initials', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('colour', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('created_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    op.create_table('presence',
    sa.Column('desk_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('typing', sa.Boolean(), nullable=False),
    sa.Column('seen_at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_presence_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('desk_id', name=op.f('pk_presence'))
    )
    op.create_index(op.f('ix_presence_seen_at'), 'presence', ['seen_at'], unique=False)
    op.create_table('status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('at', agencydesk.core.utc.UTCDateTime(), nullable=False),
    sa.Column('old_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('new_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_status_change_person_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_status_change_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_change'))
    )
    op.create_index(op.f('ix_status_change_ticket_id'), 'status_change', ['ticket_id'], unique=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table, column in _LINKS:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        name = f'fk_{table}_{column}_person'
        if sqlite:
            _helpers.sqlite_append_table_clause(
                table, f'CONSTRAINT {name} FOREIGN KEY({column}) REFERENCES person (id) ON DELETE SET NULL'
            )
        else:
            op.create_foreign_key(name, table, 'person', [column], ['id'], ondelete='SET NULL')
    op.create_index(op.f('ix_ticket_assignee_id'), 'ticket', ['assignee_id'], unique=False)


def downgrade() -> None:
    # On SQLite the link columns' foreign keys name `person`, and dropping them needs a rebuild
    # of ticket and message (which loses the FTS triggers): there they stay, NULL and unused,
    # with the person table.
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.drop_index(op.f('ix_ticket_assignee_id'), table_name='ticket')
    if not sqlite:
        for table, column in _LINKS:
            op.drop_constraint(f'fk_{table}_{column}_person', table, type_='foreignkey')
            op.drop_column(table, column)
    op.drop_index(op.f('ix_status_change_ticket_id'), table_name='status_change')
    op.drop_table('status_change')
    op.drop_index(op.f('ix_presence_seen_at'), table_name='presence')
    op.drop_table('presence')
    if not sqlite:
        op.drop_table('person')
