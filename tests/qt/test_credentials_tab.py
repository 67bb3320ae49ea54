"""The client's Logins tab, driven as a user would, with the in-memory keyring (or none)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyring_memory import MemoryKeyring
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, credentials, secret_ledger
from agencydesk.core.db import session_scope
from agencydesk.core.models import Credential
from agencydesk.qt.clients.client_credentials import ClientCredentialsView
from agencydesk.qt.clients.credential_form import CredentialFormDialog
from agencydesk.qt.clients.secret_clipboard import KDE_SECRET_HINT
from agencydesk.qt.shell.main_window import MainWindow

SECRET = "Katering#2083"


@pytest.fixture
def client_id(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        return client.id


def add_login(
    engine: Engine, client_id: int, label: str, secret: str = SECRET, **values: str
) -> int:
    with session_scope(engine) as session:
        return credentials.add_credential(
            session=session, client_id=client_id, values={"label": label, **values}, secret=secret
        ).id


def open_view(qtbot: QtBot, engine: Engine, client_id: int) -> ClientCredentialsView:
    view = ClientCredentialsView(engine)
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.show()
    view.show_client(client_id)
    qtbot.waitUntil(lambda: view.status is not None and view.listed_client_id == client_id)
    return view


def labels(view: ClientCredentialsView) -> list[str]:
    return [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]


def test_add_a_login_through_the_dialog(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    view = open_view(qtbot, engine, client_id)
    assert view.empty_label.isVisible()
    assert "memory (tests)" in view.footnote.text()

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, CredentialFormDialog)
        assert widget.secret.echoMode() == widget.secret.EchoMode.Password
        save = widget.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.click()  # nothing typed yet: told next to the fields, nothing saved
        assert widget.findChild(QWidget, "error_label").isVisible()
        assert widget.findChild(QWidget, "error_secret").isVisible()
        qtbot.keyClicks(widget.label, "cPanel")
        widget.url.setText("https://katering-ratna.id:2083")
        widget.username.setText("ratna")
        qtbot.keyClicks(widget.secret, SECRET)
        widget.show_secret.setChecked(True)
        assert widget.secret.echoMode() == widget.secret.EchoMode.Normal
        save.click()

    dialogs.then(fill)
    view.add_button.click()
    assert dialogs.done
    qtbot.waitUntil(lambda: labels(view) == ["cPanel"])  # read in a worker
    item = view.tree.topLevelItem(0)
    assert (item.text(1), item.text(2)) == ("ratna", "https://katering-ratna.id:2083")
    assert list(memory_keyring.entries.values()) == [SECRET]
    assert not view.empty_label.isVisible()
    assert view.secret_field.text() == ""  # not shown until asked for


def test_editing_without_typing_a_password_keeps_it(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    add_login(engine, client_id, "cPanel", username="ratna")
    view = open_view(qtbot, engine, client_id)

    def rename(widget: QWidget) -> None:
        assert isinstance(widget, CredentialFormDialog)
        assert widget.secret.text() == ""
        assert "unchanged" in widget.secret.placeholderText()
        widget.label.setText("cPanel (Niagahoster)")
        widget.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    dialogs.then(rename)
    view.edit_button.click()
    assert dialogs.done
    qtbot.waitUntil(lambda: labels(view) == ["cPanel (Niagahoster)"])  # read in a worker
    assert list(memory_keyring.entries.values()) == [SECRET]


def test_reveal_hides_the_password_again_after_the_timeout(
    qtbot: QtBot, engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    add_login(engine, client_id, "WordPress admin")
    view = open_view(qtbot, engine, client_id)
    view.REVEAL_MS = 300
    view.reveal_button.click()
    qtbot.waitUntil(lambda: view.secret_field.text() == SECRET)
    assert view.reveal_button.text() == "Hide"
    assert "Hidden again" in view.message.text()
    qtbot.waitUntil(lambda: view.secret_field.text() == "", timeout=3000)
    assert view.reveal_button.text() == "Reveal"
    assert not view.secret_shown
    # revealed, then the user switches to another tab: hidden at once
    view.REVEAL_MS = 60_000
    view.reveal_button.click()
    qtbot.waitUntil(lambda: view.secret_field.text() == SECRET)
    view.hide()
    assert view.secret_field.text() == ""
    assert not view.reveal_timer.isActive()


def test_copy_clears_the_clipboard_after_the_timeout_and_marks_it_secret(
    qtbot: QtBot, engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    add_login(engine, client_id, "cPanel")
    view = open_view(qtbot, engine, client_id)
    view.CLEAR_CLIPBOARD_MS = 300
    clipboard = QGuiApplication.clipboard()
    view.copy_button.click()
    qtbot.waitUntil(lambda: clipboard.text() == SECRET)
    assert bytes(clipboard.mimeData().data(KDE_SECRET_HINT)) == b"secret"
    assert "cleared in" in view.message.text()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    assert view.message.text() == "The clipboard was cleared."

    # Something else copied meanwhile is the user's own: it stays.
    view.copy_button.click()
    qtbot.waitUntil(lambda: clipboard.text() == SECRET)
    clipboard.setText("the menu for Friday")
    qtbot.wait(600)
    assert clipboard.text() == "the menu for Friday"


def test_delete_asks_and_says_the_keyring_entry_goes_too(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    add_login(engine, client_id, "cPanel")
    add_login(engine, client_id, "Domain registrar", "other")
    view = open_view(qtbot, engine, client_id)
    dialogs.click(QMessageBox.StandardButton.No)
    view.delete_button.click()
    qtbot.waitUntil(lambda: labels(view) == ["cPanel", "Domain registrar"])  # read in a worker
    dialogs.click(QMessageBox.StandardButton.Yes)
    view.delete_button.click()
    qtbot.waitUntil(lambda: labels(view) == ["Domain registrar"])
    assert "removed from your keyring too" in dialogs.texts[0]
    assert list(memory_keyring.entries.values()) == ["other"]


def test_without_a_keyring_the_tab_explains_and_disables(
    qtbot: QtBot, engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    add_login(engine, client_id, "cPanel", url="https://katering-ratna.id:2083")
    keyring.set_keyring(fail.Keyring())  # memory_keyring puts the previous one back afterwards
    view = open_view(qtbot, engine, client_id)
    assert view.banner.isVisible()
    assert "switched off" in view.banner_title.text()
    if view.status is not None and view.status.platform == "linux":
        assert "GNOME Keyring or KWallet" in view.banner_text.text()
    qtbot.waitUntil(lambda: labels(view) == ["cPanel"])  # the descriptions are still there
    for button in (
        view.add_button,
        view.edit_button,
        view.delete_button,
        view.reveal_button,
        view.copy_button,
    ):
        assert not button.isEnabled()
    assert view.open_button.isEnabled()
    # once a keyring is there, "Check again" switches the tab on
    keyring.set_keyring(memory_keyring)
    view.check_again.click()
    qtbot.waitUntil(lambda: not view.banner.isVisible())
    assert view.add_button.isEnabled()
    assert view.reveal_button.isEnabled()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_open_url_opens_web_addresses_only(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    add_login(engine, client_id, "cPanel", url="katering-ratna.id:2083")
    add_login(engine, client_id, "Trap", url="javascript:alert(1)")
    view = open_view(qtbot, engine, client_id)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("http", catcher, "open")
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        view.open_button.click()
        assert catcher.opened == ["http://katering-ratna.id:2083"]
        view.tree.setCurrentItem(view.tree.topLevelItem(1))
        dialogs.click(QMessageBox.StandardButton.Ok)
        view.open_button.click()
        assert dialogs.done
        assert "is not a web address" in dialogs.texts[0]
        assert len(catcher.opened) == 1
    finally:
        QDesktopServices.unsetUrlHandler("http")
        QDesktopServices.unsetUrlHandler("https")


def test_a_keyring_that_refuses_is_explained_and_nothing_is_saved(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    memory_keyring.broken = {"set"}
    form = CredentialFormDialog(engine, client_id)
    qtbot.addWidget(form)
    form.show()
    form.label.setText("cPanel")
    form.secret.setText(SECRET)
    dialogs.click(QMessageBox.StandardButton.Ok)
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialogs.done and not form.saving)
    assert "Unlock your keyring" in dialogs.texts[0]
    assert form.isVisible()
    assert form.saved_id is None
    assert form.secret.text() == SECRET
    with Session(engine) as session:
        assert credentials.list_credentials(session=session, client_id=client_id) == []
    memory_keyring.broken = set()
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: form.saved_id is not None)
    assert form.secret.text() == ""
    assert list(memory_keyring.entries.values()) == [SECRET]


def test_a_login_just_added_is_the_one_chosen(
    qtbot: QtBot,
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    dialogs: DialogAnswerer,
) -> None:
    """Her logins are read in a worker after the save: the new one is chosen once they come
    (choosing it before, among the rows still shown, found nothing)."""
    add_login(engine, client_id, "cPanel")
    add_login(engine, client_id, "Domain registrar")
    view = open_view(qtbot, engine, client_id)
    assert view.current_row() is not None
    assert view.current_row().label == "cPanel"  # type: ignore[union-attr]

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, CredentialFormDialog)
        qtbot.keyClicks(widget.label, "WordPress admin")
        qtbot.keyClicks(widget.secret, SECRET)
        widget.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    dialogs.then(fill)
    view.add_button.click()
    assert dialogs.done

    # the list may be read twice: for the save's change notice (keeping the row chosen), then
    # for the dialog's answer, which chooses the new login; the last one read wins
    def new_one_chosen() -> bool:
        row = view.current_row()
        return row is not None and row.label == "WordPress admin"

    qtbot.waitUntil(new_one_chosen)
    assert len(labels(view)) == 3


def test_a_copy_of_the_desk_opened_in_the_window_keeps_its_passwords_when_the_original_deletes(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    engine: Engine,
    db_path: Path,
    client_id: int,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    """A copy of a desk file names the same keyring entries as its original: once the window
    has opened the copy, deleting the login on the original leaves the copy's password."""
    login = add_login(engine, client_id, "cPanel")
    copy = tmp_path / "copy" / "agencydesk.sqlite3"
    copy.parent.mkdir()
    with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # a whole copy, as a file manager makes of a closed desk
    window = open_window(copy)
    ref = secret_ref(engine, login)
    qtbot.waitUntil(lambda: str(copy.resolve()) in secret_ledger.desks_of(ref))
    with session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=login)
    with Session(window.desk.engine) as session:
        assert credentials.get_secret(session=session, credential_id=login) == SECRET


def secret_ref(engine: Engine, login: int) -> str:
    with Session(engine) as session:
        credential = session.get(Credential, login)
        assert credential is not None
        return credential.secret_ref
