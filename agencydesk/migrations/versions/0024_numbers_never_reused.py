"""Ticket and order numbers are never handed out twice (SQLite).

SQLite gave a new row the highest number plus one, so after the highest ticket went to the trash
the next new ticket took its number, and the trashed one could not come back with it (the user
had told the client "ticket #12"). AUTOINCREMENT makes SQLite remember the highest number ever
used (in `sqlite_sequence`). PostgreSQL's sequences already never go back: nothing to do there.

Rebuilding the tables would be the usual way, but inside the migration's transaction foreign keys
are on: dropping the old `ticket` would empty every message's ticket and delete its time, and a
rebuild drops the search triggers. AUTOINCREMENT changes nothing in how rows are stored (the
number is the rowid either way), so the stored schema is edited in place, as SQLite documents
for such changes, and the counter starts at the highest number in the table or in the trash.
"""

from alembic import op

from agencydesk.migrations._helpers import sqlite_replace_in_table_schema

revision = "0024"
down_revision = "0023"

#: (table, its primary key constraint as migration 0002/0003 wrote it, the trash's kind)
TABLES = (
    ("ticket", "\n\tCONSTRAINT pk_ticket PRIMARY KEY (id), ", "ticket"),
    ("client_order", "\n\tCONSTRAINT pk_client_order PRIMARY KEY (id), ", "order"),
)
_ID_BEFORE = "\n\tid INTEGER NOT NULL, "
_ID_AFTER = "\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "


def _sqlite_sequence_exists() -> None:
    """`sqlite_sequence` is made by the first CREATE TABLE with AUTOINCREMENT, and stays."""
    bind = op.get_bind()
    bind.exec_driver_sql(
        "CREATE TABLE agencydesk_make_sequence (id INTEGER PRIMARY KEY AUTOINCREMENT)"
    )
    bind.exec_driver_sql("DROP TABLE agencydesk_make_sequence")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _sqlite_sequence_exists()
    for table, primary_key, kind in TABLES:
        sqlite_replace_in_table_schema(table, primary_key, "")
        sqlite_replace_in_table_schema(table, _ID_BEFORE, _ID_AFTER)
        bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        bind.exec_driver_sql(
            "INSERT INTO sqlite_sequence (name, seq) SELECT ?, max("
            f"(SELECT coalesce(max(id), 0) FROM {table}), "
            "(SELECT coalesce(max(row_id), 0) FROM trash_item WHERE kind = ?))",
            (table, kind),
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for table, primary_key, _kind in TABLES:
        sqlite_replace_in_table_schema(table, _ID_AFTER, _ID_BEFORE)
        # the primary key was the first of the table's constraints
        sqlite_replace_in_table_schema(table, "\n\tCONSTRAINT ", f"{primary_key}\n\tCONSTRAINT ")
        bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
