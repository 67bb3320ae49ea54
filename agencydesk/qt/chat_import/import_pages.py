"""The import wizard's last pages: the import itself in a worker, with progress and Cancel,
and what it made (new messages, known ones, tickets created, warnings), with the way to take it
back out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QWizardPage

from agencydesk.qt.chat_import.wizard_access import the_wizard
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.core_sentences import user_text
from agencydesk.qt.common.dialog_layout import STRETCH, top_to_bottom
from agencydesk.qt.common.labels import plain_label

if TYPE_CHECKING:
    from agencydesk.core.chat_import import ImportResult, Stage, UndoneImport


class ImportPage(QWizardPage):
    """Runs the import in a worker with a progress bar and Cancel."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Importing…"))
        self.setSubTitle(
            self.tr("Nothing is saved until every message is in; Cancel saves nothing.")
        )
        self.result: ImportResult | None = None
        self.running = False
        self._counting = False  # the bar counts (messages, files), or is busy (indexing, saving)
        self._saving = False  # the commit is under way: too late to cancel
        self._task: workers.TaskHandle | None = None
        self.bar = QProgressBar()
        self.status_label = plain_label()
        self.cancel_button = push_button(self.tr("Cancel import"), self.cancel)
        self.retry_button = push_button(self.tr("Try again"), self.start)
        self.retry_button.setVisible(False)
        buttons = button_row(None, self.retry_button, self.cancel_button)
        top_to_bottom((self.bar, self.status_label, buttons, STRETCH), self)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        wizard = the_wizard(self)
        parsed = wizard.preview_page.parsed
        assert parsed is not None
        self.result = None
        self.running = True
        self._counting = self._saving = False
        self.bar.setRange(0, 0)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Adding the messages to the history…"))
        self.cancel_button.setEnabled(True)
        self.retry_button.setVisible(False)
        self.completeChanged.emit()
        engine = wizard.engine
        client_id = wizard.mapping_page.client_id()
        mapping = wizard.mapping_page.mapping()
        target = wizard.target_page.target()
        me_names = list(wizard.me_names)
        export_path = wizard.file_page.path_edit.text().strip()
        data_dir = wizard.data_dir

        def progress(done: int, total: int) -> bool:
            return workers.report_progress((done, total))  # False once cancelled

        def stage_begun(stage: Stage) -> bool:
            return workers.report_progress(stage)

        def work() -> ImportResult:
            from agencydesk.core import chat_import

            return chat_import.import_chat_with_media(
                engine,
                parsed=parsed,
                export_path=export_path,
                data_dir=data_dir,
                client_id=client_id,
                mapping=mapping,
                target=target,
                me_names=me_names,
                progress=progress,
                stage_begun=stage_begun,
            )

        self._task = workers.run_task(
            work, self._done, self._failed, owner=self, on_progress=self.show_progress
        )

    def cancel(self) -> None:
        if self._saving:  # the commit is under way (the wizard's own Cancel, pressed now)
            self.status_label.setText(self.tr("Saving… It is too late to cancel now."))
            return
        if self._task is not None:
            self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))

    def show_progress(self, told: tuple[int, int] | Stage) -> None:
        """What the import's worker tells: (done, total) of what it counts, or a new stage."""
        if not self.running:
            return
        if not isinstance(told, tuple):
            self._stage_begun(told)
        elif self._counting:
            done, total = told
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)

    def _stage_begun(self, stage: Stage) -> None:
        """The label says what the import does now; the bar counts, or is busy for a step
        that cannot be counted (seconds for a very big chat)."""
        from agencydesk.core.chat_import import Stage

        self._counting = stage in (Stage.MESSAGES, Stage.MEDIA)
        if not self._counting:
            self.bar.setRange(0, 0)
        elif stage is Stage.MEDIA:
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        if self.cancel_button.isEnabled():  # not when a Cancel is under way: it says so
            self.status_label.setText(self._stage_sentence(stage))
        if stage is Stage.SAVING:
            self._saving = True
            self.cancel_button.setEnabled(False)  # the commit: too late to cancel

    def _stage_sentence(self, stage: Stage) -> str:
        from agencydesk.core.chat_import import Stage

        if stage is Stage.INDEXING:
            return self.tr("Making the messages searchable…")
        if stage is Stage.MEDIA:
            return self.tr("Copying the photos and files out of the export…")
        if stage is Stage.SAVING:
            return self.tr("Saving…")
        return self.tr("Adding the messages to the history…")

    def _done(self, result: ImportResult) -> None:
        self.running = False
        self.result = result
        self.completeChanged.emit()
        self.finished.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.chat_import import ImportCancelled
        from agencydesk.core.errors import UserError
        from agencydesk.core.importers import ChatImportError

        self.running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.retry_button.setVisible(True)
        if isinstance(exc, ImportCancelled):
            self.status_label.setText(self.tr("Cancelled. Nothing was saved."))
        elif isinstance(exc, ChatImportError) or isinstance(exc.__cause__, ChatImportError):
            from agencydesk.qt.chat_import.problems import problem_sentence

            # the zip's media could not be unpacked (a `SaidError` whose cause is the problem)
            problem = exc if isinstance(exc, ChatImportError) else exc.__cause__
            assert isinstance(problem, ChatImportError)
            self.status_label.setText(
                self.tr("{problem} Nothing was saved.").format(problem=problem_sentence(problem))
            )
        elif isinstance(exc, UserError):
            self.status_label.setText(user_text(exc))
        else:
            from agencydesk.qt.common.dialogs import report_exception

            self.status_label.setText(self.tr("The import failed. Nothing was saved."))
            report_exception(self, exc, details)
        self.status_label.setStyleSheet("color: #b3261e;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Done"))
        self.setSubTitle(self.tr("The messages are in the client's history now."))
        self.summary_label = plain_label()
        self.summary_label.setStyleSheet("font-size: 12pt;")
        self.warnings_label = plain_label()
        self.open_button = push_button(self.tr("Open ticket"), self._open)
        # the wrong client, the wrong chat: taken back out whole (deleting its tickets by
        # hand left its messages in that client's history)
        self.undo_button = push_button(self.tr("Undo this import…"), self.undo_import)
        row = button_row(self.open_button, None, self.undo_button)
        top_to_bottom((self.summary_label, self.warnings_label, row, STRETCH), self)

    def initializePage(self) -> None:
        wizard = the_wizard(self)
        result = wizard.import_page.result
        assert result is not None
        locale = self.locale()
        text = (
            self.tr("1 new message, {known} already known")
            if result.new == 1
            else self.tr("{new} new messages, {known} already known")
        ).format(new=locale.toString(result.new), known=locale.toString(result.known))
        if result.tickets_created == 1:
            text += self.tr("; 1 ticket created")
        elif result.tickets_created:
            text += self.tr("; {count} tickets created").format(
                count=locale.toString(result.tickets_created)
            )
        if result.tickets_waiting and result.tickets_created > 1:
            text += self.tr(", {count} of them waiting on you").format(
                count=locale.toString(result.tickets_waiting)
            )
        elif result.tickets_waiting:
            text += self.tr(", waiting on you")
        if len(result.created_client_ids) == 1:
            text += self.tr("; 1 new client")
        elif result.created_client_ids:
            text += self.tr("; {count} new clients").format(
                count=locale.toString(len(result.created_client_ids))
            )
        self.summary_label.setText(text)
        if result.warnings:
            from agencydesk.qt.chat_import.problems import note_sentence

            self.warnings_label.setText(
                self.tr("Notes from reading the file:")
                + "\n"
                + "\n".join(map(note_sentence, result.warnings[:5]))
            )
        self.open_button.setVisible(bool(result.ticket_ids))
        self.open_button.setText(
            self.tr("Open ticket") if len(result.ticket_ids) <= 1 else self.tr("Open last ticket")
        )
        self.undo_button.setVisible(result.new > 0)
        self.undo_button.setEnabled(True)

    def undo_import(self) -> None:
        """Ask, then take the import back out in a worker (see `chat_import.undo`); the page
        then says what went and what stayed."""
        wizard = the_wizard(self)
        result = wizard.import_page.result
        if result is None:
            return
        from agencydesk.qt.common.dialogs import ask_yes_no

        locale = self.locale()
        question = self.tr(
            "Take this import back out? Its {new} messages go from the client's history, with "
            "the tickets it opened; a ticket you have written in since stays, without them."
        ).format(new=locale.toString(result.new))
        if not ask_yes_no(self, self.tr("Undo import"), question):
            return
        from agencydesk.core.chat_import import undo_import_with_media

        engine, data_dir = wizard.engine, wizard.data_dir
        self.undo_button.setEnabled(False)
        self.open_button.setEnabled(False)
        workers.run_task(
            lambda: undo_import_with_media(engine, result, data_dir),
            self._undone,
            self._not_undone,
            owner=self,
        )

    def _undone(self, undone: UndoneImport) -> None:
        locale = self.locale()
        self.setSubTitle(self.tr("The import was taken back out."))
        text = (
            self.tr("1 message removed")
            if undone.messages == 1
            else self.tr("{count} messages removed").format(count=locale.toString(undone.messages))
        )
        if undone.tickets == 1:
            text += self.tr("; 1 ticket removed")
        elif undone.tickets:
            text += self.tr("; {count} tickets removed").format(
                count=locale.toString(undone.tickets)
            )
        if len(undone.kept_tickets) == 1:
            text += self.tr("; 1 ticket you wrote in since stays")
        elif undone.kept_tickets:
            text += self.tr("; {count} tickets you wrote in since stay").format(
                count=locale.toString(len(undone.kept_tickets))
            )
        if undone.clients == 1:
            text += self.tr("; the new client it made is in the trash")
        elif undone.clients:
            text += self.tr("; the {count} new clients it made are in the trash").format(
                count=locale.toString(undone.clients)
            )
        self.summary_label.setText(text + ".")
        self.warnings_label.clear()
        self.open_button.setVisible(False)
        self.undo_button.setVisible(False)

    def _not_undone(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.errors import UserError

        self.undo_button.setEnabled(True)
        self.open_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.warnings_label.setText(user_text(exc))
        else:
            from agencydesk.qt.common.dialogs import report_exception

            self.warnings_label.setText(
                self.tr("The import could not be taken back out. Nothing was removed.")
            )
            report_exception(self, exc, details)

    def _open(self) -> None:
        wizard = the_wizard(self)
        result = wizard.import_page.result
        if result is not None and result.ticket_ids:
            wizard.open_ticket_requested.emit(result.ticket_ids[-1])
            wizard.accept()
