"""How every list in agencydesk looks and picks a row: one table set-up, one row selection and
one "list on the left, details on the right" layout.

Light on purpose (PySide6 only, never SQLAlchemy): the start-up client list uses it while the
data layer is still being imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QTreeWidget,
    QWidget,
)

from agencydesk.qt.common.buttons import button_row
from agencydesk.qt.common.dialog_layout import top_to_bottom

# the rows a column sized to its contents is measured on: a page of a list over SQL (Qt's own
# 1,000 read five pages, each a sort of the whole list, at every refresh of 100,000 tickets)
MEASURED_ROWS = 200


def make_table_view(
    model: QAbstractItemModel,
    name: str,
    *,
    sort: tuple[int, Qt.SortOrder] | None = None,
    widths: Mapping[int, int] | Sequence[int] = (),
    stretch: Sequence[int] = (),
    fit: Sequence[int] = (),
    hidden: Sequence[int] = (),
    stretch_last: bool = False,
    min_section: int | None = None,
    word_wrap: bool = False,
) -> QTableView:
    """A read-only table of whole rows, one chosen at a time, alternating colours, no row numbers.

    *sort*: sorting by the header, starting on (column, order); column -1 is the model's own
    order. *widths*: column -> width (a sequence: from column 0). *stretch*: columns sharing the
    room left; *fit*: columns as wide as their contents; *hidden*: columns not shown."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(word_wrap)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_last)
    if min_section is not None:
        header.setMinimumSectionSize(min_section)
    if sort is not None:
        # the indicator first: switching sorting on then asks the model once, for that order
        header.setSortIndicator(*sort)
        table.setSortingEnabled(True)
    column_widths = widths.items() if isinstance(widths, Mapping) else enumerate(widths)
    for column, width in column_widths:
        table.setColumnWidth(column, width)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(MEASURED_ROWS)
    if fit:
        _fit_when_read(table, fit)
    for column in hidden:
        table.setColumnHidden(column, True)
    return table


def _fit_when_read(table: QTableView, columns: Sequence[int]) -> None:
    """*columns* as wide as their contents, measured each time the list is read. Not kept so
    (ResizeToContents): that measured them again at every scroll and every page read, 200 rows
    each time, a third of choosing a row far down a list of 100,000 tickets."""

    def fit() -> None:
        _fit_with_room(table, columns)

    table.model().modelReset.connect(fit)
    table.model().layoutChanged.connect(fit)
    # the first time once the page is built: its delegates (the orders' status pills) draw
    # wider than plain text
    QTimer.singleShot(0, table, fit)


def _fit_with_room(view: QTableView | QTreeWidget, columns: Sequence[int]) -> None:
    """*columns* as wide as their contents and half a character more: fitted exactly, a
    right-aligned title ("Jumlah") lost its last letter to the column's edge, and a date touched
    the column after it ("6 Des 2026 16.03Klien")."""
    room = view.fontMetrics().averageCharWidth() // 2
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    for column in columns:
        # what resizeColumnToContents measures, without reading the width back: a column
        # stepped aside (hidden) reads 0 wide, and came back a sliver
        contents = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        view.setColumnWidth(column, contents + room)


# the search field's least width, in average characters
SEARCH_LEAST_CHARACTERS = 16


def search_box(name: str, placeholder: str) -> QLineEdit:
    """The search field above a list, named *name* (for tests), with a button that clears it."""
    search = QLineEdit()
    search.setObjectName(name)
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    # room for a word or two at the least: in a narrow window the filters and buttons beside it
    # squeezed it to a sliver ("S…")
    search.setMinimumWidth(search.fontMetrics().averageCharWidth() * SEARCH_LEAST_CHARACTERS)
    return search


def headed_list(name: str, headers: Sequence[str], *, fit: Sequence[int] = ()) -> QTreeWidget:
    """A short list of rows with column headers (no tree), one chosen at a time, alternating
    colours; *fit*: columns as wide as their contents (the last one takes the room left)."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setStretchLastSection(True)
    if fit:
        # measured once after each change of its rows (they are added one by one)
        refit = QTimer(tree, singleShot=True, interval=0)
        refit.timeout.connect(lambda: _fit_with_room(tree, fit))
        model = tree.model()
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            changed.connect(refit.start)
        refit.start()
    return tree


def filter_combo(name: str, choices: Iterable[tuple[Any, str]]) -> QComboBox:
    """A drop-down of (item data, text) choices that filters a list."""
    combo = QComboBox()
    combo.setObjectName(name)
    for data, text in choices:
        combo.addItem(text, data)
    return combo


def add_list_item(list_widget: QListWidget, text: str, data: Any) -> QListWidgetItem:
    """Add a row showing *text* that keeps *data* (read back with ``item.data(UserRole)``): what
    QComboBox.addItem(text, data) does, which QListWidget lacks."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    list_widget.addItem(item)
    return item


def select_row(table: QTableView, row: int) -> bool:
    """Make *row* the current, selected row and scroll to it; False when there is no such row."""
    model = table.model()
    if not 0 <= row < model.rowCount():
        return False
    # the first column shown, so that the keyboard starts where the eye does
    column = next(
        (c for c in range(model.columnCount()) if not table.isColumnHidden(c)),
        0,
    )
    index = model.index(row, column)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)
    return True


def list_and_detail(
    top: Sequence[QWidget],
    items: QWidget,
    detail: QWidget,
    *,
    stretch: tuple[int, int],
    sizes: tuple[int, int],
    below: Sequence[QWidget] = (),
) -> QSplitter:
    """The split of the list pages: the *top* row (its first widget, the search, takes the
    room) over the *items* on the left, and the buttons *below* them, if any; the *detail* on
    the right."""
    top_row = QHBoxLayout()
    for number, widget in enumerate(top):
        top_row.addWidget(widget, 1 if number == 0 else 0)
    left = QWidget()
    parts: list[QHBoxLayout | QWidget] = [top_row, items]
    if below:
        parts.append(button_row(*below, None))
    top_to_bottom(parts, left, margins=(0, 0, 0, 0))
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter
