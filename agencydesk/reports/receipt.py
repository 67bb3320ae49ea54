"""What a receipt (*kuitansi*) says and how it is laid out: one A5 landscape page, as the
receipt books sold in Indonesian stationery shops are. No Qt here (`receipt_pdf.py` draws it).

Top: the agency's letterhead, then the title and number. The body is the three lines every
kuitansi has: received from, the sum (in words, the *terbilang*, shaded), and what it pays for.
Bottom: the amount in figures in a box on the left; the place, day and signature on the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from agencydesk.core import agency, receipts
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.amount_words import amount_in_words
from agencydesk.core.models import Client
from agencydesk.core.names import file_name_part
from agencydesk.core.receipts import ReceiptInfo
from agencydesk.reports.html_parts import ACCENT, CARD_FILL, INK, MUTED, RULE, Pictures, escape
from agencydesk.reports.template import letterhead
from agencydesk.reports.text import LANGUAGES, long_date, money, t

#: A5 landscape, in points, and its margins
PAGE_PT = (595.3, 419.5)
MARGIN_PT = 36.0
BODY_WIDTH_PT = PAGE_PT[0] - 2 * MARGIN_PT

STYLE = f"""
.receipt-title {{ font-size: 24pt; font-weight: bold; color: {ACCENT}; margin: 0; }}
.receipt-number {{ font-size: 12pt; color: {INK}; margin: 0; }}
.receipt-label {{ font-size: 10.5pt; color: {MUTED}; margin: 0; }}
.receipt-value {{ font-size: 12pt; color: {INK}; margin: 0; }}
.receipt-words {{ font-size: 12pt; font-style: italic; color: {INK}; margin: 0; }}
.receipt-amount {{ font-size: 20pt; font-weight: bold; color: {ACCENT}; margin: 0; }}
.receipt-place {{ font-size: 10.5pt; color: {INK}; margin: 0; }}
.receipt-signer {{ font-size: 10.5pt; font-weight: bold; color: {INK}; margin: 0; }}
.receipt-issuer {{ font-size: 8.5pt; color: {MUTED}; margin: 0; }}
"""


@dataclass(frozen=True)
class ReceiptContent:
    receipt: ReceiptInfo
    agency: AgencyProfile
    language: str

    @property
    def words(self) -> str:
        return amount_in_words(self.receipt.amount, self.receipt.currency, self.language)

    @property
    def file_stem(self) -> str:
        return file_stem(self.receipt, self.language)


def file_stem(receipt: ReceiptInfo, language: str) -> str:
    """ "Kuitansi 2026-0007 Bu Ratna": the name a saved receipt is offered."""
    name = file_name_part(receipt.client_name)
    return t(language, "receipt_file", label=receipt.label, name=name)


def receipt_language(session: Session, receipt: ReceiptInfo) -> str:
    """The client's own language (their form's "Language"); Indonesian when the client is gone
    and the amount is in rupiah, else English."""
    client = session.get(Client, receipt.client_id) if receipt.client_id is not None else None
    if client is not None and client.language in LANGUAGES:
        return client.language
    return "id" if receipt.currency == "IDR" else "en"


def build_receipt_content(
    *, session: Session, receipt_id: int, language: str | None = None
) -> ReceiptContent:
    """What the receipt *receipt_id* says, in *language* (default: the client's)."""
    receipt = receipts.get_receipt(session=session, receipt_id=receipt_id)
    return ReceiptContent(
        receipt=receipt,
        agency=agency.get_agency_profile(session=session),
        language=language or receipt_language(session, receipt),
    )


def _row(label: str, value_html: str, *, shaded: bool = False) -> str:
    fill = f' bgcolor="{CARD_FILL}"' if shaded else ""
    return (
        f'<tr><td width="27%" valign="top"><p class="receipt-label">{escape(label)}</p></td>'
        f'<td valign="top"{fill}>{value_html}</td></tr>'
    )


def render_receipt_html(content: ReceiptContent, pictures: Pictures) -> str:
    """The page's HTML, for a document whose style sheet is the report's plus `STYLE`."""
    lang = content.language
    receipt = content.receipt
    head = (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        f'<td valign="bottom"><p class="receipt-title">{escape(t(lang, "receipt_title"))}</p></td>'
        f'<td valign="bottom" align="right"><p class="receipt-number">'
        f"{escape(t(lang, 'receipt_number', label=receipt.label))}</p></td></tr></table>"
    )
    rule = f'<hr style="color: {RULE};"/>'
    body = (
        '<table width="100%" cellspacing="0" cellpadding="9" border="0">'
        + _row(
            t(lang, "receipt_from"),
            f'<p class="receipt-value"><b>{escape(receipt.client_name)}</b></p>',
        )
        + _row(
            t(lang, "receipt_sum"),
            f'<p class="receipt-words">{escape(content.words)}</p>',
            shaded=True,
        )
        + _row(t(lang, "receipt_for"), f'<p class="receipt-value">{escape(receipt.title)}</p>')
        + "</table>"
    )
    signer = content.agency.name or receipt.issued_by or ""
    issuer = (
        f'<p class="receipt-issuer">{escape(receipt.issued_by)}</p>'
        if receipt.issued_by and receipt.issued_by != signer
        else ""
    )
    paid_on = t(lang, "receipt_paid_on", date=long_date(receipt.paid_on, lang))
    foot = (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        '<td valign="top" width="55%">'
        f'<table cellspacing="0" cellpadding="8" border="1" style="border-color: {ACCENT};'
        ' border-style: solid;">'
        f'<tr><td><p class="receipt-amount">{escape(money(receipt.amount, receipt.currency, lang))}'
        "</p></td></tr></table>"
        f'<p class="receipt-issuer">{escape(paid_on)}</p>'
        "</td>"
        '<td valign="top" align="center">'
        f'<p class="receipt-place">{escape(long_date(receipt.issued_on, lang))}</p>'
        f'<p class="receipt-place">{escape(t(lang, "receipt_received_by"))}</p>'
        + '<p class="receipt-place">&nbsp;</p>'
        * 4
        + f'<p class="receipt-issuer">{"_" * 36}</p>'
        f'<p class="receipt-signer">{escape(signer) or "&nbsp;"}</p>{issuer}'
        "</td></tr></table>"
    )
    spacer = '<p style="margin: 0; font-size: 10pt;">&nbsp;</p>'
    return (
        "<html><body>"
        f"{letterhead(content.agency, pictures)}{spacer}{head}{rule}{spacer}{body}{spacer}{foot}"
        "</body></html>"
    )
