"""Sentences from the core in an Indonesian window: a desk written by a newer agencydesk, a
server the desks' role may not upgrade, a move into a server database that already holds a
desk. The core raises them with a kind (`core.errors.SaidError`); the window says them in its
language (`qt.common.core_sentences`), the command line in English."""

from __future__ import annotations

import errno
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine, make_url

from agencydesk.core import migrate
from agencydesk.core.errors import SaidError, user_error_for
from agencydesk.core.server_address import ServerAddress
from agencydesk.core.server_init import prepare_server
from agencydesk.core.server_move import move_to_server
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.shell.connect_dialog import ConnectDialog
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings


def _admin_run(url: str, *statements: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


def _said_at_opening(qtbot: QtBot, settings: Settings, dialogs: DialogAnswerer, path: Path) -> str:
    """What the window says when it opens *path* as its desk and cannot."""
    window = MainWindow(settings, path)
    qtbot.addWidget(window)
    window.show()
    dialogs.click(QMessageBox.StandardButton.Ok)
    window.open_database()
    qtbot.waitUntil(lambda: dialogs.done, timeout=20_000)
    window.close()
    return dialogs.texts[0]


def test_a_desk_from_a_newer_agencydesk_is_refused_in_indonesian(
    qtbot: QtBot, engine_db: Path, settings: Settings, dialogs: DialogAnswerer, indonesian: str
) -> None:
    with sqlite3.connect(engine_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert _said_at_opening(qtbot, settings, dialogs, engine_db) == (
        "Basis data ini ditulis oleh agencydesk versi yang lebih baru (skema 9999). Perbarui "
        "agencydesk untuk membukanya."
    )


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"Catatan belanja: kopi, gula", "bukan basis data sama sekali"),
        (None, "berisi tabel milik program lain"),
    ],
)
def test_a_file_that_is_no_desk_is_refused_in_indonesian(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    dialogs: DialogAnswerer,
    indonesian: str,
    content: bytes | None,
    said: str,
) -> None:
    """A note or another program's database opened as the desk: said in the window's language
    (it was the one English sentence of an Indonesian start)."""
    path = tmp_path / "catatan.sqlite3"
    if content is None:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        connection.close()
    else:
        path.write_bytes(content)
    text = _said_at_opening(qtbot, settings, dialogs, path)
    assert text.startswith(f"{path} bukan basis data agencydesk")
    assert said in text
    assert "Pilih file lain" in text


def _connect(qtbot: QtBot, url: str, user: str) -> str:
    parsed = make_url(url)
    address = ServerAddress(
        host=parsed.host or "", port=parsed.port or 5432, database=parsed.database or "", user=user
    )
    dialog = ConnectDialog(address)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.connect_button.isEnabled(), timeout=5_000)
    qtbot.waitUntil(dialog.connect_button.isEnabled, timeout=20_000)  # "Connecting…" ended
    return dialog.problem.text()


def test_a_newer_schema_on_the_server_is_refused_in_indonesian(
    qtbot: QtBot, pg_url: str, indonesian: str
) -> None:
    migrate.open_database(pg_url).dispose()
    _admin_run(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    said = _connect(qtbot, pg_url, make_url(pg_url).username or "")
    assert said.startswith("Basis data ini ditulis oleh agencydesk versi yang lebih baru")


@pytest.fixture
def desk_role(pg_url: str) -> Iterator[str]:
    role = f"agencydesk_desk_{uuid.uuid4().hex[:8]}"
    yield role
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"
        )
        if connection.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").first():
            connection.exec_driver_sql(f'DROP OWNED BY "{role}"')
            connection.exec_driver_sql(f'DROP ROLE "{role}"')
    admin.dispose()


def test_the_desks_role_refused_an_upgrade_in_indonesian(
    qtbot: QtBot, pg_url: str, desk_role: str, indonesian: str
) -> None:
    prepare_server(pg_url, role=desk_role)
    _admin_run(pg_url, "UPDATE alembic_version SET version_num = '0006'")  # an older schema
    said = _connect(qtbot, pg_url, desk_role)
    database = make_url(pg_url).database
    assert said.startswith(
        f"Basis data server {database} perlu ditingkatkan ke versi agencydesk ini (skema 0006 ke "
    )
    assert f"{desk_role} boleh membaca dan menulis meja kerja" in said


