"""Orders in the desk: the Orders page, a client's Orders tab and the order form, driven as a user
would, and checked against the database itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, orders, timeline
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client, Order, Ticket
from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.clients.client_history import TimelineView
from agencydesk.qt.common.amount_edit import AmountEdit
from agencydesk.qt.orders.client_orders import ClientOrdersView
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.orders.order_model import OrderTableModel, format_order_amount
from agencydesk.qt.orders.orders_page import OrdersPage
from agencydesk.qt.shell.main_window import MainWindow

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
SAVE = QDialogButtonBox.StandardButton.Save


def _client_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        client = session.exec(select(Client).where(Client.name == name)).one()
        assert client.id is not None
        return client.id


def _shown_ids(model: OrderTableModel) -> list[int]:
    return [
        model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1) for row in range(model.rowCount())
    ]


#: every order straight from the table, for the tests to filter by hand
_ALL_ORDERS = sa.text(
    "SELECT client_order.id, title, amount, currency, status, quoted_on, won_on, paid_on, "
    "client.name FROM client_order JOIN client ON client.id = client_order.client_id"
)


def _raw_orders(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(_ALL_ORDERS)]
    for row in rows:
        for key in ("quoted_on", "won_on", "paid_on"):
            row[key] = date.fromisoformat(row[key]) if row[key] else None
        row["day"] = row["paid_on"] or row["won_on"] or row["quoted_on"]
    return rows


def _plain(label: QLabel) -> str:
    """What a rich-text label shows, as text (no-break spaces as spaces)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\xa0", " ")


def _totals_text(rows: list[dict[str, Any]], status: str, currency: str = "IDR") -> str:
    amount = sum(r["amount"] for r in rows if r["status"] == status and r["currency"] == currency)
    return format_order_amount(amount, currency)


