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

from agencydesk.core.search_pg_schema import MESSAGE_WORDS_V1
from agencydesk.migrations import _helpers

revision = '0010'
down_revision = '0009'


def upgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_WORDS_V1.create())


def downgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_WORDS_V1.drop())