def test_a_move_into_a_desk_with_data_is_refused_in_indonesian(
    demo_engine: Engine, db_path: Path, pg_url: str, dialogs: DialogAnswerer, indonesian: str
) -> None:
    demo_engine.dispose()
    move_to_server(db_path, pg_url)
    with pytest.raises(SaidError) as refused:
        move_to_server(db_path, pg_url)
    assert "already holds a desk" in str(refused.value)  # the command line's English
    dialogs.click(QMessageBox.StandardButton.Ok)
    report_exception(None, refused.value)  # as a window shows any UserError
    database = make_url(pg_url).database
    assert dialogs.texts[0].startswith(
        f"Basis data server {database} sudah berisi meja kerja (baris di client: 10"
    )


def test_every_sentence_of_the_core_is_said_in_indonesian(indonesian: str) -> None:
    """Each kind the core raises has its Indonesian sentence, with the same {names} to fill in:
    a kind left out is said in English in an Indonesian window (the disk being full, a row
    deleted on another desk, a backup that cannot be restored were)."""
    import string

    from agencydesk.core.errors import SENTENCES
    from agencydesk.qt.common.core_sentences import _sentences

    said = _sentences()
    assert set(said) == set(SENTENCES)

    def names(text: str) -> set[str]:
        return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}

    for kind, english in SENTENCES.items():
        assert said[kind] != english, kind
        assert names(said[kind]) == names(english), kind


def test_a_full_disk_is_said_in_indonesian(
    qtbot: QtBot, dialogs: DialogAnswerer, indonesian: str
) -> None:
    """What the environment did to a write (here the disk full, as SQLite or the OS says it)
    is said in the window's language, the command line's English kept in the error."""
    import errno

    from agencydesk.core.errors import DISK_FULL

    dialogs.click(QMessageBox.StandardButton.Ok)
    full = user_error_for(OSError(errno.ENOSPC, "No space left on device"))
    assert full is not None
    assert str(full) == DISK_FULL
    report_exception(None, full)
    assert dialogs.texts == [
        "Disk penuh: tidak ada yang disimpan. Kosongkan sebagian ruang di disk tempat basis data "
        "berada (ekspor lama, unduhan, tempat sampah), lalu coba lagi."
    ]


def test_the_systems_reason_a_file_was_not_written_is_said_in_indonesian(
    tmp_path: Path, indonesian: str
) -> None:
    """The reason inside the sentence was the operating system's English: "… tidak dapat
    ditulis: No such file or directory."."""
    import os

    from agencydesk.core.files import write_text_atomically
    from agencydesk.qt.common.core_sentences import user_text

    out = tmp_path / "gone" / "jam Ratna.csv"
    with pytest.raises(SaidError) as raised:
        write_text_atomically(out, "month,billable_hours,other_hours\n")
    assert os.strerror(errno.ENOENT) in str(raised.value)  # the command line's English
    said = user_text(raised.value)
    assert "File atau folder tidak ada" in said
    assert os.strerror(errno.ENOENT) not in said
    full = SaidError("file_not_written", path=str(out), why=os.strerror(errno.ENOSPC))
    assert "Ruang disk sudah penuh" in user_text(full)


def test_the_systems_reason_stays_its_own_in_english(language: str) -> None:
    import os

    from agencydesk.qt.common.core_sentences import user_text

    said = user_text(SaidError("file_not_written", path="x.csv", why=os.strerror(errno.EROFS)))
    assert (os.strerror(errno.EROFS) in said) == (language == "en")


def test_a_ticket_restored_before_its_client_is_refused_in_indonesian(
    engine: Engine, indonesian: str
) -> None:
    """The trash's refusal names the client in the window's language."""
    from agencydesk.core import clients, tickets, trash
    from agencydesk.core.db import session_scope
    from agencydesk.qt.common.core_sentences import user_text

    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Sari"})
        assert client.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": "Web"}
        )
        assert ticket.id is not None
        trash.trash_ticket(session=session, ticket_id=ticket.id)
        clients.delete_client(session=session, client_id=client.id)
    with pytest.raises(SaidError) as refused, session_scope(engine) as session:
        trash.restore(session=session, kind="ticket", row_id=ticket.id)
    assert user_text(refused.value) == (
        "Kliennya, Ibu Sari, juga ada di tempat sampah: pulihkan kliennya dulu."
    )


def test_a_folder_given_as_the_desk_is_refused_in_indonesian(
    qtbot: QtBot, tmp_path: Path, settings: Settings, dialogs: DialogAnswerer, indonesian: str
) -> None:
    """What the desk file cannot be (a folder, unreadable, read-only) is said in the window's
    language at start-up, where it was English."""
    folder = tmp_path / "meja.sqlite3"
    folder.mkdir()
    assert _said_at_opening(qtbot, settings, dialogs, folder) == (
        f"{folder} adalah folder, bukan file basis data. Berikan filenya sendiri, misalnya "
        f"{folder / 'agencydesk.sqlite3'}."
    )


