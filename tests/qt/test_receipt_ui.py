"""*Receipt…* on the Orders page and a client's Orders tab, driven as a user would; the PDF read
back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import orders, receipts
from agencydesk.core.models import Client
from agencydesk.qt.common.save_file import SAVE_FOLDER_KEY as REPORT_FOLDER_KEY
from agencydesk.qt.orders.client_orders import ClientOrdersView
from agencydesk.qt.orders.orders_page import OrdersPage


@pytest.fixture
def no_report_folder() -> Iterator[None]:
    QSettings().remove(REPORT_FOLDER_KEY)
    yield
    QSettings().remove(REPORT_FOLDER_KEY)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _choose(page: OrdersPage, title: str) -> int:
    page.search.setText(title)
    page.list.refresh()
    for row in range(page.model.rowCount()):
        found = page.model.order_row(row)
        if found is not None and found.title == title:
            page.list.select_id(found.id)
            return found.id
    raise AssertionError(f"no order {title!r}")


@pytest.mark.usefixtures("inline_tasks")
def test_a_paid_order_gets_its_receipt_saved_where_the_user_says(
    qtbot: QtBot,
    demo_engine: Engine,
    dialogs: DialogAnswerer,
    tmp_path: Path,
    no_report_folder: None,
) -> None:
    page = OrdersPage(demo_engine)
    qtbot.addWidget(page)
    page.show()
    label = f"{date.today().year}-0001"

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        assert widget.windowTitle() == f"Save receipt {label}"
        # Claire reads English (her form says so): the receipt and its name too
        assert Path(widget.selectedFiles()[0]).name == f"Receipt {label} Claire Dubois.pdf"
        widget.setDirectory(str(tmp_path))
        line = widget.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        line.setText("claire")  # no .pdf typed: it is added
        widget.accept()

    def saved(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        assert widget.windowTitle() == "Receipt saved"
        assert f"Receipt {label} for Claire Dubois is saved:" in widget.text()
        assert str(tmp_path / "claire.pdf") in widget.text()
        widget.button(QMessageBox.StandardButton.Close).click()

    order_id = _choose(page, "Villa website in English and French")
    assert page.receipt_button.isEnabled()
    dialogs.then(save_as).then(saved)
    page.receipt_button.click()
    qtbot.waitUntil(lambda: dialogs.done, timeout=30_000)
    text = _text(tmp_path / "claire.pdf")
    assert f"Receipt No. {label}" in text
    assert "Nine million five hundred thousand rupiah" in text
    assert QSettings().value(REPORT_FOLDER_KEY) == str(tmp_path)
    with Session(demo_engine) as session:
        issued = receipts.receipt_for_order(session=session, order_id=order_id)
    assert issued is not None
    assert issued.label == label


@pytest.mark.usefixtures("inline_tasks")
def test_receipt_is_offered_for_paid_orders_only(qtbot: QtBot, demo_engine: Engine) -> None:
    with Session(demo_engine) as session:
        andi = session.exec(select(Client).where(Client.name == "Andi Pratama")).one()
        statuses = {
            row.id: row.status for row in orders.list_orders(session=session, client_id=andi.id)
        }
    assert "paid" in statuses.values()
    assert set(statuses.values()) != {"paid"}
    view = ClientOrdersView(demo_engine)
    qtbot.addWidget(view)
    view.show()
    view.show_client(andi.id)
    for order_id, status in statuses.items():
        view.list.select_id(order_id)
        assert view.receipt_button.isEnabled() == (status == "paid"), status
