"""Search on PostgreSQL: the message search column becomes a plain column that a chat import
fills itself (nothing on SQLite).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

The column was generated: the server parsed the text of every message written, half its time in
a million-message import. Now an import sends the words of most messages ready-made (ASCII texts:
`agencydesk.core.search_pg_schema.message_vector`), and triggers fill the rest as the generated
column did (`MessageVectors`): every other insert, an import's non-ASCII texts, a changed body or
sender. DROP EXPRESSION keeps the stored vectors (no rewrite, nothing to fill in); new ones carry
no positions (not used: messages are not ranked, the search has no phrases). message_word's
update trigger also takes the words of vectors filled after an insert (`MESSAGE_WORDS_V3`).

Downgrade makes the generated column again (a table rewrite) with its GIN index.
"""

from alembic import op

from agencydesk.core.search_pg_schema import (
    MESSAGE_VECTORS_V1,
    MESSAGE_WORDS_V2,
    MESSAGE_WORDS_V3,
    PG_V2,
)

revision = '0015'
down_revision = '0014'

#: as 0009 set it: how many lexemes ANALYZE keeps for the search column
STATISTICS = 1000


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'ALTER TABLE message ALTER COLUMN {PG_V2.column} DROP EXPRESSION')
    for sql in (*MESSAGE_VECTORS_V1.create(), *MESSAGE_WORDS_V3.functions(replace=True)):
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for sql in (*MESSAGE_VECTORS_V1.drop(), *MESSAGE_WORDS_V2.functions(replace=True)):
        op.execute(sql)
    for sql in (*PG_V2.drop_table_index('message'), *PG_V2.create_table_index('message')):
        op.execute(sql)
    op.execute(f'ALTER TABLE message ALTER COLUMN {PG_V2.column} SET STATISTICS {STATISTICS}')
