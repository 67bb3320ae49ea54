"""Snippets on the solo desk (SQLite FTS5) are cut in Python (`search_snippet`): the same snippet
FTS5's snippet() cut, in time linear in the text instead of in the square of its matches."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator

import pytest
from chat_rows import client_with_message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, search, search_snippet
from agencydesk.core.db import session_scope
from agencydesk.core.guides import library
from agencydesk.core.search_schema import CURRENT

S, E = search.HIT_START, search.HIT_END


def _message(engine: Engine, body: str) -> None:
    client_with_message(engine, "Bu Sari", body, from_me=False)


def _snippets(engine: Engine, text: str, kind: str = "message") -> list[str]:
    with Session(engine) as session:
        return [hit.snippet for hit in search.search(session=session, text=text).hits[kind]]


@pytest.mark.parametrize(
    ("body", "text", "snippet"),
    [
        # accents and case are ignored, as the index ignores them; the text keeps its own
        ("Kopi di Café Sérénité enak", "cafe SERE", f"Kopi di {S}Café{E} {S}Sérénité{E} enak"),
        ("WEBNYA Error lagi", "webnya err", f"{S}WEBNYA{E} {S}Error{E} lagi"),
        # an accent typed apart from its letter (text from a Mac, a PDF) is part of the word
        ("Pak Sebastia\u0301n sudah", "sebastian", f"Pak {S}Sebastia\u0301n{E} sudah"),
        # the last word is a prefix, the ones before it whole: "bisanya" is not "bisa"
        (
            "tidak bisa login, bisanya kapan",
            "bisa log",
            f"tidak {S}bisa{E} {S}login{E}, bisanya kapan",
        ),
        # words inside addresses and codes, the punctuation around them kept
        ("ke ratna12@gmail.com ya", "gmail", f"ke ratna12@{S}gmail{E}.com ya"),
        ("INV/2024/0012 (lunas)", "inv 2024", f"{S}INV{E}/{S}2024{E}/0012 (lunas)"),
        # emoji stay where they were
        ("Siap 🙏 mas, 🙂 webnya sudah", "mas", f"Siap 🙏 {S}mas{E}, 🙂 webnya sudah"),
        # "user_name" is two words to the index, and found as the two
        ("ganti user_name dulu", "user_name", f"ganti {S}user_name{E} dulu"),
    ],
)
def test_a_snippet_marks_the_words_the_index_matched(
    engine: Engine, body: str, text: str, snippet: str
) -> None:
    _message(engine, body)
    assert _snippets(engine, text) == [snippet]


def test_a_long_text_is_cut_around_its_best_place(engine: Engine) -> None:
    """Ten words around the place with the most of the searched words (not the first place
    with two of them), "…" where it is cut."""
    filler = "Selamat pagi mas, mohon maaf mengganggu, " * 20
    _message(engine, f"{filler}webnya error. {filler}Webnya error lagi, tidak bisa login. {filler}")
    assert _snippets(engine, "webnya error tidak") == [
        f"…mohon maaf mengganggu, {S}Webnya{E} {S}error{E} lagi, {S}tidak{E} bisa login. Selamat…"
    ]


def test_a_client_snippet_comes_from_the_field_that_matched(engine: Engine) -> None:
    with session_scope(engine) as session:
        clients.create_client(
            session=session,
            values={"name": "Ibu Ratna", "company": "Katering Bunda", "city": "Bandung"},
        )
    assert _snippets(engine, "bunda", "client") == [f"Katering {S}Bunda{E}"]


# -- the same snippet FTS5's snippet() cut ------------------------------------------------------

#: pieces of text that tell tokenizers apart: accents (composed and not), case, emoji, codes,
#: addresses, sentence ends, underscores, letters outside Latin
_PIECES = (
    "tidak", "bisa", "login", "Login", "bisanya", "lagi", "ya", "mas", "Mas,", "webnya",
    "error.", "Error:", "Café", "cafe", "CAFÉ", "Sebastia\u0301n", "sebastián", "naïve",
    "user_name", "x🙂y", "🙏", "INV/2024/0012", "ratna12@gmail.com", "ÉKSPRES", "Straße",
    "İstanbul", "ŁÓDŹ", "Σίσυφος", "½", "(lunas)", "-", "...", "1.000.000",
)  # fmt: skip
_SEPARATORS = (" ", " ", " ", ", ", ". ", ": ", "\n", " - ", "  ", "!", ".", "\t")
_QUERY_WORDS = (
    "tidak", "bisa", "log", "cafe", "café", "sebastian", "user_name", "webnya", "err", "inv",
    "2024", "ekspres", "istanbul", "lodz", "naive", "ya", "t", "gmail", "strasse", "σισυφος",
)  # fmt: skip


def _texts(pieces: int) -> st.SearchStrategy[str]:
    piece = st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)).map("".join)
    return st.lists(piece, max_size=pieces).map("".join)


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    """A scratch FTS5 table with the desk's tokenizer, three columns (like a client's)."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        f"CREATE VIRTUAL TABLE t USING fts5(a, b, c, tokenize='{CURRENT.tokenize}', "
        f"prefix='{CURRENT.prefix}')"
    )
    yield connection
    connection.close()


