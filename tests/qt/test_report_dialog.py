"""Export report… and Settings ▸ Agency profile…, driven as a user drives them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import agency, clients
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Ticket
from agencydesk.qt.common.save_file import SAVE_FOLDER_KEY as REPORT_FOLDER_KEY
from agencydesk.qt.report.agency_dialog import AgencyDialog, logo_bytes
from agencydesk.qt.report.report_dialog import AGENCY_ASKED_KEY, ReportDialog
from agencydesk.qt.shell.main_window import MainWindow

Opener = Callable[[Path], MainWindow]


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _select(window: MainWindow, name: str) -> None:
    window.show_section("clients")  # the window opens on Today
    page = window.pages.clients
    assert page is not None
    model = page.model
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    page.table.selectRow(names.index(name))


def _type_name(dialog: QFileDialog, folder: Path, name: str) -> None:
    """As a user does: go to *folder*, type the name."""
    dialog.setDirectory(str(folder))
    line = dialog.findChild(QLineEdit, "fileNameEdit")
    assert line is not None
    line.setText(name)


@pytest.fixture
def no_report_folder() -> Iterator[None]:
    """No folder chosen yet; the agency profile was already asked for (or the test says)."""
    QSettings().remove(REPORT_FOLDER_KEY)
    QSettings().setValue(AGENCY_ASKED_KEY, True)
    yield
    QSettings().remove(REPORT_FOLDER_KEY)
    QSettings().remove(AGENCY_ASKED_KEY)


@pytest.fixture
def first_export(no_report_folder: None) -> None:
    """A desk that has never exported a report: the agency profile was never asked for."""
    QSettings().remove(AGENCY_ASKED_KEY)


@pytest.mark.usefixtures("inline_tasks")
def test_export_report_from_the_client_page(
    qtbot: QtBot,
    open_window: Opener,
    demo_db: Path,
    dialogs: DialogAnswerer,
    tmp_path: Path,
    first_export: None,
) -> None:
    window = open_window(demo_db)
    _select(window, "Ibu Ratna Wulandari")
    detail = window.pages.clients.detail  # type: ignore[union-attr]
    assert detail.report_button.isVisibleTo(window)
    folder = tmp_path / "reports"
    folder.mkdir()

    def choose_options(widget: QWidget) -> None:
        assert isinstance(widget, ReportDialog)
        assert widget.preset.currentData() == "last_month"
        assert widget.language.currentData() == "id"  # hers, though the desk speaks English
        assert widget.referrals.isChecked()
        widget.set_period(date(2024, 1, 1), date.today())
        assert widget.preset.currentData() == "custom"
        widget.excerpts.setChecked(True)
        QTimer.singleShot(0, widget.save_button.click)  # the first export: who is it from?

    def agency_first(widget: QWidget) -> None:
        assert isinstance(widget, AgencyDialog)
        assert widget.isVisible()
        qtbot.keyClicks(widget.name, "Budi Web Studio")
        qtbot.keyClicks(widget.phone, "+62 812 3456 7890")
        widget.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # then it goes on

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        suggested = Path(widget.selectedFiles()[0]).name
        assert suggested.startswith("Laporan Ibu Ratna Wulandari 2024-01-01")
        _type_name(widget, folder, "ratna")  # no .pdf typed: it is added
        widget.accept()

    def saved(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.windowTitle() == "Report saved"
        assert str(folder / "ratna.pdf") in widget.text()
        assert widget.button(QMessageBox.StandardButton.Open) is not None
        widget.button(QMessageBox.StandardButton.Close).click()

    dialogs.then(choose_options).then(agency_first).then(save_as).then(saved)
    detail.report_button.click()
    qtbot.waitUntil(lambda: dialogs.done, timeout=30_000)
    text = _text(folder / "ratna.pdf")
    assert "BudiWebStudio" in text  # the letterhead, saved on the way
    assert "IbuRatnaWulandari" in text
    assert "Laporanlayanan" in text
    assert "Rujukan Anda".replace(" ", "") in text
    assert "Saved ratna.pdf" in window.statusBar().currentMessage()
    assert QSettings().value(REPORT_FOLDER_KEY) == str(folder)

    # the next report offers the same folder, and does not ask for the agency again
    second: list[ReportDialog] = []

    def look_and_leave(widget: QWidget) -> None:
        assert isinstance(widget, ReportDialog)
        second.append(widget)
        QTimer.singleShot(0, widget.save_button.click)

    def check_folder(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        assert Path(widget.directory().absolutePath()) == folder
        widget.reject()
        QTimer.singleShot(0, second[0].cancel_button.click)  # then close the options

    dialogs.then(look_and_leave).then(check_folder)
    detail.report_button.click()
    assert dialogs.done
    assert second[0].saved_path is None


def _many_tickets(engine: Engine, count: int) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Pak Besar"})
        assert client.id is not None
        start = datetime.now(UTC) - timedelta(days=20)
        session.add_all(
            Ticket(
                client_id=client.id,
                title=f"Request {i}: the contact form sends nothing",
                created_at=start + timedelta(minutes=20 * i),
            )
            for i in range(count)
        )
        return client.id


def test_cancel_stops_the_work_and_leaves_no_file(
    qtbot: QtBot,
    engine: Engine,
    dialogs: DialogAnswerer,
    tmp_path: Path,
    no_report_folder: None,
) -> None:
    client_id = _many_tickets(engine, 800)
    dialog = ReportDialog(engine, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preset.setCurrentIndex(dialog.preset.findData("this_month"))
    dialog.set_period(date.today() - timedelta(days=30), date.today())
    assert not dialog.referrals.isEnabled()  # Pak Besar introduced nobody
    folder = tmp_path / "out"
    folder.mkdir()

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        _type_name(widget, folder, "besar.pdf")
        widget.accept()

    dialogs.then(save_as)
    dialog.save_button.click()
    assert dialogs.done
    assert dialog.is_running()
    assert dialog.progress.isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.cancel_button.click()  # Cancel while writing: stops, the dialog stays
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30_000)
    assert dialog.status.text() == "Cancelled. No file was saved."
    assert list(folder.iterdir()) == []
    assert dialog.save_button.isEnabled()
    assert not dialog.progress.isVisible()
    dialog.cancel_button.click()  # Cancel when idle closes
    assert not dialog.isVisible()
    assert dialog.saved_path is None


def test_the_report_language_is_the_clients(qtbot: QtBot, demo_engine: Engine) -> None:
    with Session(demo_engine) as session:
        client = session.exec(select(Client).where(Client.name == "Pak Bambang Santoso")).one()
        claire = session.exec(select(Client).where(Client.name == "Claire Dubois")).one()
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    try:
        english = ReportDialog(demo_engine, claire.id or 0)
        qtbot.addWidget(english)
    finally:
        QLocale.setDefault(previous)
    assert english.language.currentData() == "en"  # Claire reads English; the desk, Indonesian
    dialog = ReportDialog(demo_engine, client.id or 0, today=date(2026, 1, 15))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "id"  # Bambang reads Indonesian; the desk, English
    assert dialog.options().start == date(2025, 12, 1)
    assert dialog.options().end == date(2025, 12, 31)
    assert dialog.suggested_name() == "Laporan Pak Bambang Santoso 2025-12.pdf"
    dialog.preset.setCurrentIndex(dialog.preset.findData("this_year"))
    assert (dialog.options().start, dialog.options().end) == (date(2026, 1, 1), date(2026, 1, 15))


def test_the_agency_profile_from_the_settings_menu(
    qtbot: QtBot,
    open_window: Opener,
    demo_db: Path,
    dialogs: DialogAnswerer,
    tmp_path: Path,
) -> None:
    window = open_window(demo_db)
    assert window.shell_actions.agency.isEnabled()
    picture = tmp_path / "logo.png"
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    assert image.save(str(picture))

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, AgencyDialog)
        qtbot.keyClicks(widget.name, "Budi Web Studio")
        widget.address.setPlainText("Jl. Pettarani No. 12\nMakassar")
        qtbot.keyClicks(widget.email, "halo at budiweb")
        assert widget.set_logo_file(picture)
        save = widget.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.click()
        error = widget.findChild(QLabel, "error_email")
        assert error is not None
        assert error.isVisible()
        assert "email address" in error.text()
        assert widget.isVisible()
        widget.email.setText("halo@budiweb.id")
        save.click()

    dialogs.then(fill)
    window.shell_actions.agency.trigger()
    qtbot.waitUntil(lambda: dialogs.done)
    assert window.desk.engine is not None
    with Session(window.desk.engine) as session:
        profile = agency.get_agency_profile(session=session)
    assert profile.name == "Budi Web Studio"
    assert profile.address == "Jl. Pettarani No. 12\nMakassar"
    assert profile.email == "halo@budiweb.id"
    assert profile.logo_type == "image/png"
    assert window.statusBar().currentMessage() == "Agency profile saved."


def test_a_logo_that_is_not_a_picture_is_refused(
    qtbot: QtBot, engine: Engine, tmp_path: Path
) -> None:
    dialog = AgencyDialog(engine)
    qtbot.addWidget(dialog)
    dialog.show()
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"<html>not a picture</html>")
    assert not dialog.set_logo_file(fake)
    error = dialog.findChild(QLabel, "error_logo")
    assert error is not None
    assert error.isVisible()
    assert dialog.logo is None
    assert not dialog.remove_logo_button.isEnabled()


def test_a_big_photo_becomes_a_small_png_logo(qtbot: QtBot) -> None:
    image = QImage(2400, 1200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "BMP")
    data = logo_bytes(bytes(buffer.data().data()))
    assert data is not None
    assert agency.sniff_logo_type(data) == "image/png"
    scaled = QImage.fromData(data)
    assert (scaled.width(), scaled.height()) == (800, 400)
    assert logo_bytes(b"not a picture at all") is None


def test_the_agency_asked_for_at_the_first_export_can_be_left_for_later(
    qtbot: QtBot,
    demo_engine: Engine,
    dialogs: DialogAnswerer,
    tmp_path: Path,
    first_export: None,
) -> None:
    with Session(demo_engine) as session:
        bambang = session.exec(select(Client).where(Client.name == "Pak Bambang Santoso")).one()
    dialog = ReportDialog(demo_engine, bambang.id or 0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_period(date(2024, 1, 1), date.today())
    folder = tmp_path / "out"
    folder.mkdir()

    def later(widget: QWidget) -> None:
        assert isinstance(widget, AgencyDialog)
        assert "Your first report" in widget.findChildren(QLabel)[0].text()
        widget.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        _type_name(widget, folder, "bambang.pdf")
        widget.accept()

    def saved(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        widget.button(QMessageBox.StandardButton.Close).click()

    dialogs.then(later).then(save_as).then(saved)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialogs.done, timeout=30_000)
    assert "PakBambangSantoso" in _text(folder / "bambang.pdf")
    with Session(demo_engine) as session:
        assert agency.get_agency_profile(session=session).is_empty
    # the next export goes straight to where to save it
    again = ReportDialog(demo_engine, bambang.id or 0)
    qtbot.addWidget(again)
    again.show()

    def leave(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        widget.reject()

    dialogs.then(leave)
    again.save_button.click()
    assert dialogs.done
    assert len(dialogs.seen) == 4


def test_the_clients_language_is_chosen_on_their_form_and_their_report_follows(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    from agencydesk.qt.clients.client_form import ClientFormDialog

    with Session(demo_engine) as session:
        bambang = session.exec(select(Client).where(Client.name == "Pak Bambang Santoso")).one()
    form = ClientFormDialog(demo_engine, client_id=bambang.id)
    qtbot.addWidget(form)
    form.show()
    assert form.language.currentText() == "Bahasa Indonesia"
    form.language.setFocus()
    qtbot.keyClick(form.language, Qt.Key.Key_Down)  # → English
    assert form.language.currentText() == "English"
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with Session(demo_engine) as session:
        assert clients.get_client(session=session, client_id=bambang.id or 0).language == "en"
    dialog = ReportDialog(demo_engine, bambang.id or 0)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
