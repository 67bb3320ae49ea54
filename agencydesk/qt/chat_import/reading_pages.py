"""The import wizard's first pages: choose the export file, then see what it holds (format,
participants, counts, date range, the first messages) before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWizardPage,
)

from agencydesk.qt.chat_import.wizard_access import the_wizard
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.dialog_layout import STRETCH, top_to_bottom
from agencydesk.qt.common.dialogs import choose_file
from agencydesk.qt.common.formatting import format_date, format_datetime
from agencydesk.qt.common.labels import bold_label, labelled_row, muted_label, plain_label
from agencydesk.qt.common.message_notes import note_text

if TYPE_CHECKING:
    from agencydesk.core.importers import ParsedChat

PREVIEW_MESSAGES = 20


def _parse(path: str, date_order: str | None) -> ParsedChat:
    from agencydesk.core.importers import parse_chat_file

    return parse_chat_file(path, date_order=date_order)


def dropped_file(data: QMimeData) -> str | None:
    """The path of the one local file *data* carries (a drop), or None."""
    urls = data.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    return urls[0].toLocalFile()


# -- pages -------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, path: str | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the chat export"))
        self.setSubTitle(
            self.tr("WhatsApp, Telegram, LINE, Messenger/Instagram and CSV exports can be read.")
        )
        self.path_edit = QLineEdit(path or "")
        self.path_edit.setPlaceholderText(self.tr("The exported .txt, .zip, .json or .csv file"))
        self.browse_button = push_button(self.tr("Browse…"), self.browse)
        self.path_edit.textChanged.connect(self.completeChanged)
        # a file dropped on the field goes to the page (which takes its path), not into the
        # field as a "file://…" address
        self.path_edit.setAcceptDrops(False)
        self.setAcceptDrops(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        top_to_bottom((row, (self._drop_zone(), 1)), self)

    def _drop_zone(self) -> QFrame:
        """The room below the field: where to drop the file, and how each app makes one (the
        page was a field and a line of hint over empty space)."""
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(
            "#dropZone { border: 2px dashed palette(mid); border-radius: 8px; }"
            '#dropZone[dragging="true"] { border-color: palette(highlight); }'
        )
        self.drop_hint = plain_label(
            self.tr("…or drop the export here, from your file manager or your downloads.")
        )
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold_label(self.drop_hint, 1.15)
        how_title = bold_label(plain_label(self.tr("How to export a chat")))
        how = muted_label(
            "\n".join(
                (
                    self.tr("• WhatsApp on Android: open the chat, ⋮ ▸ More ▸ Export chat."),
                    self.tr("• WhatsApp on iPhone: open the chat, tap its name ▸ Export Chat."),
                    self.tr("• Telegram Desktop: open the chat, ⋮ ▸ Export chat history (JSON)."),
                    self.tr("• LINE: open the chat, ≡ ▸ Settings ▸ Export chat history."),
                    self.tr(
                        "• Messenger and Instagram: Accounts Center ▸ Your information and "
                        "permissions ▸ Download your information (JSON)."
                    ),
                    self.tr(
                        "Send the file to yourself (email, Drive), then save it on this computer."
                    ),
                )
            )
        )
        top_to_bottom(
            (STRETCH, self.drop_hint, STRETCH, how_title, how),
            self.drop_zone,
            margins=(16, 16, 16, 16),
        )
        return self.drop_zone

    def _show_dragging(self, dragging: bool) -> None:
        self.drop_zone.setProperty("dragging", dragging)
        self.drop_zone.style().unpolish(self.drop_zone)
        self.drop_zone.style().polish(self.drop_zone)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
            self._show_dragging(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_dragging(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_dragging(False)
        path = dropped_file(event.mimeData())
        if path is not None:
            self.path_edit.setText(path)
            event.acceptProposedAction()

    def browse(self) -> None:
        path = choose_file(
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
        self.setSubTitle(self.tr("Check that it was read right: nothing is saved yet."))
        self.parsed: ParsedChat | None = None
        self.error = ""
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.status_label = plain_label()
        self.date_order = narrow_combo(16)
        self.date_order.addItem(self.tr("As detected"), None)
        self.date_order.addItem(self.tr("day/month/year"), "DMY")
        self.date_order.addItem(self.tr("month/day/year"), "MDY")
        self.date_order.addItem(self.tr("year/month/day"), "YMD")
        self.date_order.currentIndexChanged.connect(self.parse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.format_label = labelled_row(form, self.tr("Format:"))
        form.addRow(self.tr("Dates written as:"), self.date_order)
        self.participants_label = labelled_row(form, self.tr("Participants:"))
        self.counts_label = labelled_row(form, self.tr("Messages:"))
        self.range_label = labelled_row(form, self.tr("From – to:"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._form = form
        self._preview_title = QLabel(self.tr("The first messages:"))
        top_to_bottom(
            (
                self.busy,
                self.status_label,
                form,
                self._preview_title,
                (self.preview, 1),
            ),
            self,
        ).addStretch(0)  # takes the room of the hidden rows (the preview takes it otherwise)

    def initializePage(self) -> None:
        self.date_order.blockSignals(True)
        self.date_order.setCurrentIndex(0)
        self.date_order.blockSignals(False)
        self.parse()

    def _path(self) -> str:
        wizard = the_wizard(self)
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
        from agencydesk.core.importers.summary import summarize
        from agencydesk.core.message_notes import note_of

        self.parsed = parsed
        self.busy.setVisible(False)
        self._show_details(True)
        self._form.setRowVisible(self.date_order, True)
        summary = summarize(parsed)
        locale = self.locale()
        self.status_label.setText(parsed.chat_name or "")
        self.format_label.setText(self.format_name(summary.format))
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
        self.counts_label.setText(
            ", ".join(self.count_text(kind, count) for kind, count in summary.kinds)
            or self.tr("none")
        )
        if summary.first is not None and summary.last is not None:
            self.range_label.setText(
                f"{format_date(summary.first.date())} – {format_date(summary.last.date())}"
            )
        else:
            self.range_label.setText("")
        lines = []
        for m in parsed.messages[:PREVIEW_MESSAGES]:
            text = m.text.replace("\n", " ⏎ ")
            note = note_of(m.flags)
            if m.media_file:
                text = f"📎 {m.media_file} {text}".rstrip()
            elif note is not None:  # the same words as the ticket will show
                text = f"({note_text(note)}) {text}".rstrip()
            elif m.kind == "media":
                text = f"({note_text('media')}) {text}".rstrip()
            who = f"{m.sender}: " if m.sender else "— "
            lines.append(f"{format_datetime(m.timestamp)}  {who}{text}")
        self.preview.setPlainText("\n".join(lines))
        from agencydesk.qt.chat_import.problems import note_sentence

        for warning in summary.warnings[:3]:
            shown = note_sentence(warning)
            self.status_label.setText((self.status_label.text() + "\n⚠ " + shown).strip())
        self.completeChanged.emit()

    def format_name(self, fmt: str) -> str:
        """The export's kind as people call it: "WhatsApp (Android)", not "whatsapp-android"."""
        names = {
            "whatsapp-android": self.tr("WhatsApp (Android)"),
            "whatsapp-ios": self.tr("WhatsApp (iPhone)"),
            "telegram": self.tr("Telegram"),
            "line": self.tr("LINE"),
            "messenger": self.tr("Messenger or Instagram"),
            "csv": self.tr("CSV table"),
        }
        return names.get(fmt, fmt)

    def count_text(self, kind: str, count: int) -> str:
        """ "1 picture or file", "3 notices": a count with its noun, singular or plural."""
        one, many = {
            "message": (self.tr("1 message"), self.tr("{count} messages")),
            "media": (self.tr("1 picture or file"), self.tr("{count} pictures or files")),
            "system": (self.tr("1 notice"), self.tr("{count} notices")),
        }.get(kind, (f"1 {kind}", f"{{count}} {kind}"))
        return one if count == 1 else many.format(count=self.locale().toString(count))

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.importers import ChatImportError

        self.busy.setVisible(False)
        name = Path(self._path()).name
        if isinstance(exc, ChatImportError):
            from agencydesk.qt.chat_import.problems import problem_sentence

            self.error = (
                self.tr("“{file}” cannot be imported.").format(file=name)
                + "\n"
                + problem_sentence(exc)
                + "\n"
                + self.tr("Go back to choose another file.")
            )
        else:
            import logging

            logging.getLogger(__name__).error("Reading a chat export failed\n%s", details)
            self.error = self.tr(
                "“{file}” could not be read: something unexpected went wrong (the details are "
                "in the log). Export the chat again and choose the new file."
            ).format(file=name)
        self.status_label.setText(self.error)
        self.status_label.setStyleSheet("color: #b3261e;")
        for label in (self.format_label, self.participants_label, self.counts_label):
            label.setText("")
        self.range_label.setText("")
        self.preview.clear()
        self._show_details(False)
        # the date order stays where it may be the way out (or was just changed: to change it
        # back); beside "not valid JSON" or "does not exist" it only invited fiddling
        from agencydesk.core.importers.problems import DATE_ORDER_MAY_HELP

        self._form.setRowVisible(
            self.date_order,
            self.date_order.currentIndex() != 0
            or (isinstance(exc, ChatImportError) and exc.kind in DATE_ORDER_MAY_HELP),
        )
        self.completeChanged.emit()

    def _show_details(self, shown: bool) -> None:
        """What the file holds, row by row, or (a file that cannot be imported) only why: not
        a page of empty rows under it."""
        for label in (
            self.format_label,
            self.participants_label,
            self.counts_label,
            self.range_label,
        ):
            self._form.setRowVisible(label, shown)
        self._preview_title.setVisible(shown)
        self.preview.setVisible(shown)

    def isComplete(self) -> bool:
        return self.parsed is not None
