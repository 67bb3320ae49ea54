"""The new/edit order dialog, and deleting an order after asking.

Problems are shown in plain words next to the field concerned; the dialog stays open until the
core accepts the order. Other pages learn of the change from the database itself (core.changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, orders, tickets, trash
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import OrderStatus
from agencydesk.core.money import AmountError
from agencydesk.core.orders import OrderRow
from agencydesk.qt.common.amount_edit import AmountEdit
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.conflict_dialog import combo_text
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import height_for_width
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import FieldErrors, add_rows_with_errors, save_cancel_layout
from agencydesk.qt.common.formatting import DATE_EDIT_FORMAT, format_date, format_money
from agencydesk.qt.common.labels import bold_label, plain_label
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.versioned_save import save_edited_record
from agencydesk.qt.orders.order_model import format_order_amount, status_label

CURRENCIES = ("IDR", "USD")
TICKET_CHOICES = 300


class DateField(QWidget):
    """A day that may be unknown: a tick box and a date, the date greyed out while not set."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox()
        self.known.setToolTip(label)
        self.known.setAccessibleName(label)
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_EDIT_FORMAT)
        self.edit.setEnabled(False)
        self.edit.setMinimumWidth(130)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        qdate = self.edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def set_today_if_unknown(self) -> None:
        if not self.known.isChecked():
            self.set_value(date.today())


@dataclass(frozen=True)
class ShownOrder:
    """What the form shows, read in one go (plain values: on a team desk in a worker)."""

    # the clients to choose from: only the order's client when it cannot change
    clients: list[tuple[int, str]]
    # the name of the client the order is for, when it cannot change
    client_name: str | None
    # the client's tickets to choose from, the order's own among them
    tickets: list[tuple[int, str]]
    # the order's columns as stored, None for a new order
    order: dict[str, Any] | None


def _ticket_choices(session: Session, client_id: int) -> list[tuple[int, str]]:
    rows = tickets.client_tickets(session=session, client_id=client_id, limit=TICKET_CHOICES)
    return [(row.id, row.title) for row in rows]


def read_ticket_choices(engine: Engine, client_id: int) -> list[tuple[int, str]]:
    with Session(engine) as session:
        return _ticket_choices(session, client_id)


def read_form(engine: Engine, order_id: int | None, client_id: int | None) -> ShownOrder:
    """The form's choices and the order (*order_id*), or a new order's (for *client_id* when
    given). Raises UserError when the order or the client is gone."""
    with Session(engine) as session:
        order = None
        if order_id is not None:
            order = orders.get_order(session=session, order_id=order_id).model_dump()
            client_id = order["client_id"]
        if client_id is None:
            return ShownOrder(clients.referrer_choices(session=session), None, [], order)
        name = clients.get_client(session=session, client_id=client_id, include_deleted=True).name
        choices = _ticket_choices(session, client_id)
        ticket_id = None if order is None else order["ticket_id"]
        if ticket_id is not None and ticket_id not in {id_ for id_, _title in choices}:
            try:  # older than the choices listed
                ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
                choices.append((ticket_id, ticket.title))
            except UserError:  # deleted since: the form offers No ticket
                pass
        return ShownOrder([(client_id, name)], name, choices, order)


