"""A form dialog that never throws away what was typed without asking.

Cancel, Escape and the window's close button all end in `QDialog.reject`; `FormDialog.reject`
first compares what the fields hold with what they held when the dialog was shown, and when
something changed asks "Discard changes?" with *Keep editing* as the safe default. A form without
changes closes at once.

`fill_when_read` fills a form with what it edits: at once on a solo desk, in a worker on a team
desk (the record is round trips to a server a network away, which the window would stand still
for), the fields greyed until then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy.engine import Engine

from agencydesk.core import live
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.long_text import full_text

T = TypeVar("T")


def _value(widget: QWidget) -> Any:
    """What the user can change in *widget* (None for a widget that holds nothing to change)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return full_text(widget)  # a long note still being filled in counts whole
    if isinstance(widget, QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):  # spin boxes and date edits
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def form_state(dialog: QWidget) -> list[Any]:
    """What the user can change in *dialog*'s fields, in the order of its widgets (None for a
    widget without anything to change, so that a field keeps its place)."""
    # a message box or question it showed is its child too, but not a field of the form
    fields = (widget for widget in dialog.findChildren(QWidget) if widget.window() is dialog)
    return [_value(widget) for widget in fields]


def ask_discard_changes(parent: QWidget) -> bool:
    """Ask whether to throw away the changes in a form; True for *Discard*. *Keep editing* is
    the default, and Escape answers it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FormDialog", "Discard changes?"))
    box.setText(
        QCoreApplication.translate(
            "FormDialog", "You changed this form. Close it and lose those changes?"
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("FormDialog", "Discard")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("FormDialog", "Keep editing")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard


class FormDialog(QDialog):
    """A dialog with fields over the database: closing it with changes asks first (see the
    module)."""

    _shown_state: list[Any] | None = None

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_state is None:  # the fields as loaded, before the user touched them
            self.remember_state()
        super().showEvent(event)

    def remember_state(self) -> None:
        """The fields as they are now count as unchanged."""
        self._shown_state = form_state(self)

    def has_changes(self) -> bool:
        return self._shown_state is not None and form_state(self) != self._shown_state

    def fill_when_read(
        self,
        read: Callable[[], T],
        fill: Callable[[T], None],
        *,
        waiting: Sequence[QWidget],
        focus: QWidget,
    ) -> None:
        """*fill* the form with what *read* returns (plain values, read with its own Session).

        On a solo desk at once: the form shows filled, and a record that is gone raises here.
        On a team desk in a worker: *waiting* (the fields that need the read, and Save) stay
        greyed until it is done; the form as filled then counts as unchanged, unless she has
        typed meanwhile in a field that did not wait. A record gone meanwhile, or a server out
        of reach, is said in a sentence and the form closes, unless she has typed in it (then
        what waited stays greyed and what she typed can still be saved). *focus*: the field the
        cursor goes to once filled, as it did when the form opened (a greyed field loses it)."""
        if not live.is_team(self._engine):
            fill(read())
            return
        for widget in waiting:
            widget.setEnabled(False)

        def filled(result: T) -> None:
            untouched = not self.has_changes()
            fill(result)
            for widget in waiting:
                widget.setEnabled(True)
            if untouched:
                self.remember_state()
                focus.setFocus()

        def not_read(exc: BaseException, details: str) -> None:
            if self.isVisible():  # closed meanwhile: nobody waits for it
                report_exception(self, exc, details)
                if not self.has_changes():
                    QDialog.reject(self)

        workers.run_task(read, filled, not_read, owner=self, key="form")

    def reject(self) -> None:
        if self.isVisible() and self.has_changes() and not ask_discard_changes(self):
            return
        super().reject()
