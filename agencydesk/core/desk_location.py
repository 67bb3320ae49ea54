"""What `--db` names: a database file, or a team server's address. Standard library only: the
window's command line is read with it before the window is shown."""

from __future__ import annotations

import re
from pathlib import Path

_SERVER_URL = re.compile(r"^postgres(ql)?(\+\w+)?://", re.IGNORECASE)


def is_server_url(text: str) -> bool:
    """True for a PostgreSQL URL (``postgresql://``, ``postgres://``, ``postgresql+psycopg://``)."""
    return _SERVER_URL.match(text.strip()) is not None


def desk_location(text: str) -> Path | str:
    """A database file (a `Path`), or a team server's address (the text as it is)."""
    return text if is_server_url(text) else Path(text)
