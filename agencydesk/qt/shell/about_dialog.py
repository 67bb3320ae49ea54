"""Help ▸ About agencydesk: the icon, name and version, the license, where your data lives (with a
button that opens the folder) and the libraries agencydesk is built with, with their versions."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from agencydesk import __version__, paths
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.dialog_layout import at_least_wide, top_to_bottom
from agencydesk.qt.common.labels import bold_label, plain_label


@dataclass(frozen=True)
class Credit:
    name: str
    version: str
    license: str


def distribution_version(*names: str) -> str:
    """The installed version of the first of *names* found (frozen apps ship the metadata)."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return ""


def library_credits() -> list[Credit]:
    """The libraries agencydesk is built with; a version is "" when its metadata is missing."""
    return [
        Credit(
            "PySide6 / Qt",
            f"{distribution_version('PySide6-Essentials', 'PySide6') or pyside_version}"
            f" / {qVersion()}",
            "LGPL-3.0",
        ),
        Credit("SQLModel", distribution_version("sqlmodel"), "MIT"),
        Credit("SQLAlchemy", distribution_version("SQLAlchemy"), "MIT"),
        Credit("Alembic", distribution_version("alembic"), "MIT"),
        Credit("keyring", distribution_version("keyring"), "MIT"),
        Credit("platformdirs", distribution_version("platformdirs"), "MIT"),
        Credit("markdown-it-py", distribution_version("markdown-it-py"), "MIT"),
        Credit("Python", platform.python_version(), "PSF-2.0"),
    ]


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_folder = data_folder
        self.setWindowTitle(self.tr("About agencydesk"))
        self.setObjectName("aboutDialog")

        icon = QLabel()
        icon.setPixmap(QIcon(str(paths.resources_dir() / "icons" / "agencydesk.svg")).pixmap(80))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = bold_label(plain_label("agencydesk", wrap=False), 1.6)
        self.version_label = plain_label(
            self.tr("Version {version}").format(version=__version__), wrap=False
        )
        self.version_label.setObjectName("version")
        summary = plain_label(
            self.tr(
                "A daily desk for freelancers and small web agencies who support their clients."
            ),
        )
        license_label = plain_label(
            self.tr(
                "Free software under the MIT license. Copyright © 2026 the agencydesk developers."
            ),
        )
        heading = top_to_bottom((name, self.version_label, summary, license_label), spacing=4)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(heading, 1)

        folder_title = plain_label(self.tr("Your data folder"), wrap=False)
        bold_label(folder_title)
        self.folder_label = plain_label(str(data_folder), selectable=True)
        self.folder_label.setObjectName("dataFolder")
        self.open_folder_button = push_button(
            self.tr("&Open folder"), self.open_folder, name="openFolder"
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)

        credits_title = plain_label(self.tr("Built with"), wrap=False)
        bold_label(credits_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        for row, credit in enumerate(library_credits()):
            version = credit.version or self.tr("version unknown")
            for column, text in enumerate((credit.name, version, credit.license)):
                grid.addWidget(plain_label(text, selectable=True, wrap=False), row, column)
        grid.setColumnStretch(2, 1)
        lgpl = plain_label(
            self.tr(
                "PySide6 and Qt are used under the GNU LGPL version 3. Their libraries are "
                "separate files in the app folder, so you can replace them with your own build."
            ),
        )
        lgpl.setObjectName("lgplNote")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Qt has no Indonesian translation of its standard buttons: name ours.
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)

        top_to_bottom(
            (top, 6, folder_title, folder_row, 6, credits_title, grid, lgpl, buttons),
            self,
            spacing=10,
        )
        at_least_wide(self, 520)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
