"""The Tickets section: filters, the ticket list across clients, and the selected ticket."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import tickets, trash
from agencydesk.core.changes import Topic
from agencydesk.core.models import ACTIVE_STATUSES, Priority, TicketStatus
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.columns_by_room import ColumnsByRoom, header_menu
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.desk_people import people_of
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.dialogs import ask_go_on
from agencydesk.qt.common.formatting import format_number
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.list_view import filter_combo, make_table_view, search_box
from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog
from agencydesk.qt.tickets.ticket_model import TicketTableModel, priority_label, status_label
from agencydesk.qt.tickets.ticket_view import TicketView
from agencydesk.qt.tickets.title_delegate import TitleAndClientDelegate

ACTIVE = tuple(s.value for s in ACTIVE_STATUSES)


# the ticket titles' least width, in average characters, before other columns step aside. At
# the window's least width in Indonesian the list has some 270 points beside the ticket (whose
# status and priority, reply and time rows need 370): with 24 the titles got 130 whatever
# stepped aside, and the test passed only when the list was laid out before a ticket showed
TITLE_LEAST_CHARS = 20


class TicketsPage(QWidget):
    client_link_activated = Signal(int)
    send_guide_requested = Signal(int, int)
    counts_changed = Signal()
    # an `UndoEntry` (a deleted time entry): the shell's Ctrl+Z brings it back
    undoable = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.model = TicketTableModel(engine, self)

        self.search = search_box("ticketSearch", self.tr("Search ticket titles and client names"))

        # status data: the statuses shown, comma-separated ("" = every status)
        self.status_filter = filter_combo(
            "statusFilter",
            [(",".join(ACTIVE), self.tr("Still to do"))]
            + [(status.value, status_label(status.value)) for status in TicketStatus]
            + [("", self.tr("All tickets"))],
        )
        self.due_filter = filter_combo(
            "dueFilter",
            (
                ("any", self.tr("Any due date")),
                ("overdue", self.tr("Overdue")),
                ("today", self.tr("Due today")),
                ("week", self.tr("Due within a week")),
                ("none", self.tr("No due date")),
            ),
        )
        self.priority_filter = filter_combo(
            "priorityFilter",
            [(None, self.tr("Any priority"))]
            + [(priority.value, priority_label(priority.value)) for priority in Priority],
        )
        # "Mine / Everyone's": only on a desk of several people, where this desk is one of them
        self.mine_filter = filter_combo(
            "mineFilter", ((False, self.tr("Everyone's")), (True, self.tr("Mine")))
        )
        self._people = people_of(engine)
        self.client_filter = QPushButton()
        self.client_filter.setVisible(False)
        self.client_filter.setToolTip(self.tr("Show the tickets of every client"))
        self.client_filter.clicked.connect(lambda: self.filter_by_client(None))
        self.new_button = push_button(self.tr("New ticket…"), lambda: self.new_ticket())
        self.status_of_listed_button = push_button(
            self.tr("Set status of all listed…"), self.set_status_of_listed
        )

        # The title (with the client under it) takes the room the others leave: status,
        # priority, due and updated fit their contents and show without scrolling; the ticket
        # numbers are where rows are counted. The client column is there via the header menu.
        self.table = make_table_view(
            self.model,
            "ticketTable",
            sort=(4, Qt.SortOrder.AscendingOrder),
            widths={1: 150},
            stretch=(0,),
            fit=(2, 3, 4, 5),
            hidden=(1,),
            min_section=60,
        )
        self.table.setItemDelegateForColumn(0, TitleAndClientDelegate(self.table))
        # Ctrl+click and Shift+click choose several, for one status at once (the view still
        # shows the current one)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self._name_status_button)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        numbers = self.table.verticalHeader()
        numbers.setVisible(True)
        numbers.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        numbers.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        numbers.setDefaultSectionSize(2 * self.table.fontMetrics().height() + 8)
        # where the list is too narrow to read the titles, updated, then priority, then due step
        # aside (a small laptop at 150 %); they come back as the window widens
        self.columns = ColumnsByRoom(
            self.table, main=0, least_chars=TITLE_LEAST_CHARS, give_way=(5, 3, 4)
        )
        header_menu(self.table, self.columns)
        self.model.modelReset.connect(self.counts_changed)
        self.model.modelReset.connect(self._name_status_button)
        self.model.modelReset.connect(self._fit_numbers)
        self._fit_numbers()
        self.list = ListController(
            self.table,
            self.model,
            apply_filters=self._apply_filters,
            search=self.search,
            widen_filters=lambda: self._show_client_filter(None),
            empty_text=self.tr(
                "No tickets to work on. When a client asks for something, open one with “New "
                "ticket”."
            ),
        )
        # "not done" is the page's usual view: an empty list there is no filtering away
        self.list.add_filter(self.status_filter, widest=self.status_filter.count() - 1, usual=0)
        self.list.add_filter(self.due_filter)
        self.list.add_filter(self.priority_filter)
        self.list.add_filter(self.mine_filter)

        self.view = TicketView(engine)
        self.view.changed.connect(self._ticket_changed)
        self.view.time.entries.undoable.connect(self.undoable)
        self.list.undoable.connect(self.undoable)  # a ticket deleted into the trash
        self.view.client_link_activated.connect(self.client_link_activated)
        self.view.send_guide_requested.connect(self.send_guide_requested)
        self.list.current_changed.connect(self.view.show_ticket)
        # Enter on a row, or a double click: reply to it (its fields are a Tab away)
        self.table.activated.connect(lambda _index: self.view.focus_reply())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.due_filter)
        filters.addWidget(self.priority_filter)
        filters.addWidget(self.mine_filter)
        filters.addWidget(self.client_filter)
        filters.addWidget(self.new_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        listed = QWidget()
        top_to_bottom(
            ((self.list.stack, 1), button_row(self.status_of_listed_button, None)),
            listed,
            margins=(0, 0, 0, 0),
        )
        self.splitter.addWidget(listed)
        self.splitter.addWidget(self.view)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([660, 460])
        top_to_bottom((filters, (self.splitter, 1)), self, margins=(8, 8, 8, 8))
        self._people_changed()
        if self._people is not None:
            self._people.changed.connect(self._people_changed)
        self.list.read_first()
        follow_changes(
            self, (Topic.TICKETS, Topic.MESSAGES, Topic.TIME, Topic.CLIENTS), self.list.refresh
        )

    def _people_changed(self) -> None:
        shown = self._people is not None and self._people.has_mine
        self.mine_filter.setVisible(shown)
        if not shown and self.mine_filter.currentIndex() != 0:
            self.mine_filter.setCurrentIndex(0)  # hidden, it must hide nothing

    def _apply_filters(self) -> None:
        mine = bool(self.mine_filter.currentData()) and self._people is not None
        self.model.set_filter(
            status=tuple(s for s in str(self.status_filter.currentData() or "").split(",") if s),
            due=self.due_filter.currentData(),
            priority=self.priority_filter.currentData(),
            search=" ".join(self.search.text().split()),
            assignee_id=self._people.me if mine and self._people else None,
        )

    def filter_by_client(self, client_id: int | None, name: str = "") -> None:
        self.list.filter_with(partial(self._show_client_filter, client_id, name))

    def _show_client_filter(self, client_id: int | None, name: str = "") -> None:
        self.client_filter.setVisible(client_id is not None)
        self.client_filter.setText(self.tr("Only {name}  ✕").format(name=name))
        self.model.set_filter(client_id=client_id)

    def _fit_numbers(self) -> None:
        """The margin fits the largest ticket number, whichever rows are read."""
        numbers = self.table.verticalHeader()
        widest = numbers.fontMetrics().horizontalAdvance(f"#{self.model.largest_number}")
        numbers.setMinimumWidth(
            widest + 2 * numbers.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
        )

    def chosen_rows(self) -> list[int]:
        """The rows chosen in the list, top to bottom, when they are several (one alone is
        only the current ticket)."""
        ranges = self.table.selectionModel().selection()
        if sum(r.bottom() - r.top() + 1 for r in ranges) < 2:
            return []
        return sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})

    def selected_rows(self) -> list[int]:
        """`chosen_rows` when they are not all the list's rows (all: what the list shows, its
        filters, is what a status is set on)."""
        rows = self.chosen_rows()
        return rows if len(rows) < self.model.rowCount() else []

    def _name_status_button(self) -> None:
        chosen = len(self.selected_rows())
        self.status_of_listed_button.setText(
            self.tr("Set status of the {count} selected…").format(count=format_number(chosen))
            if chosen
            else self.tr("Set status of all listed…")
        )
        self.status_of_listed_button.setEnabled(self.model.rowCount() > 0)

    def row_menu(self) -> QMenu:
        """What the list's right-click offers: for the tickets chosen together, what the
        page does to several at once; for one, the ways on from it."""
        menu = QMenu(self)
        chosen = self.chosen_rows()
        if chosen:
            count = format_number(len(chosen))
            menu.addAction(self.status_of_listed_button.text(), self.set_status_of_listed)
            menu.addSeparator()
            menu.addAction(
                self.tr("Delete the {count} selected…").format(count=count), self.delete_current
            )
            return menu
        row = self.model.row(self.table.currentIndex().row())
        if row is None:
            return menu
        menu.addAction(self.tr("Reply"), self.view.focus_reply)
        menu.addAction(
            self.tr("Open client"), partial(self.client_link_activated.emit, row.client_id)
        )
        menu.addAction(
            self.tr("Send a guide…"), partial(self.send_guide_requested.emit, row.client_id, row.id)
        )
        menu.addSeparator()
        menu.addAction(self.tr("Delete ticket…"), self.delete_current)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        if self.table.indexAt(position).isValid():
            self.row_menu().exec(self.table.viewport().mapToGlobal(position))

    def set_status_of_listed(self) -> None:
        """One status for the tickets chosen in the list, or for every ticket it shows (its
        search and filters), asked for and set in a dialog."""
        from agencydesk.qt.tickets.status_of_listed import StatusOfListedDialog

        rows = self.selected_rows()
        if rows:  # the ids as the list shows them now
            chosen = self.model.ids_at(rows)
            dialog = StatusOfListedDialog(self._engine, len(chosen), {}, self, chosen=chosen)
            dialog.exec()
            return
        count = self.model.rowCount()
        if count:
            StatusOfListedDialog(self._engine, count, self.model.filters(), self).exec()

    def current_ticket_id(self) -> int | None:
        return self.list.current_id()

    def delete_current(self) -> None:
        """Edit ▸ Delete… (Del) on Tickets: the chosen ticket, or the tickets chosen together,
        go to the trash (Ctrl+Z, or Edit ▸ Trash…, brings them back)."""
        rows = self.chosen_rows()
        if rows:
            self._delete_chosen(rows)
            return
        ticket_id = self.list.current_id()
        if ticket_id is None:
            return

        def name_of(session: Session) -> str:
            return f"#{ticket_id} {tickets.get_ticket(session=session, ticket_id=ticket_id).title}"

        self.list.delete_undoably(
            self._engine,
            ticket_id,
            name_of,
            (
                self.tr("Delete ticket"),
                self.tr(
                    "Delete the ticket {name}? Its messages stay in the client's history; the "
                    "ticket goes to the trash, and Ctrl+Z brings it back."
                ),
            ),
            delete=partial(trash.trash_ticket, ticket_id=ticket_id),
            undelete=partial(trash.restore, kind="ticket", row_id=ticket_id),
        )

    def _delete_chosen(self, rows: list[int]) -> None:
        """The tickets at *rows* to the trash in one go, asked once; Ctrl+Z brings them all
        back. (Del deleted only the current one of them, and the others stayed chosen.)"""
        count = len(rows)
        if count == self.model.rowCount():
            # every row (Ctrl+A): the list itself, its ids read in the worker, not page by
            # page here; a list changed meanwhile is said, and nothing deleted
            delete = partial(trash.trash_listed_tickets, listed=count, **self.model.filters())
        else:
            delete = partial(trash.trash_tickets, ticket_ids=self.model.ids_at(rows))

        def undelete(*, session: Session, row_ids: Sequence[int]) -> None:
            trash.restore_tickets(session=session, ticket_ids=row_ids)

        shown = format_number(count)
        self.list.delete_several_undoably(
            self._engine,
            rows[0],
            (
                self.tr("Delete tickets"),
                self.tr(
                    "Delete the {count} selected tickets? Their messages stay in the clients' "
                    "history; the tickets go to the trash, and Ctrl+Z brings them back."
                ).format(count=shown),
            ),
            (
                self.tr("{count} tickets").format(count=shown),
                self.tr("The {count} tickets are back.").format(count=shown),
            ),
            delete=delete,
            undelete=undelete,
        )

    def select_ticket(self, ticket_id: int) -> bool:
        """Show *ticket_id*, widening the filters when they hide it."""
        return self.list.select_id(ticket_id)

    def _ticket_changed(self, _ticket_id: int) -> None:
        """The shown ticket was changed here: its row follows, the view stays as it is."""
        self.list.refresh(silently=True)

    def client_on_screen(self) -> int | None:
        """The client this page shows, when the list is narrowed to one (for File ▸ New ticket)."""
        return self.model.filter.client_id

    def may_close(self) -> bool:
        """The window closes: the reply being written is kept as its ticket's draft. Say which
        drafts wait, with the choice to go back to the first; False: the user goes back."""
        self.view.finish_writing()  # a reply refused meanwhile is back in its box
        kept = self.view.reply_area.drafts.kept_on_leaving()
        if not kept:
            return True
        if len(kept) == 1:
            text = self.tr(
                "Your reply on “{title}” ({client}) is not added yet. It is kept as a draft: "
                "it will be in the reply box when you open the ticket again."
            ).format(title=kept[0].ticket_title, client=kept[0].client_name)
        else:
            text = self.tr(
                "{count} replies are not added yet ({tickets}). They are kept as drafts: each "
                "will be in its reply box when you open its ticket again."
            ).format(
                count=len(kept),
                tickets="; ".join(f"“{k.ticket_title}”, {k.client_name}" for k in kept),
            )
        if ask_go_on(
            self, self.tr("Reply not added"), text, self.tr("Quit"), self.tr("Back to the reply")
        ):
            return True
        self.select_ticket(kept[0].ticket_id)
        self.view.reply_area.reply.setFocus()
        return False

    def toggle_timer(self) -> bool:
        """Start or stop the timer of the ticket shown, as its button would (once the button
        says what a click does); False when no ticket is shown."""
        strip = self.view.time
        if strip.ticket_id is None:
            return False
        if strip.timer_button.isEnabled():
            strip.toggle_timer()
        return True

    def new_ticket(self, client_id: int | None = None) -> int | None:
        dialog = NewTicketDialog(self._engine, client_id=client_id, parent=self)
        if dialog.exec() and dialog.created_ticket_id is not None:
            self.select_ticket(dialog.created_ticket_id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # as after a new client
            return dialog.created_ticket_id
        return None