def _fts5_snippet(
    fts: sqlite3.Connection, texts: tuple[str, str, str], text: str, column: int
) -> str | None:
    query = search.fts_query(text)
    fts.execute("DELETE FROM t")
    fts.execute("INSERT INTO t(rowid, a, b, c) VALUES (1, ?, ?, ?)", texts)
    row = fts.execute(
        f"SELECT snippet(t, {column}, ?, ?, '…', 10) FROM t WHERE t MATCH ?", (S, E, query)
    ).fetchone()
    return None if row is None else str(row[0])


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.tuples(_texts(60), _texts(8), _texts(30)),
    words=st.lists(st.sampled_from(_QUERY_WORDS), min_size=1, max_size=4),
    column=st.sampled_from((-1, 0)),
)
def test_the_snippet_is_the_one_fts5_cut(
    fts: sqlite3.Connection, texts: tuple[str, str, str], words: list[str], column: int
) -> None:
    """For every text FTS5 finds: the same window, marks and "…" as its snippet() (column -1:
    the best of the three texts, as for a client)."""
    text = " ".join(words)
    expected = _fts5_snippet(fts, texts, text, column)
    if expected is None:  # not found: no snippet to compare
        return
    chosen = list(texts) if column == -1 else [texts[0]]
    assert search_snippet.snippet(chosen, search.words(text)) == expected


# -- time linear in the text ---------------------------------------------------------------------


def _median_search_seconds(engine: Engine, text: str) -> float:
    def seconds() -> float:
        with Session(engine) as session:
            started = time.perf_counter()
            search.search(session=session, text=text)
            return time.perf_counter() - started

    seconds()  # warm
    return statistics.median(seconds() for _ in range(5))


def _words(kind: str, stem: str, count: int) -> tuple[str, str]:
    """(a text of *count* words that holds the searched words everywhere, the search): for a
    message three words typed, for a guide forty words of it pasted."""
    if kind == "message":
        searched = [f"{stem}tidak", f"{stem}bisa", f"{stem}login", "lagi"]
        return " ".join(searched * (count // 4)), " ".join(searched[:3])
    searched = [f"{stem}{number}" for number in range(40)]
    return " ".join(searched * (count // 40)), " ".join(searched)


@pytest.mark.parametrize("kind", ["message", "guide"])
def test_a_long_hit_is_searched_in_time_linear_in_its_length(engine: Engine, kind: str) -> None:
    """snippet() scored a window at every match by walking every match: a message of 64,000
    words that held the searched words took 1.2 s a search, forty words of a guide pasted as
    the query 0.3-0.9 s; four times the words took sixteen times as long (4,000 -> 16,000
    words: 59 -> 916 ms for a message, 106 -> 1,670 ms for a guide; now 6 -> 21 ms, 11 -> 38 ms).
    """
    short_text, short_search = _words(kind, "pendek", 4_000)
    long_text, long_search = _words(kind, "panjang", 16_000)
    for text in (short_text, long_text):
        if kind == "message":
            _message(engine, text)
        else:
            with session_scope(engine) as session:
                library.create_guide(session=session, values={"title": "Panduan", "body": text})
    assert len(_snippets(engine, long_search, kind)) == 1
    small = _median_search_seconds(engine, short_search)
    large = _median_search_seconds(engine, long_search)
    # four times the text: linear is 4×, quadratic 16×; the machine is shared, hence room
    assert large < 9 * small + 0.05, (small, large)
