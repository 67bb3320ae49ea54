"""The import wizard as a user meets it: somebody must be "me", what the preview says (counts in
the singular, the export's name), a damaged file in a sentence, one width and heading style,
and what the import makes of deleted messages and left-out pictures in a ticket."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.qt.chat_import.import_wizard import ImportWizard
from agencydesk.qt.clients.client_history import TimelineView
from agencydesk.qt.common import workers
from agencydesk.qt.tickets.ticket_view import TicketView

FIXTURES = Path(__file__).resolve().parent.parent / "core" / "importers" / "fixtures"
GROUP_CHAT = FIXTURES / "wa_android_id.txt"


def _ratna_export(folder: Path) -> Path:
    path = folder / "WhatsApp Chat with Bu Ratna.txt"
    path.write_bytes((FIXTURES / "wa_android_id_ratna.txt").read_bytes())
    return path


def _client_id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.exec_driver_sql("SELECT id FROM client WHERE name = ?", (name,)).scalar_one()
        )


def _wizard(qtbot: QtBot, engine: Engine, path: Path, client_id: int | None) -> ImportWizard:
    # "Your name for guides" left empty
    wizard = ImportWizard(engine, path=str(path), client_id=client_id, me_names=[""])
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _can_go_on(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _to_mapping(qtbot: QtBot, wizard: ImportWizard) -> None:
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page


def _import_split(qtbot: QtBot, wizard: ImportWizard) -> None:
    _next(qtbot, wizard)  # → where
    qtbot.mouseClick(wizard.target_page.split, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(wizard.import_page.finished, timeout=10_000):
        _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=5_000)


def test_the_one_who_is_not_the_client_is_me_and_somebody_must_be(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    wizard = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), ratna)
    _to_mapping(qtbot, wizard)
    page = wizard.mapping_page
    # the chat is "with Bu Ratna": the other one, Rudi, is me
    assert page.combos["Rudi"].currentText() == "Me"
    assert page.combos["Bu Ratna"].currentData() == ratna
    assert page.me_hint.isHidden()
    assert _can_go_on(wizard)
    # making Rudi the client too stops the wizard, and it says why
    page.combos["Rudi"].setCurrentIndex(page.combos["Rudi"].findData(ratna))
    assert not _can_go_on(wizard)
    assert page.me_hint.isVisible()
    assert "Which sender is you?" in page.me_hint.text()
    # …until the user says none of the messages are theirs
    qtbot.mouseClick(page.no_me, Qt.MouseButton.LeftButton, pos=QPoint(6, page.no_me.height() // 2))
    assert page.no_me.isChecked()
    assert _can_go_on(wizard)
    assert page.me_hint.isHidden()
    workers.wait_for_tasks()


def test_in_a_group_the_name_of_my_earlier_imports_is_me(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    sari = _client_id(demo_engine, "Ibu Sari Handayani")
    # three senders and no name to go by: nobody is me, and the wizard does not go on
    group = _wizard(qtbot, demo_engine, GROUP_CHAT, sari)
    _to_mapping(qtbot, group)
    assert "Me" not in [c.currentText() for c in group.mapping_page.combos.values()]
    assert not _can_go_on(group)
    assert group.mapping_page.me_hint.isVisible()
    group.reject()

    first = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), ratna)
    _to_mapping(qtbot, first)
    _import_split(qtbot, first)
    # the same group chat again: Rudi was me in the import before
    again = _wizard(qtbot, demo_engine, GROUP_CHAT, sari)
    _to_mapping(qtbot, again)
    assert again.mapping_page.combos["Rudi"].currentText() == "Me"
    assert _can_go_on(again)
    workers.wait_for_tasks()


@pytest.mark.usefixtures("inline_tasks")
def test_deleted_messages_and_left_out_pictures_are_grey_notes_in_the_ticket(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    wizard = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), ratna)
    _to_mapping(qtbot, wizard)
    _import_split(qtbot, wizard)
    assert wizard.summary_page.summary_label.text().endswith(
        "3 tickets created, 1 of them waiting on you"
    )
    result = wizard.import_page.result
    assert result is not None
    view = TicketView(demo_engine)
    qtbot.addWidget(view)
    view.show_ticket(result.ticket_ids[0])
    assert view.title_label.text() == "Toko online saya tidak bisa checkout"
    assert view.status.currentData() == "resolved"
    html = view.conversation.toHtml()
    assert html.count('class="messageNote"') >= 2 or html.count("#777777") >= 2
    text = view.conversation.toPlainText()
    assert "Bu Ratna · " in text
    assert "— picture or file not in the export" in text
    assert "— message deleted" in text
    view.show_ticket(result.ticket_ids[1])
    assert view.title_label.text().startswith("Teman saya Bu Wati mau bikin website")
    assert view.status.currentData() == "waiting_on_us"
    # the client's history says the same, not "Client wrote" over nothing
    history = TimelineView(demo_engine)
    qtbot.addWidget(history)
    history.show_client(ratna)
    said = history.toPlainText()
    assert "message deleted" in said
    assert "picture or file not in the export" in said
    workers.wait_for_tasks()


def test_the_preview_counts_in_words_and_names_the_export(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), None)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    preview = wizard.preview_page
    assert preview.format_label.text() == "WhatsApp (Android)"
    counts = preview.counts_label.text()
    assert "1 picture or file" in counts
    assert "1 notice" in counts
    assert "1 notices" not in counts
    assert "1 pictures" not in counts
    workers.wait_for_tasks()


def test_the_preview_counts_in_indonesian(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path, indonesian: None
) -> None:
    wizard = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), None)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    counts = wizard.preview_page.counts_label.text()
    assert "1 gambar atau file" in counts
    assert "1 pemberitahuan" in counts
    assert "12 pesan" in counts
    assert wizard.preview_page.format_label.text() == "WhatsApp (Android)"
    workers.wait_for_tasks()


def test_a_damaged_zip_is_a_sentence_not_pythons_words(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w") as zf:
        zf.writestr("WhatsApp Chat with Bu Sari.txt", GROUP_CHAT.read_bytes())
    cut = tmp_path / "WhatsApp Chat with Bu Sari.zip"
    cut.write_bytes(whole.read_bytes()[:200])  # a copy cut off
    wizard = _wizard(qtbot, demo_engine, cut, None)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(wizard.preview_page.error), timeout=10_000)
    message = wizard.preview_page.status_label.text()
    assert "File is not a zip file" not in message  # zipfile's own words
    assert "“WhatsApp Chat with Bu Sari.zip” cannot be imported." in message
    assert "The file is damaged or not a complete zip file" in message
    assert "Export the chat from WhatsApp again" in message
    workers.wait_for_tasks()


def test_a_file_that_is_no_chat_is_said_in_indonesian(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path, indonesian: None
) -> None:
    cut = tmp_path / "chat.zip"
    cut.write_bytes(b"PK\x03\x04" + bytes(60))  # the start of a zip, cut off
    wizard = _wizard(qtbot, demo_engine, cut, None)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(wizard.preview_page.error), timeout=10_000)
    assert wizard.preview_page.status_label.text() == (
        "“chat.zip” tidak dapat diimpor.\n"
        "File ini rusak atau bukan file zip yang utuh, jadi tidak bisa dibuka. Ekspor lagi chat "
        "dari WhatsApp (atau salin ulang file-nya: salinan bisa saja terpotong).\n"
        "Kembali untuk memilih file lain."
    )
    workers.wait_for_tasks()


def test_every_page_has_one_width_and_one_heading_style(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    with demo_engine.begin() as conn:  # a long ticket title and a long client name
        conn.exec_driver_sql(
            "UPDATE ticket SET title = ? WHERE client_id = ?", ("Website " * 24, ratna)
        )
        conn.exec_driver_sql(
            "UPDATE client SET name = ? WHERE id = ?", ("Ibu Ratna Wulandari " + "x" * 90, ratna)
        )
    wizard = _wizard(qtbot, demo_engine, _ratna_export(tmp_path), ratna)
    seen = []
    for _step in range(3):
        seen.append((wizard.width(), bool(wizard.currentPage().subTitle())))
        _next(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=10_000)
    seen.append((wizard.width(), bool(wizard.currentPage().subTitle())))
    _import_split(qtbot, wizard)
    seen.append((wizard.width(), bool(wizard.currentPage().subTitle())))
    assert seen == [(720, True)] * 5
    workers.wait_for_tasks()


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_first_import_on_an_empty_desk_offers_me_and_new_clients(
    qtbot: QtBot, engine: Engine
) -> None:
    wizard = _wizard(qtbot, engine, GROUP_CHAT, None)
    _to_mapping(qtbot, wizard)
    mapping = wizard.mapping_page
    assert _items(mapping.main_client) == ["The busiest client in the chat"]
    assert _items(mapping.combos["Bu Sari"]) == ["Me", "", "", "New client “Bu Sari”"]
    assert mapping.combos["Bu Sari"].currentText() == "New client “Bu Sari”"
    mapping.combos["Rudi"].setCurrentIndex(0)
    assert mapping.mapping()["Rudi"] == "me"
    workers.wait_for_tasks()


def test_every_sender_can_be_any_client_of_the_desk(qtbot: QtBot, demo_engine: Engine) -> None:
    """The clients are one list that every sender's choice shows between its own items."""
    with demo_engine.connect() as conn:
        names = [n for (n,) in conn.exec_driver_sql("SELECT name FROM client ORDER BY lower(name)")]
    wizard = _wizard(qtbot, demo_engine, GROUP_CHAT, None)
    _to_mapping(qtbot, wizard)
    mapping = wizard.mapping_page
    assert _items(mapping.main_client) == ["The busiest client in the chat", *names]
    for participant, combo in mapping.combos.items():
        assert _items(combo) == ["Me", "", *names, "", f"New client “{participant}”"]
    andi = mapping.combos["Mas Andi (Vendor: Percetakan)"]
    andi.setCurrentIndex(andi.findText("Ibu Sari Handayani"))
    assert mapping.mapping()["Mas Andi (Vendor: Percetakan)"] == _client_id(
        demo_engine, "Ibu Sari Handayani"
    )
    workers.wait_for_tasks()
