"""Links that open a client's WhatsApp chat with a text already typed in (click to chat).

WhatsApp's own link, ``https://wa.me/<number>?text=<text>``, wants the number in international
form with digits only: no "+", no spaces, no leading 0. Clients' numbers are written every which
way ("0812-3456-7890", "+62 812 3456 7890", "62812…"); a number without a country is Indonesian,
the desk's home. The link opens WhatsApp (the app where it is installed, else WhatsApp Web).

A very long text (a long guide) would make a link some browsers and WhatsApp cut short; then the
link opens the chat without text and the caller puts the text on the clipboard to paste.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from agencydesk.core.names import clean_name

#: the country code of a number written without one (a national "0812…")
HOME_COUNTRY = "62"
#: the longest percent-encoded text put in a link (WhatsApp's own links stay well under this)
MAX_ENCODED_TEXT = 4000

_ALLOWED = re.compile(r"^[\d\s+()\-.\u2010-\u2013/]*$")


def international_number(phone: str, home_country: str = HOME_COUNTRY) -> str | None:
    """The digits WhatsApp wants: "0812-3456-7890" → "6281234567890", "+1 (415) 555-0100" →
    "14155550100"; None for text that is no phone number."""
    text = clean_name(phone)
    if not text or not _ALLOWED.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+") or text.lstrip().startswith("00"):
        digits = digits.removeprefix("00")
    elif digits.startswith("0"):
        digits = home_country + digits[1:]
    elif not digits.startswith(home_country):
        digits = home_country + digits
    # the shortest numbers in use have 7 digits with their country; the longest, 15 (E.164)
    return digits if 8 <= len(digits) <= 15 else None


@dataclass(frozen=True)
class ChatLink:
    url: str
    #: False when the text was too long to ride in the link (paste it from the clipboard)
    has_text: bool


def chat_link(number: str, text: str = "") -> ChatLink:
    """The link that opens the chat with *number* (from `international_number`) with *text*
    typed in, when it fits."""
    url = f"https://wa.me/{number}"
    encoded = quote(text, safe="")
    if not text or len(encoded) > MAX_ENCODED_TEXT:
        return ChatLink(url, has_text=False)
    return ChatLink(f"{url}?text={encoded}", has_text=True)