def test_the_order_model_passes_the_model_tester(qtmodeltester: Any, demo_engine: Engine) -> None:
    model = OrderTableModel(demo_engine)
    model.refresh()  # a new model is read by its list (in a worker)
    model.sort(OrderTableModel.AMOUNT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
    # (the tester stays connected: a check after a change sees the change happen)
    model.set_filter(status="paid", search="hosting")
    qtmodeltester.check(model, force_py=True)
    empty = OrderTableModel(demo_engine, client_only=True)  # a client tab before any client
    empty.refresh()  # a new model is read by its list (in a worker)
    assert empty.rowCount() == 0
    qtmodeltester.check(empty, force_py=True)


@pytest.mark.usefixtures("inline_tasks")
def test_the_orders_page_lists_every_demo_order_with_its_totals(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    raw = _raw_orders(demo_engine)
    assert sorted(_shown_ids(page.model)) == sorted(r["id"] for r in raw)
    assert page.count_label.text() == f"{len(raw)} orders"
    totals = _plain(page.totals_label)
    for status in ("paid", "won", "quoted"):
        assert _totals_text(raw, status) in totals
    assert "Paid US$ 450" in totals  # dollars are never added to rupiah
    # the columns a user reads
    model = page.model
    andi = next(r for r in raw if r["currency"] == "USD" and r["status"] == "paid")
    row = model.row_of(andi["id"])
    assert row is not None
    cells = [model.index(row, column).data() for column in range(model.columnCount())]
    assert cells[:4] == [andi["name"], andi["title"], "Paid", f"US$ {andi['amount']}"]
    ratna_site = next(r for r in raw if r["title"].startswith("Company profile website"))
    row = model.row_of(ratna_site["id"])
    assert row is not None
    assert model.index(row, OrderTableModel.AMOUNT).data() == "Rp 3.500.000"


def _this_year(day: date | None, today: date) -> bool:
    return day is not None and day.year == today.year


def _last_12_months(day: date | None, today: date) -> bool:
    """After the same day a year ago (28 February for the 29th)."""
    year_ago = date(today.year - 1, today.month, min(today.day, 28 if today.month == 2 else 31))
    return day is not None and day > year_ago


def _this_month(day: date | None, today: date) -> bool:
    return day is not None and (day.year, day.month) == (today.year, today.month)


@pytest.mark.parametrize(
    ("status", "statuses", "period", "in_period"),
    [
        ("paid", {"paid"}, "all", None),
        ("open", {"quoted"}, "all", None),
        ("won", {"won"}, "year", _this_year),
        ("closed", {"lost", "cancelled"}, "all", None),
        ("all", None, "12m", _last_12_months),
        ("all", None, "month", _this_month),
        ("paid", {"paid"}, "12m", _last_12_months),
    ],
)
@pytest.mark.usefixtures("inline_tasks")
def test_filters_change_the_rows_and_the_totals(
    qtbot: QtBot,
    demo_engine: Engine,
    status: str,
    statuses: set[str] | None,
    period: str,
    in_period: Callable[[date | None, date], bool] | None,
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    today = date.today()
    expected = [
        r
        for r in _raw_orders(demo_engine)
        if (statuses is None or r["status"] in statuses)
        and (in_period is None or in_period(r["day"], today))
    ]
    page.status_filter.setCurrentIndex(page.status_filter.findData(status))
    page.period_filter.setCurrentIndex(page.period_filter.findData(period))
    assert sorted(_shown_ids(page.model)) == sorted(r["id"] for r in expected)
    totals = _plain(page.totals_label)
    if not expected:  # the demo desk has orders: these filters hide them
        assert totals == "No orders match."
        assert page.list.empty_label.text() == "Nothing matches the search or the filters."
    if any(r["status"] == "paid" and r["currency"] == "IDR" for r in expected):
        assert f"Paid {_totals_text(expected, 'paid')}" in totals
    else:
        assert "Paid Rp" not in totals
    if any(r["status"] == "won" for r in expected):
        assert f"Outstanding {_totals_text(expected, 'won')}" in totals
    else:
        assert "Outstanding" not in totals


def test_searching_finds_titles_and_client_names(qtbot: QtBot, demo_engine: Engine) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    raw = _raw_orders(demo_engine)
    qtbot.keyClicks(page.search, "hosting 2025")
    hosting = sorted(
        r["id"] for r in raw if "hosting" in r["title"].lower() and "2025" in r["title"]
    )
    qtbot.waitUntil(lambda: sorted(_shown_ids(page.model)) == hosting)
    assert page.count_label.text() == f"{len(hosting)} orders"
    page.search.setText("yusuf")
    yusuf = sorted(r["id"] for r in raw if "Yusuf" in r["name"])
    qtbot.waitUntil(lambda: sorted(_shown_ids(page.model)) == yusuf)


def test_sorting_by_a_column_header(qtbot: QtBot, demo_engine: Engine) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.table.sortByColumn(OrderTableModel.AMOUNT, Qt.SortOrder.DescendingOrder)
    raw = _raw_orders(demo_engine)
    biggest = max((r for r in raw if r["currency"] == "IDR"), key=lambda r: r["amount"])
    qtbot.waitUntil(lambda: _shown_ids(page.model)[:1] == [biggest["id"]])  # read in a worker


def _fill_new_order(qtbot: QtBot, ticket_title: str | None = None) -> Callable[[QWidget], None]:
    def fill(widget: QWidget) -> None:
        assert isinstance(widget, OrderFormDialog)
        qtbot.keyClicks(widget.title, "Menu photos for Ramadan")
        qtbot.keyClicks(widget.amount, "2750000")
        assert widget.amount.text() == "2.750.000"
        widget.status.setCurrentIndex(widget.status.findData("won"))
        assert widget.won_on.value() == date.today()  # said yes today, unless told otherwise
        if ticket_title is not None:
            widget.ticket.setCurrentIndex(widget.ticket.findText(ticket_title))
        widget.buttons.button(SAVE).click()
        assert not widget.isVisible()

    return fill


@pytest.mark.usefixtures("inline_tasks")
def test_a_new_order_from_the_client_tab_shows_there_in_the_timeline_and_on_the_page(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    bambang = _client_id(demo_engine, "Pak Bambang Santoso")
    with Session(demo_engine) as session:
        ticket = session.exec(select(Ticket).where(Ticket.client_id == bambang)).first()
        assert ticket is not None
    page = OrdersPage(demo_engine)  # open elsewhere: it hears about the new order
    qtbot.addWidget(page)
    before = page.model.total
    view = ClientOrdersView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_client(bambang)
    rows_before = view.model.rowCount()

    dialogs.then(_fill_new_order(qtbot, ticket.title))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.done)

    assert view.model.rowCount() == rows_before + 1
    row = view.table.currentIndex().row()
    assert view.model.index(row, OrderTableModel.TITLE).data() == "Menu photos for Ramadan"
    assert view.model.index(row, OrderTableModel.STATUS).data() == "Won"
    assert "Outstanding Rp 2.750.000" in _plain(view.totals_label)
    with Session(demo_engine) as session:
        saved = orders.list_orders(session=session, client_id=bambang, search="Ramadan")
    assert [(o.amount, o.currency, o.status, o.ticket_id) for o in saved] == [
        (2_750_000, "IDR", "won", ticket.id)
    ]
    history = TimelineView(demo_engine)
    qtbot.addWidget(history)
    history.show_client(bambang)
    assert ("order_won", "Menu photos for Ramadan") in [(e.kind, e.subject) for e in history.events]
    assert "Rp 2.750.000" in history.toPlainText()
    assert page.model.total == before  # hidden pages wait until they are looked at
    page.show()
    qtbot.waitUntil(lambda: page.model.total == before + 1)


@pytest.mark.usefixtures("inline_tasks")
def test_a_fitted_column_keeps_its_title_and_figures_off_its_edge(
    qtbot: QtBot, demo_engine: Engine, language: str
) -> None:
    """Fitted exactly, the client's Orders tab cut the last letter of "Jumlah" (right-aligned)
    against the column's edge, and "US$ 800" touched the column after it."""
    view = ClientOrdersView(demo_engine)
    qtbot.addWidget(view)
    view.resize(420, 300)
    view.show()
    view.show_client(_client_id(demo_engine, "Andi Pratama"))  # US$ 800: narrower than its title
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.wait(10)  # the columns are measured once the rows are laid out
    header = view.table.horizontalHeader()
    for column in OrderTableModel.FIGURES:
        if view.table.isColumnHidden(column):
            continue
        needed = max(header.sectionSizeHint(column), view.table.sizeHintForColumn(column))
        assert header.sectionSize(column) > needed, view.model.headerData(
            column, Qt.Orientation.Horizontal
        )


@pytest.mark.usefixtures("inline_tasks")
def test_a_new_order_from_the_page_asks_which_client(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)

    def fill(widget: QWidget) -> None:
        assert isinstance(widget, OrderFormDialog)
        qtbot.keyClicks(widget.title, "Logo")
        widget.buttons.button(SAVE).click()
        error = widget.findChild(QLabel, "error_client")
        assert error is not None
        assert error.isVisible()
        assert "client" in error.text()
        assert widget.isVisible()
        # a name typed in full counts (setText: the offscreen platform cannot show the popup)
        widget.client.lineEdit().setText("claire dubois")
        widget.buttons.button(SAVE).click()
        assert not widget.isVisible()

    dialogs.then(fill)
    page.new_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    current = page.current_order_id()
    with Session(demo_engine) as session:
        order = orders.get_order(session=session, order_id=current or 0)
        assert (order.title, order.client_id) == ("Logo", _client_id(demo_engine, "Claire Dubois"))
        assert order.status == "quoted"
        assert order.quoted_on == date.today()


def test_the_amount_keeps_its_separators_as_you_type(qtbot: QtBot) -> None:
    edit = AmountEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "9000000")
    assert edit.text() == "9.000.000"
    assert edit.value() == 9_000_000
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "900.000"
    # typing in the middle keeps the cursor after the digit typed
    edit.setCursorPosition(1)
    qtbot.keyClicks(edit, "5")
    assert edit.text() == "9.500.000"
    assert edit.cursorPosition() == 3
    # Backspace just after a separator removes the digit before it
    edit.set_value(12_345)
    edit.setCursorPosition(3)  # 12.|345
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "1.345"
    # letters, dots and the currency pasted along are dropped; leading zeros too
    edit.clear()
    qtbot.keyClicks(edit, "Rp 001.5a00.000")
    assert edit.text() == "1.500.000"
    edit.set_currency("USD")
    assert edit.text() == "1,500,000"
    edit.clear()
    qtbot.keyClicks(edit, "00")
    assert edit.text() == "0"
    qtbot.keyClicks(edit, "1200")
    assert edit.text() == "1,200"
    assert edit.value() == 1200


def test_validation_shows_a_message_and_keeps_the_dialog_open(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    with Session(demo_engine) as session:
        before = orders.count_orders(session=session)
    dialog = OrderFormDialog(demo_engine, client_id=ratna)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.client_name.text() == "Ibu Ratna Wulandari"
    dialog.buttons.button(SAVE).click()
    title_error = dialog.findChild(QLabel, "error_title")
    assert title_error is not None
    assert title_error.isVisible()
    assert "what the order is" in title_error.text()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Logo")
    assert not title_error.isVisible()
    dialog.quoted_on.set_value(date(2026, 5, 1))
    dialog.won_on.set_value(date(2026, 4, 1))
    dialog.buttons.button(SAVE).click()
    won_error = dialog.findChild(QLabel, "error_won_on")
    assert won_error is not None
    assert won_error.isVisible()
    assert "before the quote" in won_error.text()
    assert dialog.isVisible()
    with Session(demo_engine) as session:
        assert orders.count_orders(session=session) == before
    dialog.won_on.set_value(date(2026, 5, 2))
    assert not won_error.isVisible()
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible()
    assert dialog.saved_order_id is not None


def test_editing_an_order_keeps_what_was_not_touched(qtbot: QtBot, demo_engine: Engine) -> None:
    andi = _client_id(demo_engine, "Andi Pratama")
    with Session(demo_engine) as session:
        landing = orders.list_orders(session=session, client_id=andi, status="paid")[0]
    dialog = OrderFormDialog(demo_engine, order_id=landing.id)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "450"
    assert dialog.currency.currentData() == "USD"
    # the currency box says which money it is; a "US$" label before the amount said it twice
    assert [label.text() for label in dialog.findChildren(QLabel) if "$" in label.text()] == []
    assert dialog.paid_on.value() == landing.paid_on
    dialog.title.setText("Landing page for Kopi Nusantara (2 languages)")
    dialog.buttons.button(SAVE).click()
    with Session(demo_engine) as session:
        after = orders.get_order(session=session, order_id=landing.id)
        assert (after.title, after.amount, after.currency, after.paid_on) == (
            "Landing page for Kopi Nusantara (2 languages)",
            450,
            "USD",
            landing.paid_on,
        )


@pytest.mark.usefixtures("inline_tasks")
def test_delete_asks_first_then_removes_the_order(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    order_id = page.current_order_id()
    assert order_id is not None
    title = page.model.index(0, OrderTableModel.TITLE).data()
    total = page.model.total

    dialogs.click(No)
    page.delete_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    assert title in dialogs.texts[0]
    assert order_id in _shown_ids(page.model)

    dialogs.click(Yes)
    page.delete_button.click()
    qtbot.waitUntil(lambda: dialogs.done)
    assert order_id not in _shown_ids(page.model)
    assert page.count_label.text() == f"{total - 1} orders"
    with Session(demo_engine) as session:
        assert orders.count_orders(session=session) == total - 1


@pytest.mark.usefixtures("inline_tasks")
def test_the_client_tab_deletes_too_and_says_when_there_is_nothing(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    andi = _client_id(demo_engine, "Andi Pratama")
    view = ClientOrdersView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_client(andi)
    assert "Paid US$ 450" in _plain(view.totals_label)
    for _order in range(view.model.rowCount()):
        dialogs.click(Yes)
        view.delete_button.click()
        qtbot.waitUntil(lambda: dialogs.done)
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty_label
    assert "No orders yet" in view.empty_label.text()
    assert "Andi Pratama" in view.empty_label.text()
    assert not view.edit_button.isEnabled()
    with Session(demo_engine) as session:
        events = timeline.client_timeline(session=session, client_id=andi, limit=200)
        assert orders.count_orders(session=session, client_id=andi) == 0
    assert not [e for e in events if e.kind.startswith("order_")]  # gone from the history too


@pytest.mark.usefixtures("inline_tasks")
def test_double_click_edits_and_open_client_goes_to_the_client(
    qtbot: QtBot, demo_engine: Engine, dialogs: DialogAnswerer
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    index = page.model.index(2, OrderTableModel.TITLE)
    seen: list[str] = []

    def look(widget: QWidget) -> None:
        assert isinstance(widget, OrderFormDialog)
        seen.append(widget.title.text())
        widget.reject()

    dialogs.then(look)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialogs.done)
    assert seen == [index.data()]
    with qtbot.waitSignal(page.client_activated) as signal:
        page.client_button.click()
    row = page.model.order_row(2)
    assert row is not None
    assert signal.args == [row.client_id]


@pytest.mark.usefixtures("inline_tasks")
def test_the_orders_section_opens_the_client_in_the_desk(
    qtbot: QtBot, demo_db: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(demo_db)
    window.show_section("orders")
    page = window.pages.page("orders")
    assert isinstance(page, OrdersPage)
    page.search.setText("florist")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.client_button.click()
    detail = window.pages.clients.detail  # type: ignore[union-attr]
    assert detail.name_label.text() == "Mbak Lestari Putri"
    detail.tabs.setCurrentWidget(detail.orders)
    assert detail.orders.model.rowCount() == 3
    assert "Florist online shop" in [
        detail.orders.model.index(r, OrderTableModel.TITLE).data() for r in range(3)
    ]


# -- the client form: who introduced them, when and how ------------------------------------------
def test_the_introduction_day_and_note_are_saved(qtbot: QtBot, demo_engine: Engine) -> None:
    hendra = _client_id(demo_engine, "Pak Hendra Gunawan")
    with Session(demo_engine) as session:
        message_before = session.get(Client, hendra).introduction_message_id  # type: ignore[union-attr]
    dialog = ClientFormDialog(demo_engine, client_id=hendra)
    qtbot.addWidget(dialog)
    assert dialog.introduction_note.isEnabled()
    dialog.introduction_note.setText("Bu Ratna told me about you at the arisan")
    dialog.has_introduced_on.setChecked(True)
    dialog.introduced_on.setDate(QDate(2024, 6, 10))
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible()
    with Session(demo_engine) as session:
        client = session.get(Client, hendra)
        assert client is not None
        assert client.introduction_note == "Bu Ratna told me about you at the arisan"
        assert client.introduced_on == date(2024, 6, 10)
        assert client.introduction_message_id == message_before


def test_a_referral_loop_is_explained_next_to_the_field(qtbot: QtBot, demo_engine: Engine) -> None:
    ratna = _client_id(demo_engine, "Ibu Ratna Wulandari")
    dialog = ClientFormDialog(demo_engine, client_id=ratna)
    qtbot.addWidget(dialog)
    dialog.show()
    # Ratna introduced Sari, who introduced Rina: Rina cannot have introduced Ratna
    dialog.introduced_by.setCurrentIndex(dialog.introduced_by.findText("Ibu Rina Marlina"))
    dialog.buttons.button(SAVE).click()
    error = dialog.findChild(QLabel, "error_introduced_by_id")
    assert error is not None
    assert error.isVisible()
    assert "this client introduced them" in error.text()
    assert dialog.isVisible()
    with Session(demo_engine) as session:
        assert session.get(Client, ratna).introduced_by_id is None  # type: ignore[union-attr]
    dialog.introduced_by.setCurrentIndex(0)  # nobody: the day and note go with it
    assert not dialog.introduction_note.isEnabled()
    assert not error.isVisible()


def test_coming_back_to_the_page_shows_what_changed_elsewhere(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    andi = _client_id(demo_engine, "Andi Pratama")
    hendra = _client_id(demo_engine, "Pak Hendra Gunawan")
    with session_scope(demo_engine) as session:  # done on the Clients page meanwhile
        clients.update_client(session=session, client_id=andi, values={"name": "Andi P."})
        clients.delete_client(session=session, client_id=hendra)
    page.hide()
    page.show()

    def names() -> set[str]:
        model = page.model
        return {model.index(r, OrderTableModel.CLIENT).data() for r in range(model.rowCount())}

    qtbot.waitUntil(lambda: "Andi P." in names())
    assert "Pak Hendra Gunawan" not in names()  # a deleted client's orders step aside


def test_a_new_order_on_an_empty_desk_says_to_add_the_client_first(
    qtbot: QtBot, engine: Engine
) -> None:
    dialog = OrderFormDialog(engine)
    qtbot.addWidget(dialog)
    dialog.title.setText("Website")
    dialog.buttons.button(SAVE).click()
    error = dialog.findChild(QLabel, "error_client")
    assert error is not None
    assert error.text() == "There are no clients yet. Please add the client first."


@pytest.mark.usefixtures("inline_tasks")
def test_the_figures_columns_fit_their_contents_and_follow_the_list(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Each status chip and amount fits its column (the chips are drawn wider than their text),
    and when the list is read again a longer amount widens its column."""
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    table, model = page.table, page.table.model()

    def fits(column: int) -> bool:
        option = QStyleOptionViewItem()
        option.initFrom(table)
        delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
        return all(
            table.columnWidth(column) >= delegate.sizeHint(option, model.index(row, column)).width()
            for row in range(model.rowCount())
        )

    qtbot.waitUntil(
        lambda: fits(OrderTableModel.STATUS) and fits(OrderTableModel.AMOUNT), timeout=2_000
    )
    before = table.columnWidth(OrderTableModel.AMOUNT)
    with session_scope(demo_engine) as session:
        client_id = session.exec(select(Client.id)).first()
        assert client_id is not None
        orders.create_order(
            session=session,
            client_id=client_id,
            values={"title": "Toko online besar", "amount": 987_654_321_000},
        )
    page.list.refresh()
    assert fits(OrderTableModel.AMOUNT)
    assert table.columnWidth(OrderTableModel.AMOUNT) > before


def test_the_totals_follow_a_change_made_elsewhere_while_working_far_down_the_list(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """Far down a long list, a change on another desk has the list read in a worker: the
    totals bar is read again with it, not left as it was."""
    client_id = _client_id(demo_engine, "Andi Pratama")
    now = datetime.now(UTC)
    with Session(demo_engine) as session:
        session.execute(
            sa.insert(Order),
            [
                {
                    "client_id": client_id,
                    "title": f"Hosting {number}",
                    "amount": 100_000,
                    "currency": "IDR",
                    "status": "won",
                    "won_on": date.today(),
                    "created_at": now,
                    "updated_at": now,
                }
                for number in range(700)
            ],
        )
        session.commit()
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    far = page.model.ids_reader()()[1][-1]
    assert page.list.select_id(far)
    qtbot.waitUntil(lambda: page.list.current_id() == far, timeout=5_000)
    assert page.table.currentIndex().row() == page.model.total - 1  # far down the list
    before = _plain(page.totals_label)
    with Session(demo_engine) as session:  # one of them paid, said on another desk
        session.execute(
            sa.update(Order)
            .where(Order.title == "Hosting 5")
            .values(status="paid", paid_on=date.today())
        )
        session.commit()
    page.list.refresh()
    qtbot.waitUntil(lambda: _plain(page.totals_label) != before, timeout=5_000)
    assert page.list.current_id() == far
