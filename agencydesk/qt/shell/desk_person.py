"""Who this desk is on a team desk: asked on the first connect to a team database (choose
someone already there, or add yourself), remembered per database in the settings, and shown in
the title bar. A solo desk asks nothing: it has one implicit person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from sqlalchemy.engine import Engine

from agencydesk.core.people import PersonRow
from agencydesk.qt.common.desk_people import DeskPeople, people_of, register
from agencydesk.qt.common.dialog_layout import STRETCH, lay_out_dialog
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.common.list_view import add_list_item

if TYPE_CHECKING:
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings


class ChoosePersonDialog(QDialog):
    """ "Who is working at this desk?": one of the people there, or a new name."""

    def __init__(self, people: list[PersonRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choosePersonDialog")
        self.setWindowTitle(self.tr("Who is working at this desk?"))
        text = plain_label(
            self.tr(
                "Several people can work on this team desk. Choose who you are: what you do "
                "here (replies, notes, time, tickets assigned to you) shows your name."
            )
        )
        self.people = QListWidget()
        self.people.setObjectName("peopleList")
        for person in people:
            add_list_item(self.people, person.name, person.id)
        self.people.setVisible(bool(people))
        # as tall as its names (up to six), so the name field stays right under it
        rows = max(1, min(len(people), 6))
        self.people.setFixedHeight(
            rows * self.people.sizeHintForRow(0) + 2 * self.people.frameWidth() + 4
        )
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newPersonName")
        self.new_name.setPlaceholderText(self.tr("Your name, e.g. Sari Wulandari"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        self.new_name.textEdited.connect(lambda _text: self.people.clearSelection())
        self.people.itemDoubleClicked.connect(lambda _item: self.accept())
        name_caption = QLabel(self.tr("I am new here:") if people else self.tr("Your name:"))
        # room to spare goes below the fields, not between them
        parts = (text, self.people, name_caption, self.new_name, self.error, STRETCH)
        lay_out_dialog(self, parts, self.buttons, self.accept, min_width=440)

    def chosen_id(self) -> int | None:
        item = self.people.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def say(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.setVisible(True)


def show_title(window: MainWindow, desk_people: DeskPeople) -> None:
    """ "agencydesk — agency on db.example.com — Sari Wulandari": which desk, and who."""
    from agencydesk.qt.shell.team_desk import where

    desk = where(window.desk)
    me = desk_people.me_row()
    if me is None:
        title = QCoreApplication.translate("DeskPerson", "agencydesk — {desk}").format(desk=desk)
    else:
        title = QCoreApplication.translate("DeskPerson", "agencydesk — {desk} — {person}").format(
            desk=desk, person=me.name
        )
    window.setWindowTitle(title)


def open_people(window: MainWindow, engine: Engine, settings: Settings) -> DeskPeople:
    """The desk's people, registered before the pages are built. On a team desk the person this
    computer chose before is taken again; else asked (the window is usable meanwhile)."""
    team = engine.url.get_backend_name() != "sqlite"
    desk_people = DeskPeople(engine, team=team, parent=window)
    register(engine, desk_people)
    if not team:
        return desk_people
    key = engine.url.render_as_string(hide_password=True)
    remembered = settings.desk_person(key)
    if remembered is not None and remembered in desk_people.people:
        desk_people.set_me(remembered)
    else:
        ask_person(window, engine, settings)
    desk_people.changed.connect(lambda: show_title(window, desk_people))
    show_title(window, desk_people)
    return desk_people


def ask_person(window: MainWindow, engine: Engine, settings: Settings) -> ChoosePersonDialog:
    """Ask who this desk is (window-modal, not blocking: the desk opens behind it)."""
    desk_people = people_of(engine)
    assert desk_people is not None
    dialog = ChoosePersonDialog(list(desk_people.people.values()), window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    window.person_dialog = dialog

    def done() -> None:
        from agencydesk.core import people
        from agencydesk.core.db import session_scope
        from agencydesk.core.errors import ValidationError

        person_id = dialog.chosen_id()
        if person_id is None:
            try:
                with session_scope(engine) as session:
                    person_id = people.add_person(session=session, name=dialog.new_name.text()).id
            except ValidationError as exc:
                dialog.say(_name_problem(exc.errors.get("name", "")))
                dialog.open()
                return
        settings.set_desk_person(engine.url.render_as_string(hide_password=True), person_id)
        desk_people.set_me(person_id)

    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def _name_problem(code: str) -> str:
    if code == "name_taken":
        return QCoreApplication.translate(
            "DeskPerson", "That name is on this desk already: choose it in the list above."
        )
    if code == "too_long":
        return QCoreApplication.translate(
            "DeskPerson", "Please use a shorter name (80 characters at most)."
        )
    return QCoreApplication.translate(
        "DeskPerson", "Choose yourself in the list, or type your name."
    )
