"""The full-text search schema (SQLite FTS5) as SQL, one frozen version per schema change.

External-content FTS5 tables over client, ticket, message and guide, kept in sync by triggers.
Two places run this SQL: the migrations (through `agencydesk/migrations/fts_v1.py`), and the chat
import, which drops the message triggers during a big import and re-creates them afterwards. The
SQL lives here, in core, so that the import does not reach into the migrations.

A version is never edited once a migration has used it: a migration must build the same schema
on every machine whatever the code of the day. A change adds a new version beside it and points
`CURRENT` (the schema the newest migration made) at it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FtsSchema:
    """FTS tables (name → (base table, indexed columns)) with their tokenizer and prefixes."""

    tables: dict[str, tuple[str, tuple[str, ...]]]
    tokenize: str
    prefix: str

    def fts_for(self, base: str) -> tuple[str, tuple[str, ...]]:
        """(FTS table, indexed columns) of the base table *base*."""
        for fts, (table, columns) in self.tables.items():
            if table == base:
                return fts, columns
        raise KeyError(base)

    def create_table(self, fts: str) -> str:
        base, columns = self.tables[fts]
        return (
            f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, "
            f"content='{base}', content_rowid='id', tokenize='{self.tokenize}', "
            f"prefix='{self.prefix}')"
        )

    def trigger_names(self, base: str) -> tuple[str, str, str]:
        """The (after insert, after delete, after update) triggers that keep *base* indexed."""
        fts, _columns = self.fts_for(base)
        return (f"{fts}_after_insert", f"{fts}_after_delete", f"{fts}_after_update")

    def create_triggers(self, base: str) -> tuple[str, str, str]:
        fts, columns = self.fts_for(base)
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        insert, delete, update = self.trigger_names(base)
        return (
            f"CREATE TRIGGER {insert} AFTER INSERT ON {base} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {delete} AFTER DELETE ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {update} AFTER UPDATE OF {names} ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
        )

    def drop_triggers(self, base: str) -> tuple[str, ...]:
        return tuple(f"DROP TRIGGER IF EXISTS {name}" for name in self.trigger_names(base))


V1 = FtsSchema(
    tables={
        "client_fts": ("client", ("name", "company", "city", "tags", "caution_note", "notes")),
        "ticket_fts": ("ticket", ("title",)),
        "message_fts": ("message", ("body", "sender")),
        "guide_fts": ("guide", ("title", "body", "tags")),
    },
    tokenize="unicode61 remove_diacritics 2",
    prefix="2 3",
)

#: the search schema the newest migration made
CURRENT = V1
