"""Consistent copies of the SQLite database with SQLite's online backup API.

Backups live in a `backups` folder beside the database: one a day at most (made on start), those
the user makes, one before every schema upgrade and one before every restore. Each kind is
rotated on its own, keeping its newest `KEEP`: failed upgrade attempts never push out the daily
backups.

A backup is written under a temporary name and takes its real name only once complete, so a full
disk or a killed process never leaves a cut file that looks like a backup.

The database is checked (`PRAGMA quick_check`) before every backup. A damaged database is still
copied, but kept apart (its kind ends in `-damaged`), so the good backups of its kind are never
rotated out by copies of the damage; the user is told which good backup to restore.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agencydesk.core.errors import SaidError, UserError
from agencydesk.core.schema_version import HEAD_REVISION, read_only_uri, sqlite_file_revision

KEEP = 14
DAMAGED = "-damaged"  # the end of the kind of a backup taken of a damaged database
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z]+(?:-[a-z]+)*))?"
    r"(?:-(?P<number>\d+))?\.sqlite3$"
)
#: the name of a backup being written; not a backup's name, so it is never listed
_PARTIAL = ".partial"
#: a partial file this old was left by a killed process (no backup takes a day)
_STALE_PARTIAL_S = 24 * 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str  # "daily", "manual", "before-upgrade", "before-restore"
    number: int = 1  # the second backup of a kind in the same second is number 2, …


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
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


class DamagedDatabaseError(SaidError):
    """The database fails its check; the message says which good backup to restore."""


def database_problem(path: Path) -> str | None:
    """What SQLite's quick check finds wrong with the database file *path*, or None if nothing."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            found = [str(row[0]) for row in con.execute("PRAGMA quick_check(3)")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if found == ["ok"] else "; ".join(found)


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of *db_path* that passes the quick check."""
    for info in list_backups(db_path):
        if not info.reason.endswith(DAMAGED) and database_problem(info.path) is None:
            return info
    return None


def check_database(db_path: Path, *, kept_apart: Path | None = None) -> None:
    """Raise DamagedDatabaseError, saying which backup to restore, if *db_path* fails its check."""
    problem = database_problem(db_path)
    if problem is None:
        return
    good = newest_good_backup(db_path)
    said = {"path": str(db_path), "problem": problem[:200]}
    if kept_apart:
        said["apart"] = kept_apart.name
    if good is None:
        kind = "desk_damaged_kept_apart_no_backup" if kept_apart else "desk_damaged_no_backup"
    else:
        kind = "desk_damaged_kept_apart" if kept_apart else "desk_damaged"
        said |= {"name": good.path.name, "backup": str(good.path)}
    raise DamagedDatabaseError(kind, **said)


def make_backup(db_path: Path, *, reason: str = "manual", now: datetime | None = None) -> Path:
    """Check *db_path*, back it up now, then rotate out the oldest backups. Returns the new
    file. A damaged database is backed up apart, then DamagedDatabaseError says what to restore."""
    problem = database_problem(db_path) if db_path.exists() else None
    target = None
    if problem is None:
        target = _take_backup(db_path, reason=reason, now=now)
    else:
        with contextlib.suppress(UserError):  # a copy of damage that cannot be copied: none
            target = _take_backup(db_path, reason=reason + DAMAGED, now=now)
    prune(db_path, spare=target)
    if problem is not None:
        check_database(db_path, kept_apart=target)
    assert target is not None
    return target


def _take_backup(db_path: Path, *, reason: str, now: datetime | None = None) -> Path:
    """Back up *db_path* now without rotating or checking. Returns the new file.

    A failure (a full disk, say) leaves nothing behind and is a plain sentence."""
    if not db_path.exists():
        raise FileNotFoundError(db_path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = db_path.parent / "backups"
    try:
        # the folder too: a file called "backups", a read-only disk, a folder one may not
        # change were each an "unexpected error" or a sentence about the database itself
        folder = backups_dir(db_path)
        fd, partial_name = tempfile.mkstemp(prefix=f".{db_path.stem}-", suffix=_PARTIAL, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise _no_backup(folder, exc) from None
    partial = Path(partial_name)
    try:
        _copy(db_path, partial)
        _sync(partial)
        return _give_name(partial, f"{db_path.stem}-{stamp}-{reason}")
    except (sqlite3.Error, OSError) as exc:
        raise _no_backup(folder, exc) from exc
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _no_backup(folder: Path, exc: BaseException) -> SaidError:
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return SaidError("backup_not_made", folder=str(folder), why=why)


def _sync(path: Path) -> None:
    """Write *path* through to the disk before it is given a backup's name."""
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _give_name(partial: Path, base: str) -> Path:
    """Give the complete backup *partial* the first free name of base.sqlite3, base-2.sqlite3, …

    A hard link claims a name atomically: two backups in the same second (two processes, even)
    never take the same one. The caller removes *partial*."""
    for number in range(1, 10_000):
        target = partial.with_name(f"{base}.sqlite3" if number == 1 else f"{base}-{number}.sqlite3")
        try:
            os.link(partial, target)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: take the name if it is free
            if target.exists():
                continue
            partial.replace(target)
        return target
    raise SaidError("backup_names_taken", folder=str(partial.parent))


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
        reason = match["reason"] or "manual"
        found.append(BackupInfo(path, taken, reason, int(match["number"] or 1)))
    found.sort(key=lambda info: (info.taken_at, info.number, info.path.name), reverse=True)
    return found


