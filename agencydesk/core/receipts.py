"""Receipts (*kuitansi*) for paid orders: issued once, numbered from a counter that never
repeats, and printed the same every time.

An order gets at most one receipt. Asking again for a receipt of the same order gives the one
already issued (same number, same words), so printing it twice never makes two numbers for one
payment. What the receipt says (client, what for, amount, day paid) is copied when it is issued:
a later edit of the order or of the client's name does not change a paper the client already
holds. The PDF is drawn by `agencydesk.reports.receipt`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from agencydesk.core.edits import get_row
from agencydesk.core.errors import UserError
from agencydesk.core.models import Client, Order, OrderStatus, Person, Receipt
from agencydesk.core.sequences import next_number

SEQUENCE = "receipt"

#: English text for the codes of `ReceiptRefused` (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "not_paid": "A receipt is for a paid order: mark the order as paid first (with the day).",
    "nothing_paid": "This order's amount is 0: there is nothing to give a receipt for.",
}


class ReceiptRefused(UserError):  # noqa: N818 (the name says it)
    """No receipt can be issued for this order; *code* is a key of `ERROR_TEXT`."""

    def __init__(self, code: str) -> None:
        super().__init__(ERROR_TEXT[code])
        self.code = code


@dataclass(frozen=True)
class ReceiptInfo:
    """An issued receipt (no ORM object, safe to hand between threads)."""

    id: int
    number: int
    order_id: int | None
    client_id: int | None
    client_name: str
    title: str
    amount: int
    currency: str
    paid_on: date
    issued_on: date
    #: the team member who issued it; None on a solo desk
    issued_by: str | None

    @property
    def label(self) -> str:
        """ "2026-0007": the year it was issued and its number, as printed on it."""
        return receipt_label(self.number, self.issued_on)


def receipt_label(number: int, issued_on: date) -> str:
    return f"{issued_on.year}-{number:04d}"


def _info(session: Session, receipt: Receipt) -> ReceiptInfo:
    assert receipt.id is not None
    person = session.get(Person, receipt.author_id) if receipt.author_id is not None else None
    return ReceiptInfo(
        id=receipt.id,
        number=receipt.number,
        order_id=receipt.order_id,
        client_id=receipt.client_id,
        client_name=receipt.client_name,
        title=receipt.title,
        amount=receipt.amount,
        currency=receipt.currency,
        paid_on=receipt.paid_on,
        issued_on=receipt.issued_on,
        issued_by=person.name if person is not None else None,
    )


def receipt_for_order(*, session: Session, order_id: int) -> ReceiptInfo | None:
    """The receipt already issued for *order_id*, if any."""
    receipt = session.exec(select(Receipt).where(Receipt.order_id == order_id)).first()
    return _info(session, receipt) if receipt is not None else None


def get_receipt(*, session: Session, receipt_id: int) -> ReceiptInfo:
    return _info(session, get_row(session, Receipt, receipt_id, "gone_receipt"))


def issue_receipt(*, session: Session, order_id: int, today: date | None = None) -> ReceiptInfo:
    """The receipt of the paid order *order_id*: the one already issued, or a new one with the
    next number. Refused (`ReceiptRefused`) for an order that is not paid or is for nothing.
    Writes in *session*'s transaction; the caller commits."""
    existing = receipt_for_order(session=session, order_id=order_id)
    if existing is not None:
        return existing
    order = get_row(session, Order, order_id, "gone_order")
    if order.status != OrderStatus.PAID.value or order.paid_on is None:
        raise ReceiptRefused("not_paid")
    if order.amount <= 0:
        raise ReceiptRefused("nothing_paid")
    client = get_row(session, Client, order.client_id, "gone_client")
    receipt = Receipt(
        number=next_number(session, SEQUENCE),
        order_id=order_id,
        client_id=order.client_id,
        client_name=client.name,
        title=order.title,
        amount=order.amount,
        currency=order.currency,
        paid_on=order.paid_on,
        issued_on=today or date.today(),
    )
    session.add(receipt)
    session.flush()
    return _info(session, receipt)
