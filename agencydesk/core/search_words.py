"""Which words of a search match as prefixes: one rule for SQLite (`search`) and PostgreSQL
(`search_pg`), so both engines find the same.

Every word must match. The last word is the one still being typed (the search runs while one
types), so it matches as a prefix: "tidak bisa log" finds "login". The words before it were typed
whole and match whole words: "bisa" does not find "bisanya". Each prefix makes the index merge
every term that starts with it; with every word a prefix, "tidak bisa login" read 42-60 ms of a
million messages' index, with the last alone about 3 ms. A lone letter is a whole word even when
last: as a prefix it would match most of the desk.
"""

from __future__ import annotations

from collections.abc import Sequence


def prefixes(words: Sequence[str]) -> list[bool]:
    """For each of *words* (in the order typed): whether it matches as a prefix."""
    last = len(words) - 1
    return [index == last and len(word) > 1 for index, word in enumerate(words)]


def every_word_query(words: Sequence[str], *, whole: str, prefix: str, joiner: str) -> str | None:
    """*words* as one query in an engine's syntax: each word put into the template *whole*, or
    *prefix* where it matches as a prefix (`prefixes`), joined by *joiner*. None when no words.

    The words hold letters and digits only, so quoting them needs no escapes."""
    if not words:
        return None
    return joiner.join(
        (prefix if is_prefix else whole).format(word)
        for word, is_prefix in zip(words, prefixes(words), strict=True)
    )
