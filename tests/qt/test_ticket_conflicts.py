"""No lost edits in the ticket view: two desks (two engines on one database, on SQLite and on
PostgreSQL) show the same ticket. A field only the other desk changed is kept beside mine
without asking; the same field changed on both desks opens the conflict dialog; each save
raises the ticket's version."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, people, tickets
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.models import Priority, TicketStatus
from agencydesk.qt.common.conflict_dialog import ConflictDialog
from agencydesk.qt.common.desk_people import DeskPeople, forget, register
from agencydesk.qt.tickets.ticket_view import TicketView


@pytest.fixture
def desks(any_engine: Engine) -> Iterator[tuple[Engine, Engine, int]]:
    other = make_engine(any_engine.url.render_as_string(hide_password=False))
    with session_scope(any_engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": "Email stopped"}
        )
        assert ticket.id is not None
    yield any_engine, other, ticket.id
    other.dispose()


def _view(qtbot: QtBot, engine: Engine, ticket_id: int) -> TicketView:
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    return view


def _pick(box: object, value: object) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(value))


def _stored(engine: Engine, ticket_id: int) -> tuple[str, int, int]:
    with Session(engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
        return ticket.status, ticket.priority, ticket.version


@pytest.mark.usefixtures("inline_tasks")
def test_different_fields_on_two_desks_are_both_kept_and_each_save_bumps_the_version(
    qtbot: QtBot, desks: tuple[Engine, Engine, int], dialogs: DialogAnswerer
) -> None:
    a, b, ticket_id = desks
    view_a, view_b = _view(qtbot, a, ticket_id), _view(qtbot, b, ticket_id)
    _pick(view_b.priority, Priority.HIGH.value)
    assert _stored(a, ticket_id) == ("open", Priority.HIGH.value, 2)
    _pick(view_a.status, TicketStatus.RESOLVED.value)  # A still shows version 1
    assert dialogs.seen == []  # no dialog: the other desk changed another field
    assert _stored(a, ticket_id) == ("resolved", Priority.HIGH.value, 3)
    assert view_a.priority.currentData() == Priority.HIGH.value  # theirs shown beside mine
    _pick(view_a.priority, Priority.LOW.value)  # A now shows version 3: a plain save
    assert _stored(a, ticket_id) == ("resolved", Priority.LOW.value, 4)


@pytest.mark.parametrize(
    ("press", "stored"),
    [("keep_mine", "waiting_on_client"), ("take_theirs", "resolved"), ("reject", "resolved")],
)
@pytest.mark.usefixtures("inline_tasks")
def test_the_same_field_on_two_desks_opens_the_conflict_dialog(
    qtbot: QtBot,
    desks: tuple[Engine, Engine, int],
    dialogs: DialogAnswerer,
    press: str,
    stored: str,
) -> None:
    a, b, ticket_id = desks
    view_a, view_b = _view(qtbot, a, ticket_id), _view(qtbot, b, ticket_id)
    _pick(view_a.status, TicketStatus.RESOLVED.value)
    shown: list[str] = []

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, ConflictDialog)
        shown.extend(
            f"{field}: {widget.mine_buttons[field].text()} | {widget.theirs_buttons[field].text()}"
            for field in widget.conflict.fields
        )
        if press == "reject":
            widget.reject()
        else:
            getattr(widget, press).click()

    dialogs.then(answer)
    _pick(view_b.status, TicketStatus.WAITING_ON_CLIENT.value)  # B still shows "Open"
    qtbot.waitUntil(lambda: dialogs.done)
    assert shown == ["status: Waiting on client | Resolved"]
    assert _stored(a, ticket_id)[0] == stored
    assert view_b.status.currentData() == stored  # the view shows what is stored
    # nothing overwritten silently: saving over it again needs the newer version
    assert _stored(a, ticket_id)[2] == (3 if press == "keep_mine" else 2)


@pytest.mark.usefixtures("inline_tasks")
def test_an_assignment_over_a_newer_one_is_a_conflict_not_a_silent_overwrite(
    qtbot: QtBot, desks: tuple[Engine, Engine, int], dialogs: DialogAnswerer
) -> None:
    a, b, ticket_id = desks
    with session_scope(a) as session:
        sari = people.add_person(session=session, name="Sari Wulandari").id
        budi = people.add_person(session=session, name="Budi Santoso").id
    for engine in (a, b):
        register(engine, DeskPeople(engine, team=True))
    try:
        view_a, view_b = _view(qtbot, a, ticket_id), _view(qtbot, b, ticket_id)
        _choose(view_a, sari)  # Sari takes it on desk A
        shown: list[str] = []

        def answer(widget: QWidget) -> None:
            assert isinstance(widget, ConflictDialog)
            shown.extend(
                f"{field}: {widget.mine_buttons[field].text()} | "
                f"{widget.theirs_buttons[field].text()}"
                for field in widget.conflict.fields
            )
            widget.take_theirs.click()

        dialogs.then(answer)
        _choose(view_b, budi)  # desk B still shows nobody
        qtbot.waitUntil(lambda: dialogs.done)
        assert shown == ["assignee_id: Budi Santoso | Sari Wulandari"]
        with Session(a) as session:
            assert tickets.get_ticket(session=session, ticket_id=ticket_id).assignee_id == sari
        assert view_b.assignee.current() == sari
    finally:
        forget(a)
        forget(b)


def _choose(view: TicketView, person_id: int) -> None:
    """Pick *person_id* in the view's "Assigned to", as a user does."""
    combo = view.assignee.combo
    combo.setCurrentIndex(combo.findData(person_id))
    combo.activated.emit(combo.currentIndex())
