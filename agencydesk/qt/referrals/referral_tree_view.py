"""The referral tree of one client: who they brought, and who those brought, drawn tidily.

Built to stay smooth with thousands of clients, so the scene holds two items, not thousands:

- `_EdgesItem`: every link (right-angled connectors, drawn without antialiasing: they are
  horizontal and vertical lines), one `drawLines` call per generation in view;
- `_NodesItem`: every client as a circle (area by revenue, colour by generation) and their
  label, painted in one go. It keeps the nodes of each generation sorted by x, so painting and
  hit-testing look only at the nodes in view (a bisection per generation), and draws with a level
  of detail: far out the nodes are dots (one `drawPoints` per generation) and labels are hidden;
  closer in the names appear at a constant size on screen, shortened with "…" to the room
  between neighbours; closer still the revenue is added below the name.

With two items the scene index is off (`NoIndex`): a BSP tree would only slow down building.
Items are not cached (`NoCache`): a cached picture of a tree this large would be bigger than the
screen and would have to be redrawn at every zoom step anyway. The view repaints only what
changed (`MinimalViewportUpdate`): hovering or selecting a node updates that node's rectangle,
panning scrolls what is already drawn and paints the strip that came in.

`ReferralTreePanel` adds the tool bar (zoom, fit, save as PNG or SVG) and the colour legend.
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLineF,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from agencydesk.core.referrals import Tree
from agencydesk.core.tree_layout import tidy_layout
from agencydesk.qt.common.formatting import format_date, format_money
from agencydesk.reports.palette import generation_colour

#: scene units between neighbours, between subtrees and between generations
SIBLING_DISTANCE = 180.0
SUBTREE_DISTANCE = 200.0
LEVEL_DISTANCE = 120.0
#: node radius (scene units) without revenue and at the largest revenue, when charts is absent
MIN_RADIUS = 7.0
MAX_RADIUS = 24.0
#: level of detail: names from this zoom on, the revenue line from this one
NAMES_FROM_SCALE = 0.4
REVENUE_FROM_SCALE = 0.6
#: nodes are drawn as dots when the largest one is smaller than this on screen (pixels)
DOTS_BELOW_PX = 2.5
MIN_NODE_PX = 2.0
LABEL_MAX_PX = 220.0
#: a label's height below its circle: two lines and some air (pixels)
LABEL_HEIGHT_PX = 44.0
MAX_ZOOM = 4.0
#: fitting never enlarges beyond this, and leaves this much room around the tree (pixels)
FIT_MAX_SCALE = 1.25
FIT_MARGIN_PX = 16
ZOOM_STEP = 1.25
#: PNG export: at most this many pixels on the longer side (before the 2× for sharpness)
EXPORT_MAX_SIDE = 8000.0

DELETED_COLOUR = "#BDBDBD"
EDGE_COLOUR = "#9E9E9E"
SELECTED_COLOUR = "#202124"
LABEL_COLOUR = "#202124"
MUTED_COLOUR = "#6B6B6B"

EXPORT_FOLDER_KEY = "referrals/export_folder"


def layout_positions(tree: Tree) -> dict[int, tuple[float, float]]:
    """Scene positions of the tree's nodes (pure Python: safe to run in a worker)."""
    return tidy_layout(
        [tree.root_id],
        tree.children,
        sibling_distance=SIBLING_DISTANCE,
        subtree_distance=SUBTREE_DISTANCE,
        level_distance=LEVEL_DISTANCE,
    )


def default_node_radius(revenue: int, max_revenue: int) -> float:
    """Area grows with revenue; a client without revenue still shows."""
    if max_revenue <= 0 or revenue <= 0:
        return MIN_RADIUS
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(
        min(revenue, max_revenue) / max_revenue
    )


