"""The reply box's text belongs to the ticket it was typed on: kept as that ticket's draft when
another ticket is shown, a moment after typing stops, and when the window closes; brought back
when the ticket is shown again (after a restart too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import drafts
from agencydesk.core.db import session_scope
from agencydesk.core.drafts import Draft, KeptDraft
from agencydesk.core.errors import UserError
from agencydesk.core.models import MessageKind
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
        """Write the reply box as the shown ticket's draft, if it changed (blank erases it)."""
        self._later.stop()
        if self.ticket_id is None:
            return
        from_me, kind = self._who()
        draft = Draft(self.ticket_id, self._reply.toPlainText(), from_me, kind)
        if not draft.body.strip() and not self._stored.body.strip():
            return
        if draft == self._stored:
            return
        try:
            with session_scope(self._engine) as session:
                drafts.save_draft(session=session, draft=draft)
        except UserError as exc:
            report_exception(self._reply, exc)
            return
        self._stored = draft
        if draft.body.strip():
            self.kept_here.add(draft.ticket_id)
        else:
            self.kept_here.discard(draft.ticket_id)
        self._show_label()

    def erase_in(self, session: Session) -> None:
        """Inside the unit of work that adds the reply: the draft goes with it."""
        if self.ticket_id is not None:
            drafts.save_draft(session=session, draft=Draft(self.ticket_id, ""))

    def erased(self) -> None:
        """The reply was added (and its draft erased with it): the box is empty again."""
        self._later.stop()
        if self.ticket_id is not None:
            self.kept_here.discard(self.ticket_id)
        self._stored = Draft(self.ticket_id or 0, "")
        self._reply.blockSignals(True)
        try:
            self._reply.clear()
        finally:
            self._reply.blockSignals(False)
        self._show_label()

    def kept_on_leaving(self) -> list[KeptDraft]:
        """Keep the shown draft; the drafts given since the window opened that still wait."""
        self.keep()
        if not self.kept_here:
            return []
        with Session(self._engine) as session:
            return drafts.kept_drafts(session=session, ticket_ids=self.kept_here)

    def _show_label(self) -> None:
        self._label.setVisible(bool(self._stored.body.strip()))
