"""Typing / and a name in the reply box offers the saved replies whose name starts so ("/tr" →
transfer, tracking-link); Enter or Tab (or a click) puts the chosen one in place of "/tr", in the
client's language with the placeholders filled in. Escape closes the list and keeps what was
typed. A "/" inside a word (a web address, "and/or") offers nothing.

The list is a QCompleter popup over the text cursor; its rows come from the database as the name
is typed, so the completer's own filtering is not used. On a team desk the rows and the chosen
reply are read in workers (each a round trip to a server a network away, on every key typed),
and a reply that comes after what it replaces was changed is not put in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import saved_replies
from agencydesk.core.errors import UserError
from agencydesk.core.saved_replies import FilledReply, SavedReplyRow
from agencydesk.core.shorten import shorten
from agencydesk.qt.common.detail_reading import read_for_desk

# "/" at the start of the text or after a space, then what is typed of a name, up to the cursor
_TYPED = re.compile(r"(?:^|\s)/([A-Za-z0-9-]*)$")
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW = 60
_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape)


@dataclass(frozen=True)
class Typed:
    """ "/name" just before the text cursor: *start* and *end* in the reply box's own positions
    (Qt counts an emoji as two, Python as one), *name* what follows the "/"."""

    start: int
    end: int
    name: str


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

    def _typed_name(self) -> Typed | None:
        """What is typed of a name when the cursor ends "/name"."""
        cursor = self._reply.textCursor()
        if cursor.hasSelection():
            return None
        # the text before the cursor taken by the cursor, not by slicing the whole text at its
        # position: that slice was off by one character for each emoji before it
        line = QTextCursor(cursor)
        line.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        match = _TYPED.search(line.selectedText())
        if match is None:
            return None
        name = match.group(1)  # ASCII, as "/" is: as long for Qt as for Python
        return Typed(cursor.position() - len(name) - 1, cursor.position(), name)

    def _typed(self) -> None:
        typed = self._typed_name()
        if typed is None or self._client_id() is None:
            self.completer.popup().hide()
            return
        engine = self._engine

        def read() -> list[SavedReplyRow]:
            with Session(engine) as session:
                return saved_replies.list_replies(session=session, starting=typed.name)

        read_for_desk(engine, self._reply, read, partial(self._offer, typed), key="reply names")

    def _offer(self, typed: Typed, found: list[SavedReplyRow]) -> None:
        """The saved replies *found* for *typed*, in the list over the cursor, unless what is
        typed changed meanwhile (a newer read is under way, or none is needed)."""
        popup = self.completer.popup()
        if self._typed_name() != typed:
            return
        self.model.clear()
        self._ids = {row.name: row.id for row in found}
        for row in found:
            words = " ".join((row.text_id or row.text_en).split())
            item = QStandardItem(f"/{row.name}   {shorten(words, _PREVIEW)}")
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
        engine, my_name = self._engine, self.my_name

        def fill() -> FilledReply | None:
            try:
                with Session(engine) as session:
                    return saved_replies.fill_reply(
                        session=session, reply_id=reply_id, client_id=client_id, my_name=my_name
                    )
            except UserError:
                return None  # deleted meanwhile: the typed "/name" stays as it is

        read_for_desk(
            engine, self._reply, fill, partial(self._put, typed, reply_id), key="reply text"
        )

    def _put(self, typed: Typed, reply_id: int, filled: FilledReply | None) -> None:
        """*filled* in place of *typed*, if "/name" is still there as it was chosen (on a team
        desk she may have gone on typing meanwhile: then what she typed stays)."""
        if filled is None or self._text_at(typed.start, typed.end) != "/" + typed.name:
            return
        was_after = self._reply.textCursor().position() == typed.end
        cursor = QTextCursor(self._reply.document())
        cursor.setPosition(typed.start)
        cursor.setPosition(typed.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(filled.text)
        if was_after:
            self._reply.setTextCursor(cursor)
        self.inserted[reply_id] = filled.text

    def _text_at(self, start: int, end: int) -> str:
        cursor = QTextCursor(self._reply.document())
        cursor.setPosition(min(start, self._last_position()))
        cursor.setPosition(min(end, self._last_position()), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _last_position(self) -> int:
        cursor = QTextCursor(self._reply.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor.position()

    def forget(self) -> None:
        """The reply box was added or now shows another ticket's draft: nothing inserted."""
        self.inserted = {}
