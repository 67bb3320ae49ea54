"""The two items of the referral tree's scene (two, not thousands, to stay smooth):

- `EdgesItem`: every link (right-angled connectors, drawn without antialiasing: they are
  horizontal and vertical lines), one `drawLines` call per generation in view;
- `NodesItem`: every client as a circle (area by revenue, colour by generation) and their
  label, painted in one go, with a level of detail: far out the nodes are dots (one `drawPoints`
  per generation) and labels are hidden; closer in the names appear at a constant size on screen,
  shortened with "…" to the room between neighbours; closer still the revenue is added below.

Items are not cached (`NoCache`): a cached picture of a tree this large would be bigger than the
screen and would have to be redrawn at every zoom step anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

# scene units between neighbours, between subtrees and between generations
from agencydesk.qt.referrals.tree_drawing import (
    DOTS_BELOW_PX,
    EDGE_COLOUR,
    LABEL_COLOUR,
    LABEL_HEIGHT_PX,
    LABEL_MAX_PX,
    LABEL_SPILL,
    LEVEL_DISTANCE,
    MUTED_COLOUR,
    NAMES_FROM_SCALE,
    REVENUE_FROM_SCALE,
    SELECTED_COLOUR,
    DrawnTree,
)
from agencydesk.reports.palette import generation_colour


class EdgesItem(QGraphicsItem):
    def __init__(self, bands: list[list[QLineF]], bounds: QRectF) -> None:
        super().__init__()
        self._bands = bands
        self._bounds = bounds
        pen = QPen(QColor(EDGE_COLOUR), 1.2)
        pen.setCosmetic(True)
        self._pen = pen
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # horizontal and vertical lines: crisp without antialiasing, and faster
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        exposed = option.exposedRect
        for level, band in enumerate(self._bands):
            top = level * LEVEL_DISTANCE
            if band and top <= exposed.bottom() and top + LEVEL_DISTANCE >= exposed.top():
                painter.drawLines(band)


class NodesItem(QGraphicsItem):
    def __init__(self, drawn: DrawnTree, font: QFont) -> None:
        super().__init__()
        self.drawn = drawn
        self.selected = -1
        self.hovered = -1
        self.font = QFont(font)
        self.small_font = QFont(font)
        self.small_font.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        self._metrics = QFontMetricsF(self.font)
        self._small_metrics = QFontMetricsF(self.small_font)
        self._elided: dict[tuple[int, int], str] = {}
        self._natural = [-1.0] * len(drawn.ids)
        self._brushes = [
            QBrush(QColor(generation_colour(level))) for level in range(len(drawn.level_xs))
        ]
        self._outline = QPen(QColor("#FFFFFF"), 1.2)
        self._halo = QBrush(QColor(255, 255, 255, 215))
        self._label_pen = QPen(QColor(LABEL_COLOUR))
        self._muted_pen = QPen(QColor(MUTED_COLOUR))
        # exposedRect is only filled in with this flag: paint culls to it
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:
        return self.drawn.bounds.adjusted(-LABEL_SPILL, 0, LABEL_SPILL, 0)

    def node_rect(self, i: int, sx: float, sy: float) -> QRectF:
        """What to repaint when node *i* changes (its circle, ring and label), scene units."""
        r_px = self.drawn.radius_px(i, sx) + 6
        half = max(r_px, LABEL_MAX_PX / 2) / sx
        x, y = self.drawn.xs[i], self.drawn.ys[i]
        return QRectF(x - half, y - r_px / sy, 2 * half, (2 * r_px + LABEL_HEIGHT_PX) / sy)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Circles and labels are drawn in screen pixels: round however the view is stretched
        (the fitted view of a wide tree keeps the generations apart, see `fit`)."""
        drawn = self.drawn
        transform = painter.worldTransform()
        sx = transform.m11() or 1.0
        sy = transform.m22() or 1.0
        visible = drawn.visible(option.exposedRect, sx, sy)
        if drawn.max_radius * sx < DOTS_BELOW_PX:
            self._paint_dots(painter, visible)
            return
        placed = [
            (level, [(i, *transform.map(drawn.xs[i], drawn.ys[i])) for i in indices])
            for level, indices in visible
        ]
        painter.save()
        painter.resetTransform()
        painter.setPen(self._outline)
        hollow: list[tuple[int, int, float, float]] = []
        for level, nodes in placed:
            painter.setBrush(self._brushes[level])
            for i, x, y in nodes:
                if drawn.hollow[i]:
                    hollow.append((level, i, x, y))
                else:
                    r = drawn.radius_px(i, sx)
                    painter.drawEllipse(QPointF(x, y), r, r)
        if hollow:
            painter.setBrush(QColor("#FFFFFF"))
            for level, i, x, y in hollow:
                painter.setPen(QPen(self._brushes[level].color(), 2.0))
                r = drawn.radius_px(i, sx)
                painter.drawEllipse(QPointF(x, y), r, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for i, colour, width in (
            (self.hovered, MUTED_COLOUR, 1.5),
            (self.selected, SELECTED_COLOUR, 2.5),
        ):
            if i >= 0:
                painter.setPen(QPen(QColor(colour), width))
                x, y = transform.map(drawn.xs[i], drawn.ys[i])
                r = drawn.radius_px(i, sx) + 4
                painter.drawEllipse(QPointF(x, y), r, r)
        room_down = LEVEL_DISTANCE * sy - 2 * drawn.max_radius * sx - 8
        if sx >= NAMES_FROM_SCALE and room_down >= self._metrics.height():
            with_money = sx >= REVENUE_FROM_SCALE and room_down >= (
                self._metrics.height() + self._small_metrics.height()
            )
            self._paint_labels(painter, placed, sx, with_money=with_money)
        painter.restore()

    def _paint_dots(self, painter: QPainter, visible: list[tuple[int, list[int]]]) -> None:
        """Far out: one call per generation, every node a dot of the same size."""
        for level, _indices in visible:
            points = self.drawn.level_points[level]
            if points.isEmpty():
                continue
            pen = QPen(self._brushes[level].color(), 2 * DOTS_BELOW_PX)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPoints(points)

    def _paint_labels(
        self,
        painter: QPainter,
        placed: list[tuple[int, list[tuple[int, float, float]]]],
        sx: float,
        *,
        with_money: bool,
    ) -> None:
        """Names (and revenue) under the circles, the same size at every zoom, shortened only
        when the name would reach a neighbour's (`DrawnTree.label_span`). Drawn in batches (all
        halos, then the names, then the amounts) to keep the painter calls few. The painter is
        in screen pixels."""
        drawn = self.drawn
        line = self._metrics.height()
        small_line = self._small_metrics.height()
        height = line + (small_line if with_money else 0)
        halos: list[QRectF] = []
        names: list[tuple[QRectF, str]] = []
        amounts: list[tuple[QRectF, str]] = []
        for _level, nodes in placed:
            for i, x, y in nodes:
                bottom = y + drawn.radius_px(i, sx)
                top = bottom + 3
                start, width = drawn.label_span(i, sx, self.natural_width)
                left = x + start
                name = self._elide(i, width)
                box_w = self._metrics.horizontalAdvance(name)
                if with_money:
                    money = drawn.money[i]
                    box_w = max(box_w, self._small_metrics.horizontalAdvance(money))
                    amounts.append((QRectF(left, top + line, width, small_line), money))
                # the halo hides the link under the label, from the circle down
                middle = left + width / 2
                halos.append(
                    QRectF(middle - box_w / 2 - 3, bottom, box_w + 6, top - bottom + height)
                )
                names.append((QRectF(left, top, width, line), name))
        if not halos:
            return
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._halo)
        painter.drawRects(halos)
        painter.setFont(self.font)
        painter.setPen(self._label_pen)
        for rect, text in names:
            painter.drawText(rect, centre, text)
        if amounts:
            painter.setFont(self.small_font)
            painter.setPen(self._muted_pen)
            for rect, text in amounts:
                painter.drawText(rect, centre, text)

    def natural_width(self, i: int) -> float:
        """The width of node *i*'s whole name (pixels), measured once."""
        width = self._natural[i]
        if width < 0:
            width = self._natural[i] = self._metrics.horizontalAdvance(self.drawn.labels[i])
        return width

    def label_text(self, i: int, sx: float) -> str:
        """Node *i*'s name as painted at *sx* pixels per scene unit (shortened with "…" when
        it would run into a neighbour's)."""
        return self._elide(i, self.drawn.label_span(i, sx, self.natural_width)[1])

    def _elide(self, i: int, width: float) -> str:
        key = (i, int(width))
        text = self._elided.get(key)
        if text is None:
            if len(self._elided) > 20_000:
                self._elided.clear()
            text = self._metrics.elidedText(
                self.drawn.labels[i], Qt.TextElideMode.ElideRight, width
            )
            self._elided[key] = text
        return text
