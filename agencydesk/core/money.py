"""Money as the desk writes and reads it everywhere: lists, forms, the timeline, charts, the PDF.

Amounts are whole units of their currency (rupiah has no cents, and orders in dollars are whole
dollars too). Rupiah are written the Indonesian way in either language ("Rp 9.000.000"); other
currencies carry their symbol and group digits the language's way ("US$ 1,250" in English,
"US$ 1.250" in Indonesian).

An amount is read by the same rules it is written with (`separators`): in Indonesian (and for
rupiah in either language) dots group the thousands and a comma starts decimals; for other
currencies in English, commas group and a point starts decimals. Decimals are refused unless they
are all zeros ("1.500.000,00" is 1.500.000; "1.500.000,50" is a mistake the user is told about),
never dropped into the digits (which made 1.500.000,50 into 150.000.050).
"""

from __future__ import annotations

from dataclasses import dataclass

#: the symbol written before an amount; an unknown currency is written by its code
SYMBOLS = {"IDR": "Rp", "USD": "US$", "EUR": "€", "SGD": "S$"}
#: 999.999.999.999.999 is plenty
MAX_DIGITS = 15
MINUS_SIGNS = "-−"


def currency_symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency)


def separators(currency: str, language: str = "en") -> tuple[str, str]:
    """(thousands separator, decimal separator) an amount in *currency* is written with."""
    return (".", ",") if currency == "IDR" or language == "id" else (",", ".")


def group_digits(amount: int, currency: str, language: str = "en") -> str:
    """9000000 → "9.000.000" for rupiah and in Indonesian, "9,000,000" for others in English."""
    digits = f"{abs(int(amount)):,}".replace(",", separators(currency, language)[0])
    return f"−{digits}" if amount < 0 else digits


def group_count(count: int, language: str = "en") -> str:
    """A count grouped as the language writes it (no currency): "99,631" / "99.631"."""
    return group_digits(count, "", language)


def format_money(amount: int, currency: str = "IDR", language: str = "en") -> str:
    """ "Rp 9.000.000", "US$ 1,250" (English) or "US$ 1.250" (Indonesian)."""
    return f"{currency_symbol(currency)} {group_digits(amount, currency, language)}"


class AmountError(ValueError):
    """Typed text that is no whole amount. *code*: "decimals" (non-zero decimals), "two_decimal_
    marks" (the decimal separator twice, e.g. "1,500,000" for rupiah), "negative" or "too_large";
    *whole*: the amount before the decimals, written the right way (for the sentence)."""

    def __init__(self, code: str, whole: str = "", decimals: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.whole = whole
        self.decimals = decimals


@dataclass(frozen=True)
class TypedAmount:
    """What is in an amount field, cleaned and regrouped: *text* as it is shown, *cursor* where
    the cursor goes, *negative* when a minus sign was typed (it is kept, and refused)."""

    text: str
    cursor: int
    negative: bool = False


def regroup(text: str, cursor: int, currency: str, language: str = "en") -> TypedAmount:
    """Text typed into an amount field, grouped as it will be read: thousands separators where
    they belong, the decimal separator and what follows it kept as typed (so the user sees what
    would be saved, and decimals are not silently turned into digits), anything else dropped
    (letters, spaces, a pasted "Rp"). The cursor stays after the same digit or mark.

    A digit is what int() reads (`str.isdecimal`): "²" or "①" pass `str.isdigit` and made int()
    raise a plain ValueError; they are dropped like letters."""
    decimal = separators(currency, language)[1]
    negative = any(ch in MINUS_SIGNS for ch in text)
    kept_before = sum(ch.isdecimal() or ch == decimal for ch in text[:cursor])
    kept = "".join(ch for ch in text if ch.isdecimal() or ch == decimal)
    whole, mark, rest = kept.partition(decimal)
    stripped = whole.lstrip("0") or whole[:1]  # no leading zeros; "0" stays "0"
    kept_before = max(0, kept_before - (len(whole) - len(stripped)))
    whole = stripped[:MAX_DIGITS]
    shown = (group_digits(int(whole), currency, language) if whole else "") + mark + rest
    if negative:
        shown = "−" + shown
    position, seen = (1 if negative else 0), 0
    while position < len(shown) and seen < kept_before:
        if shown[position].isdecimal() or shown[position] == decimal:
            seen += 1
        position += 1
    return TypedAmount(shown, position, negative)


def parse_amount(text: str, currency: str, language: str = "en") -> int | None:
    """The whole amount *text* says, read by the rules it is written with (`separators`);
    None for an empty field. Raises AmountError for decimals that are not zero, two decimal
    marks, a minus sign or more than MAX_DIGITS digits. Letters and spaces are ignored (a pasted
    "Rp 1.500.000" is 1.500.000)."""
    decimal = separators(currency, language)[1]
    negative = any(ch in MINUS_SIGNS for ch in text)
    kept = "".join(ch for ch in text if ch.isdecimal() or ch == decimal)
    whole, mark, rest = kept.partition(decimal)
    whole = whole.lstrip("0") or whole[:1]
    if not whole and not mark:
        return None
    written = _written(whole, currency, language)
    if decimal in rest:
        raise AmountError("two_decimal_marks", written)
    if rest.strip("0"):
        raise AmountError("decimals", written, mark + rest)
    if negative:
        raise AmountError("negative", written)
    if len(whole) > MAX_DIGITS:
        raise AmountError("too_large", written)
    return int(whole or "0")


def _written(whole: str, currency: str, language: str) -> str:
    """The digits *whole* grouped as `group_digits` writes them (for the sentence about them).
    More digits than an amount has are grouped as text: Python's int() refuses more than 4,300
    digits (a plain ValueError, not the sentence the form shows) and takes time quadratic in
    them below that."""
    if len(whole) <= MAX_DIGITS:
        return group_digits(int(whole or "0"), currency, language)
    group = separators(currency, language)[0]
    head = len(whole) % 3 or 3
    return group.join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
