"""A 1.2 MB note (pasted before notes had a limit) no longer freezes the window, and the form
refuses a new note over the limit with a sentence next to the field."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy import text
from sqlalchemy.engine import Engine

from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.common.long_text import PREVIEW_CHARS, TextViewerDialog, full_text
from agencydesk.qt.shell.main_window import MainWindow

Opener = Callable[[Path], MainWindow]


def long_note(size: int = 1_200_000) -> str:
    random.seed(7)
    words = [
        "website",
        "hosting",
        "domain",
        "email",
        "katering",
        "menu",
        "harga",
        "pesanan",
        "tolong",
        "bulan",
    ]
    lines = [" ".join(random.choice(words) for _ in range(12)) for _ in range(size // 70)]
    return "\n".join(lines)[:size]


@pytest.mark.usefixtures("inline_tasks")
def test_a_huge_old_note_shows_its_start_and_the_whole_of_it_fills_in_gradually(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path, dialogs: DialogAnswerer
) -> None:
    note = long_note()
    with demo_engine.begin() as connection:  # written before notes had a limit
        connection.execute(
            text("UPDATE client SET notes = :note WHERE name = 'Pak Bambang Santoso'"),
            {"note": note},
        )
    demo_engine.dispose()
    window = open_window(db_path)
    window.show_section("clients")
    page = window.pages.clients
    assert page is not None
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    page.table.selectRow(names.index("Pak Bambang Santoso"))
    detail = page.detail
    assert detail.name_label.text() == "Pak Bambang Santoso"
    assert len(detail.notes_label.text()) <= PREVIEW_CHARS + 2
    assert detail.notes_label.text().endswith("…")
    assert note.startswith(detail.notes_label.text()[:-2])
    assert detail.notes_more.isVisibleTo(window)
    assert detail.notes_more.text() == "Show all notes (1.2 MB)"

    ticks: list[int] = []
    seen: dict[str, int] = {}

    def look(widget: QWidget) -> None:
        assert isinstance(widget, TextViewerDialog)
        timer = QTimer(widget)  # the window keeps answering while the text fills in
        timer.timeout.connect(lambda: ticks.append(len(widget.text.toPlainText())))
        timer.start(5)
        seen["at first"] = len(widget.text.toPlainText())
        qtbot.waitUntil(lambda: widget.text.toPlainText() == note, timeout=60_000)
        timer.stop()
        widget.reject()

    dialogs.then(look)
    qtbot.mouseClick(detail.notes_more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.done, timeout=60_000)
    assert seen["at first"] < len(note)
    assert len({n for n in ticks if 0 < n < len(note)}) >= 3  # it grew while events ran

    form = ClientFormDialog(window.pages.clients._engine, client_id=detail.client_id)  # type: ignore[union-attr]
    qtbot.addWidget(form)
    form.show()
    assert full_text(form.notes) == note  # saving now would keep the whole note
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert not form.isVisible()  # unchanged: closes without a question, even while filling


def test_a_note_over_the_limit_is_refused_with_a_sentence_next_to_it(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    dialog = ClientFormDialog(demo_engine)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Ibu Wati")
    QGuiApplication.clipboard().setText("catatan " * 3_000)  # 24,000 characters
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "error_notes")
    assert error is not None
    assert error.isVisible()
    try:
        limit = QLocale().toString(20_000)
        assert error.text() == (
            f"Notes can hold up to {limit} characters. Keep long documents in a file and write "
            "here where it is."
        )
        assert dialog.isVisible()
        assert dialog.saved_client_id is None
    finally:
        dialog.done(0)  # closed without the discard question (the test is over)
        dialog.deleteLater()
