"""Staged start-up of the desk (after qutebrowser's app.py):

1. paths and logging, 2. QApplication, crash handler and translations, 3. the single-instance
lock for the database file, 4. the main window shown at once, 5. the database layer imported,
migrated and opened in a worker, then the pages built, 6. the event loop; once the client list
shows, the window listens for later starts on its database (they bring it forward).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSize,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from agencydesk import __version__, paths
from agencydesk.log import setup_logging
from agencydesk.qt.common.locales import locale_for
from agencydesk.qt.shell.excepthook import install_excepthook
from agencydesk.qt.shell.main_window import MainWindow, report_probe, startup_probe
from agencydesk.qt.shell.settings import Settings

log = logging.getLogger(__name__)


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The UI language: the user's setting, else the system's when we have it, else English."""
    if setting:
        return setting
    system = system or QLocale.system()
    return "id" if system.language() == QLocale.Language.Indonesian else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for *language*; keep them alive."""
    installed: list[QTranslator] = []
    QLocale.setDefault(locale_for(language))  # dates, numbers: one format each (formatting.py)
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(f"agencydesk_{language}", str(paths.resources_dir() / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("No translation found for %s", language)
    # Qt's standard buttons, wizards and file dialogs: Qt's own translation, else ours (Qt ships
    # none for Indonesian; resources/translations/qtbase_id.ts)
    qtbase = QTranslator(app)
    for folder in (
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(paths.resources_dir() / "translations"),
    ):
        if qtbase.load(f"qtbase_{language}", folder):
            app.installTranslator(qtbase)
            installed.append(qtbase)
            break
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("agencydesk")
    app.setApplicationName("agencydesk")
    app.setApplicationVersion(__version__)
    # Wayland app id: matches packaging/linux/<id>.desktop, so the desktop shows our icon.
    app.setDesktopFileName("io.github.agencydesk.AgencyDesk")
    app.setWindowIcon(app_icon())
    # emoji and the timeline's icons, where the system has no emoji font: once the event loop
    # runs (reading the 11 MB font takes ~0.1 s, and the first window has no emoji to show)
    QTimer.singleShot(0, _use_bundled_fonts)
    return app


def _use_bundled_fonts() -> None:
    from agencydesk.reports.fonts import use_bundled_fonts

    use_bundled_fonts()


def app_icon() -> QIcon:
    """The SVG master for every size, with a pixel-fitted drawing for 16 px."""
    icons = paths.resources_dir() / "icons"
    icon = QIcon()
    icon.addFile(str(icons / "agencydesk-16.svg"), QSize(16, 16))
    for size in (24, 32, 48, 64, 128, 256):
        icon.addFile(str(icons / "agencydesk.svg"), QSize(size, size))
    return icon


def acquire_lock(db_path: Path) -> QLockFile | None:
    """One window per database file. None when another agencydesk has it open."""
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(db_path) + ".lock")
    if not lock.tryLock(200):
        return None
    return lock


def _why_not_writable(db_path: Path) -> str | None:
    from agencydesk.core.errors import why_not_writable  # only when the lock is refused

    return why_not_writable(db_path)


def team_desk_path(server_url: str) -> Path:
    """A team desk's place on this computer: a name in its local folder (never a file), which
    its single-window lock and imported media go beside."""
    from agencydesk.core.server_address import local_folder, parse

    return local_folder(parse(server_url)[0]) / "desk"


def run_gui(
    db_path: Path | None = None, argv: list[str] | None = None, server_url: str | None = None
) -> int:
    """The window on the database file *db_path*, or on the team server *server_url* (an
    address without password); with neither, the desk last chosen (File ▸ Connect to a team
    server…), else the database file in the data folder."""
    setup_logging()
    app = make_application(argv)
    install_excepthook()
    settings = Settings()
    translators = install_translators(app, choose_language(settings.language))
    if db_path is None and server_url is None and settings.desk_server:
        server_url = settings.desk_server
    if server_url is not None:
        db_path = team_desk_path(server_url)
        log.info("agencydesk %s starting with a team desk", __version__)
    else:
        db_path = (db_path or paths.default_db_path()).expanduser().resolve()
        log.info("agencydesk %s starting with %s", __version__, db_path.name)

    lock = acquire_lock(db_path)
    if lock is None and _why_not_writable(db_path) is not None:
        from agencydesk.qt.common.dialogs import show_user_error

        show_user_error(  # the lock file cannot be made, which is no sign of another window
            None,
            QCoreApplication.translate(
                "app",
                "agencydesk cannot open {file} for writing: its file or folder is read-only (a "
                "read-only disk, or permissions). Copy it to a folder you can write to and open "
                "that copy (agencydesk --db COPY).",
            ).format(file=db_path),
            QCoreApplication.translate("app", "Cannot open"),
        )
        return 1
    if lock is None:
        from agencydesk.qt.shell.single_instance import forward_to_first_window

        if forward_to_first_window(db_path):
            log.info("agencydesk is already open with %s: its window came forward", db_path.name)
            return 0
        from agencydesk.qt.common.dialogs import show_user_error

        show_user_error(
            None,
            QCoreApplication.translate(
                "app",
                "agencydesk is already open with this database ({file}). "
                "Switch to that window instead.",
            ).format(file=db_path),
            QCoreApplication.translate("app", "Already open"),
        )
        return 1

    # the frame now, the rest once it is on screen (`MainWindow` says what goes in which)
    window = MainWindow(settings, db_path, server_url=server_url, staged=True)
    probe = startup_probe()
    if probe == "shown":
        window.show()
        QTimer.singleShot(0, lambda: (report_probe("shown"), app.quit()))
        return _exec(app, lock, translators)
    if probe == "populated":
        window.populated.connect(lambda: (report_probe("populated"), window.close()))
    window.show()
    QTimer.singleShot(0, lambda: _after_first_paint(window, db_path))
    return _exec(app, lock, translators)


# the latest the window starts listening for later starts, should its list never show (a
# later start waits up to a second for it: `single_instance.CONNECT_TRIES`)
LISTEN_AT_THE_LATEST_MS = 500


def _after_first_paint(window: MainWindow, db_path: Path) -> None:
    window.finish_start_up()
    window.open_database()
    listening = False

    def listen() -> None:
        """A second start on this database brings this window forward. Once the client list
        shows: its QtNetwork took 16 ms, which the list waited for."""
        nonlocal listening
        if not listening:
            listening = True
            from agencydesk.qt.shell.single_instance import FirstWindow

            FirstWindow(db_path, window)

    window.populated.connect(listen)
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, window, listen)


def _exec(app: QApplication, lock: QLockFile, translators: list[QTranslator]) -> int:
    try:
        return app.exec()
    finally:
        from agencydesk.qt.common import workers
        from agencydesk.qt.shell import restart

        workers.wait_for_tasks()
        lock.unlock()
        del translators
        restart.start_again()  # Settings ▸ Language ▸ … ▸ Restart now
