"""The tidy referral tree as SVG, node area proportional to revenue; `tree_geometry` and
`node_radius` give the same geometry to the Qt tree view.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from agencydesk.core.referrals import Tree
from agencydesk.core.tree_layout import tidy_layout
from agencydesk.reports.charts.labels import format_rupiah_compact, strings
from agencydesk.reports.charts.svg import (
    EDGE,
    MUTED,
    SVG_CLOSE,
    TEXT,
    fit_text,
    mix,
    num,
    svg_open,
    text_element,
    text_width,
)
from agencydesk.reports.palette import generation_colour

SIBLING_DISTANCE = 1.0
LEVEL_DISTANCE = 1.0
#: node radius, in the same units: the biggest earner, and the floor for clients without revenue
MAX_RADIUS = 0.22
MIN_RADIUS = 0.055
#: every node's radius when revenue is not shown
UNIFORM_RADIUS = 0.1
#: px per sibling distance, and the padding around the drawing (`tree_svg`)
UNIT = 130.0
PAD = 16.0


def node_radius(revenue: int, max_revenue: int) -> float:
    """The radius (abstract units, siblings 1 apart) of a node: area proportional to revenue,
    MAX_RADIUS for the biggest earner, never below MIN_RADIUS (so a client without paid orders
    still shows)."""
    if revenue <= 0 or max_revenue <= 0:
        return MIN_RADIUS
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(min(1.0, revenue / max_revenue)))


@dataclass(frozen=True)
class NodePlace:
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class TreeGeometry:
    """Where each node of a tree goes, in abstract units (siblings 1 apart, generations
    `LEVEL_DISTANCE` apart; the leftmost centre at x = 0, the root at y = 0)."""

    places: dict[int, NodePlace]
    width: float  # from the leftmost to the rightmost centre
    height: float  # from the root to the deepest centre
    max_revenue: int


def tree_geometry(tree: Tree) -> TreeGeometry:
    """The tidy layout of *tree* (Buchheim et al.) with each node's radius."""
    positions = tidy_layout(
        [tree.root_id],
        tree.children,
        sibling_distance=SIBLING_DISTANCE,
        subtree_distance=SIBLING_DISTANCE,
        level_distance=LEVEL_DISTANCE,
    )
    max_revenue = max((node.revenue for node in tree.nodes.values()), default=0)
    places = {
        node_id: NodePlace(x, y, node_radius(tree.nodes[node_id].revenue, max_revenue))
        for node_id, (x, y) in positions.items()
    }
    width = max((p.x for p in places.values()), default=0.0)
    height = max((p.y for p in places.values()), default=0.0)
    return TreeGeometry(places, width, height, max_revenue)


def tree_width_at_least(tree: Tree) -> float:
    """How wide `tree_svg` draws *tree* (px, at its natural size) at the least, without laying it
    out: its widest generation side by side, `SIBLING_DISTANCE` apart (the tidy layout keeps
    every two nodes of a level at least that far apart)."""
    per_generation = Counter(node.generation for node in tree.nodes.values())
    widest = max(per_generation.values(), default=1)
    return (widest - 1) * SIBLING_DISTANCE * UNIT + UNIT + 2 * PAD


def _label_room(places: dict[int, NodePlace], *, unit: float, gap: float) -> dict[int, float]:
    """The width (px) each node's centred label may take without touching its neighbours'
    on the same level: the distance to the nearer neighbour, less *gap*."""
    levels: dict[float, list[tuple[float, int]]] = {}
    for node_id, place in places.items():
        levels.setdefault(place.y, []).append((place.x, node_id))
    room: dict[int, float] = {}
    for row in levels.values():
        row.sort()
        for i, (x, node_id) in enumerate(row):
            left = x - row[i - 1][0] if i else math.inf
            right = row[i + 1][0] - x if i + 1 < len(row) else math.inf
            room[node_id] = min(left, right) * unit - gap
    return room


