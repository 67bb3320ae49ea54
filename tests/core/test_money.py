"""One way to write money, in the app and in the PDF alike."""

from __future__ import annotations

import pytest

from agencydesk.core.money import (
    AmountError,
    TypedAmount,
    format_money,
    group_digits,
    parse_amount,
    regroup,
)


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


# -- reading what was typed (issue 14.1: "1.500.000,50" became Rp 150.000.050) -----------------


@pytest.mark.parametrize(
    ("text", "currency", "language", "amount"),
    [
        ("1.500.000", "IDR", "id", 1_500_000),
        ("1.500.000,00", "IDR", "id", 1_500_000),  # zero decimals are no decimals
        ("1.500.000", "IDR", "en", 1_500_000),  # rupiah are written with dots in English too
        ("Rp 1.500.000", "IDR", "id", 1_500_000),  # pasted with the currency
        ("800", "USD", "en", 800),
        ("1,250", "USD", "en", 1250),
        ("1.250", "USD", "id", 1250),
        ("800.00", "USD", "en", 800),
        ("0", "IDR", "id", 0),
        ("", "IDR", "id", None),
        ("  ", "USD", "en", None),
    ],
)
def test_an_amount_is_read_by_the_rules_it_is_written_with(
    text: str, currency: str, language: str, amount: int | None
) -> None:
    assert parse_amount(text, currency, language) == amount


@pytest.mark.parametrize(
    ("text", "currency", "language", "code", "whole"),
    [
        ("1.500.000,50", "IDR", "id", "decimals", "1.500.000"),
        ("1.500.000,5", "IDR", "en", "decimals", "1.500.000"),
        ("800.50", "USD", "en", "decimals", "800"),  # was 80,050
        ("800,50", "USD", "id", "decimals", "800"),
        ("1,500,000", "IDR", "en", "two_decimal_marks", "1"),  # an English habit, in rupiah
        ("-500", "IDR", "id", "negative", "500"),
        ("1" + "0" * 15, "IDR", "id", "too_large", "1" + ".000" * 5),
        ("1" + "0" * 99, "USD", "en", "too_large", "1" + ",000" * 33),
        # more digits than Python's int() reads (4,300): its ValueError, not the sentence
        ("9" * 5_000, "USD", "en", "too_large", "99" + ",999" * 1_666),
        ("9" * 5_000 + ",5", "IDR", "id", "decimals", "99" + ".999" * 1_666),
    ],
)
def test_decimals_and_other_mistakes_are_refused_never_folded_into_the_digits(
    text: str, currency: str, language: str, code: str, whole: str
) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, currency, language)
    assert (caught.value.code, caught.value.whole) == (code, whole)


def test_signs_that_only_look_like_digits_are_dropped_like_letters() -> None:
    """ "²" and "①" are digits to str.isdigit, not to int(): its ValueError escaped the field."""
    assert regroup("1²5000①", 7, "IDR", "id") == TypedAmount("15.000", 6)
    assert parse_amount("Rp 15.000²", "IDR", "id") == 15_000
    assert parse_amount("١٥", "USD", "en") == 15  # Arabic-Indic digits are read


def test_typing_groups_the_thousands_and_keeps_decimals_where_they_were_typed() -> None:
    assert regroup("1500000", 7, "IDR", "id") == TypedAmount("1.500.000", 9)
    assert regroup("1.500.000,50", 12, "IDR", "id") == TypedAmount("1.500.000,50", 12)
    assert regroup("1500000,5", 9, "IDR", "id") == TypedAmount("1.500.000,5", 11)
    assert regroup("800.50", 6, "USD", "en") == TypedAmount("800.50", 6)
    assert regroup("1,2500", 6, "USD", "en") == TypedAmount("12,500", 6)
    assert regroup("Rp 001.5a00.000", 15, "IDR", "en") == TypedAmount("1.500.000", 9)
    assert regroup("-5000", 5, "IDR", "id") == TypedAmount("−5.000", 6, negative=True)