def test_a_server_gone_while_working_is_said_in_indonesian(
    qtbot: QtBot, dialogs: DialogAnswerer, indonesian: str
) -> None:
    """A read or write that met a team server gone away (not one tried again, which says its
    own sentence) was reported in the command line's English."""
    import psycopg

    from agencydesk.core.errors import user_error_for

    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect("postgresql://postgres@127.0.0.1:1/postgres", connect_timeout=2)
    dialogs.click(QMessageBox.StandardButton.Ok)
    report_exception(None, refused.value)
    assert len(dialogs.texts) == 1
    assert "127.0.0.1:1" in dialogs.texts[0]
    english = user_error_for(refused.value)
    assert english is not None
    assert dialogs.texts[0] != str(english)


def test_a_cut_off_desk_is_said_damaged_in_indonesian(
    qtbot: QtBot,
    tmp_path: Path,
    demo_db: Path,
    settings: Settings,
    dialogs: DialogAnswerer,
    indonesian: str,
) -> None:
    """A desk file cut off or overwritten names the backup to copy over it (or that there is
    none) in the window's language, SQLite's own words kept as they are; it was English."""
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(demo_db.read_bytes()[:20_000])
    said = _said_at_opening(qtbot, settings, dialogs, cut)
    assert said.startswith(f"{cut} rusak: terpotong atau tertimpa (kata SQLite: ")
    assert f"Tidak ada cadangan yang baik di {tmp_path / 'backups'}" in said
    (tmp_path / "backups").mkdir()
    kept = tmp_path / "backups" / "cut-20261205-080000-daily.sqlite3"
    kept.write_bytes(demo_db.read_bytes())
    said = _said_at_opening(qtbot, settings, DialogAnswerer(), cut)
    assert said.startswith(f"{cut} rusak: terpotong atau tertimpa")
    assert f"Pulihkan cadangan baik yang terbaru: salin {kept} untuk menimpanya" in said


def test_a_desk_that_fails_its_check_is_said_damaged_in_indonesian(
    demo_db: Path, indonesian: str
) -> None:
    """The check at every start (and before a backup) names the good backup to restore, and
    the damaged copy kept apart, in the window's language; it was English."""
    from damaged_page import damage_a_page

    from agencydesk.core import backup
    from agencydesk.qt.common.core_sentences import user_text

    good = backup.make_backup(demo_db, reason="daily")
    damage_a_page(demo_db)
    with pytest.raises(backup.DamagedDatabaseError) as refused:
        backup.make_backup(demo_db, reason="manual")
    english = str(refused.value)
    assert english.startswith(f"The database {demo_db} is damaged (SQLite's check says: ")
    assert f"Restore the newest good backup, {good.name}" in english
    said = user_text(refused.value)
    assert said.startswith(f"Basis data {demo_db} rusak (kata pemeriksaan SQLite: ")
    assert "Salinannya disimpan terpisah sebagai " in said
    assert f"Pulihkan cadangan baik yang terbaru, {good.name}" in said
    good.unlink()
    with pytest.raises(backup.DamagedDatabaseError) as refused:
        backup.check_database(demo_db)
    said = user_text(refused.value)
    assert "disimpan terpisah" not in said
    assert "Tidak ada cadangan yang baik untuk dipulihkan" in said


def test_too_many_backups_in_one_second_are_said_in_indonesian(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, indonesian: str
) -> None:
    from agencydesk.core import backup
    from agencydesk.qt.common.core_sentences import user_text

    def taken(_source: object, _target: object) -> None:
        raise FileExistsError

    monkeypatch.setattr(backup.os, "link", taken)  # every name of this second is taken
    with pytest.raises(SaidError) as refused:
        backup.make_backup(demo_db, reason="manual")
    folder = demo_db.parent / "backups"
    assert str(refused.value) == (
        f"Could not make a backup in {folder}: too many backups this second."
    )
    assert user_text(refused.value) == (
        f"Tidak dapat membuat cadangan di {folder}: terlalu banyak cadangan dalam detik ini."
    )


