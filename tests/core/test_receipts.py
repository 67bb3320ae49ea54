"""Receipts (kuitansi): the amount in words, and numbers that are never given twice."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import authorship, clients, orders, people, receipts
from agencydesk.core.amount_words import amount_in_words, number_in_words
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError

PAID = date(2026, 11, 20)
TODAY = date(2026, 12, 4)


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """On SQLite and on a team desk's PostgreSQL alike."""
    return any_engine


@pytest.mark.parametrize(
    ("number", "indonesian", "english"),
    [
        (0, "nol", "zero"),
        (1, "satu", "one"),
        (10, "sepuluh", "ten"),
        (11, "sebelas", "eleven"),
        (17, "tujuh belas", "seventeen"),
        (21, "dua puluh satu", "twenty-one"),
        (100, "seratus", "one hundred"),
        (115, "seratus lima belas", "one hundred fifteen"),
        (1_000, "seribu", "one thousand"),
        (1_100, "seribu seratus", "one thousand one hundred"),
        (11_000, "sebelas ribu", "eleven thousand"),
        (101_000, "seratus satu ribu", "one hundred one thousand"),
        (1_000_000, "satu juta", "one million"),
        (1_001_001, "satu juta seribu satu", "one million one thousand one"),
        (
            1_250_000,
            "satu juta dua ratus lima puluh ribu",
            "one million two hundred fifty thousand",
        ),
        (2_000_000_000, "dua miliar", "two billion"),
        (7_000_000_000_000, "tujuh triliun", "seven trillion"),
    ],
)
def test_numbers_are_written_out_as_a_kuitansi_writes_them(
    number: int, indonesian: str, english: str
) -> None:
    assert number_in_words(number, "id") == indonesian
    assert number_in_words(number, "en") == english


def test_the_sum_in_words_names_its_currency_with_a_capital_first_letter() -> None:
    assert amount_in_words(9_000_000, "IDR", "id") == "Sembilan juta rupiah"
    assert amount_in_words(1_250, "USD", "en") == "One thousand two hundred fifty US dollars"
    assert amount_in_words(1, "USD", "en") == "One US dollar"
    assert amount_in_words(450, "USD", "id") == "Empat ratus lima puluh dolar Amerika Serikat"
    assert amount_in_words(5, "XYZ", "en") == "Five XYZ"
    with pytest.raises(ValueError, match="not an amount"):
        number_in_words(-1, "id")


def _paid_order(engine: Engine, title: str = "Website toko kue", amount: int = 1_250_000) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Bu Ratna"})
        assert client.id is not None
        order = orders.create_order(
            session=session,
            client_id=client.id,
            values={
                "title": title,
                "amount": amount,
                "status": "paid",
                "quoted_on": date(2026, 11, 1),
                "paid_on": PAID,
            },
        )
        assert order.id is not None
        return order.id


def _issue(engine: Engine, order_id: int) -> receipts.ReceiptInfo:
    with session_scope(engine) as session:
        return receipts.issue_receipt(session=session, order_id=order_id, today=TODAY)


def test_a_paid_order_gets_a_numbered_receipt_and_asking_again_gives_the_same_one(
    engine: Engine,
) -> None:
    first = _issue(engine, _paid_order(engine))
    assert (first.number, first.label) == (1, "2026-0001")
    assert (first.client_name, first.title, first.amount, first.currency) == (
        "Bu Ratna",
        "Website toko kue",
        1_250_000,
        "IDR",
    )
    assert (first.paid_on, first.issued_on, first.issued_by) == (PAID, TODAY, None)
    assert _issue(engine, first.order_id or 0) == first  # printed again: no second number
    second = _issue(engine, _paid_order(engine, "Hosting 2027", 850_000))
    assert second.number == 2


def test_a_number_is_never_given_again_even_after_its_order_is_deleted(engine: Engine) -> None:
    order_id = _paid_order(engine)
    first = _issue(engine, order_id)
    with session_scope(engine) as session:
        orders.delete_order(session=session, order_id=order_id)
    with Session(engine) as session:
        kept = receipts.get_receipt(session=session, receipt_id=first.id)
    assert (kept.number, kept.order_id, kept.client_name) == (1, None, "Bu Ratna")
    assert _issue(engine, _paid_order(engine)).number == 2


def test_the_receipt_keeps_what_it_said_when_the_order_changes_later(engine: Engine) -> None:
    order_id = _paid_order(engine)
    issued = _issue(engine, order_id)
    with session_scope(engine) as session:
        orders.update_order(session=session, order_id=order_id, values={"title": "Renamed"})
    assert _issue(engine, order_id).title == "Website toko kue"
    assert _issue(engine, order_id) == issued


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"status": "won", "won_on": date(2026, 11, 5)}, "not_paid"),
        ({"status": "quoted"}, "not_paid"),
        ({"amount": 0}, "nothing_paid"),
    ],
)
def test_an_order_not_paid_or_for_nothing_gets_no_receipt_and_uses_no_number(
    engine: Engine, values: dict[str, object], code: str
) -> None:
    order_id = _paid_order(engine)
    with session_scope(engine) as session:
        if values.get("status") in ("won", "quoted"):
            values = {**values, "paid_on": None}
        orders.update_order(session=session, order_id=order_id, values=values)
    with pytest.raises(receipts.ReceiptRefused) as refused:
        _issue(engine, order_id)
    assert refused.value.code == code
    assert str(refused.value) == receipts.ERROR_TEXT[code]
    assert _issue(engine, _paid_order(engine)).number == 1  # the refusal took no number


def test_a_receipt_for_an_order_that_is_gone_is_a_plain_sentence(engine: Engine) -> None:
    with pytest.raises(UserError, match="That order no longer exists"):
        _issue(engine, 4242)


def test_two_desks_issuing_at_once_never_get_the_same_number(engine: Engine) -> None:
    order_ids = [_paid_order(engine, f"Order {n}") for n in range(8)]
    numbers: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def desk(mine: list[int]) -> None:
        try:
            start.wait()
            for order_id in mine:
                numbers.append(_issue(engine, order_id).number)
        except BaseException as exc:  # handed to the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(order_ids[n::4],)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))


def test_a_team_desk_records_who_issued_the_receipt(engine: Engine) -> None:
    with session_scope(engine) as session:
        sari = people.add_person(session=session, name="Sari Wulandari")
    order_id = _paid_order(engine)
    authorship.act_as(engine, sari.id)
    try:
        assert _issue(engine, order_id).issued_by == "Sari Wulandari"
    finally:
        authorship.act_as(engine, None)
