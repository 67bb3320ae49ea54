"""A desk that leaks nothing.

The canary: a client login's password is planted through the app's own service, then everything
that writes runs (database with its -wal, backups, logs at DEBUG, the command line's JSON and text
outputs, a chat import, the PDF report, the crash report, reveal and copy with the clipboard after
its timeout) and the password must appear in none of it. A message body planted the same way must
not reach the log either. Also here: private file modes on POSIX.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sqlite3
import stat
import sys
import traceback
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.errors import PasswordSetError
from keyring_memory import MemoryKeyring
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from agencydesk import paths
from agencydesk.__main__ import main
from agencydesk.core import backup, clients, credentials, demo, migrate, tickets
from agencydesk.core.credentials import CredentialsUnavailable
from agencydesk.core.db import session_scope, sqlite_url
from agencydesk.log import setup_logging

#: the password (two: the first one, and the one that replaces it) and a message body
CANARY = "Canary" + secrets.token_hex(8)
CANARY_2 = "Canary" + secrets.token_hex(8)
BODY = "Bodycanary" + secrets.token_hex(8)
SECRETS = (CANARY, CANARY_2)

CHAT = (
    "30/08/25 18.01 - Ibu Ratna Wulandari: Mas, websitenya error lagi\n"
    f"30/08/25 18.03 - Rudi: Baik Bu, saya cek dulu {BODY}\n"
)


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def leaks_in_bytes(data: bytes, planted: Iterable[str] = SECRETS) -> list[str]:
    return [p for p in planted if any(form in data for form in _encodings(p))]


def leaks_in_files(root: Path, planted: Iterable[str] = SECRETS) -> dict[str, list[str]]:
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            hits = leaks_in_bytes(path.read_bytes(), planted)
            if hits:
                found[str(path)] = hits
    return found


def test_the_scanner_finds_a_planted_canary(tmp_path: Path) -> None:
    """The control: where the canary is, the scan says so (in every encoding it checks)."""
    for index, form in enumerate(_encodings(CANARY)):
        (tmp_path / f"control-{index}.bin").write_bytes(b"x" + form + b"y")
    assert len(leaks_in_files(tmp_path)) == 3


def test_the_password_appears_nowhere(
    qtbot: QtBot,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QGuiApplication

    from agencydesk.qt.clients.client_credentials import ClientCredentialsView
    from agencydesk.qt.common.dialogs import ErrorDialog, bug_details
    from agencydesk.reports.content import ReportOptions, build_report_content
    from agencydesk.reports.pdf import render_report_pdf

    outputs: list[str] = []  # everything printed or shown, to scan at the end
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    setup_logging(logging.DEBUG, folder=log_dir)
    logging.getLogger("agencydesk.test").debug("debug logging is on")

    # -- plant the password and a message body through the services ---------------------------
    db = tmp_path / "desk" / "agencydesk.sqlite3"
    engine = migrate.open_database(sqlite_url(db))
    with session_scope(engine) as session:
        ratna = demo.load_demo(session=session)["ratna"]
        ticket = tickets.create_ticket(
            session=session, client_id=ratna, values={"title": "cPanel password reset"}
        )
        assert ticket.id is not None
        tickets.add_message(session=session, ticket_id=ticket.id, body=BODY, from_me=False)
        login = credentials.add_credential(
            session=session,
            client_id=ratna,
            values={
                "label": "cPanel",
                "url": "https://katering-ratna.id:2083",
                "username": "ratnakat",
                "notes": "hosting renews in March",
            },
            secret=CANARY,
        )
    with session_scope(engine) as session:
        credentials.update_credential(
            session=session, credential_id=login.id, values={}, secret=CANARY_2
        )
    with session_scope(engine) as session:
        assert credentials.get_secret(session=session, credential_id=login.id) == CANARY_2
        lines = tickets.conversation(session=session, ticket_id=ticket.id)
        assert [line.body for line in lines] == [BODY]  # read back while logging at DEBUG
    # the old password was replaced in the keyring, not kept beside the new one
    assert sorted(memory_keyring.entries.values()) == [CANARY_2]

    # -- backups, with the app's connection open (so the -wal file exists) ----------------------
    with Session(engine) as session:
        clients.list_clients(session=session)
        assert (db.parent / (db.name + "-wal")).exists()
        assert leaks_in_files(db.parent) == {}
        backup.make_backup(db, reason="manual")

    # -- the window: reveal, copy, clipboard after the timeout --------------------------------
    view = ClientCredentialsView(engine)
    qtbot.addWidget(view)
    view.REVEAL_MS = 200
    view.CLEAR_CLIPBOARD_MS = 200
    view.show()
    view.show_client(ratna)
    # the logins are read in a worker: Reveal is there once the login is listed and chosen
    qtbot.waitUntil(view.reveal_button.isEnabled)
    view.reveal_button.click()
    qtbot.waitUntil(lambda: view.secret_field.text() == CANARY_2)
    qtbot.waitUntil(lambda: view.secret_field.text() == "", timeout=3000)
    clipboard = QGuiApplication.clipboard()
    view.copy_button.click()
    qtbot.waitUntil(lambda: clipboard.text() == CANARY_2)
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    mime = clipboard.mimeData()
    for fmt in mime.formats() if mime is not None else []:
        assert leaks_in_bytes(bytes(mime.data(fmt))) == [], fmt
    outputs += [view.secret_field.text(), view.message.text(), view.notes_label.text()]

    # -- the crash report: a bug right after the password was read ----------------------------
    def buggy() -> None:
        with Session(engine) as session:
            password = credentials.get_secret(session=session, credential_id=login.id)
        raise RuntimeError(f"a bug after reading {len(password)} characters")

    try:
        buggy()
    except RuntimeError as exc:
        formatted = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        details = bug_details(exc, formatted)
        logging.getLogger("agencydesk.qt.shell.excepthook").error("Unexpected error\n%s", formatted)
    report = ErrorDialog(details)
    qtbot.addWidget(report)
    report.copy_details()
    outputs += [report.details_view.toPlainText(), clipboard.text()]
    clipboard.clear()

    # -- the PDF report of the client ---------------------------------------------------------
    pdf_path = tmp_path / "exports" / "ratna.pdf"
    pdf_path.parent.mkdir()
    with Session(engine) as session:
        content = build_report_content(
            session=session,
            client_id=ratna,
            options=ReportOptions(start=date(2020, 1, 1), end=date.today(), excerpts=True),
        )
    render_report_pdf(content, pdf_path)
    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "Ratna" in pdf_text
    outputs.append(pdf_text)
    engine.dispose()

    # -- the command line: lists, JSON, search, chat import, backup -----------------------------
    chat = tmp_path / "exports" / "WhatsApp Chat with Ibu Ratna.txt"
    chat.write_text(CHAT, encoding="utf-8")
    on_db = ["--db", str(db)]
    commands = [
        ["creds", "list", "Ratna", *on_db],
        ["creds", "list", "Ratna", "--json", *on_db],
        ["search", "cPanel", *on_db],
        ["search", CANARY, *on_db],
        ["search", "ratnakat", *on_db],
        ["import-chat", str(chat), "--dry-run", "--json"],
        ["import-chat", str(chat), "--dry-run"],
        ["import-chat", str(chat), "--client", "Ratna", "--me", "Rudi", *on_db],
        ["backup", *on_db],
    ]
    for command in commands:
        monkeypatch.setattr(sys, "stdin", None)
        code = main(command)
        out, err = capsys.readouterr()
        assert code == 0, (command, err)
        outputs += [out, err]
        if command[-1] == "--json" and command[0] == "creds":
            assert json.loads(out.splitlines()[0])["label"] == "cPanel"

    # -- nowhere -------------------------------------------------------------------------------
    assert [text for text in outputs if leaks_in_bytes(text.encode("utf-8"))] == []
    assert leaks_in_files(tmp_path) == {}
    assert leaks_in_files(Path(paths.log_dir())) == {}  # where the commands logged
    assert leaks_in_files(Path(os.environ["XDG_CONFIG_HOME"])) == {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:  # and not hidden in a table
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            assert leaks_in_bytes(repr(rows).encode()) == [], table
    # the message body is in the database, but in no log, even at DEBUG
    logs = [*log_dir.rglob("*"), *Path(paths.log_dir()).rglob("*")]
    assert logs
    assert "debug logging is on" in (log_dir / "agencydesk.log").read_text()
    for path in logs:
        assert leaks_in_bytes(path.read_bytes(), [BODY, *SECRETS]) == [], path


def test_a_keyring_error_never_repeats_the_password_anywhere(
    engine: object, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    class Chatty(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise PasswordSetError(f"cannot store {password!r} for {username}")

    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    setup_logging(logging.DEBUG, folder=log_dir)
    keyring.set_keyring(Chatty())
    from sqlalchemy.engine import Engine

    assert isinstance(engine, Engine)
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
    with pytest.raises(CredentialsUnavailable) as raised, session_scope(engine) as session:
        credentials.add_credential(
            session=session, client_id=client.id or 0, values={"label": "cPanel"}, secret=CANARY
        )
    shown = str(raised.value)
    assert "keyring could not save" in shown
    assert CANARY not in shown
    formatted = "".join(traceback.format_exception(raised.value))
    assert CANARY not in formatted
    assert leaks_in_files(log_dir) == {}


# --- private files ----------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_database_backups_and_logs_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the usual umask, which would make files world-readable
    try:
        db = tmp_path / "new folder" / "agencydesk.sqlite3"
        engine = migrate.open_database(sqlite_url(db))
        with session_scope(engine) as session:
            clients.create_client(session=session, values={"name": "Ibu Ratna"})
        with Session(engine) as session:
            clients.list_clients(session=session)
            for name in (db.name, db.name + "-wal", db.name + "-shm"):
                assert _mode(db.parent / name) == 0o600, name
            assert _mode(db.parent) == 0o700
            made = backup.make_backup(db)
        engine.dispose()
        assert _mode(made) == 0o600
        assert _mode(made.parent) == 0o700
        assert _mode(paths.data_dir()) == 0o700
        log_path = setup_logging()
        assert _mode(log_path) == 0o600
        assert _mode(log_path.parent) == 0o700
        log_path.chmod(0o644)  # a log from an older version
        setup_logging()
        assert _mode(log_path) == 0o600
    finally:
        os.umask(old_umask)


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_the_report_and_the_settings_file_are_private_too(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    """Both used to be written 0644 (readable by every user of the computer)."""
    from PySide6.QtCore import QSettings

    from agencydesk.qt.shell.settings import Settings
    from agencydesk.reports.content import ReportOptions, build_report_content
    from agencydesk.reports.pdf import render_report_pdf

    old_umask = os.umask(0o022)
    try:
        engine = migrate.open_database(sqlite_url(db_path))
        with session_scope(engine) as session:
            ratna = demo.load_demo(session=session)["ratna"]
        with Session(engine) as session:
            content = build_report_content(
                session=session,
                client_id=ratna,
                options=ReportOptions(start=date(2020, 1, 1), end=date.today()),
            )
        engine.dispose()
        pdf_path = tmp_path / "ratna.pdf"
        render_report_pdf(content, pdf_path)
        assert _mode(pdf_path) == 0o600
        settings_path = tmp_path / "config" / "agencydesk" / "agencydesk.conf"
        settings = Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))
        settings.language = "id"
        settings.sync()
        assert _mode(settings_path) == 0o600
        assert Settings(QSettings(str(settings_path), QSettings.Format.IniFormat)).language == "id"
    finally:
        os.umask(old_umask)


def test_database_errors_do_not_quote_what_was_written(engine: object) -> None:
    """An error's text (shown in a bug report, written to the log) has the SQL, not the values."""
    import sqlalchemy as sa

    from agencydesk.core.models import Credential

    assert isinstance(engine, sa.engine.Engine)
    with pytest.raises(sa.exc.IntegrityError) as raised, session_scope(engine) as session:
        session.add(Credential(client_id=999, label=BODY, secret_ref=CANARY))  # no client 999
    assert "FOREIGN KEY" in str(raised.value)
    assert BODY not in str(raised.value)
    assert CANARY not in str(raised.value)
