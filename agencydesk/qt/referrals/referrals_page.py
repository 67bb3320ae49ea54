"""The Referrals section: whose happy clients brought more clients, and what that brought in.

Left: "Whole business", then every client who came on their own and brought someone (the root
of a cascade), with how many clients and how much revenue the cascade brought, the largest
first; a filter box narrows the list. Right: for a root, the figures in plain words and three
tabs (the tree, the spread over time, the generations); for the whole business, the share of
revenue that came by referral and the top referrers.

Everything is read in a worker (`root_report`: the tree, the figures and the spread from one
read; the tree is laid out there too). A result for a root the user has since left is dropped.
The page refreshes when clients or orders change (at once while shown, else when shown again).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import referrals
from agencydesk.core.changes import Topic
from agencydesk.core.errors import UserError
from agencydesk.core.referrals import (
    BusinessSpread,
    Cascade,
    GenerationStats,
    ReferrerStats,
    RootReport,
)
from agencydesk.qt.common import workers
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.formatting import format_money
from agencydesk.qt.referrals.referral_tree_view import (
    MUTED_COLOUR,
    ReferralTreePanel,
    generation_name,
    layout_positions,
)

if TYPE_CHECKING:
    from types import ModuleType

ROOT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
DELETED_ROLE = Qt.ItemDataRole.UserRole + 3
#: the "Whole business" row's id
BUSINESS = 0
#: what changes these figures
WATCHED = (Topic.CLIENTS, Topic.ORDERS)

_ModelIndex = QModelIndex | QPersistentModelIndex


# -- reading, in a worker -----------------------------------------------------------------------
@dataclass(frozen=True)
class RootRow:
    """A client who came on their own and brought someone, with what their cascade brought."""

    client_id: int
    name: str
    deleted: bool
    own_revenue: int
    brought: int  # everyone below them
    cascade_revenue: int  # the revenue of everyone below them


def cascade_roots(nodes: list[referrals.Node]) -> list[RootRow]:
    """The roots with a cascade, from `referrals.forest` (pre-order), largest revenue first."""
    rows: list[RootRow] = []
    root: referrals.Node | None = None
    brought = revenue = 0

    def close() -> None:
        if root is not None and brought:
            rows.append(RootRow(root.id, root.name, root.deleted, root.revenue, brought, revenue))

    for node in nodes:
        if node.parent_id is None:
            close()
            root, brought, revenue = node, 0, 0
        else:
            brought += 1
            revenue += node.revenue
    close()
    rows.sort(key=lambda r: (-r.cascade_revenue, -r.brought, r.name.casefold(), r.client_id))
    return rows


def _load_roots(engine: Engine) -> list[RootRow]:
    with Session(engine) as session:
        return cascade_roots(referrals.forest(session=session))


@dataclass(frozen=True)
class RootLoaded:
    report: RootReport
    positions: dict[int, tuple[float, float]]


def _load_root(engine: Engine, root_id: int) -> RootLoaded:
    with Session(engine) as session:
        report = referrals.root_report(session=session, root_id=root_id)
    return RootLoaded(report, layout_positions(report.tree))


def _load_business(engine: Engine) -> BusinessSpread:
    with Session(engine) as session:
        return referrals.business_spread(session=session)


# -- words -----------------------------------------------------------------------------------
def ui_language() -> str:
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def format_decimal(value: float, digits: int = 1) -> str:
    return QLocale().toString(float(value), "f", digits)


def format_percent(share: float) -> str:
    return f"{QLocale().toString(round(share * 100))}%"


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _folded(text: str) -> str:
    """Lower case without accents: "rena" finds "Renée"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- the list of roots ---------------------------------------------------------------------------
