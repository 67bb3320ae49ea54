"""Export report…: one client's report as a PDF, written in the background.

The options (period, language, paper, what to include), then where to save it (the folder used
last time is offered again), then the work in a worker thread with a progress bar and Cancel
(a cancelled report leaves no file), then "Report saved" with a button to open it.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.names import file_name_part
from agencydesk.qt.common import workers
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import STRETCH, at_least_wide, top_to_bottom
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.formatting import DATE_EDIT_FORMAT
from agencydesk.qt.common.labels import bold_label, muted_label, plain_label
from agencydesk.qt.common.save_file import ask_save_file

# QSettings key: the folder the last report was saved in
# QSettings key: the agency profile was asked for once (at the first export without one)
AGENCY_ASKED_KEY = "reports/agency_asked"
PRESETS = ("last_month", "this_month", "this_year", "custom")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _write_report(
    engine: Engine,
    client_id: int,
    options: Any,
    path: Path,
    paper: str,
) -> tuple[Path, int]:
    """Worker: read the report's content (own Session) and write the PDF; progress is the pages
    written so far and their number."""
    from agencydesk.reports.content import build_report_content
    from agencydesk.reports.pdf import ReportCancelled, render_report_pdf

    with Session(engine) as session:
        content = build_report_content(session=session, client_id=client_id, options=options)
    if workers.cancel_requested():
        raise ReportCancelled
    pages = render_report_pdf(
        content,
        path,
        paper=paper,
        progress=lambda done, total: workers.report_progress((done, total)),
        cancelled=workers.cancel_requested,
    )
    return path, pages


def _read_client(engine: Engine, client_id: int) -> tuple[str, str, bool]:
    """The client's name, language, and whether they introduced anyone."""
    with Session(engine) as session:
        client = clients.get_client(session=session, client_id=client_id)
        referred = clients.referred_clients(session=session, client_id=client_id)
        return client.name, client.language, bool(referred)


