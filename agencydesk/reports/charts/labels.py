"""What the charts say: their words in English and Indonesian, generation names, short names
("Ibu Sari Handayani" → "Ibu Sari"), and compact numbers ("Rp 1.5M", "Rp 1,5 jt").
"""

from __future__ import annotations

import functools

from agencydesk.reports.text import TEXT, language_or_default, short_month_names

#: the charts' entries in the report string table
PREFIX = "chart_"


#: how numbers are written, beside the words: "1.5M" / "1,5 jt"
_NUMBER_STYLE = {
    "en": {"decimal": ".", "unit_space": ""},
    "id": {"decimal": ",", "unit_space": " "},
}


@functools.cache
def strings(lang: str) -> dict[str, str]:
    """The charts' words (the report string table's ``chart_`` entries) in *lang*, with the
    language's way of writing numbers (``decimal``, ``unit_space``)."""
    language = language_or_default(lang.split("_")[0].lower())
    words = {
        key.removeprefix(PREFIX): text
        for key, text in TEXT[language].items()
        if key.startswith(PREFIX)
    }
    return words | _NUMBER_STYLE[language]


def month_abbreviations(lang: str) -> tuple[str, ...]:
    return short_month_names(language_or_default(lang.split("_")[0].lower()))


def generation_label(generation: int, *, root_name: str = "", lang: str = "en") -> str:
    """What the legend calls *generation*: the root's name, "Direct referrals", "Their
    referrals", "Generation 3"… (Indonesian: "Rujukannya", "Rujukan dari rujukannya", …)."""
    words = strings(lang)
    if generation == 0:
        return root_name.strip() or words["first_client"]
    if generation in (1, 2):
        return words[f"generation_{generation}"]
    return words["generation_n"].format(n=generation)


#: what comes before a name: "Ibu Sari Handayani" is "Ibu Sari" on a crowded chart
# fmt: off
HONORIFICS = frozenset((
    "ibu", "bu", "bapak", "pak", "mbak", "mba", "mas", "kak", "kakak", "bang", "abang", "adik",
    "dik", "tante", "om", "cik", "ci", "koh", "ko", "teh", "aa", "akang", "kang", "neng", "uda",
    "uni", "nyonya", "tuan", "haji", "hajah", "hj", "dr", "drg", "ir", "prof", "sdr", "sdri",
    "mr", "mrs", "ms", "miss",
))
# fmt: on


def short_name(name: str) -> str:
    """How one says a name in passing: the honorific and the first name ("Ibu Sari Handayani"
    → "Ibu Sari", "Pak Hendra Gunawan" → "Pak Hendra"); other names whole."""
    words = name.split()
    if len(words) >= 3 and words[0].rstrip(".").casefold() in HONORIFICS:
        return f"{words[0]} {words[1]}"
    return " ".join(words)


def given_name(name: str) -> str:
    """The name after an honorific ("Ibu Sari Handayani" → "Sari"); other names whole."""
    words = name.split()
    if len(words) >= 2 and words[0].rstrip(".").casefold() in HONORIFICS:
        return words[1]
    return " ".join(words)


def decimal(text: str, lang: str) -> str:
    return text.replace(".", strings(lang)["decimal"])


def format_rupiah_compact(amount: int | float, *, lang: str = "en", digits: int = 1) -> str:
    """A rupiah amount for an axis or a label: "Rp 15M", "Rp 500K", "Rp 1.5M" in English;
    "Rp 15 jt", "Rp 500 rb", "Rp 1,5 jt" in Indonesian. At most *digits* decimals, no
    trailing zeros."""
    words = strings(lang)
    sign = "-" if amount < 0 else ""
    value = abs(float(amount))
    unit = ""
    for size, key in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        # 999,999 rounds to "1,000K": write it as "1M"
        if round(value / size, digits) >= 1:
            value /= size
            unit = words[key]
            break
    number = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    text = decimal(number, lang)
    if unit:
        text = f"{text}{words['unit_space']}{unit}"
    return f"Rp {sign}{text}"


def format_count(value: float, lang: str) -> str:
    number = f"{value:,.0f}"
    return number.replace(",", ".") if strings(lang)["decimal"] == "," else number


def format_k(k: float | None, lang: str) -> str:
    return "K = –" if k is None else f"K = {decimal(f'{k:.1f}', lang)}"
