"""The search boxes of the lists (clients, tickets, orders, guides) take a pasted text as well as
a few typed words, on both engines."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, orders, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.guides import library
from agencydesk.core.word_filter import MAX_WORDS, search_words


def test_a_search_looks_for_its_first_different_words_in_the_order_typed() -> None:
    assert search_words("  web  Error web ERROR error\tlogin ") == ["web", "Error", "login"]
    # "é" and "É" are found alike; "K" (Kelvin sign) is lowered by another function than "k"
    assert search_words("école ÉCOLE k \u212a") == ["école", "k", "\u212a"]
    paste = " ".join(f"w{n % 50}" for n in range(10_000))
    assert search_words(paste) == [f"w{n}" for n in range(MAX_WORDS)]


NAME = "Ibu Ratna Makassar"


def _pieces(text: str) -> list[str]:
    """Every piece of every word of *text* ("ibu" → "i", "ib", "ibu", "b", …), once each."""
    return list(
        dict.fromkeys(
            word[start:end]
            for word in text.lower().split()
            for start in range(len(word))
            for end in range(start + 1, len(word) + 1)
        )
    )


def test_a_pasted_text_in_a_lists_search_box_finds_what_its_first_words_name(
    any_engine: Engine,
) -> None:
    """SQLite refused a search of 992 words or more ("Expression tree is too large") and
    building the query took seconds: the list showed an error instead of its rows."""
    with session_scope(any_engine) as session:
        client = clients.create_client(session=session, values={"name": NAME})
        assert client.id is not None
        tickets.create_ticket(session=session, client_id=client.id, values={"title": "Web"})
        orders.create_order(session=session, client_id=client.id, values={"title": "Hosting"})
        library.create_guide(session=session, values={"title": f"Login {NAME}", "body": "1."})
    found = _pieces(NAME)  # each in the client's name (as the tickets and orders search it)
    assert len(found) > MAX_WORDS
    paste = " ".join(found + [f"kata{n}" for n in range(2_000)])
    started = time.perf_counter()
    with Session(any_engine) as session:
        assert [row.name for row in clients.list_clients(session=session, search=paste)] == [NAME]
        assert clients.count_clients(session=session, search=paste) == 1
        assert len(clients.client_ids(session=session, search=paste)) == 1
        assert [row.title for row in tickets.list_tickets(session=session, search=paste)] == ["Web"]
        assert tickets.count_tickets(session=session, search=paste) == 1
        assert len(tickets.ticket_ids(session=session, search=paste)) == 1
        assert [row.title for row in orders.list_orders(session=session, search=paste)] == [
            "Hosting"
        ]
        assert orders.count_orders(session=session, search=paste) == 1
        assert len(orders.order_ids(session=session, search=paste)) == 1
        assert [row.title for row in library.list_guides(session=session, search=paste)] == [
            f"Login {NAME}"
        ]
        # a word within the bound is looked for
        assert clients.count_clients(session=session, search="kata0 " + paste) == 0
    # eleven queries of 32 words each: building one of 2,000 words took about a second
    assert time.perf_counter() - started < 1.5
