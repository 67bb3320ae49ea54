"""*Saved replies…* (on the Guides page): the short replies typed in the reply box with / and a
name. A list of names on the left; the chosen one's name and words (Indonesian, English) on the
right; New, Save and Delete."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import saved_replies
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.saved_replies import ReplyUse, SavedReplyRow
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.dialogs import ask_yes_no, report_exception
from agencydesk.qt.common.form_errors import FieldErrors, error_label
from agencydesk.qt.common.formatting import format_date
from agencydesk.qt.common.labels import muted_label


class SavedRepliesDialog(QDialog):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.reply_id: int | None = None
        self._version: int | None = None
        self.setWindowTitle(self.tr("Saved replies"))
        self.setSizeGripEnabled(True)

        self.names = QListWidget()
        self.names.setObjectName("savedReplyNames")
        self.names.setMaximumWidth(200)
        self.names.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.name = QLineEdit()
        self.name.setObjectName("savedReplyName")
        self.name.setPlaceholderText(self.tr("e.g. transfer"))
        self.text_id = QPlainTextEdit()
        self.text_id.setObjectName("savedReplyIndonesian")
        self.text_en = QPlainTextEdit()
        self.text_en.setObjectName("savedReplyEnglish")
        for edit in (self.text_id, self.text_en):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90)
        labels = {field: error_label(field) for field in ("name", "text_id")}
        self.errors = FieldErrors(
            labels,
            {
                "name_required": self.tr(
                    "Give the reply a short name to type after / (e.g. transfer)."
                ),
                "name_invalid": self.tr(
                    "A name is small letters, digits and dashes, no spaces (e.g. jam-kerja)."
                ),
                "name_taken": self.tr("Another saved reply has this name."),
                "text_required": self.tr("Write the reply in Indonesian, in English, or both."),
            },
            {"name": self.name, "text_id": self.text_id},
        )
        form = QFormLayout()
        form.addRow(self.tr("Name (type / then the name)"), self.name)
        form.addRow("", labels["name"])
        form.addRow(self.tr("Indonesian"), self.text_id)
        form.addRow("", labels["text_id"])
        form.addRow(self.tr("English"), self.text_en)
        hint = muted_label(
            self.tr(
                "The client's language chooses the words (the other ones when one is empty). "
                "Placeholders as in guides: {call_name}, {first_name}, {my_name}, {today}."
            )
        )
        hint.setWordWrap(True)
        self.usage = muted_label()
        self.usage.setObjectName("savedReplyUsage")
        self._uses: dict[int, ReplyUse] = {}
        # the saved replies as last read, by id
        self._rows: dict[int, SavedReplyRow] = {}
        self.new_button = push_button(self.tr("New"), self.new_reply, name="newSavedReply")
        self.save_button = push_button(self.tr("Save"), self.save, name="saveSavedReply")
        self.delete_button = push_button(self.tr("Delete"), self.delete, name="deleteSavedReply")
        self.editor = editor = QWidget()
        top_to_bottom(
            (
                form,
                hint,
                self.usage,
                button_row(self.new_button, None, self.delete_button, self.save_button),
            ),
            editor,
            margins=(0, 0, 0, 0),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        panes = QHBoxLayout()
        panes.addWidget(self.names)
        panes.addWidget(editor, 1)
        top_to_bottom((panes, close), self)
        self.resize(760, 460)
        self._load()

    def _load(self, choose: int | None = None) -> None:
        """Read every saved reply (a handful: choosing one then reads nothing), and how often
        each went out; then choose *choose*, or the first. At once on a solo desk; on a team
        desk in a worker (round trips to a server a network away), the list and the editor
        waiting meanwhile, so that nothing typed is replaced by the reply chosen then."""
        engine = self._engine

        def read() -> tuple[list[SavedReplyRow], dict[int, ReplyUse]]:
            with Session(engine) as session:
                return saved_replies.list_replies(session=session), saved_replies.uses(
                    session=session
                )

        read_for_desk(
            engine,
            self,
            read,
            partial(self._list, choose),
            key="replies",
            waiting=(self.names, self.editor),
        )

    def _list(
        self, choose: int | None, read: tuple[list[SavedReplyRow], dict[int, ReplyUse]]
    ) -> None:
        rows, self._uses = read
        self._rows = {row.id: row for row in rows}
        self.names.blockSignals(True)
        self.names.clear()
        for row in rows:
            item = QListWidgetItem(f"/{row.name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.names.addItem(item)
            if row.id == choose:
                self.names.setCurrentItem(item)
        self.names.blockSignals(False)
        if choose is None and rows:
            self.names.setCurrentRow(0)
        self._show(self.names.currentItem())

    def _show(self, item: QListWidgetItem | None) -> None:
        self.errors.clear()
        row = None if item is None else self._rows.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self.reply_id = None if row is None else row.id
        self._version = row.version if row else None
        self.name.setText(row.name if row else "")
        self.text_id.setPlainText(row.text_id if row else "")
        self.text_en.setPlainText(row.text_en if row else "")
        self.delete_button.setEnabled(row is not None)
        self.usage.setText(self._usage_text(row.id if row else None))

    def _usage_text(self, reply_id: int | None) -> str:
        """How often the shown reply went out to clients, and when last."""
        if reply_id is None:
            return ""
        use = self._uses.get(reply_id)
        if use is None or use.last is None:
            return self.tr("Not sent to a client yet.")
        text = (
            self.tr("Sent once, on {day}.")
            if use.times == 1
            else self.tr("Sent {count} times, last on {day}.")
        )
        return text.format(count=use.times, day=format_date(use.last))

    def new_reply(self) -> None:
        self.names.setCurrentItem(None)  # type: ignore[arg-type]
        self._show(None)
        self.name.setFocus()

    def save(self) -> None:
        values = {
            "name": self.name.text(),
            "text_id": self.text_id.toPlainText(),
            "text_en": self.text_en.toPlainText(),
        }
        try:
            with session_scope(self._engine) as session:
                saved = saved_replies.save_reply(
                    session=session,
                    reply_id=self.reply_id,
                    values=values,
                    seen_version=self._version,
                )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except UserError as exc:  # changed or deleted on another desk meanwhile
            report_exception(self, exc)
            self._load(self.reply_id)
            return
        self._load(saved.id)

    def delete(self) -> None:
        if self.reply_id is None:
            return
        question = self.tr("Delete the saved reply /{name}?").format(name=self.name.text())
        if not ask_yes_no(self, self.tr("Delete saved reply"), question):
            return
        try:
            with session_scope(self._engine) as session:
                saved_replies.delete_reply(session=session, reply_id=self.reply_id)
        except UserError as exc:
            report_exception(self, exc)
        self._load()
