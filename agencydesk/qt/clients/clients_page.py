"""The Clients section: search, the lazily fetched list, and the detail pane."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy.engine import Engine

from agencydesk.core import clients
from agencydesk.core.changes import DATA_TOPICS, ChangeSet, Topic
from agencydesk.qt.clients.client_columns import (
    COLUMN_WIDTHS,
    NAME_COLUMN,
    client_columns_by_room,
    new_client_title,
    search_placeholder,
)
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.client_model import ClientTableModel
from agencydesk.qt.clients.merge_dialog import MergeClientsDialog
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.columns_by_room import header_menu
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.list_view import list_and_detail, make_table_view, search_box


class ClientsPage(QWidget):
    counts_changed = Signal()
    # a client was deleted: an `UndoEntry` that brings them back (the window's Ctrl+Z)
    undoable = Signal(object)
    # links out of the chosen client's details, for the window to follow
    ticket_activated = Signal(int)
    new_ticket_requested = Signal(int)
    report_requested = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.model = ClientTableModel(engine, self)

        self.search = search_box("clientSearch", search_placeholder())
        self.new_button = push_button(new_client_title(), self.new_client)

        self.table = make_table_view(
            self.model,
            "clientTable",
            sort=(0, Qt.SortOrder.AscendingOrder),
            widths=COLUMN_WIDTHS,
            stretch=(NAME_COLUMN,),
        )
        self.columns = client_columns_by_room(self.table)
        header_menu(self.table, self.columns)
        # Enter on a row, or a double click: the client's form, as on the Orders page
        self.table.activated.connect(lambda _index: self.edit_current())
        # the client's menu (right click): edit, merge with another client, delete
        self.edit_action = QAction(self.tr("Edit…"), self.table)
        self.edit_action.triggered.connect(self.edit_current)
        self.merge_action = QAction(self.tr("Merge with another client…"), self.table)
        self.merge_action.triggered.connect(self.merge_current)
        self.delete_action = QAction(self.tr("Delete…"), self.table)
        self.delete_action.triggered.connect(self.delete_current)
        self.table.addActions([self.edit_action, self.merge_action, self.delete_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.model.modelReset.connect(self.counts_changed)
        self.list = ListController(
            self.table,
            self.model,
            apply_filters=lambda: self.model.set_search(self.search.text()),
            search=self.search,
            empty_text=self.tr("No clients yet. Add the first with “New client” (Ctrl+N)."),
        )
        self.list.undoable.connect(self.undoable)

        self.detail = ClientDetailView(engine)
        self.detail.edit_requested.connect(self.edit_client)
        self.detail.delete_requested.connect(self.delete_client)
        self.detail.client_link_activated.connect(self.select_client)
        self.detail.ticket_activated.connect(self.ticket_activated)
        self.detail.new_ticket_requested.connect(self.new_ticket_requested)
        self.detail.report_requested.connect(self.report_requested)
        self.detail.undoable.connect(self.undoable)
        self.list.current_changed.connect(self.detail.show_client)

        self.splitter = list_and_detail(
            (self.search, self.new_button),
            self.list.stack,
            self.detail,
            stretch=(3, 2),
            sizes=(760, 360),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.list.read_first()
        follow_changes(self, (Topic.CLIENTS,), self.list.refresh)
        # the detail pane shows the client's tickets, timeline, orders and logins
        follow_changes(self.detail, DATA_TOPICS, self.detail.refresh, wanted=self._shows_client)

    # -- selection ---------------------------------------------------------------------------
    def current_client_id(self) -> int | None:
        return self.list.current_id()

    def select_client(self, client_id: int) -> bool:
        """Show *client_id*, clearing the search when it hides the client."""
        return self.list.select_id(client_id)

    def show_history(self) -> None:
        """Open the chosen client's timeline (where a found message is)."""
        self.detail.tabs.setCurrentWidget(self.detail.timeline)

    def client_counts(self) -> tuple[int, int | None]:
        """How many clients the desk has, and how many the search shows (None when nothing is
        searched), as the list was last read."""
        return self.model.everyone, self.model.total if self.model.search else None

    def layout_state(self) -> QByteArray:
        return self.splitter.saveState()

    def restore_layout_state(self, state: QByteArray) -> None:
        self.splitter.restoreState(state)

    def focus_list(self) -> None:
        self.table.setFocus()

    def _shows_client(self, change_set: ChangeSet) -> bool:
        return self.detail.client_id is not None

    # -- actions -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_client(self) -> None:
        dialog = ClientFormDialog(self._engine, parent=self)
        if dialog.exec() and dialog.saved_client_id is not None:
            self.list.refresh(choose=dialog.saved_client_id)
            # on the new client, wherever Ctrl+N was pressed (the sidebar, a search box)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current(self) -> None:
        self.list.for_current(self.edit_client)

    def edit_client(self, client_id: int) -> None:
        dialog = ClientFormDialog(self._engine, client_id=client_id, parent=self)
        if dialog.exec():
            self.list.refresh(choose=dialog.saved_client_id or client_id)

    def merge_current(self) -> None:
        self.list.for_current(self.merge_client)

    def merge_client(self, client_id: int) -> None:
        """Merge the client with another one (the same person entered twice)."""
        dialog = MergeClientsDialog(self._engine, client_id, parent=self)
        if dialog.exec() and dialog.kept_id is not None:
            self.list.refresh(choose=dialog.kept_id)

    def delete_current(self) -> None:
        self.list.for_current(self.delete_client)

    def delete_client(self, client_id: int) -> None:
        self.list.delete_undoably(
            self._engine,
            client_id,
            lambda session: clients.get_client(session=session, client_id=client_id).name,
            (self.tr("Delete client"), self.tr("Delete {name}? You can undo this with Ctrl+Z.")),
            delete=partial(clients.delete_client, client_id=client_id),
            undelete=partial(clients.undelete_client, client_id=client_id),
        )
