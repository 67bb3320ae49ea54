"""Push buttons and rows of them, as every page and dialog lays them out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def push_button(text: str, on_click: Callable[[], object], *, name: str = "") -> QPushButton:
    """A button that calls *on_click* when clicked; *name* is the object name that tests and
    style sheets find it by. A slot with optional arguments is wrapped in a lambda by the caller
    (Qt would pass it the button's `checked`)."""
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    button.clicked.connect(on_click)
    return button


def button_row(*widgets: QWidget | None) -> QHBoxLayout:
    """*widgets* side by side, left to right; a None is a stretch that pushes the rest apart."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


def link_button(on_click: Callable[[], object]) -> QPushButton:
    """A flat button drawn as a link (a client's or a ticket's name) that opens what it names."""
    button = QPushButton()
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left; color: palette(link); padding: 0;")
    button.clicked.connect(on_click)
    return button
