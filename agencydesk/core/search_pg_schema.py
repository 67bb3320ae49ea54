"""The full-text search schema on PostgreSQL as SQL, one frozen version per schema change.

The PostgreSQL counterpart of `search_schema` (SQLite FTS5): each searched table gets a
``search_vector`` tsvector column, generated from the searched columns (so every insert, update,
COPY and cascade keeps it right without a trigger), and a GIN index over it. The words go through
the text search configuration ``agencydesk_search``: PostgreSQL's ``simple`` (lower case, no
stemming: the chats are Indonesian and English, and stemming either one surprises users of the
other) with ``unaccent`` before it where the extension exists, so "cafe" finds "Café" as on SQLite.

Tokens: SQLite's unicode61 tokenizer splits at every punctuation mark, PostgreSQL's parser keeps
e-mail addresses, host names, paths and decimals whole ("INV/2024/0012", "ratna@gmail.com"), so
"gmail" would not find the address. ASCII punctuation becomes a space before the parser sees the
text (`translate`, which needs no locale), and words match the same way on both engines.

As with `search_schema`, a version is never edited once a migration has used it.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from sqlalchemy import Connection

CONFIG = "agencydesk_search"
#: ASCII punctuation and symbols: turned into spaces before the text search parser runs
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


#: the same characters as a regular expression (code point ranges, no locale): V2 and later
PUNCTUATION_RE = r"[!-/:-@[-`{-~]"
#: the token types that may hold letters with accents (the rest are ASCII: nothing to unaccent)
ACCENTED_TOKENS = "word, hword, hword_part, numword, hword_numpart"
ASCII_TOKENS = "asciiword, asciihword, hword_asciipart"


def plain(column: str, regexp: bool = False) -> str:
    """SQL: *column* with its ASCII punctuation turned into spaces (see the module's note).
    *regexp*: with ``regexp_replace``, which gives the same text as ``translate`` in a sixth of
    the time (translate looks each character up in its list)."""
    if regexp:
        return f"regexp_replace(coalesce({column}, ''), {_literal(PUNCTUATION_RE)}, ' ', 'g')"
    spaces = " " * len(PUNCTUATION)
    return f"translate(coalesce({column}, ''), {_literal(PUNCTUATION)}, {_literal(spaces)})"


def vector(columns: tuple[str, ...], weight: str, regexp: bool = False) -> str:
    """SQL: the tsvector of *columns* (joined by spaces) with the rank weight *weight* (none
    when empty: the table is not ranked)."""
    text = " || ' ' || ".join(plain(column, regexp) for column in columns)
    found = f"to_tsvector('{CONFIG}'::regconfig, {text})"
    return f"setweight({found}, '{weight}')" if weight else found


@dataclass(frozen=True)
class PgSearchSchema:
    #: table → ((weight, columns), ...): A counts most when ranking, D least
    tables: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    column: str = "search_vector"
    #: punctuation removed by regexp_replace (V2) rather than translate (V1): the same text
    regexp: bool = False
    #: unaccent runs on ASCII words too (V1): the same lexemes, 40% more time per message
    unaccent_ascii: bool = True

    def index_name(self, table: str) -> str:
        return f"ix_{table}_search"

    def create_config(self, unaccent: bool) -> tuple[str, ...]:
        words = ACCENTED_TOKENS + (f", {ASCII_TOKENS}" if self.unaccent_ascii else "")
        statements = [f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)"]
        if unaccent:
            statements.append(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {words} "
                "WITH unaccent, simple"
            )
        return tuple(statements)

    def create_table_index(self, table: str) -> tuple[str, str]:
        groups = self.tables[table]
        parts = " || ".join(vector(columns, weight, self.regexp) for weight, columns in groups)
        return (
            f"ALTER TABLE {table} ADD COLUMN {self.column} tsvector "
            f"GENERATED ALWAYS AS ({parts}) STORED",
            f"CREATE INDEX {self.index_name(table)} ON {table} USING gin ({self.column})",
        )

    def drop_table_index(self, table: str) -> tuple[str, str]:
        return (
            f"DROP INDEX IF EXISTS {self.index_name(table)}",
            f"ALTER TABLE {table} DROP COLUMN IF EXISTS {self.column}",
        )

    def drop_config(self) -> str:
        return f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}"


PG_V1 = PgSearchSchema(
    tables={
        # the weights follow SQLite's bm25 weights: name 10, company 5, tags 3, the rest 1–2
        "client": (
            ("A", ("name",)),
            ("B", ("company",)),
            ("C", ("tags",)),
            ("D", ("city", "caution_note", "notes")),
        ),
        "ticket": (("A", ("title",)),),
        "message": (("A", ("body", "sender")),),
        # title 10, tags 3, body 1
        "guide": (("A", ("title",)), ("C", ("tags",)), ("D", ("body",))),
    },
)

PG_V2 = PgSearchSchema(
    tables={
        **PG_V1.tables,
        # not ranked (newest first): no weight to store
        "ticket": (("", ("title",)),),
        "message": (("", ("body", "sender")),),
    },
    regexp=True,
    unaccent_ascii=False,
)

#: the search schema the newest migration made on PostgreSQL
PG_CURRENT = PG_V2


def unaccent_installed(connection: Connection) -> bool:
    """The ``unaccent`` extension is installed in this database."""
    found = connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
    return found.first() is not None


def _drop_message_triggers(*names: str) -> tuple[str, ...]:
    """Drop the triggers *names* on message, then their functions (each named as its trigger)."""
    return (
        *(f"DROP TRIGGER IF EXISTS {name} ON message" for name in names),
        *(f"DROP FUNCTION IF EXISTS {name}()" for name in names),
    )


@dataclass(frozen=True)
class MessageWords:
    """Every word (lexeme) of the messages, in a table of its own: the search turns a typed
    prefix ("passw") into the words that start with it ("password", "passwordnya") before asking
    the GIN index. A GIN index answers a prefix by collecting every row of every matching word
    into a bitmap first (30 ms for three common prefixes over a million messages); whole words
    it reads side by side and skips ahead (5 ms).

    Triggers keep the table: after an INSERT (a COPY of an import too) the words of the new rows
    are added with ``ts_stat`` over their ids (it counts words in C, far faster than unnest);
    after an UPDATE, the words of the changed rows. Words of deleted messages stay: they match
    nothing. Frozen per version like the rest of this module.
    """

    table: str = "message_word"
    function_insert: str = "message_word_after_insert"
    function_update: str = "message_word_after_update"
    #: the words go in sorted (V2): two desks adding the same new words at the same moment then
    #: wait for each other in one order, never in a circle (a deadlock, which PostgreSQL breaks
    #: by failing one of them)
    ordered: bool = False

    #: after an UPDATE, the words of rows whose vector was empty (NULL) too (V3): a message
    #: whose vector the server fills after its insert (`MessageVectors`)
    null_changes: bool = False

    def functions(self, replace: bool = False) -> tuple[str, str]:
        """The trigger functions (``CREATE OR REPLACE`` when *replace*)."""
        create = "CREATE OR REPLACE FUNCTION" if replace else "CREATE FUNCTION"
        order = " ORDER BY 1" if self.ordered else ""
        differs = "IS DISTINCT FROM" if self.null_changes else "<>"
        return (
            f"{create} {self.function_insert}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "DECLARE low bigint; high bigint; added bigint;\n"
            "BEGIN\n"
            "  SELECT min(id), max(id), count(*) INTO low, high, added FROM new_rows;\n"
            "  IF added = 0 THEN RETURN NULL; END IF;\n"
            "  IF high - low < 4 * added THEN  -- the new rows are (nearly) a run of ids\n"
            f"    INSERT INTO {self.table} SELECT word FROM ts_stat(format(\n"
            "      'SELECT search_vector FROM message WHERE id BETWEEN %s AND %s', low, high))"
            f"{order}\n"
            "    ON CONFLICT DO NOTHING;\n"
            "  ELSE\n"
            f"    INSERT INTO {self.table}\n"
            f"    SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM new_rows{order}\n"
            "    ON CONFLICT DO NOTHING;\n"
            "  END IF;\n"
            "  RETURN NULL;\n"
            "END $$",
            f"{create} {self.function_update}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"  INSERT INTO {self.table}\n"
            "  SELECT DISTINCT unnest(tsvector_to_array(n.search_vector))\n"
            "  FROM new_rows n JOIN old_rows o ON o.id = n.id\n"
            f"  WHERE n.search_vector {differs} o.search_vector{order}\n"
            "  ON CONFLICT DO NOTHING;\n"
            "  RETURN NULL;\n"
            "END $$",
        )

    def create(self) -> tuple[str, ...]:
        return (
            f'CREATE TABLE {self.table} (word text COLLATE "C" PRIMARY KEY)',
            *self.functions(),
            f"CREATE TRIGGER {self.function_insert} AFTER INSERT ON message "
            f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {self.function_insert}()",
            f"CREATE TRIGGER {self.function_update} AFTER UPDATE ON message "
            f"REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {self.function_update}()",
            f"INSERT INTO {self.table} "
            "SELECT word FROM ts_stat('SELECT search_vector FROM message')",
        )

    def drop(self) -> tuple[str, ...]:
        return (
            *_drop_message_triggers(self.function_update, self.function_insert),
            f"DROP TABLE IF EXISTS {self.table}",
        )


MESSAGE_WORDS_V1 = MessageWords()
MESSAGE_WORDS_V2 = MessageWords(ordered=True)
MESSAGE_WORDS_V3 = MessageWords(ordered=True, null_changes=True)


@dataclass(frozen=True)
class MessageVectors:
    """The message search column as a plain column (migration 0015), no longer generated: a
    generated column makes the server parse every text of an import (half the server's time
    on a million messages), where a chat import sends most vectors made (`message_vector`).

    The column holds ``strip(to_tsvector(…))`` of body and sender as PG_V2 reads them (rows
    from before 0015 keep their positions: the same words). What arrives without one (every
    insert but an import's, and an import's non-ASCII texts) gets it from one UPDATE per
    statement after the insert; a changed body or sender gets it again before the update.
    Frozen per version like the rest of this module."""

    function: str = "message_search_vector"
    fill_function: str = "message_vector_after_insert"
    refresh_function: str = "message_vector_before_update"

    def expression(self, body: str, sender: str) -> str:
        return f"{self.function}({body}, {sender})"

    def create(self) -> tuple[str, ...]:
        text = " || ' ' || ".join(plain(column, regexp=True) for column in ("body", "sender"))
        return (
            f"CREATE FUNCTION {self.function}(body text, sender text) RETURNS tsvector "
            "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
            f"$$ SELECT strip(to_tsvector('{CONFIG}'::regconfig, {text})) $$",
            f"CREATE FUNCTION {self.fill_function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"  UPDATE message SET search_vector = {self.expression('body', 'sender')}\n"
            "  WHERE id = ANY (ARRAY(SELECT id FROM new_rows WHERE search_vector IS NULL));\n"
            "  RETURN NULL;\n"
            "END $$",
            # named to run before message_word's trigger (same event: by name), which reads
            # the vectors
            f"CREATE TRIGGER {self.fill_function} AFTER INSERT ON message "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {self.fill_function}()",
            f"CREATE FUNCTION {self.refresh_function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"  NEW.search_vector := {self.expression('NEW.body', 'NEW.sender')};\n"
            "  RETURN NEW;\n"
            "END $$",
            f"CREATE TRIGGER {self.refresh_function} BEFORE UPDATE OF body, sender ON message "
            "FOR EACH ROW WHEN (NEW.body IS DISTINCT FROM OLD.body "
            "OR NEW.sender IS DISTINCT FROM OLD.sender) "
            f"EXECUTE FUNCTION {self.refresh_function}()",
        )

    def drop(self) -> tuple[str, ...]:
        return (
            *_drop_message_triggers(self.refresh_function, self.fill_function),
            f"DROP FUNCTION IF EXISTS {self.function}(text, text)",
        )


MESSAGE_VECTORS_V1 = MessageVectors()


#: ASCII letters and digits as they are (capitals lowered), every other byte a space: PG_V2's
#: punctuation and the control characters, which the text search parser reads as blanks too
_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and chr(byte).isalnum() else 32 for byte in range(256)
).lower()
#: a digit, "e", a digit: the parser reads "2e10x" as the number 2e10 and the word x
_EXPONENT = re.compile(rb"[0-9]e[0-9]")
#: above this many characters the server makes the vector (its words must stay under 2,048)
VECTOR_MOST_CHARS = 2000
#: a tsvector's word count in its binary form
_COUNT = struct.Struct(">i")
_NO_WORDS = _COUNT.pack(0)


def message_vector_text(body: str, sender: str) -> str | None:
    """The search column of a message, ``strip(to_tsvector(…))`` of its body and sender as
    PG_V2 makes it (`MessageVectors`), as tsvector text: made here, a big import does not make
    the server parse a million texts. ``None`` where this cannot promise the server's words:
    the server makes those.

    Promised for ASCII text: every run of letters and digits is one word of the parser, which
    'simple' lower-cases (unaccent has nothing to do), except a run with digit-e-digit, which it
    may cut in two ("2e10x": 2e10 and x); for short texts (the parser skips words over 2,047
    bytes, tsvector's input refuses them). The text is the words with spaces between them: the
    server's tsvector input sorts them and drops repeats. No positions: the messages are not
    ranked and the search has no phrases. tests/core/test_search_pg_vector.py compares it with
    the server's over many texts."""
    words = _ascii_words(body, sender)
    return None if words is None else words.decode()


def message_vector(body: str, sender: str) -> bytes | None:
    """`message_vector_text` in tsvector's binary form, as a chat import sends it (binary COPY:
    the server then parses no text at all): the number of words, then each word ending in a
    zero byte and a zero count of positions. Binary input takes the words as they come, so
    repeats are dropped here (a repeat would be a second entry); it sorts them itself."""
    words = _ascii_words(body, sender)
    if words is None:
        return None
    distinct = set(words.split())
    if not distinct:
        return _NO_WORDS
    return _COUNT.pack(len(distinct)) + b"\0\0\0".join(distinct) + b"\0\0\0"


def _ascii_words(body: str, sender: str) -> bytes | None:
    """The words of an ASCII message with spaces between them, or None (`message_vector_text`)."""
    text = f"{body} {sender}"
    if not text.isascii() or len(text) > VECTOR_MOST_CHARS:
        return None
    plain = text.encode().translate(_WORD_BYTES)
    if _EXPONENT.search(plain):
        return None
    return plain
