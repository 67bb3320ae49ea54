"""Why a chat export cannot be imported, and what reading it noticed, in the window's language:
the importers say a kind and its values, the import wizard says the sentence in Indonesian in
an Indonesian window (it said most of them in English), the command line keeps its English."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_helpers import import_after_the_preview, import_refused, zip_with_a_picture
from sqlalchemy.engine import Engine

from agencydesk.core.importers import ChatImportError
from agencydesk.core.importers.problems import NOTES, PROBLEMS, ReadingNote
from agencydesk.qt.chat_import.import_wizard import ImportWizard
from agencydesk.qt.chat_import.problems import _notes, _problems, note_sentence, problem_sentence
from agencydesk.qt.common import workers
from agencydesk.qt.shell import app as app_module

FIXTURES = Path(__file__).resolve().parent.parent / "core" / "importers" / "fixtures"
GROUP_CHAT = FIXTURES / "wa_android_id.txt"
#: a header line whose date cannot be (the 45th of August), in the middle of the chat
IMPOSSIBLE_HEADER = "45/08/25 18.03 - Rudi: ini bukan pesan baru"


def _names(text: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_problem_and_note_of_the_importers_is_said_in_indonesian(
    qapp: QApplication,
) -> None:
    """Each kind the importers make has its sentence in the window, translated, with the same
    {names} to fill in (a problem may name its line besides): a kind left out is said in
    English in an Indonesian window, as all but seven of them were."""
    english_problems, english_notes = _problems(), _notes()
    translators = app_module.install_translators(qapp, "id")
    try:
        said_problems, said_notes = _problems(), _notes()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())
    for core, english, said in (
        (PROBLEMS, english_problems, said_problems),
        (NOTES, english_notes, said_notes),
    ):
        assert set(english) == set(core)
        for kind, core_english in core.items():
            assert said[kind] != english[kind], kind
            assert _names(said[kind]) == _names(english[kind]), kind
            assert _names(core_english) <= _names(english[kind]), kind
            assert _names(english[kind]) - _names(core_english) <= {"line"}, kind


def _wizard(qtbot: QtBot, engine: Engine, path: Path, data_dir: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(
        engine, path=str(path), client_id=None, me_names=["Rudi"], data_dir=data_dir
    )
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_a_date_that_cannot_be_read_names_its_line_in_indonesian(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path, indonesian: str
) -> None:
    export = tmp_path / "chat.csv"
    export.write_text(
        "date,sender,text\n01/02/2024 10:00,Bu Sari,halo\n32/13/2024 10:00,Bu Sari,lagi\n",
        "utf-8",
    )
    wizard = _wizard(qtbot, demo_engine, export)
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.preview_page.error), timeout=10_000)
    assert wizard.preview_page.status_label.text() == (
        "“chat.csv” tidak dapat diimpor.\n"
        "Tanggal di baris 3 tidak bisa dibaca: “32/13/2024 10:00”.\n"
        "Kembali untuk memilih file lain."
    )
    workers.wait_for_tasks()


def test_a_file_that_cannot_be_imported_shows_why_not_a_page_of_empty_rows(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    """Under the reason stood "Format:", "Participants:", "Messages:", "From – to:" with nothing
    beside them, and an empty box of first messages. The date order stays: it may be the way
    out. Read again (another date order) and it holds messages: the rows are back."""
    export = tmp_path / "chat.txt"
    export.write_text(
        "".join(f"{d}/{m}/2024 10.00 - Bu Sari: pesan\n" for m in (1, 2) for d in (1, 2)),
        "utf-8",
    )
    wizard = _wizard(qtbot, demo_engine, export)
    page = wizard.preview_page
    wizard.next()
    qtbot.waitUntil(lambda: page.parsed is not None, timeout=10_000)
    assert page.preview.isVisible()
    page.date_order.setCurrentIndex(page.date_order.findData("YMD"))  # wrong: read again
    qtbot.waitUntil(lambda: bool(page.error), timeout=10_000)
    assert not page.preview.isVisible()
    assert not page.format_label.isVisible()
    assert not page.participants_label.isVisible()
    assert page.date_order.isVisible()
    page.date_order.setCurrentIndex(page.date_order.findData("DMY"))
    qtbot.waitUntil(lambda: page.parsed is not None, timeout=10_000)
    assert page.preview.isVisible()
    assert page.participants_label.isVisible()
    assert "Bu Sari" in page.participants_label.text()
    workers.wait_for_tasks()


def _with_an_impossible_header(folder: Path) -> Path:
    lines = GROUP_CHAT.read_text("utf-8").splitlines()
    lines.insert(5, IMPOSSIBLE_HEADER)
    path = folder / "WhatsApp Chat with Bu Sari.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


IMPOSSIBLE_NOTE = (
    "1 baris tampak seperti awal pesan, tetapi tanggal atau jamnya mustahil; baris itu disimpan "
    "sebagai teks pesan sebelumnya."
)


def test_a_header_with_an_impossible_date_is_noted_in_indonesian(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path, indonesian: str
) -> None:
    """The preview notes what reading the file left out or kept otherwise, and after the
    import the summary notes it again: both in Indonesian."""
    wizard = _wizard(qtbot, demo_engine, _with_an_impossible_header(tmp_path))
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    status = wizard.preview_page.status_label.text()
    assert status.endswith("\n⚠ " + IMPOSSIBLE_NOTE)
    assert "impossible" not in status
    import_after_the_preview(qtbot, wizard)
    notes = wizard.summary_page.warnings_label.text()
    assert notes.splitlines()[1:] == [IMPOSSIBLE_NOTE]
    workers.wait_for_tasks()


def test_a_damaged_picture_in_the_zip_is_said_in_indonesian(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path, indonesian: str
) -> None:
    export = zip_with_a_picture(tmp_path, GROUP_CHAT.read_bytes(), damaged=True)
    wizard = _wizard(qtbot, demo_engine, export, data_dir=tmp_path)
    page = import_refused(qtbot, wizard)
    assert page.status_label.text() == (
        "File zip ini rusak: file media “IMG-20250830-WA0007.jpg” di dalamnya tidak bisa "
        "diekstrak. Ekspor lagi chat-nya beserta media (atau salin ulang zip-nya: salinan bisa "
        "saja terpotong). Tidak ada yang disimpan."
    )
    workers.wait_for_tasks()


def test_what_the_window_cannot_say_yet_is_said_in_the_importers_english(
    monkeypatch: pytest.MonkeyPatch, indonesian: str
) -> None:
    """A kind newer than the window's sentences, a note that is a plain str: their English
    words, never nothing."""
    monkeypatch.setitem(PROBLEMS, "brand_new", "has something new ({what})")
    exc = ChatImportError("brand_new", line=2, what="x")
    assert problem_sentence(exc) == "File ini: has something new (x) (baris 2)."
    assert note_sentence("A note of another kind.") == "A note of another kind."
    # the same in Indonesian, with a count in the window's digits and the member of the zip
    merged = ReadingNote("telegram_chats_merged", count=1200)
    assert note_sentence(merged) == (
        "Ekspor Telegram ini berisi 1.200 chat; pesan-pesannya digabung. Ekspor satu chat saja "
        "untuk mengimpor satu chat."
    )
    # a line as a text editor numbers it, the count in the window's digits
    replaced = ReadingNote("not_utf8_replaced", count=1500, line=12345)
    assert note_sentence(replaced) == (
        "1.500 karakter bukan UTF-8 yang valid, jadi diganti dengan “\ufffd” (yang pertama di "
        "baris 12345)."
    )
    inside = ChatImportError("line_impossible_date", line=7, member="chat.txt")
    assert problem_sentence(inside) == (
        "File ini memuat tanggal yang mustahil di baris 7 (di “chat.txt” di dalam zip)."
    )


def test_the_systems_reason_a_file_cannot_be_read_is_said_in_indonesian(
    tmp_path: Path, indonesian: str
) -> None:
    """ "File tidak dapat dibaca (Not a directory)." had the operating system's English."""
    import errno
    import os

    from agencydesk.core.importers import parse_chat_file

    (tmp_path / "chats").write_text("not a folder", "utf-8")
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(tmp_path / "chats" / "chat.txt")
    assert os.strerror(errno.ENOTDIR) in str(raised.value)  # the command line's English
    said = problem_sentence(raised.value)
    assert "Bukan folder" in said
    assert os.strerror(errno.ENOTDIR) not in said


