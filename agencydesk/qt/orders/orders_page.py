"""The Orders section: every client's orders, filtered by status, period and text, with what was
paid, what is still owed and what is quoted for the orders shown."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QWidget
from sqlalchemy.engine import Engine

from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.columns_by_room import ColumnsByRoom
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.follow_up_dialog import ask_follow_up
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.list_view import filter_combo, make_table_view, search_box
from agencydesk.qt.orders.order_form import add_order, delete_order, edit_order
from agencydesk.qt.orders.order_model import ORDER_TOPICS, OrderTableModel, show_orders_in
from agencydesk.qt.orders.receipt_action import make_receipt, receipt_button, receipt_possible

# the order titles' least width, in average characters, before the dates step aside
ORDER_TITLE_LEAST_CHARS = 20


class OrdersPage(QWidget):
    client_activated = Signal(int)
    # an `UndoEntry` (a deleted order): the shell's Ctrl+Z brings it back
    undoable = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.model = OrderTableModel(engine, self)

        self.search = search_box("orderSearch", self.tr("Search orders and client names"))

        self.status_filter = filter_combo(
            "orderStatusFilter",
            (
                ("all", self.tr("All statuses")),
                ("open", self.tr("Open quotes")),
                ("won", self.tr("Won, not paid yet")),
                ("paid", self.tr("Paid")),
                ("closed", self.tr("Lost or cancelled")),
            ),
        )
        self.period_filter = filter_combo(
            "orderPeriodFilter",
            (
                ("all", self.tr("All time")),
                ("month", self.tr("This month")),
                ("year", self.tr("This year")),
                ("12m", self.tr("Last 12 months")),
            ),
        )
        self.period_filter.setToolTip(
            self.tr("By the day the order was paid, else won, else quoted")
        )
        self.new_button = push_button(self.tr("New order…"), lambda: self.new_order())

        self.table = make_table_view(
            self.model,
            "orderTable",
            sort=(-1, Qt.SortOrder.DescendingOrder),  # newest first, no column
            widths={OrderTableModel.CLIENT: 170},
            stretch=(OrderTableModel.TITLE,),
            fit=OrderTableModel.FIGURES,
            min_section=60,
        )
        show_orders_in(self.table)
        # in a narrow window the dates step aside (quoted, then won, then paid: the status
        # says as much) before the orders' titles are cut to "Hostin…"
        self.columns = ColumnsByRoom(
            self.table,
            main=OrderTableModel.TITLE,
            least_chars=ORDER_TITLE_LEAST_CHARS,
            give_way=(OrderTableModel.QUOTED, OrderTableModel.WON, OrderTableModel.PAID),
        )
        # double-click or Enter (activated comes with a double-click too: one signal only)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._update_totals)
        self.list = ListController(
            self.table,
            self.model,
            apply_filters=self._apply_filters,
            search=self.search,
            empty_text=self.tr(
                "No orders yet. When a client asks what something costs, press “New order…” "
                "to note the quote; later mark it won and paid."
            ),
        )
        self.list.undoable.connect(self.undoable)
        self.list.current_changed.connect(self._update_buttons)
        self.list.add_filter(self.status_filter)
        self.list.add_filter(self.period_filter)

        self.client_button = push_button(
            self.tr("Open client"), self.open_current_client, name="openClient"
        )
        self.edit_button = push_button(self.tr("Edit…"), self.edit_current)
        self.delete_button = push_button(self.tr("Delete…"), self.delete_current)
        self.receipt_button = receipt_button(self.receipt_for_current)
        # Del on the list is the window's Edit ▸ Delete… (`ShellActions.delete_on_screen`): a
        # shortcut of its own here made Del ambiguous to Qt, and neither deleted

        self.count_label = QLabel()
        self.count_label.setObjectName("orderCount")
        self.count_label.setStyleSheet("color: palette(dark);")
        self.totals_label = QLabel()
        self.totals_label.setObjectName("orderTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        totals_frame = QFrame()
        totals_frame.setObjectName("orderTotalsBar")
        totals_frame.setStyleSheet(
            "#orderTotalsBar { background: palette(alternate-base);"
            " border: 1px solid palette(midlight); border-radius: 6px; }"
        )
        totals_layout = QHBoxLayout(totals_frame)
        totals_layout.setContentsMargins(12, 8, 12, 8)
        totals_layout.addWidget(self.totals_label, 1)
        totals_layout.addWidget(self.count_label)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.period_filter)
        filters.addSpacing(12)
        filters.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.client_button)
        actions.addStretch(1)
        actions.addWidget(self.receipt_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        top_to_bottom(
            (filters, (self.list.stack, 1), actions, totals_frame), self, margins=(8, 8, 8, 8)
        )

        follow_changes(self, ORDER_TOPICS, self.list.refresh)
        self._update_totals()
        self.list.read_first()

    # -- filters -------------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self.model.set_filter(
            status=self.status_filter.currentData(),
            period=self.period_filter.currentData(),
            search=" ".join(self.search.text().split()),
        )

    def _update_totals(self) -> None:
        text = self.model.totals_html()
        if not text:  # no orders: the list says why (none yet, or none that match)
            text = self.tr("No orders match.") if self.list.filtered() else ""
        self.totals_label.setText(text)
        total = self.model.total
        if self.model.read_pending and not total:  # not "0 orders" before the list is read
            self.count_label.clear()
            return
        self.count_label.setText(
            self.tr("1 order") if total == 1 else self.tr("{count} orders").format(count=total)
        )

    # -- selection -----------------------------------------------------------------------------
    def current_order_id(self) -> int | None:
        return self.list.current_id()

    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.order_row(index.row()) if index.isValid() else None
        return row.client_id if row is not None else None

    def current_status(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.order_row(index.row()) if index.isValid() else None
        return row.status if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_order_id() is not None
        for button in (self.client_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen)
        self.receipt_button.setEnabled(receipt_possible(self.current_status()))

    def select_order(self, order_id: int) -> bool:
        """Show *order_id*, widening the filters when they hide it."""
        return self.list.select_id(order_id)

    # -- actions -------------------------------------------------------------------------------
    def _context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit order…"), self.edit_current)
        menu.addAction(self.tr("Open client"), self.open_current_client)
        if receipt_possible(self.current_status()):
            menu.addAction(self.tr("Receipt…"), self.receipt_for_current)
        menu.addAction(self.tr("Follow up…"), self.follow_up_current)
        menu.addSeparator()
        menu.addAction(self.tr("Delete order…"), self.delete_current)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def open_current_client(self) -> None:
        client_id = self.current_client_id()
        if client_id is not None:
            self.client_activated.emit(client_id)

    def new_order(self) -> int | None:
        order_id = add_order(self, self._engine)
        if order_id is not None:
            self.list.refresh(choose=order_id)
        return order_id

    def edit_current(self) -> None:
        if self.list.for_current(partial(edit_order, self, self._engine)):
            self.list.refresh()

    def delete_current(self) -> None:
        row = self.model.order_row(self.table.currentIndex().row())
        if row is not None:
            delete_order(self.list, self._engine, row)

    def follow_up_current(self) -> None:
        """ "Ask for the second payment on the 15th": a follow-up on the chosen order."""
        index = self.table.currentIndex()
        row = self.model.order_row(index.row()) if index.isValid() else None
        if row is not None:
            ask_follow_up(
                self, self._engine, client_id=row.client_id, order_id=row.id, subject=row.title
            )

    def receipt_for_current(self) -> None:
        self.list.for_current(partial(make_receipt, self, self._engine))
