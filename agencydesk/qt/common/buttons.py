"""Push buttons and rows of them, as every page and dialog lays them out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from agencydesk.qt.common.labels import text_tooltip


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


def link_button(on_click: Callable[[], object]) -> LinkButton:
    """A flat button drawn as a link (a client's or a ticket's name) that opens what it names."""
    button = LinkButton()
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left; color: palette(link); padding: 0;")
    button.clicked.connect(on_click)
    return button


class LinkButton(QPushButton):
    """A name drawn as a link (`link_button`). A name longer than the room it is given ends in
    "…", the whole of it in the tooltip, instead of making its pane as wide as the name: a long
    guide or ticket title cut the buttons beside it off in a narrow window."""

    # the room a name keeps at the least, in average characters
    LEAST_CHARACTERS = 8

    def __init__(self) -> None:
        super().__init__()
        self._name = ""
        self._tip = ""
        # Preferred, not a push button's Minimum: a layout may then give it less than the whole
        # name (down to `minimumSizeHint`), where a Minimum policy makes the whole name its least
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:  # the whole name, shown whole or not
        return self._name

    def setText(self, text: str) -> None:
        self._name = text
        self.updateGeometry()
        self._fit()

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._fit()

    def _whole(self) -> tuple[QSize, int]:
        """The size the button asks for with the whole name shown (as QPushButton works it
        out: the text's size, grown by the style's frame and margins), and its width beyond
        the text."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self._name
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self._name)
        whole = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, self)
        return whole, whole.width() - text.width()

    def sizeHint(self) -> QSize:
        return self._whole()[0]

    def minimumSizeHint(self) -> QSize:
        whole, padding = self._whole()
        least = padding + self.fontMetrics().averageCharWidth() * self.LEAST_CHARACTERS
        return QSize(min(whole.width(), least), whole.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        whole, padding = self._whole()
        shown = self._name
        if self.width() < whole.width():
            room = self.width() - padding
            shown = self.fontMetrics().elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            QPushButton.setText(self, shown)
        if shown == self._name:
            QPushButton.setToolTip(self, self._tip)
        else:  # the whole name, as text
            lines = [self._name, self._tip] if self._tip else [self._name]
            QPushButton.setToolTip(self, text_tooltip(*lines))


class TwoSidedButtonRow(QWidget):
    """Buttons at the left and at the right of one line, like ``button_row(*left, None,
    *right)``; where that line is too narrow for them all (a longer language, a narrow pane)
    the right-hand ones go to a line of their own below, instead of the row pushing its pane
    into sideways scrolling.

    The buttons are placed by hand, not by a layout: a widget with a layout gets the layout's
    height for a width, and this row's height depends on its width (one line or two), which
    the pane must know in the same pass that gives the width."""

    SPACING = 6

    def __init__(self, left: Sequence[QWidget], right: Sequence[QWidget]) -> None:
        super().__init__()
        self._left, self._right = tuple(left), tuple(right)
        for button in (*self._left, *self._right):
            button.setParent(self)
        # Preferred, not Fixed, in height: a layout caps a Fixed height at the size hint's (one
        # line), whatever `heightForWidth` says
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _width(self, buttons: Sequence[QWidget]) -> int:
        hints = [button.sizeHint().width() for button in self._shown(buttons)]
        return sum(hints) + self.SPACING * max(len(hints) - 1, 0)

    def _one_line_width(self) -> int:
        return self._width(self._left) + self.SPACING + self._width(self._right)

    @staticmethod
    def _shown(buttons: Sequence[QWidget]) -> list[QWidget]:
        return [button for button in buttons if not button.isHidden()]

    def _line_height(self) -> int:
        return max(button.sizeHint().height() for button in (*self._left, *self._right))

    def one_line(self, width: int | None = None) -> bool:
        """Whether every button fits on one line *width* (this row's own width) wide."""
        return self._one_line_width() <= (self.width() if width is None else width)

    def sizeHint(self) -> QSize:
        return QSize(self._one_line_width(), self._line_height())

    def minimumSizeHint(self) -> QSize:
        """As wide as the wider side: the narrowest this row can be laid out in; a line high
        (a layout asks `heightForWidth` for the height it gives)."""
        return QSize(max(self._width(self._left), self._width(self._right)), self._line_height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        line = self._line_height()
        return line if self.one_line(width) else 2 * line + self.SPACING

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        line = self._line_height()
        x = 0
        for button in self._shown(self._left):
            width = button.sizeHint().width()
            button.setGeometry(x, 0, width, line)
            x += width + self.SPACING
        top = 0 if self.one_line() else line + self.SPACING
        x = self.width()
        for button in reversed(self._shown(self._right)):
            width = button.sizeHint().width()
            x -= width
            button.setGeometry(x, top, width, line)
            x -= self.SPACING