def prune(db_path: Path, *, keep: int = KEEP, spare: Path | None = None) -> list[Path]:
    """Keep the newest *keep* backups of each kind; remove the others and any partial file a
    killed backup left behind. Never *spare* (the backup just made: with the clock set back it
    counted as the oldest, and was removed as soon as it was made), nor the newest good backup
    (the only good one went while later, damaged ones were kept)."""
    removed = []
    seen: Counter[str] = Counter()
    over = []
    for info in list_backups(db_path):
        seen[info.reason] += 1
        if seen[info.reason] > keep and info.path != spare:
            over.append(info)
    if over:
        newest_good = spare if spare is not None and DAMAGED not in spare.name else None
        if newest_good is None:
            good = newest_good_backup(db_path)
            newest_good = good.path if good is not None else None
        for info in over:
            if info.path == newest_good:
                continue
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()
            removed.append(info.path)
    folder = db_path.parent / "backups"
    for partial in folder.glob(f".{db_path.stem}-*{_PARTIAL}*"):
        with contextlib.suppress(FileNotFoundError):
            if time.time() - partial.stat().st_mtime > _STALE_PARTIAL_S:
                partial.unlink()
    return removed


def daily_backup(db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Check the database at every start; back it up unless a daily backup was already taken
    today. Returns the new file, or None. A damaged database raises DamagedDatabaseError."""
    if not db_path.exists():
        return None
    now = now or datetime.now()
    backups = list_backups(db_path)
    daily = ("daily", "daily" + DAMAGED)
    if any(info.reason in daily and info.taken_at.date() == now.date() for info in backups):
        check_database(db_path)
        return None
    return make_backup(db_path, reason="daily", now=now)


def restore_backup(db_path: Path, backup_path: Path) -> Path:
    """Replace the database with *backup_path*. The current file is backed up first.

    The caller must have closed every connection to *db_path*. Returns the safety backup.
    """
    _check_is_database(backup_path)
    # The database being replaced may be damaged (the reason to restore): then its copy is kept
    # apart. Rotation waits until the copy is done: the chosen backup may be the oldest one kept.
    damaged = database_problem(db_path) is not None
    safety = _take_backup(db_path, reason="before-restore" + (DAMAGED if damaged else ""))
    _copy(backup_path, db_path)
    prune(db_path, spare=safety)
    return safety


def _check_is_database(path: Path) -> None:
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise SaidError("not_a_backup", name=path.name, why=str(exc)) from exc
    if not ok or ok[0] != "ok" or "client" not in tables:
        raise SaidError("damaged_backup", name=path.name)
    revision = sqlite_file_revision(path)
    if revision is not None and revision > HEAD_REVISION:
        # restored, the desk would not open, and Restore would be greyed with it
        raise SaidError("newer_backup", name=path.name, schema=revision)
