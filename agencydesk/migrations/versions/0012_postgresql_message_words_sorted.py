"""Search on PostgreSQL: the words of new messages go into message_word sorted (nothing on
SQLite).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

Two desks that add messages with the same new words at the same moment (two imports, an import
and a reply) each lock the words they add. Added in any order, each could wait for a word the
other holds: a deadlock, which PostgreSQL ends by failing one of the two saves. Sorted, they wait
in one order only (`agencydesk.core.search_pg_schema.MESSAGE_WORDS_V2`).
"""

from agencydesk.core.search_pg_schema import MESSAGE_WORDS_V1, MESSAGE_WORDS_V2
from agencydesk.migrations import _helpers

revision = '0012'
down_revision = '0011'


def upgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_WORDS_V2.functions(replace=True))


def downgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_WORDS_V1.functions(replace=True))
