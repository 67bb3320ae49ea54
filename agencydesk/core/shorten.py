"""Text cut short to a number of characters without breaking what the reader sees as one
character: an emoji with its skin tone, a family or a flag, a letter with its accent.

Python counts code points: "👍🏽" is two, "🇮🇩" two, "👨‍👩‍👧" five. A cut between them leaves
a lone 🇮, a bare 👍 or half a family in a ticket title, a chart label or a report (standard
library only; the rules are the few of Unicode's grapheme clusters a chat holds).
"""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
_ZWJ = "\u200d"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)  # the subdivision flags' letters (🏴 England, Scotland)
_REGIONAL = range(0x1F1E6, 0x1F200)  # two of them are a country's flag


def _joins_previous(char: str) -> bool:
    """*char* belongs with the character before it (an accent, a variation selector, a skin
    tone, a keycap, a flag's tag letter, the zero-width joiner itself)."""
    code = ord(char)
    return (
        char == _ZWJ
        or code in _SKIN_TONES
        or code in _TAGS
        or unicodedata.category(char) in ("Mn", "Me", "Mc")
    )


def boundary(text: str, end: int) -> int:
    """The greatest index at most *end* where *text* can be cut between two characters as a
    reader sees them."""
    end = max(0, min(end, len(text)))
    while 0 < end < len(text):
        if _joins_previous(text[end]) or text[end - 1] == _ZWJ:
            end -= 1
            continue
        if ord(text[end]) in _REGIONAL and ord(text[end - 1]) in _REGIONAL:
            run = end  # an odd number of indicators before the cut: it splits a flag
            while run > 0 and ord(text[run - 1]) in _REGIONAL:
                run -= 1
            if (end - run) % 2:
                end -= 1
                continue
        break
    return end


def shorten(text: str, limit: int) -> str:
    """*text*, or its start and "…" in at most *limit* characters, cut where a reader sees a
    character end."""
    if len(text) <= limit:
        return text
    return text[: boundary(text, limit - len(ELLIPSIS))].rstrip() + ELLIPSIS
