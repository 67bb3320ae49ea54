"""Today's cards and the restore list show what they hold whole: no card grows a scroll bar of
its own (one had, with a black handle), no backup line is cut at the right edge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.core import backup, tickets
from agencydesk.core.db import session_scope
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.restore_dialog import RestoreDialog
from agencydesk.qt.today.today_page import TodayCard, TodayPage

Opener = Callable[[Path], MainWindow]


def _every_line_shows_whole(lines: QListWidget) -> None:
    """Every line inside the list, all its words on screen (wrapped, not cut)."""
    viewport = lines.viewport()
    assert not lines.verticalScrollBar().isVisible()
    assert not lines.horizontalScrollBar().isVisible()
    metrics = lines.fontMetrics()
    for row in range(lines.count()):
        item = lines.item(row)
        rect = lines.visualItemRect(item)
        assert rect.top() >= 0
        assert rect.bottom() <= viewport.height(), (row, rect, viewport.height())
        needed = metrics.boundingRect(
            QRect(0, 0, viewport.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert needed.width() <= viewport.width(), item.text()
        assert needed.height() <= rect.height(), (item.text(), needed, rect)


def _today(qtbot: QtBot, window: MainWindow) -> TodayPage:
    page = window.pages.today
    assert page is not None
    assert window.stack.currentWidget() is page  # the start page
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)
    return page


def test_a_card_with_many_lines_shows_them_all_and_the_page_scrolls(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path
) -> None:
    with session_scope(demo_engine) as session:
        client_id = tickets.list_tickets(session=session)[0].client_id
        for number in range(1, 19):
            tickets.create_ticket(
                session=session,
                client_id=client_id,
                values={
                    "title": f"Fix the contact form, part {number} of many small steps",
                    "due_date": date.today() - timedelta(days=number),
                },
            )
    demo_engine.dispose()
    window = open_window(db_path)
    page = _today(qtbot, window)
    qtbot.waitUntil(lambda: page.overdue.list.count() == 19, timeout=10_000)
    qtbot.wait(50)
    for width in (1000, 780):  # wrapped anew in a narrower window
        window.resize(width, window.height())
        qtbot.wait(50)
        _every_line_shows_whole(page.overdue.list)
    assert page.findChild(QScrollArea).verticalScrollBar().maximum() > 0  # the page scrolls instead


def _card_height_is_its_content(card: TodayCard) -> bool:
    return card.height() <= card.sizeHint().height() + 2


def test_cards_are_as_tall_as_what_they_say(
    qtbot: QtBot, open_window: Opener, demo_db: Path
) -> None:
    """An empty card ("No guides sent yet today.") is no large empty box."""
    window = open_window(demo_db)
    page = _today(qtbot, window)
    qtbot.waitUntil(page.guides.empty.isVisible, timeout=3000)
    # the layout settles once the cards' contents are in (a loaded machine takes longer)
    qtbot.waitUntil(lambda: _card_height_is_its_content(page.guides), timeout=3000)
    for card in (page.overdue, page.due_today, page.waiting, page.first_responses):
        _every_line_shows_whole(card.list)


def test_the_restore_list_shows_each_backup_whole(qtbot: QtBot, demo_db: Path) -> None:
    when = datetime(2026, 12, 4, 16, 51, 56)
    for reason in ("manual", "before-restore", "before-upgrade"):
        backup.make_backup(demo_db, reason=reason, now=when)
    backup.daily_backup(demo_db, now=when)
    dialog = RestoreDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.list.count() == 4
    _every_line_shows_whole(dialog.list)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert not any("Universal" in text for text in texts)  # local time, no zone's long name
    assert any("backed up by you" in text for text in texts)


def test_without_backups_the_restore_dialog_says_so_under_its_intro(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The sentence that there is no backup yet stands right under the intro, where the list
    would be; it floated 140 pixels lower, the dialog's height spread between them."""
    dialog = RestoreDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty.isVisible()
    assert not dialog.list.isVisible()
    intro = dialog.findChildren(QLabel)[0]
    assert "backup" in intro.text()
    # the intro as tall as its lines, and the sentence under it drawn from the top of its place
    # (both were 152 pixels tall, each text centred in its half of the dialog)
    assert intro.height() <= intro.heightForWidth(intro.width()) + 8
    assert dialog.empty.geometry().top() - intro.geometry().bottom() < 20
    empty_text_height = dialog.empty.heightForWidth(dialog.empty.width())
    assert (
        dialog.empty.alignment() & Qt.AlignmentFlag.AlignTop
        or dialog.empty.height() <= empty_text_height + 8
    )


def test_today_shows_the_desks_first_impression_month_by_month(
    qtbot: QtBot, open_window: Opener, demo_engine: Engine, db_path: Path
) -> None:
    import re

    from PySide6.QtCore import QDate
    from sqlmodel import Session

    from agencydesk.core import first_impression
    from agencydesk.qt.common.formatting import locale_for

    with Session(demo_engine) as session:
        months = first_impression.last_months(session=session, months=6)
    demo_engine.dispose()
    window = open_window(db_path)
    page = _today(qtbot, window)
    assert page.months.title.text() == "First impression by month"
    assert page.months_table.isVisible()
    assert not page.months.empty.isVisible()
    rows = [
        re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)
        for row in re.findall(r"<tr>(.*?)</tr>", page.months_table.text())
    ]
    assert rows[0] == ["Month", "New", "First reply", "Within an hour", "Resolved in"]
    # this month and the five before it, newest first, with the desk's figures
    today = date.today()
    assert rows[1][0] == locale_for("en").toString(QDate(today.year, today.month, 1), "MMM yyyy")
    assert [row[1] for row in rows[1:]] == [str(m.figures.opened) for m in months]
    assert sum(m.figures.opened for m in months) >= 2  # the demo desk has new tickets
    # cards side by side: the short one stays as tall as what it says, once the layout settles
    # (a loaded machine takes longer than the 50 ms this waited: the test failed so)
    qtbot.waitUntil(lambda: _card_height_is_its_content(page.guides), timeout=3000)


def test_a_client_with_several_tickets_waiting_says_how_many_more(
    qtbot: QtBot, demo_engine: Engine, inline_tasks: None, language: str
) -> None:
    """Today shows one line per client waiting (their longest wait); the others were not
    mentioned at all, so a chat imported from far back could leave a hundred tickets waiting
    behind one line."""
    page = TodayPage(demo_engine)
    qtbot.addWidget(page)
    assert page.summary is not None
    first = page.summary.waiting_on_us[0]
    assert first.tickets_waiting == 1
    line = page.waiting.list.item(0).text()
    assert " · " in line
    assert not line.endswith(("ticket", "tickets", "lain"))
    with session_scope(demo_engine) as session:
        for number in range(3):
            tickets.create_ticket(
                session=session,
                client_id=first.client_id,
                values={"title": f"Old question {number}", "status": "waiting_on_us"},
            )
    page.refresh()
    assert page.summary.waiting_on_us[0].client_id == first.client_id
    more = {"en": " · and 3 more tickets", "id": " · dan 3 tiket lain"}[language]
    assert page.waiting.list.item(0).text() == line + more
