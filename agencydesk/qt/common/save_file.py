"""Asking where to save a file the desk writes (a report, a receipt, hours as CSV): offered in
the folder the last one went to, with the file's ending added when the user left it out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# the folder the last saved file went to (the settings key kept its first user's name)
SAVE_FOLDER_KEY = "reports/last_folder"


def documents_folder() -> str:
    """Where files are offered to be saved: where the last one went, else the user's Documents
    folder, else their home."""
    folder = str(QSettings().value(SAVE_FOLDER_KEY, "") or "")
    if folder and Path(folder).is_dir():
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """The save dialog (one function, so a test can answer it)."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def ask_save_file(
    parent: QWidget, title: str, file_name: str, filters: str, suffix: str
) -> Path | None:
    """Where to save *file_name* (ending in *suffix*, ".pdf"), asked with *title*; the suffix is
    added when the name chosen lacks it, and the folder is remembered for the next file. None
    when the user cancelled."""
    chosen = ask_save_path(parent, title, str(Path(documents_folder()) / file_name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.casefold() != suffix.casefold():
        path = path.with_name(path.name + suffix)
    QSettings().setValue(SAVE_FOLDER_KEY, str(path.parent))
    return path
