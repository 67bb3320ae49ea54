"""The conflict dialog as a user meets it: a colleague saved the client while this form was
open; keep mine, take theirs or merge field by field end in the right stored values. A client
deleted meanwhile is said and can come back with the changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.common.conflict_dialog import ConflictDialog


def _colleague_saves(engine: Engine, client_id: int, **values: str) -> None:
    """Another desk (here another session on the same file) saves first."""
    with session_scope(engine) as session:
        client = clients.get_client(session=session, client_id=client_id)
        clients.update_client(
            session=session, client_id=client_id, values=values, seen_version=client.version
        )


def _stored(engine: Engine, client_id: int) -> tuple[str, str]:
    with Session(engine) as session:
        client = clients.get_client(session=session, client_id=client_id)
        return client.city, client.phone


@pytest.fixture
def form(qtbot: QtBot, engine: Engine) -> ClientFormDialog:
    with session_scope(engine) as session:
        values = {"name": "Ibu Ratna", "city": "Makassar", "phone": "0811 1111 111"}
        client = clients.create_client(session=session, values=values)
    dialog = ClientFormDialog(engine, client.id)
    qtbot.add_widget(dialog)
    _colleague_saves(engine, client.id or 0, city="Bali", phone="0822 2222 222")
    dialog.city.setText("Kendari")
    dialog.phone.setText("0833 3333 333")
    return dialog


def _answer(dialogs: DialogAnswerer, press: str, theirs_for: tuple[str, ...] = ()) -> list[str]:
    shown: list[str] = []

    def choose(widget: QWidget) -> None:
        assert isinstance(widget, ConflictDialog)
        for field in widget.conflict.fields:  # what the user reads: mine and theirs side by side
            shown.append(
                f"{field}: {widget.mine_buttons[field].text()} | "
                f"{widget.theirs_buttons[field].text()}"
            )
        for field in theirs_for:
            widget.theirs_buttons[field].click()
        getattr(widget, press).click()

    dialogs.then(choose)
    return shown


@pytest.mark.parametrize(
    ("press", "theirs_for", "stored"),
    [
        ("keep_mine", (), ("Kendari", "0833 3333 333")),
        ("take_theirs", (), ("Bali", "0822 2222 222")),
        ("merge", ("phone",), ("Kendari", "0822 2222 222")),
    ],
)
def test_the_conflict_dialog_ends_in_the_chosen_values(
    form: ClientFormDialog,
    engine: Engine,
    dialogs: DialogAnswerer,
    press: str,
    theirs_for: tuple[str, ...],
    stored: tuple[str, str],
) -> None:
    shown = _answer(dialogs, press, theirs_for)
    form.save()
    assert dialogs.done
    assert shown == ["phone: 0833 3333 333 | 0822 2222 222", "city: Kendari | Bali"]
    assert form.result() == ClientFormDialog.DialogCode.Accepted
    assert _stored(engine, form.client_id or 0) == stored


def test_keep_editing_saves_nothing_and_keeps_the_form(
    form: ClientFormDialog, engine: Engine, dialogs: DialogAnswerer
) -> None:
    dialogs.then(lambda widget: widget.reject())  # type: ignore[attr-defined]
    form.save()
    assert _stored(engine, form.client_id or 0) == ("Bali", "0822 2222 222")
    assert form.city.text() == "Kendari"  # what was typed is still there
    assert form.result() != ClientFormDialog.DialogCode.Accepted


def test_a_client_deleted_meanwhile_can_come_back_with_the_changes(
    form: ClientFormDialog, engine: Engine, dialogs: DialogAnswerer, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=form.client_id or 0)
    dialogs.click(QMessageBox.StandardButton.Yes)
    form.save()
    assert "deleted this while you were editing" in dialogs.texts[0]
    with Session(engine) as session:
        client = clients.get_client(session=session, client_id=form.client_id or 0)
        assert client.deleted_at is None
        assert client.city == "Kendari"


def test_a_team_desk_saves_in_a_worker_through_a_lost_connection(qtbot: QtBot, pg_url: str) -> None:
    """The server ends every connection of the desk before Save: the save tries again (the
    window going on meanwhile) and stores what was typed once."""
    import sqlalchemy as sa

    from agencydesk.core import migrate

    engine = migrate.open_database(pg_url)
    try:
        with session_scope(engine) as session:
            client_id = clients.create_client(session=session, values={"name": "Bu Wati"}).id
        dialog = ClientFormDialog(engine, client_id)
        qtbot.add_widget(dialog)
        dialog.city.setText("Ternate")
        killer = sa.create_engine(pg_url)
        with killer.connect() as connection:
            ended = connection.execute(
                sa.text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        killer.dispose()
        assert ended >= 1  # the form's pooled connection
        dialog.save()
        assert dialog.result() == ClientFormDialog.DialogCode.Accepted
        assert _stored(engine, client_id or 0)[0] == "Ternate"
    finally:
        engine.dispose()
