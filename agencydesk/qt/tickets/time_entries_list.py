"""A ticket's time entries, shown under the time line when *Entries* is pressed: the day, the
minutes, the note, whether it is billable (and who, on a desk of several people). *Edit…* (or a
double-click) corrects one; *Delete* removes it, and Ctrl+Z brings it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import time_entries
from agencydesk.core.models import utcnow
from agencydesk.core.time_entries import DeletedEntry, TimeEntryRow
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.desk_people import DeskPeople
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.formatting import format_date, format_duration
from agencydesk.qt.common.list_view import headed_list
from agencydesk.qt.common.undo import UndoEntry
from agencydesk.qt.tickets.ticket_writes import Write
from agencydesk.qt.tickets.time_entry_form import EntryValues, ask_entry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TicketTime:
    """What the ticket view's time parts share: the database, the desk's people (None on a solo
    desk) and how a change is written (`Write`)."""

    engine: Engine
    people: DeskPeople | None
    write: Write


class TimeEntriesList(QWidget):
    # an `UndoEntry` for a deleted entry (the shell's Ctrl+Z)
    undoable = Signal(object)

    def __init__(self, parts: TicketTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine, self._people, self._write = parts.engine, parts.people, parts.write
        self._rows: dict[int, TimeEntryRow] = {}
        self.list = headed_list(
            "timeEntries",
            [self.tr("Day"), self.tr("Time"), self.tr("Billable"), self.tr("Note")],
            fit=(0, 1, 2),
        )
        self.list.setMaximumHeight(140)  # the conversation keeps the room
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.edit_chosen())
        self.list.currentItemChanged.connect(lambda _new, _old: self._update_buttons())
        self.edit_button = push_button(self.tr("Edit…"), self.edit_chosen, name="timeEntryEdit")
        self.delete_button = push_button(
            self.tr("Delete"), self.delete_chosen, name="timeEntryDelete"
        )
        top_to_bottom(
            (self.list, button_row(None, self.edit_button, self.delete_button)),
            self,
            margins=(0, 0, 0, 0),
        )
        self._update_buttons()

    def show_entries(self, rows: list[TimeEntryRow]) -> None:
        chosen = self.chosen()
        self._rows = {row.id: row for row in rows}
        self.list.clear()
        for row in rows:
            time = format_duration(row.seconds)
            if row.running:  # its minutes are counted when it stops: so far, until now
                so_far = int((utcnow() - row.started_at).total_seconds())
                time = self.tr("{time} (timer running)").format(time=format_duration(so_far))
            who = self._people.person(row.author_id) if self._people else None
            note = (
                f"{row.note} — {who.initials}"
                if who and row.note
                else (who.initials if who else row.note)
            )
            item = QTreeWidgetItem(
                [
                    format_date(row.started_at),
                    time,
                    self.tr("yes") if row.billable else self.tr("no"),
                    note,
                ]
            )
            item.setData(0, ENTRY_ROLE, row.id)
            self.list.addTopLevelItem(item)
            if chosen is not None and row.id == chosen.id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def chosen(self) -> TimeEntryRow | None:
        item = self.list.currentItem()
        return None if item is None else self._rows.get(int(item.data(0, ENTRY_ROLE)))

    def _update_buttons(self) -> None:
        row = self.chosen()
        editable = row is not None and not row.running  # a running timer is still counting
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    def _wait_for_entries(self) -> None:
        """One change at a time: Edit and Delete wait for the entries as written (read again
        once the change is, in a worker on a team desk)."""
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)

    def edit_chosen(self) -> None:
        row = self.chosen()
        if row is None or row.running:
            return
        shown = EntryValues(row.started_at.astimezone().date(), row.minutes, row.note, row.billable)
        values = ask_entry(self, self._engine, self.tr("Correct time"), shown)
        if values is None:
            return
        self._wait_for_entries()
        self._write(
            lambda session: time_entries.update_entry(
                session=session,
                entry_id=row.id,
                day=values.day,
                minutes=values.minutes,
                note=values.note,
                billable=values.billable,
                seen_version=row.version,
            )
        )

    def edit_current(self) -> None:
        """Edit ▸ Edit… (Ctrl+E) with the focus on the list."""
        self.edit_chosen()

    def delete_current(self) -> None:
        """Edit ▸ Delete… (Del) with the focus on the list: the chosen time, not the ticket."""
        self.delete_chosen()

    def delete_chosen(self) -> None:
        row = self.chosen()
        if row is None or row.running:
            return
        deleted: list[DeletedEntry] = []

        def delete(session: Session) -> None:
            deleted.append(time_entries.delete_entry(session=session, entry_id=row.id))

        def undoable() -> None:
            if not deleted:
                return
            gone = deleted[0]
            name = self.tr("{time} of {day}").format(
                time=format_duration(gone.seconds), day=format_date(gone.started_at)
            )

            def undo(done: Callable[[], None]) -> None:
                self._write(
                    lambda session: time_entries.restore_entry(session=session, deleted=gone), done
                )

            self.undoable.emit(UndoEntry(name, undo, self))

        self._wait_for_entries()
        self._write(delete, undoable)
