"""Full-text search tables (SQLite FTS5), version 1, frozen for the migrations that use it.

External-content FTS5 tables over client, ticket, message and guide, kept in sync by triggers.
A batch migration that rebuilds one of the base tables drops its triggers silently: such a
migration must call `create_triggers(op, table)` again afterwards (tests check they exist at head).
"""

from __future__ import annotations

from typing import Any

TOKENIZE = "unicode61 remove_diacritics 2"
PREFIX = "2 3"

#: FTS table → (base table, indexed columns)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "client_fts": ("client", ("name", "company", "city", "tags", "caution_note", "notes")),
    "ticket_fts": ("ticket", ("title",)),
    "message_fts": ("message", ("body", "sender")),
    "guide_fts": ("guide", ("title", "body", "tags")),
}


def _fts_for(base: str) -> tuple[str, tuple[str, ...]]:
    for fts, (table, columns) in TABLES.items():
        if table == base:
            return fts, columns
    raise KeyError(base)


def trigger_names(base: str) -> tuple[str, str, str]:
    fts, _columns = _fts_for(base)
    return (f"{fts}_after_insert", f"{fts}_after_delete", f"{fts}_after_update")


def create_triggers(op: Any, base: str) -> None:
    fts, columns = _fts_for(base)
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert, delete, update = trigger_names(base)
    op.execute(
        f"CREATE TRIGGER {insert} AFTER INSERT ON {base} BEGIN "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {delete} AFTER DELETE ON {base} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {update} AFTER UPDATE OF {names} ON {base} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )


def drop_triggers(op: Any, base: str) -> None:
    for name in trigger_names(base):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def create_all(op: Any) -> None:
    for fts, (base, columns) in TABLES.items():
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, "
            f"content='{base}', content_rowid='id', tokenize='{TOKENIZE}', prefix='{PREFIX}')"
        )
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
    """Alembic autogenerate filter: the FTS tables are managed by hand, not from the models."""
    return not (type_ == "table" and is_fts_table(name))
