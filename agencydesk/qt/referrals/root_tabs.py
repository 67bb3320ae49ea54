"""A root's cascade in three tabs: the tree, the spread over time (revenue or orders) and the
generations (a chart and a table). Charts are drawn for the tab in view only."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QTabWidget,
    QWidget,
)

from agencydesk.core.referrals import RootReport
from agencydesk.qt.common.buttons import button_row
from agencydesk.qt.common.dialog_layout import scrolling, top_to_bottom
from agencydesk.qt.common.formatting import ui_language
from agencydesk.qt.referrals.figure_tables import GenerationsTable
from agencydesk.qt.referrals.referral_tree_panel import ReferralTreePanel
from agencydesk.qt.referrals.svg_chart_view import SvgChartView, charts_module

_SPREAD_TAB = 1
_GENERATIONS_TAB = 2


@dataclass(frozen=True)
class RootLoaded:
    """A root's report, and its tree laid out (both made in a worker)."""

    report: RootReport
    positions: dict[int, tuple[float, float]]


class RootTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: RootLoaded | None = None
        self.setDocumentMode(True)
        self.tree = ReferralTreePanel()
        self.addTab(self.tree, self.tr("Tree"))
        self.addTab(self._spread_tab(), self.tr("Spread over time"))
        self.addTab(self._generations_tab(), self.tr("Generations"))
        self.currentChanged.connect(lambda _index: self.show_current_tab())

    def _spread_tab(self) -> QWidget:
        self.spread_chart = SvgChartView()
        self.spread_revenue = QRadioButton(self.tr("Revenue"))
        self.spread_orders = QRadioButton(self.tr("Orders"))
        self.spread_revenue.setChecked(True)
        self._metric_group = QButtonGroup(self)
        self._metric_group.addButton(self.spread_revenue)
        self._metric_group.addButton(self.spread_orders)
        self.spread_revenue.toggled.connect(lambda _on: self._show_spread())
        tab = QWidget()
        metric_row = button_row(
            QLabel(self.tr("Show:")), self.spread_revenue, self.spread_orders, None
        )
        top_to_bottom((metric_row, (self.spread_chart, 1)), tab, margins=(0, 6, 0, 0))
        return tab

    def _generations_tab(self) -> QWidget:
        self.generations_chart = SvgChartView()
        self.generations_table = GenerationsTable()
        inside = QWidget()
        top_to_bottom(
            ((self.generations_chart, 1), self.generations_table), inside, margins=(0, 6, 0, 0)
        )
        # scrolls up and down where the window is short: squeezed, the chart shrank under its
        # least height and the table's last rows were cut off with nothing to scroll
        return scrolling(inside, sideways=False)

    def show_root(self, loaded: RootLoaded, *, keep_view: bool) -> None:
        """Show *loaded* (its charts with `show_current_tab`, once the tabs are in view);
        *keep_view* keeps the tree's zoom and place (the same root again)."""
        self.loaded = loaded
        cascade = loaded.report.cascade
        self.tree.set_tree(
            loaded.report.tree, loaded.positions, title=cascade.root_name, keep_view=keep_view
        )
        self.generations_table.fill(cascade.generations, root_name=cascade.root_name)

    def show_current_tab(self) -> None:
        """Draw the chart of the tab in view."""
        current = self.currentIndex()
        if current == _SPREAD_TAB:
            self._show_spread()
        elif current == _GENERATIONS_TAB:
            self._show_generations()

    def _chart_to_draw(self, tab: int, view: SvgChartView) -> tuple[RootLoaded, ModuleType] | None:
        """The report and the charts module to draw *tab*'s chart with; None when that tab is
        not in view or nothing is loaded, or when charts are not available (*view* says so)."""
        loaded = self.loaded
        if loaded is None or self.currentIndex() != tab:
            return None
        charts = charts_module()
        if charts is None:
            view.set_chart(None, self.tr("Charts are not available."))
            return None
        return loaded, charts

    def _show_spread(self) -> None:
        to_draw = self._chart_to_draw(_SPREAD_TAB, self.spread_chart)
        if to_draw is None:
            return
        loaded, charts = to_draw
        metric = "orders" if self.spread_orders.isChecked() else "revenue"
        series = loaded.report.spread
        name = loaded.report.cascade.root_name
        lang = ui_language()
        self.spread_chart.set_chart(
            lambda width, height: charts.spread_chart_svg(
                series, metric=metric, lang=lang, root_name=name, width=width, height=height
            )
        )

    def _show_generations(self) -> None:
        to_draw = self._chart_to_draw(_GENERATIONS_TAB, self.generations_chart)
        if to_draw is None:
            return
        loaded, charts = to_draw
        cascade = loaded.report.cascade
        lang = ui_language()
        self.generations_chart.set_chart(
            lambda width, height: charts.generation_bars_svg(
                cascade, lang=lang, width=width, height=height
            )
        )
