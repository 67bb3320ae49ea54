"""Qt fixtures: real widgets on the offscreen platform, settings in a temporary file, and a way
to answer modal dialogs the way a user would (by clicking their buttons)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine

from agencydesk.qt.common import workers
from agencydesk.qt.shell import app as app_module
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def inline_tasks() -> Iterator[None]:
    """Background tasks run at once on the GUI thread and deliver before `run_task` returns:
    a test needs no waiting (after Picard's FakeThreadPool)."""
    with workers.inline_tasks():
        yield


@pytest.fixture
def dialogs() -> DialogAnswerer:
    return DialogAnswerer()


def close_dialog(widget: QWidget) -> None:
    assert isinstance(widget, QDialog)
    widget.reject()


@pytest.fixture
def open_window(qtbot: QtBot, settings: Settings) -> Iterator[Callable[[Path], MainWindow]]:
    """Open a main window on a database file and wait until it is ready (the real pages in).

    (`populated` may come earlier, from the read-only list start-up shows first.)"""
    windows: list[MainWindow] = []

    def opener(db_path: Path) -> MainWindow:
        window = MainWindow(settings, db_path)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=20_000):
            window.open_database()
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.close()
        window.deleteLater()
    workers.wait_for_tasks()
    # deleted now, not whenever a later test runs an event loop: a window left over would
    # follow that test's changes (Today refreshes while hidden) on a desk that is gone
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def demo_db(demo_engine: Engine, db_path: Path) -> Path:
    demo_engine.dispose()
    return db_path


@pytest.fixture
def engine_db(engine: Engine, db_path: Path, settings: Settings) -> Path:
    """An empty, migrated database whose demo offer was already declined."""
    engine.dispose()
    settings.set_demo_declined(str(db_path))
    return db_path


@pytest.fixture
def fresh_db(engine: Engine, db_path: Path) -> Path:
    """An empty, migrated database, as on the very first start."""
    engine.dispose()
    return db_path


def _speaking(app: QApplication, language: str) -> Iterator[str]:
    """The app's translators for `language` while a test runs; English and the C locale after."""
    translators = app_module.install_translators(app, language)
    yield language
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[str]:
    yield from _speaking(qapp, "id")


@pytest.fixture(params=["en", "id"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Runs the test once in English and once in Indonesian."""
    yield from _speaking(qapp, request.param)
