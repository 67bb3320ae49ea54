"""Counts the commands print read as English: one thing, many things, big numbers grouped."""

from __future__ import annotations

import pytest

from agencydesk.cli.common import counted


@pytest.mark.parametrize(
    ("number", "thing", "said"),
    [
        (0, "ticket", "0 tickets"),
        (1, "ticket", "1 ticket"),
        (2, "new message", "2 new messages"),
        (1_000_000, "row", "1,000,000 rows"),
    ],
)
def test_a_count_agrees_with_its_number(number: int, thing: str, said: str) -> None:
    assert counted(number, thing) == said


def test_an_odd_plural_is_given() -> None:
    assert counted(3, "reply", "replies") == "3 replies"
    assert counted(1, "reply", "replies") == "1 reply"