def chart_node_radius() -> Callable[[int, int], float]:
    """`charts.node_radius` (in units of the sibling distance) when the charts module is there,
    so the tree here and in the PDF report look alike; else ours."""
    try:
        from agencydesk.reports.charts import node_radius
    except ImportError:
        return default_node_radius
    return lambda revenue, max_revenue: node_radius(revenue, max_revenue) * SIBLING_DISTANCE


@dataclass
class _Drawn:
    """The tree as flat lists indexed 0…n-1 (pre-order: 0 is the root)."""

    ids: list[int]
    index: dict[int, int]  # client id → i
    xs: list[float]
    ys: list[float]
    radii: list[float]
    rects: list[QRectF]
    levels: list[int]
    deleted: list[bool]
    #: no paid orders (yet): drawn as a ring, as in the PDF report
    hollow: list[bool]
    labels: list[str]
    money: list[str]
    parent: list[int]
    children: list[list[int]]
    #: per generation: xs sorted, and the node indices in that order
    level_xs: list[list[float]]
    level_nodes: list[list[int]]
    #: per generation: the dots (far zoom), not deleted and deleted
    level_points: list[QPolygonF]
    level_deleted_points: list[QPolygonF]
    bounds: QRectF
    max_radius: float

    @classmethod
    def build(
        cls,
        tree: Tree,
        positions: dict[int, tuple[float, float]],
        radius: Callable[[int, int], float],
    ) -> _Drawn:
        ids = list(tree.nodes)
        index = {node_id: i for i, node_id in enumerate(ids)}
        nodes = [tree.nodes[node_id] for node_id in ids]
        max_revenue = max((node.revenue for node in nodes), default=0)
        xs = [positions[node_id][0] for node_id in ids]
        ys = [positions[node_id][1] for node_id in ids]
        radii = [float(radius(node.revenue, max_revenue)) for node in nodes]
        rects = [QRectF(x - r, y - r, 2 * r, 2 * r) for x, y, r in zip(xs, ys, radii, strict=True)]
        levels = [node.generation for node in nodes]
        deleted_text = QCoreApplication.translate("ReferralTreeView", "{name} (deleted)")
        labels = [
            deleted_text.format(name=node.name) if node.deleted else node.name for node in nodes
        ]
        money = [format_money(node.revenue) for node in nodes]
        parent = [
            index.get(node.parent_id, -1) if node.parent_id is not None else -1 for node in nodes
        ]
        children = [[index[c] for c in node.children if c in index] for node in nodes]
        depth = max(levels, default=-1) + 1
        by_level: list[list[tuple[float, int]]] = [[] for _ in range(depth)]
        for i, (x, level) in enumerate(zip(xs, levels, strict=True)):
            by_level[level].append((x, i))
        level_xs: list[list[float]] = []
        level_nodes: list[list[int]] = []
        level_points: list[QPolygonF] = []
        level_deleted: list[QPolygonF] = []
        for pairs in by_level:
            pairs.sort()
            level_xs.append([x for x, _ in pairs])
            level_nodes.append([i for _, i in pairs])
            level_points.append(
                QPolygonF([QPointF(xs[i], ys[i]) for _, i in pairs if not nodes[i].deleted])
            )
            level_deleted.append(
                QPolygonF([QPointF(xs[i], ys[i]) for _, i in pairs if nodes[i].deleted])
            )
        max_radius = max(radii, default=MIN_RADIUS)
        if ids:
            bounds = QRectF(
                min(xs) - SIBLING_DISTANCE / 2,
                min(ys) - max_radius - 4,
                max(xs) - min(xs) + SIBLING_DISTANCE,
                max(ys) - min(ys) + max_radius + 4 + LEVEL_DISTANCE,
            )
        else:
            bounds = QRectF()
        return cls(
            ids,
            index,
            xs,
            ys,
            radii,
            rects,
            levels,
            [node.deleted for node in nodes],
            [node.revenue <= 0 and not node.deleted for node in nodes],
            labels,
            money,
            parent,
            children,
            level_xs,
            level_nodes,
            level_points,
            level_deleted,
            bounds,
            max_radius,
        )

    def edges(self) -> list[list[QLineF]]:
        """Right-angled connectors (down from the referrer, across, down to each referral), as
        line segments grouped by the generation they leave from: painting draws only the bands
        in view, each with one call."""
        bands: list[list[QLineF]] = [[] for _ in self.level_xs]
        for i, kids in enumerate(self.children):
            if not kids:
                continue
            x, y = self.xs[i], self.ys[i]
            mid = y + LEVEL_DISTANCE / 2
            band = bands[self.levels[i]]
            band.append(QLineF(x, y, x, mid))
            left = min(self.xs[k] for k in kids)
            right = max(self.xs[k] for k in kids)
            if right > left:
                band.append(QLineF(left, mid, right, mid))
            band.extend(QLineF(self.xs[k], mid, self.xs[k], self.ys[k]) for k in kids)
        return bands

    def radius_px(self, i: int, sx: float) -> float:
        """Node *i*'s radius on screen: never so small that it disappears."""
        return max(self.radii[i] * sx, MIN_NODE_PX)

    def visible(self, rect: QRectF, sx: float, sy: float) -> list[tuple[int, list[int]]]:
        """(generation, node indices) of the nodes whose circle or label may touch *rect*
        (scene units; *sx*, *sy*: pixels per scene unit across and down)."""
        reach_px = self.max_radius * sx + MIN_NODE_PX
        left = rect.left() - SIBLING_DISTANCE / 2 - reach_px / sx
        right = rect.right() + SIBLING_DISTANCE / 2 + reach_px / sx
        top = rect.top() - (reach_px + LABEL_HEIGHT_PX) / sy
        bottom = rect.bottom() + (reach_px + 4) / sy
        found = []
        for level, xs in enumerate(self.level_xs):
            if not xs:
                continue
            y = level * LEVEL_DISTANCE
            if y < top or y > bottom:
                continue
            nodes = self.level_nodes[level]
            found.append((level, nodes[bisect_left(xs, left) : bisect_right(xs, right)]))
        return found

    def node_at(self, point: QPointF, sx: float, sy: float) -> int:
        """The index of the node under *point* (scene units), or -1: measured on screen, so
        that a small node is as easy to hit as a big one."""
        tolerance = 3.0
        reach_px = self.max_radius * sx + MIN_NODE_PX + tolerance
        best, best_distance = -1, math.inf
        for level, xs in enumerate(self.level_xs):
            if abs(level * LEVEL_DISTANCE - point.y()) * sy > reach_px:
                continue
            candidates = self.level_nodes[level][
                bisect_left(xs, point.x() - reach_px / sx) : bisect_right(
                    xs, point.x() + reach_px / sx
                )
            ]
            for i in candidates:
                distance = math.hypot((self.xs[i] - point.x()) * sx, (self.ys[i] - point.y()) * sy)
                if distance <= self.radius_px(i, sx) + tolerance and distance < best_distance:
                    best, best_distance = i, distance
        return best


