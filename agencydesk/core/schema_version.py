"""The schema revision an up-to-date database carries, and how to read a file's revision.

Standard library only: start-up reads this before SQLAlchemy or Alembic are imported.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: the newest migration. Checked against the scripts by a test; lets an up-to-date database
#: open without importing Alembic (about 120 ms of start-up).
HEAD_REVISION = "0025"


def read_revision(connection: sqlite3.Connection) -> str | None:
    """The revision stamped in an open SQLite database; raises sqlite3.Error if it has none."""
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


#: how long a look at a file (its schema, whose tables) waits for another program's lock: a
#: commit's lock lasts milliseconds; one held longer is said at once ("busy"), not after 5 s
GLANCE_TIMEOUT_S = 1.0


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """SQLite's address for reading *path* only. The path percent-encoded: in a bare
    "file:{path}" a "#" in a folder's name ("Clients #2") began a fragment, and an empty file
    beside it was opened, backed up and checked instead of the desk."""
    return f"{Path(path).absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def connect_read_only(
    path: Path, *, check_same_thread: bool = True, timeout: float = 5.0
) -> sqlite3.Connection:
    """Open *path* without writing. Where its folder cannot be written (a read-only disk), SQLite
    could not make the -shm file a WAL database needs: then nobody writes it, so it is read as
    immutable."""
    immutable = not os.access(path.parent, os.W_OK)
    return sqlite3.connect(
        read_only_uri(path, immutable=immutable),
        uri=True,
        check_same_thread=check_same_thread,
        timeout=timeout,
    )


def sqlite_file_revision(path: Path) -> str | None:
    """The schema revision of an existing SQLite file (None if missing, foreign or unreadable)."""
    if not path.is_file():
        return None
    try:
        connection = connect_read_only(path, timeout=GLANCE_TIMEOUT_S)
        try:
            return read_revision(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return None
