"""The message search column made in Python (`search_pg_schema.message_vector`, sent by a chat
import in binary COPY, and its text form `message_vector_text`) holds exactly the words the
server makes from the same text: over generated chats, odd texts and random ones; where it
cannot promise that it makes nothing and the server does."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from agencydesk.core import migrate
from agencydesk.core.importers import parse_chat_text
from agencydesk.core.search_pg_schema import message_vector, message_vector_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from chat_parse_generator import generate_whatsapp_export

#: the server's search column of a message (migration 0015's function)
SERVER = "message_search_vector(body, sender)"

ODD = [
    "",
    " ",
    "Halo, Bu! INV/2024/0012 ke ratna12@gmail.com ya",
    "https://toko-sari.co.id/produk?id=12&warna=merah#atas",
    "<b>tebal</b> &amp; &#123; ~/foto/a.jpg C:\\Users\\sari",
    "1e5 1E5 2e10x 1e 0x1F 12e 007 3.14 -5 +6 1,5 1.000.000 v1.2.3 a1b2c3 e5e 123abc",
    "tab\there\nnew line\r\n\x0bvt\x0cff\x1cfs\x1fus\x7fdel\x01soh",
    "snake_case kebab-case CamelCase ALLCAPS don't l'école",
    "émoji 😀 café naïve ÉCOLE",  # not ASCII: the server's
    "a" * 2047,
    "kata " * 400,  # longer than the Python side takes: the server's
]


def _random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    alphabet = "aeEzxX019 _-.,/@:'\"\t\n\x01\x7f#&<>+~"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def _chat_texts(count: int) -> list[tuple[str, str]]:
    parsed = parse_chat_text(
        generate_whatsapp_export(count, seed=3, style="id-android"), filename="chat.txt"
    )
    return [(m.text, m.sender or "") for m in parsed.messages]


def _differing(url: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """(body, sender, ours in binary, ours as text, the server's) where either of ours, when
    made, is not the server's. The binary form goes in as an import sends it (binary COPY)."""
    engine = migrate.open_database(url)
    try:
        raw = engine.raw_connection()
        try:
            connection = raw.driver_connection
            assert connection is not None
            with connection.cursor() as cursor:
                cursor.execute(
                    "CREATE TEMP TABLE mine (body text, sender text, made tsvector, as_text text)"
                )
                with cursor.copy("COPY mine FROM STDIN (FORMAT binary)") as copy:
                    copy.set_types(["text", "text", "bytea", "text"])
                    for body, sender in pairs:
                        made = message_vector(body, sender)
                        as_text = message_vector_text(body, sender)
                        copy.write_row((body, sender, made, as_text))
                cursor.execute(
                    f"SELECT body, sender, made::text, as_text, {SERVER}::text FROM mine "
                    "WHERE (made IS NULL) <> (as_text IS NULL) "
                    f"OR made IS DISTINCT FROM {SERVER} AND made IS NOT NULL "
                    f"OR CAST(as_text AS tsvector) IS DISTINCT FROM {SERVER} "
                    "AND as_text IS NOT NULL"
                )
                rows = cursor.fetchall()
            connection.rollback()
        finally:
            raw.close()
    finally:
        engine.dispose()
    return [tuple(row) for row in rows]


def test_odd_texts_get_the_servers_words(pg_migrated_url: str) -> None:
    pairs = [(text, "Bu Sari") for text in ODD] + [("", text) for text in ODD]
    assert _differing(pg_migrated_url, pairs) == []
    assert message_vector("café", "") is None
    assert message_vector("kata " * 400, "") is None
    assert message_vector("2e10x", "") is None
    assert message_vector_text("INV/2024", "Bu") == "inv 2024 bu"
    # binary: the count of distinct words, then each with a zero byte and no positions
    made = message_vector("Bu bu BU", "")
    assert made == b"\x00\x00\x00\x01bu\x00\x00\x00"


@pytest.mark.parametrize("seed", [7, 8])
def test_random_texts_get_the_servers_words(pg_migrated_url: str, seed: int) -> None:
    texts = _random_texts(20_000, seed)
    pairs = list(zip(texts, texts[::-1], strict=True))
    assert _differing(pg_migrated_url, pairs) == []
    assert sum(message_vector(body, sender) is not None for body, sender in pairs) > 15_000


def test_generated_chats_get_the_servers_words(pg_migrated_url: str) -> None:
    pairs = _chat_texts(20_000)
    assert _differing(pg_migrated_url, pairs) == []
    made = sum(message_vector(body, sender) is not None for body, sender in pairs)
    assert made > len(pairs) * 0.8  # most of an Indonesian chat is ASCII
