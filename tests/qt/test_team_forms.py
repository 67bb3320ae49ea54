"""The forms on a team desk (a client, an order, a guide, a login, the agency profile): what they
edit is read in a worker, the fields greyed until it comes. On a server a network away reading it
on the GUI thread stopped the window 180 ms (two round trips at 40 ms, more for an order's
tickets or a guide's pictures) on every form opened, and again on every client chosen in a new
order. The Trash, the saved replies, the report dialog, the import wizard and the Merge clients
dialog too."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer, shown_whole, statements_on_gui_thread
from sqlalchemy.engine import Engine

from agencydesk.core import (
    agency,
    clients,
    credentials,
    migrate,
    orders,
    saved_replies,
    tickets,
    trash,
)
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.db import session_scope
from agencydesk.core.guides import images, library
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.credential_form import CredentialFormDialog
from agencydesk.qt.clients.merge_dialog import MergeClientsDialog
from agencydesk.qt.common import workers
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.guides.guide_editor import GuideEditorDialog
from agencydesk.qt.guides.saved_replies_dialog import SavedRepliesDialog
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.report.agency_dialog import AgencyDialog
from agencydesk.qt.report.report_dialog import ReportDialog
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.trash_dialog import TrashDialog


@dataclass(frozen=True)
class Desk:
    engine: Engine
    ratna: int  # introduced by Sari; her order came from a ticket
    sari: int
    order: int
    ticket: int


@pytest.fixture
def desk(pg_migrated_url: str) -> Iterator[Desk]:
    engine = migrate.open_database(pg_migrated_url)
    with session_scope(engine) as session:
        sari = clients.create_client(session=session, values={"name": "Bu Sari"}).id
        ratna = clients.create_client(
            session=session,
            values={"name": "Ibu Ratna", "city": "Makassar", "introduced_by_id": sari},
        ).id
        assert ratna is not None
        assert sari is not None
        tickets.create_ticket(session=session, client_id=sari, values={"title": "Logo baru"})
        ticket = tickets.create_ticket(
            session=session, client_id=ratna, values={"title": "Website katering"}
        )
        order = orders.create_order(
            session=session,
            client_id=ratna,
            values={"title": "Company profile", "amount": 3_500_000, "ticket_id": ticket.id},
        )
        assert ticket.id is not None
        assert order.id is not None
    yield Desk(engine, ratna, sari, order.id, ticket.id)
    workers.wait_for_tasks()
    engine.dispose()


def _save(form: FormDialog) -> QDialogButtonBox:
    buttons = form.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons


def _opened_filled(
    qtbot: QtBot,
    form: ClientFormDialog
    | OrderFormDialog
    | GuideEditorDialog
    | CredentialFormDialog
    | AgencyDialog,
) -> None:
    """Shown at once with the fields and Save greyed, then filled by the worker's read."""
    qtbot.addWidget(form)
    form.show()
    save = _save(form).button(QDialogButtonBox.StandardButton.Save)
    assert not form.fields.isEnabled()
    assert not save.isEnabled()
    qtbot.waitUntil(form.fields.isEnabled)
    assert save.isEnabled()


def test_editing_a_client_reads_them_in_a_worker_and_closes_without_asking(
    qtbot: QtBot, desk: Desk
) -> None:
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = ClientFormDialog(desk.engine, client_id=desk.ratna)
        _opened_filled(qtbot, form)
    assert on_gui_thread == []
    assert (form.name.text(), form.city.text()) == ("Ibu Ratna", "Makassar")
    assert form.introduced_by.currentText() == "Bu Sari"
    assert form.focusWidget() is form.name  # where the cursor was before the fields greyed
    form.reject()  # as filled it counts as unchanged: Cancel asks nothing
    assert not form.isVisible()


