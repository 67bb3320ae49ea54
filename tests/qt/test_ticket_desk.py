"""The ticket desk as a user works it: replies move the status, drafts stay with their ticket,
the client's caution note is where you reply, and the keyboard leaves the reply box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer

from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings
from agencydesk.qt.shell.window_fit import DEFAULT_SIZE
from agencydesk.qt.tickets.new_ticket_dialog import NewTicketDialog
from agencydesk.qt.tickets.ticket_model import CLIENT_NAME_ROLE
from agencydesk.qt.tickets.tickets_page import TicketsPage

Opener = Callable[[Path], MainWindow]


@contextmanager
def drafts_erased_after(window: MainWindow) -> Iterator[None]:
    """Erase the reply box at the end, even after a failed check: closing the window must not
    ask about a kept draft with nobody there to answer (pytest-qt closes it before fixtures
    are torn down)."""
    try:
        yield
    finally:
        if window.isVisible() and window.pages.tickets is not None:
            window.pages.tickets.view.reply_area.reply.clear()
            window.pages.tickets.view.reply_area.drafts.kept_here.clear()


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
    qtbot.keyClicks(page.view.reply_area.reply, text)
    qtbot.keyClick(
        page.view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )


@pytest.mark.usefixtures("inline_tasks")
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
    qtbot.mouseClick(view.reply_area.from_me, Qt.MouseButton.LeftButton)
    post(qtbot, page, "Sudah Bu, panduannya saya kirim sekarang.")
    assert view.status.currentText() == "Waiting on client"
    window.show_section("today")
    qtbot.waitUntil(lambda: not any(MENU_PHOTO in line for line in waiting_lines()))

    page = tickets_page(window)
    click_ticket(qtbot, page, MENU_PHOTO)
    qtbot.mouseClick(view.reply_area.from_client, Qt.MouseButton.LeftButton)
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


CATALOGUE = "Upload 40 product photos to the catalogue"  # Bu Sari's


def conversation_of(page: TicketsPage) -> str:
    return page.view.conversation.toPlainText()


@pytest.mark.usefixtures("inline_tasks")
def test_a_draft_stays_with_its_ticket_and_is_kept_on_quitting(
    qtbot: QtBot, open_window: Opener, demo_db: Path, settings: Settings, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    with drafts_erased_after(window):
        page = tickets_page(window)
        click_ticket(qtbot, page, CATALOGUE)
        qtbot.keyClicks(page.view.reply_area.reply, "Bu Sari, fotonya sudah saya pasang 20 dulu")
        click_ticket(qtbot, page, MENU_PHOTO)  # Bu Ratna's
        assert page.view.reply_area.reply.toPlainText() == ""
        ratna_before = conversation_of(page)
        qtbot.keyClick(
            page.view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        assert conversation_of(page) == ratna_before  # nothing was posted to Ratna
        assert "fotonya sudah saya pasang" not in ratna_before

        click_ticket(qtbot, page, CATALOGUE)
        assert (
            page.view.reply_area.reply.toPlainText() == "Bu Sari, fotonya sudah saya pasang 20 dulu"
        )
        assert page.view.reply_area.draft_label.isVisible()

        # quitting keeps the draft and says so; "Back to the reply" stays
        def answer(button_text: str) -> Callable[[QWidget], None]:
            def press(widget: QWidget) -> None:
                assert isinstance(widget, QMessageBox)
                next(b for b in widget.buttons() if b.text() == button_text).click()

            return press

        click_ticket(qtbot, page, MENU_PHOTO)
        dialogs.then(answer("Back to the reply"))
        window.close()
        qtbot.waitUntil(lambda: dialogs.done)
        assert window.isVisible()
        assert page.view.title_label.text() == CATALOGUE  # back on the reply that waits
        assert dialogs.texts[-1] == (
            f"Your reply on “{CATALOGUE}” (Ibu Sari Handayani) is not added yet. "
            "It is kept as a draft: it will be in the reply box when you open the ticket again."
        )
        dialogs.then(answer("Quit"))
        window.close()
        qtbot.waitUntil(lambda: dialogs.done)
        assert not window.isVisible()

    # after a restart the draft is there, and Ctrl+Enter posts it to Bu Sari
    again = open_window(demo_db)
    with drafts_erased_after(again):
        page = tickets_page(again)
        click_ticket(qtbot, page, CATALOGUE)
        assert (
            page.view.reply_area.reply.toPlainText() == "Bu Sari, fotonya sudah saya pasang 20 dulu"
        )
        qtbot.keyClick(
            page.view.reply_area.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        assert "fotonya sudah saya pasang 20 dulu" in conversation_of(page)
        assert page.view.reply_area.reply.toPlainText() == ""
        assert not page.view.reply_area.draft_label.isVisible()
        click_ticket(qtbot, page, MENU_PHOTO)
        click_ticket(qtbot, page, CATALOGUE)
        assert page.view.reply_area.reply.toPlainText() == ""  # added, so no longer a draft


SSL = "SSL certificate for shop.kopinusantara.example"  # Andi's: no caution note


@pytest.mark.usefixtures("inline_tasks")
def test_the_clients_caution_note_shows_where_you_reply(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    window = open_window(demo_db)
    page = tickets_page(window)
    view = page.view
    click_ticket(qtbot, page, MENU_PHOTO)
    assert view.caution.isVisible()
    assert view.caution.text().startswith(
        "Handle with care: Be gentle and patient. Explain one step per message"
    )
    # right above the reply box
    below = view.caution.mapTo(view, view.caution.rect().bottomLeft()).y()
    assert (
        0
        <= view.reply_area.reply.mapTo(view, view.reply_area.reply.rect().topLeft()).y() - below
        <= 12
    )
    click_ticket(qtbot, page, SSL)
    assert not view.caution.isVisible()


@pytest.mark.usefixtures("inline_tasks")
def test_tab_leaves_the_reply_box(qtbot: QtBot, open_window: Opener, demo_db: Path) -> None:
    window = open_window(demo_db)
    with drafts_erased_after(window):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page = tickets_page(window)
        click_ticket(qtbot, page, SSL)
        qtbot.mouseClick(page.view.reply_area.reply, Qt.MouseButton.LeftButton)
        assert page.view.reply_area.reply.hasFocus()
        qtbot.keyClicks(page.view.reply_area.reply, "Sama-sama")
        qtbot.keyClick(page.view.reply_area.reply, Qt.Key.Key_Tab)
        assert page.view.reply_area.reply.toPlainText() == "Sama-sama"  # no tab typed in
        assert not page.view.reply_area.reply.hasFocus()
        page.view.reply_area.reply.clear()


def test_ctrl_t_chooses_no_client_unless_the_page_shows_one(
    qtbot: QtBot, open_window: Opener, demo_db: Path, dialogs: DialogAnswerer
) -> None:
    window = open_window(demo_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clients = window.pages.clients
    assert clients is not None
    window.show_section("clients")
    ratna = next(
        clients.model.row_id(r)
        for r in range(clients.model.rowCount())
        if clients.model.index(r, 0).data() == "Ibu Ratna Wulandari"
    )
    clients.select_client(ratna)  # chosen on the Clients page, which is then hidden
    chosen: list[str] = []

    def note_client_and_cancel(widget: QWidget) -> None:
        assert isinstance(widget, NewTicketDialog)
        qtbot.waitUntil(widget.client.isEnabled)  # its clients are read in a worker
        chosen.append(widget.client.currentText())
        widget.reject()

    for section in ("today", "tickets", "clients"):
        window.show_section(section)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        dialogs.then(note_client_and_cancel)
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dialogs.done)
    assert chosen == ["", "", "Ibu Ratna Wulandari"]


@pytest.mark.usefixtures("inline_tasks")
def test_the_ticket_list_shows_priority_due_and_updated_at_the_default_size(
    qtbot: QtBot, open_window: Opener, demo_db: Path, language: str
) -> None:
    window = open_window(demo_db)
    with drafts_erased_after(window):
        window.resize(
            DEFAULT_SIZE
        )  # the size a first start opens at (on a screen with room for it)
        assert (window.width(), window.height()) == (1180, 720)
        page = tickets_page(window)
        table, model = page.table, page.model
        horizontal = Qt.Orientation.Horizontal
        wanted = {
            "en": ["Priority", "Due", "Updated"],
            "id": ["Prioritas", "Tenggat", "Diperbarui"],
        }

        def check_columns() -> None:
            shown = [
                str(model.headerData(c, horizontal))
                for c in range(model.columnCount())
                if not table.isColumnHidden(c)
                and table.columnViewportPosition(c) + table.columnWidth(c)
                <= table.viewport().width()
            ]
            assert all(name in shown for name in wanted[language]), shown
            assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll to
            assert table.columnWidth(0) >= 150  # the title keeps room to be read

        for title in (MENU_PHOTO, SSL):  # a resolved ticket shows its satisfaction too
            click_ticket(qtbot, page, title)
            check_columns()
        # a kept draft says so, in full, without squeezing the list
        qtbot.keyClicks(page.view.reply_area.reply, "Sama-sama Pak")
        click_ticket(qtbot, page, MENU_PHOTO)
        click_ticket(qtbot, page, SSL)
        label = page.view.reply_area.draft_label
        assert label.isVisible()
        assert label.width() >= label.sizeHint().width()
        check_columns()
        # ticket numbers, where rows are counted, and each client under the title
        assert model.headerData(0, Qt.Orientation.Vertical) == f"#{model.row_id(0)}"
        assert table.verticalHeader().isVisible()
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == MENU_PHOTO)
        assert model.index(row, 0).data(CLIENT_NAME_ROLE) == "Ibu Ratna Wulandari"
