"""How the ticket view writes a change (a reply, the timer, time spent): at once on a solo desk;
on a team desk in a worker, since each statement is a round trip to the server the window would
stand still for, and tried once: tried again after the line dropped, a reply the server had
already committed would be added twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import live, retry
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.qt.common import workers

Change = Callable[[Session], object]


class Write(Protocol):
    """`TicketView.write`: *action* in a unit of work, then the ticket shown anew and *then*
    done; a refusal is said in a sentence, and *refused* done instead."""

    def __call__(
        self,
        action: Change,
        then: Callable[[], None] | None = None,
        *,
        refused: Callable[[], None] | None = None,
    ) -> None: ...


def write_change(
    owner: QObject,
    engine: Engine,
    action: Change,
    done: Callable[[], None],
    failed: Callable[[BaseException, str | None], None],
) -> None:
    """*action* in one unit of work, then *done*; else *failed* with what went wrong (a
    `UserError`, a `ValidationError`, or on a team desk anything, with its traceback), on the
    GUI thread. The server out of reach is a `UserError` saying nothing was saved."""
    if live.is_team(engine):
        workers.run_task(
            lambda: retry.save_retrying(engine, action, patience_s=0),
            lambda _none: done(),
            failed,
            owner=owner,
        )
        return
    try:
        with session_scope(engine) as session:
            action(session)
    except (UserError, ValidationError) as exc:
        failed(exc, None)
        return
    done()
