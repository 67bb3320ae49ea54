"""Presence on a team desk, in the window: this desk's heartbeat (what it shows, whether a reply
is being typed) and the line that says who else has the same ticket or client open.

The beacon writes and reads in a worker (never on the GUI thread): every `BEAT_MS`, and at once
when what is shown or the typing changes. Other desks' beats arrive through the change bus
(`Topic.PRESENCE`, carried between desks by the live connection) and are read then too; until
that lands, each beat also reads what the others wrote. A solo desk has no beacon at all.
"""

from __future__ import annotations

import html
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import presence
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.db import session_scope
from agencydesk.core.presence import Present
from agencydesk.qt.common import workers
from agencydesk.qt.common.databus import bus

log = logging.getLogger(__name__)

# how often a desk says it is still there, and reads the others (core.presence.EXPIRY: 20 s)
BEAT_MS = 10_000
# typing stops counting this long after the last key
TYPING_IDLE_MS = 8_000
# "is writing a reply…": amber, readable on the window's background
AMBER = "#9a6700"


class _DeskRow:
    """This desk's presence row, written from workers: in the order the beats were asked for
    (two beats may run at once in the pool, and the older must not win), and never again once
    the desk has left."""

    def __init__(self, engine: Engine, desk_id: str, expiry: timedelta) -> None:
        self.engine = engine
        self.desk_id = desk_id
        self.expiry = expiry
        self._lock = threading.Lock()
        self._written = 0
        self._gone = False

    def beat(self, number: int, person_id: int, shown: tuple[str, int | None, bool]) -> None:
        subject, subject_id, typing = shown
        with self._lock:
            if self._gone or number < self._written:
                return
            self._written = number
            with session_scope(self.engine) as session:
                presence.beat(
                    session=session,
                    desk_id=self.desk_id,
                    person_id=person_id,
                    subject=subject,
                    subject_id=subject_id,
                    typing=typing,
                    expiry=self.expiry,
                )

    def read(self) -> list[Present]:
        with Session(self.engine) as session:
            return presence.others(session=session, desk_id=self.desk_id, expiry=self.expiry)

    def leave(self) -> None:
        with self._lock:
            self._gone = True
            with session_scope(self.engine) as session:
                presence.leave(session=session, desk_id=self.desk_id)


