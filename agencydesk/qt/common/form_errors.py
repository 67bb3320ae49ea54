"""Form rows with a plain-words error message under each field (hidden until there is one)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

ERROR_STYLE = "color: #b3261e;"


def add_rows_with_errors(
    form: QFormLayout, rows: Iterable[tuple[str, str, QWidget]]
) -> dict[str, QLabel]:
    """Add each (field, caption, widget) row to *form*, with an empty, hidden error label
    under it (object name ``error_<field>``); returns the labels by field."""
    labels: dict[str, QLabel] = {}
    for field, caption, widget in rows:
        form.addRow(caption, widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote what was typed
        error.setWordWrap(True)
        error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        form.addRow("", error)
        labels[field] = error
    return labels
