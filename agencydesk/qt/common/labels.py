"""Labels that show text as text (a client's name or note is never read as HTML), titles in bold,
quieter subtitles, and the sentence a pane shows while nothing is chosen."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def text_tooltip(*lines: str) -> str:
    """A tooltip showing *lines* as typed: Qt renders a tooltip that looks like markup, and a
    name or a title is the user's ("<b>" stays four characters)."""
    return "<p>" + "<br>".join(map(html.escape, lines)) + "</p>"


def plain_label(text: str = "", *, selectable: bool = False, wrap: bool = True) -> QLabel:
    """A label for *text* as typed (``<b>`` stays four characters), wrapped unless *wrap* is
    False; *selectable* lets the user select and copy it (phone numbers, notes, paths)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def labelled_row(form: QFormLayout, title: str, *, selectable: bool = False) -> QLabel:
    """A `plain_label` in a new row of *form* titled *title*, for a fact a pane shows (set with
    setText later): the label and its title are written together, in the order of the rows."""
    label = plain_label(selectable=selectable)
    form.addRow(title, label)
    return label


def bold_label(label: QLabel, scale: float = 1.0) -> QLabel:
    """*label* in bold, *scale* times its usual size (a title or a heading)."""
    font = label.font()
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def muted_label(text: str = "", *, selectable: bool = False) -> QLabel:
    """A plain label in the palette's quieter text colour: a subtitle, a note, a caption."""
    label = plain_label(text, selectable=selectable)
    label.setStyleSheet("color: palette(dark);")
    return label


def detail_title(object_name: str, scale: float) -> QLabel:
    """The bold, larger title of a detail pane (selectable; *object_name* for tests)."""
    label = bold_label(plain_label(selectable=True), scale)
    label.setObjectName(object_name)
    return label


def show_detail_or_empty(detail: QWidget, empty: QLabel, shown: bool) -> None:
    """A detail pane shows its record when *shown*, else the empty-state sentence instead."""
    detail.setVisible(shown)
    empty.setVisible(not shown)


def empty_state_label(text: str = "") -> QLabel:
    """The sentence a detail pane shows in its middle while nothing is chosen, or a list in
    its place while it holds nothing (in the quieter text colour a muted label has)."""
    label = plain_label(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: palette(dark); padding: 24px;")
    return label
