"""Search on PostgreSQL: the words of the messages in a table, for fast prefixes (nothing on
SQLite).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

"lupa passw" searched every message for words starting with "lupa" and "passw" through the GIN
index, which collects all rows of every matching word first: 30-40 ms on a million messages.
The table `message_word` (kept by triggers, `agencydesk.core.search_pg_schema.MessageWords`)
lets the search turn each prefix into the whole words first, which the index reads fast.
"""
from typing import Sequence, Union

from alembic import op

from agencydesk.core.search_pg_schema import MESSAGE_WORDS_V1

# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for sql in MESSAGE_WORDS_V1.create():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for sql in MESSAGE_WORDS_V1.drop():
        op.execute(sql)