class OrderFormDialog(FormDialog):
    """Edits one order, or makes a new one. `saved_order_id` is set once the core accepted it.

    A new order opened from a client (*client_id*) is for that client; opened from the order list
    (no client), the dialog asks which client it is for."""

    def __init__(
        self,
        engine: Engine,
        order_id: int | None = None,
        client_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, parent)
        self.order_id = order_id
        self.saved_order_id: int | None = None
        self.setWindowTitle(self.tr("New order") if order_id is None else self.tr("Edit order"))

        self.client = narrow_combo()
        self.client.setObjectName("orderClient")
        self.client_name = bold_label(plain_label())  # the client, when it cannot be changed
        self.client_name.setObjectName("orderClientName")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Company profile website"))
        self.amount = AmountEdit(orders.DEFAULT_CURRENCY)
        self.amount.setObjectName("orderAmount")
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.status = QComboBox()
        for status in OrderStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.quoted_on = DateField(self.tr("The day the quote was sent is known"))
        self.won_on = DateField(self.tr("The day the client said yes is known"))
        self.paid_on = DateField(self.tr("The day of payment is known"))
        self.ticket = narrow_combo()
        self.ticket.setObjectName("orderTicket")

        # the version of the order as shown: saved over only that one (`core.versions`)
        self._seen_version: int | None = None
        # an edited order, or a new one from a client's page, is for a client that stays
        fixed_client = order_id is not None or client_id is not None
        if fixed_client:
            self.client.setVisible(False)
        else:
            self.client_name.setVisible(False)
            self.client.setEditable(True)
            self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.client.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            line_edit = self.client.lineEdit()
            line_edit.setPlaceholderText(self.tr("Type or choose the client's name"))
            line_edit.editingFinished.connect(self._typed_client)
        if order_id is None:
            self.quoted_on.set_value(date.today())

        self.amount.setFixedWidth(
            self.amount.fontMetrics().horizontalAdvance("9.999.999.999.999") + 24
        )
        # the currency box says which money it is ("Rp 0 IDR" said it twice)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.currency)
        amount_row.addStretch(1)
        client_row = QHBoxLayout()
        client_row.addWidget(self.client, 1)
        client_row.addWidget(self.client_name, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, Any]] = [
            # a client that cannot be changed asks nothing of the user: no "required" star
            ("client", self.tr("Client") if fixed_client else self.tr("Client *"), client_row),
            ("title", self.tr("Order *"), self.title),
            ("amount", self.tr("Amount"), amount_row),
            ("status", self.tr("Status"), self.status),
            ("quoted_on", self.tr("Quote sent on"), self.quoted_on),
            ("won_on", self.tr("Client said yes on"), self.won_on),
            ("paid_on", self.tr("Paid on"), self.paid_on),
            ("ticket_id", self.tr("Started by ticket"), self.ticket),
        ]
        # how the conflict dialog names the fields: as the form does
        self.field_labels = {field: label.rstrip(" *") for field, label, _widget in rows}
        self.field_labels["currency"] = self.tr("Currency")
        labels = add_rows_with_errors(form, rows)
        labels["currency"] = labels["amount"]
        focus: dict[str, QWidget] = {
            "client": self.client,
            "title": self.title,
            "amount": self.amount,
            "currency": self.currency,
            "status": self.status,
            "quoted_on": self.quoted_on.edit,
            "won_on": self.won_on.edit,
            "paid_on": self.paid_on.edit,
            "ticket_id": self.ticket,
        }
        texts = {
            "client_required": self.tr("Please choose the client this order is for."),
            "no_clients": self.tr("There are no clients yet. Please add the client first."),
            "title_required": self.tr(
                "Please say what the order is (e.g. company profile website)."
            ),
            "amount_invalid": self.tr("The amount is a whole number, zero or more."),
            "currency_invalid": self.tr("Choose IDR or USD."),
            "status_unknown": self.tr("Choose one of the listed statuses."),
            "won_before_quote": self.tr("The client cannot say yes before the quote was sent."),
            "paid_before_quote": self.tr("The order cannot be paid before the quote was sent."),
            "ticket_missing": self.tr("That ticket is not this client's (or no longer exists)."),
        }
        self.errors = FieldErrors(labels, texts, focus, fit=partial(height_for_width, self))

        # the fields in one widget, greyed together while they are read
        self.fields = QWidget()
        self.fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.buttons = save_cancel_layout(self, self.save, [self.fields], min_width=540)

        self.client.currentIndexChanged.connect(self._client_changed)
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.errors.clear_when_edited({"title": self.title})
        self.amount.problem_changed.connect(self._amount_problem_changed)
        for date_field in (self.quoted_on, self.won_on, self.paid_on):
            date_field.edit.dateChanged.connect(lambda _day: self._clear_dates_error())
            date_field.known.toggled.connect(lambda _on: self._clear_dates_error())
        focus = self.title if fixed_client else self.client
        focus.setFocus()
        self.fill_when_read(
            partial(read_form, engine, order_id, client_id),
            self._fill,
            waiting=[self.fields, self.buttons.button(QDialogButtonBox.StandardButton.Save)],
            focus=focus,
        )

    def _fill(self, shown: ShownOrder) -> None:
        with QSignalBlocker(self.client):  # the client's tickets come with the rest
            for other_id, name in shown.clients:
                self.client.addItem(name, other_id)
            self.client.setCurrentIndex(0 if shown.client_name is not None else -1)
        if shown.client_name is not None:
            self.client_name.setText(shown.client_name)
        self._show_tickets(shown.tickets)
        order = shown.order
        if order is None:
            return
        self._seen_version = order["version"]
        self.title.setText(order["title"])
        if order["currency"] not in CURRENCIES:
            self.currency.addItem(order["currency"], order["currency"])
        self.currency.setCurrentIndex(self.currency.findData(order["currency"]))
        self.amount.set_currency(order["currency"])
        self.amount.set_value(order["amount"])
        self.status.setCurrentIndex(max(0, self.status.findData(order["status"])))
        self.quoted_on.set_value(order["quoted_on"])
        self.won_on.set_value(order["won_on"])
        self.paid_on.set_value(order["paid_on"])
        index = self.ticket.findData(order["ticket_id"])
        if order["ticket_id"] is not None and index >= 0:  # not deleted since
            self.ticket.setCurrentIndex(index)

    # -- the client's tickets ------------------------------------------------------------------
    def _show_tickets(self, choices: list[tuple[int, str]]) -> None:
        self.ticket.clear()
        self.ticket.addItem(self.tr("No ticket"), None)
        for ticket_id, title in choices:
            self.ticket.addItem(title, ticket_id)
        self.ticket.setEnabled(bool(choices))

    def _typed_client(self) -> None:
        """A name typed in full picks that client (and lists their tickets)."""
        index = self.client.findText(
            self.client.currentText().strip(), Qt.MatchFlag.MatchFixedString
        )
        if index >= 0 and index != self.client.currentIndex():
            self.client.setCurrentIndex(index)

    def _client_changed(self, _index: int) -> None:
        self.errors.clear("client", "ticket_id")
        client_id = self.client.currentData()
        self._show_tickets([])  # none chosen until the client's are listed
        if client_id is None:
            return
        read_for_desk(
            self._engine,
            self,
            partial(read_ticket_choices, self._engine, client_id),
            self._show_tickets,
            key="tickets",
        )

    # -- reacting to choices -------------------------------------------------------------------
    def _currency_changed(self, _index: int) -> None:
        currency = self.currency.currentData()
        self.amount.set_currency(currency)

    def _amount_problem_changed(self, problem: str) -> None:
        """Decimals in rupiah and the like are said at once, under the field."""
        if problem:
            self.errors.show_one("amount", problem)  # a sentence, not a code
        else:
            self.errors.clear("amount")

    def _status_changed(self, _index: int) -> None:
        """Won or paid: the day it happened is probably today (the core would say so too)."""
        self.errors.clear("status")
        status = self.status.currentData()
        if status in orders.ORDERED_STATUSES:
            self.won_on.set_today_if_unknown()
        if status == OrderStatus.PAID.value:
            self.paid_on.set_today_if_unknown()

    # -- saving --------------------------------------------------------------------------------
    def chosen_client_id(self) -> int | None:
        """The client picked: typed names count when they are exactly a client's name."""
        if self.client.isEditable():
            text = self.client.currentText().strip()
            index = self.client.findText(text, Qt.MatchFlag.MatchFixedString)
            if index < 0:
                return None
            if index != self.client.currentIndex():
                with QSignalBlocker(self.client):
                    self.client.setCurrentIndex(index)
        data = self.client.currentData()
        return int(data) if data is not None else None

    def _describe(self, field: str, value: Any) -> str:
        """A stored value as the form shows it (money in its currency, a status's words)."""
        combos = {"status": self.status, "ticket_id": self.ticket, "currency": self.currency}
        if field in combos:
            return combo_text(combos[field], value, str(value or ""))
        if field == "amount":
            return format_money(int(value or 0), self.currency.currentData())
        if isinstance(value, date):
            return format_date(value)
        return "" if value is None else str(value)

    def values(self) -> dict[str, Any]:
        """What the form says. Raises core.money.AmountError when the amount cannot be read."""
        return {
            "title": self.title.text(),
            "amount": self.amount.value() or 0,
            "currency": self.currency.currentData(),
            "status": self.status.currentData(),
            "quoted_on": self.quoted_on.value(),
            "won_on": self.won_on.value(),
            "paid_on": self.paid_on.value(),
            "ticket_id": self.ticket.currentData(),
        }

    def _clear_dates_error(self) -> None:
        """Changing any of the days may fix an order-of-days problem shown on another one."""
        self.errors.clear("won_on", "paid_on")

    def save(self) -> None:
        client_id = self.chosen_client_id()
        if client_id is None:
            self.errors.show({"client": "client_required" if self.client.count() else "no_clients"})
            return
        try:
            values = self.values()
        except AmountError:
            self.errors.show({"amount": self.amount.problem()})
            return
        order_id = self.order_id

        def save_over(session: Session, values: dict[str, Any], seen: int | None) -> int:
            if order_id is None:
                order = orders.create_order(session=session, client_id=client_id, values=values)
            else:
                order = orders.update_order(
                    session=session, order_id=order_id, values=values, seen_version=seen
                )
            assert order.id is not None
            return order.id

        try:
            saved_id = save_edited_record(
                self,
                self._engine,
                save_over,
                values,
                self._seen_version,
                order_id,
                labels=self.field_labels,
                describe=self._describe,
            )
            if saved_id is None:
                return
            self.saved_order_id = saved_id
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except UserError as exc:  # the client or the order was deleted meanwhile
            report_exception(self, exc)
            return
        self.accept()


