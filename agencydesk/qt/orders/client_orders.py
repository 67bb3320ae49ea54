"""The Orders tab of a client: their orders, what they paid and still owe, and buttons to add,
change or delete an order."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.changes import Topic
from agencydesk.core.errors import UserError
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.dialogs import show_user_error
from agencydesk.qt.orders.order_form import OrderFormDialog, delete_order
from agencydesk.qt.orders.order_model import (
    OrderTableModel,
    PaddedDelegate,
    StatusChipDelegate,
    summarize,
    summary_html,
)

_TOPICS = (Topic.ORDERS, Topic.CLIENTS)


class ClientOrdersView(QWidget):
    #: another client to show (kept for the tab protocol of the client detail; not used yet)
    client_link_activated = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.client_id: int | None = None
        self.model = OrderTableModel(engine, self, client_only=True)

        self.table = QTableView()
        self.table.setObjectName("clientOrders")
        self.table.setModel(self.model)
        self.table.setItemDelegate(PaddedDelegate(self.table, vertical=12))
        self.table.setItemDelegateForColumn(
            OrderTableModel.STATUS, StatusChipDelegate(self.table, vertical=12)
        )
        self.table.setColumnHidden(OrderTableModel.CLIENT, True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        # the pane is narrow and a client has a handful of orders: long titles take two lines
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(50)
        header.setSectionResizeMode(OrderTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (
            OrderTableModel.STATUS,
            OrderTableModel.AMOUNT,
            OrderTableModel.QUOTED,
            OrderTableModel.WON,
            OrderTableModel.PAID,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # narrow panes: the quote and won days are in the form; paid says the most
        self.table.setColumnHidden(OrderTableModel.QUOTED, True)
        self.table.setColumnHidden(OrderTableModel.WON, True)
        # double-click or Enter (activated comes with a double-click too: one signal only)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("noOrders")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(dark); padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("clientOrderTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New order…"))
        self.new_button.clicked.connect(lambda: self.new_order())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.totals_label)
        layout.addLayout(buttons)

        follow_changes(self, _TOPICS, self.refresh, wanted=lambda _c: self.client_id is not None)
        self.show_client(None)

    # -- showing -------------------------------------------------------------------------------
    def show_client(self, client_id: int | None) -> None:
        name = ""
        if client_id is not None:
            try:
                with Session(self._engine) as session:
                    name = clients.get_client(session=session, client_id=client_id).name
            except UserError:
                client_id = None
        changed = client_id != self.client_id
        keep = None if changed else self.current_order_id()
        self.client_id = client_id
        self._name = name
        self.model.set_filter(client_id=client_id)
        if not changed:
            self.model.refresh()
        self.new_button.setEnabled(client_id is not None)
        self._show_totals()
        row = self.model.row_of(keep) if keep is not None else None
        self._select_row(row if row is not None else 0)

    def _show_totals(self) -> None:
        if self.model.rowCount() == 0:
            self.stack.setCurrentWidget(self.empty_label)
            self.empty_label.setText(
                self.tr(
                    "No orders yet. When {name} asks what something costs, press New order "
                    "to note the quote; later mark it won and paid."
                ).format(name=self._name)
                if self.client_id is not None
                else ""
            )
            self.totals_label.clear()
            self.totals_label.setVisible(False)
            return
        self.stack.setCurrentWidget(self.table)
        self.totals_label.setText(summary_html(summarize(self.model.totals())))
        self.totals_label.setVisible(True)

    def refresh(self) -> None:
        if self.client_id is not None:
            self.show_client(self.client_id)

    # -- selection -----------------------------------------------------------------------------
    def current_order_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.order_id(index.row()) if index.isValid() else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_order_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, OrderTableModel.TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.table.selectionModel().clearCurrentIndex()
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------------
    def new_order(self) -> int | None:
        if self.client_id is None:
            return None
        dialog = OrderFormDialog(self._engine, client_id=self.client_id, parent=self)
        if dialog.exec() and dialog.saved_order_id is not None:
            self.refresh()
            row = self.model.row_of(dialog.saved_order_id)
            if row is not None:
                self._select_row(row)
            return dialog.saved_order_id
        return None

    def edit_current(self) -> None:
        order_id = self.current_order_id()
        if order_id is None:
            return
        try:
            dialog = OrderFormDialog(self._engine, order_id=order_id, parent=self)
        except UserError as exc:  # deleted meanwhile
            show_user_error(self, str(exc))
            self.refresh()
            return
        if dialog.exec():
            self.refresh()

    def delete_current(self) -> None:
        order_id = self.current_order_id()
        if order_id is not None and delete_order(self, self._engine, order_id):
            self.refresh()
