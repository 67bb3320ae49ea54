"""Live team desk: what one desk commits reaches every other desk on the same server at once.

Sending: on a PostgreSQL engine each committed `ChangeSet` is also sent with ``pg_notify`` on
`CHANNEL`, inside the committing transaction (PostgreSQL delivers a notification only if its
transaction commits, so a rolled-back save announces nothing). The payload names the sending desk
and, per table, the changed ids; one that would not fit PostgreSQL's 8,000 bytes says "rows of
this table changed" instead (None), largest lists first.

Hearing: `Listener` keeps its own connection with ``LISTEN`` on a background thread and hands
what OTHER desks committed to the same subscribers as local commits (`changes.publish`): pages
refresh what is visible and mark the rest stale. When the server goes away it says so (`Link`),
tries again with a growing pause, and once back publishes "everything changed", because what the
others committed meanwhile was not heard.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from agencydesk.core import changes
from agencydesk.core.changes import DATA_TOPICS, ChangeSet, Topic
from agencydesk.core.subscribers import Subscribers

log = logging.getLogger(__name__)

CHANNEL = "agencydesk_changes"
#: PostgreSQL refuses payloads of 8,000 bytes and more; keep a margin
MAX_PAYLOAD = 7900
#: pauses between attempts to reach a server that went away (seconds), the last one repeated
BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 4.0)
#: how often a quiet listening connection checks that the server still answers (seconds)
KEEPALIVE_S = 5.0

_desk_ids: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_desk_ids_lock = threading.Lock()


def desk_id(engine: Engine) -> str:
    """Who this desk is on the server's channel: one id per engine (two desks in one test are
    two engines)."""
    with _desk_ids_lock:
        found = _desk_ids.get(engine)
        if found is None:
            found = _desk_ids[engine] = uuid.uuid4().hex
        return found


# -- sending -------------------------------------------------------------------------------------
def encode(desk: str, change_set: ChangeSet) -> str:
    """The notification's payload: ``{"d": desk, "t": {table: [ids] | null}}``, < 8,000 bytes."""
    tables: dict[str, list[int] | None] = {
        topic.value: None if ids is None else sorted(ids)
        for topic, ids in change_set.touched.items()
    }
    payload = json.dumps({"d": desk, "t": tables}, separators=(",", ":"))
    while len(payload.encode()) > MAX_PAYLOAD:
        longest = max(
            (name for name, ids in tables.items() if ids is not None),
            key=lambda name: len(tables[name] or ()),
            default=None,
        )
        if longest is None:  # cannot happen: a desk id and every table name fit easily
            break
        tables[longest] = None
        payload = json.dumps({"d": desk, "t": tables}, separators=(",", ":"))
    return payload


def decode(payload: str) -> tuple[str, ChangeSet] | None:
    """The sending desk and its change set; None for a payload this version does not read."""
    try:
        data = json.loads(payload)
        sender = str(data["d"])
        touched: dict[Topic, changes.Ids] = {}
        for table, ids in dict(data["t"]).items():
            topic = changes.topic_of(str(table))
            if topic is None:  # a table a newer version knows: refresh everything
                return sender, everything()
            touched[topic] = None if ids is None else frozenset(int(i) for i in ids)
    except (ValueError, KeyError, TypeError):
        log.warning("A change notification this version does not read was ignored")
        return None
    return sender, ChangeSet(touched)


def everything() -> ChangeSet:
    """All of the desk's data may have changed (after the connection was lost)."""
    return ChangeSet.of(*DATA_TOPICS)


def send_changes(engine: Engine) -> None:
    """Let each commit on *engine* (PostgreSQL) also notify the other desks (`make_engine`)."""
    me = desk_id(engine)

    def notify(connection: sa.Connection, committed: ChangeSet) -> None:
        # the DBAPI cursor: a statement through SQLAlchemy here would re-enter its commit
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, encode(me, committed)))
        finally:
            cursor.close()

    changes.on_commit(engine, notify)


# -- hearing -------------------------------------------------------------------------------------
class Link(StrEnum):
    """How this desk's line to the server is."""

    UP = "up"
    #: the server does not answer; the listener tries again
    DOWN = "down"


LinkWatcher = Callable[[Engine, Link], None]
_link_watchers: Subscribers[LinkWatcher] = Subscribers()


def watch_link(watcher: LinkWatcher) -> Callable[[], None]:
    """Call *watcher(engine, link)* (on the listener's thread) when a desk loses or regains
    its server. Returns a function that stops it."""
    return _link_watchers.add(watcher)


def _tell_link(engine: Engine, link: Link) -> None:
    for watcher in _link_watchers.snapshot():
        try:
            watcher(engine, link)
        except Exception:  # a watcher's bug must not stop the listener
            log.exception("A link watcher failed")


class Listener:
    """Hears the other desks' commits on *engine*'s server, on a daemon thread of its own."""

    def __init__(self, engine: Engine, *, poll_s: float = 0.25) -> None:
        self.engine = engine
        self.link = Link.UP
        self._me = desk_id(engine)
        self._poll_s = poll_s
        self._stop = threading.Event()
        #: set once LISTEN runs (tests and the benchmark wait for it)
        self.listening = threading.Event()
        self._connection: Any = None
        self._thread = threading.Thread(target=self._run, name="agencydesk-live", daemon=True)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)

    # the thread ----------------------------------------------------------------------------------
    def _run(self) -> None:
        attempt = 0
        ever_connected = False
        while not self._stop.is_set():
            try:
                self._connect()
            except Exception as exc:
                self._went_down(exc)
                self._stop.wait(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
                attempt += 1
                continue
            attempt = 0
            if ever_connected:  # what the others did meanwhile was not heard
                self._set_link(Link.UP)
                changes.publish(self.engine, everything())
            ever_connected = True
            try:
                self._hear()
            except Exception as exc:
                self._went_down(exc)
            finally:
                self._close()

    def _connect(self) -> None:
        # a connection made the engine's way (address, keyring password, TLS), then kept apart
        # from its pool: it only listens, and in autocommit (LISTEN inside a transaction would
        # hear nothing until that transaction ends)
        raw = self.engine.raw_connection()
        raw.detach()
        connection = raw.dbapi_connection
        assert connection is not None
        connection.autocommit = True
        self._connection = connection
        connection.execute(f"LISTEN {CHANNEL}")
        self.listening.set()

    def _hear(self) -> None:
        connection = self._connection
        asked = time.monotonic()
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=self._poll_s):
                self._heard(notice.payload)
            # a server that is shut down or ends the connection ends `notifies` with an error;
            # a line dropped silently (a firewall) does not: ask now and then
            if time.monotonic() - asked > KEEPALIVE_S:
                connection.execute("SELECT 1")
                asked = time.monotonic()

    def _heard(self, payload: str) -> None:
        decoded = decode(payload)
        if decoded is None or decoded[0] == self._me:
            return
        changes.publish(self.engine, decoded[1])

    def _went_down(self, exc: BaseException) -> None:
        self.listening.clear()
        if self.link is Link.UP:
            log.warning("The team server is unreachable (%s); reconnecting", type(exc).__name__)
            self._set_link(Link.DOWN)

    def _set_link(self, link: Link) -> None:
        self.link = link
        _tell_link(self.engine, link)

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # already gone with the server
                log.debug("closing the listening connection failed", exc_info=True)


def is_team(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
