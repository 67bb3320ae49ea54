"""What every delegate that paints its own text starts with: the cell as the view's style draws
it, without the text.

The style draws the background, the hover and selection colours and the focus frame as every
other list of the window has them; a delegate that painted those itself would look wrong in
another style or colour scheme. Only the text is the delegate's own (two lines, a chip, HTML).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


def draw_cell_without_text(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> QStyleOptionViewItem:
    """Draw *index*'s cell as the style does, but with no text; return a copy of *option* set
    up for that cell (its text, font, palette, state and rect) for the delegate to paint the
    text its own way. *option* itself is left as it was."""
    cell = QStyleOptionViewItem(option)
    delegate.initStyleOption(cell, index)
    text, cell.text = cell.text, ""
    widget = cell.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
    cell.text = text
    return cell
