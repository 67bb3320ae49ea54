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

from agencydesk import __version__
from agencydesk.qt import workers
from agencydesk.qt.dialogs import ask_yes_no, report_exception, show_info
from agencydesk.qt.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from agencydesk.qt.clients_page import ClientsPage

log = logging.getLogger(__name__)


def _open_database(db_path: Path) -> dict[str, Any]:
    """Worker: import the data layer, migrate, take the daily backup, count what is there."""
    from sqlmodel import Session

    from agencydesk.core import backup, clients, migrate
    from agencydesk.core.db import sqlite_url

    engine = migrate.open_database(sqlite_url(db_path))
    backup_path = backup.daily_backup(db_path)
    with Session(engine) as session:
        ever = clients.count_all_clients(session=session)
    return {"engine": engine, "backup": backup_path, "ever_had_clients": ever > 0}


def _load_demo(engine: Engine) -> int:
    from agencydesk.core import demo
    from agencydesk.core.db import session_scope

    with session_scope(engine) as session:
        return len(demo.load_demo(session=session))


class MainWindow(QMainWindow):
    #: emitted once the client list shows its first rows (or knows it is empty)
    populated = Signal()

    SECTIONS = ("clients",)

    def __init__(self, settings: Settings, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path
        self.engine: Engine | None = None
        self.clients_page: ClientsPage | None = None
        self._last_deleted: tuple[int, str] | None = None

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
        return {"clients": self.tr("Clients")}

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
        self.action_edit = self._action(
            self.tr("&Edit client…"), self.edit_client, "Ctrl+E", "edit"
        )
        self.action_delete = self._action(
            self.tr("&Delete client…"), self.delete_client, std.Delete, "delete"
        )
        self.action_undo = self._action(self.tr("&Undo delete"), self.undo_delete, std.Undo, "undo")
        self.action_undo.setEnabled(False)
        self.action_backup = self._action(self.tr("&Back up now"), self.backup_now, None, "backup")
        self.action_restore = self._action(
            self.tr("&Restore from backup…"), self.restore_backup, None, "restore"
        )
        self.action_quit = self._action(self.tr("&Quit"), self.close, std.Quit, "quit")
        self.action_about = self._action(self.tr("&About agencydesk"), self.about, None, "about")
        self.action_data_folder = self._action(
            self.tr("Open data &folder"), self.open_data_folder, None, "dataFolder"
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.action_new)
        file_menu.addSeparator()
        file_menu.addAction(self.action_backup)
        file_menu.addAction(self.action_restore)
        file_menu.addAction(self.action_data_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.action_undo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_find)
        edit_menu.addAction(self.action_edit)
        edit_menu.addAction(self.action_delete)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
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
            self.action_find,
            self.action_edit,
            self.action_delete,
            self.action_backup,
            self.action_restore,
        ):
            action.setEnabled(enabled)

    # -- opening the database ----------------------------------------------------------------
    def open_database(self) -> None:
        self._busy(self.tr("Opening {file}…").format(file=self.db_path.name))
        workers.run_task(
            lambda: _open_database(self.db_path), self._database_opened, self._database_failed
        )

    def _busy(self, message: str) -> None:
        self.busy.setVisible(True)
        self.statusBar().showMessage(message)

    def _idle(self, message: str = "", timeout_ms: int = 0) -> None:
        self.busy.setVisible(False)
        self.statusBar().showMessage(message, timeout_ms)

    def _database_opened(self, result: dict[str, Any]) -> None:
        from agencydesk.qt.clients_page import ClientsPage

        self.engine = result["engine"]
        assert self.engine is not None
        self.clients_page = ClientsPage(self.engine)
        self.clients_page.counts_changed.connect(self.update_counts)
        self.clients_page.client_deleted.connect(self._client_deleted)
        state = self.settings.splitter_state()
        if state is not None:
            self.clients_page.splitter.restoreState(state)
        self.stack.addWidget(self.clients_page)
        self._section_changed(self.sidebar.currentRow())
        self._set_data_actions_enabled(True)
        self.update_counts()
        message = ""
        if result["backup"] is not None:
            message = self.tr("Today's backup is saved.")
        self._idle(message, 5000)
        self.populated.emit()
        if not result["ever_had_clients"] and not self.settings.demo_declined(str(self.db_path)):
            QTimer.singleShot(0, self.offer_demo)

    def _database_failed(self, exc: BaseException, details: str) -> None:
        self._idle()
        self.loading_label.setText(self.tr("The database could not be opened."))
        report_exception(self, exc, details)

    def offer_demo(self) -> None:
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
        if self.clients_page is not None:
            self.clients_page.model.refresh()
            self.clients_page.apply_search()
        self._idle(self.tr("Added {count} demo clients.").format(count=count), 5000)

    def _task_failed(self, exc: BaseException, details: str) -> None:
        self._idle()
        report_exception(self, exc, details)

    # -- sections and counts -------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.settings.last_section = self.SECTIONS[row]
        if self.SECTIONS[row] == "clients" and self.clients_page is not None:
            self.stack.setCurrentWidget(self.clients_page)

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
        elif total == 1:
            text = self.tr("1 client")
        else:
            text = self.tr("{count} clients").format(count=total)
        self.count_label.setText(text)

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
        self.sidebar.setCurrentRow(self.SECTIONS.index("clients"))

    def _client_deleted(self, client_id: int, name: str) -> None:
        self._last_deleted = (client_id, name)
        self.action_undo.setText(self.tr("&Undo delete of {name}").format(name=name))
        self.action_undo.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("Deleted {name}. Press Ctrl+Z to undo.").format(name=name), 10000
        )

    def undo_delete(self) -> None:
        if self._last_deleted is None or self.clients_page is None:
            return
        client_id, name = self._last_deleted
        self._last_deleted = None
        self.action_undo.setText(self.tr("&Undo delete"))
        self.action_undo.setEnabled(False)
        self.clients_page.undelete_client(client_id)
        self.statusBar().showMessage(self.tr("{name} is back.").format(name=name), 5000)

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
        from agencydesk.qt.restore_dialog import RestoreDialog

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
        self._last_deleted = None
        self.action_undo.setEnabled(False)
        if self.clients_page is not None:
            self.settings.set_splitter_state(self.clients_page.splitter.saveState())
            self.stack.removeWidget(self.clients_page)
            self.clients_page.deleteLater()
            self.clients_page = None
        self.stack.setCurrentWidget(self.loading_label)
        self.count_label.clear()
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    # -- other -----------------------------------------------------------------------------------
    def _language_chosen(self, action: QAction) -> None:
        self.settings.language = str(action.data() or "")
        show_info(
            self,
            self.tr("Language"),
            self.tr("The new language is used the next time you start agencydesk."),
        )

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def about(self) -> None:
        show_info(
            self,
            self.tr("About agencydesk"),
            self.tr(
                "agencydesk {version}\n\nA daily desk for freelancers and small web agencies who "
                "support their clients.\n\nYour data: {folder}"
            ).format(version=__version__, folder=self.db_path.parent),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        if self.clients_page is not None:
            self.settings.set_splitter_state(self.clients_page.splitter.saveState())
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