class RootsModel(QAbstractListModel):
    """Row 0 is "Whole business"; then the roots, as `cascade_roots` sorted them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roots: list[RootRow] = []

    def set_roots(self, roots: list[RootRow]) -> None:
        self.beginResetModel()
        self.roots = list(roots)
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.roots)

    def row_of(self, client_id: int) -> int:
        if client_id == BUSINESS:
            return 0
        for row, root in enumerate(self.roots, start=1):
            if root.client_id == client_id:
                return row
        return -1

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() <= len(self.roots):
            return None
        if index.row() == 0:
            return self._business_data(role)
        root = self.roots[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if root.deleted:
                return self.tr("{name} (deleted)").format(name=root.name)
            return root.name
        if role == ROOT_ID_ROLE:
            return root.client_id
        if role == SUBTITLE_ROLE:
            return self._subtitle(root)
        if role == DELETED_ROLE:
            return root.deleted
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<p>{html.escape(root.name)}<br>{html.escape(self._subtitle(root))}</p>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{root.name}. {self._subtitle(root)}"
        if role == Qt.ItemDataRole.ForegroundRole and root.deleted:
            return QColor(MUTED_COLOUR)
        return None

    def _subtitle(self, root: RootRow) -> str:
        brought = (
            self.tr("brought 1 client")
            if root.brought == 1
            else self.tr("brought {count} clients").format(count=root.brought)
        )
        return f"{brought} · {format_money(root.cascade_revenue)}"

    def _business_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Whole business")
        if role == ROOT_ID_ROLE:
            return BUSINESS
        if role == SUBTITLE_ROLE:
            return self.tr("all referrals together")
        if role == DELETED_ROLE:
            return False
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Whole business: all referrals together")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RootsFilter(QSortFilterProxyModel):
    """Keeps "Whole business" and the roots whose name holds the typed text (any case or
    accents)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = _folded(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = _folded(text.strip())
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:
        if source_row == 0 or not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, RootsModel)
        return self._needle in _folded(model.roots[source_row - 1].name)


