"""*Edit ▸ Trash…*: what was deleted — clients, tickets, guides, orders — with when, kept for the
days chosen here (30 unless changed) and then deleted for good when the desk opens. *Restore*
brings the chosen one back as it was; *Delete for good…* and *Empty trash…* ask first, and say
that a client's logins' passwords leave the keyring with them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import trash
from agencydesk.core.db import session_scope
from agencydesk.core.trash import TrashEntry
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.dialogs import ask_yes_no, report_exception, show_info
from agencydesk.qt.common.formatting import format_datetime, format_number
from agencydesk.qt.common.labels import empty_state_label
from agencydesk.qt.common.list_view import headed_list
from agencydesk.qt.shell.settings import MAX_TRASH_DAYS, Settings

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashDialog(QDialog):
    def __init__(self, engine: Engine, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._entries: dict[str, TrashEntry] = {}
        self.setWindowTitle(self.tr("Trash"))
        self.setSizeGripEnabled(True)
        self.list = headed_list(
            "trashList",
            [self.tr("Deleted"), self.tr("What"), self.tr("Client"), self.tr("Name")],
            fit=(0, 1, 2),  # the name takes the room left
        )
        self.list.currentItemChanged.connect(lambda _new, _old: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.restore_chosen())
        self.empty_label = empty_state_label()
        # the list, or in its place what the trash is for when it holds nothing
        self.list_or_empty = QStackedWidget()
        self.list_or_empty.addWidget(self.list)
        self.list_or_empty.addWidget(self.empty_label)
        self.restore_button = push_button(
            self.tr("Restore"), self.restore_chosen, name="trashRestore"
        )
        self.delete_button = push_button(
            self.tr("Delete for good…"), self.delete_chosen, name="trashDelete"
        )
        self.empty_button = push_button(self.tr("Empty trash…"), self.empty_all, name="trashEmpty")
        self.days = QSpinBox()
        self.days.setObjectName("trashDays")
        self.days.setRange(1, MAX_TRASH_DAYS)
        self.days.setValue(settings.trash_days)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(self._days_changed)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(self.tr("Keep deleted things for")))
        keep.addWidget(self.days)
        keep.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top_to_bottom(
            (
                (self.list_or_empty, 1),
                button_row(self.restore_button, self.delete_button, None, self.empty_button),
                keep,
                close,
            ),
            self,
        )
        self.resize(720, 420)
        self.load()

    def load(self) -> None:
        """Read the trash: at once on a solo desk; on a team desk in a worker (a round trip or
        two to a server a network away), the list and its buttons waiting meanwhile."""
        engine = self._engine

        def read() -> list[TrashEntry]:
            with Session(engine) as session:
                return trash.list_trash(session=session)

        waiting = (self.list, self.restore_button, self.delete_button, self.empty_button)
        read_for_desk(engine, self, read, self._show, key="trash", waiting=waiting)

    def _show(self, entries: list[TrashEntry]) -> None:
        kinds = {
            "client": self.tr("Client"),
            "ticket": self.tr("Ticket"),
            "guide": self.tr("Guide"),
            "order": self.tr("Order"),
        }
        self._entries = {entry.key: entry for entry in entries}
        self.list.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    format_datetime(entry.deleted_at),
                    kinds[entry.kind],
                    entry.client_name or "",
                    entry.name,
                ]
            )
            item.setData(0, KEY_ROLE, entry.key)
            self.list.addTopLevelItem(item)
        if entries:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._say_what_the_trash_is_for()
        self.list_or_empty.setCurrentWidget(self.empty_label if not entries else self.list)
        self.empty_button.setEnabled(bool(entries))
        self._update_buttons()

    def chosen(self) -> TrashEntry | None:
        item = self.list.currentItem()
        return None if item is None else self._entries.get(str(item.data(0, KEY_ROLE)))

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _days_changed(self, days: int) -> None:
        self._settings.trash_days = days
        self._say_what_the_trash_is_for()

    def _say_what_the_trash_is_for(self) -> None:
        days = self.days.value()
        self.empty_label.setText(
            (
                self.tr(
                    "The trash is empty.\n\nClients, tickets, guides and orders you delete wait "
                    "here for {days} days, so that a mistake can be put right."
                )
                if days != 1
                else self.tr(
                    "The trash is empty.\n\nClients, tickets, guides and orders you delete wait "
                    "here for a day, so that a mistake can be put right."
                )
            ).format(days=days)
        )

    def _run(
        self,
        action: Callable[[Session], object],
        then: Callable[[object], None] | None = None,
    ) -> None:
        """Run *action* in a transaction of its own, in a worker: deleting a client with a big
        imported chat, or restoring a ticket holding one, takes seconds. The list and its
        buttons wait meanwhile; then the list is read again."""
        for widget in (self.list, self.restore_button, self.delete_button, self.empty_button):
            widget.setEnabled(False)
        engine = self._engine

        def work() -> object:
            with session_scope(engine) as session:
                return action(session)

        def done(result: object) -> None:
            self._done()
            if then is not None:
                then(result)

        workers.run_task(work, done, self._failed, owner=self)

    def _done(self) -> None:
        self.list.setEnabled(True)  # (greyed again while a team desk reads it)
        self.load()

    def _failed(self, exc: BaseException, details: str) -> None:
        self._done()
        report_exception(self, exc, details)

    def restore_chosen(self) -> None:
        entry = self.chosen()
        if entry is not None:
            self._run(
                lambda session: trash.restore(
                    session=session, kind=entry.kind, row_id=entry.row_id
                ),
                lambda number: self._say_new_number(entry, number),
            )

    def _say_new_number(self, entry: TrashEntry, number: object) -> None:
        """Only a desk from before numbers were kept (migration 0024) gave a trashed ticket's
        or order's number to a new one: then it came back under another, and the user must
        know which, having told the client the old one."""
        if number == entry.row_id:
            return
        text = (
            self.tr("{name} is back as ticket #{number}: #{old} had been given to a newer ticket.")
            if entry.kind == "ticket"
            else self.tr(
                "{name} is back as order #{number}: #{old} had been given to a newer order."
            )
        )
        show_info(
            self, self.tr("Restored"), text.format(name=entry.name, number=number, old=entry.row_id)
        )

    def delete_chosen(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        question = self.tr("Delete {name} for good? This cannot be undone.").format(name=entry.name)
        if entry.kind == "client":
            question += "\n\n" + self.tr(
                "Everything of theirs goes too: tickets, messages, orders, and their logins' "
                "passwords in this computer's keyring."
            )
        if ask_yes_no(self, self.tr("Delete for good"), question):
            self._run(
                lambda session: trash.delete_for_good(
                    session=session, kind=entry.kind, row_id=entry.row_id
                )
            )

    def empty_all(self) -> None:
        count = len(self._entries)
        question = (
            self.tr(
                "Delete everything in the trash for good ({count} things)? This cannot be "
                "undone; deleted clients take their logins' passwords in the keyring with them."
            )
            if count != 1
            else self.tr(
                "Delete everything in the trash for good (one thing)? This cannot be undone; "
                "deleted clients take their logins' passwords in the keyring with them."
            )
        ).format(count=format_number(count))
        # what the list shows, not what another desk put in the trash since: that goes for
        # good only once someone has seen it here
        shown = frozenset(self._entries)
        if ask_yes_no(self, self.tr("Empty trash"), question):
            self._run(lambda session: trash.empty(session=session, only=shown))


def empty_old_trash(engine: Engine, days: int) -> int:
    """Delete for good what has been in the trash longer than *days* (in a worker, at start)."""
    with session_scope(engine) as session:
        return trash.empty(session=session, older_than=timedelta(days=days))
