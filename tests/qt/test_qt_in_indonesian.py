"""Qt's own buttons, wizards and dialogs speak Indonesian too (issue 14.12: Qt ships no
qtbase_id.qm, so Yes/No, Save/Cancel, Back/Next and the file dialog stayed English), and a new
language is applied by restarting the desk."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine

from agencydesk.qt.chat_import.import_wizard import ImportWizard
from agencydesk.qt.common.dialogs import ask_yes_no
from agencydesk.qt.common.form_errors import save_cancel_layout
from agencydesk.qt.shell import restart
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qtbase_id.ts"
QM = ROOT / "resources" / "translations" / "qtbase_id.qm"
BIN = Path(sys.executable).parent


def _shown(text: str) -> str:
    """A button's text as the user reads it (without the & of its shortcut)."""
    return text.replace("&", "")


def test_a_question_says_ya_and_tidak(qtbot: QtBot, indonesian: None) -> None:
    seen: list[list[str]] = []

    def read_and_answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append([_shown(b.text()) for b in widget.buttons()])
        widget.button(QMessageBox.StandardButton.Yes).click()

    dialogs = DialogAnswerer().then(read_and_answer)
    assert ask_yes_no(None, "Hapus", "Hapus pesanan ini?")
    assert dialogs.done
    assert sorted(seen[0]) == ["Tidak", "Ya"]


def test_forms_say_simpan_and_batal(qtbot: QtBot, indonesian: None) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = save_cancel_layout(dialog, dialog.accept, [QLabel("x")])
    assert _shown(buttons.button(QDialogButtonBox.StandardButton.Save).text()) == "Simpan"
    assert _shown(buttons.button(QDialogButtonBox.StandardButton.Cancel).text()) == "Batal"
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Discard
    )
    qtbot.addWidget(box)
    assert _shown(box.button(QDialogButtonBox.StandardButton.Discard).text()) == "Buang"


def test_the_import_wizard_says_kembali_lanjut_and_batal(
    qtbot: QtBot, engine: Engine, indonesian: None
) -> None:
    wizard = ImportWizard(engine)
    qtbot.addWidget(wizard)
    wizard.show()
    assert _shown(wizard.button(QWizard.WizardButton.BackButton).text()) == "< Kembali"
    assert _shown(wizard.button(QWizard.WizardButton.NextButton).text()) == "Lanjut >"
    assert _shown(wizard.button(QWizard.WizardButton.CancelButton).text()) == "Batal"


def test_the_file_dialog_speaks_indonesian(qtbot: QtBot, indonesian: None, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Pilih file", str(tmp_path), "Semua file (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt shows without a desktop
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): _shown(label.text()) for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "Cari di:"
    assert labels["fileNameLabel"] == "Nama file:"
    assert labels["fileTypeLabel"] == "Jenis file:"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert {_shown(b.text()) for b in buttons.buttons()} == {"Buka", "Batal"}


def test_every_text_in_our_qt_translation_is_one_qt_uses() -> None:
    """A typo in a source text would silently leave that button English."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = []
    for path in sorted(Path(folder).glob("qtbase_*.qm")):
        translator = QTranslator()
        assert translator.load(str(path))
        catalogues.append(translator)
    assert len(catalogues) > 10
    unknown = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if not any(c.translate(name, source) for c in catalogues):
                unknown.append((name, source))
            assert (message.findtext("translation") or "").strip(), (name, source)
    assert unknown == []


def test_the_compiled_qt_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "qtbase_id.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on qtbase_id.ts"


# -- a new language: Restart now -------------------------------------------------------------


def _language_action(window: MainWindow, title: str) -> object:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            submenu = action.menu()
            if submenu is None:
                continue
            for choice in submenu.actions():
                if choice.text() == title:
                    return choice
    raise AssertionError(f"no language {title!r} in the menus")


def _click(label: str) -> Callable[[QWidget], None]:
    def click(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert "restart" in widget.text()
        (button,) = [b for b in widget.buttons() if b.text() == label]
        button.click()

    return click


def test_choosing_indonesian_offers_restart_now_which_closes_and_starts_again(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    engine_db: Path,
    settings: Settings,
    dialogs: DialogAnswerer,
) -> None:
    window = open_window(engine_db)
    dialogs.then(_click("Later"))
    _language_action(window, "Bahasa Indonesia").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialogs.done)
    assert window.isVisible()  # later: nothing else happens now
    assert settings.language == "id"
    assert not restart.pending()

    _language_action(window, "English").trigger()  # type: ignore[attr-defined]
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None  # English is what it speaks: no question
    assert settings.language == "en"
    assert window.isVisible()

    dialogs.then(_click("Restart now"))
    _language_action(window, "Bahasa Indonesia").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialogs.done)
    try:
        assert not window.isVisible()  # closed the usual way (layout saved, desk shut)
        assert restart.pending()  # started again once the event loop has ended
    finally:
        restart.cancel()


def test_the_restart_command_starts_the_desk(tmp_path: Path) -> None:
    command = restart.command(["agencydesk", "--db", str(tmp_path / "desk.sqlite3")])
    environment = {
        **os.environ,
        "AGENCYDESK_STARTUP_PROBE": "shown",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    assert "PROBE shown" in done.stdout, done.stderr