class _EdgesItem(QGraphicsItem):
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


class _NodesItem(QGraphicsItem):
    def __init__(self, drawn: _Drawn, font: QFont) -> None:
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
        self._brushes = [
            QBrush(QColor(generation_colour(level))) for level in range(len(drawn.level_xs))
        ]
        self._deleted_brush = QBrush(QColor(DELETED_COLOUR))
        self._outline = QPen(QColor("#FFFFFF"), 1.2)
        self._halo = QBrush(QColor(255, 255, 255, 215))
        self._label_pen = QPen(QColor(LABEL_COLOUR))
        self._muted_pen = QPen(QColor(MUTED_COLOUR))
        # exposedRect is only filled in with this flag: paint culls to it
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:
        return self.drawn.bounds

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
        greyed: list[tuple[int, float, float]] = []
        hollow: list[tuple[int, int, float, float]] = []
        for level, nodes in placed:
            painter.setBrush(self._brushes[level])
            for i, x, y in nodes:
                if drawn.deleted[i]:
                    greyed.append((i, x, y))
                elif drawn.hollow[i]:
                    hollow.append((level, i, x, y))
                else:
                    r = drawn.radius_px(i, sx)
                    painter.drawEllipse(QPointF(x, y), r, r)
        if greyed:
            painter.setBrush(self._deleted_brush)
            for i, x, y in greyed:
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
            for points, colour in (
                (self.drawn.level_points[level], self._brushes[level].color()),
                (self.drawn.level_deleted_points[level], self._deleted_brush.color()),
            ):
                if points.isEmpty():
                    continue
                pen = QPen(colour, 2 * DOTS_BELOW_PX)
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
        """Names (and revenue) under the circles, the same size at every zoom, shortened to the
        room between neighbours. Drawn in batches (all halos, then the names, then the amounts)
        to keep the painter calls few. The painter is in screen pixels."""
        drawn = self.drawn
        width = min(SIBLING_DISTANCE * sx - 8, LABEL_MAX_PX)
        line = self._metrics.height()
        small_line = self._small_metrics.height()
        height = line + (small_line if with_money else 0)
        halos: list[QRectF] = []
        names: list[tuple[QRectF, str]] = []
        greyed: list[tuple[QRectF, str]] = []
        amounts: list[tuple[QRectF, str]] = []
        for _level, nodes in placed:
            for i, x, y in nodes:
                bottom = y + drawn.radius_px(i, sx)
                top = bottom + 3
                name = self._elide(i, width)
                box_w = self._metrics.horizontalAdvance(name)
                if with_money:
                    money = drawn.money[i]
                    box_w = max(box_w, self._small_metrics.horizontalAdvance(money))
                    amounts.append((QRectF(x - width / 2, top + line, width, small_line), money))
                # the halo hides the link under the label, from the circle down
                halos.append(QRectF(x - box_w / 2 - 3, bottom, box_w + 6, top - bottom + height))
                (greyed if drawn.deleted[i] else names).append(
                    (QRectF(x - width / 2, top, width, line), name)
                )
        if not halos:
            return
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._halo)
        painter.drawRects(halos)
        painter.setFont(self.font)
        for pen, texts in ((self._label_pen, names), (self._muted_pen, greyed)):
            if texts:
                painter.setPen(pen)
                for rect, text in texts:
                    painter.drawText(rect, centre, text)
        if amounts:
            painter.setFont(self.small_font)
            painter.setPen(self._muted_pen)
            for rect, text in amounts:
                painter.drawText(rect, centre, text)

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


