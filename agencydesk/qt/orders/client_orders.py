"""The Orders tab of a client: their orders, what they paid and still owe, and buttons to add,
change or delete an order."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.errors import UserError
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.client_tab import ClientTab
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.detail_reading import read_then_show
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.list_view import make_table_view
from agencydesk.qt.orders.order_form import add_order, delete_order, edit_order
from agencydesk.qt.orders.order_model import ORDER_TOPICS, OrderTableModel, show_orders_in
from agencydesk.qt.orders.receipt_action import make_receipt, receipt_button, receipt_possible


class ClientOrdersView(ClientTab):
    # another client to show (kept for the tab protocol of the client detail; not used yet)
    client_link_activated = Signal(int)
    # an `UndoEntry` (a deleted order): the shell's Ctrl+Z brings it back
    undoable = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(engine, parent)
        self.model = OrderTableModel(engine, self, client_only=True)

        # narrow panes: the client is known, the quote and won days are in the form
        self.table = make_table_view(
            self.model,
            "clientOrders",
            stretch=(OrderTableModel.TITLE,),
            fit=OrderTableModel.FIGURES,
            hidden=(OrderTableModel.CLIENT, OrderTableModel.QUOTED, OrderTableModel.WON),
            min_section=50,
            # a client has a handful of orders: long titles take two lines
            word_wrap=True,
        )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        show_orders_in(self.table, vertical=12)
        # double-click or Enter (activated comes with a double-click too: one signal only)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.list = ListController(self.table, self.model)
        self.list.undoable.connect(self.undoable)
        self.list.current_changed.connect(self._update_buttons)
        self.model.modelReset.connect(self._show_totals)
        self.stack = self.list.stack
        self.empty_label = self.list.empty_label

        self.totals_label = QLabel()
        self.totals_label.setObjectName("clientOrderTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.new_button = push_button(self.tr("New order…"), lambda: self.new_order())
        self.edit_button = push_button(self.tr("Edit…"), self.edit_current)
        self.delete_button = push_button(self.tr("Delete…"), self.delete_current)
        self.receipt_button = receipt_button(self.receipt_for_current)
        buttons = button_row(
            self.new_button, None, self.receipt_button, self.edit_button, self.delete_button
        )
        top_to_bottom(((self.list.stack, 1), self.totals_label, buttons), self)

        follow_changes(
            self, ORDER_TOPICS, self.refresh, wanted=lambda _c: self.client_id is not None
        )
        self.show_client(None)

    # -- showing -------------------------------------------------------------------------------
    def show_client(self, client_id: int | None) -> None:
        """Her orders, read in a worker (and her name, for the sentence shown when she has
        none: a team server is a round trip away)."""
        changed = client_id != self.client_id
        self.client_id = client_id
        if changed:
            self.list.set_empty_text("")  # until her name is read
        self.new_button.setEnabled(client_id is not None)
        if client_id is not None:
            self._read_name(client_id)
        if changed:
            self.list.filter_with(partial(self.model.set_filter, client_id=client_id))
        else:
            self.list.refresh()

    def _read_name(self, client_id: int) -> None:
        engine = self._engine

        def read() -> str | None:
            with Session(engine) as session:
                try:
                    return clients.get_client(session=session, client_id=client_id).name
                except UserError:  # deleted meanwhile: the page chooses another client
                    return None

        def show(name: str | None) -> None:
            if client_id != self.client_id:
                return
            self.new_button.setEnabled(name is not None)
            self.list.set_empty_text(
                ""
                if name is None
                else self.tr(
                    "No orders yet. When {name} asks what something costs, press New order "
                    "to note the quote; later mark it won and paid."
                ).format(name=name)
            )

        read_then_show(self, read, show, key="client name")

    def _show_totals(self) -> None:
        shown = self.model.rowCount() > 0
        self.totals_label.setText(self.model.totals_html() if shown else "")
        self.totals_label.setVisible(shown)

    def refresh(self) -> None:
        if self.client_id is not None:
            self.show_client(self.client_id)

    # -- selection -----------------------------------------------------------------------------
    def current_order_id(self) -> int | None:
        return self.list.current_id()

    def _update_buttons(self) -> None:
        chosen = self.current_order_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        index = self.table.currentIndex()
        row = self.model.order_row(index.row()) if index.isValid() else None
        self.receipt_button.setEnabled(receipt_possible(row.status if row else None))

    # -- actions -------------------------------------------------------------------------------
    def new_order(self) -> int | None:
        order_id = None if self.client_id is None else add_order(self, self._engine, self.client_id)
        if order_id is not None:
            self.list.refresh(choose=order_id)
        return order_id

    def edit_current(self) -> None:
        if self.list.for_current(partial(edit_order, self, self._engine)):
            self.refresh()

    def delete_current(self) -> None:
        row = self.model.order_row(self.table.currentIndex().row())
        if row is not None:
            delete_order(self.list, self._engine, row)

    def receipt_for_current(self) -> None:
        self.list.for_current(partial(make_receipt, self, self._engine))
