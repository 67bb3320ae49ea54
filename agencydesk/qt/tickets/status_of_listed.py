"""*Set status of all listed…*: one status for every ticket the list shows with its filters (the
hundred conversations an old chat import left waiting on us), or for the tickets chosen in it by
hand (*Set status of the 3 selected…*), set in a worker with progress and Stop, all of them or
none."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QProgressBar, QWidget
from sqlalchemy.engine import Engine

from agencydesk.core.models import TicketStatus
from agencydesk.qt.common import workers
from agencydesk.qt.common.core_sentences import user_text
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.formatting import format_number
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.tickets.ticket_model import status_label


def _set_status(
    engine: Engine, to: str, filters: dict[str, Any], chosen: list[int] | None, listed: int
) -> int:
    from agencydesk.core import tickets
    from agencydesk.core.db import session_scope

    def progress(done: int, total: int) -> bool:
        return workers.report_progress((done, total))

    with session_scope(engine) as session:
        if chosen is not None:
            return tickets.set_status_of(
                session=session, ticket_ids=chosen, to=to, progress=progress
            )
        return tickets.set_status_of_listed(
            session=session, to=to, progress=progress, listed=listed, **filters
        )


class StatusOfListedDialog(QDialog):
    """Asks which status the *count* tickets listed take, then sets it (the list follows the
    change by itself). *filters*: the list's own (`TicketTableModel.filters`); or *chosen*: the
    ids of the tickets selected in it (*count* of them)."""

    def __init__(
        self,
        engine: Engine,
        count: int,
        filters: dict[str, Any],
        parent: QWidget | None = None,
        *,
        chosen: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._filters = filters
        self._chosen = chosen
        self._count = count  # as listed: a list changed since is said, and nothing changed
        self._task: workers.TaskHandle | None = None
        self.changed: int | None = None
        if chosen is None:
            self.setWindowTitle(self.tr("Set status of all listed"))
            question = (
                self.tr("Give all {count} tickets listed this status:")
                if count != 1
                else self.tr("Give the ticket listed this status:")
            )
            others = self.tr("Tickets not listed stay as they are.")
        else:
            self.setWindowTitle(self.tr("Set status of the selected"))
            question = self.tr("Give the {count} tickets selected this status:")
            others = self.tr("Tickets not selected stay as they are.")
        self.question = plain_label(question.format(count=format_number(count)))
        self.status = QComboBox()
        for status in TicketStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.status.setCurrentIndex(self.status.findData(TicketStatus.RESOLVED.value))
        self.note = plain_label(self.tr("The statuses they have now are not kept.") + " " + others)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.problem = plain_label()
        self.problem.setVisible(False)
        self.buttons, self.ok = ok_cancel_buttons(self.tr("Set status"))
        lay_out_dialog(
            self,
            (self.question, self.status, self.note, self.bar, self.problem),
            self.buttons,
            self._start,
            min_width=420,
        )

    def _start(self) -> None:
        to = str(self.status.currentData())
        self.ok.setEnabled(False)
        self.status.setEnabled(False)
        self.problem.setVisible(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self._task = workers.run_task(
            lambda: _set_status(self._engine, to, self._filters, self._chosen, self._count),
            self._done,
            self._failed,
            owner=self,
            on_progress=self._progressed,
        )

    def _progressed(self, counted: tuple[int, int]) -> None:
        done, total = counted
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, changed: int) -> None:
        self._task = None
        self.changed = changed
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.errors import UserError
        from agencydesk.core.tickets import StatusChangeStopped
        from agencydesk.core.versions import is_stale

        self._task = None
        self.bar.setVisible(False)
        self.ok.setEnabled(True)
        self.status.setEnabled(True)
        if isinstance(exc, StatusChangeStopped):
            self.problem.setText(self.tr("Stopped. No ticket's status was changed."))
        elif is_stale(exc):  # a team desk: another desk saved one of them at that moment
            self.problem.setText(
                self.tr(
                    "One of these tickets was changed on another desk at the same moment. "
                    "None was changed here: try again."
                )
            )
        elif isinstance(exc, UserError):
            self.problem.setText(user_text(exc))
        else:  # an environment problem is said in a message, a bug reported
            from agencydesk.qt.common.dialogs import report_exception

            self.problem.setText(self.tr("The statuses could not be set. None was changed."))
            report_exception(self, exc, details)
        self.problem.setVisible(True)

    def reject(self) -> None:
        """Cancel while the statuses are being set stops it (none is changed); the dialog then
        says so and stays."""
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()