def test_a_failed_upgrade_is_said_in_indonesian(
    qtbot: QtBot, engine_db: Path, settings: Settings, dialogs: DialogAnswerer, indonesian: str
) -> None:
    """An upgrade that cannot apply says the desk was left as it was, and names the backup
    made before it, in the window's language; it was English."""
    with sqlite3.connect(engine_db) as connection:  # an upgrade whose table is already there
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    connection.close()
    said = _said_at_opening(qtbot, settings, dialogs, engine_db)
    assert said.startswith(
        f"Gagal memperbarui basis data {engine_db} ke versi agencydesk ini (OperationalError)"
    )
    assert "dibiarkan persis seperti semula" in said
    assert "before-upgrade" in said


@pytest.mark.qt_log_ignore("QPainter::begin\\(\\): Returned false")
def test_a_report_whose_folder_went_while_it_was_written_is_said_in_indonesian(
    demo_engine: Engine, tmp_path: Path, dialogs: DialogAnswerer, indonesian: str
) -> None:
    """Qt's PDF writer could not open the report's file (its folder gone meanwhile: a USB disk
    pulled out): the window said the command line's English."""
    import shutil

    from sqlmodel import Session, select

    from agencydesk.core.models import Client
    from agencydesk.reports import pdf
    from agencydesk.reports.content import ReportOptions, build_report_content

    with Session(demo_engine) as session:
        client = session.exec(select(Client).order_by(Client.id)).first()
        assert client is not None
        assert client.id is not None
        content = build_report_content(
            session=session,
            client_id=client.id,
            options=ReportOptions(start=date(2020, 1, 1), end=date(2030, 12, 31)),
        )
    folder = tmp_path / "usb"
    folder.mkdir()

    def pulled_out(_done: int, _total: int) -> None:
        shutil.rmtree(folder, ignore_errors=True)  # before the first page is drawn

    with pytest.raises(SaidError) as refused:
        pdf.render_report_pdf(content, folder / "Laporan.pdf", progress=pulled_out)
    assert str(refused.value) == f"The report cannot be written to {folder}."
    dialogs.click(QMessageBox.StandardButton.Ok)
    report_exception(None, refused.value)
    assert dialogs.texts == [f"Laporan tidak dapat ditulis ke {folder}."]


@pytest.mark.qt_log_ignore("QPainter::begin\\(\\): Returned false")
def test_a_receipt_qt_cannot_write_is_said_in_indonesian(
    qapp: object, engine: Engine, tmp_path: Path, indonesian: str
) -> None:
    from sqlmodel import Session

    from agencydesk.core import clients, orders, receipts
    from agencydesk.core.db import session_scope
    from agencydesk.qt.common.core_sentences import user_text
    from agencydesk.reports import receipt_pdf
    from agencydesk.reports.receipt import build_receipt_content

    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Toko Kue Sari"})
        assert client.id is not None
        order = orders.create_order(
            session=session,
            client_id=client.id,
            values={"title": "Logo", "amount": 750_000, "status": "paid"},
        )
        assert order.id is not None
        issued = receipts.issue_receipt(session=session, order_id=order.id, today=date(2026, 12, 4))
    with Session(engine) as session:
        content = build_receipt_content(session=session, receipt_id=issued.id)
    gone = tmp_path / "gone"
    with pytest.raises(SaidError) as refused:
        receipt_pdf._write(content, gone / "Kuitansi.pdf")  # the writer's own file, unopenable
    assert str(refused.value) == f"The receipt cannot be written to {gone}."
    assert user_text(refused.value) == f"Kuitansi tidak dapat ditulis ke {gone}."


def test_a_desk_whose_folder_is_a_file_is_refused_in_indonesian(
    qtbot: QtBot, tmp_path: Path, settings: Settings, dialogs: DialogAnswerer, indonesian: str
) -> None:
    notes = tmp_path / "catatan.txt"
    notes.write_text("kopi, gula")
    path = notes / "agencydesk.sqlite3"
    assert _said_at_opening(qtbot, settings, dialogs, path) == (
        f"{path} tidak dapat dibuat: {notes} adalah file, bukan folder. Berikan file basis data "
        "yang ada di dalam folder."
    )


