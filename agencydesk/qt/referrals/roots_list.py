"""The left of the Referrals section: "Whole business", then every client who came on their
own and brought someone (the root of a cascade), with what the cascade brought, the largest first;
a filter box narrows the list (any case or accents)."""

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
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from agencydesk.core import referrals
from agencydesk.qt.common.formatting import format_money
from agencydesk.qt.referrals.tree_drawing import MUTED_COLOUR

ROOT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
DELETED_ROLE = Qt.ItemDataRole.UserRole + 3
#: the "Whole business" row's id
BUSINESS = 0

_ModelIndex = QModelIndex | QPersistentModelIndex


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


class RootsPanel(QWidget):
    """The title, the filter box, the list of roots and, while nobody brought anyone, a hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.filter.textChanged.connect(self.proxy.set_text)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        title = QLabel(self.tr("Who brought clients"))
        title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 6, 10)
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self.roots, 1)
        layout.addWidget(self.hint)

    def set_roots(self, rows: list[RootRow]) -> None:
        self.model.set_roots(rows)
        self.hint.setText(
            ""
            if rows
            else self.tr(
                "Nobody has brought a client yet. When you note on a client who introduced "
                "them, the one who started it appears here."
            )
        )
        self.hint.setVisible(not rows)

    def select(self, client_id: int) -> None:
        """Make *client_id*'s row (a root, or BUSINESS) the current one, without signalling."""
        row = self.model.row_of(client_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        blocker = self.roots.selectionModel().blockSignals(True)
        try:
            self.roots.setCurrentIndex(index)
        finally:
            self.roots.selectionModel().blockSignals(blocker)
