"""Today's "Follow up now" card, on top of the page: the follow-ups whose time has come, each
with its note. Choose one, then *Open* (or double-click) goes to its ticket (or client), *Done*
takes it off Today, *Later* puts it off to one of the quick choices (tomorrow, Thursday, next
Monday, 09:00). The card is there only while something is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QMenu, QToolButton, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import follow_ups
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.follow_ups import FollowUpRow
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.follow_up_dialog import later_choices, morning_of
from agencydesk.qt.common.formatting import format_datetime
from agencydesk.qt.today.today_card import CLIENT_ROLE, TICKET_ROLE, TodayCard

FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 3
VERSION_ROLE = Qt.ItemDataRole.UserRole + 4


class FollowUpsCard(TodayCard):
    # (ticket id or None, client id): open what the chosen follow-up is about
    open_wanted = Signal(object, int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("followUpsCard", "#c2185b", parent)
        self._engine = engine
        self.open_button = push_button(self.tr("Open"), self.open_chosen, name="followUpOpen")
        self.done_button = push_button(self.tr("Done"), self.mark_done, name="followUpDone")
        self.later_button = QToolButton()
        self.later_button.setObjectName("followUpLater")
        self.later_button.setText(self.tr("Later"))
        self.later_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.later_menu = QMenu(self.later_button)
        self.later_menu.aboutToShow.connect(self._fill_later_menu)
        self.later_button.setMenu(self.later_menu)
        # as wide as its neighbours, the menu's arrow beside the word instead of over it
        self.later_button.setMinimumWidth(self.done_button.sizeHint().width())
        self.layout().insertLayout(
            4, button_row(self.open_button, self.done_button, self.later_button, None)
        )
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.list.currentItemChanged.connect(lambda _new, _old: self._update_buttons())
        self._update_buttons()

    def show_due(self, due: list[FollowUpRow]) -> None:
        chosen = self.chosen_id()
        self.fill(
            self.tr("Follow up now ({count})").format(count=len(due)),
            [(self._line(row), row.ticket_id, row.client_id) for row in due],
            "",
        )
        for item, row in zip(self._items(), due, strict=True):
            item.setData(FOLLOW_UP_ROLE, row.id)
            item.setData(VERSION_ROLE, row.version)
            if row.id == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and due:
            self.list.setCurrentRow(0)
        self.setVisible(bool(due))
        self._update_buttons()

    def _line(self, row: FollowUpRow) -> str:
        about = (
            f"{row.client_name} — {row.subject}"
            if row.subject != row.client_name
            else row.client_name
        )
        due = self.tr("due {when}").format(when=format_datetime(row.due_at))
        return f"{about} · {row.note} ({due})" if row.note else f"{about} ({due})"

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(FOLLOW_UP_ROLE))

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (self.open_button, self.done_button, self.later_button):
            button.setEnabled(chosen)

    def open_chosen(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_wanted.emit(item.data(TICKET_ROLE), int(item.data(CLIENT_ROLE)))

    def _fill_later_menu(self) -> None:
        self.later_menu.clear()
        for label, day in later_choices(date.today()):
            self.later_menu.addAction(label, self._putting_off(day))

    def _putting_off(self, day: date) -> Callable[[], None]:
        return lambda: self.put_off(morning_of(day))

    def _write(self, action: Callable[[Session, int, int], object]) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            with session_scope(self._engine) as session:
                action(session, int(item.data(FOLLOW_UP_ROLE)), int(item.data(VERSION_ROLE)))
        except UserError as exc:  # done or put off on another desk meanwhile
            report_exception(self, exc)
        # Today refreshes itself from the change this made

    def mark_done(self) -> None:
        self._write(
            lambda session, row_id, _v: follow_ups.mark_done(session=session, follow_up_id=row_id)
        )

    def put_off(self, due_at: datetime) -> None:
        self._write(
            lambda session, row_id, version: follow_ups.put_off(
                session=session, follow_up_id=row_id, due_at=due_at, seen_version=version
            )
        )
