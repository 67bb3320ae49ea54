"""Opening the desk: the first clients at once, the database in a worker, then the daily backup and,
on an empty desk, the demo offer; and backing up or restoring while it is open.

The window is built from light modules only and shown at once. The first rows of the client list
are read without SQLAlchemy when the database is up to date (the quick list); meanwhile the data
layer (SQLAlchemy, Alembic) is imported, the database migrated if needed, and the real pages built.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from agencydesk.qt.common import workers
from agencydesk.qt.shell.pages import Pages
from agencydesk.qt.shell.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from agencydesk.core.quick_list import QuickPage
    from agencydesk.qt.shell.live_status import LiveStatus
    from agencydesk.qt.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def _first_client_page(db_path: Path) -> QuickPage | None:
    """Worker: the first rows of the client list, read without SQLAlchemy (None: go slowly)."""
    from agencydesk.core.quick_list import first_client_page

    return first_client_page(db_path)


def _open_database(db_path: Path, server_url: str | None = None) -> dict[str, Any]:
    """Worker: import the data layer, migrate if needed, count what is there."""
    from sqlmodel import Session

    from agencydesk.core import clients, migrate
    from agencydesk.core.db import sqlite_url

    engine = migrate.open_database(server_url or sqlite_url(db_path))
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


class DeskOpener(QObject):
    # the database is open and the Clients page is in (the window enables what needs data)
    opened = Signal()
    # the client list shows its first rows (or knows it is empty); once per opening
    populated = Signal()
    # the database is open and the real (ORM-backed) pages are in
    ready = Signal()
    # the database was closed (a restore begins): nothing that needs data works until `opened`
    closed = Signal()
    # the database could not be opened (the user was told why)
    failed = Signal()
    # the team server wants a password nobody kept, or refused the kept one (the sentence)
    password_wanted = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        pages: Pages,
        settings: Settings,
        db_path: Path,
        server_url: str | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pages = pages
        self._settings = settings
        # the database file; on a team desk a name in its local folder (imported media go
        # beside it), not a file
        self.db_path = db_path
        # the team server's address (no password), or None for the solo desk
        self.server_url = server_url
        self.engine: Engine | None = None
        self._populated_emitted = False
        self._shut = False  # the window closed: results still arriving are dropped
        # a team desk hears the other desks, and says when its server is out of reach (made
        # once the database is open: it needs the data layer, which the window starts without)
        self.live: LiveStatus | None = None

    # -- opening ---------------------------------------------------------------------------------
    def open(self) -> None:
        """Show the first clients at once if the database is up to date, then open it fully."""
        if self.server_url is not None:  # nothing to read ahead on this computer
            from agencydesk.qt.shell.team_desk import where

            self._window.busy(self.tr("Connecting to {server}…").format(server=where(self)))
            self._open_fully()
            return
        self._window.busy(self.tr("Opening {file}…").format(file=self.db_path.name))
        db_path = self.db_path
        workers.run_task(
            lambda: _first_client_page(db_path),
            self._quick_page_read,
            self._quick_page_failed,
            owner=self,
        )

    def _quick_page_read(self, page: QuickPage | None) -> None:
        if self._shut:
            return
        if page is not None and self._pages.clients is None and self._pages.quick_view is None:
            self._pages.show_quick_view(page)
            self._window.show_section_again()
            self._window.show_client_count(page.total)
            self._populated_emitted = True
            self.populated.emit()
            if self._shut:
                return  # closed as soon as the rows showed (the start-up probe does this)
        self._open_fully()

    def _quick_page_failed(self, exc: BaseException, details: str) -> None:
        log.warning("Could not read the first clients ahead (%s); opening the usual way", exc)
        if not self._shut:
            self._open_fully()

    def _open_fully(self) -> None:
        db_path, server_url = self.db_path, self.server_url
        workers.run_task(
            lambda: _open_database(db_path, server_url),
            self._database_opened,
            self._failed,
            owner=self,
        )

    def _database_opened(self, result: dict[str, Any]) -> None:
        self.engine = engine = result["engine"]
        from agencydesk.qt.shell.desk_person import open_people

        # who this desk is (asked on a team desk's first connect), before the pages ask
        open_people(self._window, engine, self._settings)
        if self.server_url is not None:
            from agencydesk.qt.shell.live_status import LiveStatus

            self.live = self.live or LiveStatus(self._window.statusBar())
            self.live.start(engine)
        self.opened.emit()
        ever_had_clients = bool(result["ever_had_clients"])
        self._pages.open(engine, lambda: self._clients_listed(ever_had_clients))

    def _clients_listed(self, ever_had_clients: bool) -> None:
        """The Clients page shows its list (read in a worker): the desk is ready."""
        if self._shut:
            return
        if not self._populated_emitted:  # else the quick list already showed the rows
            self._populated_emitted = True
            self.populated.emit()
        self.ready.emit()
        if self._shut:
            return  # closed while the list was being filled (the start-up probe does this)
        # Then, without holding up the list: the section the user was in, the Today counts
        # in the sidebar, and the database's check with the daily backup (a damaged database
        # is said in a plain sentence naming the good backup to restore).
        self._window.show_section_again()
        QTimer.singleShot(0, lambda: self._pages.page("today"))
        db_path = self.db_path
        if self.server_url is None:  # a team desk is backed up with `server export`
            workers.run_task(
                lambda: _daily_backup(db_path), self._backup_done, self._task_failed, owner=self
            )
        if self.server_url is not None:
            return  # a team desk shared by several: demo clients only when asked (Help menu)
        if not ever_had_clients and not self._settings.demo_declined(str(db_path)):
            QTimer.singleShot(0, self.offer_demo)

    def _backup_done(self, made: Path | None) -> None:
        if made is not None:
            self._window.say(self.tr("Today's backup is saved."), 5000)

    def _failed(self, exc: BaseException, details: str) -> None:
        self._pages.drop_quick_view()
        self.failed.emit()
        from agencydesk.core.pg_errors import wants_password
        from agencydesk.qt.common.dialogs import report_exception

        if self.server_url is not None:
            from agencydesk.qt.common.connect_problems import problem_sentence

            sentence = problem_sentence(exc)
            if sentence is not None and wants_password(exc):
                self.password_wanted.emit(sentence)
                return
            if sentence is not None:
                from agencydesk.qt.common.dialogs import show_user_error

                show_user_error(self._window, sentence)
                return

        report_exception(self._window, exc, details)

    def _task_failed(self, exc: BaseException, details: str) -> None:
        self._window.idle()
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self._window, exc, details)

    # -- the demo --------------------------------------------------------------------------------
    def offer_demo(self) -> None:
        from agencydesk.qt.common.dialogs import ask_yes_no

        if ask_yes_no(
            self._window,
            self.tr("Welcome to agencydesk"),
            self.tr(
                "Your desk is empty. Would you like to look around with demo clients first?\n\n"
                "They tell the story of Bu Ratna, who had to be taught to chat online and then "
                "sent us her friends. You can delete demo clients like any others."
            ),
            default_yes=True,
        ):
            self.load_demo()
        else:
            self._settings.set_demo_declined(str(self.db_path))

    def load_demo_asked(self) -> None:
        """Help ▸ Load demo clients: into an empty desk only (a sentence says why not)."""
        engine = self.engine
        if engine is None:
            return
        from sqlmodel import Session

        from agencydesk.core import clients

        with Session(engine) as session:
            has_clients = clients.count_all_clients(session=session) > 0
        if not has_clients:
            self.load_demo()
            return
        from agencydesk.qt.common.dialogs import show_info

        show_info(
            self._window,
            self.tr("Load demo clients"),
            self.tr(
                "Demo clients go only into an empty desk, so that nothing of yours gets mixed up "
                "with them, and this desk already has clients (deleted ones count too). To look "
                "around with them, open a new desk: agencydesk --db demo.sqlite3"
            ),
        )

    def load_demo(self) -> None:
        engine = self.engine
        assert engine is not None
        self._window.busy(self.tr("Adding demo clients…"))
        workers.run_task(
            lambda: _load_demo(engine), self._demo_loaded, self._task_failed, owner=self
        )

    def _demo_loaded(self, count: int) -> None:
        self._window.idle(self.tr("Added {count} demo clients.").format(count=count), 5000)

    # -- backups ---------------------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.server_url is not None:
            from agencydesk.qt.shell.team_desk import export_now

            export_now(self)
            return
        db_path = self.db_path

        def back_up() -> Path:
            from agencydesk.core import backup

            return backup.make_backup(db_path, reason="manual")

        self._window.busy(self.tr("Backing up…"))
        workers.run_task(back_up, self._backed_up, self._task_failed, owner=self)

    def _backed_up(self, path: Path) -> None:
        self._window.idle(self.tr("Backed up to {file}.").format(file=path.name), 8000)

    def restore_backup(self) -> None:
        if self.server_url is not None:
            from agencydesk.qt.shell.team_desk import restore_snapshot

            restore_snapshot(self)
            return
        from agencydesk.qt.shell.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.db_path, self._window)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen = dialog.chosen
        self._close()
        self._window.busy(self.tr("Restoring {file}…").format(file=chosen.name))
        db_path = self.db_path

        def restore() -> dict[str, Any]:
            from agencydesk.core import backup

            backup.restore_backup(db_path, chosen)
            return _open_database(db_path)

        workers.run_task(restore, self._restored, self._restore_failed, owner=self)

    def reopen_after(self, work: Any, busy: str) -> None:
        """Close the database, run *work* in a worker, then open it again (a restore)."""
        self._close()
        self._window.busy(busy)
        db_path, server_url = self.db_path, self.server_url

        def then_open() -> dict[str, Any]:
            work()
            return _open_database(db_path, server_url)

        workers.run_task(then_open, self._restored, self._restore_failed, owner=self)

    def window(self) -> MainWindow:
        return self._window

    def _restored(self, result: dict[str, Any]) -> None:
        self._database_opened(result)
        self._window.idle(self.tr("Restored. Your previous data was backed up first."), 10000)

    def _restore_failed(self, exc: BaseException, details: str) -> None:
        self._task_failed(exc, details)
        self.open()

    def _close(self) -> None:
        if self.live is not None:
            self.live.stop()
        self.closed.emit()
        self._pages.close()
        self._populated_emitted = False
        if self.engine is not None:
            from agencydesk.qt.common.desk_people import forget

            forget(self.engine)
            self.engine.dispose()
            self.engine = None

    def shut(self) -> None:
        """The window closes: let running tasks end (none outlives the database), then close it."""
        self._shut = True
        if self.live is not None:
            self.live.close()
        if self.engine is not None:
            from agencydesk.qt.common.desk_people import forget

            forget(self.engine)  # on a team desk: gone from the others' presence (a task)
        workers.wait_for_tasks()
        if self.engine is not None:
            self.engine.dispose()