def test_a_new_client_can_be_typed_while_the_referrers_are_read(
    qtbot: QtBot, desk: Desk, dialogs: DialogAnswerer
) -> None:
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = ClientFormDialog(desk.engine)
        qtbot.addWidget(form)
        form.show()
        assert form.fields.isEnabled()
        assert not form.introduced_by.isEnabled()
        form.name.setText("Pak Hendra")  # typed before the clients came
        qtbot.waitUntil(form.introduced_by.isEnabled)
    assert on_gui_thread == []
    assert form.name.text() == "Pak Hendra"
    names = {form.introduced_by.itemText(i) for i in range(form.introduced_by.count())}
    assert {"Bu Sari", "Ibu Ratna"} <= names
    dialogs.click(QMessageBox.StandardButton.Cancel)  # what she typed is not thrown away
    form.reject()
    assert dialogs.done
    assert form.isVisible()
    dialogs.click(QMessageBox.StandardButton.Discard)
    form.reject()
    assert not form.isVisible()


def test_a_client_deleted_on_another_desk_is_said_and_the_form_closes(
    qtbot: QtBot, desk: Desk, dialogs: DialogAnswerer
) -> None:
    with session_scope(desk.engine) as session:  # a colleague, a moment before
        clients.delete_client(session=session, client_id=desk.ratna)
    form = ClientFormDialog(desk.engine, client_id=desk.ratna)
    qtbot.addWidget(form)
    dialogs.click(QMessageBox.StandardButton.Ok)
    form.show()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert dialogs.done
    assert "no longer exists" in dialogs.texts[0]


def test_editing_an_order_reads_it_in_a_worker_with_its_ticket(qtbot: QtBot, desk: Desk) -> None:
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = OrderFormDialog(desk.engine, order_id=desk.order)
        _opened_filled(qtbot, form)
    assert on_gui_thread == []
    assert form.client_name.text() == "Ibu Ratna"
    assert form.title.text() == "Company profile"
    assert form.amount.value() == 3_500_000
    assert form.ticket.currentData() == desk.ticket
    assert form.focusWidget() is form.title
    form.reject()
    assert not form.isVisible()


