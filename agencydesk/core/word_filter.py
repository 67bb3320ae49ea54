"""The search box of the lists: every word the user typed must appear in one of some columns.

A LIKE pattern, not FTS5: the lists filter while typing on a few columns, and a word matches
anywhere inside a value ("pos" finds "hosting"), case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa


def like_pattern(word: str) -> str:
    """``%word%`` in lower case, with LIKE's wildcards escaped by a backslash (use
    ``ESCAPE '\\'``), so that "100%" or "s_2" match themselves."""
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def every_word_in(
    search: str, columns: Iterable[sa.ColumnExpressionArgument[str]]
) -> list[sa.ColumnElement[bool]]:
    """One condition per word of *search*: the word is in (the lower case of) one of *columns*."""
    columns = list(columns)
    return [
        sa.or_(*(sa.func.lower(column).like(like_pattern(word), escape="\\") for column in columns))
        for word in search.split()
    ]
