"""The one place that makes message boxes: questions, user errors and bug reports.

Every box shows its text as plain text, so a client's name like `<b>x</b>` shows those characters.

A `UserError` is a plain-language message. Anything else is a bug: it is logged with its traceback
to the log file and shown in a dialog with "Copy details"; the database is never left half-written
because every service call runs in its own transaction.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from agencydesk import __version__
from agencydesk.core.errors import UserError, user_error_for
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.connect_problems import problem_sentence
from agencydesk.qt.common.core_sentences import user_text
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.labels import plain_label

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    """ "Something went wrong" with the details folded away and a button to copy them."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.details = details
        message = plain_label(
            self.tr(
                "agencydesk hit a problem it did not expect. Your data is safe: nothing was "
                "half-saved. If it happens again, please send the details to the developers."
            )
        )
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = push_button(self.tr("Copy details"), self.copy_details)
        self.show_button = push_button(self.tr("Show details"), self._toggle_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top_to_bottom((message, self.details_view, buttons), self)
        self.resize(520, 180)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)

    def _toggle_details(self) -> None:
        visible = not self.details_view.isVisible()
        self.details_view.setVisible(visible)
        self.show_button.setText(self.tr("Hide details") if visible else self.tr("Show details"))
        self.adjustSize()


def bug_details(exc: BaseException, formatted_traceback: str | None = None) -> str:
    text = formatted_traceback or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    return f"agencydesk {__version__}, Python {sys.version.split()[0]}\n\n{text}"


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box that shows *text* as typed (a client's name is never read as HTML)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A Yes/No question whose safe answer (No) is the default, unless Yes is harmless and what
    nearly everybody wants (*default_yes*: Enter says Yes)."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box.setDefaultButton(yes if default_yes else no)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_go_on(parent: QWidget | None, title: str, text: str, go_on: str, back: str) -> bool:
    """A question whose answers are named for what they do (*go_on*, the default, or *back*;
    Escape means *back*). True: go on."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    go_button = box.addButton(go_on, QMessageBox.ButtonRole.AcceptRole)
    back_button = box.addButton(back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_button)
    box.setEscapeButton(back_button)
    box.exec()
    return box.clickedButton() is go_button


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def show_user_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    title = title or QApplication.translate("errors", "Cannot do that")
    _message_box(parent, QMessageBox.Icon.Warning, title, message).exec()


def choose_file(parent: QWidget, title: str, folder: str, filters: str) -> str:
    """The file the user picks in an open dialog ("" when they cancel)."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def read_chosen_file(parent: QWidget | None, path: Path) -> bytes | None:
    """The bytes of a file the user chose, or None once a plain message said why not."""
    try:
        return path.read_bytes()
    except OSError as exc:
        show_user_error(
            parent,
            QApplication.translate("errors", "Could not read {file}: {reason}").format(
                file=path.name, reason=exc.strerror or str(exc)
            ),
        )
        return None


def report_exception(
    parent: QWidget | None, exc: BaseException, formatted_traceback: str | None = None
) -> None:
    """Show *exc* as the user should see it: a plain message, or a bug report dialog."""
    if not isinstance(exc, UserError):
        # a team server that cannot be reached, in the window's language (user_error_for has
        # the command line's English)
        unreachable = problem_sentence(exc)
        if unreachable is not None:
            log.info("Connection problem shown: %s", type(exc).__name__)
            show_user_error(parent, unreachable)
            return
        exc = user_error_for(exc) or exc
    if isinstance(exc, UserError):
        log.info("User error shown: %s", type(exc).__name__)
        show_user_error(parent, user_text(exc))
        return
    details = bug_details(exc, formatted_traceback)
    log.error("Unexpected error\n%s", details)
    ErrorDialog(details, parent).exec()
