"""The main window: the shell only — a sidebar of sections, the stack that shows their pages, and
the status bar. What fills it is elsewhere: the pages (`pages.Pages`, built lazily), opening the
database (`desk_opener.DeskOpener`), the menus and what they do (`actions.ShellActions`), undo
(`common.undo.UndoService`).

Start-up is staged (`staged=True`, as `app.run_gui` does): the first paint shows only the frame —
sidebar, "Opening your desk…", the menu bar's titles, the status bar — built from modules that
import nothing but the Qt classes they show. Even the `Qt` namespace is left out: importing it
makes PySide6 create its ~120 enums (~14 ms). `finish_start_up`, queued behind the first paint,
builds the rest and imports the modules it needs; then the database is opened in a worker.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from agencydesk.qt.shell.sections import SECTIONS
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.window_fit import fit_to_screen

if TYPE_CHECKING:  # built after the first paint (`finish_start_up`)
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QDialog, QMenu, QProgressBar

    from agencydesk.qt.common.undo import UndoService
    from agencydesk.qt.shell.actions import ShellActions
    from agencydesk.qt.shell.desk_opener import DeskOpener
    from agencydesk.qt.shell.pages import Pages
    from agencydesk.qt.shell.running_timer import RunningTimer

# the section the window opens on: what needs the freelancer now
START_SECTION = "today"


def menu_titles() -> dict[str, str]:
    """The menu bar's menus, in order; `ShellActions` fills them (its translation context)."""
    return {
        "file": QCoreApplication.translate("ShellActions", "&File"),
        "edit": QCoreApplication.translate("ShellActions", "&Edit"),
        "view": QCoreApplication.translate("ShellActions", "&View"),
        "settings": QCoreApplication.translate("ShellActions", "&Settings"),
        "help": QCoreApplication.translate("ShellActions", "&Help"),
    }


