"""Full-text search tables (SQLite FTS5), version 1, frozen for the migrations that use it.

The SQL is `agencydesk.core.search_schema.V1` (the chat import needs the trigger SQL too, and
core never imports the migrations); this module runs it through Alembic's ``op``.
A batch migration that rebuilds one of the base tables drops its triggers silently: such a
migration must call `create_triggers(op, table)` again afterwards (tests check they exist at head).
"""

from __future__ import annotations

from typing import Any

from agencydesk.core.search_pg_schema import MESSAGE_WORDS_V1, PG_CURRENT
from agencydesk.core.search_schema import V1

TOKENIZE = V1.tokenize
PREFIX = V1.prefix

#: FTS table → (base table, indexed columns)
TABLES = V1.tables


def trigger_names(base: str) -> tuple[str, str, str]:
    return V1.trigger_names(base)


def create_triggers(op: Any, base: str) -> None:
    for sql in V1.create_triggers(base):
        op.execute(sql)


def drop_triggers(op: Any, base: str) -> None:
    for sql in V1.drop_triggers(base):
        op.execute(sql)


def create_all(op: Any) -> None:
    for fts, (base, _columns) in TABLES.items():
        op.execute(V1.create_table(fts))
        create_triggers(op, base)
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_all(op: Any) -> None:
    for fts, (base, _columns) in TABLES.items():
        drop_triggers(op, base)
        op.execute(f"DROP TABLE IF EXISTS {fts}")


def fts5_available(op: Any) -> bool:
    """True on SQLite builds with FTS5 (nearly all); elsewhere search falls back to LIKE."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options").fetchall()}
    return "ENABLE_FTS5" in options


def is_fts_table(name: str | None) -> bool:
    """FTS5 tables and their shadow tables (`*_data`, `*_idx`, `*_docsize`, `*_config`)."""
    return name is not None and any(name == fts or name.startswith(f"{fts}_") for fts in TABLES)


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic autogenerate filter: the FTS tables (SQLite) and the search columns and their
    indexes (PostgreSQL, migration 0008) are managed by hand, not from the models."""
    if type_ == "column" and name == PG_CURRENT.column:
        return False
    if type_ == "index" and name in {PG_CURRENT.index_name(t) for t in PG_CURRENT.tables}:
        return False
    if type_ == "table" and name == MESSAGE_WORDS_V1.table:
        return False
    return not (type_ == "table" and is_fts_table(name))
