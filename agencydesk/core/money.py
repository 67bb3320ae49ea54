"""Money as the desk writes it everywhere — lists, forms, the timeline, charts and the PDF.

Amounts are whole units of their currency (rupiah has no cents, and orders in dollars are whole
dollars too). Rupiah are written the Indonesian way in either language ("Rp 9.000.000"); other
currencies carry their symbol and group digits the language's way ("US$ 1,250" in English,
"US$ 1.250" in Indonesian).
"""

from __future__ import annotations

#: the symbol written before an amount; an unknown currency is written by its code
SYMBOLS = {"IDR": "Rp", "USD": "US$", "EUR": "€", "SGD": "S$"}


def currency_symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency)


def group_digits(amount: int, currency: str, language: str = "en") -> str:
    """9000000 → "9.000.000" for rupiah and in Indonesian, "9,000,000" for others in English."""
    separator = "." if currency == "IDR" or language == "id" else ","
    digits = f"{abs(int(amount)):,}".replace(",", separator)
    return f"−{digits}" if amount < 0 else digits


def format_money(amount: int, currency: str = "IDR", language: str = "en") -> str:
    """ "Rp 9.000.000", "US$ 1,250" (English) or "US$ 1.250" (Indonesian)."""
    return f"{currency_symbol(currency)} {group_digits(amount, currency, language)}"