class ReferralTreeView(QGraphicsView):
    """The tree: Ctrl+wheel, +/- and 0 zoom, drag pans, arrows walk the tree, a click or Enter
    opens the client."""

    client_activated = Signal(int)
    #: the selected client's id, or -1
    selection_changed = Signal(int)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralTree")
        self._scene = QGraphicsScene(self)
        # two items: an index would cost more than it finds
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # only what changed: a hovered or selected node repaints its own rectangle
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)  # a plain background
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)  # panning is ours: clicks open clients
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setAccessibleName(self.tr("Referral tree"))
        self.tree: Tree | None = None
        self._drawn: _Drawn | None = None
        self._nodes: _NodesItem | None = None
        self._fitted = True
        #: the fitted vertical scale: zooming out never squeezes the generations further
        self._down_floor = 0.0
        self._press: QPoint | None = None
        self._dragging = False
        self._scroll_start = (0, 0)

    # -- content -----------------------------------------------------------------------------
    def set_tree(
        self,
        tree: Tree | None,
        positions: dict[int, tuple[float, float]] | None = None,
        *,
        keep_view: bool = False,
    ) -> None:
        """Show *tree* (positions from `layout_positions`, computed here when not given).
        `keep_view`: the same root again (a refresh): keep the zoom, the place and the
        selection."""
        selected_id = self.selected_client_id() if keep_view else None
        centre = self.mapToScene(self.viewport().rect().center()) if keep_view else None
        self._scene.clear()
        self._drawn = self._nodes = None
        self.tree = tree
        if tree is None or not tree.nodes:
            self._scene.setSceneRect(QRectF())
            self.selection_changed.emit(-1)
            return
        if positions is None:
            positions = layout_positions(tree)
        drawn = _Drawn.build(tree, positions, chart_node_radius())
        self._drawn = drawn
        edges = _EdgesItem(drawn.edges(), drawn.bounds)
        edges.setZValue(0)
        self._scene.addItem(edges)
        self._nodes = _NodesItem(drawn, self.font())
        self._nodes.setZValue(1)  # above the links, also in scene.render (export)
        self._scene.addItem(self._nodes)
        margin = 40.0
        self._scene.setSceneRect(drawn.bounds.adjusted(-margin, -margin, margin, margin))
        if keep_view and not self._fitted and centre is not None:
            self.centerOn(centre)
        else:
            self.fit()
        if selected_id is not None and selected_id in tree.nodes:
            self.select_client(selected_id)
        else:
            self.selection_changed.emit(-1)

    def node_count(self) -> int:
        return len(self._drawn.ids) if self._drawn else 0

    def item_count(self) -> int:
        return len(self._scene.items())

    # -- zoom --------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def _fit_scales(self) -> tuple[float, float]:
        """(across, down) pixels per scene unit that show the whole tree, a margin around it:
        the same across and down, except that a tree much wider than tall keeps its height,
        so that the generations stay apart even when the width is squeezed."""
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return 1.0, 1.0
        across = max(view.width() - 2 * FIT_MARGIN_PX, 40) / rect.width()
        down = max(view.height() - 2 * FIT_MARGIN_PX, 40) / rect.height()
        both = min(across, down, FIT_MAX_SCALE)
        return both, max(both, min(down, FIT_MAX_SCALE))

    def fit(self) -> None:
        """The whole tree in view (never larger than life: a small tree is not blown up)."""
        self._fitted = True
        if self._drawn is None:
            return
        across, self._down_floor = self._fit_scales()
        self._set_scale(across)
        self.centerOn(self._scene.sceneRect().center())

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        if self._drawn is None:
            return
        self._fitted = False
        anchor = (
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if under_mouse
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.setTransformationAnchor(anchor)
        self._set_scale(self.scale_factor() * factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def _set_scale(self, across: float) -> None:
        """Zoom to *across* pixels per scene unit; down follows, never below the fitted
        height."""
        lowest = min(self._fit_scales()[0] * 0.5, 1.0)
        across = max(lowest, min(MAX_ZOOM, across))
        down = max(across, self._down_floor)
        transform = self.transform()
        if transform.m11() > 0 and transform.m22() > 0:
            fx, fy = across / transform.m11(), down / transform.m22()
            if abs(fx - 1) > 1e-9 or abs(fy - 1) > 1e-9:
                self.scale(fx, fy)
        self.zoom_changed.emit(self.scale_factor())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    # -- nodes -------------------------------------------------------------------------------
    def node_at(self, pos: QPoint) -> int | None:
        """The client id under the viewport position *pos*."""
        if self._drawn is None:
            return None
        transform = self.transform()
        i = self._drawn.node_at(
            self.mapToScene(pos), transform.m11() or 1.0, transform.m22() or 1.0
        )
        return self._drawn.ids[i] if i >= 0 else None

    def node_view_pos(self, client_id: int) -> QPoint:
        """Where the client's circle is in the viewport (for tests and tool tips)."""
        assert self._drawn is not None
        i = self._drawn.index[client_id]
        return self.mapFromScene(QPointF(self._drawn.xs[i], self._drawn.ys[i]))

    def node_scene_pos(self, client_id: int) -> QPointF:
        assert self._drawn is not None
        i = self._drawn.index[client_id]
        return QPointF(self._drawn.xs[i], self._drawn.ys[i])

    def selected_client_id(self) -> int | None:
        if self._nodes is None or self._nodes.selected < 0:
            return None
        return self._nodes.drawn.ids[self._nodes.selected]

    def select_client(self, client_id: int | None) -> None:
        if self._nodes is None:
            return
        i = self._nodes.drawn.index[client_id] if client_id is not None else -1
        self._set_marked("selected", i)
        if i >= 0:
            drawn = self._nodes.drawn
            self.ensureVisible(drawn.rects[i], 60, 60)
        self.selection_changed.emit(client_id if client_id is not None else -1)

    def _set_marked(self, which: str, i: int) -> None:
        nodes = self._nodes
        if nodes is None:
            return
        before = getattr(nodes, which)
        if before == i:
            return
        setattr(nodes, which, i)
        transform = self.transform()
        for index in (before, i):
            if index >= 0:
                nodes.update(nodes.node_rect(index, transform.m11(), transform.m22()))

    def activate(self, client_id: int) -> None:
        self.client_activated.emit(client_id)

    # -- mouse and keys ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            self._scroll_start = (
                self.horizontalScrollBar().value(),
                self.verticalScrollBar().value(),
            )
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragging or delta.manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self._set_cursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self._scroll_start[0] - delta.x())
                self.verticalScrollBar().setValue(self._scroll_start[1] - delta.y())
            event.accept()
            return
        self._hover(pos)
        super().mouseMoveEvent(event)

    def _hover(self, pos: QPoint) -> None:
        client_id = self.node_at(pos)
        if self._drawn is None:
            return
        self._set_marked("hovered", self._drawn.index[client_id] if client_id else -1)
        self._set_cursor(
            Qt.CursorShape.PointingHandCursor if client_id else Qt.CursorShape.OpenHandCursor
        )

    def _set_cursor(self, shape: Qt.CursorShape) -> None:
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            dragged = self._dragging
            self._press = None
            self._dragging = False
            pos = event.position().toPoint()
            self._hover(pos)
            if not dragged:
                client_id = self.node_at(pos)
                if client_id is not None:
                    self.select_client(client_id)
                    self.activate(client_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_marked("hovered", -1)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        keys = Qt.Key
        if key in (keys.Key_Plus, keys.Key_Equal):
            self.zoom_in()
        elif key in (keys.Key_Minus, keys.Key_Underscore):
            self.zoom_out()
        elif key == keys.Key_0:
            self.fit()
        elif key in (keys.Key_Return, keys.Key_Enter) and self.selected_client_id() is not None:
            self.activate(self.selected_client_id())  # type: ignore[arg-type]
        elif key in (keys.Key_Up, keys.Key_Down, keys.Key_Left, keys.Key_Right, keys.Key_Home):
            self._walk(key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _walk(self, key: int) -> None:
        """Arrows: up to the referrer, down to the first referral, left and right along the
        generation; Home: back to the root."""
        drawn = self._drawn
        if drawn is None:
            return
        current = self._nodes.selected if self._nodes else -1
        if current < 0 or key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_Up:
            target = drawn.parent[current] if drawn.parent[current] >= 0 else current
        elif key == Qt.Key.Key_Down:
            kids = drawn.children[current]
            target = kids[len(kids) // 2] if kids else current
        else:
            row = drawn.level_nodes[drawn.levels[current]]
            place = row.index(current) + (1 if key == Qt.Key.Key_Right else -1)
            target = row[place] if 0 <= place < len(row) else current
        self.select_client(drawn.ids[target])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            client_id = self.node_at(event.pos())
            if client_id is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_html(client_id), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip_html(self, client_id: int) -> str:
        """Name, generation, referrer, orders and revenue (client text escaped)."""
        assert self.tree is not None
        node = self.tree.nodes[client_id]
        name = html.escape(node.name)
        deleted = html.escape(self.tr("(deleted)"))
        lines = [f"<b>{name}</b>" + (f" <i>{deleted}</i>" if node.deleted else "")]
        if node.parent_id is None:
            lines.append(html.escape(self.tr("Started this cascade")))
        else:
            referrer = self.tree.nodes[node.parent_id].name
            lines.append(
                html.escape(
                    self.tr("Generation {n} · brought by {referrer}").format(
                        n=node.generation, referrer=referrer
                    )
                )
            )
        orders = (
            self.tr("1 order") if node.orders == 1 else self.tr("{n} orders").format(n=node.orders)
        )
        lines.append(
            html.escape(
                self.tr("{orders} · {money} paid").format(
                    orders=orders, money=format_money(node.revenue)
                )
            )
        )
        if node.first_order_on is not None:
            lines.append(
                html.escape(
                    self.tr("First order: {date}").format(date=format_date(node.first_order_on))
                )
            )
        if node.children:
            brought = len(node.children)
            lines.append(
                html.escape(
                    self.tr("Brought 1 client")
                    if brought == 1
                    else self.tr("Brought {n} clients").format(n=brought)
                )
            )
        return "<br>".join(lines)

    # -- export ------------------------------------------------------------------------------
    def _export_source(self) -> QRectF:
        assert self._drawn is not None
        return self._drawn.bounds.adjusted(-20, -20, 20, 20)

    def _render_unmarked(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        nodes = self._nodes
        marks = (nodes.selected, nodes.hovered) if nodes else (-1, -1)
        if nodes is not None:
            nodes.selected = nodes.hovered = -1
        try:
            self._scene.render(painter, target, source)
        finally:
            if nodes is not None:
                nodes.selected, nodes.hovered = marks

    def export_png(self, path: Path) -> bool:
        """The whole tree at life size (smaller for a huge tree), twice as sharp for print."""
        if self._drawn is None:
            return False
        source = self._export_source()
        scale = min(1.0, EXPORT_MAX_SIDE / max(source.width(), source.height()))
        width, height = math.ceil(source.width() * scale), math.ceil(source.height() * scale)
        ratio = 2 if max(width, height) * 2 <= 16_000 else 1
        image = QImage(width * ratio, height * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self._render_unmarked(painter, QRectF(0, 0, width, height), source)
        painter.end()
        return image.save(str(path), "PNG")

    def export_svg(self, path: Path, title: str = "") -> bool:
        from PySide6.QtSvg import QSvgGenerator

        if self._drawn is None:
            return False
        source = self._export_source()
        size = QSize(math.ceil(source.width()), math.ceil(source.height()))
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setResolution(96)  # as on screen: the labels keep their size next to the tree
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(title or self.tr("Referral tree"))
        generator.setDescription(self.tr("Who brought whom, made with agencydesk"))
        painter = QPainter()
        if not painter.begin(generator):
            return False
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self._render_unmarked(painter, QRectF(0, 0, size.width(), size.height()), source)
        return painter.end()


def generation_name(generation: int) -> str:
    """The words the charts use too: who started it, their direct referrals, theirs, …"""
    if generation == 0:
        return QCoreApplication.translate("ReferralTreeView", "Started it")
    if generation == 1:
        return QCoreApplication.translate("ReferralTreeView", "Direct referrals")
    if generation == 2:
        return QCoreApplication.translate("ReferralTreeView", "Their referrals")
    return QCoreApplication.translate("ReferralTreeView", "Generation {n}").format(n=generation)


def ask_save_path(parent: QWidget, title: str, suggested: str) -> tuple[str, str]:
    """The save dialog (path, chosen filter); one function, so a test can answer it."""
    return QFileDialog.getSaveFileName(
        parent,
        title,
        suggested,
        ";;".join(_export_filters()),
    )


def _export_filters() -> tuple[str, str]:
    return (
        QCoreApplication.translate("ReferralTreePanel", "PNG picture (*.png)"),
        QCoreApplication.translate("ReferralTreePanel", "SVG drawing, sharp at any size (*.svg)"),
    )


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return slug or "tree"


class ReferralTreePanel(QWidget):
    """The tree with its tool bar: zoom out, zoom in, fit, save as picture; and the legend."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReferralTreeView()
        self.title = ""
        self.zoom_out_button = self._button("−", self.tr("Zoom out (−)"), self.view.zoom_out)
        self.zoom_in_button = self._button(
            "+", self.tr("Zoom in (+ or Ctrl+wheel)"), self.view.zoom_in
        )
        self.fit_button = self._button(
            self.tr("Fit"), self.tr("Show the whole tree (0)"), self.view.fit
        )
        self.save_button = self._button(
            self.tr("Save picture…"), self.tr("Save the tree as a PNG or SVG picture"), self.save
        )
        self.zoom_label = QLabel()
        self.zoom_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance("400 %") + 6
        )
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.hint = QLabel(self.tr("Click a client to open them. Drag to move around."))
        self.hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.view.zoom_changed.connect(self._zoom_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addWidget(self.zoom_label)
        bar.addSpacing(8)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)
        self._set_enabled(False)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _set_enabled(self, enabled: bool) -> None:
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.save_button,
        ):
            button.setEnabled(enabled)

    def _zoom_changed(self, scale: float) -> None:
        percent = scale * 100
        digits = 0 if percent >= 9.5 else 1
        shown = QLocale().toString(max(percent, 0.1), "f", digits)
        self.zoom_label.setText(f"{shown} %")

    def set_tree(
        self,
        tree: Tree | None,
        positions: dict[int, tuple[float, float]] | None = None,
        *,
        title: str = "",
        keep_view: bool = False,
    ) -> None:
        self.title = title
        self.view.set_tree(tree, positions, keep_view=keep_view)
        self._set_enabled(tree is not None)
        self.legend.setText(self._legend_html(tree))

    def _legend_html(self, tree: Tree | None) -> str:
        if tree is None:
            return ""
        depth = 1 + max(node.generation for node in tree.nodes.values())
        chips = []
        for generation in range(min(depth, 8)):
            if depth > 4 and generation >= 3:
                label = str(generation)
            else:
                label = generation_name(generation)
            chips.append(
                f'<span style="color:{generation_colour(generation)}; font-size:large">●</span>'
                f"&nbsp;{html.escape(label)}"
            )
        if depth > 8:
            chips.append("…")
        if any(node.deleted for node in tree.nodes.values()):
            deleted = html.escape(self.tr("deleted"))
            chips.append(
                f'<span style="color:{DELETED_COLOUR}; font-size:large">●</span>&nbsp;{deleted}'
            )
        return " &nbsp; ".join(chips)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask where (the folder used last time), then write PNG or SVG as the name says."""
        if self.view.tree is None:
            return
        settings = QSettings()
        folder = str(settings.value(EXPORT_FOLDER_KEY, "") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation
            ) or str(Path.home())
        name = self.tr("referrals-{name}").format(name=_slug(self.title)) + ".png"
        chosen, chosen_filter = ask_save_path(
            self, self.tr("Save the referral tree"), str(Path(folder) / name)
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.casefold() not in (".png", ".svg"):
            svg = chosen_filter == _export_filters()[1]
            path = path.with_name(path.name + (".svg" if svg else ".png"))
        settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
        if path.suffix.casefold() == ".svg":
            ok = self.view.export_svg(path, self.title)
        else:
            ok = self.view.export_png(path)
        if ok:
            self.saved.emit(str(path))
        else:
            from agencydesk.qt.common.dialogs import show_user_error

            show_user_error(
                self,
                self.tr(
                    "The picture could not be written to {file}. Choose another folder."
                ).format(file=str(path)),
                self.tr("Could not save the picture"),
            )
