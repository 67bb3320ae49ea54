"""Help ▸ About: version, license, the data folder with an Open folder button, and the credits."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer

from agencydesk import __version__
from agencydesk.qt.shell.about_dialog import AboutDialog, library_credits
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings


def _texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_dialog_shows_version_license_data_folder_and_credits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert f"Version {__version__}" in texts
    assert "MIT license" in texts
    assert dialog.folder_label.text() == str(tmp_path)
    button = dialog.findChild(QPushButton, "openFolder")
    assert button is not None
    assert button.isVisible()
    assert button.isEnabled()
    for name in ("PySide6 / Qt", "SQLModel", "SQLAlchemy", "Alembic", "keyring", "platformdirs"):
        assert name in texts
    assert metadata.version("SQLAlchemy") in texts
    assert "LGPL-3.0" in texts


def test_every_credited_library_has_a_version_and_a_license() -> None:
    for credit in library_credits():
        assert credit.version, credit.name
        assert credit.license, credit.name


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_folder_asks_the_desktop_to_open_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    try:
        dialog.open_folder_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in catcher.urls] == [tmp_path]


def test_help_about_opens_the_dialog_on_the_database_folder(
    qtbot: QtBot, settings: Settings, tmp_path: Path, dialogs: DialogAnswerer
) -> None:
    window = MainWindow(settings, tmp_path / "desk" / "x.sqlite3")
    qtbot.addWidget(window)
    seen: list[QWidget] = []

    def close(widget: QWidget) -> None:
        seen.append(widget)
        widget.close()

    dialogs.then(close)
    window.shell_actions.about.trigger()
    qtbot.waitUntil(lambda: dialogs.done)
    assert len(seen) == 1
    assert isinstance(seen[0], AboutDialog)
    assert seen[0].folder_label.text() == str(tmp_path / "desk")
