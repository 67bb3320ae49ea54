"""Orders: what a client ordered or was quoted for, with the amount and where it stands.

Amounts are whole numbers in the currency's own units (rupiah have no cents; a USD job is in
dollars). The core never formats money for display: the GUI does, from `amount` and `currency`.

Dates: `quoted_on`, `won_on` and `paid_on` are calendar days. When an order becomes won or paid
without the day being given, today is recorded (as a ticket records when it was resolved).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypedDict, Unpack, get_args

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import versions
from agencydesk.core.clients import get_client
from agencydesk.core.edits import get_row, known_fields, one_line, save_changes
from agencydesk.core.errors import ValidationError
from agencydesk.core.list_ids import ordered_ids, rows_with_ids
from agencydesk.core.models import Client, Message, Order, OrderStatus, Ticket, utcnow
from agencydesk.core.row_columns import row_columns
from agencydesk.core.word_filter import every_word_in

EDITABLE_FIELDS = (
    "title",
    "amount",
    "currency",
    "status",
    "quoted_on",
    "won_on",
    "paid_on",
    "ticket_id",
    "message_id",
)
DEFAULT_CURRENCY = "IDR"
#: statuses that count as a real order (the client said yes); quotes, lost and cancelled do not
ORDERED_STATUSES = (OrderStatus.WON.value, OrderStatus.PAID.value)
_CURRENCY = re.compile(r"^[A-Z]{3}$")

#: English text for the error codes this module raises (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "title_required": "Please say what the order is (e.g. company profile website).",
    "too_long": "This is too long.",
    "amount_invalid": "The amount is a whole number, zero or more.",
    "currency_invalid": "A currency is three capital letters, like IDR or USD.",
    "status_unknown": "Choose one of the listed statuses.",
    "won_before_quote": "An order cannot be won before it was quoted.",
    "paid_before_quote": "An order cannot be paid before it was quoted.",
    "ticket_missing": "That ticket does not belong to this client (or no longer exists).",
    "message_missing": "That message does not belong to this client (or no longer exists).",
}


@dataclass(frozen=True)
class OrderRow:
    """One line of an order list (no ORM object, safe to hand between threads)."""

    id: int
    client_id: int
    client_name: str
    title: str
    amount: int
    currency: str
    status: str
    quoted_on: date | None
    won_on: date | None
    paid_on: date | None
    ticket_id: int | None
    message_id: int | None


@dataclass(frozen=True)
class OrderTotal:
    """The sum of the amounts of *count* orders in one currency and status."""

    currency: str
    status: str
    count: int
    amount: int


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = known_fields(values, EDITABLE_FIELDS, "order")
    if isinstance(cleaned.get("title"), str):
        cleaned["title"] = one_line(cleaned["title"])
    if isinstance(cleaned.get("currency"), str):
        cleaned["currency"] = cleaned["currency"].strip().upper()
    return cleaned


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    """Field → error code for what is wrong in *values* on their own (the full order's fields)."""
    errors: dict[str, str] = {}
    if "title" in values:
        title = values["title"] or ""
        if not title:
            errors["title"] = "title_required"
        elif len(title) > 200:
            errors["title"] = "too_long"
    if "amount" in values:
        amount = values["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            errors["amount"] = "amount_invalid"
    if "currency" in values and not (
        isinstance(values["currency"], str) and _CURRENCY.match(values["currency"])
    ):
        errors["currency"] = "currency_invalid"
    if "status" in values and values["status"] not in {s.value for s in OrderStatus}:
        errors["status"] = "status_unknown"
    quoted = values.get("quoted_on")
    if quoted is not None:
        won, paid = values.get("won_on"), values.get("paid_on")
        if won is not None and won < quoted:
            errors["won_on"] = "won_before_quote"
        if paid is not None and paid < quoted:
            errors["paid_on"] = "paid_before_quote"
    return errors


def _fill_status_dates(values: dict[str, Any], today: date) -> None:
    """A won or paid order without its day gets today (a paid one: won no later than paid)."""
    if values["status"] in ORDERED_STATUSES and values["won_on"] is None:
        paid = values["paid_on"]
        values["won_on"] = min(today, paid) if paid is not None else today
    if values["status"] == OrderStatus.PAID and values["paid_on"] is None:
        values["paid_on"] = today


def _check_links(session: Session, client_id: int, values: Mapping[str, Any]) -> None:
    errors: dict[str, str] = {}
    ticket_id = values.get("ticket_id")
    if ticket_id is not None:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.client_id != client_id:
            errors["ticket_id"] = "ticket_missing"
    message_id = values.get("message_id")
    if message_id is not None:
        message = session.get(Message, message_id)
        if message is None or message.client_id != client_id:
            errors["message_id"] = "message_missing"
    if errors:
        raise ValidationError(errors)


def _save(session: Session, order: Order, cleaned: Mapping[str, Any], today: date | None) -> None:
    merged = {name: getattr(order, name) for name in EDITABLE_FIELDS} | dict(cleaned)
    if merged["status"] in {s.value for s in OrderStatus}:
        _fill_status_dates(merged, today or date.today())
    errors = validate(merged)
    if errors:
        raise ValidationError(errors)
    _check_links(session, order.client_id, cleaned)
    save_changes(session, order, merged)


def create_order(
    *,
    session: Session,
    client_id: int,
    values: Mapping[str, Any],
    today: date | None = None,
) -> Order:
    """A new order for a live client. `values` holds any of `EDITABLE_FIELDS`; title is needed."""
    cleaned = _clean(values)
    cleaned.setdefault("title", "")
    get_client(session=session, client_id=client_id)  # a deleted client gets no new orders
    now = utcnow()
    order = Order(client_id=client_id, title="", created_at=now, updated_at=now)
    _save(session, order, cleaned, today)
    return order


def get_order(*, session: Session, order_id: int) -> Order:
    return get_row(session, Order, order_id, "gone_order")


def update_order(
    *,
    session: Session,
    order_id: int,
    values: Mapping[str, Any],
    today: date | None = None,
    seen_version: int | None = None,
) -> Order:
    """Save *values* over the order; *seen_version* as in `clients.update_client`."""
    if seen_version is not None:
        versions.require_present(session.get(Order, order_id), what="order", row_id=order_id)
    order = get_order(session=session, order_id=order_id)
    cleaned = _clean(values)
    versions.check_seen(order, seen_version, cleaned, what="order", row_id=order_id)
    _save(session, order, cleaned, today)
    return order


def delete_order(*, session: Session, order_id: int) -> None:
    session.delete(get_order(session=session, order_id=order_id))
    session.flush()


#: how the order lists sort: by the order's day (`order_day()`), a column, or the lifecycle
OrderSort = Literal["day", "client", "title", "status", "amount", "quoted", "won", "paid"]
ORDER_SORT_KEYS: tuple[OrderSort, ...] = get_args(OrderSort)
#: the order of statuses in a sorted list: the lifecycle, then the ones that went nowhere
_STATUS_RANK = {status.value: rank for rank, status in enumerate(OrderStatus)}


class OrderFilters(TypedDict, total=False):
    """What the order lists, their count and their totals are filtered by (all optional).

    *status* is one status or several. *since*/*until* (inclusive) filter on `order_day()`;
    orders with no date at all only show up when neither is given. *search*: every word in the
    title or the client's name. *live_clients_only* leaves out the orders of deleted clients
    (they can be undeleted)."""

    client_id: int | None
    status: str | Sequence[str] | None
    since: date | None
    until: date | None
    search: str
    live_clients_only: bool


def _conditions(
    *,
    client_id: int | None = None,
    status: str | Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    search: str = "",
    live_clients_only: bool = False,
) -> list[sa.ColumnElement[bool]]:
    """The WHERE of `OrderFilters` (the lists join `Client`, so client columns may be used)."""
    conditions: list[sa.ColumnElement[bool]] = []
    if client_id is not None:
        conditions.append(col(Order.client_id) == client_id)
    if isinstance(status, str):
        conditions.append(col(Order.status) == status)
    elif status is not None:
        conditions.append(col(Order.status).in_(list(status)))
    day = order_day()
    if since is not None:
        conditions.append(day >= since)
    if until is not None:
        conditions.append(day <= until)
    if live_clients_only:
        conditions.append(col(Client.deleted_at).is_(None))
    conditions += every_word_in(search, (col(Order.title), col(Client.name)))
    return conditions


def order_day() -> sa.ColumnElement[date]:
    """The day an order "happened", for filters: paid, else won, else quoted (NULL if none)."""
    return sa.type_coerce(
        sa.func.coalesce(col(Order.paid_on), col(Order.won_on), col(Order.quoted_on)), sa.Date
    )


def _order_by(sort: OrderSort, descending: bool) -> list[Any]:
    """ORDER BY for *sort*; days without a value always come last, ties newest first."""
    day = order_day()
    keys: dict[str, Any] = {
        "day": day,
        "client": sa.func.lower(col(Client.name)),
        "title": sa.func.lower(col(Order.title)),
        "status": sa.case(_STATUS_RANK, value=col(Order.status), else_=len(_STATUS_RANK)),
        "amount": col(Order.amount),
        "quoted": col(Order.quoted_on),
        "won": col(Order.won_on),
        "paid": col(Order.paid_on),
    }
    if sort not in keys:
        raise ValueError(f"unknown order sort: {sort!r}")
    key = keys[sort]
    order: list[Any] = []
    if sort == "amount":  # never mix currencies: rupiah first, then the others
        order += [col(Order.currency) != DEFAULT_CURRENCY, col(Order.currency)]
    order.append(key.desc().nulls_last() if descending else key.asc().nulls_last())
    order += [day.desc().nulls_last(), col(Order.id).desc()]
    return order


def list_orders(
    *,
    session: Session,
    sort: OrderSort = "day",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
    **filters: Unpack[OrderFilters],
) -> list[OrderRow]:
    """Orders matching *filters*, newest first unless *sort* says otherwise."""
    statement = _listed(filters).order_by(*_order_by(sort, descending)).offset(offset).limit(limit)
    return [OrderRow(*row) for row in session.execute(statement).all()]


def order_ids(
    *,
    session: Session,
    sort: OrderSort = "day",
    descending: bool = True,
    **filters: Unpack[OrderFilters],
) -> list[int]:
    """The ids of every row of `list_orders` (same sort and filters), in its order."""
    order = _order_by(sort, descending)
    return ordered_ids(session, _listed(filters), order, col(Order.id))


def order_rows(*, session: Session, ids: Sequence[int]) -> list[OrderRow]:
    """The rows `list_orders` shows for the orders *ids* (those still there), in no particular
    order."""
    return rows_with_ids(session, _listed({}), col(Order.id), ids, OrderRow)


def _listed(filters: OrderFilters) -> sa.Select[Any]:
    return (
        sa.select(*row_columns(OrderRow, Order, client_name=col(Client.name)))
        .join(Client, col(Client.id) == col(Order.client_id))
        .where(*_conditions(**filters))
    )


def count_orders(*, session: Session, **filters: Unpack[OrderFilters]) -> int:
    """How many orders `list_orders` lists with the same filters (all pages)."""
    statement = (
        sa.select(sa.func.count())
        .select_from(Order)
        .join(Client, col(Client.id) == col(Order.client_id))
        .where(*_conditions(**filters))
    )
    return int(session.execute(statement).scalar_one())


def order_totals(*, session: Session, **filters: Unpack[OrderFilters]) -> list[OrderTotal]:
    """Sums per (currency, status), same filters as `list_orders`. Never mixes currencies."""
    statement = (
        sa.select(
            col(Order.currency),
            col(Order.status),
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(col(Order.amount)), 0),
        )
        .join(Client, col(Client.id) == col(Order.client_id))
        .where(*_conditions(**filters))
        .group_by(col(Order.currency), col(Order.status))
        .order_by(col(Order.currency), col(Order.status))
    )
    return [
        OrderTotal(currency, status_, int(count), int(amount))
        for currency, status_, count, amount in session.execute(statement).all()
    ]
