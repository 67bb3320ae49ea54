"""A client entered twice: the form warns on save and offers to merge; the client list's menu
merges two clients too, after saying exactly what moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, shown_whole
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, tickets
from agencydesk.core.db import session_scope, sqlite_url
from agencydesk.core.migrate import open_database
from agencydesk.core.models import Client, Ticket
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.merge_dialog import MergeClientsDialog
from agencydesk.qt.shell.main_window import MainWindow

Opener = Callable[[Path], MainWindow]
SAVE = QDialogButtonBox.StandardButton.Save


def _button(box: QWidget, text: str) -> QAbstractButton:
    assert isinstance(box, QMessageBox), f"expected a message box, got {box!r}"
    found = [b for b in box.buttons() if b.text().startswith(text)]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


def _names(window: MainWindow) -> list[str]:
    assert window.pages.clients is not None
    model = window.pages.clients.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _ratna(db: Path) -> int:
    engine = open_database(sqlite_url(db))
    with Session(engine) as session:
        found = session.exec(select(Client.id).where(Client.name == "Ibu Ratna Wulandari")).one()
    engine.dispose()
    assert found is not None
    return found


def test_a_second_client_with_the_same_phone_is_noticed_and_merged_from_the_warning(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    ratna = _ratna(demo_db)
    window = open_window(demo_db)
    seen: dict[str, object] = {}

    def merge(widget: QWidget) -> None:
        assert isinstance(widget, MergeClientsDialog)
        seen["summary"] = widget.summary.text()
        qtbot.mouseClick(widget.merge_button, Qt.MouseButton.LeftButton)

    def warned_then_merge(box: QWidget) -> None:
        seen["warning"] = box.findChild(QWidget, "qt_msgbox_label").text()  # type: ignore[union-attr]
        dialogs.then(merge)
        _button(box, "Merge with Ibu Ratna Wulandari").click()

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        qtbot.keyClicks(widget.name, "Ratna")
        qtbot.keyClicks(widget.phone, "0812-4455-1020")
        dialogs.then(lambda box: _button(box, "Keep editing").click())
        widget.buttons.button(SAVE).click()
        seen["kept open"] = widget.isVisible()
        dialogs.then(warned_then_merge)
        widget.buttons.button(SAVE).click()
        seen["closed"] = not widget.isVisible()

    dialogs.then(fill)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done, timeout=10_000)
    assert seen["kept open"] is True
    assert seen["closed"] is True
    assert f"Ibu Ratna Wulandari (#{ratna})" in str(seen["warning"])
    assert "same phone number" in str(seen["warning"])
    assert f"Ibu Ratna Wulandari (#{ratna}) stays" in str(seen["summary"])
    assert "cannot be undone" in str(seen["summary"])
    qtbot.waitUntil(lambda: len(_names(window)) == 10)  # merged: still ten clients
    assert window.count_label.text() == "10 clients"
    qtbot.waitUntil(lambda: window.pages.clients.detail.name_label.text() == "Ibu Ratna Wulandari")  # type: ignore[union-attr]


def test_nearly_the_same_name_warns_and_save_anyway_keeps_both(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    seen: list[str] = []

    def save_anyway(box: QWidget) -> None:
        seen.append(box.findChild(QWidget, "qt_msgbox_label").text())  # type: ignore[union-attr]
        _button(box, "Save anyway").click()

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        qtbot.keyClicks(widget.name, "bu ratna WULANDARI")
        dialogs.then(save_anyway)
        widget.buttons.button(SAVE).click()

    dialogs.then(fill)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done, timeout=10_000)
    assert "nearly the same name" in seen[0]
    qtbot.waitUntil(lambda: len(_names(window)) == 11)
    qtbot.waitUntil(lambda: window.pages.clients.detail.name_label.text() == "bu ratna WULANDARI")  # type: ignore[union-attr]


def test_merge_from_the_client_menu_moves_the_tickets_to_the_kept_client(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path, dialogs: DialogAnswerer
) -> None:
    with session_scope(demo_engine) as session:
        twin = clients.create_client(session=session, values={"name": "Bu Ratna Wulandari"})
        assert twin.id is not None
        tickets.create_ticket(session=session, client_id=twin.id, values={"title": "Menu hilang"})
        twin_id = twin.id
    demo_engine.dispose()
    ratna = _ratna(db_path)
    window = open_window(db_path)
    page = window.pages.clients
    assert page is not None
    assert page.select_client(twin_id)
    seen: dict[str, str] = {}

    def keep_the_first(widget: QWidget) -> None:
        assert isinstance(widget, MergeClientsDialog)
        assert widget.other.currentData() == ratna  # the likely duplicate comes first
        on_its_name = QPoint(12, widget.keep_other.height() // 2)  # where a user clicks
        qtbot.mouseClick(widget.keep_other, Qt.MouseButton.LeftButton, pos=on_its_name)
        seen["summary"] = widget.summary.text()
        seen["whole"] = str(shown_whole(widget.summary, widget.buttons))
        qtbot.mouseClick(widget.merge_button, Qt.MouseButton.LeftButton)

    dialogs.then(keep_the_first)
    assert page.merge_action.text() == "Merge with another client…"
    page.table.setFocus()
    page.merge_action.trigger()  # the list's right-click menu
    qtbot.waitUntil(lambda: dialogs.done, timeout=10_000)
    assert "Moved to Ibu Ratna Wulandari: 1 ticket." in seen["summary"]
    assert seen["whole"] == "True"  # the whole sentence, after the choice changed it
    qtbot.waitUntil(lambda: len(_names(window)) == 10)
    assert page.current_client_id() == ratna
    engine = open_database(sqlite_url(db_path))
    with Session(engine) as session:
        moved = session.exec(select(Ticket).where(Ticket.title == "Menu hilang")).one()
        assert moved.client_id == ratna
        assert session.get(Client, twin_id) is None
    engine.dispose()
