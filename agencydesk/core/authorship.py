"""Who did it: the person a desk acts as, recorded on what it writes without any service asking.

A team desk says once who it is (`act_as(engine, person_id)`); from then on, every flush of a
session on that engine fills in the author of new typed messages and notes, time entries, guide
sends and receipts, and records each change of a ticket's status as a `StatusChange` with the
person (the ticket keeps only its latest status). The services (tickets, guides, …) know
nothing of it, as with the change notifications: no call site can forget it. A solo desk never
calls `act_as`: nothing is recorded (one implicit person).

The acting person is kept per connection pool, which an engine and its `execution_options()`
copies share, so two desks in one process (a test) act as two people.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, UOWTransaction

from agencydesk.core.models import (
    FollowUp,
    GuideSend,
    Message,
    Receipt,
    SavedReplySend,
    StatusChange,
    Ticket,
    TimeEntry,
    TrashItem,
    utcnow,
)

_acting: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def act_as(engine: Engine, person_id: int | None) -> None:
    """What this desk writes on *engine* is recorded as *person_id*'s doing (None: nobody's)."""
    with _lock:
        if person_id is None:
            _acting.pop(engine.pool, None)
        else:
            _acting[engine.pool] = person_id


def acting_person(engine: Engine) -> int | None:
    with _lock:
        return _acting.get(engine.pool)


def _session_person(session: Session) -> int | None:
    bind = session.get_bind()
    pool = getattr(bind, "pool", None)
    if pool is None:
        return None
    with _lock:
        return _acting.get(pool)


def _record_authors(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    person_id = _session_person(session)
    if person_id is None:  # a solo desk (or the command line): nobody to record
        return
    for obj in list(session.new):
        typed = not isinstance(obj, Message) or obj.source == "typed"  # imported: nobody's
        authored = isinstance(
            obj, Message | TimeEntry | GuideSend | SavedReplySend | Receipt | FollowUp | TrashItem
        )
        if authored and typed and obj.author_id is None:
            obj.author_id = person_id
    for obj in list(session.dirty):
        if not isinstance(obj, Ticket) or obj.id is None:
            continue
        history = sa.inspect(obj).attrs.status.history
        if not history.added or history.added[0] == (history.deleted or [None])[0]:
            continue
        old = history.deleted[0] if history.deleted else ""
        session.add(
            StatusChange(
                ticket_id=obj.id,
                at=obj.status_changed_at or utcnow(),
                old_status=old or "",
                new_status=history.added[0],
                person_id=person_id,
            )
        )


sa.event.listen(Session, "before_flush", _record_authors)
