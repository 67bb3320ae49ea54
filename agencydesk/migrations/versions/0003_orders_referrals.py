"""Orders, and how each client was introduced (date, note, the message that told us).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The client table is NOT rebuilt: on SQLite a batch rebuild drops and re-creates `client`, and with
foreign keys on (they are, inside the migration transaction, where the pragma cannot be switched
off) dropping it cascades to every ticket, message and guide send. The new columns are added with
``ALTER TABLE ... ADD COLUMN``; the foreign key is then written into the stored table definition
(SQLite's documented no-rebuild procedure), so the FTS triggers and the ``lower(name)`` index
stay as they are and reflection sees a named ``ON DELETE SET NULL`` constraint.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

from agencydesk.migrations import _helpers, fts_v1

revision = '0003'
down_revision = '0002'


def _sqlite_add_table_foreign_key(table: str, clause: str) -> None:
    """Append a table-level FOREIGN KEY clause to *table*'s stored schema, without a rebuild
    (`_helpers.sqlite_append_table_clause`), then check that no row breaks it. Safe here because
    the constrained column was just added and is NULL in every row.
    """
    _helpers.sqlite_append_table_clause(table, clause)
    bind = op.get_bind()
    problems = bind.exec_driver_sql(f'PRAGMA foreign_key_check({table})').fetchall()
    if problems:
        raise RuntimeError(f'foreign key problems in {table}: {problems[:5]}')


def upgrade() -> None:
    op.create_table('client_order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('currency', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('quoted_on', sa.Date(), nullable=True),
    sa.Column('won_on', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_client_order_amount_not_negative')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_order_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_client_order_message_id_message'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_client_order_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_order'))
    )
    with op.batch_alter_table('client_order', schema=None) as batch_op:
        batch_op.create_index('ix_client_order_client_status', ['client_id', 'status', 'currency', 'amount', 'won_on', 'paid_on', 'quoted_on'], unique=False)

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('introduced_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('introduction_note', sqlmodel.sql.sqltypes.AutoString(), server_default='', nullable=False))
    if op.get_bind().dialect.name == 'sqlite':
        op.add_column('client', sa.Column('introduction_message_id', sa.Integer(), nullable=True))
        _sqlite_add_table_foreign_key(
            'client',
            'CONSTRAINT fk_client_introduction_message_id_message '
            'FOREIGN KEY(introduction_message_id) REFERENCES message (id) ON DELETE SET NULL',
        )
    else:
        op.add_column('client', sa.Column('introduction_message_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_client_introduction_message_id_message'), 'client', 'message', ['introduction_message_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # Dropping the foreign key column needs a rebuild of `client`, which cascades to the
        # tickets and messages while foreign keys are on: refuse rather than lose them.
        if bind.exec_driver_sql('PRAGMA foreign_keys').scalar():
            raise RuntimeError(
                'Downgrading 0003 rebuilds the client table; with foreign keys on, SQLite would '
                'delete every ticket and message. Run it on a connection with foreign keys off.'
            )
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_client_introduction_message_id_message'), type_='foreignkey')
        batch_op.drop_column('introduction_message_id')
        batch_op.drop_column('introduction_note')
        batch_op.drop_column('introduced_on')
    if bind.dialect.name == 'sqlite':
        # the rebuild lost what reflection cannot see: the expression index and the FTS triggers
        op.create_index('ix_client_name_lower', 'client', [sa.text('lower(name)')], unique=False)
        if fts_v1.fts5_available(op):
            fts_v1.create_triggers(op, 'client')

    with op.batch_alter_table('client_order', schema=None) as batch_op:
        batch_op.drop_index('ix_client_order_client_status')

    op.drop_table('client_order')
