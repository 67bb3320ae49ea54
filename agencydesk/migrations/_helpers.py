"""Steps several migrations take alike. Frozen: add, never change.

A migration must do the same on every database it ever meets, so once a migration that calls a
function here has shipped, that function stays as it is; a step that must differ is a new function
(or stays inside its migration).
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic import op


def sqlite_append_table_clause(table: str, clause: str) -> None:
    """Append a table-level *clause* (a ``FOREIGN KEY``, say) to *table*'s stored schema on
    SQLite, without a rebuild.

    SQLite's documented procedure for schema changes that leave the stored rows as they are
    (https://sqlite.org/lang_altertable.html, "making other kinds of table schema changes"). The
    caller makes sure every row already satisfies the clause: the constrained column was just
    added and is NULL in every row.
    """
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    stripped = sql.rstrip()
    if not stripped.endswith(")"):
        raise RuntimeError(f"unexpected schema for {table}: {sql!r}")
    _write_table_schema(table, f"{stripped[:-1]}, {clause})")


def sqlite_replace_in_table_schema(table: str, old: str, new: str) -> None:
    """Replace the first *old* in *table*'s stored schema by *new* on SQLite, without a
    rebuild (the documented procedure, as `sqlite_append_table_clause`). The caller makes sure
    the change leaves the stored rows valid and their format as it is."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    if old not in sql:
        raise RuntimeError(f"unexpected schema for {table}: {sql!r}")
    _write_table_schema(table, sql.replace(old, new, 1))


def _write_table_schema(table: str, sql: str) -> None:
    """*sql* as *table*'s stored schema; the schema version goes up, so every connection reads
    it again."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table)
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def execute_on_postgresql(statements: Iterable[str]) -> None:
    """Run *statements* in order on PostgreSQL; nothing on SQLite."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in statements:
        op.execute(sql)
