from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, select

from agencydesk.core import clients, search, tickets, time_spent, timeline, today
from agencydesk.core.db import session_scope
from agencydesk.core.models import Guide, GuideSend, Ticket, TimeEntry
from agencydesk.migrations import fts_v1


@pytest.fixture
def any_demo(any_engine: Engine) -> Engine:
    from agencydesk.core import demo

    with session_scope(any_engine) as session:
        demo.load_demo(session=session)
    return any_engine


def test_timeline_merges_every_kind_newest_first(any_demo: Engine) -> None:
    demo_engine = any_demo
    with Session(demo_engine) as session:
        ratna = next(
            row.id
            for row in clients.list_clients(session=session, search="Ratna")
            if row.name == "Ibu Ratna Wulandari"
        )
        events = timeline.client_timeline(session=session, client_id=ratna, limit=500)
    kinds = {event.kind for event in events}
    assert {"ticket_opened", "ticket_resolved", "message"} <= kinds
    stamps = [event.at for event in events]
    assert stamps == sorted(stamps, reverse=True)
    first_words = [e.body for e in events if e.kind == "message"][-1]
    assert "ketemu langsung" in first_words  # the very first message: she wanted to meet in person


def test_a_new_kind_of_event_plugs_into_the_timeline(any_demo: Engine) -> None:
    demo_engine = any_demo
    marker = datetime(2030, 1, 1, tzinfo=UTC)

    def orders(
        session: Session, client_id: int, before: datetime | None, limit: int
    ) -> list[timeline.TimelineEvent]:
        return [timeline.TimelineEvent(marker, "order", "Website", "", False, None, 1)]

    timeline.register_source("test_orders", orders)
    try:
        with Session(demo_engine) as session:
            events = timeline.client_timeline(session=session, client_id=1, limit=3)
        assert events[0].kind == "order"
    finally:
        timeline._SOURCES.pop("test_orders")


def test_today_lists_what_needs_the_freelancer_now(any_demo: Engine) -> None:
    demo_engine = any_demo
    with Session(demo_engine) as session:
        summary = today.today_summary(session=session)
    assert [row.title for row in summary.overdue] == ["Upload 40 product photos to the catalogue"]
    assert [row.title for row in summary.due_today] == ["How do I add a photo of the new menu?"]
    waiting = [w.client_name for w in summary.waiting_on_us]
    assert waiting[0] == "Pak Bambang Santoso"  # waiting longest
    assert set(waiting) == {"Pak Bambang Santoso", "Ibu Ratna Wulandari", "Claire Dubois"}
    assert "Booking form emails land in spam" in [r.ticket_title for r in summary.first_responses]


def test_today_counts_guides_sent_today(any_engine: Engine) -> None:
    engine = any_engine
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        guide = Guide(title="Cara kirim screenshot", body="1. Tekan tombol")
        session.add(guide)
        session.flush()
        assert client.id is not None
        assert guide.id is not None
        session.add(GuideSend(guide_id=guide.id, client_id=client.id, sent_at=now))
        session.add(
            GuideSend(guide_id=guide.id, client_id=client.id, sent_at=now - timedelta(days=2))
        )
    with Session(engine) as session:
        summary = today.today_summary(session=session, now=now)
    assert [(g.client_name, g.guide_title) for g in summary.guides_sent_today] == [
        ("Ibu Ratna", "Cara kirim screenshot")
    ]


def test_monday_morning_still_shows_last_weeks_first_replies(any_engine: Engine) -> None:
    """Today's first replies counted from Monday 00:00, so on Monday morning the card was empty
    (and the suite failed on Mondays). They are the last 7 days': Saturday's ticket counts, the
    one of a week ago Monday does not."""
    engine = any_engine
    monday_morning = datetime(2026, 12, 7, 8, 0).astimezone()  # local time, like the desk's day
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        for title, opened in (
            ("Saturday's question", datetime(2026, 12, 5, 10, 0).astimezone()),
            ("Last week's Monday", datetime(2026, 11, 30, 10, 0).astimezone()),
        ):
            made = tickets.create_ticket(
                session=session, client_id=client.id, values={"title": title}
            )
            row = session.get(Ticket, made.id)
            assert row is not None
            row.created_at = opened.astimezone(UTC)
            row.first_response_at = (opened + timedelta(minutes=20)).astimezone(UTC)
    with Session(engine) as session:
        summary = today.today_summary(session=session, now=monday_morning.astimezone(UTC))
    assert [r.ticket_title for r in summary.first_responses] == ["Saturday's question"]
    assert summary.median_first_response == timedelta(minutes=20)
    assert summary.first_reply_within_hour == 1.0


def test_fts_query_makes_the_last_word_a_prefix() -> None:
    assert search.fts_query("Webnya ERR") == '"webnya" "err"*'
    assert search.fts_query('"; DROP TABLE client; --') == '"drop" "table" "client"*'
    assert search.fts_query("  ?! ") is None
    assert search.fts_query("t") == '"t"'  # a lone letter is a word, not a prefix of everything


def _hits(engine: Engine, query: str) -> dict[str, list[str]]:
    with Session(engine) as session:
        results = search.search(session=session, text=query)
    return {kind: [hit.title for hit in hits] for kind, hits in results.hits.items() if hits}


