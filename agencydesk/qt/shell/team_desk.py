"""What File ▸ Back up now and File ▸ Restore… do on a team desk.

Backing up writes a snapshot (`server export`: one SQLite file the solo app opens) into the team
desk's folder on this computer. Restoring puts such a snapshot back over the whole team desk, for
everyone: so it asks for the database's name to be typed, and first writes a snapshot of what is
there now (the way back).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from agencydesk.qt.common import workers
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.labels import plain_label

if TYPE_CHECKING:
    from agencydesk.core.server_address import ServerAddress
    from agencydesk.qt.shell.desk_opener import DeskOpener


def address_of(desk: DeskOpener) -> ServerAddress:
    assert desk.server_url is not None
    return address_in(desk.server_url)


def address_in(server_url: str) -> ServerAddress:
    from agencydesk.core.server_address import parse

    return parse(server_url)[0]


def where(desk: DeskOpener) -> str:
    """“agency on db.example.com”, as the title bar and the status bar say it."""
    return describe(address_of(desk))


def describe(address: ServerAddress) -> str:
    host = address.host if address.port == 5432 else f"{address.host}:{address.port}"
    return QCoreApplication.translate("TeamDesk", "{database} on {host}").format(
        database=address.database, host=host
    )


def snapshots_folder(desk: DeskOpener) -> Path:
    folder = desk.db_path.parent / "snapshots"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _snapshot_path(desk: DeskOpener, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return snapshots_folder(desk) / f"{address_of(desk).database}-{stamp}-{reason}.sqlite3"


def export_now(desk: DeskOpener) -> None:
    """File ▸ Back up now on a team desk: a snapshot in the desk's folder on this computer."""
    url, target = desk.server_url, _snapshot_path(desk, "manual")
    assert url is not None

    def export() -> Path:
        from agencydesk.core.server_export import export_snapshot

        export_snapshot(url, target)
        return target

    window = desk.window()
    window.busy(QCoreApplication.translate("TeamDesk", "Writing a snapshot of the team desk…"))
    workers.run_task(
        export,
        lambda path: window.idle(
            QCoreApplication.translate("TeamDesk", "Snapshot saved: {file}").format(file=str(path)),
            10000,
        ),
        lambda exc, details: _failed(desk, exc, details),
        owner=desk,
    )


def _failed(desk: DeskOpener, exc: BaseException, details: str) -> None:
    from agencydesk.qt.common.dialogs import report_exception

    desk.window().idle()
    report_exception(desk.window(), exc, details)


class ConfirmByNameDialog(QDialog):
    """Restore over a team desk: done only once the database's name is typed."""

    def __init__(self, database: str, snapshot: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamDesk", "Restore the team desk"))
        self.database = database
        text = plain_label(
            QCoreApplication.translate(
                "TeamDesk",
                "Everything on the team desk {database} is replaced by the snapshot {file}, for "
                "everyone working on it; what was added since is gone. A snapshot of the desk as "
                "it is now is saved first.\n\nType the database's name, {database}, to restore.",
            ).format(database=database, file=snapshot.name)
        )
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(database)
        self.buttons, self.restore_button = ok_cancel_buttons(
            QCoreApplication.translate("TeamDesk", "Restore")
        )
        self.restore_button.setEnabled(False)
        self.typed.textChanged.connect(
            lambda typed: self.restore_button.setEnabled(typed.strip() == database)
        )
        lay_out_dialog(self, (text, self.typed), self.buttons, self.accept, min_width=460)

    def accept(self) -> None:
        if self.typed.text().strip() == self.database:
            super().accept()


def restore_snapshot(desk: DeskOpener) -> None:
    """File ▸ Restore… on a team desk: choose a snapshot, type the database's name, restore."""
    from agencydesk.qt.common.dialogs import choose_file

    window = desk.window()
    chosen = choose_file(
        window,
        QCoreApplication.translate("TeamDesk", "Choose the snapshot to restore"),
        str(snapshots_folder(desk)),
        QCoreApplication.translate("TeamDesk", "agencydesk snapshots (*.sqlite3)"),
    )
    if not chosen:
        return
    snapshot = Path(chosen)
    database = address_of(desk).database
    if not ConfirmByNameDialog(database, snapshot, window).exec():
        return
    url, before = desk.server_url, _snapshot_path(desk, "before-restore")
    assert url is not None

    def restore() -> None:
        from agencydesk.core import server_export, server_move

        server_export.export_snapshot(url, before)
        server_move.restore_snapshot(snapshot, url)

    desk.reopen_after(
        restore,
        QCoreApplication.translate("TeamDesk", "Restoring {file}…").format(file=snapshot.name),
    )
