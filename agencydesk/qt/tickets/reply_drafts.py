"""The reply box's text belongs to the ticket it was typed on: kept as that ticket's draft when
another ticket is shown, a moment after typing stops, and when the window closes; brought back
when the ticket is shown again (after a restart too).

Drafts are written in a worker, one unit of work at a time, the latest text per ticket: on a
team server 40 ms away a write on the GUI thread stopped the window 0.1-0.2 s each time typing
paused. When the window closes they are written at once, after the one under way (`_lock`)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from agencydesk.core import drafts
from agencydesk.core.db import session_scope
from agencydesk.core.drafts import Draft, KeptDraft
from agencydesk.core.errors import UserError
from agencydesk.core.models import MessageKind
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialogs import report_exception

# how long after the last keystroke the draft is written
KEEP_AFTER_MS = 1500

# who a line is from, as the reply box's choice: (from me, kind)
Who = tuple[bool, str]
MY_REPLY: Who = (True, MessageKind.MESSAGE.value)


class ReplyDrafts(QObject):
    """Keeps *reply*'s text as the shown ticket's draft; *label* says when a draft is kept.

    *who* reads the reply box's "from the client / my reply / note" choice, *set_who* sets it."""

    def __init__(
        self,
        engine: Engine,
        reply: QPlainTextEdit,
        label: QLabel,
        who: Callable[[], Who],
        set_who: Callable[[Who], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._reply = reply
        self._label = label
        self._who = who
        self._set_who = set_who
        self.ticket_id: int | None = None
        self._stored = Draft(0, "")  # what the database holds for the shown ticket
        # tickets given a draft since the window opened (what closing it names)
        self.kept_here: set[int] = set()
        # the drafts still to write, the latest per ticket, and those a worker writes now
        self._pending: dict[int, Draft] = {}
        self._writing: dict[int, Draft] = {}
        # held while drafts are written, with the number of the last batch written: a worker's
        # batch that comes after the writes on closing (a later batch) is not written
        self._lock = threading.Lock()
        self._batches = 0
        self._written = [0]
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(KEEP_AFTER_MS)
        self._later.timeout.connect(self.keep)
        reply.textChanged.connect(self._later.start)
        label.setVisible(False)

    def show_ticket(self, ticket_id: int | None, draft: Draft | None) -> None:
        """The view shows *ticket_id*, whose stored *draft* it read with it: the reply box is
        kept for the ticket it was typed on and shows the new ticket's draft (or nothing). The
        same ticket shown again keeps the box."""
        if ticket_id == self.ticket_id:
            return
        self.keep()
        self.ticket_id = ticket_id
        self._stored = draft or Draft(ticket_id or 0, "")
        self._reply.blockSignals(True)
        try:
            self._reply.setPlainText(self._stored.body)
        finally:
            self._reply.blockSignals(False)
        self._set_who((self._stored.from_me, self._stored.kind) if draft else MY_REPLY)
        self._later.stop()
        self._show_label()

    def keep(self) -> None:
        """Keep the reply box as the shown ticket's draft, if it changed (blank erases it):
        written in a worker."""
        self._changed_draft()
        self._write_pending()  # with what a server out of reach left unwritten

    def _changed_draft(self) -> Draft | None:
        """The reply box as the shown ticket's draft, queued to be written; None if it did not
        change."""
        self._later.stop()
        if self.ticket_id is None:
            return None
        from_me, kind = self._who()
        draft = Draft(self.ticket_id, self._reply.toPlainText(), from_me, kind)
        if not draft.body.strip() and not self._stored.body.strip():
            return None
        if draft == self._stored:
            return None
        self._pending[draft.ticket_id] = draft
        self._stored = draft
        if draft.body.strip():
            self.kept_here.add(draft.ticket_id)
        else:
            self.kept_here.discard(draft.ticket_id)
        self._show_label()
        return draft

    def _write_pending(self) -> None:
        if self._writing or not self._pending:
            return
        self._writing, self._pending = self._pending, {}
        write = self._writer(list(self._writing.values()))

        def written(_none: object) -> None:
            self._writing = {}
            self._write_pending()  # what was typed meanwhile

        def failed(exc: BaseException, details: str) -> None:
            batch, self._writing = self._writing, {}
            if isinstance(exc, OperationalError):
                # a team server out of reach (the status bar says so): kept to write at the
                # next pause in typing, unless newer text is waiting
                self._pending = {**batch, **self._pending}
                return
            if self._stored in batch.values():  # not kept: the next pause tries again
                self._stored = Draft(0, "\0")
            report_exception(self._reply, exc, details)
            self._write_pending()

        workers.run_task(write, written, failed, owner=self)

    def _writer(self, batch: list[Draft]) -> Callable[[], None]:
        """What writes *batch* in a unit of work of its own, unless a later batch was written
        first (on closing, which writes the drafts a worker is writing too)."""
        self._batches += 1
        number, engine, lock, written = self._batches, self._engine, self._lock, self._written

        def write() -> None:
            with lock:
                if written[0] > number:
                    return
                with session_scope(engine) as session:
                    for draft in batch:
                        drafts.save_draft(session=session, draft=draft)
                written[0] = number

        return write

    def eraser(self) -> Callable[[Session], None]:
        """What erases the shown ticket's draft inside the unit of work that adds the reply
        (the draft goes with it), on any thread; its text waiting to be written is dropped
        now."""
        ticket_id = self.ticket_id
        if ticket_id is None:
            return lambda _session: None
        self._pending.pop(ticket_id, None)
        return lambda session: drafts.save_draft(session=session, draft=Draft(ticket_id, ""))

    def erased(self) -> None:
        """The reply was added (and its draft erased with it): the box is empty again."""
        self._later.stop()
        if self.ticket_id is not None:
            self.kept_here.discard(self.ticket_id)
            if self._writing:  # a draft written now may land after the erase: erase it again
                self._pending[self.ticket_id] = Draft(self.ticket_id, "")
                self._write_pending()
        self._stored = Draft(self.ticket_id or 0, "")
        self._reply.blockSignals(True)
        try:
            self._reply.clear()
        finally:
            self._reply.blockSignals(False)
        self._show_label()

    def kept_on_leaving(self) -> list[KeptDraft]:
        """Keep the shown draft, written at once (after the worker's, if one writes now); the
        drafts given since the window opened that still wait."""
        self._changed_draft()
        batch = {**self._writing, **self._pending}  # the worker's batch is skipped then
        self._pending = {}
        if batch:
            try:
                self._writer(list(batch.values()))()
            except (UserError, OperationalError) as exc:  # said in a sentence; closing goes on
                report_exception(self._reply, exc)
        if not self.kept_here:
            return []
        with Session(self._engine) as session:
            return drafts.kept_drafts(session=session, ticket_ids=self.kept_here)

    def _show_label(self) -> None:
        self._label.setVisible(bool(self._stored.body.strip()))