def test_a_client_chosen_in_a_new_order_has_their_tickets_read_in_a_worker(
    qtbot: QtBot, desk: Desk
) -> None:
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = OrderFormDialog(desk.engine)
        _opened_filled(qtbot, form)
        assert form.client.currentIndex() == -1  # never a client chosen for her
        assert not form.ticket.isEnabled()
        form.client.setCurrentIndex(form.client.findText("Bu Sari"))
        qtbot.waitUntil(form.ticket.isEnabled)
        form.client.setCurrentIndex(form.client.findText("Ibu Ratna"))
        qtbot.waitUntil(lambda: form.ticket.findData(desk.ticket) >= 0)
    assert on_gui_thread == []
    assert [form.ticket.itemText(i) for i in range(form.ticket.count())] == [
        "No ticket",
        "Website katering",
    ]
    form.title.setText("Toko online")
    form.save()
    assert form.result() == OrderFormDialog.DialogCode.Accepted
    with session_scope(desk.engine) as session:
        saved = orders.get_order(session=session, order_id=form.saved_order_id or 0)
        assert (saved.client_id, saved.title) == (desk.ratna, "Toko online")


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x25D366)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_editing_a_guide_reads_it_and_its_pictures_in_a_worker(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    with session_scope(desk.engine) as session:
        guide = library.create_guide(
            session=session,
            values={
                "title": "Masuk WordPress",
                "body": "1. Buka /wp-admin\n\n![](image:login.png)",
            },
        )
        assert guide.id is not None
        images.add_image(
            session=session,
            guide_id=guide.id,
            name="login.png",
            data=_png(40, 30),
            mime_type="image/png",
        )
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = GuideEditorDialog(desk.engine, guide_id=guide.id)
        _opened_filled(qtbot, form)
        form.preview.grab()  # drawing the preview asks for its picture
        picture = form.preview.loadResource(0, QUrl("image:login.png"))
        # a picture inserted is named apart from the stored ones, and a reference to a picture
        # the guide does not have is drawn as missing: neither asks the server (the preview
        # asked again at each change, on the GUI thread)
        png = tmp_path / "login.png"
        png.write_bytes(_png(20, 10))
        assert form.insert_picture_file(png)
        form.body.appendPlainText("![](image:nowhere.png)")
        form.update_preview()
        form.preview.grab()
    inserted, body = list(form.pending_images), form.body.toPlainText()
    form.done(0)  # closed without asking, whatever failed below
    assert on_gui_thread == []
    assert form.title.text() == "Masuk WordPress"
    assert picture.width() == 40  # the stored picture, not "Picture not found"
    assert inserted == ["login-2.png"]
    assert "![login](image:login-2.png)" in body


def test_editing_a_login_reads_it_in_a_worker(
    qtbot: QtBot, desk: Desk, memory_keyring: MemoryKeyring
) -> None:
    with session_scope(desk.engine) as session:
        login = credentials.add_credential(
            session=session,
            client_id=desk.ratna,
            values={"label": "cPanel", "username": "ratna"},
            secret="rahasia",
        )
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = CredentialFormDialog(desk.engine, desk.ratna, login.id)
        _opened_filled(qtbot, form)
    assert on_gui_thread == []
    assert (form.label.text(), form.username.text()) == ("cPanel", "ratna")
    assert form.secret.text() == ""  # the password stays in the keyring until she asks
    form.reject()
    assert not form.isVisible()


def test_the_agency_profile_is_read_in_a_worker_with_its_logo(qtbot: QtBot, desk: Desk) -> None:
    logo = _png(120, 40)
    with session_scope(desk.engine) as session:
        agency.save_agency_profile(
            session=session, profile=AgencyProfile(name="Budi Web Studio", logo=logo)
        )
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        form = AgencyDialog(desk.engine)
        _opened_filled(qtbot, form)
    assert on_gui_thread == []
    assert form.name.text() == "Budi Web Studio"
    assert form.logo == logo
    assert form.remove_logo_button.isEnabled()  # the logo shown can be removed
    form.reject()  # the logo as read counts as unchanged
    assert not form.isVisible()


def test_merging_clients_reads_them_and_what_moves_in_workers(qtbot: QtBot, desk: Desk) -> None:
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        dialog = MergeClientsDialog(desk.engine, desk.sari)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.other.isEnabled()
        assert not dialog.merge_button.isEnabled()  # nothing is known yet to merge
        qtbot.waitUntil(dialog.merge_button.isEnabled)
        assert dialog.merge_with.text() == f"Merge Bu Sari (#{desk.sari}) with"
        assert dialog.other.currentText() == f"Ibu Ratna (#{desk.ratna})"
        assert f"Bu Sari (#{desk.sari}) stays" in dialog.summary.text()
        assert "1 order" in dialog.summary.text()  # Ratna's, moved to Sari
        assert shown_whole(
            dialog.summary, dialog.buttons
        )  # the window grew for the sentence read after it

        # keeping the other one: Merge waits until the sentence says what that merge moves,
        # so a quick click cannot merge what the sentence on screen does not describe
        dialog.keep_other.click()
        assert not dialog.merge_button.isEnabled()
        qtbot.waitUntil(dialog.merge_button.isEnabled)
        assert f"Ibu Ratna (#{desk.ratna}) stays" in dialog.summary.text()
        dialog.merge_button.click()  # merged in a worker
        qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert on_gui_thread == []
    assert dialog.kept_id == desk.ratna
    with session_scope(desk.engine) as session:  # Bu Sari's ticket went to Ratna
        assert [c for c, _name in clients.referrer_choices(session=session)] == [desk.ratna]
        assert len(tickets.client_tickets(session=session, client_id=desk.ratna, limit=10)) == 2


def test_the_trash_is_read_in_a_worker_and_again_after_a_restore(
    qtbot: QtBot, desk: Desk, settings: Settings
) -> None:
    with session_scope(desk.engine) as session:
        trash.trash_order(session=session, order_id=desk.order)
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        dialog = TrashDialog(desk.engine, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.empty_label.isVisible()  # not "The trash is empty" before it is read
        qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
        assert dialog.list.topLevelItem(0).text(3) == "Company profile"
        dialog.restore_button.click()  # written in a worker, then the trash read again
        qtbot.waitUntil(dialog.empty_label.isVisible)
    assert on_gui_thread == []
    with session_scope(desk.engine) as session:
        assert orders.get_order(session=session, order_id=desk.order).title == "Company profile"


def test_saved_replies_are_read_in_a_worker_and_choosing_one_reads_nothing(
    qtbot: QtBot, desk: Desk
) -> None:
    with session_scope(desk.engine) as session:
        for name, words in (("rekening", "BCA 123 a.n. Sari"), ("jam-kerja", "Jam 9 sampai 5")):
            saved_replies.save_reply(
                session=session, reply_id=None, values={"name": name, "text_id": words}
            )
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        dialog = SavedRepliesDialog(desk.engine)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.editor.isEnabled()  # nothing typed there is replaced when they come
        qtbot.waitUntil(dialog.editor.isEnabled)
        assert [dialog.names.item(i).text() for i in range(dialog.names.count())] == [
            "/jam-kerja",
            "/rekening",
        ]
        assert dialog.text_id.toPlainText() == "Jam 9 sampai 5"
        dialog.names.setCurrentRow(1)
        assert dialog.text_id.toPlainText() == "BCA 123 a.n. Sari"
    assert on_gui_thread == []


def test_the_report_dialog_reads_its_client_in_a_worker(qtbot: QtBot, desk: Desk) -> None:
    with session_scope(desk.engine) as session:  # Bu Sari introduced Ratna; her report is English
        clients.update_client(session=session, client_id=desk.sari, values={"language": "en"})
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        dialog = ReportDialog(desk.engine, desk.sari)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.save_button.isEnabled()  # what it would write is not known yet
        qtbot.waitUntil(dialog.save_button.isEnabled)
    assert on_gui_thread == []
    # the default still: greyed when shown, it had left that to Cancel (Enter cancelled)
    assert dialog.save_button.isDefault()
    assert dialog.heading.text() == "Report for Bu Sari"
    assert dialog.language.currentData() == "en"
    assert dialog.referrals.isEnabled()
    assert dialog.referrals.isChecked()


def test_the_import_wizard_reads_the_clients_and_tickets_in_workers(
    qtbot: QtBot, desk: Desk
) -> None:
    """Who is who, and where the messages go: both pages read the desk; until the senders are
    listed, Next waits."""
    from agencydesk.qt.chat_import.import_wizard import ImportWizard

    export = Path(__file__).resolve().parent.parent / "core" / "importers" / "fixtures"
    wizard = ImportWizard(
        desk.engine,
        path=str(export / "wa_android_id.txt"),
        client_id=desk.ratna,
        me_names=["Rudi"],
        data_dir=None,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # the file, parsed in a worker
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    with statements_on_gui_thread(desk.engine) as on_gui_thread:
        wizard.next()  # → who is who
        mapping = wizard.mapping_page
        assert not mapping.isComplete()  # Next waits for the senders
        qtbot.waitUntil(mapping.isComplete)
        assert mapping.combos["Rudi"].currentText() == "Me"
        assert mapping.main_client.currentData() == desk.ratna
        wizard.next()  # → where
        target = wizard.target_page
        qtbot.waitUntil(target.attach.isEnabled)  # her tickets came
        target.attach.setChecked(True)
        assert target.ticket_combo.currentData() == desk.ticket
    assert on_gui_thread == []
    wizard.reject()
