"""Amounts typed in the order form are read by the rules the desk writes money with (issue 14.1:
"1.500.000,50" became Rp 150.000.050 and "800.50" dollars 80,050), driven as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import orders
from agencydesk.core.models import Client
from agencydesk.qt.common.amount_edit import AmountEdit
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.shell import app as app_module

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    app_module.install_translators(qapp, "en")
    yield
    QLocale.setDefault(QLocale.c())


def _new_order(qtbot: QtBot, engine: Engine, name: str) -> OrderFormDialog:
    with Session(engine) as session:
        client = session.exec(select(Client).where(Client.name == name)).one()
    dialog = OrderFormDialog(engine, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Website toko")
    return dialog


def _saved(engine: Engine, dialog: OrderFormDialog) -> tuple[int, str]:
    assert dialog.saved_order_id is not None
    with Session(engine) as session:
        order = orders.get_order(session=session, order_id=dialog.saved_order_id)
        return order.amount, order.currency


def _amount_error(dialog: OrderFormDialog) -> QLabel:
    label = dialog.findChild(QLabel, "error_amount")
    assert label is not None
    return label


def test_indonesian_decimal_comma_is_read_as_decimals_not_as_digits(
    qtbot: QtBot, demo_engine: Engine, indonesian: None
) -> None:
    dialog = _new_order(qtbot, demo_engine, "Ibu Ratna Wulandari")
    qtbot.keyClicks(dialog.amount, "1500000,00")
    assert dialog.amount.text() == "1.500.000,00"  # what is shown is what will be saved
    assert not _amount_error(dialog).isVisible()
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible()
    assert _saved(demo_engine, dialog) == (1_500_000, "IDR")  # was 150.000.000


def test_rupiah_with_cents_are_refused_with_a_sentence_and_nothing_is_saved(
    qtbot: QtBot, demo_engine: Engine, indonesian: None
) -> None:
    with Session(demo_engine) as session:
        before = orders.count_orders(session=session)
    dialog = _new_order(qtbot, demo_engine, "Ibu Ratna Wulandari")
    qtbot.keyClicks(dialog.amount, "1.500.000,50")
    assert dialog.amount.text() == "1.500.000,50"
    error = _amount_error(dialog)
    assert error.isVisible()  # said while typing, not only on Save
    assert error.text() == "Rupiah tidak memakai desimal: ketik 1.500.000 tanpa “,50”."
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible()
    assert error.isVisible()
    with Session(demo_engine) as session:
        assert orders.count_orders(session=session) == before  # not Rp 150.000.050
    for _ in range(3):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Backspace)
    assert dialog.amount.text() == "1.500.000"
    assert not error.isVisible()
    dialog.buttons.button(SAVE).click()
    assert _saved(demo_engine, dialog) == (1_500_000, "IDR")


def test_dollars_with_a_decimal_point_are_refused_in_english(
    qtbot: QtBot, demo_engine: Engine, english: None
) -> None:
    dialog = _new_order(qtbot, demo_engine, "Andi Pratama")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    qtbot.keyClicks(dialog.amount, "800.50")
    assert dialog.amount.text() == "800.50"
    error = _amount_error(dialog)
    assert error.text() == "Amounts in USD are whole numbers: type 800 without “.50”."
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible()  # was saved as US$ 80,050
    for _ in range(3):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Backspace)
    assert (dialog.amount.text(), error.isVisible()) == ("800", False)
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "1250")
    assert dialog.amount.text() == "1,250"
    dialog.buttons.button(SAVE).click()
    assert _saved(demo_engine, dialog) == (1250, "USD")


def test_rupiah_keep_their_dots_in_english_and_commas_are_explained(
    qtbot: QtBot, english: None
) -> None:
    edit = AmountEdit("IDR")
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "1,500,000")  # the English habit, for rupiah written 1.500.000
    assert edit.text() == "1,500,000"
    assert edit.problem() == (
        "“,” starts decimals here, and “.” separates thousands: type the amount like 1.500.000."
    )
    edit.selectAll()
    qtbot.keyClicks(edit, "1500000")
    assert (edit.text(), edit.problem(), edit.value()) == ("1.500.000", "", 1_500_000)


def test_switching_the_currency_rewrites_the_amount_its_way(qtbot: QtBot, english: None) -> None:
    edit = AmountEdit("IDR")
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "1500000")
    edit.set_currency("USD")
    assert (edit.text(), edit.value()) == ("1,500,000", 1_500_000)
