"""Long texts (a 1 MB note pasted before notes had a limit) shown without freezing the window.

Laying out a whole megabyte in a word-wrapped label took seconds on the GUI thread, every time
the client was chosen, and at start-up. A label now shows `preview` (the start of the text, a
few lines), and a text box gets the whole text a piece at a time (`fill_gradually`), between
which the window keeps answering clicks and keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QWidget

from agencydesk.core.shorten import boundary
from agencydesk.qt.common.dialog_layout import top_to_bottom

PREVIEW_CHARS = 600
PREVIEW_LINES = 8
# characters put into a text box per turn of the event loop (a few milliseconds of layout)
CHUNK_CHARS = 16_000


def preview(text: str) -> tuple[str, bool]:
    """The start of *text* that a label shows quickly, and whether that leaves something out
    (then the preview ends with "…")."""
    lines = text.split("\n", PREVIEW_LINES)
    short = "\n".join(lines[:PREVIEW_LINES])
    if len(short) > PREVIEW_CHARS:
        cut = short.rfind(" ", PREVIEW_CHARS // 2, PREVIEW_CHARS)
        short = short[: cut if cut > 0 else boundary(short, PREVIEW_CHARS)]
    if len(short) == len(text):
        return text, False
    return short.rstrip() + " …", True


def _pieces(text: str) -> Iterator[str]:
    """*text* in pieces of about `CHUNK_CHARS`, cut after a line break where there is one."""
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            newline = text.rfind("\n", start, end)
            end = newline + 1 if newline > start else end
        yield text[start:end]
        start = end


class _GradualFill(QObject):
    """Pours one text into one text box; a new fill of the same box stops the old one."""

    def __init__(self, edit: QPlainTextEdit, text: str, done: Callable[[], None] | None) -> None:
        super().__init__(edit)
        self.setObjectName("gradualFill")
        self.edit = edit
        self.text = text
        self._done = done
        self._read_only = edit.isReadOnly()
        self._pieces = _pieces(text)
        edit.setReadOnly(True)  # typing into half a text would be lost or misplaced
        edit.setUndoRedoEnabled(False)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def _step(self) -> None:
        piece = next(self._pieces, None)
        if piece is None:
            self.stop()
            if self._done is not None:
                self._done()
            return
        cursor = QTextCursor(self.edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece)

    def stop(self) -> None:
        self._timer.stop()
        self.edit.setReadOnly(self._read_only)
        self.edit.setUndoRedoEnabled(True)
        self.edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.setParent(None)
        self.deleteLater()


def _running(edit: QPlainTextEdit) -> _GradualFill | None:
    return edit.findChild(_GradualFill, "gradualFill")


def fill_gradually(edit: QPlainTextEdit, text: str, done: Callable[[], None] | None = None) -> None:
    """Show *text* in *edit*: at once when short, else a piece per turn of the event loop
    (read-only meanwhile). *done* is called once all of it is in."""
    running = _running(edit)
    if running is not None:
        running.stop()
    if len(text) <= CHUNK_CHARS:
        edit.setPlainText(text)
        if done is not None:
            done()
        return
    edit.clear()
    _GradualFill(edit, text, done)


def full_text(edit: QPlainTextEdit) -> str:
    """What *edit* holds, or will hold once `fill_gradually` is done."""
    running = _running(edit)
    return running.text if running is not None else edit.toPlainText()


def is_filling(edit: QPlainTextEdit) -> bool:
    return _running(edit) is not None


class TextViewerDialog(QDialog):
    """The whole of a long text, read-only, filled in without freezing the window."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 520)
        self.text = QPlainTextEdit()
        self.text.setObjectName("longText")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top_to_bottom((self.text, buttons), self)
        fill_gradually(self.text, text)
