"""Where agencydesk keeps its files. platformdirs everywhere: no platform-specific paths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "agencydesk"
DB_FILENAME = "agencydesk.sqlite3"


def _private_dir(path: Path) -> Path:
    """Create *path* readable by the owner only (0700 on POSIX) and return it."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def data_dir() -> Path:
    """The user's data folder: the database, backups and imported media live here."""
    return _private_dir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    """The folder for the log file."""
    return _private_dir(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resources_dir() -> Path:
    """The shipped resources (icons, translations): frozen bundle, installed package or checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "agencydesk" / "resources"
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    if installed.is_dir():
        return installed
    return here.parent / "resources"
