"""One way to write money, in the app and in the PDF alike."""

from __future__ import annotations

import pytest

from agencydesk.core.money import format_money, group_digits


@pytest.mark.parametrize("language", ["en", "id"])
def test_rupiah_are_written_the_indonesian_way_in_either_language(language: str) -> None:
    assert format_money(9_000_000, "IDR", language) == "Rp 9.000.000"
    assert format_money(0, "IDR", language) == "Rp 0"
    assert format_money(950, "IDR", language) == "Rp 950"


def test_dollars_group_their_digits_the_language_way() -> None:
    assert format_money(1250, "USD", "en") == "US$ 1,250"
    assert format_money(1250, "USD", "id") == "US$ 1.250"
    assert format_money(1_000_000, "EUR", "en") == "€ 1,000,000"
    assert format_money(300, "CHF", "en") == "CHF 300"


def test_a_negative_amount_keeps_its_sign_in_front_of_the_digits() -> None:
    assert format_money(-5000, "IDR") == "Rp −5.000"
    assert group_digits(-1250, "USD", "en") == "−1,250"
