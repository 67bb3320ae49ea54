"""The first page of the client list, read with the standard library alone.

Start-up shows these rows while SQLAlchemy and the rest of the data layer are still being
imported; the ORM-backed list (`clients.list_clients`) then takes over. Only an existing database
already at the current schema is read this way (never created, migrated or written to), so the
rows are exactly what `list_clients(sort="name")` returns. Never imports SQLAlchemy, SQLModel,
pydantic or Qt.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from agencydesk.core.rows import ClientRow
from agencydesk.core.schema_version import HEAD_REVISION, connect_read_only, read_revision

_COLUMNS = ", ".join(field.name for field in dataclasses.fields(ClientRow))
# As clients.list_clients(sort="name") orders live clients (index ix_client_sort_name).
_FIRST_PAGE = (
    f"SELECT {_COLUMNS} FROM client WHERE deleted_at IS NULL "
    "ORDER BY sort_name ASC, lower(name) ASC, id ASC LIMIT ?"
)
_LIVE_COUNT = "SELECT count(*) FROM client WHERE deleted_at IS NULL"


@dataclass(frozen=True)
class QuickPage:
    """The first rows of the client list (sorted by name) and how many live clients there are."""

    rows: list[ClientRow]
    total: int


def first_client_page(db_path: Path, limit: int = 200) -> QuickPage | None:
    """The first *limit* live clients by name, or None unless *db_path* is an existing database
    at the current schema (a new, outdated or foreign file goes the slow, migrating way)."""
    if not db_path.is_file():
        return None
    try:
        connection = connect_read_only(db_path)
        try:
            if read_revision(connection) != HEAD_REVISION:
                return None
            rows = [ClientRow(*row) for row in connection.execute(_FIRST_PAGE, (limit,))]
            (total,) = connection.execute(_LIVE_COUNT).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return QuickPage(rows=rows, total=int(total))
