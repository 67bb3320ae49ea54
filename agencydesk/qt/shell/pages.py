"""The page registry: which section shows which page, each built the first time it is needed, and
how the pages' links (a client, a ticket, a report…) leave them as the registry's own signals.

Pages are imported only when built, so the window shows before any of them (and before the data
layer) is loaded. Until the database is open the Clients section shows the read-only first rows
(`QuickClientView`); the real page then takes its place with the same client chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from agencydesk.qt.common.undo import UndoService
from agencydesk.qt.shell.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from agencydesk.core.quick_list import QuickPage
    from agencydesk.qt.clients.clients_page import ClientsPage
    from agencydesk.qt.clients.quick_client_view import QuickClientView
    from agencydesk.qt.guides.guides_page import GuidesPage
    from agencydesk.qt.tickets.tickets_page import TicketsPage
    from agencydesk.qt.today.today_page import TodayPage


class Pages(QObject):
    # a page links to a client / a ticket (the window shows it)
    client_wanted = Signal(int)
    ticket_wanted = Signal(int)
    # a client's "New ticket" and "Export report" buttons (with the client's id)
    new_ticket_wanted = Signal(int)
    report_wanted = Signal(int)
    # a ticket's "Send guide" (client id, ticket id)
    send_guide_wanted = Signal(int, int)
    # the client list changed (the status bar counts again)
    clients_counted = Signal()
    # Today counted what is urgent (overdue + due today + waiting), for the sidebar
    urgent_counted = Signal(int)

    def __init__(
        self,
        stack: QStackedWidget,
        placeholder: QWidget,
        settings: Settings,
        undo: UndoService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stack = stack
        self._placeholder = placeholder  # shown where no page is (yet)
        self._settings = settings
        self._undo = undo
        self._built: dict[str, QWidget] = {}
        self.engine: Engine | None = None
        # the read-only first clients, shown until the real Clients page is built
        self.quick_view: QuickClientView | None = None
        self._quick_first: int | None = None

    # -- the pages, typed ----------------------------------------------------------------------
    @property
    def clients(self) -> ClientsPage | None:
        return cast("ClientsPage | None", self._built.get("clients"))

    @property
    def tickets(self) -> TicketsPage | None:
        return cast("TicketsPage | None", self._built.get("tickets"))

    @property
    def today(self) -> TodayPage | None:
        return cast("TodayPage | None", self._built.get("today"))

    @property
    def guides(self) -> GuidesPage | None:
        return cast("GuidesPage | None", self._built.get("guides"))

    def shown_for(self, section: str) -> QWidget | None:
        """What the stack shows for *section*: its page (built now if need be), the quick client
        list while the database opens, or None (not open yet)."""
        page = self.page(section)
        if page is None and section == "clients":
            return self.quick_view
        return page

    def page(self, section: str) -> QWidget | None:
        """The page of *section*, built the first time it is needed (None: the database is not
        open)."""
        if section in self._built or self.engine is None:
            return self._built.get(section)
        built = self._build(section, self.engine)
        self._built[section] = built
        self._stack.addWidget(built)
        return built

    def _build(self, section: str, engine: Engine) -> QWidget:
        if section == "clients":
            from agencydesk.qt.clients.clients_page import ClientsPage

            clients = ClientsPage(engine)
            self._restore_columns("clients", clients)
            clients.counts_changed.connect(self.clients_counted)
            clients.ticket_activated.connect(self.ticket_wanted)
            clients.new_ticket_requested.connect(self.new_ticket_wanted)
            clients.report_requested.connect(self.report_wanted)
            # a deleted client, or an order deleted in its Orders tab: Ctrl+Z brings it back
            clients.undoable.connect(self._undo.push)
            return clients
        if section == "today":
            from agencydesk.qt.today.today_page import TodayPage

            today = TodayPage(engine)
            today.ticket_activated.connect(self.ticket_wanted)
            today.client_activated.connect(self.client_wanted)
            today.counts_changed.connect(
                lambda overdue, due, waiting: self.urgent_counted.emit(overdue + due + waiting)
            )
            return today
        if section == "tickets":
            from agencydesk.qt.tickets.tickets_page import TicketsPage

            tickets = TicketsPage(engine)
            tickets.view.reply_area.saved_replies.my_name = self._settings.my_name
            self._restore_columns("tickets", tickets)
            tickets.client_link_activated.connect(self.client_wanted)
            tickets.send_guide_requested.connect(self.send_guide_wanted)
            tickets.undoable.connect(self._undo.push)  # a deleted time entry
            return tickets
        if section == "guides":
            from agencydesk.qt.guides.guides_page import GuidesPage

            guides = GuidesPage(engine)
            guides.my_name = self._settings.my_name
            guides.undoable.connect(self._undo.push)
            return guides
        if section == "orders":
            from agencydesk.qt.orders.orders_page import OrdersPage

            orders = OrdersPage(engine)
            orders.client_activated.connect(self.client_wanted)
            orders.undoable.connect(self._undo.push)
            return orders
        if section == "referrals":
            from agencydesk.qt.referrals.referrals_page import ReferralsPage

            referrals = ReferralsPage(engine)
            referrals.client_activated.connect(self.client_wanted)
            return referrals
        raise ValueError(f"no such section: {section}")

    def may_close(self) -> str | None:
        """The window is about to close: each built page keeps what it must and may ask the
        user. The section of the page where the user chose to go back, or None: close."""
        for section, page in self._built.items():
            may_close = getattr(page, "may_close", None)
            if callable(may_close) and not may_close():
                return section
        return None

    def set_my_name(self, name: str) -> None:
        """The name guides and saved replies are signed with changed (Settings ▸ Your name)."""
        if self.guides is not None:
            self.guides.my_name = name
        if self.tickets is not None:
            self.tickets.view.reply_area.saved_replies.my_name = name

    # -- opening and closing ---------------------------------------------------------------------
    def show_quick_view(self, first: QuickPage) -> None:
        """The client list, read-only, while the data layer loads: real rows on screen."""
        from agencydesk.qt.clients.quick_client_view import QuickClientView

        self.quick_view = QuickClientView(first)
        self._restore_columns("clients", self.quick_view)
        self._quick_first = first.rows[0].id if first.rows else None
        state = self._settings.splitter_state()
        if state is not None:
            self.quick_view.restore_layout_state(state)
        self._stack.addWidget(self.quick_view)

    def open(self, engine: Engine, then: Callable[[], None]) -> None:
        """The database is open: build the Clients page and, once its list is read (in a
        worker), put it in the quick list's place if that shows (the same client chosen, the
        focus kept), and *then*. Until then the quick list stays: no empty list in between."""
        self.engine = engine
        state = self.quick_view.layout_state() if self.quick_view else None
        self.page("clients")
        clients = self.clients
        assert clients is not None
        state = state or self._settings.splitter_state()
        if state is not None:
            clients.restore_layout_state(state)
        # the client chosen last time, unless one is chosen in the quick list meanwhile
        chosen = self._settings.last_client(self._desk_key())
        if self.quick_view is None and chosen is not None:
            clients.select_client(chosen)  # one deleted meanwhile leaves the first chosen

        def listed() -> None:
            quick = self.quick_view
            if quick is not None:
                picked = quick.current_client_id()
                wanted = chosen
                if picked is not None and (picked != self._quick_first or chosen is None):
                    wanted = picked
                had_focus = quick.list_has_focus()
                if self._stack.currentWidget() is quick:
                    self._stack.setCurrentWidget(clients)
                self.drop_quick_view()
                if had_focus:
                    clients.focus_list()
                if wanted is not None:
                    clients.select_client(wanted)
            then()

        clients.list.when_read(listed)

    def _restore_columns(
        self, name: str, page: QuickClientView | ClientsPage | TicketsPage
    ) -> None:
        """The columns the person chose in the list *name* at an earlier start."""
        page.columns.restore(self._settings.column_choices(name, page.model.columnCount()))

    def _desk_key(self) -> str:
        """Which desk this is, for what is remembered per desk (never with a password)."""
        return self.engine.url.render_as_string(hide_password=True) if self.engine else ""

    def drop_quick_view(self) -> None:
        quick, self.quick_view = self.quick_view, None
        if quick is None:
            return
        if self._stack.currentWidget() is quick:
            self._stack.setCurrentWidget(self._placeholder)
        self._stack.removeWidget(quick)
        quick.deleteLater()

    def save_layout(self) -> None:
        """Remember how the client list and its details are split, which client is chosen and
        the columns chosen in the client and ticket lists (for the next start)."""
        shown = self.clients or self.quick_view
        if shown is not None:
            self._settings.set_splitter_state(shown.layout_state())
        if self.clients is not None and self.engine is not None:
            self._settings.set_last_client(self._desk_key(), self.clients.current_client_id())
        for name, page in (("tickets", self.tickets), ("clients", self.clients or self.quick_view)):
            if page is not None:
                columns = page.columns
                self._settings.set_column_choices(name, page.model.columnCount(), columns.choices())

    def close(self) -> None:
        """The database closes (a restore): every page goes, with what Ctrl+Z could undo."""
        self.save_layout()
        for page in self._built.values():
            self._stack.removeWidget(page)
            page.deleteLater()
        self._built = {}
        self.drop_quick_view()
        self.engine = None
