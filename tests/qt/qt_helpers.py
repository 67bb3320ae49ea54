"""Helpers for Qt tests (importable as `qt_helpers`: pytest puts this folder on sys.path)."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from agencydesk.qt.shell.main_window import MainWindow


@dataclass
class DialogAnswerer:
    """Answers the next modal dialogs in order; remembers what each one said."""

    seen: list[QWidget] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    _pending: list[Callable[[QWidget], None]] = field(default_factory=list)

    def then(self, action: Callable[[QWidget], None]) -> DialogAnswerer:
        self._pending.append(action)
        if len(self._pending) == 1:
            QTimer.singleShot(0, self._poll)
        return self

    def click(self, button: QMessageBox.StandardButton) -> DialogAnswerer:
        def press(widget: QWidget) -> None:
            assert isinstance(widget, QMessageBox), f"expected a message box, got {widget!r}"
            widget.button(button).click()

        return self.then(press)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget in self.seen or not widget.isVisible():
            QTimer.singleShot(10, self._poll)
            return
        self.seen.append(widget)
        if isinstance(widget, QMessageBox):
            self.texts.append(widget.text())
        action = self._pending.pop(0)
        try:
            action(widget)
        except BaseException:
            # never leave a modal dialog open after a failed check: the test would hang
            self._pending.clear()
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
            raise
        if self._pending:
            QTimer.singleShot(0, self._poll)

    @property
    def done(self) -> bool:
        return not self._pending


@contextmanager
def statements_on_gui_thread(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements *engine* runs on this (the GUI) thread meanwhile."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def shown_whole(label: QLabel, above: QWidget) -> bool:
    """*label* (wrapped) has the height its lines need and ends above *above*: a window does not
    grow by itself when a text it shows gets longer, and the last lines were cut off."""
    needed = label.heightForWidth(label.width())
    return label.height() >= needed and label.geometry().bottom() < above.y()


def drop_on(widget: QWidget, urls: list[QUrl]) -> bool:
    """Drag *urls* over *widget* as a file manager does, and drop them if it accepts the drag;
    whether it did."""
    data = QMimeData()
    data.setUrls(urls)
    where, copy = QPoint(20, 20), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    entering = QDragEnterEvent(where, copy, data, buttons, keys)
    entering.ignore()
    QApplication.sendEvent(widget, entering)
    if entering.isAccepted():
        QApplication.sendEvent(widget, QDropEvent(where.toPointF(), copy, data, buttons, keys))
    return entering.isAccepted()


def press(
    qtbot: Any,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key press as the user makes it: in the active window (shortcuts need that)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def zip_with_a_picture(folder: Path, chat: bytes, *, damaged: bool = False) -> Path:
    """A WhatsApp export with media, *chat* as its text, with one picture (the chat's
    IMG-20250830-WA0007.jpg); *damaged*: it no longer matches its checksum (the zip reads, the
    picture not)."""
    photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8
    export = folder / "chat.zip"
    with zipfile.ZipFile(export, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("WhatsApp Chat with Bu Sari.txt", chat)
        zf.writestr("IMG-20250830-WA0007.jpg", photo)
    if damaged:
        data = bytearray(export.read_bytes())
        data[data.index(photo) + 100] ^= 0xFF
        export.write_bytes(bytes(data))
    return export


def import_refused(qtbot: Any, wizard: Any) -> Any:
    """From the import wizard's first page, on through the preview to the import, which is
    expected to fail: its page, once it offers to try again."""
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.next()
    wizard.next()  # → import
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.retry_button.isVisible(), timeout=10_000)
    return page


def import_after_the_preview(qtbot: Any, wizard: Any) -> None:
    """From the import wizard's preview, read: into a new ticket of the client, then wait for
    the summary page."""
    wizard.next()  # → who is who
    wizard.next()  # → where
    wizard.target_page.new.setChecked(True)
    wizard.target_page.title_edit.setText("Web toko kue error")
    with qtbot.waitSignal(wizard.import_page.finished, timeout=10_000):
        wizard.next()  # → import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=5_000)


def start_again(qtbot: QtBot, settings_file: Path, db: Path) -> MainWindow:
    """The next start of the desk on *db*: a new window on the settings file read afresh (the
    `settings` fixture's is ``tmp_path / "settings.ini"``), ready."""
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    window = MainWindow(Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)), db)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database()
    return window


def shown_columns(table: QTableView) -> list[str]:
    """The titles of the columns *table* shows, left to right."""
    model = table.model()
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
        if not table.isColumnHidden(column)
    ]
