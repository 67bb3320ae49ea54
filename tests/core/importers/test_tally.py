"""The dry run's summary of a WhatsApp export, counted where the split left the messages (the
plain ones never built), is the summary of the messages built: the same counts, senders in the
same order, kinds, first and last times, date order, chat name and warnings."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from chat_generator import generator

from agencydesk.core.importers.summary import summarize
from agencydesk.core.importers.textutil import decode_export, text_blocks
from agencydesk.core.importers.whatsapp import parse_whatsapp
from agencydesk.core.importers.whatsapp.parser import SPLIT_BLOCK, prepare, read_part
from agencydesk.core.importers.whatsapp.tally import summarized_part

FIXTURES = Path(__file__).parent / "fixtures"


def _counted(text: str, date_order: str | None = None) -> object:
    prepared = prepare(text)
    columns = read_part(
        prepared,
        text_blocks(text, SPLIT_BLOCK),
        ends_with_newline=text.endswith("\n"),
        date_order=date_order,
    )
    return summarized_part(prepared, columns, chat_name="Bu Sari")


def _built(text: str, date_order: str | None = None) -> object:
    return summarize(parse_whatsapp(text, date_order=date_order, chat_name="Bu Sari"))


@pytest.mark.parametrize("style", generator.STYLES)
def test_every_style_counted_is_the_summary_of_its_messages(style: str) -> None:
    text = generator.generate_whatsapp_export(3_000, seed=5, style=style)
    assert _counted(text) == _built(text)
    assert _counted(text[:-30]) == _built(text[:-30])  # cut off mid-message: its warning
    assert _counted(text, "MDY") == _built(text, "MDY")  # the order asked for


def test_every_whatsapp_fixture_counted_is_the_summary_of_its_messages() -> None:
    """The locales, system lines of groups and of chats, media kept and left out, deleted
    messages, documents, names with ": " in them, a header with an impossible date."""
    fixtures = sorted(FIXTURES.glob("wa_*.txt"))
    assert len(fixtures) >= 10
    for fixture in fixtures:
        text, _notes = decode_export(fixture.read_bytes())
        assert _counted(text) == _built(text), fixture.name


def test_a_chat_of_only_plain_messages_and_one_of_none() -> None:
    """No "message 0" among the kinds of a chat without a plain message, and none missing;
    a sender only the closer look finds (a name with ": " in it) counted as hers."""
    plain = "12/31/24, 9:00 PM - Sari: halo\n12/31/24, 9:01 PM - Budi: iya\n"
    odd = "12/31/24, 9:00 PM - Sari: <Media omitted>\n12/31/24, 9:01 PM - Budi added Sari\n"
    # (once only, its bracket still open at the first ": ": the sender is not certain at once)
    unsure = "12/31/24, 8:59 PM - Toko (Jaya: Cabang 2): sudah dicetak\n"
    for text in (plain, odd, plain + odd, odd + plain, unsure + plain * 3):
        assert _counted(text) == _built(text), text


def test_mixed_up_exports_counted_are_the_summary_of_their_messages() -> None:
    """The fixtures' lines shuffled, repeated, cut and glued across files (a fixed seed):
    each mix is counted as it is built."""
    rng = random.Random(17)
    lines = [
        line
        for fixture in sorted(FIXTURES.glob("wa_*.txt"))
        for line in decode_export(fixture.read_bytes())[0].splitlines()
    ]
    for _ in range(300):
        start = rng.randrange(len(lines))
        picked = lines[start : start + rng.randrange(2, 60)]
        picked += rng.sample(lines, rng.randrange(0, 8))
        if rng.random() < 0.3:
            rng.shuffle(picked)
        text = "\n".join(picked) + ("\n" if rng.random() < 0.7 else "")
        assert _counted(text) == _built(text), text