#: broken JSON, one of each fault Python's JSON reader names
BROKEN_JSON = (
    '{"name": ',
    '{"name" "Bu Sari"}',
    '{"name": "Bu Sari" "id": 1}',
    "{name: 1}",
    '{"name": "Bu Sa',
    '{"name": "Bu\x01Sari"}',
    '{"name": "Bu \\q"}',
    '{"name": "Bu \\u12"}',
    '{"name": "Bu Sari"} {',
    '{"messages": [1,]}',
)


def test_what_is_wrong_with_a_json_export_is_said_in_indonesian(
    tmp_path: Path, indonesian: str
) -> None:
    """ "File ini bukan JSON yang valid (baris 3, kolom 1: Expecting ',' delimiter)": the JSON
    reader's own English sat in the Indonesian sentence, and for an export cut off in the
    middle it named what it expected next. Now a cut-off Telegram export is said to be one,
    and every fault the reader names is said in Indonesian."""
    from agencydesk.core.importers import parse_chat_file
    from agencydesk.core.importers.jsonutil import load_json
    from agencydesk.qt.chat_import.problems import _json_reasons

    whole = (FIXTURES / "telegram_full.json").read_text("utf-8")
    cut = tmp_path / "result.json"
    cut.write_text(whole[: len(whole) * 2 // 3], "utf-8")
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(cut)
    assert problem_sentence(raised.value) == (
        "File ini bukan JSON yang valid (baris 35, kolom 4: file berakhir sebelum datanya "
        "lengkap); ekspornya mungkin rusak atau terpotong."
    )
    for text in BROKEN_JSON:
        with pytest.raises(ChatImportError) as raised:
            load_json(text)
        reason = raised.value.values["reason"]
        assert reason in _json_reasons(), f"{text!r}: the reader's {reason!r} has no sentence"
        assert reason not in problem_sentence(raised.value)
    # a wording a newer Python may bring: said in Indonesian all the same
    newer = ChatImportError("not_json", line=3, column=9, reason="Unexpected new wording")
    assert problem_sentence(newer) == (
        "File ini bukan JSON yang valid (baris 3, kolom 9: mulai dari situ isinya tidak bisa "
        "dibaca); ekspornya mungkin rusak atau terpotong."
    )


def test_the_date_order_is_offered_beside_a_problem_only_where_it_may_help(
    qtbot: QtBot, demo_engine: Engine, tmp_path: Path
) -> None:
    """Beside "not valid JSON" the wizard offered "Dates written as: As detected", which
    cannot help there and only invited a non-technical person to fiddle with it. It stays
    beside a date that cannot be read."""
    whole = (FIXTURES / "telegram_full.json").read_text("utf-8")
    cut = tmp_path / "result.json"
    cut.write_text(whole[: len(whole) // 2], "utf-8")
    wizard = _wizard(qtbot, demo_engine, cut)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: bool(page.error), timeout=10_000)
    assert "JSON" in page.status_label.text()
    assert not page.date_order.isVisible()
    workers.wait_for_tasks()

    dates = tmp_path / "chat.csv"
    dates.write_text("date,sender,text\n32/13/2024 10:00,Bu Sari,halo\n", "utf-8")
    wizard = _wizard(qtbot, demo_engine, dates)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: bool(page.error), timeout=10_000)
    assert page.date_order.isVisible()
    workers.wait_for_tasks()
