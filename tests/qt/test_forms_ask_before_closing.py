"""Escape (or Cancel, or the window's X) on a form with changes asks "Discard changes?" with
*Keep editing* as the safe answer; a form without changes closes at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core.models import Client, Order
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.credential_form import CredentialFormDialog
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.orders.client_orders import ClientOrdersView
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.report.agency_dialog import AgencyDialog
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog

DISCARD = QMessageBox.StandardButton.Discard
KEEP_EDITING = QMessageBox.StandardButton.Cancel


def _escape_then(qtbot: QtBot, dialogs: DialogAnswerer, form: QWidget, answer: object) -> None:
    """Press Escape in *form* and answer the question it asks (from inside a modal form)."""
    assert isinstance(answer, QMessageBox.StandardButton)
    dialogs.click(answer)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_Escape)


def test_escape_in_a_new_client_form_with_a_name_typed_asks_first(
    qtbot: QtBot,
    engine_db: Path,
    open_window: Callable[[Path], MainWindow],
    dialogs: DialogAnswerer,
) -> None:
    window = open_window(engine_db)
    seen: dict[str, object] = {}

    def type_then_escape(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        qtbot.keyClicks(widget.name, "Ibu Ratna Wulandari")
        _escape_then(qtbot, dialogs, widget, KEEP_EDITING)
        seen["kept"] = widget.isVisible() and widget.name.text()
        _escape_then(qtbot, dialogs, widget, DISCARD)
        seen["closed"] = not widget.isVisible()

    dialogs.then(type_then_escape)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done)
    assert seen == {"kept": "Ibu Ratna Wulandari", "closed": True}
    assert dialogs.texts == [
        "You changed this form. Close it and lose those changes?",
        "You changed this form. Close it and lose those changes?",
    ]
    question = dialogs.seen[1]
    assert isinstance(question, QMessageBox)
    assert question.button(KEEP_EDITING).text() == "Keep editing"
    assert question.button(DISCARD).text() == "Discard"
    assert question.defaultButton() is question.button(KEEP_EDITING)
    assert window.pages.clients is not None
    assert window.pages.clients.model.rowCount() == 0  # discarded: nothing saved


def test_escape_in_an_unchanged_client_form_closes_it_at_once(
    qtbot: QtBot, demo_db: Path, open_window: Callable[[Path], MainWindow], dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    window.show_section("clients")  # Ctrl+E edits the client on screen
    closed: list[bool] = []

    def escape(widget: QWidget) -> None:
        assert isinstance(widget, ClientFormDialog)
        qtbot.keyClick(widget.name, Qt.Key.Key_Escape)
        closed.append(not widget.isVisible())

    dialogs.then(escape)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.done)
    assert closed == [True]
    assert len(dialogs.seen) == 1  # no question


def test_escape_in_a_new_order_with_a_title_typed_asks_first(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    with Session(demo_engine) as session:
        client = session.exec(select(Client).where(Client.name == "Pak Bambang Santoso")).one()
        orders_before = len(session.exec(select(Order)).all())
    view = ClientOrdersView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    assert client.id is not None
    view.show_client(client.id)
    kept: list[bool] = []

    def type_then_escape(widget: QWidget) -> None:
        assert isinstance(widget, OrderFormDialog)
        qtbot.keyClicks(widget.title, "Menu photos for Ramadan")
        _escape_then(qtbot, dialogs, widget, KEEP_EDITING)
        kept.append(widget.isVisible())
        _escape_then(qtbot, dialogs, widget, DISCARD)
        kept.append(widget.isVisible())

    dialogs.then(type_then_escape)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.done)
    assert kept == [True, False]
    with Session(demo_engine) as session:
        assert len(session.exec(select(Order)).all()) == orders_before


def _forms(engine: Engine) -> dict[str, Callable[[], FormDialog]]:
    with Session(engine) as session:
        client_id = session.exec(select(Client.id)).first()
    assert client_id is not None
    return {
        "client": lambda: ClientFormDialog(engine, client_id=client_id),
        "order": lambda: OrderFormDialog(engine, client_id=client_id),
        "ticket": lambda: NewTicketDialog(engine, client_id=client_id),
        "login": lambda: CredentialFormDialog(engine, client_id),
        "agency": lambda: AgencyDialog(engine),
    }


@pytest.mark.parametrize("form", ["client", "order", "ticket", "login", "agency"])
def test_every_form_asks_only_when_something_was_changed(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer, form: str
) -> None:
    dialog = _forms(demo_engine)[form]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # nothing changed: closed without a question
    assert dialogs.seen == []

    dialog.show()
    field = next(e for e in dialog.findChildren(QLineEdit) if e.isEnabled() and e.isVisible())
    field.setFocus()
    qtbot.keyClicks(field, "x")
    dialogs.click(KEEP_EDITING)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert dialogs.done
    assert dialog.isVisible()
    assert field.text().endswith("x")
    dialogs.click(DISCARD)
    dialog.close()  # the window's X asks too
    assert dialogs.done
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
