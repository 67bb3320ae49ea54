"""The figures strip of the Referrals section: the headline number big on the left (how many
times their own orders a cascade brought, or the share of revenue that came by referral), the
rest in plain words."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from agencydesk.core.referrals import BusinessSpread, Cascade
from agencydesk.qt.common.dialog_layout import STRETCH, top_to_bottom
from agencydesk.qt.common.formatting import format_decimal, format_money, format_number
from agencydesk.qt.common.labels import bold_label, plain_label
from agencydesk.qt.referrals.tree_drawing import MUTED_COLOUR


def format_percent(share: float) -> str:
    return f"{format_number(round(share * 100))}%"


def _bold(text: str) -> str:
    """A figure in bold, never broken across lines ("Rp" was left at a line's end, its
    number on the next)."""
    return f"<b>{html.escape(text).replace(' ', '&nbsp;')}</b>"


class FiguresStrip(QWidget):
    """A root's cascade or the whole business in figures: `show_root`, `show_business`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setObjectName("referralHeadline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold_label(self.headline, 2.0)
        self.headline.setStyleSheet("color: #0072B2;")
        self.headline_caption = plain_label()
        self.headline_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline_caption.setStyleSheet(f"color: {MUTED_COLOUR};")
        headline_box = QWidget()
        headline_box.setFixedWidth(120)
        top_to_bottom(
            (STRETCH, self.headline, self.headline_caption, STRETCH),
            headline_box,
            margins=(0, 0, 0, 0),
            spacing=0,
        )
        self.figures = QLabel()
        self.figures.setObjectName("referralFigureWords")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setObjectName("referralFigures")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#referralFigures { background: palette(base); border: 1px solid #d9d9d9;"
            " border-left: 4px solid #0072B2; border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(headline_box)
        layout.addWidget(self.figures, 1)

    def show_root(self, cascade: Cascade) -> None:
        self.figures.setText(self.root_figures(cascade))
        if cascade.multiplier is not None:
            self.headline.setText(f"{format_decimal(cascade.multiplier)}×")
            self.headline_caption.setText(self.tr("their own orders"))
        else:
            self.headline.setText(str(cascade.referred))
            self.headline_caption.setText(self.tr("clients brought"))

    def show_business(self, spread: BusinessSpread) -> None:
        self.figures.setText(self.business_figures(spread))
        if spread.referral_share is not None:
            self.headline.setText(format_percent(spread.referral_share))
            self.headline_caption.setText(self.tr("of revenue came by referral"))
        else:
            self.headline.setText(str(spread.referred_clients))
            self.headline_caption.setText(self.tr("clients came by referral"))

    def root_figures(self, cascade: Cascade) -> str:
        """The figures strip, in plain words (rich text; the name escaped)."""
        own = self.tr("{name}'s own paid orders: {own}").format(
            name=html.escape(cascade.root_name), own=_bold(format_money(cascade.root_revenue))
        )
        brought = self.tr("Paid orders from everyone they brought: {brought}").format(
            brought=_bold(format_money(cascade.cascade_revenue))
        )
        lines = [own, brought]
        size = self.tr("{count} clients in {generations} generations").format(
            count=_bold(str(cascade.clients)), generations=_bold(str(len(cascade.generations)))
        )
        lines.append(size if cascade.k is None else f"{size} · {self._k_words(cascade.k)}")
        if cascade.median_days_between_generations is not None:
            lines.append(self._days_words(cascade.median_days_between_generations))
        return "<br>".join(lines + self._other_currencies(cascade.paid_other_currencies))

    def business_figures(self, spread: BusinessSpread) -> str:
        if spread.referral_share is not None:
            share = self.tr("Clients someone introduced paid {referred} of your {total}").format(
                referred=_bold(format_money(spread.referred_revenue)),
                total=_bold(format_money(spread.total_revenue)),
            )
        else:
            share = self.tr("No paid orders yet.")
        clients = self.tr("{referred} of {count} clients came through someone").format(
            referred=_bold(str(spread.referred_clients)), count=_bold(str(spread.clients))
        )
        lines = [share, clients]
        if spread.k is not None:
            lines.append(self._k_words(spread.k))
        if spread.median_days_between_generations is not None:
            lines.append(self._days_words(spread.median_days_between_generations))
        return "<br>".join(lines + self._other_currencies(spread.paid_other_currencies))

    def _k_words(self, k: float) -> str:
        return self.tr("K = {k} new clients per client").format(k=_bold(format_decimal(k)))

    def _days_words(self, days: float) -> str:
        if round(days) == 1:
            return self.tr("About {days} day between generations").format(days=_bold("1"))
        return self.tr("About {days} days between generations").format(days=_bold(str(round(days))))

    def _other_currencies(self, amounts: dict[str, int]) -> list[str]:
        if not amounts:
            return []
        listed = ", ".join(format_money(amount, currency) for currency, amount in amounts.items())
        return [
            f'<span style="color:{MUTED_COLOUR}">'
            + html.escape(
                self.tr("Not counted above, paid in other currencies: {amounts}")
            ).replace("{amounts}", html.escape(listed))
            + "</span>"
        ]