class ReportDialog(QDialog):
    """Exports one client's report. `saved_path` is set once the PDF is written."""

    def __init__(
        self,
        engine: Engine,
        client_id: int,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.client_id = client_id
        self.saved_path: Path | None = None
        self.pages = 0
        self._task: workers.TaskHandle | None = None
        self._today = today or date.today()
        self.client_name = ""  # once read
        self.setWindowTitle(self.tr("Export report"))

        self.heading = heading = bold_label(plain_label(), 1.25)
        explanation = muted_label(
            self.tr(
                "A PDF to send to your client: their requests, the time you spent, guides, "
                "orders and payments, and a thank-you for the friends they sent you. "
                "Internal notes and logins are never included."
            )
        )

        self.preset = QComboBox()
        for key, title in (
            ("last_month", self.tr("Last month")),
            ("this_month", self.tr("This month")),
            ("this_year", self.tr("This year")),
            ("custom", self.tr("Choose the days…")),
        ):
            self.preset.addItem(title, key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_EDIT_FORMAT)  # "1 Oct 2026", "1 Okt 2026": never ambiguous
            edit.setMaximumDate(_qdate(self._today))
        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        until = QLabel(self.tr("to"))
        dates.addWidget(until)
        dates.addWidget(self.date_to, 1)

        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Bahasa Indonesia", "id")
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter (US)"), "letter")
        self.excerpts = QCheckBox(self.tr("Quote the start of each conversation"))
        self.referrals = QCheckBox(self.tr("“Your referrals”: thanks for the friends they sent"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Period"), self.preset)
        form.addRow("", dates)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Include"), self.excerpts)
        form.addRow("", self.referrals)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(False)
        self.status = muted_label()
        self.status.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.reject)

        # the options in one widget, greyed together while the client is read
        self.choices = QWidget()
        self.choices.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        top_to_bottom(
            (heading, explanation, self.choices, self.progress, self.status, STRETCH, self.buttons),
            self,
            spacing=10,
        )
        at_least_wide(self, 460)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self._setting_dates = False
        self._preset_chosen()
        read_for_desk(
            engine,
            self,
            partial(_read_client, engine, client_id),
            self._show_client,
            key="client",
            waiting=(self.choices, self.save_button),
        )

    def _show_client(self, client: tuple[str, str, bool]) -> None:
        self.client_name, language, has_referrals = client
        self.heading.setText(self.tr("Report for {name}").format(name=self.client_name))
        # the client's language (set on their form), not the desk's
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.referrals.setChecked(has_referrals)
        self.referrals.setEnabled(has_referrals)
        if not has_referrals:
            self.referrals.setToolTip(self.tr("This client has not introduced anyone yet."))

    # -- the options -------------------------------------------------------------------------
    def _preset_chosen(self, _index: int = 0) -> None:
        from agencydesk.reports.content import last_month, this_month, this_year

        key = self.preset.currentData()
        ranges = {"last_month": last_month, "this_month": this_month, "this_year": this_year}
        if key in ranges:
            start, end = ranges[key](self._today)
            self._setting_dates = True
            self.date_from.setDate(_qdate(start))
            self.date_to.setDate(_qdate(end))
            self._setting_dates = False

    def _dates_edited(self, _day: QDate) -> None:
        if not self._setting_dates:
            self.preset.setCurrentIndex(self.preset.findData("custom"))

    def set_period(self, start: date, end: date) -> None:
        """Choose the days (as a user does with the date fields)."""
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def options(self) -> Any:
        from agencydesk.reports.content import ReportOptions

        return ReportOptions(
            start=_pydate(self.date_from.date()),
            end=_pydate(self.date_to.date()),
            language=str(self.language.currentData()),
            excerpts=self.excerpts.isChecked(),
            referrals=self.referrals.isChecked(),
        )

    def suggested_name(self) -> str:
        start = _pydate(self.date_from.date())
        end = _pydate(self.date_to.date())
        if (start.year, start.month) == (end.year, end.month):
            when = f"{start:%Y-%m}"
        elif start.year == end.year and (start.month, end.month) == (1, 12):
            when = f"{start:%Y}"
        else:
            when = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
        word = "Laporan" if self.language.currentData() == "id" else "Report"
        return f"{word} {file_name_part(self.client_name)} {when}.pdf"

    # -- saving ------------------------------------------------------------------------------
    def export(self) -> None:
        if self._task is not None:
            return
        if self.date_to.date() < self.date_from.date():
            self._say(self.tr("The period ends before it starts. Please check the days."))
            return
        self._ask_for_agency_once()
        options = self.options()
        path = ask_save_file(
            self,
            self.tr("Save the report"),
            self.suggested_name(),
            self.tr("PDF documents (*.pdf)"),
            ".pdf",
        )
        if path is not None:
            self._start(options, path)

    def _ask_for_agency_once(self) -> None:
        """The first export on a desk without an agency profile opens it (who the report is
        from heads its first page); saved or not, the export then goes on, and it is not
        asked again."""
        from agencydesk.core import agency
        from agencydesk.qt.report.agency_dialog import AgencyDialog

        settings = QSettings()
        if settings.value(AGENCY_ASKED_KEY, False, type=bool):
            return
        with Session(self._engine) as session:
            if not agency.get_agency_profile(session=session).is_empty:
                return
        settings.setValue(AGENCY_ASKED_KEY, True)
        AgencyDialog(self._engine, self, first_report=True).exec()

    def _start(self, options: Any, path: Path) -> None:
        self._set_running(True)
        self._say(self.tr("Writing the report…"))
        engine, client_id, paper = self._engine, self.client_id, str(self.paper.currentData())
        self._task = workers.run_task(
            lambda: _write_report(engine, client_id, options, path, paper),
            self._finished,
            self._failed,
            owner=self,
            on_progress=self._advanced,
        )

    def _advanced(self, pages: tuple[int, int]) -> None:
        if self._task is None:
            return
        done, total = pages
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._say(self.tr("Writing page {page} of {pages}…").format(page=done, pages=total))

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.preset,
            self.date_from,
            self.date_to,
            self.language,
            self.paper,
            self.excerpts,
            self.save_button,
        ):
            widget.setEnabled(not running)
        self.referrals.setEnabled(not running and self.referrals.toolTip() == "")
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)  # busy until the pages are counted

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def is_running(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        """Stop writing; the half-written file is removed by the worker."""
        if self._task is not None:
            self._task.cancel()
            self._say(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _finished(self, result: tuple[Path, int]) -> None:
        self._task = None
        self._set_running(False)
        self.cancel_button.setEnabled(True)
        self.saved_path, self.pages = result
        self._say("")
        self.accept()
        self._announce(result[0], result[1])

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.reports.pdf import ReportCancelled

        self._task = None
        self._set_running(False)
        self.cancel_button.setEnabled(True)
        if isinstance(exc, ReportCancelled):
            self._say(self.tr("Cancelled. No file was saved."))
            return
        self._say("")
        report_exception(self, exc, details)

    def _announce(self, path: Path, pages: int) -> None:
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Report saved"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        text = (
            self.tr("The report for {name} is saved ({pages} pages):")
            if pages != 1
            else self.tr("The report for {name} is saved (1 page):")
        )
        box.setText(f"{text.format(name=self.client_name, pages=pages)}\n{path}")
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        if box.exec() == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel (or Escape) while writing stops the work first; the dialog stays open to say
        so. Otherwise it closes."""
        if self._task is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
