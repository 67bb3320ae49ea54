"""The links of a message (its client, ticket and author) on PostgreSQL, checked once per
statement instead of once per row: SQL for migration 0018, frozen per version.

A FOREIGN KEY checks every inserted row on its own (a query per row and link: a million-message
import spent as long on these checks as on everything else together). The triggers here do what
the three foreign keys of `message` did, per statement and over all its rows at once:

* after an INSERT, or an UPDATE of a link: every client, ticket and person the new rows name must
  exist. They are locked FOR KEY SHARE, as a foreign key locks them, so a desk deleting one of
  them meanwhile waits for this transaction (and then deletes what it wrote, below), and one
  deleted before is missing: the statement fails with SQLSTATE 23503 (foreign_key_violation),
  as a foreign key would;
* after a DELETE of clients: their messages are deleted (ON DELETE CASCADE); of tickets or
  people: their messages keep nothing of them (ON DELETE SET NULL);
* an UPDATE of a client's, ticket's or person's id that its messages still name fails (NO
  ACTION; the app never changes an id);
* an UPDATE of a message's links (a client merge) checks row by row, as the foreign keys did.

As with foreign keys under READ COMMITTED (the desks' level), a delete that waited for an import
sees the imported messages when it runs its statement. SQLite keeps its foreign keys.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (the message column, the table it names, what a delete of that row does to the message)
LINKS = (
    ("client_id", "client", "CASCADE"),
    ("ticket_id", "ticket", "SET NULL"),
    ("author_id", "person", "SET NULL"),
)


@dataclass(frozen=True)
class MessageLinks:
    links: tuple[tuple[str, str, str], ...] = LINKS
    check: str = "message_links_check"

    def constraint(self, column: str, table: str) -> str:
        """The name of the foreign key this replaces (the app's naming convention)."""
        return f"fk_message_{column}_{table}"

    def _check_function(self) -> str:
        declare = "".join(f"  {table}_ids int[];\n" for _column, table, _action in self.links)
        body = []
        for column, table, _action in self.links:
            body.append(
                f"  {table}_ids := ARRAY(SELECT DISTINCT {column} FROM new_rows "
                f"WHERE {column} IS NOT NULL);\n"
                f"  IF cardinality({table}_ids) > 0 AND cardinality({table}_ids) <> (\n"
                f"    SELECT count(*) FROM (SELECT 1 FROM {table} WHERE id = ANY ({table}_ids)"
                " FOR KEY SHARE) locked) THEN\n"
                "    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format(\n"
                "      'insert or update on table \"message\" names a missing %s (%s)', "
                f"'{table}',\n"
                f"      (SELECT min(id) FROM unnest({table}_ids) AS wanted(id)\n"
                f"       WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = wanted.id)));\n"
                "  END IF;\n"
            )
        return (
            f"CREATE FUNCTION {self.check}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"DECLARE\n{declare}BEGIN\n{''.join(body)}  RETURN NULL;\nEND $$"
        )

    def _row_check_function(self) -> str:
        body = "".join(
            f"  IF NEW.{column} IS DISTINCT FROM OLD.{column} AND NEW.{column} IS NOT NULL THEN\n"
            f"    PERFORM 1 FROM {table} WHERE id = NEW.{column} FOR KEY SHARE;\n"
            "    IF NOT FOUND THEN\n"
            "      RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format(\n"
            "        'insert or update on table \"message\" names a missing %s (%s)', "
            f"'{table}', NEW.{column});\n"
            "    END IF;\n"
            "  END IF;\n"
            for column, table, _action in self.links
        )
        return (
            f"CREATE FUNCTION {self.check}_row() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n{body}  RETURN NULL;\nEND $$"
        )

    def _parent_functions(self, column: str, table: str, action: str) -> tuple[str, ...]:
        if action == "CASCADE":
            on_delete = f"DELETE FROM message WHERE {column} IN (SELECT id FROM old_rows)"
        else:
            on_delete = (
                f"UPDATE message SET {column} = NULL WHERE {column} IN (SELECT id FROM old_rows)"
            )
        return (
            f"CREATE FUNCTION message_{table}_deleted() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n  {on_delete};\n  RETURN NULL;\nEND $$",
            f"CREATE FUNCTION message_{table}_id_changed() RETURNS trigger LANGUAGE plpgsql "
            "AS $$\nBEGIN\n"
            f"  IF EXISTS (SELECT 1 FROM message WHERE {column} = OLD.id) THEN\n"
            "    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format("
            f"'update on table \"{table}\" changes the id %s, which messages name', OLD.id);\n"
            "  END IF;\n  RETURN NULL;\nEND $$",
            f"CREATE TRIGGER message_{table}_deleted AFTER DELETE ON {table} "
            "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION message_{table}_deleted()",
            # per row, but only when an id changes (never, in the app)
            f"CREATE TRIGGER message_{table}_id_changed AFTER UPDATE OF id ON {table} "
            f"FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) "
            f"EXECUTE FUNCTION message_{table}_id_changed()",
        )

    def create(self) -> tuple[str, ...]:
        """Drop the foreign keys, make the triggers (the rows there are were checked by them)."""
        columns = ", ".join(column for column, _table, _action in self.links)
        changed = " OR ".join(
            f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column, _t, _a in self.links
        )
        return (
            *(
                f"ALTER TABLE message DROP CONSTRAINT {self.constraint(column, table)}"
                for column, table, _action in self.links
            ),
            self._check_function(),
            f"CREATE TRIGGER {self.check}_insert AFTER INSERT ON message "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {self.check}()",
            self._row_check_function(),
            # an UPDATE that moves messages (a client merge) checks row by row, as before:
            # PostgreSQL gives no transition tables to a trigger on some columns only
            f"CREATE TRIGGER {self.check}_update AFTER UPDATE OF {columns} ON message "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {self.check}_row()",
            *(
                sql
                for column, table, action in self.links
                for sql in self._parent_functions(column, table, action)
            ),
        )

    def drop(self) -> tuple[str, ...]:
        """The triggers gone, the foreign keys back (checking every row there is)."""
        statements = [
            f"DROP TRIGGER IF EXISTS {self.check}_update ON message",
            f"DROP TRIGGER IF EXISTS {self.check}_insert ON message",
            f"DROP FUNCTION IF EXISTS {self.check}()",
            f"DROP FUNCTION IF EXISTS {self.check}_row()",
        ]
        for column, table, action in self.links:
            statements += [
                f"DROP TRIGGER IF EXISTS message_{table}_id_changed ON {table}",
                f"DROP TRIGGER IF EXISTS message_{table}_deleted ON {table}",
                f"DROP FUNCTION IF EXISTS message_{table}_id_changed()",
                f"DROP FUNCTION IF EXISTS message_{table}_deleted()",
                f"ALTER TABLE message ADD CONSTRAINT {self.constraint(column, table)} "
                f"FOREIGN KEY ({column}) REFERENCES {table} (id) ON DELETE {action}",
            ]
        return tuple(statements)


MESSAGE_LINKS_V1 = MessageLinks()