class RootDelegate(QStyledItemDelegate):
    """Two lines: the name, then what the cascade brought (muted)."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.highlightedText().color() if selected else palette.text().color()
        if index.data(DELETED_ROLE) and not selected:
            main = QColor(MUTED_COLOUR)
        muted = main if selected else QColor(MUTED_COLOUR)
        rect = opt.rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(main)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), line),
            flags,
            opt.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(option.font)
        painter.setFont(small)
        painter.setPen(muted)
        subtitle = str(index.data(SUBTITLE_ROLE) or "")
        painter.drawText(
            QRectF(rect.left(), rect.top() + line + 2, rect.width(), line),
            flags,
            option.fontMetrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


# -- charts ------------------------------------------------------------------------------------
def _charts() -> ModuleType | None:
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


# -- small tables ------------------------------------------------------------------------------
def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    if len(headers) == 2:  # a name and a figure: the name takes the room
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    else:  # every column as wide as it needs, the last one takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
    return table


def _fit_height(table: QTableWidget, most_rows: int = 10) -> None:
    """As tall as its rows (up to *most_rows*, then it scrolls): no empty grey box below."""
    rows = max(1, min(table.rowCount(), most_rows))
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height)


def _cell(text: str, *, number: bool = False, client_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if client_id is not None:
        item.setData(ROOT_ID_ROLE, client_id)
    return item


class ReferralsPage(QWidget):
    client_activated = Signal(int)
    #: the list of roots was (re)read
    roots_loaded = Signal()
    #: a root's figures, tree and charts are shown (its client id)
    root_shown = Signal(int)
    #: the whole-business figures are shown
    business_shown = Signal()

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralsPage")
        self._engine = engine
        #: the row the user chose (BUSINESS or a root's client id), and what the right side shows
        self.chosen: int | None = None
        self.shown: int | None = None
        self.loaded: RootLoaded | None = None
        self.business: BusinessSpread | None = None
        self._stale = False

        # -- left: the roots
        self.filter = QLineEdit()
        self.filter.setObjectName("referralFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.setClearButtonEnabled(True)
        self.model = RootsModel(self)
        self.proxy = RootsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.roots = QListView()
        self.roots.setObjectName("referralRoots")
        self.roots.setModel(self.proxy)
        self.roots.setItemDelegate(RootDelegate(self.roots))
        self.roots.setUniformItemSizes(True)
        self.roots.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roots.setAccessibleName(self.tr("Who started a cascade"))
        self.roots.selectionModel().currentChanged.connect(self._current_changed)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.roots_hint = QLabel()
        self.roots_hint.setWordWrap(True)
        self.roots_hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        left_title = QLabel(self.tr("Who brought clients"))
        left_title.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 10, 6, 10)
        left_layout.addWidget(left_title)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.roots, 1)
        left_layout.addWidget(self.roots_hint)

        # -- right: title, figures, tabs or business tables
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(110)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Loading"))
        # the figures strip: the headline number big on the left, the rest in words
        self.headline = QLabel()
        self.headline.setObjectName("referralHeadline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        headline_font = self.headline.font()
        headline_font.setPointSizeF(headline_font.pointSizeF() * 2.0)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.headline.setStyleSheet("color: #0072B2;")
        self.headline_caption = QLabel()
        self.headline_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.headline_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline_caption.setWordWrap(True)
        self.headline_caption.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.headline_box = QWidget()
        self.headline_box.setFixedWidth(120)
        headline_layout = QVBoxLayout(self.headline_box)
        headline_layout.setContentsMargins(0, 0, 0, 0)
        headline_layout.setSpacing(0)
        headline_layout.addStretch(1)
        headline_layout.addWidget(self.headline)
        headline_layout.addWidget(self.headline_caption)
        headline_layout.addStretch(1)
        self.figures = QLabel()
        self.figures.setObjectName("referralFigureWords")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.figures_strip = QWidget()
        self.figures_strip.setObjectName("referralFigures")
        self.figures_strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.figures_strip.setStyleSheet(
            "#referralFigures { background: palette(base); border: 1px solid #d9d9d9;"
            " border-left: 4px solid #0072B2; border-radius: 6px; }"
        )
        strip_layout = QHBoxLayout(self.figures_strip)
        strip_layout.setContentsMargins(8, 8, 12, 8)
        strip_layout.setSpacing(12)
        strip_layout.addWidget(self.headline_box)
        strip_layout.addWidget(self.figures, 1)

        self.tree = ReferralTreePanel()
        self.tree.view.client_activated.connect(self.client_activated)
        self.spread_chart = SvgChartView()
        self.spread_revenue = QRadioButton(self.tr("Revenue"))
        self.spread_orders = QRadioButton(self.tr("Orders"))
        self.spread_revenue.setChecked(True)
        self._metric_group = QButtonGroup(self)
        self._metric_group.addButton(self.spread_revenue)
        self._metric_group.addButton(self.spread_orders)
        self.spread_revenue.toggled.connect(lambda _on: self._show_spread())
        spread = QWidget()
        spread_layout = QVBoxLayout(spread)
        spread_layout.setContentsMargins(0, 6, 0, 0)
        metric_row = QHBoxLayout()
        metric_row.addWidget(QLabel(self.tr("Show:")))
        metric_row.addWidget(self.spread_revenue)
        metric_row.addWidget(self.spread_orders)
        metric_row.addStretch(1)
        spread_layout.addLayout(metric_row)
        spread_layout.addWidget(self.spread_chart, 1)
        self.generations_chart = SvgChartView()
        self.generations_table = _table(self._generation_headers())
        generations = QWidget()
        generations_layout = QVBoxLayout(generations)
        generations_layout.setContentsMargins(0, 6, 0, 0)
        generations_layout.addWidget(self.generations_chart, 1)
        generations_layout.addWidget(self.generations_table)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.tree, self.tr("Tree"))
        self.tabs.addTab(spread, self.tr("Spread over time"))
        self.tabs.addTab(generations, self.tr("Generations"))

        self.top_revenue = _table([self.tr("Client"), self.tr("Revenue brought")])
        self.top_count = _table([self.tr("Client"), self.tr("Clients brought")])
        self.business_generations = _table(self._generation_headers())
        for table in (self.top_revenue, self.top_count):
            table.itemActivated.connect(self._table_activated)
            table.setToolTip(self.tr("Double-click a client to open them"))
        self.business_view = QWidget()
        business_layout = QVBoxLayout(self.business_view)
        business_layout.setContentsMargins(0, 6, 0, 0)
        tops = QHBoxLayout()
        tops.addLayout(self._captioned(self.tr("Who brought the most revenue"), self.top_revenue))
        tops.addLayout(self._captioned(self.tr("Who brought the most clients"), self.top_count))
        tops.setAlignment(Qt.AlignmentFlag.AlignTop)
        business_layout.addLayout(tops)
        business_layout.addSpacing(8)
        business_layout.addLayout(
            self._captioned(
                self.tr("By generation, all cascades together"), self.business_generations
            )
        )
        business_layout.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.business_view)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 10, 12, 10)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        right_layout.addLayout(header)
        right_layout.addWidget(self.figures_strip)
        right_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 800])
        self.splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.tabs.currentChanged.connect(lambda _index: self._show_current_tab())
        follow_changes(self, WATCHED, self.refresh)
        self.figures_strip.setVisible(False)
        self.refresh()

    def _captioned(self, caption: str, widget: QWidget) -> QVBoxLayout:
        box = QVBoxLayout()
        label = QLabel(caption)
        label.setStyleSheet("font-weight: bold;")
        box.addWidget(label)
        box.addWidget(widget)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)
        return box

    def _generation_headers(self) -> list[str]:
        return [
            self.tr("Generation"),
            self.tr("Clients"),
            self.tr("Orders"),
            self.tr("Revenue"),
            self.tr("New clients per client"),
            self.tr("Days to their referrals"),
        ]

    # -- refreshing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roots again, then what is on the right."""
        engine = self._engine
        self._set_busy(True)
        workers.run_task(
            lambda: _load_roots(engine),
            self._roots_read,
            lambda exc, details: self._failed(exc, details, roots=True),
            owner=self,
            key="roots",
        )

    def _roots_read(self, rows: list[RootRow]) -> None:
        self.model.set_roots(rows)
        self.roots_hint.setText(
            ""
            if rows
            else self.tr(
                "Nobody has brought a client yet. When you note on a client who introduced "
                "them, the one who started it appears here."
            )
        )
        self.roots_hint.setVisible(not rows)
        self.roots_loaded.emit()
        wanted = self.chosen if self.chosen is not None else BUSINESS
        if self.model.row_of(wanted) < 0:
            wanted = BUSINESS
        self._select_row(wanted, load=True)

    def _select_row(self, client_id: int, *, load: bool) -> None:
        row = self.model.row_of(client_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        blocker = self.roots.selectionModel().blockSignals(True)
        try:
            self.roots.setCurrentIndex(index)
        finally:
            self.roots.selectionModel().blockSignals(blocker)
        if load:
            self.choose(client_id)

    # -- choosing --------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        client_id = current.data(ROOT_ID_ROLE)
        if isinstance(client_id, int) and client_id != self.chosen:
            self.choose(client_id)

    def select_root(self, client_id: int) -> None:
        """Choose *client_id* (a root, or BUSINESS) in the list and show it."""
        self._select_row(client_id, load=True)

    def choose(self, client_id: int) -> None:
        """Show the whole business (BUSINESS) or a root's cascade; the read runs in a worker and
        its result is dropped if the user chose something else meanwhile."""
        self.chosen = client_id
        engine = self._engine
        self._set_busy(True)
        if client_id == BUSINESS:
            workers.run_task(
                lambda: _load_business(engine),
                self._business_read,
                self._failed,
                owner=self,
                key="chosen",
            )
        else:
            workers.run_task(
                lambda: _load_root(engine, client_id),
                self._root_read,
                self._failed,
                owner=self,
                key="chosen",
            )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _failed(self, exc: BaseException, details: str, *, roots: bool = False) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):  # the client was deleted meanwhile: read the list again
            self.title.setText("")
            self.figures_strip.setVisible(False)
            self.message.setText(str(exc))
            self.stack.setCurrentWidget(self.message)
            if not roots:
                self.chosen = None
                self.refresh()
            return
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    # -- one root ------------------------------------------------------------------------------
    def _root_read(self, loaded: RootLoaded) -> None:
        self._set_busy(False)
        cascade = loaded.report.cascade
        same = self.shown == cascade.root_id
        self.loaded = loaded
        self.shown = cascade.root_id
        self.title.setText(cascade.root_name)
        self.figures.setText(self.root_figures(cascade))
        self._root_headline(cascade)
        self.figures_strip.setVisible(True)
        self.tree.set_tree(
            loaded.report.tree, loaded.positions, title=cascade.root_name, keep_view=same
        )
        self._fill_generations(
            self.generations_table, cascade.generations, root_name=cascade.root_name
        )
        self.stack.setCurrentWidget(self.tabs)
        self._show_current_tab()
        self.root_shown.emit(cascade.root_id)

    def root_figures(self, cascade: Cascade) -> str:
        """The figures strip, in plain words (rich text; the name escaped)."""
        own = self.tr("{name}'s own paid orders: {own}").format(
            name=html.escape(cascade.root_name), own=_bold(format_money(cascade.root_revenue))
        )
        brought = self.tr("Paid orders from everyone they brought: {brought}").format(
            brought=_bold(format_money(cascade.cascade_revenue))
        )
        lines = [own, brought]
        size = self.tr("{count} clients in {generations} generations").format(
            count=_bold(str(cascade.clients)), generations=_bold(str(len(cascade.generations)))
        )
        lines.append(size if cascade.k is None else f"{size} · {self._k_words(cascade.k)}")
        if cascade.median_days_between_generations is not None:
            lines.append(self._days_words(cascade.median_days_between_generations))
        return "<br>".join(lines + self._other_currencies(cascade.paid_other_currencies))

    def _root_headline(self, cascade: Cascade) -> None:
        if cascade.multiplier is not None:
            self.headline.setText(f"{format_decimal(cascade.multiplier)}×")
            self.headline_caption.setText(self.tr("their own orders"))
        else:
            self.headline.setText(str(cascade.referred))
            self.headline_caption.setText(self.tr("clients brought"))

    def _k_words(self, k: float) -> str:
        return self.tr("K = {k} new clients per client").format(k=_bold(format_decimal(k)))

    def _days_words(self, days: float) -> str:
        return self.tr("About {days} days between generations").format(days=_bold(str(round(days))))

    def _other_currencies(self, amounts: dict[str, int]) -> list[str]:
        if not amounts:
            return []
        listed = ", ".join(format_money(amount, currency) for currency, amount in amounts.items())
        return [
            f'<span style="color:{MUTED_COLOUR}">'
            + html.escape(
                self.tr("Not counted above, paid in other currencies: {amounts}")
            ).replace("{amounts}", html.escape(listed))
            + "</span>"
        ]

    def _show_current_tab(self) -> None:
        """Charts are drawn for the tab in view only."""
        current = self.tabs.currentIndex()
        if current == 1:
            self._show_spread()
        elif current == 2:
            self._show_generations()

    def _show_spread(self) -> None:
        loaded = self.loaded
        if loaded is None or self.tabs.currentIndex() != 1:
            return
        charts = _charts()
        if charts is None:
            self.spread_chart.set_chart(None, self.tr("Charts are not available."))
            return
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
        loaded = self.loaded
        if loaded is None or self.tabs.currentIndex() != 2:
            return
        charts = _charts()
        if charts is None:
            self.generations_chart.set_chart(None, self.tr("Charts are not available."))
            return
        cascade = loaded.report.cascade
        lang = ui_language()
        self.generations_chart.set_chart(
            lambda width, height: charts.generation_bars_svg(
                cascade, lang=lang, width=width, height=height
            )
        )

    def _fill_generations(
        self, table: QTableWidget, stats: tuple[GenerationStats, ...], *, root_name: str = ""
    ) -> None:
        """One row per generation; the first is the root (*root_name*), or for the whole
        business everyone who came on their own."""
        table.setRowCount(len(stats))
        for row, g in enumerate(stats):
            if g.generation == 0:
                label = root_name or self.tr("Came on their own")
            else:
                label = generation_name(g.generation)
            days = g.median_days_to_referrals
            cells = [
                _cell(label),
                _cell(str(g.clients), number=True),
                _cell(str(g.orders), number=True),
                _cell(format_money(g.revenue), number=True),
                _cell(format_decimal(g.k) if g.k is not None else "–", number=True),
                _cell(str(round(days)) if days is not None else "–", number=True),
            ]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        _fit_height(table)

    # -- the whole business ----------------------------------------------------------------------
    def _business_read(self, spread: BusinessSpread) -> None:
        self._set_busy(False)
        self.business = spread
        self.shown = BUSINESS
        self.loaded = None
        self.title.setText(self.tr("Whole business"))
        self.figures.setText(self.business_figures(spread))
        if spread.referral_share is not None:
            self.headline.setText(format_percent(spread.referral_share))
            self.headline_caption.setText(self.tr("of revenue came by referral"))
        else:
            self.headline.setText(str(spread.referred_clients))
            self.headline_caption.setText(self.tr("clients came by referral"))
        self.figures_strip.setVisible(True)
        self._fill_referrers(self.top_revenue, spread.top_by_revenue, by_revenue=True)
        self._fill_referrers(self.top_count, spread.top_by_count, by_revenue=False)
        self._fill_generations(self.business_generations, spread.generations)
        self.stack.setCurrentWidget(self.business_view)
        self.business_shown.emit()

    def business_figures(self, spread: BusinessSpread) -> str:
        if spread.referral_share is not None:
            share = self.tr("Clients someone introduced paid {referred} of your {total}").format(
                referred=_bold(format_money(spread.referred_revenue)),
                total=_bold(format_money(spread.total_revenue)),
            )
        else:
            share = self.tr("No paid orders yet.")
        clients = self.tr("{referred} of {count} clients came through someone").format(
            referred=_bold(str(spread.referred_clients)), count=_bold(str(spread.clients))
        )
        lines = [share, clients]
        if spread.k is not None:
            lines.append(self._k_words(spread.k))
        if spread.median_days_between_generations is not None:
            lines.append(self._days_words(spread.median_days_between_generations))
        return "<br>".join(lines + self._other_currencies(spread.paid_other_currencies))

    def _fill_referrers(
        self, table: QTableWidget, rows: tuple[ReferrerStats, ...], *, by_revenue: bool
    ) -> None:
        table.setRowCount(len(rows))
        for row, stats in enumerate(rows):
            name = (
                self.tr("{name} (deleted)").format(name=stats.name) if stats.deleted else stats.name
            )
            name_item = _cell(name, client_id=stats.client_id)
            name_item.setToolTip(
                html.escape(
                    self.tr("Brought {count} clients, {direct} of them directly: {money}").format(
                        count=stats.cascade_clients,
                        direct=stats.direct_referrals,
                        money=format_money(stats.cascade_revenue),
                    )
                )
            )
            if stats.deleted:
                name_item.setForeground(QColor(MUTED_COLOUR))
            table.setItem(row, 0, name_item)
            value = (
                format_money(stats.cascade_revenue) if by_revenue else str(stats.cascade_clients)
            )
            table.setItem(row, 1, _cell(value, number=True, client_id=stats.client_id))
        _fit_height(table)

    def _table_activated(self, item: QTableWidgetItem) -> None:
        client_id = item.data(ROOT_ID_ROLE)
        if isinstance(client_id, int):
            self.client_activated.emit(client_id)
