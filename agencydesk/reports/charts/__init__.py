"""The referral charts as SVG text, for the Qt app (QSvgRenderer) and the PDF report (vector).

Pure Python, no Qt and no plotting library: three small generators that draw what a designer
would, with everything measured here (`svg.py`):

- `spread_chart_svg` (`spread.py`): one client spreading into new orders over time;
- `generation_bars_svg` (`generations.py`): per generation its clients, orders, revenue and K;
- `tree_svg` (`tree.py`): the tidy referral tree, node area proportional to revenue.

The output keeps to what QSvgRenderer (SVG Tiny 1.2) draws: plain presentation attributes, no
CSS, markers, filters or foreignObject. Client names are escaped. The charts' words are in the
report's one string table (`reports/text.py`), English and Indonesian.
"""

from agencydesk.reports.charts.generations import generation_bars_svg
from agencydesk.reports.charts.labels import (
    format_rupiah_compact,
    generation_label,
    given_name,
    short_name,
)
from agencydesk.reports.charts.spread import spread_chart_svg
from agencydesk.reports.charts.tree import (
    LEVEL_DISTANCE,
    MAX_RADIUS,
    MIN_RADIUS,
    SIBLING_DISTANCE,
    node_radius,
    tree_geometry,
    tree_svg,
    tree_width_at_least,
)

__all__ = [
    "LEVEL_DISTANCE",
    "MAX_RADIUS",
    "MIN_RADIUS",
    "SIBLING_DISTANCE",
    "format_rupiah_compact",
    "generation_bars_svg",
    "generation_label",
    "given_name",
    "node_radius",
    "short_name",
    "spread_chart_svg",
    "tree_geometry",
    "tree_svg",
    "tree_width_at_least",
]
