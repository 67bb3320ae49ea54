"""File ▸ Restore from backup…: pick one of the backups kept beside the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QWidget

from agencydesk.core import backup
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.formatting import format_datetime
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.common.list_view import add_list_item


class RestoreDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.chosen: Path | None = None
        intro = plain_label(
            self.tr(
                "Choose the backup to go back to. Your current data is backed up first, so this "
                "can be undone by restoring that backup."
            )
        )
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.list.setWordWrap(True)  # never cut at the right edge
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        reasons = {
            "daily": self.tr("daily backup"),
            "manual": self.tr("backed up by you"),
            "before-upgrade": self.tr("before an upgrade"),
            "before-restore": self.tr("before a restore"),
        }
        for info in backup.list_backups(db_path):
            if info.reason.endswith(backup.DAMAGED):
                continue  # a copy of a damaged database is kept, but cannot be restored
            size_kb = max(1, info.path.stat().st_size // 1024)
            when = format_datetime(info.taken_at)
            text = self.tr("{when} — {reason} ({size} KB)").format(
                when=when, reason=reasons.get(info.reason, info.reason), size=size_kb
            )
            add_list_item(self.list, text, str(info.path))
        self.empty = QLabel(self.tr("There are no backups yet. One is made every day you start."))
        # in the list's place, from the top: the sentences stay together, not spread over the
        # dialog's height
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self.buttons, ok = ok_cancel_buttons(self.tr("Restore"))
        ok.setEnabled(False)
        self.list.currentRowChanged.connect(lambda row: ok.setEnabled(row >= 0))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        lay_out_dialog(self, (intro, (self.list, 1), (self.empty, 1)), self.buttons, self.accept)
        self.resize(520, 360)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
