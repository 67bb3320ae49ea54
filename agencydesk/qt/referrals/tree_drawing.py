"""The referral tree as the view paints it: the layout (`layout_positions`, pure Python, for a
worker), node sizes, the look (sizes, zoom steps, colours) and `DrawnTree`, the tree as flat lists
indexed in pre-order, with each generation's nodes sorted by x so that painting and hit-testing
look only at the nodes in view (a bisection per generation)."""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPolygonF

from agencydesk.core.referrals import Tree
from agencydesk.core.tree_layout import tidy_layout
from agencydesk.qt.common.formatting import format_money

# scene units between neighbours, between subtrees and between generations

SIBLING_DISTANCE = 180.0
SUBTREE_DISTANCE = 200.0
LEVEL_DISTANCE = 120.0
# node radius (scene units) without revenue and at the largest revenue, when charts is absent
MIN_RADIUS = 7.0
MAX_RADIUS = 24.0
# level of detail: names from this zoom on, the revenue line from this one
NAMES_FROM_SCALE = 0.4
REVENUE_FROM_SCALE = 0.6
# nodes are drawn as dots when the largest one is smaller than this on screen (pixels)
DOTS_BELOW_PX = 2.5
MIN_NODE_PX = 2.0
LABEL_MAX_PX = 220.0
# the least room between two labels side by side (pixels)
LABEL_GAP_PX = 8.0
# names may reach this far beyond the tree's bounds (scene units): the export keeps this margin
LABEL_SPILL = 20.0
# a label's height below its circle: two lines and some air (pixels)
LABEL_HEIGHT_PX = 44.0
MAX_ZOOM = 4.0
# fitting never enlarges beyond this, and leaves this much room around the tree (pixels)
FIT_MAX_SCALE = 1.25
FIT_MARGIN_PX = 16
ZOOM_STEP = 1.25
# PNG export: at most this many pixels on the longer side (before the 2× for sharpness)
EXPORT_MAX_SIDE = 8000.0

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
class DrawnTree:
    """The tree as flat lists indexed 0…n-1 (pre-order: 0 is the root)."""

    ids: list[int]
    index: dict[int, int]  # client id → i
    xs: list[float]
    ys: list[float]
    radii: list[float]
    rects: list[QRectF]
    levels: list[int]
    # the neighbours in the same generation, left and right (-1: none)
    left: list[int]
    right: list[int]
    # how far a label may reach either way before it leaves the bounds and LABEL_SPILL
    edge_room: list[float]
    # no paid orders (yet): drawn as a ring, as in the PDF report
    hollow: list[bool]
    labels: list[str]
    money: list[str]
    parent: list[int]
    children: list[list[int]]
    # per generation: xs sorted, and the node indices in that order
    level_xs: list[list[float]]
    level_nodes: list[list[int]]
    # per generation: the dots (far zoom)
    level_points: list[QPolygonF]
    bounds: QRectF
    max_radius: float

    @classmethod
    def build(
        cls,
        tree: Tree,
        positions: dict[int, tuple[float, float]],
        radius: Callable[[int, int], float],
    ) -> DrawnTree:
        ids = list(tree.nodes)
        index = {node_id: i for i, node_id in enumerate(ids)}
        nodes = [tree.nodes[node_id] for node_id in ids]
        max_revenue = max((node.revenue for node in nodes), default=0)
        xs = [positions[node_id][0] for node_id in ids]
        ys = [positions[node_id][1] for node_id in ids]
        radii = [float(radius(node.revenue, max_revenue)) for node in nodes]
        rects = [QRectF(x - r, y - r, 2 * r, 2 * r) for x, y, r in zip(xs, ys, radii, strict=True)]
        levels = [node.generation for node in nodes]
        labels = [node.name for node in nodes]
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
        left = [-1] * len(ids)
        right = [-1] * len(ids)
        for pairs in by_level:
            pairs.sort()
            level_xs.append([x for x, _ in pairs])
            level_nodes.append([i for _, i in pairs])
            level_points.append(QPolygonF([QPointF(xs[i], ys[i]) for _, i in pairs]))
            for (_, a), (_, b) in itertools.pairwise(pairs):
                right[a], left[b] = b, a
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
        left_edge, right_edge = bounds.left() - LABEL_SPILL, bounds.right() + LABEL_SPILL
        edge_room = [min(x - left_edge, right_edge - x) for x in xs]
        return cls(
            ids,
            index,
            xs,
            ys,
            radii,
            rects,
            levels,
            left,
            right,
            edge_room,
            [node.revenue <= 0 for node in nodes],
            labels,
            money,
            parent,
            children,
            level_xs,
            level_nodes,
            level_points,
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

    def label_span(self, i: int, sx: float, natural: Callable[[int], float]) -> tuple[float, float]:
        """Where node *i*'s name goes at *sx* pixels per scene unit: (its left end from the
        node's x, its width), in pixels, given the full width of each name (`natural`).

        The whole name, centred under the circle, unless it would run into a neighbour's name:
        then the two share the gap (a short name leaves more room to the other). The first and
        last names of a row may move outwards by up to a quarter of their width, where nobody
        is; no name leaves the bounds (and LABEL_SPILL) or grows beyond LABEL_MAX_PX."""
        x = self.xs[i]
        limits = []
        for j in (self.left[i], self.right[i]):
            if j < 0:
                limits.append(self.edge_room[i] * sx)
            else:
                gap = abs(x - self.xs[j]) * sx - LABEL_GAP_PX
                limits.append(gap - min(natural(j), gap) / 2)
        left, right = limits
        if self.left[i] >= 0 and self.right[i] >= 0:
            width = min(natural(i), 2 * min(left, right), LABEL_MAX_PX)
            return -width / 2, width
        width = min(natural(i), left + right, 4 * min(left, right), LABEL_MAX_PX)
        if width / 2 > left:
            return -left, width
        if width / 2 > right:
            return right - width, width
        return -width / 2, width

    def radius_px(self, i: int, sx: float) -> float:
        """Node *i*'s radius on screen: never so small that it disappears."""
        return max(self.radii[i] * sx, MIN_NODE_PX)

    def visible(self, rect: QRectF, sx: float, sy: float) -> list[tuple[int, list[int]]]:
        """(generation, node indices) of the nodes whose circle or label may touch *rect*
        (scene units; *sx*, *sy*: pixels per scene unit across and down)."""
        reach_px = self.max_radius * sx + MIN_NODE_PX
        label_reach = max(SIBLING_DISTANCE, LABEL_MAX_PX / sx) / 2
        left = rect.left() - label_reach - reach_px / sx
        right = rect.right() + label_reach + reach_px / sx
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
