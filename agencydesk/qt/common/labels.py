"""Labels that show text as text: a client's name or note is never read as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "", *, selectable: bool = False, wrap: bool = True) -> QLabel:
    """A label for *text* as typed (``<b>`` stays four characters), wrapped unless *wrap* is
    False; *selectable* lets the user select and copy it (phone numbers, notes, paths)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
