"""Search on a team desk (PostgreSQL) finds what the solo desk (SQLite FTS5) finds, in the same
order where the order is by time, and says so when it cannot ignore accents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chat_rows import client_with_message
from pg_roles import without_extensions
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, demo, migrate, search, search_pg
from agencydesk.core.db import session_scope


def _results(engine: Engine, text: str) -> search.SearchResults:
    with Session(engine) as session:
        return search.search(session=session, text=text)


def _ids(engine: Engine, text: str) -> dict[str, list[int]]:
    return {kind: [hit.id for hit in hits] for kind, hits in _results(engine, text).hits.items()}


@pytest.fixture
def pg_demo(pg_url: str) -> Iterator[Engine]:
    engine = migrate.open_database(pg_url)
    with session_scope(engine) as session:
        demo.load_demo(session=session)
    yield engine
    engine.dispose()


QUERIES = ("ratn", "webnya error", "website", "pa", "email", "databa", "t", "logo", "bu rat")


@pytest.mark.parametrize("text", QUERIES)
def test_both_engines_find_the_same_and_list_tickets_and_messages_newest_first(
    demo_engine: Engine, pg_demo: Engine, text: str
) -> None:
    solo, team = _ids(demo_engine, text), _ids(pg_demo, text)
    assert _results(pg_demo, text).used_fts
    for kind in search.KINDS:
        assert set(team[kind]) == set(solo[kind]), kind
    assert team["ticket"] == solo["ticket"] == sorted(solo["ticket"], reverse=True)
    assert team["message"] == solo["message"] == sorted(solo["message"], reverse=True)
    if text == "ratn":  # a name match ranks first on both
        assert team["client"][0] == solo["client"][0]


def test_words_inside_addresses_and_codes_are_found_and_marked(any_engine: Engine) -> None:
    client_with_message(
        any_engine, "Ibu Ratna", "Sudah saya kirim INV/2024/0012 ke ratna12@gmail.com ya Bu"
    )
    for text in ("INV/2024", "gmail", "0012", "ratna12"):
        hits = _results(any_engine, text).hits["message"]
        assert [hit.title for hit in hits] == ["Ibu Ratna"], text
        assert search.HIT_START in hits[0].snippet, text


def test_the_last_word_is_a_prefix_and_the_words_before_it_whole(any_engine: Engine) -> None:
    """The search runs while one types: the last word may be unfinished, the earlier ones are
    typed whole (and as prefixes would read far more of the index)."""
    client_with_message(any_engine, "Mas Andi", "Mas, tidak bisa login lagi dari tadi")
    client_with_message(any_engine, "Bu Sari", "Bisanya kapan ya login ulang?")

    def found(text: str) -> list[str]:
        return sorted(hit.title for hit in _results(any_engine, text).hits["message"])

    assert found("tidak bisa log") == ["Mas Andi"]
    assert found("login bisa") == ["Bu Sari", "Mas Andi"]  # "bisa" last: "bisanya" too
    assert found("bisa login") == ["Mas Andi"]  # "bisa" whole: not "bisanya"
    assert found("tid bisa login") == []  # "tid" is not a word of either


def test_snippets_mark_the_words_and_show_where_the_text_goes_on(any_engine: Engine) -> None:
    words = "Selamat pagi mas, mohon maaf mengganggu, " * 3
    client_with_message(any_engine, "Pak Budi", f"{words}websitenya down lagi sejak tadi. {words}")
    snippet = _results(any_engine, "websiten").hits["message"][0].snippet
    assert f"{search.HIT_START}websitenya{search.HIT_END}" in snippet
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert len(snippet) < 120  # about ten words, not the whole message


def test_a_prefix_of_many_words_and_a_prefix_of_none(pg_url: str) -> None:
    """Messages are searched through their words (`search_pg.message_query`): a prefix of more
    words than it lists stays a prefix, and a prefix of no word finds nothing."""
    engine = migrate.open_database(pg_url)
    try:
        count = search_pg.MOST_WORDS + 6
        client_with_message(engine, "Bu Sari", " ".join(f"kode{n}" for n in range(count)))
        client_with_message(engine, "Pak Budi", "kode77 dan kode7 sudah dikirim")
        with Session(engine) as session:
            query = search_pg.message_query(session, ["sudah", "kode"])
            assert query == "'sudah' & 'kode':*"
            assert search_pg.message_query(session, ["kode", "sudahlah"]) is None
        assert [hit.title for hit in _results(engine, "kode7").hits["message"]] == [
            "Pak Budi",
            "Bu Sari",
        ]
        assert [hit.title for hit in _results(engine, "sudah kod").hits["message"]] == ["Pak Budi"]
        assert _results(engine, "kodex").hits["message"] == []
    finally:
        engine.dispose()


@pytest.fixture
def pg_url_without_extensions(pg_url: str) -> Iterator[str]:
    with without_extensions(pg_url) as url:
        yield url


def test_without_unaccent_accents_count_and_the_search_says_so(
    pg_url_without_extensions: str,
) -> None:
    engine = migrate.open_database(pg_url_without_extensions)
    try:
        with session_scope(engine) as session:
            clients.create_client(session=session, values={"name": "Café Sérénité"})
        plain = _results(engine, "cafe")
        assert plain.used_fts
        assert not plain.accents_ignored
        assert plain.hits["client"] == []
        accented = _results(engine, "café séré")
        assert [hit.title for hit in accented.hits["client"]] == ["Café Sérénité"]
    finally:
        engine.dispose()


def test_with_unaccent_the_search_does_not_mention_accents(any_engine: Engine) -> None:
    assert _results(any_engine, "cafe").accents_ignored