def test_search_finds_clients_tickets_and_messages_by_prefix(any_demo: Engine) -> None:
    demo_engine = any_demo
    found_clients = _hits(demo_engine, "ratn")["client"]
    assert found_clients[0] == "Ibu Ratna Wulandari"  # a name match ranks first
    assert "Ibu Rina Marlina" in found_clients  # her notes mention "Bu Ratna"
    found = _hits(demo_engine, "databa")
    assert found["ticket"] == ["Website shows 'Error establishing a database connection'"]
    assert found["message"] == ["Ibu Ratna Wulandari"]
    with Session(demo_engine) as session:
        results = search.search(session=session, text="webnya error")
    snippet = results.hits["message"][0].snippet
    assert f"{search.HIT_START}webnya{search.HIT_END}" in snippet


def test_a_guides_snippet_reads_as_text_not_markdown(any_demo: Engine) -> None:
    """A guide is written in Markdown; its search snippet showed the marks ("aplikasi *Foto*.
    ## Mengirimnya lewat WhatsApp"). The words stay, the hit still marked."""
    with Session(any_demo) as session:
        results = search.search(session=session, text="foto")
    snippets = [hit.snippet for hit in results.hits["guide"]]
    assert snippets
    marked = f"{search.HIT_START}Foto{search.HIT_END}"
    assert any(marked in snippet for snippet in snippets)
    for snippet in snippets:
        assert "##" not in snippet
        assert "**" not in snippet
        assert (
            re.search(
                r"\*\w|\w\*", snippet.replace(search.HIT_START, "").replace(search.HIT_END, "")
            )
            is None
        )
    assert (
        search.readable("di {site_url}/wp-admin lalu *Simpan*")
        == "di {site_url}/wp-admin lalu Simpan"
    )
    assert search.readable("![Halaman masuk](image:a.png) > Lupa?") == "Halaman masuk Lupa?"


def test_a_ticket_number_finds_that_ticket(any_demo: Engine) -> None:
    with Session(any_demo) as session:
        title = "Website shows 'Error establishing a database connection'"
        wanted = session.exec(select(Ticket).where(Ticket.title == title)).one()
        found = search.search(session=session, text=f" #{wanted.id} ")
        missing = search.search(session=session, text="#999999")
    [hit] = found.hits["ticket"]
    assert (hit.id, hit.title, hit.client_id) == (wanted.id, title, wanted.client_id)
    assert hit.snippet == f"{search.HIT_START}#{wanted.id}{search.HIT_END}"
    assert found.count() == 1
    assert missing.count() == 0


def test_search_ignores_diacritics_and_case(any_engine: Engine) -> None:
    engine = any_engine
    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": "Café Sérénité"})
    assert _hits(engine, "cafe serenite")["client"] == ["Café Sérénité"]


@pytest.mark.parametrize("step", ["insert", "update", "delete"])
def test_the_search_index_follows_every_change(any_engine: Engine, step: str) -> None:
    engine = any_engine
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
        assert client_id is not None
        ticket_id = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Ganti logo"}
        ).id
        assert ticket_id is not None
        message = tickets.add_message(
            session=session, ticket_id=ticket_id, body="logonya kebesaran", from_me=False
        )
    assert _hits(engine, "kebesaran") == {"message": ["Ibu Ratna"]}
    if step == "update":
        with session_scope(engine) as session:
            message.body = "warnanya kurang cerah"
            session.add(message)
            ticket = tickets.get_ticket(session=session, ticket_id=ticket_id)
            ticket.title = "Ganti warna"
            session.add(ticket)
        assert _hits(engine, "kebesaran") == {}
        assert _hits(engine, "cerah") == {"message": ["Ibu Ratna"]}
        assert _hits(engine, "warna") == {"ticket": ["Ganti warna"], "message": ["Ibu Ratna"]}
    elif step == "delete":
        with session_scope(engine) as session:
            tickets.delete_ticket(session=session, ticket_id=ticket_id)
            session.delete(message)
        assert _hits(engine, "kebesaran") == {}
        assert _hits(engine, "logo") == {}


def test_deleted_clients_are_not_found(any_engine: Engine) -> None:
    engine = any_engine
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Pak Bambang"}).id
        assert client_id is not None
        clients.delete_client(session=session, client_id=client_id)
    assert _hits(engine, "bambang") == {}


def test_without_fts5_the_search_still_works_with_like(demo_engine: Engine) -> None:
    class Op:  # what fts_v1 needs of alembic's `op`
        def __init__(self, connection: Connection) -> None:
            self.connection = connection

        def execute(self, sql: str) -> None:
            self.connection.execute(text(sql))

    with demo_engine.begin() as connection:
        fts_v1.drop_all(Op(connection))
    with Session(demo_engine) as session:
        assert not search.fts_available(session)
        results = search.search(session=session, text="webnya error")
    assert not results.used_fts
    assert [hit.title for hit in results.hits["message"]] == ["Ibu Ratna Wulandari"]
    assert f"{search.HIT_START}webnya{search.HIT_END}" in results.hits["message"][0].snippet


def test_time_entries_cascade_with_their_ticket(any_engine: Engine) -> None:
    engine = any_engine
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Andi"}).id
        assert client_id is not None
        ticket_id = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "SSL"}
        ).id
        assert ticket_id is not None
        time_spent.add_time(session=session, ticket_id=ticket_id, minutes=25)
    with session_scope(engine) as session:
        tickets.delete_ticket(session=session, ticket_id=ticket_id)
    with Session(engine) as session:
        assert session.exec(select(TimeEntry)).all() == []
