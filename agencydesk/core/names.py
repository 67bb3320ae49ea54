"""How people's names and phone numbers compare (standard library only).

"Ibu Ratna Wulandari", "Bu Ratna Wulandari" and "ratna wulandari" are one person to a freelancer
in Indonesia: `name_key` drops the honorific in front and the case, so the client list sorts
Ratna under R (not under I for "Ibu") and a second "Bu Ratna" is noticed as a possible
duplicate. `phone_digits` does the same for numbers: "+62 812-3456" and "0812 3456" agree.
"""

from __future__ import annotations

import re
import unicodedata

#: honorifics written before a name (Indonesian and a few English ones), compared casefolded
HONORIFICS = frozenset(
    {"ibu", "bu", "bapak", "bpk", "pak", "mbak", "mba", "mas", "kak", "mr", "mrs", "ms", "dr"}
)

_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean_name(name: str) -> str:
    """A sender name without bidi marks and with single spaces (how exports differ)."""
    return " ".join(unicodedata.normalize("NFC", name.translate(_INVISIBLE)).split())


#: invisible characters a name's words may carry at their edges (pasted, or from a contact name)
_ZERO_WIDTH = "\u200b\u2060\ufeff"


def name_words(name: str) -> list[str]:
    """The words of *name* a person is called by: without invisible marks, and without the
    emoji and symbols WhatsApp contact names often carry ("⭐ Ibu Ratna 🌸" gives "Ibu",
    "Ratna"). A name of nothing else keeps them."""
    words = [word.strip(_ZERO_WIDTH) for word in clean_name(name).split()]
    named = [word for word in words if any(map(str.isalnum, word))]
    return named or [word for word in words if word]


def name_key(name: str) -> str:
    """*name* without the honorifics in front, casefolded: "Ibu Ratna" and "bu ratna" give
    "ratna" ("⭐ Ibu Ratna" too). A name that is only an honorific ("Mas") keeps it."""
    words = [word.casefold() for word in name_words(name)]
    while len(words) > 1 and words[0].rstrip(".") in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def phone_digits(text: str) -> str:
    """The national digits of a phone number: '+62 812‑3456' and '0812-3456' give '8123456'.

    Returns "" for text that is not a phone number (fewer than 6 digits, or letters)."""
    text = clean_name(text)
    if re.search(r"[^\d\s+()\-.\u2011\u2010\u2012\u2013]", text):
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 6:
        return ""
    if text.lstrip().startswith("+"):
        if digits.startswith("62"):
            digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    elif digits.startswith("62") and len(digits) > 10:
        digits = digits[2:]
    return digits


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_part(text: str, default: str = "client") -> str:
    """*text* made safe to stand in a file name on every system: "Ibu Ratna W." → "Ibu Ratna W",
    "Toko <b>Kue</b>" → "Toko b Kue b"; *default* when nothing is left."""
    text = _NOT_IN_FILE_NAMES.sub(" ", unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).strip(" .") or default
