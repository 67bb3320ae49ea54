"""The left of the Referrals section: "Whole business", then every client who brought someone:
each who came on their own (the root of a cascade), the largest cascade first, followed by the
clients of that cascade who brought others too, indented under whoever introduced them. A filter
box narrows the list (any case or accents)."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from agencydesk.core import referrals
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.formatting import format_money
from agencydesk.qt.common.item_painting import draw_cell_without_text
from agencydesk.qt.common.list_view import search_box
from agencydesk.qt.referrals.tree_drawing import MUTED_COLOUR

ROOT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
# how many referrers above the row's client (0: they came on their own)
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 3
# the "Whole business" row's id
BUSINESS = 0

_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RootRow:
    """A client who brought someone, with what their branch of the referral forest brought."""

    client_id: int
    name: str
    own_revenue: int
    brought: int  # everyone below them
    cascade_revenue: int  # the revenue of everyone below them
    depth: int = 0  # 0: came on their own; 1: introduced by a root; …
    referrer: str = ""  # who introduced them ("" for a root)


def cascade_roots(nodes: list[referrals.Node]) -> list[RootRow]:
    """Everyone who brought someone, from `referrals.forest` (pre-order): the roots, largest
    cascade revenue first, each followed by the referrers of their cascade (depth first,
    siblings again by what their branch brought)."""
    by_id = {node.id: node for node in nodes}
    brought: dict[int, int] = {}
    revenue: dict[int, int] = {}
    for node in reversed(nodes):  # children before their referrer
        brought[node.id] = sum(brought[c] + 1 for c in node.children)
        revenue[node.id] = sum(revenue[c] + by_id[c].revenue for c in node.children)

    def key(node: referrals.Node) -> tuple[int, int, str, int]:
        return (-revenue[node.id], -brought[node.id], node.name.casefold(), node.id)

    rows: list[RootRow] = []
    roots = sorted((n for n in nodes if n.parent_id is None and n.children), key=key)
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        referrer = by_id[node.parent_id].name if node.parent_id is not None else ""
        rows.append(
            RootRow(
                node.id,
                node.name,
                node.revenue,
                brought[node.id],
                revenue[node.id],
                depth,
                referrer,
            )
        )
        below = sorted((by_id[c] for c in node.children if by_id[c].children), key=key)
        stack.extend((child, depth + 1) for child in reversed(below))
    return rows


def _folded(text: str) -> str:
    """Lower case without accents: "rena" finds "Renée"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
            return root.name
        if role == ROOT_ID_ROLE:
            return root.client_id
        if role == SUBTITLE_ROLE:
            return self._subtitle(root)
        if role == DEPTH_ROLE:
            return root.depth
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [root.name, self._subtitle(root)]
            if root.referrer:
                lines.append(self.tr("Introduced by {name}").format(name=root.referrer))
            return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if root.referrer:
                return self.tr("{name}, introduced by {referrer}. {figures}").format(
                    name=root.name, referrer=root.referrer, figures=self._subtitle(root)
                )
            return f"{root.name}. {self._subtitle(root)}"
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
        if role == DEPTH_ROLE:
            return 0
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
    """Two lines: the name, then what the cascade brought (muted); a client introduced by
    someone in the list is indented under them."""

    PADDING = 6
    INDENT = 16

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        opt = draw_cell_without_text(self, painter, option, index)
        name = opt.text
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.highlightedText().color() if selected else palette.text().color()
        muted = main if selected else QColor(MUTED_COLOUR)
        indent = self.INDENT * int(index.data(DEPTH_ROLE) or 0)
        rect = opt.rect.adjusted(
            self.PADDING + 4 + indent, self.PADDING, -self.PADDING, -self.PADDING
        )
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


class RootsPanel(QWidget):
    """The title, the filter box, the list of roots and, while nobody brought anyone, a hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = search_box("referralFilter", self.tr("Filter by name"))
        self.model = RootsModel(self)
        self.proxy = RootsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.roots = QListView()
        self.roots.setObjectName("referralRoots")
        self.roots.setModel(self.proxy)
        self.roots.setItemDelegate(RootDelegate(self.roots))
        self.roots.setUniformItemSizes(True)
        self.roots.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roots.setAccessibleName(self.tr("Who brought clients"))
        self.filter.textChanged.connect(self.proxy.set_text)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        title = QLabel(self.tr("Who brought clients"))
        title.setStyleSheet("font-weight: bold;")
        top_to_bottom(
            (title, self.filter, (self.roots, 1), self.hint), self, margins=(12, 10, 6, 10)
        )

    def set_roots(self, rows: list[RootRow]) -> None:
        self.model.set_roots(rows)
        self.hint.setText(
            ""
            if rows
            else self.tr(
                "Nobody has brought a client yet. When you note on a client who introduced "
                "them, the one who brought them appears here."
            )
        )
        self.hint.setVisible(not rows)

    def select(self, client_id: int) -> None:
        """Make *client_id*'s row (a referrer, or BUSINESS) the current one, without
        signalling."""
        row = self.model.row_of(client_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        blocker = self.roots.selectionModel().blockSignals(True)
        try:
            self.roots.setCurrentIndex(index)
        finally:
            self.roots.selectionModel().blockSignals(blocker)
