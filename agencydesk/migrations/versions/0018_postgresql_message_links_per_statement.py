"""The links of a message (client, ticket, author) checked once per statement on PostgreSQL
instead of by foreign keys, once per row (nothing on SQLite).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04

A foreign key checks each inserted row with a query of its own: a million-message chat import
spent as long on those checks as on everything else the server does for it. Triggers
(`agencydesk.core.message_links_pg.MessageLinks`) now check all the rows of a statement at once
and do what the foreign keys did on a delete (a client's messages go with it, a deleted ticket or
person is emptied from its messages). The rows there are were checked by the foreign keys.

Downgrade puts the foreign keys back (checking every row there is).
"""

from agencydesk.core.message_links_pg import MESSAGE_LINKS_V1
from agencydesk.migrations import _helpers

revision = '0018'
down_revision = '0017'


def upgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_LINKS_V1.create())


def downgrade() -> None:
    _helpers.execute_on_postgresql(MESSAGE_LINKS_V1.drop())