def tree_svg(
    tree: Tree, *, lang: str = "en", width: int | None = None, show_revenue: bool = True
) -> str:
    """The referral tree, top down: one circle per client (area ∝ revenue paid, coloured by
    generation; hollow without paid orders), the name and revenue under it,
    rounded orthogonal connectors from referrer to referrals. Drawn at 130 px per sibling;
    *width* scales the whole drawing to that many px wide.

    `show_revenue=False` (a report for the client, who need not see what others paid): circles
    all alike, names only, no note about circle areas."""
    words = strings(lang)
    unit = UNIT
    name_size = 11.0
    money_size = 10.0
    geometry = tree_geometry(tree)
    places = geometry.places
    note = words["tree_note"] if show_revenue and geometry.max_revenue > 0 else ""
    biggest = MAX_RADIUS if show_revenue else UNIFORM_RADIUS
    pad = PAD
    margin_x = unit / 2 + pad
    top = pad + (22.0 if note else 0.0) + biggest * unit
    label_room = MIN_RADIUS * unit + 4 + name_size + 3 + money_size + 4
    natural_w = geometry.width * unit + 2 * margin_x
    natural_h = top + geometry.height * unit + max(label_room, biggest * unit + 34) + pad
    if note:
        natural_w = max(natural_w, text_width(note, 11) + 2 * pad)
    shown_w = float(width) if width else natural_w
    shown_h = natural_h * shown_w / natural_w
    out = [svg_open(shown_w, shown_h, natural_w, natural_h, "tree")]
    out.append(f'<rect width="{num(natural_w)}" height="{num(natural_h)}" fill="#FFFFFF"/>')
    if note:
        out.append(
            text_element(pad, pad + 12, note, size=11, fill=MUTED, extra=' data-role="note"')
        )

    def px(place: NodePlace) -> tuple[float, float, float]:
        r = place.r if show_revenue else UNIFORM_RADIUS
        return margin_x + place.x * unit, top + place.y * unit, r * unit

    # connectors: down from below the referrer's label to a bus halfway to the referrals, along
    # it, down to each referral's circle; rounded elbows
    nodes = tree.nodes
    edges: list[str] = []
    bend = 8.0
    for node_id, node in nodes.items():
        if not node.children:
            continue
        x, y, r = px(places[node_id])
        money = show_revenue and node.revenue > 0
        start = y + r + 4 + name_size + (money_size + 3 if money else 0) + 4
        ends = [px(places[child_id]) for child_id in node.children]
        bus = (start + min(cy - cr - 2 for _cx, cy, cr in ends)) / 2
        left = min(x, ends[0][0])
        right = max(x, ends[-1][0])
        if right - left < 2 * bend:  # one referral, right below
            cx, cy, cr = ends[0]
            edges.append(f"M{num(x)} {num(start)}V{num(bus)}H{num(cx)}V{num(cy - cr - 2)}")
            continue
        # the stem, then the bus with rounded ends down to the outer referrals
        lx, ly, lr = ends[0]
        rx, ry, rr = ends[-1]
        edges.append(
            f"M{num(x)} {num(start)}V{num(bus)}"
            f"M{num(lx)} {num(ly - lr - 2)}V{num(bus + bend)}"
            f"Q{num(lx)} {num(bus)} {num(lx + bend)} "
            f"{num(bus)}H{num(rx - bend)}Q{num(rx)} {num(bus)} {num(rx)} {num(bus + bend)}"
            f"V{num(ry - rr - 2)}"
        )
        edges.extend(f"M{num(cx)} {num(bus)}V{num(cy - cr - 2)}" for cx, cy, cr in ends[1:-1])
    if edges:
        out.append(f'<path d="{"".join(edges)}" stroke="{EDGE}" stroke-width="1.25" fill="none"/>')
    circles: list[str] = []
    texts: list[str] = []
    room = _label_room(places, unit=unit, gap=8.0)
    for node_id, node in nodes.items():
        x, y, r = px(places[node_id])
        colour = generation_colour(node.generation)
        if node.revenue > 0 or not show_revenue:
            circles.append(
                f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{colour}" '
                f'stroke="{mix(colour, "#000000", 0.2)}" stroke-width="1" '
                f'data-client="{node_id}"/>'
            )
        else:
            circles.append(
                f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="#FFFFFF" '
                f'stroke="{colour}" stroke-width="2" data-client="{node_id}"/>'
            )
        bold = node_id == tree.root_id
        space = min(room[node_id], 2 * (x - 4), 2 * (natural_w - x - 4), 2 * unit)
        name = fit_text(node.name, space, name_size, bold=bold, max_chars=24)
        name_y = y + r + 4 + name_size - 1
        texts.append(
            text_element(
                x,
                name_y,
                name,
                size=name_size,
                anchor="middle",
                bold=bold,
                fill=TEXT,
            )
        )
        if show_revenue and node.revenue:
            texts.append(
                text_element(
                    x,
                    name_y + money_size + 3,
                    format_rupiah_compact(node.revenue, lang=lang),
                    size=money_size,
                    fill=MUTED,
                    anchor="middle",
                )
            )
    out += circles
    out += texts
    out.append(SVG_CLOSE)
    return "".join(out)
