"""An SVG chart in a widget (the spread over time, the generations): made by
`agencydesk.reports.charts` for the widget's size, keeping its proportions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from agencydesk.qt.referrals.tree_drawing import MUTED_COLOUR

if TYPE_CHECKING:
    from types import ModuleType


def charts_module() -> ModuleType | None:
    """agencydesk.reports.charts, imported when a chart is first drawn (not at start-up)."""
    try:
        from agencydesk.reports import charts
    except ImportError:
        return None
    return charts


class SvgChartView(QWidget):
    """An SVG chart that keeps its proportions. The SVG is made for the widget's size (so the
    text keeps its size); while resizing, the last one is scaled until the new one is made."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.svg = ""
        self._factory: Callable[[int, int], str] | None = None
        self._placeholder = ""
        self._made_for = QSize()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.regenerate)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    def sizeHint(self) -> QSize:
        return QSize(720, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 180)

    def set_chart(self, factory: Callable[[int, int], str] | None, placeholder: str = "") -> None:
        """*factory(width, height)* makes the SVG; None shows *placeholder* instead."""
        self._factory = factory
        self._placeholder = placeholder
        self.regenerate()

    def regenerate(self) -> None:
        self._timer.stop()
        if self._factory is None:
            self.svg = ""
            self.renderer.load(QByteArray())
        else:
            width, height = max(self.width(), 320), max(self.height(), 180)
            self.svg = self._factory(width, height)
            self.renderer.load(QByteArray(self.svg.encode("utf-8")))
            self._made_for = QSize(width, height)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._factory is not None and self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._factory is not None and self._made_for != QSize(
            max(self.width(), 320), max(self.height(), 180)
        ):
            self.regenerate()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if self.svg and self.renderer.isValid():
            box = self.renderer.viewBoxF()
            if box.isEmpty():
                box = QRectF(0, 0, 1, 1)
            scale = min(self.width() / box.width(), self.height() / box.height())
            width, height = box.width() * scale, box.height() * scale
            target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
            self.renderer.render(painter, target)
        elif self._placeholder:
            painter.setPen(QColor(MUTED_COLOUR))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
        painter.end()
