"""Changes announce themselves: every committed write tells who listens which tables (and rows).

Writers never announce anything by hand. Two engine hooks see every write:
- each INSERT/UPDATE/DELETE statement marks its table as touched (this catches bulk inserts and
  raw SQL too, for which the rows are not known);
- an ORM flush records the ids of the objects it inserted, changed or deleted.
When the transaction commits, one `ChangeSet` goes to every subscriber; a rollback drops it.

Subscribers are called on the thread that committed, once the COMMIT is done and the connection
goes back to the pool (a Session gives it back at the end of each commit): whoever reads then sees
the change. They must only hand the change set on (the Qt bus queues it to the GUI thread).
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, UOWTransaction

from agencydesk.core.subscribers import Subscribers

log = logging.getLogger(__name__)


class Topic(StrEnum):
    """What can change; the values are the table names."""

    CLIENTS = "client"
    TICKETS = "ticket"
    MESSAGES = "message"
    TIME = "time_entry"
    GUIDES = "guide"
    GUIDE_IMAGES = "guide_image"
    GUIDE_SENDS = "guide_send"
    ORDERS = "client_order"
    CREDENTIALS = "credential"
    RECEIPTS = "receipt"
    SAVED_REPLIES = "saved_reply"
    FOLLOW_UPS = "follow_up"
    TRASH = "trash_item"
    AGENCY = "agency_setting"
    PEOPLE = "person"
    #: who has what open on the other desks (core.presence): not the desk's data, so pages that
    #: follow "everything" follow `DATA_TOPICS` and are not refreshed by every heartbeat
    PRESENCE = "presence"


#: every topic that is the desk's data (all but presence)
DATA_TOPICS = tuple(topic for topic in Topic if topic is not Topic.PRESENCE)


_BY_TABLE = {topic.value: topic for topic in Topic}

#: None in place of ids: rows of that table changed, which ones is not known (bulk or raw SQL)
Ids = frozenset[int] | None


@dataclass(frozen=True)
class ChangeSet:
    """What one committed transaction changed: per topic, the ids of the rows (or None)."""

    touched: Mapping[Topic, Ids] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.touched)

    def touches(self, *topics: Topic) -> bool:
        return any(topic in self.touched for topic in topics)

    def ids(self, topic: Topic) -> Ids:
        """The changed rows of *topic*: empty if untouched, None if unknown (maybe any)."""
        return self.touched.get(topic, frozenset())

    def may_touch(self, topic: Topic, row_id: int) -> bool:
        """True when row *row_id* of *topic* may have changed."""
        if topic not in self.touched:
            return False
        ids = self.touched[topic]
        return ids is None or row_id in ids

    def merged(self, other: ChangeSet) -> ChangeSet:
        touched: dict[Topic, Ids] = dict(self.touched)
        for topic, ids in other.touched.items():
            touched[topic] = _union(touched[topic], ids) if topic in touched else ids
        return ChangeSet(touched)

    @staticmethod
    def of(*topics: Topic) -> ChangeSet:
        """Rows of *topics* changed, which ones unknown (for tests and other desks' news)."""
        return ChangeSet(dict.fromkeys(topics))


def _union(a: Ids, b: Ids) -> Ids:
    return None if a is None or b is None else a | b


Listener = Callable[[Engine, ChangeSet], None]

#: called inside each transaction about to commit on an engine (`core.live` notifies others)
CommitHook = Callable[[sa.Connection, ChangeSet], None]

_listeners: Subscribers[tuple[Listener, Engine | None]] = Subscribers()
_commit_hooks: weakref.WeakKeyDictionary[Engine, CommitHook] = weakref.WeakKeyDictionary()
_watched: weakref.WeakSet[Engine] = weakref.WeakSet()

# Kept in each connection's `info` while its transaction is open.
_PENDING = "agencydesk.changes.pending"  # dict[Topic, set[int] | None]
_FLUSHING = "agencydesk.changes.flushing"  # the ORM is writing: it will give the ids itself
_COMMITTED = "agencydesk.changes.committed"  # ChangeSet: committed, not yet announced

_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)


def subscribe(listener: Listener, *, engine: Engine | None = None) -> Callable[[], None]:
    """Call *listener(engine, changes)* after each commit (on *engine* only, if given).

    Returns a function that unsubscribes."""
    return _listeners.add((listener, engine))