def test_a_ticket_restored_twice_and_a_ticket_of_another_client_are_said_in_indonesian(
    engine: Engine, indonesian: str
) -> None:
    """Restored meanwhile in another window (or on another desk of the team); a follow-up on a
    ticket that is no longer the client's."""
    from datetime import UTC, datetime

    from agencydesk.core import clients, follow_ups, tickets, trash
    from agencydesk.core.db import session_scope
    from agencydesk.qt.common.core_sentences import user_text

    with session_scope(engine) as session:
        sari = clients.create_client(session=session, values={"name": "Ibu Sari"})
        budi = clients.create_client(session=session, values={"name": "Pak Budi"})
        assert sari.id is not None
        assert budi.id is not None
        ticket = tickets.create_ticket(session=session, client_id=sari.id, values={"title": "Web"})
        assert ticket.id is not None
        trash.trash_ticket(session=session, ticket_id=ticket.id)
    with session_scope(engine) as session:
        trash.restore(session=session, kind="ticket", row_id=ticket.id)
    with pytest.raises(SaidError) as refused, session_scope(engine) as session:
        trash.restore(session=session, kind="ticket", row_id=ticket.id)
    assert str(refused.value) == f"There is no ticket #{ticket.id} in the trash."
    assert user_text(refused.value) == f"Tidak ada tiket #{ticket.id} di tempat sampah."
    with pytest.raises(SaidError) as refused, session_scope(engine) as session:
        follow_ups.set_follow_up(
            session=session,
            client_id=budi.id,
            due_at=datetime(2026, 12, 7, 9, tzinfo=UTC),
            ticket_id=ticket.id,
        )
    assert str(refused.value) == "That ticket does not belong to this client."
    assert user_text(refused.value) == "Tiket itu bukan milik klien ini."


def test_a_snapshot_that_cannot_be_written_is_said_in_indonesian(
    tmp_path: Path, mount: Callable[[str], Path], indonesian: str
) -> None:
    """File ▸ Back up now on a team desk (and the snapshot before a restore): where the
    snapshot cannot go is said before the server is asked anything."""
    import subprocess

    from agencydesk.core.server_export import export_snapshot
    from agencydesk.qt.common.core_sentences import user_text

    url = "postgresql+psycopg://sari@db.example.com/agency"
    taken = tmp_path / "agency-20261207-090000-manual.sqlite3"
    taken.write_bytes(b"")
    with pytest.raises(SaidError) as refused:
        export_snapshot(url, taken)
    assert user_text(refused.value) == (
        f"{taken} sudah ada; pilih nama file baru (file yang ada tidak ditimpa)."
    )
    with pytest.raises(SaidError) as refused:
        export_snapshot(url, tmp_path / "snapshots" / "agency.sqlite3")
    assert user_text(refused.value) == (
        f"Tidak ada folder {tmp_path / 'snapshots'} untuk menulis snapshot."
    )
    read_only = mount("1m")
    subprocess.run(["mount", "-o", "remount,ro", str(read_only)], check=True)
    with pytest.raises(SaidError) as refused:
        export_snapshot(url, read_only / "agency.sqlite3")
    assert "it is on a read-only disk" in str(refused.value)  # the command line's English
    assert user_text(refused.value) == (
        f"Snapshot tidak dapat ditulis di {read_only}: letaknya di disk hanya-baca. Tidak ada "
        "yang ditulis; pilih folder yang bisa Anda tulisi."
    )


def test_a_snapshot_the_server_cannot_take_is_refused_in_indonesian(
    demo_engine: Engine, db_path: Path, tmp_path: Path, pg_url: str, indonesian: str
) -> None:
    """File ▸ Restore a snapshot… with a file that is no snapshot, one of another version, and
    one holding a name too long for the server's column (a solo desk, lenient SQLite)."""
    from agencydesk.core.server_move import restore_snapshot
    from agencydesk.qt.common.core_sentences import user_text

    note = tmp_path / "catatan.sqlite3"
    note.write_bytes(b"Catatan belanja: kopi, gula")
    with pytest.raises(SaidError) as refused:
        restore_snapshot(note, pg_url)
    assert user_text(refused.value) == (
        f"{note} bukan snapshot agencydesk (tidak ada meja kerja di dalamnya)."
    )
    demo_engine.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE client SET name = ? WHERE id = 3", ("Sari " * 40,))
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    connection.close()
    with pytest.raises(SaidError) as refused:
        restore_snapshot(db_path, pg_url)
    assert user_text(refused.value).startswith(
        f"{db_path} ditulis oleh agencydesk versi lain (skema 0003). Buka sekali di aplikasi solo"
    )
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
    with pytest.raises(SaidError) as refused:
        restore_snapshot(db_path, pg_url)
    assert str(refused.value).startswith(  # the command line's English, as it was
        "A row of client (row 3 in id order) cannot be stored on the server: value too long"
    )
    said = user_text(refused.value)
    assert said.startswith(
        "Baris ke-3 di tabel client (menurut urutan id) tidak dapat disimpan di server: value "
        "too long"
    )
    assert said.endswith(
        "Tidak ada yang disalin; perbaiki baris itu di meja kerja solo, lalu coba lagi."
    )
