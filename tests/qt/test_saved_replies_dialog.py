"""*Saved replies…* on the Guides page, driven as a user would."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import saved_replies
from agencydesk.qt.guides.guides_page import GuidesPage
from agencydesk.qt.guides.saved_replies_dialog import SavedRepliesDialog


def _names(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [row.name for row in saved_replies.list_replies(session=session)]


def test_saved_replies_are_written_checked_and_deleted_in_their_dialog(
    qtbot: QtBot, engine: Engine, dialogs: DialogAnswerer
) -> None:
    page = GuidesPage(engine)
    qtbot.addWidget(page)
    seen: list[SavedRepliesDialog] = []

    def use_it(widget: QWidget) -> None:
        assert isinstance(widget, SavedRepliesDialog)
        seen.append(widget)
        widget.new_button.click()
        qtbot.keyClicks(widget.name, "Jam Kerja")
        qtbot.keyClicks(widget.text_en, "We answer from 9 to 5.")
        widget.save_button.click()
        assert widget.names.currentItem().text() == "/jam-kerja"  # typable, as it is saved

        widget.new_button.click()
        qtbot.keyClicks(widget.name, "jam-kerja")
        widget.save_button.click()  # no words, and the name is taken
        assert widget.errors.labels["name"].text() == "Another saved reply has this name."
        assert widget.errors.labels["text_id"].isVisibleTo(widget)
        assert widget.names.count() == 1
        widget.reject()

    dialogs.then(use_it)
    page.replies_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    assert _names(engine) == ["jam-kerja"]

    def delete_it(widget: QWidget) -> None:
        assert isinstance(widget, SavedRepliesDialog)
        assert widget.name.text() == "jam-kerja"
        assert widget.text_en.toPlainText() == "We answer from 9 to 5."
        dialogs.then(lambda box: _yes(box))
        widget.delete_button.click()
        assert widget.names.count() == 0
        widget.reject()

    dialogs.then(delete_it)
    page.replies_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    assert _names(engine) == []


def _yes(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    assert box.text() == "Delete the saved reply /jam-kerja?"
    box.button(QMessageBox.StandardButton.Yes).click()
