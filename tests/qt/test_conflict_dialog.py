"""The conflict dialog as a user meets it: a colleague saved the client while this form was
open; keep mine, take theirs or merge field by field end in the right stored values. A client
deleted meanwhile is said and can come back with the changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import agency, clients, credentials
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.db import make_engine, session_scope
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.credential_form import CredentialFormDialog
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
        qtbot.waitUntil(dialog.fields.isEnabled)  # the client is read in a worker
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


# -- a login and the agency profile, on two desks (two engines on one database, both engines) ---
@pytest.fixture
def other_desk(any_engine: Engine) -> Iterator[Engine]:
    other = make_engine(any_engine.url.render_as_string(hide_password=False))
    yield other
    other.dispose()


def _conflict_shown(dialogs: DialogAnswerer, press: str) -> list[str]:
    shown: list[str] = []

    def choose(widget: QWidget) -> None:
        assert isinstance(widget, ConflictDialog)
        shown.extend(
            f"{field}: {widget.mine_buttons[field].text()} | {widget.theirs_buttons[field].text()}"
            for field in widget.conflict.fields
        )
        getattr(widget, press).click()

    dialogs.then(choose)
    return shown


@pytest.mark.parametrize(("press", "stored"), [("keep_mine", "ratna"), ("take_theirs", "admin")])
def test_a_login_saved_meanwhile_on_another_desk_opens_the_conflict_dialog(
    qtbot: QtBot,
    any_engine: Engine,
    other_desk: Engine,
    memory_keyring: MemoryKeyring,
    inline_tasks: None,
    dialogs: DialogAnswerer,
    press: str,
    stored: str,
) -> None:
    with session_scope(any_engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
        assert client_id is not None
        login = credentials.add_credential(
            session=session, client_id=client_id, values={"label": "cPanel"}, secret="rahasia"
        )
    form = CredentialFormDialog(any_engine, client_id, login.id)
    qtbot.add_widget(form)
    with session_scope(other_desk) as session:  # a colleague saves first
        credentials.update_credential(
            session=session,
            credential_id=login.id,
            values={"username": "admin"},
            seen_version=login.version,
        )
    form.username.setText("ratna")
    shown = _conflict_shown(dialogs, press)
    form.save()
    assert dialogs.done
    assert shown == ["username: ratna | admin"]
    assert form.result() == CredentialFormDialog.DialogCode.Accepted
    with Session(other_desk) as session:
        row = credentials.get_credential(session=session, credential_id=login.id)
    assert row.username == stored
    assert row.version == (3 if press == "keep_mine" else 2)
    assert list(memory_keyring.entries.values()) == ["rahasia"]


@pytest.mark.parametrize(
    ("press", "stored"),
    [("keep_mine", ("Budi Web Studio", "")), ("take_theirs", ("Budi Web", "+62 812 3456 7890"))],
)
def test_the_agency_profile_saved_meanwhile_opens_the_conflict_dialog(
    qtbot: QtBot,
    any_engine: Engine,
    other_desk: Engine,
    dialogs: DialogAnswerer,
    press: str,
    stored: tuple[str, str],
) -> None:
    from agencydesk.qt.report.agency_dialog import AgencyDialog

    with session_scope(any_engine) as session:
        agency.save_agency_profile(session=session, profile=AgencyProfile(name="Budi Web"))
    dialog = AgencyDialog(any_engine)
    qtbot.add_widget(dialog)
    qtbot.waitUntil(dialog.fields.isEnabled)  # on a team desk the profile is read in a worker
    with session_scope(other_desk) as session:  # a colleague adds the phone meanwhile
        seen = agency.profile_version(session=session)
        profile = AgencyProfile(name="Budi Web", phone="+62 812 3456 7890")
        agency.save_agency_profile(session=session, profile=profile, seen_version=seen)
    dialog.name.setText("Budi Web Studio")
    shown = _conflict_shown(dialogs, press)
    dialog.save()
    assert dialogs.done
    assert shown == ["name: Budi Web Studio | Budi Web", "phone: — | +62 812 3456 7890"]
    assert dialog.result() == AgencyDialog.DialogCode.Accepted
    with Session(other_desk) as session:
        saved = agency.get_agency_profile(session=session)
    assert (saved.name, saved.phone) == stored
