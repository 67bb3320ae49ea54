"""What every form dialog shares: rows with a plain-words error message under each field (hidden
until there is one), `FieldErrors`, which shows, focuses and clears those messages, and the Save
and Cancel buttons under the form."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from agencydesk.qt.common.dialog_layout import Part, lay_out_dialog

ERROR_STYLE = "color: #b3261e;"


def shared_error_texts() -> dict[str, str]:
    """The words for the error codes that several forms meet, by code."""
    return {
        "too_long": QCoreApplication.translate("FieldErrors", "This is too long."),
        "email_invalid": QCoreApplication.translate(
            "FieldErrors", "This does not look like an email address (name@example.com)."
        ),
        "phone_invalid": QCoreApplication.translate(
            "FieldErrors",
            "A phone number has digits and may start with + (e.g. +62 812 3456 7890).",
        ),
    }


def add_rows_with_errors(
    form: QFormLayout, rows: Iterable[tuple[str, str, QWidget]]
) -> dict[str, QLabel]:
    """Add each (field, caption, widget) row to *form*, with an empty, hidden error label
    under it (object name ``error_<field>``); returns the labels by field."""
    labels: dict[str, QLabel] = {}
    for field, caption, widget in rows:
        form.addRow(caption, widget)
        error = error_label(field)
        form.addRow("", error)
        labels[field] = error
    return labels


class _ErrorLabel(QLabel):
    """A message that asks for the lines it takes at its width, no more: QLabel's size hint
    wraps it at a narrower width it guesses (two lines for a message of one), and a form
    layout gives a row at least that hint's height, a blank line under the message."""

    def sizeHint(self) -> QSize:
        # its height for its width still comes from heightForWidth
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


def error_label(field: str) -> QLabel:
    """An empty, hidden error label for *field* (object name ``error_<field>``)."""
    error = _ErrorLabel()
    error.setObjectName(f"error_{field}")
    error.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote what was typed
    error.setWordWrap(True)
    error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    error.setStyleSheet(ERROR_STYLE)
    error.setVisible(False)
    return error


class FieldErrors:
    """The messages of one form next to its fields: a `ValidationError`'s codes in plain words
    under the fields they are about, the first bad field focused, a message gone once the field
    is edited."""

    def __init__(
        self,
        labels: Mapping[str, QLabel],
        texts: Mapping[str, str],
        focus: Mapping[str, QWidget] | None = None,
        *,
        fit: Callable[[], None] | None = None,
    ) -> None:
        """*labels*: field -> its error label (fields may share one).
        *texts*: the plain words for the form's own error codes (`shared_error_texts` has the
        common ones). *focus*: field -> the widget to focus, in the order of the form.
        *fit*: resizes the dialog once messages are shown (they may take two lines)."""
        self.labels = dict(labels)
        self._texts = {**shared_error_texts(), **texts}
        self._focus = dict(focus or {})
        self._fit = fit

    def text(self, code: str) -> str:
        """The plain words for error *code* (the code itself when it is unknown)."""
        return self._texts.get(code, code)

    def show(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Show the messages for *errors* (field -> code), hide the others, focus the first
        bad field; returns the errors of fields that have no label here."""
        shown: dict[QLabel, str] = {}
        for field, code in errors.items():
            label = self.labels.get(field)
            if label is not None:
                shown[label] = self.text(code)
        for label in set(self.labels.values()):
            label.setText(shown.get(label, ""))
            label.setVisible(label in shown)
        if self._fit is not None:
            self._fit()
        first = next((field for field in self._focus if field in errors), None)
        if first is not None:
            self._focus[first].setFocus()
        return {field: code for field, code in errors.items() if field not in self.labels}

    def show_one(self, field: str, code: str) -> None:
        """Show one message, leaving the others as they are (a check made in the form)."""
        label = self.labels[field]
        label.setText(self.text(code))
        label.setVisible(True)

    def clear(self, *fields: str) -> None:
        """Hide the messages of *fields* (of every field when none is named)."""
        for field in fields or tuple(self.labels):
            label = self.labels[field]
            label.clear()
            label.setVisible(False)

    def clear_when_edited(self, edits: Mapping[str, QLineEdit]) -> None:
        """A field's message goes as soon as the user edits it."""
        for field, edit in edits.items():
            edit.textEdited.connect(lambda _text, f=field: self.clear(f))


def save_cancel_layout(
    dialog: QDialog, save: Callable[[], None], parts: Iterable[Part], *, min_width: int = 0
) -> QDialogButtonBox:
    """Lay out *parts* (widgets, layouts, a number for some space) top to bottom in *dialog*,
    with Save (calls *save*) and Cancel under them; at least *min_width* wide."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    lay_out_dialog(dialog, parts, buttons, save, min_width=min_width)
    return buttons
