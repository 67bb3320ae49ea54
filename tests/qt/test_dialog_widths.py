"""No dialog is narrower than what it holds, in either language: an explicit minimum width
replaced the one Qt works out from the content, so the report dialog opened too narrow in
Indonesian and cut its second checkbox off ("…teman-teman yang mereka kenalk")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialog, QFormLayout, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.merge_dialog import MergeClientsDialog
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.report.agency_dialog import AgencyDialog
from agencydesk.qt.report.report_dialog import ReportDialog
from agencydesk.qt.shell.connect_dialog import ConnectDialog
from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog
from agencydesk.qt.tickets.time_entry_form import TimeEntryForm


def _ratna(engine: Engine) -> int:
    with Session(engine) as session:
        [ratna] = [c for c in clients.list_clients(session=session) if "Ratna" in c.name]
    assert ratna.id is not None
    return ratna.id


def _read(qtbot: QtBot, dialog: QDialog) -> None:
    """Wait for what the dialog reads in a worker (the new ticket form, its clients)."""
    if isinstance(dialog, NewTicketDialog):
        qtbot.waitUntil(dialog.client.isEnabled)


#: each dialog and the width it opens at the least (what it asked for before)
DIALOGS: dict[str, tuple[Callable[[Engine, int], QDialog], int]] = {
    "report": (lambda engine, client_id: ReportDialog(engine, client_id), 460),
    "client": (lambda engine, client_id: ClientFormDialog(engine, client_id), 520),
    "order": (lambda engine, client_id: OrderFormDialog(engine, client_id=client_id), 540),
    "ticket": (lambda engine, client_id: NewTicketDialog(engine, client_id), 480),
    "time": (lambda engine, _client_id: TimeEntryForm(engine, "Add time"), 380),
    "agency": (lambda engine, _client_id: AgencyDialog(engine), 520),
    "merge": (lambda engine, client_id: MergeClientsDialog(engine, client_id), 520),
    "connect": (lambda _engine, _client_id: ConnectDialog(), 500),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_button_and_label_is_shown_whole(
    qtbot: QtBot, demo_engine: Engine, language: str, name: str
) -> None:
    make, least = DIALOGS[name]
    dialog = make(demo_engine, _ratna(demo_engine))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _read(qtbot, dialog)
    assert dialog.width() >= least
    cut = [
        widget.text()
        for kind in (QAbstractButton, QLabel)
        for widget in dialog.findChildren(kind)
        if widget.isVisible()
        and not (isinstance(widget, QLabel) and widget.wordWrap())
        and widget.width() < widget.minimumSizeHint().width()
    ]
    assert cut == []
    # nor can the user make it narrower than that
    dialog.resize(100, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() >= least)
    assert dialog.width() >= dialog.layout().totalMinimumSize().width()


LONG_NAME = "Ibu Kadek Ayu Saraswati Dewi Kusumawardhani Putri Wulandari (Koperasi Sejahtera)"


@pytest.mark.parametrize("name", ["report", "client", "order", "ticket", "merge"])
def test_a_long_client_name_does_not_widen_a_dialog(
    qtbot: QtBot, demo_engine: Engine, indonesian: str, name: str
) -> None:
    """A client with a long name, picked or named in a dialog: the name wraps, or is cut with
    "…" in a drop-down or a choice; the dialog keeps its width (the merge dialog was 1,019
    pixels wide, the order form and the report 578 and 698)."""
    make, _least = DIALOGS[name]

    def width_for(client_id: int) -> int:
        dialog = make(demo_engine, client_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _read(qtbot, dialog)
        dialog.close()
        return dialog.width()

    usual = width_for(_ratna(demo_engine))  # before the long name is among the clients to choose
    with session_scope(demo_engine) as session:
        long_id = clients.create_client(session=session, values={"name": LONG_NAME}).id
    assert long_id is not None
    assert width_for(long_id) <= usual + 20


@pytest.mark.parametrize("name", DIALOGS)
def test_a_form_says_each_thing_once(
    qtbot: QtBot, demo_engine: Engine, language: str, name: str
) -> None:
    """The new ticket form read "Due date ☐ Due" ("Tanggal tenggat ☐ Tenggat"): a checkbox
    beside a row's label says nothing the label does not say already."""
    make, _least = DIALOGS[name]
    dialog = make(demo_engine, _ratna(demo_engine))
    qtbot.addWidget(dialog)
    dialog.show()
    _read(qtbot, dialog)
    repeated = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            words = set(label.widget().text().replace("&", "").casefold().split())
            boxes = [field.widget()] if isinstance(field.widget(), QCheckBox) else []
            if field.layout() is not None:
                layout = field.layout()
                boxes += [
                    item.widget()
                    for item in (layout.itemAt(i) for i in range(layout.count()))
                    if isinstance(item.widget(), QCheckBox)
                ]
            repeated += [
                box.text() for box in boxes if box.text() and box.text().casefold() in words
            ]
    assert repeated == []


def test_tab_leaves_the_first_message_of_a_new_ticket(qtbot: QtBot, demo_engine: Engine) -> None:
    """Tab typed a tab character in "First message", and Save could not be reached."""
    dialog = NewTicketDialog(demo_engine, _ratna(demo_engine))
    qtbot.addWidget(dialog)
    dialog.show()
    _read(qtbot, dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.first_message.setFocus()
    qtbot.keyClicks(dialog.first_message, "Web error")
    qtbot.keyClick(dialog.first_message, Qt.Key.Key_Tab)
    typed, left = dialog.first_message.toPlainText(), not dialog.first_message.hasFocus()
    dialog.done(0)  # closed without the question a form with changes asks
    assert typed == "Web error"
    assert left
