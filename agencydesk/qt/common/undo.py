"""Undo for what a page deleted: a small stack any page pushes onto, which Edit ▸ Undo (Ctrl+Z)
serves, latest first.

A page does not know the window: it emits `undoable` with an `UndoEntry`, and the shell connects
every page's `undoable` to its one `UndoService`. An entry whose page is gone (the database was
closed or restored) is dropped with it, so Ctrl+Z never calls into a deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Signal

MAX_ENTRIES = 20


@dataclass(frozen=True)
class UndoEntry:
    """Undoing one deletion: *name* is what was deleted ("Bu Sari", "the guide “Email”"),
    *undo* brings it back and then calls the function it is given (it may do its work in a
    worker and call it later, or never when that fails), *owner* is the page that can do that;
    *back* is said once it is back (empty: "{name} is back.", which suits one thing)."""

    name: str
    undo: Callable[[Callable[[], None]], None]
    owner: QObject
    back: str = ""


class UndoService(QObject):
    # the latest entry changed (pushed, undone or dropped): the Undo action follows it
    changed = Signal()
    # a sentence for the status bar ("Deleted Bu Sari. Press Ctrl+Z to undo.", "… is back.")
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[UndoEntry] = []

    def push(self, entry: UndoEntry) -> None:
        self._entries.append(entry)
        del self._entries[:-MAX_ENTRIES]
        key = id(entry.owner)
        entry.owner.destroyed.connect(lambda _obj=None: self._forget(key))
        self.changed.emit()
        self.message.emit(self.tr("Deleted {name}. Press Ctrl+Z to undo.").format(name=entry.name))

    def can_undo(self) -> bool:
        return bool(self._live())

    def action_text(self) -> str:
        """The Edit menu's text: what Ctrl+Z would bring back ('&' is not a shortcut)."""
        live = self._live()
        if not live:
            return self.tr("&Undo delete")
        return self.tr("&Undo delete of {name}").format(name=live[-1].name.replace("&", "&&"))

    def undo(self) -> None:
        live = self._live()
        if not live:
            return
        entry = live[-1]
        self._entries.remove(entry)
        self.changed.emit()
        entry.undo(lambda: self._back(entry))

    def _back(self, entry: UndoEntry) -> None:
        if shiboken6.isValid(self):
            self.message.emit(entry.back or self.tr("{name} is back.").format(name=entry.name))

    def clear(self) -> None:
        self._entries.clear()
        self.changed.emit()

    def _live(self) -> list[UndoEntry]:
        return [entry for entry in self._entries if shiboken6.isValid(entry.owner)]

    def _forget(self, owner_key: int) -> None:
        """The page *owner_key* is being destroyed: its entries cannot be undone any more."""
        if not shiboken6.isValid(self):  # the window went first, taking this service along
            return
        self._entries = [entry for entry in self._entries if id(entry.owner) != owner_key]
        self.changed.emit()