def topic_of(table: str) -> Topic | None:
    """The topic of *table*, None for a table nobody follows."""
    return _BY_TABLE.get(table)


def publish(engine: Engine, change_set: ChangeSet) -> None:
    """Hand *change_set* to *engine*'s subscribers as if committed here (another desk's commit,
    heard by `core.live`)."""
    if change_set:
        _announce(engine, change_set)


def on_commit(engine: Engine, hook: CommitHook) -> None:
    """Call *hook(connection, changes)* just before each commit on *engine* that changed
    something, inside its transaction: what it writes commits (or not) with it."""
    _commit_hooks[engine] = hook


def watch(engine: Engine) -> None:
    """Let *engine*'s commits announce what they changed (`make_engine` does this)."""
    if engine in _watched:
        return
    _watched.add(engine)
    sa.event.listen(engine, "before_cursor_execute", _statement_executed)
    # the engine itself, not `connection.engine`: a unit of work's engine is an options copy
    sa.event.listen(engine, "commit", lambda connection: _committing(connection, engine))
    sa.event.listen(engine, "rollback", _rolled_back)

    def returned_to_pool(_dbapi_connection: Any, record: Any) -> None:
        committed = record.info.pop(_COMMITTED, None) if record is not None else None
        if committed:
            _announce(engine, committed)

    # Connection.info is the pool record's info, so what the commit left there is found here.
    sa.event.listen(engine, "checkin", returned_to_pool)


def _pending(connection: sa.Connection) -> dict[Topic, set[int] | None]:
    pending: dict[Topic, set[int] | None] = connection.info.setdefault(_PENDING, {})
    return pending


def _mark(connection: sa.Connection, topic: Topic, ids: Iterable[int] | None) -> None:
    pending = _pending(connection)
    if ids is None:
        pending[topic] = None
        return
    known = pending.setdefault(topic, set())
    if known is not None:
        known.update(ids)


def _statement_executed(
    connection: sa.Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    _context: Any,
    _executemany: bool,
) -> None:
    head = statement[:8].lstrip().upper()
    if not head.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
        return
    if connection.info.get(_FLUSHING):
        return
    match = _WRITE.match(statement)
    topic = _BY_TABLE.get(match.group(1).lower()) if match else None
    if topic is not None:
        _mark(connection, topic, None)


def _committing(connection: sa.Connection, engine: Engine) -> None:
    """Called just before COMMIT: keep what it will have changed until the connection is
    returned (announced now, a reader on another thread could still see the old data)."""
    pending = connection.info.pop(_PENDING, None)
    connection.info.pop(_FLUSHING, None)
    if not pending:
        return
    committed = ChangeSet(
        {topic: None if ids is None else frozenset(ids) for topic, ids in pending.items()}
    )
    hook = _commit_hooks.get(engine)
    if hook is not None:
        hook(connection, committed)
    earlier = connection.info.get(_COMMITTED)
    connection.info[_COMMITTED] = earlier.merged(committed) if earlier else committed


def _announce(engine: Engine, changes: ChangeSet) -> None:
    listeners = [listener for listener, only in _listeners.snapshot() if only in (None, engine)]
    for listener in listeners:
        try:
            listener(engine, changes)
        except Exception:  # a listener's bug must not fail the user's commit
            log.exception("A change listener failed")


def _rolled_back(connection: sa.Connection) -> None:
    if connection.invalidated:  # the server went away: its info left with the connection
        return
    connection.info.pop(_PENDING, None)
    connection.info.pop(_FLUSHING, None)


# -- the ORM's part: ids of the flushed objects ---------------------------------------------------
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if _writes_anything(session):
        session.connection().info[_FLUSHING] = True


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    connection = session.connection()
    connection.info.pop(_FLUSHING, None)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        topic = _BY_TABLE.get(table) if isinstance(table, str) else None
        row_id = getattr(obj, "id", None)
        if topic is None:
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        _mark(connection, topic, [row_id] if isinstance(row_id, int) else None)


def _writes_anything(session: Session) -> bool:
    return bool(session.new or session.deleted or session.dirty)


sa.event.listen(Session, "before_flush", _before_flush)
sa.event.listen(Session, "after_flush", _after_flush)
