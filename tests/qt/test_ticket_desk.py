"""The ticket desk as a user works it: replies move the status, drafts stay with their ticket,
the client's caution note is where you reply, and the keyboard leaves the reply box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.tickets.tickets_page import TicketsPage

Opener = Callable[[Path], MainWindow]

MENU_PHOTO = "How do I add a photo of the new menu?"  # Bu Ratna's, waiting on us


def click_ticket(qtbot: QtBot, page: TicketsPage, title: str) -> None:
    """Click the ticket's row in the list, as a user would."""
    table, model = page.table, page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view.title_label.text() == title


def tickets_page(window: MainWindow) -> TicketsPage:
    window.show_section("tickets")
    page = window.pages.tickets
    assert page is not None
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # all tickets
    return page


def post(qtbot: QtBot, page: TicketsPage, text: str) -> None:
    qtbot.keyClicks(page.view.reply, text)
    qtbot.keyClick(page.view.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_reply_hands_the_turn_to_the_client_and_today_stops_counting_the_wait(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    window.show_section("today")
    today = window.pages.today
    assert today is not None
    qtbot.waitUntil(lambda: today.summary is not None, timeout=10_000)

    def waiting_lines() -> list[str]:
        return [today.waiting.list.item(i).text() for i in range(today.waiting.list.count())]

    assert any(MENU_PHOTO in line for line in waiting_lines())
    page = tickets_page(window)
    click_ticket(qtbot, page, MENU_PHOTO)
    view = page.view
    assert view.status.currentText() == "Waiting on us"
    qtbot.mouseClick(view.from_me, Qt.MouseButton.LeftButton)
    post(qtbot, page, "Sudah Bu, panduannya saya kirim sekarang.")
    assert view.status.currentText() == "Waiting on client"
    window.show_section("today")
    qtbot.waitUntil(lambda: not any(MENU_PHOTO in line for line in waiting_lines()))

    page = tickets_page(window)
    click_ticket(qtbot, page, MENU_PHOTO)
    qtbot.mouseClick(view.from_client, Qt.MouseButton.LeftButton)
    post(qtbot, page, "Mas, fotonya kok tidak muncul?")
    assert view.status.currentText() == "Waiting on us"
    window.show_section("today")
    qtbot.waitUntil(lambda: any(MENU_PHOTO in line for line in waiting_lines()))

    # any status can still be set by hand
    page = tickets_page(window)
    click_ticket(qtbot, page, MENU_PHOTO)
    qtbot.keyClicks(view.status, "Res")  # typed on the status box
    click_ticket(qtbot, page, MENU_PHOTO)
    assert view.status.currentText() == "Resolved"
