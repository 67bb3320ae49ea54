"""Orders as a table model over SQL (filtered, sorted and totalled in the database), with the
labels, colours and money formats the order screens share."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from typing import Any, ClassVar, Literal

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import orders
from agencydesk.core.changes import Topic
from agencydesk.core.models import OrderStatus
from agencydesk.core.orders import OrderRow, OrderSort, OrderTotal
from agencydesk.qt.common.formatting import format_date, format_money
from agencydesk.qt.common.item_painting import draw_cell_without_text
from agencydesk.qt.common.paged_model import PagedTableModel
from agencydesk.qt.common.row_model import ModelIndex

# what changes the orders shown: the orders, and client names or deleted clients
ORDER_TOPICS = (Topic.ORDERS, Topic.CLIENTS)
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# the raw status ("paid") of the row, for the chip delegate
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

# status → (chip background, chip text)
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    OrderStatus.QUOTED.value: ("#e3ecfa", "#1d4f91"),
    OrderStatus.WON.value: ("#fff0d1", "#7a4b00"),
    OrderStatus.PAID.value: ("#dcf2e3", "#1e6b35"),
    OrderStatus.LOST.value: ("#eceff1", "#55606b"),
    OrderStatus.CANCELLED.value: ("#eceff1", "#55606b"),
}

StatusFilter = Literal["all", "open", "won", "paid", "closed"]
Period = Literal["month", "year", "12m", "all"]
# what each status filter shows (None: every status)
STATUS_FILTERS: dict[str, tuple[str, ...] | None] = {
    "all": None,
    "open": (OrderStatus.QUOTED.value,),
    "won": (OrderStatus.WON.value,),
    "paid": (OrderStatus.PAID.value,),
    "closed": (OrderStatus.LOST.value, OrderStatus.CANCELLED.value),
}


def status_label(status: str) -> str:
    return {
        "quoted": QCoreApplication.translate("OrderStatus", "Quoted"),
        "won": QCoreApplication.translate("OrderStatus", "Won"),
        "paid": QCoreApplication.translate("OrderStatus", "Paid"),
        "lost": QCoreApplication.translate("OrderStatus", "Lost"),
        "cancelled": QCoreApplication.translate("OrderStatus", "Cancelled"),
    }.get(status, status)


def format_order_amount(amount: int, currency: str) -> str:
    """Whole amounts: "Rp 9.000.000", "US$ 1,200" (orders have no cents)."""
    return format_money(amount, currency)


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    """(since, until) for a period filter; both inclusive, None for open-ended."""
    if period == "month":
        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    if period == "year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if period == "12m":
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return year_ago + timedelta(days=1), None
    return None, None


@dataclass(frozen=True)
class CurrencySummary:
    """What the totals bar says for one currency."""

    currency: str
    paid: int = 0
    paid_count: int = 0
    outstanding: int = 0  # won, not paid yet
    outstanding_count: int = 0
    quoted: int = 0  # open quotes
    quoted_count: int = 0
    closed: int = 0  # lost or cancelled
    closed_count: int = 0


def summarize(totals: Iterable[OrderTotal]) -> list[CurrencySummary]:
    """Per currency, rupiah first then alphabetically; never adds up different currencies."""
    fields = {
        OrderStatus.PAID.value: ("paid", "paid_count"),
        OrderStatus.WON.value: ("outstanding", "outstanding_count"),
        OrderStatus.QUOTED.value: ("quoted", "quoted_count"),
        OrderStatus.LOST.value: ("closed", "closed_count"),
        OrderStatus.CANCELLED.value: ("closed", "closed_count"),
    }
    by_currency: dict[str, CurrencySummary] = {}
    for total in totals:
        names = fields.get(total.status)
        if names is None:
            continue
        summary = by_currency.setdefault(total.currency, CurrencySummary(total.currency))
        amount_name, count_name = names
        by_currency[total.currency] = replace(
            summary,
            **{
                amount_name: getattr(summary, amount_name) + total.amount,
                count_name: getattr(summary, count_name) + total.count,
            },
        )
    return sorted(
        by_currency.values(),
        key=lambda s: (s.currency != orders.DEFAULT_CURRENCY, s.currency),
    )


def summary_parts(summary: CurrencySummary, *, rich: bool = False) -> list[str]:
    """The totals of one currency as short phrases, the ones that are zero left out.

    *rich*: HTML with the amounts in bold (everything escaped)."""

    def money(amount: int) -> str:
        text = format_order_amount(amount, summary.currency)
        return f"<b>{html.escape(text).replace(' ', '&nbsp;')}</b>" if rich else text

    def words(text: str) -> str:
        return html.escape(text) if rich else text

    parts = []
    if summary.paid_count:
        template = QCoreApplication.translate("OrderTotals", "Paid {amount}")
        parts.append(words(template).format(amount=money(summary.paid)))
    if summary.outstanding_count:
        template = QCoreApplication.translate("OrderTotals", "Outstanding {amount}")
        parts.append(words(template).format(amount=money(summary.outstanding)))
    if summary.quoted_count:
        quotes = (
            QCoreApplication.translate("OrderTotals", "1 open quote")
            if summary.quoted_count == 1
            else QCoreApplication.translate("OrderTotals", "{count} open quotes").format(
                count=summary.quoted_count
            )
        )
        parts.append(f"{words(quotes)} ({money(summary.quoted)})")
    if summary.closed_count:
        template = QCoreApplication.translate("OrderTotals", "Lost or cancelled {amount}")
        parts.append(words(template).format(amount=money(summary.closed)))
    return parts


def summary_html(summaries: Sequence[CurrencySummary]) -> str:
    """One line per currency, the amounts in bold."""
    lines = [
        " · ".join(
            f"<span style='white-space:nowrap'>{part}</span>"
            for part in summary_parts(summary, rich=True)
        )
        for summary in summaries
    ]
    return "<br>".join(line for line in lines if line)


@dataclass(frozen=True)
class OrderFilter:
    status: StatusFilter = "all"
    period: Period = "all"
    search: str = ""
    client_id: int | None = None


def _no_totals(**_filters: Any) -> list[OrderTotal]:
    """The totals of a client's orders before a client is chosen: none."""
    return []


