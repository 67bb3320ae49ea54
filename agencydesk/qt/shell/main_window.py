"""The main window: a sidebar of sections, the section pages, menus and the status bar.

The window is built from light modules only and shown at once; the database layer (SQLAlchemy,
Alembic) is imported and opened in a worker after it is on screen, then the pages are built.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from agencydesk.qt.common import workers
from agencydesk.qt.common.undo import UndoService
from agencydesk.qt.shell.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from agencydesk.core.quick_list import QuickPage
    from agencydesk.qt.clients.clients_page import ClientsPage
    from agencydesk.qt.clients.quick_client_view import QuickClientView
    from agencydesk.qt.tickets.tickets_page import TicketsPage
    from agencydesk.qt.today.today_page import TodayPage

log = logging.getLogger(__name__)


def _first_client_page(db_path: Path) -> QuickPage | None:
    """Worker: the first rows of the client list, read without SQLAlchemy (None: go slowly)."""
    from agencydesk.core.quick_list import first_client_page

    return first_client_page(db_path)


def _open_database(db_path: Path) -> dict[str, Any]:
    """Worker: import the data layer, migrate if needed, count what is there."""
    from sqlmodel import Session

    from agencydesk.core import clients, migrate
    from agencydesk.core.db import sqlite_url

    engine = migrate.open_database(sqlite_url(db_path))
    with Session(engine) as session:
        ever = clients.count_all_clients(session=session)
    return {"engine": engine, "ever_had_clients": ever > 0}


def _daily_backup(db_path: Path) -> Path | None:
    from agencydesk.core import backup

    return backup.daily_backup(db_path)


def _load_demo(engine: Engine) -> int:
    from agencydesk.core import demo
    from agencydesk.core.db import session_scope

    with session_scope(engine) as session:
        return len(demo.load_demo(session=session))


class MainWindow(QMainWindow):
    #: emitted once the client list shows its first rows (or knows it is empty): from the quick
    #: read-only list when the database is up to date, else from the real page; once per opening
    populated = Signal()
    #: emitted when the database is open and the real (ORM-backed) pages are in
    ready = Signal()

    SECTIONS = ("today", "clients", "tickets", "guides", "orders", "referrals")

    def __init__(self, settings: Settings, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path
        self.engine: Engine | None = None
        self.clients_page: ClientsPage | None = None
        #: the read-only first page of clients shown until clients_page is built
        self.quick_view: QuickClientView | None = None
        self._populated_emitted = False
        self.today_page: TodayPage | None = None
        self.tickets_page: TicketsPage | None = None
        self.pages: dict[str, QWidget] = {}
        self.undo = UndoService(self)
        self.undo.changed.connect(self._undo_changed)
        self.undo.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self._closed = False

        self.setWindowTitle(self.tr("agencydesk"))
        self.setMinimumSize(QSize(760, 520))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(168)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setStyleSheet(
            "#sidebar { border: none; background: palette(window); font-size: 11pt; outline: 0; }"
            "#sidebar::item { padding: 8px 12px; border-radius: 6px; margin: 2px 6px; }"
            "#sidebar::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        for key, title in self._section_titles().items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)

        self.stack = QStackedWidget()
        self.loading_label = QLabel(self.tr("Opening your desk…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading_label)

        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 6, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.sidebar)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._section_changed)

        self.count_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()
        self._build_menus()
        self._set_data_actions_enabled(False)

        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 720)
        last = settings.last_section
        self.sidebar.setCurrentRow(self.SECTIONS.index(last) if last in self.SECTIONS else 0)

    def _section_titles(self) -> dict[str, str]:
        return {
            "today": self.tr("Today"),
            "clients": self.tr("Clients"),
            "tickets": self.tr("Tickets"),
            "guides": self.tr("Guides"),
            "orders": self.tr("Orders"),
            "referrals": self.tr("Referrals"),
        }

    # -- actions and menus ---------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.action_new = self._action(self.tr("&New client…"), self.new_client, std.New, "new")
        self.action_find = self._action(self.tr("&Find client"), self.find, std.Find, "find")
        self.action_search = self._action(
            self.tr("&Search everything…"), self.search_everything, "Ctrl+K", "search"
        )
        self.action_new_ticket = self._action(
            self.tr("New &ticket…"), self.new_ticket, "Ctrl+T", "newTicket"
        )
        self.action_edit = self._action(
            self.tr("&Edit client…"), self.edit_client, "Ctrl+E", "edit"
        )
        self.action_delete = self._action(
            self.tr("&Delete client…"), self.delete_client, std.Delete, "delete"
        )
        self.action_undo = self._action(self.tr("&Undo delete"), self.undo.undo, std.Undo, "undo")
        self.action_undo.setEnabled(False)
        self.action_import_chat = self._action(
            self.tr("&Import chat…"), self.import_chat, "Ctrl+I", "importChat"
        )
        self.action_backup = self._action(self.tr("&Back up now"), self.backup_now, None, "backup")
        self.action_restore = self._action(
            self.tr("&Restore from backup…"), self.restore_backup, None, "restore"
        )
        self.action_quit = self._action(self.tr("&Quit"), self.close, std.Quit, "quit")
        self.action_my_name = self._action(
            self.tr("Your &name for guides…"), self.ask_my_name, None, "myName"
        )
        self.action_agency = self._action(
            self.tr("&Agency profile…"), self.edit_agency_profile, None, "agencyProfile"
        )
        self.action_about = self._action(self.tr("&About agencydesk"), self.about, None, "about")
        self.action_data_folder = self._action(
            self.tr("Open data &folder"), self.open_data_folder, None, "dataFolder"
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.action_new)
        file_menu.addAction(self.action_new_ticket)
        file_menu.addAction(self.action_import_chat)
        file_menu.addSeparator()
        file_menu.addAction(self.action_backup)
        file_menu.addAction(self.action_restore)
        file_menu.addAction(self.action_data_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.action_undo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_search)
        edit_menu.addAction(self.action_find)
        edit_menu.addAction(self.action_edit)
        edit_menu.addAction(self.action_delete)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.action_my_name)
        settings_menu.addAction(self.action_agency)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, title in (
            ("", self.tr("Same as the system")),
            ("en", "English"),
            ("id", "Bahasa Indonesia"),
        ):
            action = language_menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.action_about)

    def _set_data_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.action_new,
            self.action_new_ticket,
            self.action_import_chat,
            self.action_search,
            self.action_find,
            self.action_edit,
            self.action_delete,
            self.action_backup,
            self.action_restore,
            self.action_agency,
        ):
            action.setEnabled(enabled)

    # -- opening the database ----------------------------------------------------------------
    def open_database(self) -> None:
        """Show the first clients at once if the database is up to date, then open it fully."""
        self._busy(self.tr("Opening {file}…").format(file=self.db_path.name))
        db_path = self.db_path
        workers.run_task(
            lambda: _first_client_page(db_path), self._quick_page_read, self._quick_page_failed
        )

    def _quick_page_read(self, page: QuickPage | None) -> None:
        if self._closed:
            return
        if page is not None and self.clients_page is None and self.quick_view is None:
            self._show_quick_view(page)
            if self._closed:
                return  # closed as soon as the rows showed (the start-up probe does this)
        self._open_full_database()

    def _quick_page_failed(self, exc: BaseException, details: str) -> None:
        log.warning("Could not read the first clients ahead (%s); opening the usual way", exc)
        if not self._closed:
            self._open_full_database()

    def _open_full_database(self) -> None:
        workers.run_task(
            lambda: _open_database(self.db_path), self._database_opened, self._database_failed
        )

    def _show_quick_view(self, page: QuickPage) -> None:
        """The client list, read-only, while the data layer loads: real rows on screen."""
        from agencydesk.qt.clients.quick_client_view import QuickClientView

        self.quick_view = QuickClientView(page)
        state = self.settings.splitter_state()
        if state is not None:
            self.quick_view.splitter.restoreState(state)
        self.stack.addWidget(self.quick_view)
        if self.sidebar.currentRow() == self.SECTIONS.index("clients"):
            self.stack.setCurrentWidget(self.quick_view)
        self.count_label.setText(self._clients_text(page.total))
        self._populated_emitted = True
        self.populated.emit()

    def _drop_quick_view(self) -> None:
        quick, self.quick_view = self.quick_view, None
        if quick is None:
            return
        if self.stack.currentWidget() is quick:
            self.stack.setCurrentWidget(self.loading_label)
        self.stack.removeWidget(quick)
        quick.deleteLater()

    def _busy(self, message: str) -> None:
        self.busy.setVisible(True)
        self.statusBar().showMessage(message)

    def _idle(self, message: str = "", timeout_ms: int = 0) -> None:
        self.busy.setVisible(False)
        self.statusBar().showMessage(message, timeout_ms)

    def _database_opened(self, result: dict[str, Any]) -> None:
        self.engine = result["engine"]
        assert self.engine is not None
        self._build_clients_page(self.engine)
        self._set_data_actions_enabled(True)
        self.update_counts()
        self._idle()
        if not self._populated_emitted:  # else the quick list already showed the rows
            self._populated_emitted = True
            self.populated.emit()
        self.ready.emit()
        if self._closed:
            return  # closed while the list was being filled (the start-up probe does this)
        # Then, without holding up the list: the section the user was in, the Today counts
        # in the sidebar, and the daily backup.
        self._section_changed(self.sidebar.currentRow())
        QTimer.singleShot(0, lambda: self.page("today"))
        db_path = self.db_path
        workers.run_task(lambda: _daily_backup(db_path), self._backup_done, self._task_failed)
        if not result["ever_had_clients"] and not self.settings.demo_declined(str(self.db_path)):
            QTimer.singleShot(0, self.offer_demo)

    def _backup_done(self, made: Path | None) -> None:
        if made is not None:
            self.statusBar().showMessage(self.tr("Today's backup is saved."), 5000)

    def _build_clients_page(self, engine: Engine) -> None:
        from agencydesk.qt.clients.clients_page import ClientsPage

        self.clients_page = ClientsPage(engine)
        self.clients_page.counts_changed.connect(self.update_counts)
        self.clients_page.undoable.connect(self.undo.push)
        self.clients_page.detail.ticket_activated.connect(self.open_ticket)
        self.clients_page.detail.new_ticket_requested.connect(self.new_ticket)
        self.clients_page.detail.report_requested.connect(self.export_report)
        quick = self.quick_view
        state = quick.splitter.saveState() if quick else self.settings.splitter_state()
        if state is not None:
            self.clients_page.splitter.restoreState(state)
        self.pages = {"clients": self.clients_page}
        self.stack.addWidget(self.clients_page)
        if quick is not None:  # swap the real list in where the quick one was, same client chosen
            chosen = quick.current_client_id()
            had_focus = quick.table.hasFocus()
            if self.stack.currentWidget() is quick:
                self.stack.setCurrentWidget(self.clients_page)
            self._drop_quick_view()
            if chosen is not None:
                self.clients_page.select_client(chosen)
            if had_focus:
                self.clients_page.table.setFocus()

    def page(self, section: str) -> QWidget | None:
        """The page of *section*, built the first time it is needed."""
        if section in self.pages or self.engine is None:
            return self.pages.get(section)
        engine = self.engine
        built: QWidget
        if section == "today":
            from agencydesk.qt.today.today_page import TodayPage

            self.today_page = built = TodayPage(engine)
            self.today_page.ticket_activated.connect(self.open_ticket)
            self.today_page.client_activated.connect(self.open_client)
            self.today_page.counts_changed.connect(self._today_counts)
        elif section == "tickets":
            from agencydesk.qt.tickets.tickets_page import TicketsPage

            self.tickets_page = built = TicketsPage(engine)
            self.tickets_page.client_link_activated.connect(self.open_client)
            self.tickets_page.send_guide_requested.connect(self.send_guide)
        elif section == "guides":
            from agencydesk.qt.guides.guides_page import GuidesPage

            guides_page = built = GuidesPage(engine)
            guides_page.my_name = self.settings.my_name
        elif section == "orders":
            from agencydesk.qt.orders.orders_page import OrdersPage

            orders_page = built = OrdersPage(engine)
            orders_page.client_activated.connect(self.open_client)
        elif section == "referrals":
            from agencydesk.qt.referrals.referrals_page import ReferralsPage

            referrals_page = built = ReferralsPage(engine)
            referrals_page.client_activated.connect(self.open_client)
        else:
            return None
        undoable = getattr(built, "undoable", None)
        if undoable is not None:  # a page whose deletions Ctrl+Z brings back
            undoable.connect(self.undo.push)
        self.pages[section] = built
        self.stack.addWidget(built)
        return built

    def _today_counts(self, overdue: int, due_today: int, waiting: int) -> None:
        """The sidebar shows how much is urgent without opening Today."""
        urgent = overdue + due_today + waiting
        title = self._section_titles()["today"]
        item = self.sidebar.item(self.SECTIONS.index("today"))
        item.setText(f"{title}  ({urgent})" if urgent else title)

    def _database_failed(self, exc: BaseException, details: str) -> None:
        self._idle()
        self._drop_quick_view()
        self.count_label.clear()
        self.loading_label.setText(self.tr("The database could not be opened."))
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    def offer_demo(self) -> None:
        from agencydesk.qt.common.dialogs import ask_yes_no

        if ask_yes_no(
            self,
            self.tr("Welcome to agencydesk"),
            self.tr(
                "Your desk is empty. Would you like to look around with demo clients first?\n\n"
                "They tell the story of Bu Ratna, who had to be taught to chat online and then "
                "sent us her friends. You can delete demo clients like any others."
            ),
        ):
            self.load_demo()
        else:
            self.settings.set_demo_declined(str(self.db_path))

    def load_demo(self) -> None:
        engine = self.engine
        assert engine is not None
        self._busy(self.tr("Adding demo clients…"))
        workers.run_task(lambda: _load_demo(engine), self._demo_loaded, self._task_failed)

    def _demo_loaded(self, count: int) -> None:
        self._idle(self.tr("Added {count} demo clients.").format(count=count), 5000)

    def _task_failed(self, exc: BaseException, details: str) -> None:
        self._idle()
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    # -- sections and counts -------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        section = self.SECTIONS[row]
        self.settings.last_section = section
        page = self.page(section)
        if page is None and section == "clients":
            page = self.quick_view  # the read-only first rows, until the real page is in
        if page is None:
            self.stack.setCurrentWidget(self.loading_label)  # the database is not open yet
        else:
            self.stack.setCurrentWidget(page)

    def update_counts(self) -> None:
        if self.clients_page is None or self.engine is None:
            self.count_label.clear()
            return
        from sqlmodel import Session

        from agencydesk.core import clients

        model = self.clients_page.model
        with Session(self.engine) as session:
            total = clients.count_clients(session=session)
        if model.search:
            text = self.tr("{shown} of {total} clients match").format(
                shown=model.total, total=total
            )
        else:
            text = self._clients_text(total)
        self.count_label.setText(text)

    def _clients_text(self, total: int) -> str:
        if total == 1:
            return self.tr("1 client")
        return self.tr("{count} clients").format(count=total)

    # -- client actions ------------------------------------------------------------------------
    def new_client(self) -> None:
        if self.clients_page is not None:
            self._show_clients()
            self.clients_page.new_client()

    def find(self) -> None:
        if self.clients_page is not None:
            self._show_clients()
            self.clients_page.focus_search()

    def edit_client(self) -> None:
        if self.clients_page is not None:
            self.clients_page.edit_current()

    def delete_client(self) -> None:
        if self.clients_page is not None:
            self.clients_page.delete_current()

    def _show_clients(self) -> None:
        self.show_section("clients")

    def show_section(self, section: str) -> None:
        self.sidebar.setCurrentRow(self.SECTIONS.index(section))

    def open_client(self, client_id: int) -> None:
        if self.clients_page is not None:
            self.show_section("clients")
            self.clients_page.select_client(client_id)

    def open_ticket(self, ticket_id: int) -> None:
        self.show_section("tickets")
        if self.tickets_page is not None:
            self.tickets_page.select_ticket(ticket_id)

    def new_ticket(self, client_id: int | None = None) -> None:
        if self.engine is None:
            return
        if client_id is None and self.stack.currentWidget() is self.clients_page:
            client_id = self.clients_page.current_client_id() if self.clients_page else None
        self.show_section("tickets")
        if self.tickets_page is not None:
            self.tickets_page.new_ticket(client_id if isinstance(client_id, int) else None)

    def import_chat(self, path: str | None = None) -> None:
        """File ▸ Import chat…: the wizard, with the current client preselected on Clients."""
        if self.engine is None:
            return
        from agencydesk.qt.chat_import.import_wizard import ImportWizard

        client_id = None
        if self.clients_page is not None and self.stack.currentWidget() is self.clients_page:
            client_id = self.clients_page.current_client_id()
        self.import_wizard = ImportWizard(
            self.engine,
            path=path if isinstance(path, str) else None,
            client_id=client_id,
            me_names=[self.settings.my_name],
            data_dir=self.db_path.parent,
            parent=self,
        )
        self.import_wizard.open_ticket_requested.connect(self.open_ticket)
        self.import_wizard.open()

    def search_everything(self) -> None:
        from agencydesk.qt.shell.search_dialog import SearchDialog

        if self.engine is None:
            return
        dialog = SearchDialog(self.engine, self)
        dialog.hit_chosen.connect(self._open_hit)
        dialog.exec()

    def _open_hit(self, hit: Any) -> None:
        if hit.kind == "client":
            self.open_client(hit.id)
        elif hit.kind in ("ticket", "message") and hit.ticket_id is not None:
            self.open_ticket(hit.ticket_id)
        elif hit.kind == "message" and hit.client_id is not None:
            self.open_client(hit.client_id)
            if self.clients_page is not None:
                self.clients_page.detail.tabs.setCurrentWidget(self.clients_page.detail.timeline)
        elif hit.kind == "guide":
            self.open_guide(hit.id)

    def open_guide(self, guide_id: int) -> None:
        self.show_section("guides")
        page = self.pages.get("guides")
        if page is not None:
            page.select_guide(guide_id)  # type: ignore[attr-defined]

    def send_guide(self, client_id: int, ticket_id: int) -> None:
        """From a ticket: choose a guide and copy it for WhatsApp; the send is recorded."""
        from agencydesk.qt.guides.send_guide_dialog import SendGuideDialog

        if self.engine is None:
            return
        dialog = SendGuideDialog(
            self.engine,
            client_id=client_id,
            ticket_id=ticket_id,
            my_name=self.settings.my_name,
            parent=self,
        )
        if dialog.exec() and dialog.recorded_send_id is not None:
            self.statusBar().showMessage(self.tr("Copied. Paste it into WhatsApp (Ctrl+V)."), 8000)

    def export_report(self, client_id: int) -> None:
        """The client report PDF: options, where to save it, written in the background."""
        from agencydesk.qt.report.report_dialog import ReportDialog

        if self.engine is None:
            return
        dialog = ReportDialog(self.engine, client_id, parent=self)
        if dialog.exec() and dialog.saved_path is not None:
            self.statusBar().showMessage(
                self.tr("Saved {file}.").format(file=dialog.saved_path.name), 8000
            )

    def edit_agency_profile(self) -> None:
        """Settings ▸ Agency profile…: the name, contact and logo on client reports."""
        from agencydesk.qt.report.agency_dialog import AgencyDialog

        if self.engine is None:
            return
        if AgencyDialog(self.engine, self).exec():
            self.statusBar().showMessage(self.tr("Agency profile saved."), 5000)

    def ask_my_name(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self,
            self.tr("Your name"),
            self.tr('How you sign your guides, e.g. "Mas Budi":'),
            text=self.settings.my_name,
        )
        if ok:
            self.settings.my_name = name
            guides_page = self.pages.get("guides")
            if guides_page is not None:
                guides_page.my_name = self.settings.my_name  # type: ignore[attr-defined]

    def _undo_changed(self) -> None:
        self.action_undo.setText(self.undo.action_text())
        self.action_undo.setEnabled(self.undo.can_undo())

    # -- backups -------------------------------------------------------------------------------
    def backup_now(self) -> None:
        from agencydesk.core import backup

        db_path = self.db_path
        self._busy(self.tr("Backing up…"))
        workers.run_task(
            lambda: backup.make_backup(db_path, reason="manual"),
            lambda path: self._idle(self.tr("Backed up to {file}.").format(file=path.name), 8000),
            self._task_failed,
        )

    def restore_backup(self) -> None:
        from agencydesk.qt.shell.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.db_path, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen = dialog.chosen
        self._close_database()
        self._busy(self.tr("Restoring {file}…").format(file=chosen.name))

        def restore() -> dict[str, Any]:
            from agencydesk.core import backup

            backup.restore_backup(self.db_path, chosen)
            return _open_database(self.db_path)

        workers.run_task(restore, self._restored, self._restore_failed)

    def _restored(self, result: dict[str, Any]) -> None:
        self._database_opened(result)
        self._idle(self.tr("Restored. Your previous data was backed up first."), 10000)

    def _restore_failed(self, exc: BaseException, details: str) -> None:
        self._task_failed(exc, details)
        self.open_database()

    def _close_database(self) -> None:
        self._set_data_actions_enabled(False)
        self.undo.clear()
        if self.clients_page is not None:
            self.settings.set_splitter_state(self.clients_page.splitter.saveState())
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self.clients_page = None
        self.today_page = None
        self.tickets_page = None
        self._drop_quick_view()
        self._populated_emitted = False
        self.stack.setCurrentWidget(self.loading_label)
        self.count_label.clear()
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    # -- other -----------------------------------------------------------------------------------
    def _language_chosen(self, action: QAction) -> None:
        self.settings.language = str(action.data() or "")
        from agencydesk.qt.common.dialogs import show_info

        show_info(
            self,
            self.tr("Language"),
            self.tr("The new language is used the next time you start agencydesk."),
        )

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def about(self) -> None:
        from agencydesk.qt.shell.about_dialog import AboutDialog

        AboutDialog(self.db_path.parent, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.settings.set_window_geometry(self.saveGeometry())
        if self.clients_page is not None:
            self.settings.set_splitter_state(self.clients_page.splitter.saveState())
        elif self.quick_view is not None:
            self.settings.set_splitter_state(self.quick_view.splitter.saveState())
        self.settings.sync()
        workers.wait_for_tasks()
        if self.engine is not None:
            self.engine.dispose()
        super().closeEvent(event)


def startup_probe() -> str:
    """For benchmarks/startup.py: which moment to report on stdout before quitting."""
    return os.environ.get("AGENCYDESK_STARTUP_PROBE", "")


def report_probe(moment: str) -> None:
    print(f"PROBE {moment}", flush=True)
    sys.stdout.flush()