def add_order(parent: QWidget | None, engine: Engine, client_id: int | None = None) -> int | None:
    """A new order in the form (for *client_id* when given): its id once saved, else None."""
    dialog = OrderFormDialog(engine, client_id=client_id, parent=parent)
    return dialog.saved_order_id if dialog.exec() else None


def edit_order(parent: QWidget | None, engine: Engine, order_id: int) -> bool:
    """Edit the order in the form. True when the list should be read again: saved, or the
    order was deleted meanwhile (then said so)."""
    try:
        dialog = OrderFormDialog(engine, order_id=order_id, parent=parent)
    except UserError as exc:
        report_exception(parent, exc)
        return True
    return bool(dialog.exec())


def delete_order(list_: ListController, engine: Engine, row: OrderRow) -> None:
    """Ask, then put the order in the trash, in a worker (the list greyed meanwhile): Ctrl+Z
    brings it back, so does Edit ▸ Trash…. The question names the order from the listed row:
    nothing is read first (on a team desk each read is a round trip the window would wait for).
    """
    name = QCoreApplication.translate("OrderDelete", "the order “{title}” ({amount}) of {client}")
    list_.delete_undoably(
        engine,
        row.id,
        lambda _session: name.format(
            title=row.title,
            amount=format_order_amount(row.amount, row.currency),
            client=row.client_name,
        ),
        (
            QCoreApplication.translate("OrderDelete", "Delete order"),
            QCoreApplication.translate(
                "OrderDelete",
                "Delete {name}?\n\nYou can undo this with Ctrl+Z, or restore it later from the "
                "trash (Edit ▸ Trash…).",
            ),
        ),
        delete=partial(trash.trash_order, order_id=row.id),
        undelete=partial(trash.restore, kind="order", row_id=row.id),
    )