def _no_ids(**_order: Any) -> list[int]:
    """The ids of a client's orders before a client is chosen: none."""
    return []


class OrderTableModel(PagedTableModel[OrderRow]):
    COLUMNS: ClassVar[tuple[tuple[str, OrderSort], ...]] = (
        ("client_name", "client"),
        ("title", "title"),
        ("status", "status"),
        ("amount", "amount"),
        ("quoted_on", "quoted"),
        ("won_on", "won"),
        ("paid_on", "paid"),
    )
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            ORDER_ID_ROLE,
            CLIENT_ID_ROLE,
            STATUS_ROLE,
        }
    )
    CLIENT, TITLE, STATUS, AMOUNT, QUOTED, WON, PAID = range(7)
    # the short columns, as wide as what they show
    FIGURES = (STATUS, AMOUNT, QUOTED, WON, PAID)

    def __init__(
        self,
        engine: Engine,
        parent: QObject | None = None,
        *,
        client_only: bool = False,
    ) -> None:
        """*client_only*: the orders of `filter.client_id` only, none while it is None."""
        super().__init__(engine, "day", parent)
        self._descending = True
        self._client_only = client_only
        self.filter = OrderFilter()
        self._today = date.today()
        self._totals: list[OrderTotal] = []

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Client"),
            self.tr("Order"),
            self.tr("Status"),
            self.tr("Amount"),
            self.tr("Quoted"),
            self.tr("Won"),
            self.tr("Paid"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_asked(index, role)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATUS:
                return status_label(row.status)
            if column == self.AMOUNT:
                return format_order_amount(row.amount, row.currency)
            if column in (self.QUOTED, self.WON, self.PAID):
                return format_date(getattr(row, self.COLUMNS[column][0]))
            return getattr(row, self.COLUMNS[column][0])
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CLIENT, self.TITLE):
            # a tooltip with tags is rich text: escaped inside <p>, it shows the characters
            return f"<p>{html.escape(getattr(row, self.COLUMNS[column][0]))}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status in (
            OrderStatus.LOST.value,
            OrderStatus.CANCELLED.value,
        ):
            return QBrush(QColor("#6b7580"))  # what went nowhere steps back
        if role == ORDER_ID_ROLE:
            return row.id
        if role == CLIENT_ID_ROLE:
            return row.client_id
        if role == STATUS_ROLE:
            return row.status
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == -1:  # no sort column: the natural order, newest first
            if (self._sort, self._descending) != ("day", True):
                self._sort, self._descending = "day", True
                self.refresh()
            return
        super().sort(column, order)

    # -- filters and totals --------------------------------------------------------------------
    def set_filter(self, **changes: Any) -> None:
        new = replace(self.filter, **changes)
        if new != self.filter:
            self.filter = new
            self.refresh()

    def _arguments(self) -> dict[str, Any]:
        f = self.filter
        self._today = date.today()  # "this month" moves on at midnight
        since, until = period_range(f.period, self._today)
        return {
            "client_id": f.client_id,
            "status": STATUS_FILTERS[f.status],
            "since": since,
            "until": until,
            "search": f.search,
            "live_clients_only": True,
        }

    def _no_client(self) -> bool:
        return self._client_only and self.filter.client_id is None

    def totals_html(self) -> str:
        """What was paid, is owed and is quoted for the current filter (all matching orders, not
        just the rows read so far), read with the row count: it always agrees with the list."""
        return summary_html(summarize(self._totals))

    def order_row(self, row: int) -> OrderRow | None:
        return self.row(row)

    # -- SQL -----------------------------------------------------------------------------------
    def _extra_query(self) -> Callable[..., list[OrderTotal]]:
        """The totals bar, read with every reading of the list: it always agrees with it."""
        if self._no_client():
            return _no_totals
        return partial(orders.order_totals, **self._arguments())

    @staticmethod
    def _count_from(extra: Any) -> int:
        """The totals' grouped query gives the number of rows too."""
        return sum(total.count for total in extra)

    def _keep_extra(self, extra: Any) -> None:
        self._totals = extra

    def _list_query(self) -> Callable[..., list[OrderRow]]:
        return partial(orders.list_orders, **self._arguments())

    def _ids_query(self) -> Callable[..., list[int]]:
        if self._no_client():
            return _no_ids
        return partial(orders.order_ids, **self._arguments())

    def _rows_with_ids(self, session: Session, ids: list[int]) -> list[OrderRow]:
        return orders.order_rows(session=session, ids=ids)


