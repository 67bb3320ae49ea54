"""Consistent copies of the SQLite database with SQLite's online backup API.

Backups live in a `backups` folder beside the database: one a day at most (made on start), plus
one before every schema upgrade and before every restore. The newest `KEEP` are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agencydesk.core.errors import UserError

KEEP = 14
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z-]+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str  # "daily", "manual", "before-upgrade", "before-restore"


def backups_dir(db_path: Path) -> Path:
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def _copy(source: Path, target: Path) -> None:
    """Copy *source* to *target* page by page with the backup API (safe while the app writes).

    A new *target* is created readable by the owner only; an existing one keeps its mode.
    """
    if not target.exists():
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def make_backup(db_path: Path, *, reason: str = "manual", now: datetime | None = None) -> Path:
    """Back up *db_path* now, then rotate out the oldest backups. Returns the new file."""
    target = _take_backup(db_path, reason=reason, now=now)
    prune(db_path)
    return target


def _take_backup(db_path: Path, *, reason: str, now: datetime | None = None) -> Path:
    """Back up *db_path* now without rotating. Returns the new file."""
    if not db_path.exists():
        raise FileNotFoundError(db_path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backups_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{db_path.stem}-{stamp}-{reason}-{counter}.sqlite3")
    _copy(db_path, target)
    return target


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of *db_path*, newest first."""
    folder = db_path.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite3"):
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", match["reason"] or "manual")
        found.append(BackupInfo(path=path, taken_at=taken, reason=reason))
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


def prune(db_path: Path, *, keep: int = KEEP) -> list[Path]:
    removed = []
    for info in list_backups(db_path)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            info.path.unlink()
        removed.append(info.path)
    return removed


def daily_backup(db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Back up unless a backup was already taken today. Returns the new file, or None."""
    if not db_path.exists():
        return None
    now = now or datetime.now()
    if any(info.taken_at.date() == now.date() for info in list_backups(db_path)):
        return None
    return make_backup(db_path, reason="daily", now=now)


def restore_backup(db_path: Path, backup_path: Path) -> Path:
    """Replace the database with *backup_path*. The current file is backed up first.

    The caller must have closed every connection to *db_path*. Returns the safety backup.
    """
    _check_is_database(backup_path)
    # Rotation waits until the copy is done: the chosen backup may be the oldest one kept.
    safety = _take_backup(db_path, reason="before-restore")
    _copy(backup_path, db_path)
    prune(db_path)
    return safety


def _check_is_database(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{path.name} is not an agencydesk backup ({exc}).") from exc
    if not ok or ok[0] != "ok" or "client" not in tables:
        raise UserError(f"{path.name} is damaged or is not an agencydesk backup.")
