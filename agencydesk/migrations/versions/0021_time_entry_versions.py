"""Time entries can be corrected: each gets a version, as other edited records have.

One new column; SQLite adds it in place (no table rebuild, the triggers stay).
"""
from alembic import op
import sqlalchemy as sa

revision = '0021'
down_revision = '0020'


def upgrade() -> None:
    op.add_column('time_entry', sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    op.drop_column('time_entry', 'version')
