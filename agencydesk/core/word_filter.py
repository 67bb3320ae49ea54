"""The search box of the lists: every word the user typed (up to `MAX_WORDS`) must appear in one
of some columns.

A LIKE pattern, not FTS5: the lists filter while typing on a few columns, and a word matches
anywhere inside a value ("pos" finds "hosting"), case-insensitively.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

#: The SQLite function (registered on every connection by core.db) that lowers every letter as
#: Python does. SQLite's own lower() knows only A–Z, PostgreSQL's every letter: "école" found
#: "ÉCOLE" on a team desk and not on a solo desk.
SQLITE_LOWER = "agencydesk_lower"


class unicode_lower(sa.sql.functions.GenericFunction[str]):  # noqa: N801 (a SQL function)
    """lower() of every letter on both engines (PostgreSQL's own; on SQLite `SQLITE_LOWER`)."""

    type = sa.String()
    inherit_cache = True


@compiles(unicode_lower, "sqlite")
def _sqlite_lower(element: unicode_lower, compiler: SQLCompiler, **kw: object) -> str:
    return f"{SQLITE_LOWER}({compiler.process(element.clauses, **kw)})"


@compiles(unicode_lower)
def _lower(element: unicode_lower, compiler: SQLCompiler, **kw: object) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


#: The most words of a search a list looks for. Each word is one more condition ANDed onto the
#: others, and a search box filled by a paste (a message, a log) has hundreds: SQLite refuses an
#: expression deeper than 1,000 ("Expression tree is too large", from 992 words on) and building
#: the query took seconds before that (20,000 words: 46 s). No one types 32 words to find a
#: row, and the rows holding the first 32 words of a paste are those it was pasted to find.
MAX_WORDS = 32


def search_words(search: str) -> list[str]:
    """The words of *search* a list looks for: the first `MAX_WORDS` different ones, in the
    order typed. A word met again (in any case) is dropped: it asks for nothing more."""
    words: dict[tuple[str, bool], str] = {}
    for word in search.split():
        # what a word's condition depends on: its lower case, and which lower() reads it
        words.setdefault((word.lower(), word.isascii()), word)
        if len(words) == MAX_WORDS:
            break
    return list(words.values())


def like_pattern(word: str) -> str:
    """``%word%`` in lower case, with LIKE's wildcards escaped by a backslash (use
    ``ESCAPE '\\'``), so that "100%" or "s_2" match themselves."""
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def every_word_in(
    search: str, columns: Iterable[sa.ColumnExpressionArgument[str]]
) -> list[sa.ColumnElement[bool]]:
    """One condition per word of *search*: the word is in (the lower case of) one of *columns*.
    Accents written apart from their letters (pasted from a Mac or a PDF) are joined to them, as
    typed ones are and as names are stored."""
    columns = list(columns)
    search = unicodedata.normalize("NFC", search)
    return [
        sa.or_(*(lowered(column, word).like(like_pattern(word), escape="\\") for column in columns))
        for word in search_words(search)
    ]


def lowered(column: sa.ColumnExpressionArgument[str], word: str) -> sa.ColumnElement[str]:
    # An ASCII word matches the same whichever lower() (a letter beyond A–Z stays beyond ASCII
    # either way), and SQLite's own runs without a call into Python for every row.
    return sa.func.lower(column) if word.isascii() else unicode_lower(column)
