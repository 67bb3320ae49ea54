"""Every user-visible string is translated to Indonesian, and the UI really shows it."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from agencydesk.qt.common.formatting import format_money
from agencydesk.qt.shell import app as app_module
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "agencydesk_id.ts"
QM = ROOT / "resources" / "translations" / "agencydesk_id.qm"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_the_indonesian_file_covers_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "agencydesk" / "qt").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    translated = _messages(TS)
    assert in_code - set(translated) == set(), "run pyside6-lupdate (resources/translations)"
    untranslated = [
        key
        for key in in_code
        if not (translated[key].findtext("translation") or "").strip()
        or translated[key].find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == []


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "agencydesk_id.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (resources/translations)"


def test_placeholders_survive_translation() -> None:
    """Every {name} and %1 of a text is in its translation, and no other: a lost one shows the
    user a gap, a misspelt one a KeyError."""
    for (context, source), message in _messages(TS).items():
        translation = message.findtext("translation") or ""
        for pattern in (r"\{\w*\}", r"%\d"):
            assert sorted(re.findall(pattern, source)) == sorted(
                re.findall(pattern, translation)
            ), (
                context,
                source,
            )


def test_the_window_quotes_with_curly_quotes_in_both_languages() -> None:
    """Two sentences had "straight" quotes where every other one has “curly” ones."""
    straight = [
        (source, translation)
        for (_context, source), message in _messages(TS).items()
        if '"' in source or '"' in (translation := message.findtext("translation") or "")
    ]
    assert straight == []


def test_indonesian_has_one_word_for_a_file() -> None:
    """The menu said "Berkas" and the import wizard "Pilih file ekspor chat": one word for one
    thing ("file", as most Indonesian users say it and as "Semua file (*)" had it)."""
    from agencydesk.reports.text import TEXT

    qt_own = TS.parent / "qtbase_id.ts"  # the file dialogs' words, Yes/No, …
    berkas = [
        translation
        for ts in (TS, qt_own)
        for message in _messages(ts).values()
        if "berkas" in (translation := message.findtext("translation") or "").casefold()
    ]
    berkas += [text for text in TEXT["id"].values() if "berkas" in text.casefold()]  # the PDFs
    assert berkas == []


def test_translators_read_no_comments_meant_for_developers() -> None:
    """pyside6-lupdate hands a `#:` comment to the translator as a note on the next string; the
    code's `#:` attribute notes had become 48 such notes, none about the string they sat on."""
    assert ET.parse(TS).getroot().find(".//extracomment") is None, "write `#`, not `#:`, in qt/"


def test_the_window_speaks_indonesian(
    qtbot: QtBot, indonesian: object, settings: Settings, tmp_path: Path
) -> None:
    window = MainWindow(settings, tmp_path / "x.sqlite3")
    qtbot.addWidget(window)
    assert window.sidebar.item(1).text() == "Klien"
    assert [action.text() for action in window.menuBar().actions()][:2] == ["&File", "&Sunting"]


def test_language_follows_the_system_unless_chosen() -> None:
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert app_module.choose_language("", indonesian) == "id"
    assert app_module.choose_language("", english) == "en"
    assert app_module.choose_language("en", indonesian) == "en"


def test_rupiah_is_written_the_indonesian_way_in_either_language() -> None:
    assert format_money(9_000_000) == "Rp 9.000.000"
    assert format_money(0) == "Rp 0"
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert format_money(1250, "USD", us) == "US$ 1,250"  # as in the PDF (core.money)
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    assert format_money(1250, "USD", indonesian) == "US$ 1.250"
