"""Saving on a team desk when the server goes away for a moment: the save waits and tries again
(with what was typed, never lost), up to a patience, and then says in one sentence that nothing
was saved. A save that lost the race with another desk's save (`versions.is_stale`) is tried
once more: it then raises the `EditConflict` that shows both.

A try that failed with the connection is rolled back by the server, so trying again never saves
twice; a save whose COMMIT went through just before the line dropped finds its own values stored
and passes (`versions.check_seen`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import versions
from agencydesk.core.db import session_scope
from agencydesk.core.errors import SENTENCES, SaidError

log = logging.getLogger(__name__)

T = TypeVar("T")
#: how long a save waits for the server before giving up (seconds)
PATIENCE_S = 60.0
#: pauses between tries (seconds), the last repeated
PAUSES_S = (0.2, 0.5, 1.0, 2.0, 3.0)

UNREACHABLE = SENTENCES["server_unreachable"]


def is_connection_lost(exc: BaseException, engine: Engine | None = None) -> bool:
    """True for a failure of the line to a team server (not of the statement itself)."""
    # the driver's own error, not wrapped by SQLAlchemy: from the NOTIFY sent at COMMIT
    # (`core.live`), which goes to the driver's cursor directly
    if (
        engine is not None
        and engine.dialect.name != "sqlite"
        and isinstance(exc, engine.dialect.loaded_dbapi.OperationalError)
    ):
        return True
    if not isinstance(exc, sa.exc.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    # a connection that could not be made at all (the server is down) is OperationalError too
    return isinstance(exc, sa.exc.OperationalError) and "sqlite" not in type(exc.orig).__module__


def save_retrying(
    engine: Engine,
    work: Callable[[Session], T],
    *,
    patience_s: float = PATIENCE_S,
    waiting: Callable[[BaseException], None] | None = None,
    cancelled: threading.Event | None = None,
) -> T:
    """Run *work(session)* in one unit of work (`session_scope`) until it commits. *waiting*
    hears each failed try (a status line); *cancelled* stops the waiting (`UserError`)."""
    start = time.monotonic()
    tries = 0
    raced = False
    while True:
        try:
            with session_scope(engine) as session:
                return work(session)
        except Exception as exc:
            if versions.is_stale(exc) and not raced:
                raced = True  # once more: the newer version is then read and shown
                continue
            if not is_connection_lost(exc, engine):
                raise
            log.warning("Saving failed with the connection (%s); trying again", type(exc).__name__)
            if waiting is not None:
                waiting(exc)
            pause = PAUSES_S[min(tries, len(PAUSES_S) - 1)]
            tries += 1
            if time.monotonic() - start + pause > patience_s:
                raise SaidError("server_unreachable") from exc
            if cancelled is not None and cancelled.wait(pause):
                raise SaidError("server_unreachable") from exc
            if cancelled is None:
                time.sleep(pause)
