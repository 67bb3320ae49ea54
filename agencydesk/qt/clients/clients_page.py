"""The Clients section: search, the lazily fetched list, and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.db import session_scope
from agencydesk.qt.clients.client_columns import COLUMN_WIDTHS, new_client_title, search_placeholder
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.client_model import ClientTableModel
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.dialogs import ask_yes_no

SEARCH_DELAY_MS = 150


class ClientsPage(QWidget):
    counts_changed = Signal()
    #: (client id, client name) of a client just deleted, so the window can offer Undo
    client_deleted = Signal(int, str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.model = ClientTableModel(engine, self)

        self.search = QLineEdit()
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(search_placeholder())
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.new_button = QPushButton(new_client_title())
        self.new_button.clicked.connect(self.new_client)

        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)

        self.detail = ClientDetailView(engine)
        self.detail.edit_requested.connect(self.edit_client)
        self.detail.delete_requested.connect(self.delete_client)
        self.detail.client_link_activated.connect(self.select_client)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 360])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self._select_row(0)
        follow_changes(self, (Topic.CLIENTS,), self.refresh)
        # the detail pane shows the client's tickets, timeline, orders and logins
        follow_changes(self.detail, list(Topic), self.detail.refresh, wanted=self._shows_client)

    # -- selection ---------------------------------------------------------------------------
    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_client(self.model.client_id(current.row()) if current.isValid() else None)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            self.detail.show_client(None)

    def select_client(self, client_id: int) -> bool:
        row = self.model.row_of(client_id)
        if row is None and self.model.search:
            self.search.clear()
            self.apply_search()
            row = self.model.row_of(client_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def refresh(self) -> None:
        """Re-read the list (clients added, renamed or deleted elsewhere), same client chosen."""
        keep = self.current_client_id()
        row = max(self.table.currentIndex().row(), 0)
        self.model.refresh()
        if keep is None or not self.select_client_if_listed(keep):
            self._select_row(min(row, self.model.rowCount() - 1))

    def _shows_client(self, change_set: ChangeSet) -> bool:
        return self.detail.client_id is not None

    def _after_reset(self) -> None:
        self.counts_changed.emit()

    # -- actions -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        keep = self.current_client_id()
        self.model.set_search(self.search.text())
        if keep is None or not self.select_client_if_listed(keep):
            self._select_row(0)

    def select_client_if_listed(self, client_id: int) -> bool:
        row = self.model.row_of(client_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def new_client(self) -> None:
        dialog = ClientFormDialog(self._engine, parent=self)
        if dialog.exec() and dialog.saved_client_id is not None:
            self.model.refresh()
            self.select_client(dialog.saved_client_id)

    def edit_current(self) -> None:
        client_id = self.current_client_id()
        if client_id is not None:
            self.edit_client(client_id)

    def edit_client(self, client_id: int) -> None:
        dialog = ClientFormDialog(self._engine, client_id=client_id, parent=self)
        if dialog.exec():
            self.model.refresh()
            self.select_client(client_id)

    def delete_current(self) -> None:
        client_id = self.current_client_id()
        if client_id is not None:
            self.delete_client(client_id)

    def delete_client(self, client_id: int) -> None:
        with Session(self._engine) as session:
            name = clients.get_client(session=session, client_id=client_id).name
        if not ask_yes_no(
            self,
            self.tr("Delete client"),
            self.tr("Delete {name}? You can undo this with Ctrl+Z.").format(name=name),
        ):
            return
        row = self.table.currentIndex().row()
        with session_scope(self._engine) as session:
            clients.delete_client(session=session, client_id=client_id)
        self.model.refresh()
        self._select_row(min(max(row, 0), self.model.rowCount() - 1))
        self.client_deleted.emit(client_id, name)

    def undelete_client(self, client_id: int) -> None:
        with session_scope(self._engine) as session:
            clients.undelete_client(session=session, client_id=client_id)
        self.model.refresh()
        self.select_client(client_id)
