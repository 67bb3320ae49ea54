"""Typing / and a name in the reply box offers the saved replies whose name starts so ("/tr" →
transfer, tracking-link); Enter or Tab (or a click) puts the chosen one in place of "/tr", in the
client's language with the placeholders filled in. Escape closes the list and keeps what was
typed. A "/" inside a word (a web address, "and/or") offers nothing.

The list is a QCompleter popup over the text cursor; its rows come from the database as the name
is typed, so the completer's own filtering is not used.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QPlainTextEdit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import saved_replies
from agencydesk.core.errors import UserError

# "/" at the start of the text or after a space, then what is typed of a name, up to the cursor
_TYPED = re.compile(r"(?:^|\s)/([A-Za-z0-9-]*)$")
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW = 60
_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape)


class SavedReplyPicker(QObject):
    """*client_id()* is the client of the ticket shown (None: nothing to fill in for)."""

    def __init__(
        self,
        engine: Engine,
        reply: QPlainTextEdit,
        client_id: Callable[[], int | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._reply = reply
        self._client_id = client_id
        self._ids: dict[str, int] = {}
        # who signs ({my_name}): the name in Settings ▸ Your name, set by the window
        self.my_name = ""
        # saved reply id → the text put in for it since the reply box was last emptied; the
        # ticket view records those still in the reply when it is added (`forget` after)
        self.inserted: dict[int, str] = {}
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(reply)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.activated[str].connect(self.insert)
        reply.textChanged.connect(self._typed)
        # the list takes the keys while it is open; ours go first (filters installed later run
        # first), before the completer hands Enter to the reply box, which would add a line
        self.completer.popup().installEventFilter(self)

    def _typed_name(self) -> tuple[int, str] | None:
        """(where the "/" is, the name typed after it) when the cursor ends such a word."""
        cursor = self._reply.textCursor()
        if cursor.hasSelection():
            return None
        before = self._reply.toPlainText()[: cursor.position()]
        match = _TYPED.search(before)
        if match is None:
            return None
        return match.start(1) - 1, match.group(1)

    def _typed(self) -> None:
        typed = self._typed_name()
        popup = self.completer.popup()
        if typed is None or self._client_id() is None:
            popup.hide()
            return
        with Session(self._engine) as session:
            found = saved_replies.list_replies(session=session, starting=typed[1])
        self.model.clear()
        self._ids = {row.name: row.id for row in found}
        for row in found:
            words = " ".join((row.text_id or row.text_en).split())
            preview = words if len(words) <= _PREVIEW else words[: _PREVIEW - 1] + "…"
            item = QStandardItem(f"/{row.name}   {preview}")
            item.setData(row.name, NAME_ROLE)
            self.model.appendRow(item)
        if not found:
            popup.hide()
            return
        place = self._reply.cursorRect()
        place.setWidth(min(480, self._reply.width()))
        self.completer.complete(place)
        popup.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the list is open, Enter and Tab choose and Escape closes it (Enter would
        otherwise also start a new line, and Ctrl+Enter add the message)."""
        if (
            watched is self.completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _CHOOSE_KEYS
        ):
            if event.key() == Qt.Key.Key_Escape:
                self.completer.popup().hide()
            else:
                index = self.completer.popup().currentIndex()
                self.completer.popup().hide()
                if index.isValid():
                    self.insert(str(index.data(NAME_ROLE)))
            return True
        return super().eventFilter(watched, event)

    def insert(self, name: str) -> None:
        """Put the saved reply *name*, filled in for the client, in place of "/name"."""
        typed, client_id, reply_id = self._typed_name(), self._client_id(), self._ids.get(name)
        if typed is None or client_id is None or reply_id is None:
            return
        try:
            with Session(self._engine) as session:
                filled = saved_replies.fill_reply(
                    session=session, reply_id=reply_id, client_id=client_id, my_name=self.my_name
                )
        except UserError:
            return  # deleted meanwhile: the typed "/name" stays as it is
        cursor = self._reply.textCursor()
        cursor.setPosition(typed[0], cursor.MoveMode.KeepAnchor)
        cursor.insertText(filled.text)
        self._reply.setTextCursor(cursor)
        self.inserted[reply_id] = filled.text

    def forget(self) -> None:
        """The reply box was added or now shows another ticket's draft: nothing inserted."""
        self.inserted = {}
