"""File ▸ Import chat…: read a chat export and add it to a client's history, step by step.

Choose the file → preview (parsed in a worker) → who is who → where it goes → import (in a
worker, with Cancel: nothing is saved then) → summary. Only plain values cross threads: the
parsed chat (plain dataclasses), ids and the mapping; the import opens its own Session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from agencydesk.qt.common import workers

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from agencydesk.core.chat_import import ImportResult
    from agencydesk.core.importers import ParsedChat

PREVIEW_MESSAGES = 20


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _parse(path: str, date_order: str | None) -> ParsedChat:
    from agencydesk.core.importers import parse_chat_file

    return parse_chat_file(path, date_order=date_order)


# -- pages -------------------------------------------------------------------------------------
class FilePage(QWizardPage):
    def __init__(self, path: str | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the chat export"))
        self.setSubTitle(
            self.tr(
                "In WhatsApp: open the chat, ⋮ ▸ More ▸ Export chat. Telegram, LINE, "
                "Messenger/Instagram and CSV exports work too."
            )
        )
        self.path_edit = QLineEdit(path or "")
        self.path_edit.setPlaceholderText(self.tr("The exported .txt, .zip, .json or .csv file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the chat export"),
            str(Path(self.path_edit.text()).parent) if self.path_edit.text() else "",
            self.tr("Chat exports (*.txt *.zip *.json *.csv);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())


class PreviewPage(QWizardPage):
    """Parses the file in a worker and shows what it holds; the date order can be overridden."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What the file holds"))
        self.parsed: ParsedChat | None = None
        self.error = ""
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.status_label = _plain_label()
        self.format_label = _plain_label()
        self.date_order = QComboBox()
        self.date_order.addItem(self.tr("As detected"), None)
        self.date_order.addItem(self.tr("day/month/year"), "DMY")
        self.date_order.addItem(self.tr("month/day/year"), "MDY")
        self.date_order.addItem(self.tr("year/month/day"), "YMD")
        self.date_order.currentIndexChanged.connect(self.parse)
        self.participants_label = _plain_label()
        self.counts_label = _plain_label()
        self.range_label = _plain_label()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Format:"), self.format_label)
        form.addRow(self.tr("Dates written as:"), self.date_order)
        form.addRow(self.tr("Participants:"), self.participants_label)
        form.addRow(self.tr("Messages:"), self.counts_label)
        form.addRow(self.tr("From – to:"), self.range_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The first messages:")))
        layout.addWidget(self.preview, 1)

    def initializePage(self) -> None:
        self.date_order.blockSignals(True)
        self.date_order.setCurrentIndex(0)
        self.date_order.blockSignals(False)
        self.parse()

    def _path(self) -> str:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        return wizard.file_page.path_edit.text().strip()

    def parse(self) -> None:
        self.parsed = None
        self.error = ""
        self.busy.setVisible(True)
        self.status_label.setText(self.tr("Reading {file}…").format(file=Path(self._path()).name))
        self.status_label.setStyleSheet("")
        self.completeChanged.emit()
        path, order = self._path(), self.date_order.currentData()
        workers.run_task(
            lambda: _parse(path, order),
            self._parsed,
            self._failed,
            owner=self,
            key="parse",  # read again (another date order): only the latest reading counts
        )

    def _parsed(self, parsed: ParsedChat) -> None:
        from agencydesk.core.chat_summary import summarize

        self.parsed = parsed
        self.busy.setVisible(False)
        summary = summarize(parsed)
        locale = self.locale()
        self.status_label.setText(parsed.chat_name or "")
        self.format_label.setText(summary.format)
        if summary.date_order is None:
            self.date_order.setEnabled(False)
        else:
            self.date_order.setEnabled(True)
            if self.date_order.currentIndex() == 0:
                names = {"DMY": self.tr("day/month/year"), "MDY": self.tr("month/day/year")}
                names["YMD"] = self.tr("year/month/day")
                self.date_order.setItemText(
                    0, self.tr("As detected ({order})").format(order=names[summary.date_order])
                )
        self.participants_label.setText(
            "\n".join(f"{name} ({locale.toString(count)})" for name, count in summary.participants)
            or self.tr("nobody")
        )
        kind_names = {
            "message": self.tr("messages"),
            "media": self.tr("pictures or files"),
            "system": self.tr("notices"),
        }
        self.counts_label.setText(
            ", ".join(
                f"{locale.toString(count)} {kind_names.get(kind, kind)}"
                for kind, count in summary.kinds
            )
            or self.tr("none")
        )
        if summary.first is not None and summary.last is not None:
            fmt = locale.dateFormat(locale.FormatType.ShortFormat)
            self.range_label.setText(
                f"{locale.toString(summary.first.date(), fmt)} – "
                f"{locale.toString(summary.last.date(), fmt)}"
            )
        else:
            self.range_label.setText("")
        lines = []
        for m in parsed.messages[:PREVIEW_MESSAGES]:
            text = m.text.replace("\n", " ⏎ ")
            if "deleted" in m.flags:
                text = self.tr("(deleted message)")
            elif m.media_file:
                text = f"📎 {m.media_file} {text}".rstrip()
            elif m.kind == "media":
                missing = self.tr("(picture or file, not in the export)")
                text = f"📎 {missing} {text}".rstrip()
            who = f"{m.sender}: " if m.sender else "— "
            lines.append(f"{m.timestamp:%Y-%m-%d %H:%M}  {who}{text}")
        self.preview.setPlainText("\n".join(lines))
        for warning in summary.warnings[:3]:
            self.status_label.setText((self.status_label.text() + "\n⚠ " + warning).strip())
        self.completeChanged.emit()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.importers import ChatImportError

        self.busy.setVisible(False)
        if isinstance(exc, ChatImportError):
            self.error = str(exc)
        else:
            import logging

            logging.getLogger(__name__).error("Reading a chat export failed\n%s", details)
            self.error = self.tr("“{file}” could not be read ({problem}).").format(
                file=self._path(), problem=type(exc).__name__
            )
        self.status_label.setText(self.error)
        self.status_label.setStyleSheet("color: #b3261e;")
        for label in (self.format_label, self.participants_label, self.counts_label):
            label.setText("")
        self.range_label.setText("")
        self.preview.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.parsed is not None


class MappingPage(QWizardPage):
    """Who is who: each participant is Me, an existing client, or a new client."""

    ME = "me"
    NEW = "new"

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Who is who?"))
        self.setSubTitle(self.tr("Tell agencydesk which sender is you and which are your clients."))
        self.combos: dict[str, QComboBox] = {}
        self.main_client = QComboBox()
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        main_form = QFormLayout()
        main_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        main_form.addRow(self.tr("Add to the history of:"), self.main_client)
        layout = QVBoxLayout(self)
        layout.addLayout(main_form)
        layout.addWidget(_plain_label(self.tr("Senders in this chat:")))
        layout.addWidget(scroll, 1)
        self.choices: list[Any] = []
        self.main_client.currentIndexChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        from sqlmodel import Session

        from agencydesk.core import chat_import

        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        parsed = wizard.preview_page.parsed
        assert parsed is not None
        with Session(wizard.engine) as session:
            self.choices = chat_import.client_choices(session=session)
        plan = chat_import.plan_import(
            parsed=parsed,
            choices=self.choices,
            client_id=wizard.client_id,
            me_names=wizard.me_names,
        )
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        self.main_client.clear()
        self.main_client.addItem(self.tr("The busiest client in the chat"), None)
        for choice in self.choices:
            self.main_client.addItem(choice.name, choice.id)
        main = wizard.client_id if wizard.client_id is not None else plan.main_client_id
        index = self.main_client.findData(main) if main is not None else 0
        self.main_client.setCurrentIndex(max(index, 0))
        for participant in plan.participants:
            combo = QComboBox()
            combo.addItem(self.tr("Me"), self.ME)
            combo.insertSeparator(combo.count())
            for choice in self.choices:
                combo.addItem(choice.name, choice.id)
            combo.insertSeparator(combo.count())
            combo.addItem(self.tr("New client “{name}”").format(name=participant), self.NEW)
            assignment = plan.mapping[participant]
            if assignment == chat_import.ME:
                combo.setCurrentIndex(0)
            elif isinstance(assignment, chat_import.NewClient):
                combo.setCurrentIndex(combo.count() - 1)
            else:
                combo.setCurrentIndex(max(combo.findData(assignment), 0))
            count = plan.counts.get(participant, 0)
            label = self.tr("{name} ({count} messages)").format(
                name=participant, count=self.locale().toString(count)
            )
            row_label = QLabel(label)
            row_label.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(row_label, combo)
            self.combos[participant] = combo
            combo.currentIndexChanged.connect(self.completeChanged)

    def mapping(self) -> dict[str, Any]:
        from agencydesk.core import chat_import

        out: dict[str, Any] = {}
        for participant, combo in self.combos.items():
            data = combo.currentData()
            if data == self.ME:
                out[participant] = chat_import.ME
            elif data == self.NEW:
                out[participant] = chat_import.new_client_for(participant)
            else:
                out[participant] = int(data)
        return out

    def client_id(self) -> int | None:
        data = self.main_client.currentData()
        return int(data) if data is not None else None

    def isComplete(self) -> bool:
        if self.client_id() is not None:
            return True
        return any(c.currentData() != self.ME for c in self.combos.values())


class TargetPage(QWizardPage):
    """Where the messages go: a ticket, a new ticket, tickets split at gaps, or the timeline."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Where should the messages go?"))
        self.attach = QRadioButton(self.tr("Add to an existing ticket:"))
        self.ticket_combo = QComboBox()
        self.new = QRadioButton(self.tr("Start a new ticket:"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.split = QRadioButton(self.tr("A new ticket after every quiet gap of at least:"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 24 * 30)
        self.hours.setValue(8)
        self.hours.setSuffix(self.tr(" hours"))
        self.timeline = QRadioButton(self.tr("Only the client's history, no ticket"))
        self.group = QButtonGroup(self)
        for button in (self.attach, self.new, self.split, self.timeline):
            self.group.addButton(button)
            button.toggled.connect(self._update)
        self.title_edit.textChanged.connect(self.completeChanged)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.attach, 0, 0)
        grid.addWidget(self.ticket_combo, 0, 1)
        grid.addWidget(self.new, 1, 0)
        grid.addWidget(self.title_edit, 1, 1)
        grid.addWidget(self.split, 2, 0)
        grid.addWidget(self.hours, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.timeline, 3, 0, 1, 2)
        self.note = _plain_label(
            self.tr(
                "Messages imported before are recognised and skipped, so importing a newer "
                "export of the same chat adds only what is new."
            )
        )
        grid.addWidget(self.note, 4, 0, 1, 2)
        grid.setRowStretch(5, 1)

    def initializePage(self) -> None:
        from sqlmodel import Session

        from agencydesk.core import tickets

        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        client_id = wizard.mapping_page.client_id()
        self.ticket_combo.clear()
        if client_id is not None:
            with Session(wizard.engine) as session:
                rows = tickets.list_tickets(session=session, client_id=client_id)
            for row in rows:
                self.ticket_combo.addItem(f"#{row.id} {row.title}", row.id)
        self.attach.setEnabled(self.ticket_combo.count() > 0)
        parsed = wizard.preview_page.parsed
        if not self.title_edit.text() and parsed is not None:
            from agencydesk.core.chat_import import title_from

            first = parsed.messages[0].timestamp if parsed.messages else None
            if parsed.chat_name:
                self.title_edit.setText(parsed.chat_name)
            elif first is not None:
                self.title_edit.setText(title_from(parsed.messages, first))
        if self.group.checkedButton() is None or not self.group.checkedButton().isEnabled():
            self.split.setChecked(True)
        self._update()

    def _update(self) -> None:
        self.ticket_combo.setEnabled(self.attach.isChecked())
        self.title_edit.setEnabled(self.new.isChecked())
        self.hours.setEnabled(self.split.isChecked())
        self.completeChanged.emit()

    def target(self) -> Any:
        from agencydesk.core import chat_import

        if self.attach.isChecked():
            return chat_import.AttachToTicket(int(self.ticket_combo.currentData()))
        if self.new.isChecked():
            return chat_import.NewTicket(self.title_edit.text().strip())
        if self.split.isChecked():
            return chat_import.SplitAtGaps(self.hours.value())
        return chat_import.TimelineOnly()

    def isComplete(self) -> bool:
        if self.new.isChecked():
            return bool(self.title_edit.text().strip())
        if self.attach.isChecked():
            return self.ticket_combo.currentData() is not None
        return self.group.checkedButton() is not None


class ImportPage(QWizardPage):
    """Runs the import in a worker with a progress bar and Cancel."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Importing…"))
        self.result: ImportResult | None = None
        self.running = False
        self._task: workers.TaskHandle | None = None
        self.bar = QProgressBar()
        self.status_label = _plain_label()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.start)
        self.retry_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        parsed = wizard.preview_page.parsed
        assert parsed is not None
        self.result = None
        self.running = True
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
            )

        self._task = workers.run_task(
            work, self._done, self._failed, owner=self, on_progress=self._progressed
        )

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))

    def _progressed(self, counted: tuple[int, int]) -> None:
        done, total = counted
        if self.running:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)

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
        elif isinstance(exc, (UserError, ChatImportError)):
            self.status_label.setText(str(exc))
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
        self.summary_label = _plain_label()
        self.summary_label.setStyleSheet("font-size: 12pt;")
        self.warnings_label = _plain_label()
        self.open_button = QPushButton(self.tr("Open ticket"))
        self.open_button.clicked.connect(self._open)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warnings_label)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
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
        if len(result.created_client_ids) == 1:
            text += self.tr("; 1 new client")
        elif result.created_client_ids:
            text += self.tr("; {count} new clients").format(
                count=locale.toString(len(result.created_client_ids))
            )
        self.summary_label.setText(text)
        if result.warnings:
            self.warnings_label.setText(
                self.tr("Notes from reading the file:") + "\n" + "\n".join(result.warnings[:5])
            )
        self.open_button.setVisible(bool(result.ticket_ids))
        self.open_button.setText(
            self.tr("Open ticket") if len(result.ticket_ids) <= 1 else self.tr("Open last ticket")
        )

    def _open(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        result = wizard.import_page.result
        if result is not None and result.ticket_ids:
            wizard.open_ticket_requested.emit(result.ticket_ids[-1])
            wizard.accept()


class ImportWizard(QWizard):
    """The chat import, start to finish. `open_ticket_requested(id)` asks the window to show it."""

    open_ticket_requested = Signal(int)

    def __init__(
        self,
        engine: Engine,
        *,
        path: str | None = None,
        client_id: int | None = None,
        me_names: list[str] | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.client_id = client_id
        self.me_names = [n for n in (me_names or []) if n.strip()]
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Import chat"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(path)
        self.preview_page = PreviewPage()
        self.mapping_page = MappingPage()
        self.target_page = TargetPage()
        self.import_page = ImportPage()
        self.summary_page = SummaryPage()
        for page in (
            self.file_page,
            self.preview_page,
            self.mapping_page,
            self.target_page,
            self.import_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.target_page.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))
        self.resize(720, 560)

    def reject(self) -> None:
        if self.import_page.running:  # let the worker stop; nothing is saved
            self.import_page.cancel()
            return
        super().reject()
