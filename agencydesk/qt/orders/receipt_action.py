"""*Receipt…* on a paid order: issue its receipt (or take the one already issued), ask where to
save it, and write the PDF in the background; then say where it is, with a button to open it.

Used by the Orders page and a client's Orders tab. The receipt is in the client's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import receipts
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.models import OrderStatus
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.dialogs import report_exception, show_user_error
from agencydesk.qt.common.save_file import ask_save_file


def receipt_possible(status: str | None) -> bool:
    """Whether *Receipt…* is offered for an order in *status* (only a paid one gets one)."""
    return status == OrderStatus.PAID.value


def receipt_button(clicked: Callable[[], object]) -> QPushButton:
    """*Receipt…*, enabled while a paid order is chosen (the page says when)."""
    button = push_button(
        QCoreApplication.translate("Receipt", "Receipt…"), clicked, name="receiptButton"
    )
    button.setToolTip(
        QCoreApplication.translate(
            "Receipt",
            "A receipt (kuitansi) for this paid order, in the client's language, as a PDF",
        )
    )
    button.setEnabled(False)
    return button


def _refusal(error: receipts.ReceiptRefused) -> str:
    texts = {
        "not_paid": QCoreApplication.translate(
            "Receipt", "A receipt is for a paid order: mark the order as paid first (with the day)."
        ),
        "nothing_paid": QCoreApplication.translate(
            "Receipt", "This order's amount is 0: there is nothing to give a receipt for."
        ),
    }
    return texts.get(error.code, str(error))


def _write(engine: Engine, receipt_id: int, path: Path) -> Path:
    """Worker: read what the receipt says (own Session) and draw it."""
    from agencydesk.reports.receipt import build_receipt_content
    from agencydesk.reports.receipt_pdf import render_receipt_pdf

    with Session(engine) as session:
        content = build_receipt_content(session=session, receipt_id=receipt_id)
    render_receipt_pdf(content, path)
    return path


def make_receipt(parent: QWidget, engine: Engine, order_id: int) -> workers.TaskHandle | None:
    """Issue the receipt of *order_id* and save it as a PDF where the user says. Returns the
    background task writing it (None when nothing is written: refused, or no file chosen)."""
    from agencydesk.reports.receipt import file_stem, receipt_language

    try:
        with session_scope(engine) as session:
            issued = receipts.issue_receipt(session=session, order_id=order_id)
            stem = file_stem(issued, receipt_language(session, issued))
    except receipts.ReceiptRefused as refused:
        show_user_error(
            parent,
            _refusal(refused),
            QCoreApplication.translate("Receipt", "No receipt for this order"),
        )
        return None
    except UserError as exc:
        report_exception(parent, exc)
        return None
    path = ask_save_file(
        parent,
        QCoreApplication.translate("Receipt", "Save receipt {label}").format(label=issued.label),
        f"{stem}.pdf",
        QCoreApplication.translate("Receipt", "PDF documents (*.pdf)"),
        ".pdf",
    )
    if path is None:
        return None
    return workers.run_task(
        lambda: _write(engine, issued.id, path),
        lambda saved: _announce(parent, issued, saved),
        lambda exc, details: report_exception(parent, exc, details),
        owner=parent if isinstance(parent, QObject) else None,
    )


def _announce(parent: QWidget, issued: receipts.ReceiptInfo, path: Path) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Receipt", "Receipt saved"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QCoreApplication.translate("Receipt", "Receipt {label} for {name} is saved:").format(
        label=issued.label, name=issued.client_name
    )
    box.setText(f"{text}\n{path}")
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Open)
    if box.exec() == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
