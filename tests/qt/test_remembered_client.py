"""The client chosen when the desk was closed is chosen again at the next start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_helpers import start_again

from agencydesk.qt.shell.main_window import MainWindow


@pytest.mark.usefixtures("inline_tasks")
def test_the_chosen_client_is_chosen_again_after_a_restart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], demo_db: Path, tmp_path: Path
) -> None:
    window = open_window(demo_db)
    page = window.pages.clients
    assert page is not None
    assert page.detail.name_label.text() == "Andi Pratama"  # the first, on a first start
    page.table.setFocus()
    for _ in range(4):  # Andi, Bambang, Claire, Dewi, Hendra (honorifics ignored)
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.detail.name_label.text() == "Pak Hendra Gunawan"
    window.close()

    again = start_again(qtbot, tmp_path / "settings.ini", demo_db)
    assert again.pages.clients is not None
    assert again.pages.clients.detail.name_label.text() == "Pak Hendra Gunawan"
    again.close()

    other_desk = tmp_path / "other" / "agencydesk.sqlite3"
    other_desk.parent.mkdir()
    other_desk.write_bytes(demo_db.read_bytes())
    third = start_again(qtbot, tmp_path / "settings.ini", other_desk)
    assert third.pages.clients is not None
    assert third.pages.clients.detail.name_label.text() == "Andi Pratama"  # another desk
    third.close()
