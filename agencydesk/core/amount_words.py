"""An amount written out in words, as a receipt (*kuitansi*) gives it beside the figures: in
Indonesian the *terbilang* ("satu juta dua ratus lima puluh ribu rupiah"), in English
("one million two hundred fifty thousand rupiah").

Indonesian follows the usual rules of the *terbilang*: "se-" for a single ten, hundred or
thousand (sepuluh, sebelas, seratus, seribu) but "satu juta", "satu miliar"; the teens are
"… belas". English uses no "and" and hyphenates 21–99 ("twenty-one"), as US cheques do.
Amounts go up to 999 trillion, the most the desk stores (`core.money.MAX_DIGITS`).
"""

from __future__ import annotations

from typing import Final

_ID_UNITS: Final = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
#: scales of a thousand, from the smallest (empty for the units)
_ID_SCALES: Final = ("", "ribu", "juta", "miliar", "triliun")

_EN_UNITS: Final = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS: Final = (
    "",
    "",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_EN_SCALES: Final = ("", "thousand", "million", "billion", "trillion")

#: the currency's name after the words (singular and plural in English); unknown: its code
CURRENCY_WORDS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "id": {
        "IDR": ("rupiah", "rupiah"),
        "USD": ("dolar Amerika Serikat", "dolar Amerika Serikat"),
        "EUR": ("euro", "euro"),
        "SGD": ("dolar Singapura", "dolar Singapura"),
    },
    "en": {
        "IDR": ("rupiah", "rupiah"),
        "USD": ("US dollar", "US dollars"),
        "EUR": ("euro", "euros"),
        "SGD": ("Singapore dollar", "Singapore dollars"),
    },
}

LARGEST: Final = 10 ** (3 * len(_ID_SCALES)) - 1


def _groups(number: int) -> list[int]:
    """999_001_250 → [250, 1, 999]: groups of three digits, the smallest first."""
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    return groups


def _id_below_thousand(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    words = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ID_UNITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_ID_UNITS[units], "belas"]
    else:
        if tens:
            words += [_ID_UNITS[tens], "puluh"]
        if units:
            words.append(_ID_UNITS[units])
    return words


def _en_below_thousand(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    words = [_EN_UNITS[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(f"{_EN_TENS[tens]}-{_EN_UNITS[units]}" if units else _EN_TENS[tens])
    elif rest:
        words.append(_EN_UNITS[rest])
    return words


def number_in_words(number: int, language: str) -> str:
    """1_250_000 → "satu juta dua ratus lima puluh ribu" (id), "one million two hundred fifty
    thousand" (en). Zero is "nol" / "zero"; a negative number is refused (no receipt has one)."""
    if number < 0 or number > LARGEST:
        raise ValueError(f"{number} is not an amount from 0 to {LARGEST}")
    if number == 0:
        return "nol" if language == "id" else "zero"
    words: list[str] = []
    for scale, group in reversed(list(enumerate(_groups(number)))):
        if not group:
            continue
        if language == "id":
            if scale == 1 and group == 1:
                words.append("seribu")  # but "satu juta", "satu miliar"
                continue
            words += _id_below_thousand(group)
            words.append(_ID_SCALES[scale])
        else:
            words += _en_below_thousand(group)
            words.append(_EN_SCALES[scale])
    return " ".join(word for word in words if word)


def amount_in_words(amount: int, currency: str, language: str) -> str:
    """The amount and its currency in words, with a capital first letter, as a receipt writes
    it: "Satu juta dua ratus lima puluh ribu rupiah", "One thousand two hundred fifty US
    dollars"."""
    language = "id" if language == "id" else "en"
    singular, plural = CURRENCY_WORDS[language].get(currency, (currency, currency))
    text = f"{number_in_words(amount, language)} {singular if amount == 1 else plural}"
    return text[0].upper() + text[1:]
