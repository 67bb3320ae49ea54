"""Text cut short never breaks an emoji, a flag or an accented letter in two."""

from __future__ import annotations

import unicodedata

import pytest

from agencydesk.core.shorten import boundary, shorten

FAMILY = "👨\u200d👩\u200d👧"
THUMB = "👍🏽"
FLAG = "🇮🇩"
E_ACUTE = unicodedata.normalize("NFD", "é")  # e and its accent: two code points
KEYCAP = "1\ufe0f\u20e3"
ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize("whole", [FAMILY, THUMB, FLAG, E_ACUTE, KEYCAP, ENGLAND, "🙏"])
def test_a_cut_never_falls_inside_what_reads_as_one_character(whole: str) -> None:
    text = "Siap " + whole + " ya"
    for end in range(len(text) + 1):
        kept = text[: boundary(text, end)]
        assert len(kept) <= end
        of_it = kept.removeprefix("Siap ")
        assert kept == of_it or of_it in ("", whole) or of_it.startswith(whole), (end, kept)


def test_two_flags_in_a_row_are_cut_between_them_not_inside_either() -> None:
    text = FLAG + FLAG + FLAG
    assert [text[: boundary(text, end)] for end in range(7)] == [
        "",
        "",
        FLAG,
        FLAG,
        FLAG * 2,
        FLAG * 2,
        FLAG * 3,
    ]


def test_shorten_keeps_short_text_and_ends_long_text_with_an_ellipsis() -> None:
    assert shorten("Website error", 20) == "Website error"
    assert shorten("Website tidak bisa dibuka", 12) == "Website tid…"
    assert shorten("Website tidak", 9) == "Website…"  # no space before "…"
    assert len(shorten("x" * 100, 80)) == 80
    # the title of an imported chat: the flag went in half ("🇮…"), the family lost a member
    assert shorten("Terima kasih " + FLAG + " banyak", 16) == "Terima kasih " + FLAG + "…"
    assert shorten("Terima kasih " + FLAG + " banyak", 15) == "Terima kasih…"
    assert shorten("Keluarga " + FAMILY + " senang", 13) == "Keluarga…"
    assert shorten("Mantap " + THUMB + THUMB, 10) == "Mantap " + THUMB + "…"