class PresenceBeacon(QObject):
    # what the other desks have open changed (a list of `Present`)
    others_changed = Signal(object)

    def __init__(
        self,
        engine: Engine,
        person: Callable[[], int | None],
        *,
        beat_ms: int = BEAT_MS,
        expiry: timedelta = presence.EXPIRY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._person = person  # who this desk is now (None: not chosen yet: no beats)
        self.desk_id = str(uuid.uuid4())
        self._row = _DeskRow(engine, self.desk_id, expiry)
        self._beats = 0
        self.subject: tuple[str, int | None] = ("", None)
        self.typing = False
        self.others: list[Present] = []
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(beat_ms)
        self._timer.timeout.connect(self.beat)
        self._timer.start()
        self._typing_idle = QTimer(self)
        self._typing_idle.setSingleShot(True)
        self._typing_idle.setInterval(TYPING_IDLE_MS)
        self._typing_idle.timeout.connect(lambda: self.set_typing(False))
        bus().changed.connect(self._data_changed)

    # -- what this desk shows --------------------------------------------------------------------
    def look_at(self, subject: str, subject_id: int | None) -> None:
        shown = (subject, subject_id) if subject_id is not None else ("", None)
        if shown != self.subject:
            self.subject = shown
            self.typing = False
            self.beat()

    def typed(self, text: str) -> None:
        """A key in the reply box: typing while it holds words, for a few seconds after."""
        if text.strip():
            self._typing_idle.start()
        self.set_typing(bool(text.strip()))

    def set_typing(self, typing: bool) -> None:
        if typing != self.typing:
            self.typing = typing
            self.beat()

    # -- talking to the server -------------------------------------------------------------------
    def beat(self) -> None:
        person_id = self._person()
        if self._closed or person_id is None:
            return
        self._beats += 1
        row, number, shown = self._row, self._beats, (*self.subject, self.typing)

        def beat_and_read() -> list[Present]:
            row.beat(number, person_id, shown)
            return row.read()

        workers.run_task(
            beat_and_read,
            self._show,
            self._failed,
            owner=self,
            key="beat",
        )

    @Slot(object)
    def _data_changed(self, change_set: ChangeSet) -> None:
        if self._closed or not change_set.touches(Topic.PRESENCE):
            return
        workers.run_task(self._row.read, self._show, self._failed, owner=self, key="read")

    def _show(self, others: list[Present]) -> None:
        if others != self.others:
            self.others = others
            self.others_changed.emit(others)

    def _failed(self, exc: BaseException, _details: str) -> None:
        # presence is a courtesy: a missed beat is retried by the next, never a dialog
        log.warning("Presence could not be updated: %s", exc)

    def close(self) -> None:
        """The desk closes: stop beating and say so (the worker finishes before the engine
        goes: the window waits for its tasks)."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        bus().changed.disconnect(self._data_changed)
        if self._person() is not None:
            workers.run_task(self._row.leave, lambda _result: None, self._failed)


class PresenceLine(QLabel):
    """ "Sari is also viewing" (grey) or "Sari is writing a reply…" (amber) for the ticket or
    client its view shows; hidden when nobody else has it open."""

    def __init__(self, beacon: PresenceBeacon | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceLine")
        self.setWordWrap(True)
        self._beacon = beacon
        self._subject: tuple[str, int | None] = ("", None)
        self.setVisible(False)
        if beacon is not None:
            beacon.others_changed.connect(lambda _others: self._update())

    def show_subject(self, subject: str, subject_id: int | None) -> None:
        self._subject = (subject, subject_id)
        self._update()

    def _update(self) -> None:
        others = self._beacon.others if self._beacon is not None else []
        here = presence.looking_at(others, *self._subject)
        writing = [p for p in here if p.typing]
        viewing = [p for p in here if not p.typing]
        parts = []
        for person in writing:
            text = self.tr("{name} is writing a reply…").format(name=person.first_name)
            parts.append(
                f'<span style="color:#9a6700; font-weight:bold">{html.escape(text)}</span>'
            )
        if len(viewing) == 1:
            text = self.tr("{name} is also viewing").format(name=viewing[0].first_name)
            parts.append(f'<span style="color:#555555">{html.escape(text)}</span>')
        elif viewing:
            names = ", ".join(p.first_name for p in viewing)
            text = self.tr("{names} are also viewing").format(names=names)
            parts.append(f'<span style="color:#555555">{html.escape(text)}</span>')
        self.setText(" · ".join(parts))
        self.setVisible(bool(parts))


class ViewPresence(QObject):
    """Ties a view that shows one ticket or client to the beacon: while the view is on screen
    the desk says it has that one open; keys typed in its reply box say a reply is being
    written; its `line` says who else has it open."""

    def __init__(
        self,
        view: QWidget,
        beacon: PresenceBeacon | None,
        subject: str,
        reply: QPlainTextEdit | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._beacon = beacon
        self._subject = subject
        self._shown: int | None = None
        self._reply = reply
        self.line = PresenceLine(beacon)
        if beacon is None:
            return
        view.installEventFilter(self)
        if reply is not None:
            reply.installEventFilter(self)
            # the document's signal: the reply box's own is blocked when a draft is put back
            # or erased after adding (reply_drafts), and erasing must still stop "writing"
            reply.document().contentsChanged.connect(self._reply_changed)

    def show_subject(self, subject_id: int | None) -> None:
        self._shown = subject_id
        self.line.show_subject(self._subject, subject_id)
        if self._beacon is not None and self._view.isVisible():
            self._beacon.look_at(self._subject, subject_id)

    def _reply_changed(self) -> None:
        reply = self._reply
        if self._beacon is not None and reply is not None and not reply.toPlainText().strip():
            self._beacon.set_typing(False)  # added, or erased: no longer writing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        beacon = self._beacon
        if beacon is None:
            return False
        kind = event.type()
        if watched is self._reply and kind == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.text() and self._shown is not None:
                beacon.typed(event.text())
        elif watched is self._view and kind == QEvent.Type.Show:
            beacon.look_at(self._subject, self._shown)
        elif (
            watched is self._view
            and kind == QEvent.Type.Hide
            and beacon.subject == (self._subject, self._shown)  # not yet another view's
        ):
            beacon.look_at("", None)
        return False
