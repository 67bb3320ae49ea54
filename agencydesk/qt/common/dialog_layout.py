"""How a dialog is laid out: its parts top to bottom and a button box under them, whose accept
runs the dialog's action and whose Cancel (and Escape) rejects. Written once so that every dialog
wires its buttons the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QPushButton, QVBoxLayout, QWidget

#: what a dialog stacks: a widget, a layout, a number (that much space), or a widget with its
#: stretch (it takes that share of the height left)
Part = QWidget | QLayout | int | tuple[QWidget, int]


def ok_cancel_buttons(ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named *ok_text*: "Restore", "Connect"…) and Cancel; the box and its OK button."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    return buttons, ok


def lay_out_dialog(
    dialog: QDialog,
    parts: Iterable[Part],
    buttons: QDialogButtonBox,
    accept: Callable[[], None] | None = None,
) -> QVBoxLayout:
    """Lay out *parts* top to bottom in *dialog* with *buttons* under them: accepting calls
    *accept* (None: its accept role is wired by the caller), Cancel rejects. Parts that can grow
    (an editor, a splitter) share the height left."""
    if accept is not None:
        buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, tuple):
            layout.addWidget(*part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addWidget(buttons)
    return layout
