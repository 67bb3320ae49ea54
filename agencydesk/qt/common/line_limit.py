"""A one-line field that takes as many characters as the database keeps.

`QLineEdit.setMaxLength` counts UTF-16 code units, in which an emoji (and any character beyond
the first 65,536) is two: a time note the core allows 500 characters stopped at 250 emoji. The
core counts characters (Python's `len`). So the field lets in twice the limit in units (the
limit in emoji) and takes back what goes past the limit in characters: the end of what was just
typed or pasted, before the cursor, as an edit the user can undo.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def _units(text: str) -> int:
    """*text*'s length as Qt counts it (UTF-16 code units)."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def _characters_before(text: str, units: int) -> int:
    """How many characters of *text* the first *units* UTF-16 units hold."""
    count = 0
    for character in text:
        units -= 2 if ord(character) > 0xFFFF else 1
        if units < 0:
            break
        count += 1
    return count


def limit_characters(edit: QLineEdit, limit: int) -> None:
    """*edit* takes at most *limit* characters (code points, as the core counts them)."""
    edit.setMaxLength(2 * limit)

    def take_back_the_excess(text: str) -> None:
        excess = len(text) - limit
        if excess <= 0:
            return
        cursor = _characters_before(text, edit.cursorPosition())
        start = max(0, cursor - excess)
        end = start + excess
        edit.setSelection(_units(text[:start]), _units(text[start:end]))
        edit.del_()

    edit.textChanged.connect(take_back_the_excess)
