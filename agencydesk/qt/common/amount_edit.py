"""A field for an amount of money, read and written by the rules the desk writes money with
(core.money): what it shows while you type is what will be saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from agencydesk.core import money
from agencydesk.qt.common.formatting import ui_language


class AmountEdit(QLineEdit):
    """A whole amount, grouped as you type: "9.000.000" for rupiah, "1,200" for dollars in
    English. A decimal separator and what follows stay as typed (and are refused unless zeros,
    with `problem()` saying why); letters and a pasted "Rp" are dropped. The cursor stays after
    the same digit; Backspace or Delete next to a thousands separator removes the digit beyond
    it (as if the separator were not there). `problem_changed` tells the form when what is
    typed becomes wrong or right again."""

    problem_changed = Signal(str)

    def __init__(self, currency: str = "IDR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self._problem = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.textEdited.connect(self._regroup)

    def currency(self) -> str:
        return self._currency

    def set_currency(self, currency: str) -> None:
        """Another currency: the same amount, written (and from now on read) its way."""
        try:
            value = self.value()
        except money.AmountError:
            self._currency = currency
            self._check()
            return
        self._currency = currency
        self.set_value(value)

    def value(self) -> int | None:
        """The whole amount shown, None when empty. Raises core.money.AmountError."""
        return money.parse_amount(self.text(), self._currency, ui_language())

    def set_value(self, value: int | None) -> None:
        self.setText(
            "" if value is None else money.group_digits(value, self._currency, ui_language())
        )
        self._check()

    def problem(self) -> str:
        """What is wrong with the amount typed, in a sentence; "" when nothing is."""
        return self._problem

    def _regroup(self, text: str) -> None:
        typed = money.regroup(text, self.cursorPosition(), self._currency, ui_language())
        self.setText(typed.text)
        self.setCursorPosition(typed.cursor)
        self._check()

    def _check(self) -> None:
        try:
            self.value()
            problem = ""
        except money.AmountError as exc:
            problem = amount_problem(exc, self._currency)
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.hasSelectedText():
            text, cursor = self.text(), self.cursorPosition()
            group = money.separators(self._currency, ui_language())[0]
            if event.key() == Qt.Key.Key_Backspace and cursor > 0 and text[cursor - 1] == group:
                self.setCursorPosition(cursor - 1)
            elif event.key() == Qt.Key.Key_Delete and cursor < len(text) and text[cursor] == group:
                self.setCursorPosition(cursor + 1)
        super().keyPressEvent(event)


def amount_problem(error: money.AmountError, currency: str) -> str:
    """The sentence for an amount that cannot be read (core.money.AmountError)."""
    group, decimal = money.separators(currency, ui_language())

    if error.code == "decimals":
        if currency == "IDR":
            text = QCoreApplication.translate(
                "AmountEdit", "Rupiah have no decimals: type {whole} without “{decimals}”."
            )
        else:
            text = QCoreApplication.translate(
                "AmountEdit",
                "Amounts in {currency} are whole numbers: type {whole} without “{decimals}”.",
            )
    elif error.code == "two_decimal_marks":
        text = QCoreApplication.translate(
            "AmountEdit",
            "“{decimal}” starts decimals here, and “{group}” separates thousands: "
            "type the amount like {example}.",
        )
    elif error.code == "negative":
        text = QCoreApplication.translate("AmountEdit", "The amount cannot be negative.")
    else:
        text = QCoreApplication.translate("AmountEdit", "The amount is too large.")
    return text.format(
        whole=error.whole,
        decimals=error.decimals,
        currency=currency,
        decimal=decimal,
        group=group,
        example=money.group_digits(1_500_000, currency, ui_language()),
    )