class MainWindow(QMainWindow):
    # emitted once the client list shows its first rows (or knows it is empty): from the quick
    # read-only list when the database is up to date, else from the real page; once per opening
    populated = Signal()
    # emitted when the database is open and the real (ORM-backed) pages are in
    ready = Signal()

    SECTIONS = SECTIONS

    def __init__(
        self,
        settings: Settings,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        server_url: str | None = None,
        staged: bool = False,
    ) -> None:
        """The window for the desk at *db_path* (or the team server *server_url*). *staged*:
        only the frame now; the rest is built by `finish_start_up`, which the caller queues
        after showing the window. Otherwise the whole window at once."""
        super().__init__(parent)
        self.settings = settings
        self._db_path = db_path
        self._server_url = server_url
        # "Who is working at this desk?" while it is asked (a team desk's first connect)
        self.person_dialog: QDialog | None = None
        if server_url is None:
            self.setWindowTitle(self.tr("agencydesk"))
        else:  # which team desk this window shows, always in sight
            from agencydesk.qt.shell.team_desk import address_in, describe

            desk = describe(address_in(server_url))
            self.setWindowTitle(self.tr("agencydesk — {desk}").format(desk=desk))

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
        self.sidebar.addItems(list(self.section_titles().values()))  # rows in SECTIONS' order

        self.stack = QStackedWidget()
        self.loading_label = QLabel(self.tr("Opening your desk…"))
        # centred by a style property: `Qt.AlignmentFlag` would import the `Qt` namespace before
        # the first paint, and centring markup would make it a rich text label (~4 ms)
        self.loading_label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.loading_label)

        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 6, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.sidebar)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # the menu bar's menus by name, titles only until `finish_start_up` fills them (a bar
        # that came later would push the window's content down under the user's eyes)
        self.menus: dict[str, QMenu] = {
            name: self.menuBar().addMenu(title) for name, title in menu_titles().items()
        }

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        # the running timer with Stop, in the status bar while a desk is open
        self.running_timer: RunningTimer | None = None
        # whether `finish_start_up` has built the pages, the desk, the actions and undo
        self._built = False
        fit_to_screen(self, settings.window_geometry())
        self.sidebar.setCurrentRow(SECTIONS.index(START_SECTION))
        if not staged:
            self.finish_start_up()

    def finish_start_up(self) -> None:
        """Build what the first paint does not show: the busy bar, undo, the pages, the desk
        opener and the menus' actions. Once only."""
        if self._built:
            return
        self._built = True
        from PySide6.QtWidgets import QProgressBar

        from agencydesk.qt.common.undo import UndoService
        from agencydesk.qt.shell.actions import ShellActions
        from agencydesk.qt.shell.desk_opener import DeskOpener
        from agencydesk.qt.shell.pages import Pages

        # turning while the desk opens or a long task runs (hidden otherwise)
        self.busy_bar: QProgressBar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setVisible(False)
        self.statusBar().insertPermanentWidget(0, self.busy_bar)
        self.undo: UndoService = UndoService(self)
        self.undo.message.connect(lambda text: self.say(text, 10000))
        self.pages: Pages = Pages(self.stack, self.loading_label, self.settings, self.undo, self)
        self.desk: DeskOpener = DeskOpener(
            self, self.pages, self.settings, self._db_path, self._server_url
        )
        self.shell_actions: ShellActions = ShellActions(
            self, self.settings, self.desk, self.pages, self.undo
        )
        self._connect()
        self.sidebar.currentRowChanged.connect(self._section_changed)
        self.show_section_again()
        self.setAcceptDrops(True)  # a chat export dropped on the window: the import wizard

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from agencydesk.qt.chat_import.reading_pages import dropped_file

        if self.desk.engine is not None and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A file dropped anywhere on the window (not on a field) opens the import wizard on
        it: an export is dragged from the downloads more often than looked for again."""
        from agencydesk.qt.chat_import.reading_pages import dropped_file

        path = dropped_file(event.mimeData())
        if self.desk.engine is not None and path is not None:
            event.acceptProposedAction()
            self.shell_actions.open_import_chat(path)

    def _connect(self) -> None:
        pages, desk, actions = self.pages, self.desk, self.shell_actions
        pages.client_wanted.connect(self.open_client)
        pages.ticket_wanted.connect(self.open_ticket)
        pages.new_ticket_wanted.connect(actions.open_new_ticket)
        pages.report_wanted.connect(actions.export_report)
        pages.send_guide_wanted.connect(actions.send_guide)
        pages.clients_counted.connect(self.update_counts)
        pages.urgent_counted.connect(self._show_urgent)
        desk.opened.connect(self._database_opened)
        desk.closed.connect(self._database_closed)
        desk.failed.connect(self._database_failed)
        desk.password_wanted.connect(actions.ask_server_password)
        desk.populated.connect(self.populated)
        desk.ready.connect(self.ready)

    def section_titles(self) -> dict[str, str]:
        return {
            "today": self.tr("Today"),
            "clients": self.tr("Clients"),
            "tickets": self.tr("Tickets"),
            "guides": self.tr("Guides"),
            "orders": self.tr("Orders"),
            "referrals": self.tr("Referrals"),
        }

    # -- the database ------------------------------------------------------------------------------
    def open_database(self) -> None:
        self.finish_start_up()
        self.desk.open()

    def _database_opened(self) -> None:
        from agencydesk.qt.shell.running_timer import RunningTimer

        if self.desk.engine is not None:
            self.running_timer = RunningTimer(self.desk.engine, self)
            self.running_timer.ticket_wanted.connect(self.open_ticket)
            self.statusBar().insertPermanentWidget(0, self.running_timer)
        self.shell_actions.set_data_enabled(True)
        self.update_counts()
        self.idle()
        self._empty_old_trash()
        self._claim_keyring_entries()

    def _empty_old_trash(self) -> None:
        """What has been in the trash longer than Settings say goes for good, in the background."""
        from agencydesk.qt.common import workers
        from agencydesk.qt.shell.trash_dialog import empty_old_trash

        engine, days = self.desk.engine, self.settings.trash_days
        if engine is not None:
            workers.run_task(
                lambda: empty_old_trash(engine, days),
                lambda _gone: None,
                self._trash_not_emptied,
                owner=self,
                key="trash",
            )

    def _claim_keyring_entries(self) -> None:
        """The ledger learns that this desk names its logins' passwords (a copy of a desk file
        names the same ones: see `credentials.claim_entries`), in the background."""
        from sqlmodel import Session

        from agencydesk.core import credentials
        from agencydesk.qt.common import workers

        engine = self.desk.engine
        if engine is None:
            return

        def claim() -> None:
            with Session(engine) as session:
                credentials.claim_entries(session=session)

        workers.run_task(claim, lambda _none: None, self._ledger_not_written, owner=self)

    def _ledger_not_written(self, exc: BaseException, _details: str) -> None:
        # not worth a dialog at start: only a copy of this desk could lose a password by it
        self.say(self.tr("The list of keyring entries could not be written: {why}").format(why=exc))

    def _trash_not_emptied(self, exc: BaseException, _details: str) -> None:
        # not worth a dialog at start: the trash keeps its old things until the next start
        self.say(self.tr("The trash could not be emptied of old things: {why}").format(why=exc))

    def _database_closed(self) -> None:
        if self.running_timer is not None:  # it reads the database that is closing
            self.statusBar().removeWidget(self.running_timer)
            self.running_timer.deleteLater()
            self.running_timer = None
        self.shell_actions.set_data_enabled(False)
        self.undo.clear()
        self.stack.setCurrentWidget(self.loading_label)
        self.count_label.clear()

    def _database_failed(self) -> None:
        self.idle()
        self.count_label.clear()
        self.loading_label.setText(self.tr("The database could not be opened."))

    # -- the status bar ------------------------------------------------------------------------
    def busy(self, message: str) -> None:
        self.busy_bar.setVisible(True)
        self.statusBar().showMessage(message)

    def idle(self, message: str = "", timeout_ms: int = 0) -> None:
        self.busy_bar.setVisible(False)
        self.statusBar().showMessage(message, timeout_ms)

    def say(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def update_counts(self) -> None:
        clients_page = self.pages.clients
        if clients_page is None:
            self.count_label.clear()
            return
        total, shown = clients_page.client_counts()
        if shown is not None:
            text = self.tr("{shown} of {total} clients match").format(shown=shown, total=total)
            self.count_label.setText(text)
        else:
            self.show_client_count(total)

    def show_client_count(self, total: int) -> None:
        if total == 1:
            self.count_label.setText(self.tr("1 client"))
        else:
            self.count_label.setText(self.tr("{count} clients").format(count=total))

    def _show_urgent(self, urgent: int) -> None:
        """The sidebar shows how much is urgent without opening Today."""
        title = self.section_titles()["today"]
        item = self.sidebar.item(SECTIONS.index("today"))
        item.setText(f"{title}  ({self.locale().toString(urgent)})" if urgent else title)

    # -- sections ------------------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        section = SECTIONS[row]
        shown = self.pages.shown_for(section)
        self.stack.setCurrentWidget(shown if shown is not None else self.loading_label)
        # "3 of 10 clients match" is about the client list: said only where it shows
        self.count_label.setVisible(section == "clients")

    def show_section_again(self) -> None:
        """Show the current section anew (its page may have been built meanwhile)."""
        self._section_changed(self.sidebar.currentRow())

    def show_section(self, section: str) -> None:
        self.sidebar.setCurrentRow(SECTIONS.index(section))

    def open_client(self, client_id: int) -> None:
        if self.pages.clients is not None:
            self.show_section("clients")
            self.pages.clients.select_client(client_id)

    def open_ticket(self, ticket_id: int) -> None:
        self.show_section("tickets")
        if self.pages.tickets is not None:
            self.pages.tickets.select_ticket(ticket_id)

    def open_guide(self, guide_id: int) -> None:
        self.show_section("guides")
        if self.pages.guides is not None:
            self.pages.guides.select_guide(guide_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._built:  # closed before the rest was built: nothing of it to save
            super().closeEvent(event)
            return
        back_to = self.pages.may_close()  # e.g. a reply not added yet: kept, and said so
        if back_to is not None:
            event.ignore()
            self.show_section(back_to)
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.pages.save_layout()
        self.settings.sync()
        self.desk.shut()
        super().closeEvent(event)


def startup_probe() -> str:
    """For benchmarks/startup.py: which moment to report on stdout before quitting."""
    return os.environ.get("AGENCYDESK_STARTUP_PROBE", "")


def report_probe(moment: str) -> None:
    print(f"PROBE {moment}", flush=True)
    sys.stdout.flush()
