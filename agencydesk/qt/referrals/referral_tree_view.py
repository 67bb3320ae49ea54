"""The referral tree of one client: who they brought, and who those brought, drawn tidily.

Built to stay smooth with thousands of clients, so the scene holds two items, not thousands
(`tree_items`: the links, the circles and labels), painted from the flat lists of `tree_drawing`.
This module is the view: zoom, fit, panning, the keyboard, hovering, tooltips and opening a
client; `tree_export` saves the tree as PNG or SVG.

With two items the scene index is off (`NoIndex`): a BSP tree would only slow down building.
The view repaints only what changed (`MinimalViewportUpdate`): hovering or selecting a node
updates that node's rectangle, panning scrolls what is already drawn and paints the strip that
came in.

`referral_tree_panel.ReferralTreePanel` adds the tool bar (zoom, fit, save) and the legend.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QToolTip, QWidget

from agencydesk.core.referrals import Tree
from agencydesk.qt.common.formatting import format_date, format_money

# scene units between neighbours, between subtrees and between generations
from agencydesk.qt.referrals.tree_drawing import (
    FIT_MARGIN_PX,
    FIT_MAX_SCALE,
    LABEL_SPILL,
    MAX_ZOOM,
    ZOOM_STEP,
    DrawnTree,
    chart_node_radius,
    layout_positions,
)
from agencydesk.qt.referrals.tree_items import EdgesItem, NodesItem


class ReferralTreeView(QGraphicsView):
    """The tree: Ctrl+wheel, +/- and 0 zoom, drag pans, arrows walk the tree, a click or Enter
    opens the client."""

    client_activated = Signal(int)
    # the selected client's id, or -1
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
        self._drawn: DrawnTree | None = None
        self._nodes: NodesItem | None = None
        self._fitted = True
        # the fitted vertical scale: zooming out never squeezes the generations further
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
        drawn = DrawnTree.build(tree, positions, chart_node_radius())
        self._drawn = drawn
        edges = EdgesItem(drawn.edges(), drawn.bounds)
        edges.setZValue(0)
        self._scene.addItem(edges)
        self._nodes = NodesItem(drawn, self.font())
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

    def label_text(self, client_id: int) -> str:
        """The client's name as the tree shows it at the present zoom ("…" when shortened)."""
        assert self._drawn is not None
        assert self._nodes is not None
        return self._nodes.label_text(self._drawn.index[client_id], self.scale_factor())

    def tooltip_html(self, client_id: int) -> str:
        """Name, generation, referrer, orders and revenue (client text escaped)."""
        assert self.tree is not None
        node = self.tree.nodes[client_id]
        name = html.escape(node.name)
        lines = [f"<b>{name}</b>"]
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
    def export_source(self) -> QRectF | None:
        """The whole tree with a margin (scene units); None before a tree is set."""
        if self._drawn is None:
            return None
        return self._drawn.bounds.adjusted(-LABEL_SPILL, -20, LABEL_SPILL, 20)

    def render_unmarked(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """*source* of the scene into *target*, without the selection and hover rings."""
        nodes = self._nodes
        marks = (nodes.selected, nodes.hovered) if nodes else (-1, -1)
        if nodes is not None:
            nodes.selected = nodes.hovered = -1
        try:
            self._scene.render(painter, target, source)
        finally:
            if nodes is not None:
                nodes.selected, nodes.hovered = marks


def generation_name(generation: int) -> str:
    """The words the charts use too: who started it, their direct referrals, theirs, …"""
    if generation == 0:
        return QCoreApplication.translate("ReferralTreeView", "Started it")
    if generation == 1:
        return QCoreApplication.translate("ReferralTreeView", "Direct referrals")
    if generation == 2:
        return QCoreApplication.translate("ReferralTreeView", "Their referrals")
    return QCoreApplication.translate("ReferralTreeView", "Generation {n}").format(n=generation)