class PaddedDelegate(QStyledItemDelegate):
    """Cells a little wider than their text, so that columns sized to their contents breathe."""

    def __init__(self, parent: QObject | None = None, *, vertical: int = 4) -> None:
        super().__init__(parent)
        self._vertical = vertical

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 8, size.height() + self._vertical)


class StatusChipDelegate(PaddedDelegate):
    """Paints the status as a small rounded, coloured chip."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        opt = draw_cell_without_text(self, painter, option, index)
        if not text:
            return
        background, foreground = STATUS_COLOURS.get(str(status), ("#eceff1", "#333333"))
        metrics = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        rect = opt.rect  # type: ignore[attr-defined]
        width = metrics.horizontalAdvance(text) + 16
        height = min(rect.height() - 4, metrics.height() + 6)
        chip = QRectF(rect.x() + 4, rect.y() + (rect.height() - height) / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = QFontMetrics(option.font).horizontalAdvance(text) + 24  # type: ignore[attr-defined]
        return QSize(max(size.width(), width), size.height())


def show_orders_in(table: QTableView, *, vertical: int = 4) -> None:
    """Draw *table*'s order cells with room around them and the status as a coloured chip;
    *vertical*: the extra height of a row."""
    table.setItemDelegate(PaddedDelegate(table, vertical=vertical))
    table.setItemDelegateForColumn(
        OrderTableModel.STATUS, StatusChipDelegate(table, vertical=vertical)
    )
