"""How a page, a pane or a dialog stacks its parts (`top_to_bottom`), and how a dialog puts a
button box under them, whose accept runs the dialog's action and whose Cancel (and Escape)
rejects. Written once so that every dialog wires its buttons the same way, and so that a layout
reads as the list of what it shows, not as one addWidget line a part."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# what `top_to_bottom` stacks: a widget, a layout, a number (that much space), `STRETCH`, or a
# widget or layout with its stretch (and, for a widget, its alignment), as addWidget and
# addLayout take them
Part = (
    QWidget
    | QLayout
    | int
    | None
    | tuple[QWidget | QLayout, int]
    | tuple[QWidget, int, Qt.AlignmentFlag]
)
# a part that takes the room left (a stretch): the parts after it keep to the bottom
STRETCH = None


def top_to_bottom(
    parts: Iterable[Part],
    owner: QWidget | None = None,
    *,
    margins: tuple[int, int, int, int] | None = None,
    spacing: int | None = None,
) -> QVBoxLayout:
    """A vertical layout of *parts*, top to bottom (see `Part`), set on *owner* when given
    (else for nesting in another layout); *margins* (left, top, right, bottom) and *spacing*
    replace the style's."""
    layout = QVBoxLayout(owner) if owner is not None else QVBoxLayout()
    if margins is not None:
        layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    for part in parts:
        if part is None:
            layout.addStretch(1)
        elif isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, tuple):
            if isinstance(part[0], QLayout):
                layout.addLayout(part[0], part[1])
            else:
                layout.addWidget(*part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


def scrolling(widget: QWidget, *, sideways: bool = True) -> QScrollArea:
    """*widget* in a frameless scroll area that keeps it as wide as itself, scrolling up and down
    where it is taller; *sideways* False: never sideways either (what is wider is cut)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


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
    *,
    min_width: int = 0,
) -> QVBoxLayout:
    """Lay out *parts* top to bottom in *dialog* with *buttons* under them: accepting calls
    *accept* (None: its accept role is wired by the caller), Cancel rejects. Parts that can grow
    (an editor, a splitter) share the height left. The dialog is at least *min_width* wide
    (`at_least_wide`)."""
    if accept is not None:
        buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout = top_to_bottom((*parts, buttons), dialog)
    if min_width:
        at_least_wide(dialog, min_width)
    return layout


def at_least_wide(dialog: QWidget, width: int) -> None:
    """*dialog* (laid out top to bottom) at least *width* wide, and never narrower than what
    it holds needs. Not `setMinimumWidth`: an explicit minimum replaces the one the layout works
    out, so a dialog could be narrower than its content, and a longer language was cut off (the
    report's "Rujukan Anda" box in Indonesian). A strut is one more constraint beside them."""
    layout = dialog.layout()
    assert isinstance(layout, QBoxLayout), "lay the dialog out first"
    margins = layout.contentsMargins()
    layout.addStrut(width - margins.left() - margins.right())  # the strut is inside them


def tall_enough(dialog: QWidget) -> None:
    """*dialog* at least as tall as what it holds needs at its width now. A window is not grown
    by its layout when a wrapped text it shows gets longer after it is shown (a sentence read in
    a worker, another choice described): the text's last lines were cut off."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = dialog.heightForWidth(dialog.width())
    if needed < 0:
        needed = layout.sizeHint().height()
    if dialog.height() < needed:
        dialog.resize(dialog.width(), needed)


def height_for_width(dialog: QWidget) -> None:
    """*dialog* as tall as what it holds needs at its width now: for messages shown or hidden
    under a form's fields. Not `adjustSize`, which works the height out for the width the
    layout would like, narrower than the dialog: the wrapped messages took one line where they
    had two (the rows under them squeezed, the last one cut off) or two where they had one."""
    layout = dialog.layout()
    if layout is None:
        return
    for form in dialog.findChildren(QFormLayout):
        # a form keeps one table of row heights for the two widths it remembers (its size
        # hint's, narrower, and the last one asked for), and laid its rows out at its width with
        # the other width's table: a message took the two lines it needs at the narrower width
        form.invalidate()
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else -1
    if needed < 0:
        needed = layout.totalSizeHint().height()
    dialog.resize(dialog.width(), max(needed, layout.totalMinimumSize().height()))
