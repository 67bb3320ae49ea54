"""A form dialog that never throws away what was typed without asking.

Cancel, Escape and the window's close button all end in `QDialog.reject`; `FormDialog.reject`
first compares what the fields hold with what they held when the dialog was shown, and when
something changed asks "Discard changes?" with *Keep editing* as the safe default. A form without
changes closes at once.
"""

from __future__ import annotations

from typing import Any

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

from agencydesk.qt.common.long_text import full_text


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
    return [_value(widget) for widget in dialog.findChildren(QWidget)]


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

    def reject(self) -> None:
        if self.isVisible() and self.has_changes() and not ask_discard_changes(self):
            return
        super().reject()
