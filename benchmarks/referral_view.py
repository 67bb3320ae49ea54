"""Referral tree view benchmark: is a 2,000-client cascade smooth to look at?

Builds (bulk inserts) a temporary database with one cascade of ``--nodes`` clients (heavy-tailed:
most bring nobody, a few bring many; up to 8 generations) and their orders, reads it with
`referrals.root_report` as the page does, then times, median of ``--runs`` in the same process,
on the offscreen platform:

- ``build``: `ReferralTreeView.set_tree` (items, index, fit) from the report and its layout;
- ``paint_fit``: rendering the view's viewport into a QImage, the whole tree in view;
- ``paint_zoom``: the same at life size (names and amounts shown), centred on the middle node;
- ``baseline``: the same viewport render of a bare QGraphicsScene holding 2,000 plain
  QGraphicsRectItems at the same places, fitted the same way: what Qt itself costs.

    python benchmarks/referral_view.py [--nodes 2000] [--runs 30] [--width 1100] [--height 700]

``paint_ms`` is the slower of the two views (the goal: well under 16 ms, one frame at 60 Hz);
``ratio`` = paint_ms / baseline_paint_ms. The last line is machine-readable:
``BENCH referral_view build_ms=… paint_ms=… baseline_paint_ms=… ratio=… paint_fit_ms=…
paint_zoom_ms=…``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa
from _forest import Forest, client_rows, insert_rows, median_ms, order_row
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget
from sqlmodel import Session

from agencydesk.core import migrate, referrals
from agencydesk.core.db import sqlite_url
from agencydesk.qt.referrals.referral_tree_view import ReferralTreeView
from agencydesk.qt.referrals.tree_drawing import layout_positions

START = date(2019, 1, 1)


def build_cascade(engine: sa.Engine, nodes: int, seed: int) -> int:
    """One root and *nodes* - 1 clients below it, each with one to four orders. Returns the
    root's id."""
    rng = random.Random(seed)
    forest = Forest()
    root = forest.add(None, START)

    def brings(node: int) -> int:
        if node == root:
            return 1
        return min(40, 0 if rng.random() < 0.55 else int(rng.paretovariate(1.2)))

    while len(forest) < nodes:  # when everyone stopped bringing, the root brings one more
        forest.grow([root], nodes, brings, (10, 200), rng)
    order_rows = []
    for i in range(1, nodes + 1):
        for n in range(rng.randint(1, 4)):
            won = forest.started[i] + timedelta(days=5 + 90 * n)
            paid = rng.random() < 0.8
            order_rows.append(
                order_row(
                    i,
                    rng.randint(5, 200) * 100_000,
                    "paid" if paid else "won",
                    won - timedelta(days=7),
                    won,
                    won + timedelta(days=20) if paid else None,
                )
            )
    rows = client_rows(forest, lambda i: f"Ibu Klien {i:04d} Wulandari", lambda i: i % 173 == 0)
    insert_rows(engine, rows, order_rows)
    return root


def render(widget: QWidget, image: QImage) -> None:
    """One full repaint of *widget* (the view's viewport: its paintEvent) into *image*."""
    image.fill(0)
    widget.render(image)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=700)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory(prefix="agencydesk-bench-") as folder:
        engine = migrate.open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        root_id = build_cascade(engine, args.nodes, args.seed)
        with Session(engine) as session:
            report = referrals.root_report(session=session, root_id=root_id)
        engine.dispose()
    tree = report.tree
    positions = layout_positions(tree)
    depth = 1 + max(node.generation for node in tree.nodes.values())
    print(f"cascade: {len(tree.nodes)} clients, {depth} generations", file=sys.stderr)

    view = ReferralTreeView()
    view.resize(args.width, args.height)
    view.set_tree(tree, positions)
    viewport = view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)

    build_ms = median_ms(lambda: view.set_tree(tree, positions), max(3, args.runs // 3))
    view.fit()
    paint_fit_ms = median_ms(lambda: render(viewport, image), args.runs)
    middle = sorted(tree.nodes)[len(tree.nodes) // 2]
    view.zoom_by(1.0 / view.scale_factor())
    view.centerOn(view.node_scene_pos(middle))
    paint_zoom_ms = median_ms(lambda: render(viewport, image), args.runs)
    print(f"items in the scene: {view.item_count()}", file=sys.stderr)

    # the baseline: the same places, plain rectangles, Qt's defaults (BSP index and all)
    scene = QGraphicsScene()
    brush = QBrush(QColor("#0072B2"))
    pen = QPen(QColor("#FFFFFF"))
    for x, y in positions.values():
        scene.addRect(QRectF(x - 12, y - 12, 24, 24), pen, brush)
    bare = QGraphicsView(scene)
    bare.setRenderHint(QPainter.RenderHint.Antialiasing)
    bare.resize(args.width, args.height)
    bare.setSceneRect(view.sceneRect())
    bare.fitInView(view.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    baseline_ms = median_ms(lambda: render(bare.viewport(), image), args.runs)

    paint_ms = max(paint_fit_ms, paint_zoom_ms)
    ratio = paint_ms / baseline_ms if baseline_ms else float("nan")
    app.processEvents()
    print(
        f"BENCH referral_view build_ms={build_ms:.1f} paint_ms={paint_ms:.2f} "
        f"baseline_paint_ms={baseline_ms:.2f} ratio={ratio:.2f} "
        f"paint_fit_ms={paint_fit_ms:.2f} paint_zoom_ms={paint_zoom_ms:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
