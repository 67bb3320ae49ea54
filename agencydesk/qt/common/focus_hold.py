"""Widgets greyed while something is saved, and the keyboard focus that was on one of them.

Qt passes the focus on to the next widget when the one holding it is disabled. A keyboard user
who pressed Space on Start timer, or chose a status with the arrow keys, found the focus
elsewhere once the widgets were enabled again, and the next key went to the wrong place.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class FocusHold:
    """Enables and disables widgets; the focus one of them had when they were disabled comes
    back to it when it is enabled again, unless the user put it somewhere else meanwhile."""

    def __init__(self) -> None:
        self._holder: QWidget | None = None
        self._moved_to: QWidget | None = None

    def set_enabled(self, widgets: Iterable[QWidget], enabled: bool) -> None:
        widgets = tuple(widgets)
        if not enabled:
            focused = QApplication.focusWidget()
            holder = next((w for w in widgets if w is focused or w.isAncestorOf(focused)), None)
            for widget in widgets:
                widget.setEnabled(False)
            if holder is not None:
                self._holder, self._moved_to = holder, QApplication.focusWidget()
            return
        for widget in widgets:
            widget.setEnabled(True)
        holder, self._holder = self._holder, None
        if holder is None or not holder.isEnabled() or not holder.isVisible():
            return
        if QApplication.focusWidget() in (self._moved_to, None):
            holder.setFocus(Qt.FocusReason.OtherFocusReason)
