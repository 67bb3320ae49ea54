"""Importing chat exports into a client's history: dedupe, mapping, tickets, all-or-nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from agencydesk.core import chat_import as ci
from agencydesk.core import clients, search_schema
from agencydesk.core.chat_import import planning, times, writing
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.importers import ChatMessage, ParsedChat, parse_chat_text
from agencydesk.core.models import Ticket
from agencydesk.core.utc import as_utc

FIXTURES = Path(__file__).parent / "importers" / "fixtures"


def _msg(minute: int, sender: str | None, text: str, kind: str = "message") -> ChatMessage:
    return ChatMessage(kind, datetime(2025, 3, 1, 9, 0) + timedelta(minutes=minute), sender, text)  # type: ignore[arg-type]


def _chat(messages: list[ChatMessage]) -> ParsedChat:
    participants = list(dict.fromkeys(m.sender for m in messages if m.sender))
    return ParsedChat("whatsapp-android", "DMY", messages, participants)


def _client(engine: Engine, name: str = "Bu Sari", phone: str = "") -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name, "phone": phone})
        assert client.id is not None
        return client.id


def _import(
    engine: Engine, parsed: ParsedChat, client_id: int, target: ci.Target | None = None
) -> ci.ImportResult:
    mapping: dict[str, ci.Assignment] = {
        p: (ci.ME if p == "Rudi" else client_id) for p in parsed.participants
    }
    with session_scope(engine) as session:
        return ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping=mapping,
            target=target or ci.TimelineOnly(),
        )


def _state(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as conn:
        counts = tuple(
            conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
            for t in ("message", "ticket", "client")
        )
        fts = conn.exec_driver_sql(
            "SELECT rowid, body, sender FROM message_fts ORDER BY rowid"
        ).all()
        matches = conn.exec_driver_sql(
            "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'webnya'"
        ).scalar_one()
    return (*counts, tuple(fts), matches)


def _triggers(engine: Engine) -> set[str]:
    """The triggers, and the indexes with their definitions (a bulk import rebuilds them)."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"
        ).all()
    return {name if kind == "trigger" else f"{name}: {sql}" for kind, name, sql in rows}


def test_fingerprints_are_stable_and_ignore_position() -> None:
    a, b = _msg(0, "Bu Sari", "halo"), _msg(1, "Rudi", "ok")
    first = ci.fingerprints("client:1", [a, b])
    assert first == ci.fingerprints("client:1", [a, b])
    assert ci.fingerprints("client:1", [b])[0] == first[1]  # not the position in the file
    assert ci.fingerprint("client:1", b) == first[1]
    assert len(first[0]) == 16  # bytes: the first half of a SHA-256 digest
    assert ci.fingerprints("client:2", [a])[0] != first[0]


def test_fingerprints_made_as_they_are_read_are_those_made_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An export in time order has its fingerprints made a block at a time as the import reads
    them; they are the same bytes as hashing the whole export at once, also where a block ends
    in the middle of a minute of identical messages ("ok", "ok", "ok")."""
    import random

    rng = random.Random(7)
    minute, messages = 0, []
    for _ in range(400):
        minute += rng.choice((0, 0, 0, 1, 2))  # many messages share their minute
        sender = rng.choice(("Bu Sari", "Rudi"))
        messages.append(_msg(minute, sender, rng.choice(("ok", "siap", "halo", "ok"))))
    monkeypatch.setattr(ci.identity, "_BLOCK", 7)
    streamed = ci.fingerprints("client:1", messages)
    at_once, in_order = ci.identity._digests("client:1", messages, per_timestamp=True)
    assert in_order
    first_few = [streamed[i] for i in range(30)]  # read in order, as the rows are made
    assert first_few == [at_once[i * 16 : (i + 1) * 16] for i in range(30)]
    # a chunk of rows takes its run at once, across blocks not made yet; a re-import's parts
    # take scattered positions
    assert streamed.take(range(30, 95)) == [at_once[i * 16 : (i + 1) * 16] for i in range(30, 95)]
    assert streamed.take([120, 3, 99]) == [at_once[i * 16 : (i + 1) * 16] for i in (120, 3, 99)]
    # made ahead a block at a time while the search index is filled, until none is left
    made_ahead = 0
    while streamed.make_ahead():
        made_ahead += 1
    assert made_ahead == len(range(121, 400, 7))  # the blocks after the highest position read
    assert not streamed.make_ahead()
    assert streamed[390:] == [at_once[i * 16 : (i + 1) * 16] for i in range(390, 400)]
    assert streamed == ci.identity.Fingerprints(at_once)
    assert len(set(streamed)) == len(messages)  # every "ok" of a minute has its own
    shuffled = messages[200:] + messages[:200]  # out of order: hashed at once, as before
    out_of_order = ci.fingerprints("client:1", shuffled)
    assert len(set(out_of_order)) == len(shuffled)


def test_fingerprints_of_an_export_are_each_message_s_own_fingerprint() -> None:
    """Every fingerprint of an export is `fingerprint` of its message with the message's
    occurrence among the identical ones of its second: the first of a kind is 0, the next 1…
    (what a chat imported before was saved with, so a re-import recognises it)."""
    import random

    rng = random.Random(11)
    minute, messages = 0, []
    for _ in range(300):
        minute += rng.choice((0, 0, 1, 3))
        sender = rng.choice(("Bu Sari", "Rudi", None))
        messages.append(_msg(minute, sender, rng.choice(("ok", "siap", "ok"))))
    occurrences: dict[tuple[object, ...], int] = {}
    expected = []
    for m in messages:
        key = (m.timestamp, m.sender, m.kind, m.text)
        expected.append(ci.fingerprint("client:1", m, occurrences.get(key, 0)))
        occurrences[key] = occurrences.get(key, 0) + 1
    assert max(occurrences.values()) > 2  # a minute held the same message three times
    assert list(ci.fingerprints("client:1", messages)) == expected


def test_fingerprints_made_as_they_are_read_are_held_once() -> None:
    """Once the last block is made they stay where they were made: turning them into one
    `bytes` at the end had briefly held every fingerprint twice (16 MB more at the peak of a
    million-message import)."""
    import tracemalloc

    messages = [_msg(i, "Bu Sari", f"pesan {i}") for i in range(20_000)]
    prints = ci.fingerprints("client:1", messages)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        last = prints.take(range(len(messages) - 1, len(messages)))  # every block is made
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert last == [ci.fingerprint("client:1", messages[-1])]
    made = len(messages) * ci.identity.DIGEST_SIZE
    assert peak < 1.5 * made, f"{peak / made:.1f}× the fingerprints' bytes at the peak"


def test_identical_messages_import_once_each(any_engine: Engine) -> None:
    engine = any_engine
    client_id = _client(engine)
    parsed = _chat([_msg(0, "Bu Sari", "ok"), _msg(0, "Bu Sari", "ok"), _msg(1, "Rudi", "ok")])
    assert len(set(ci.fingerprints("k", parsed.messages))) == 3
    assert _import(engine, parsed, client_id).new == 3
    again = _import(engine, parsed, client_id)
    assert (again.new, again.known, again.tickets_created) == (0, 3, 0)


def test_reimport_of_a_real_export_adds_nothing(any_engine: Engine) -> None:
    engine = any_engine
    client_id = _client(engine)
    text = (FIXTURES / "wa_android_id.txt").read_text(encoding="utf-8")
    parsed = parse_chat_text(text, filename="WhatsApp Chat with Bu Sari.txt")
    first = _import(engine, parsed, client_id, ci.NewTicket("Web error"))
    assert first.new == len(parsed.messages)
    assert first.tickets_created == 1
    renamed = parse_chat_text(text, filename="other name.txt")
    second = _import(engine, renamed, client_id, ci.NewTicket("Web error"))
    assert (second.new, second.known, second.tickets_created) == (0, len(parsed.messages), 0)


def test_overlapping_later_export_adds_only_the_new_tail(any_engine: Engine) -> None:
    engine = any_engine
    client_id = _client(engine)
    early = [_msg(i, "Bu Sari" if i % 2 else "Rudi", f"pesan {i}") for i in range(10)]
    later = early[4:] + [_msg(20 + i, "Bu Sari", f"baru {i}") for i in range(3)]
    _import(engine, _chat(early), client_id, ci.SplitAtGaps(4))
    result = _import(engine, _chat(later), client_id, ci.SplitAtGaps(4))
    assert (result.new, result.known, result.tickets_created) == (3, 6, 0)
    with engine.connect() as conn:
        tickets = conn.exec_driver_sql("SELECT DISTINCT ticket_id FROM message").all()
    assert len(tickets) == 1  # the tail joined the ticket of the earlier import


def test_plan_matches_phone_and_name_and_me() -> None:
    choices = [
        ci.ClientChoice(1, "Bu Sari", "0812-3456-7890"),
        ci.ClientChoice(2, "Pak Budi", ""),
    ]
    parsed = _chat(
        [
            _msg(0, "\u202a+62 812\u20113456\u20117890\u202c", "halo"),
            _msg(1, "pak budi", "pagi"),
            _msg(2, "Rudi", "siap"),
            _msg(3, "Rudi", "sudah"),
            _msg(4, "Tamu", "hai"),
        ]
    )
    plan = ci.plan_import(parsed=parsed, choices=choices, me_names=["rudi"])
    assert plan.mapping[parsed.participants[0]] == 1
    assert plan.mapping["pak budi"] == 2
    assert plan.mapping["Rudi"] == ci.ME
    assert plan.mapping["Tamu"] == ci.NewClient("Tamu")
    assert plan.main_client_id == 1
    no_me = ci.plan_import(parsed=parsed, choices=choices)
    assert ci.ME not in no_me.mapping.values()  # "me" only when the name was given
    assert ci.phone_digits("0812 3456 7890") == ci.phone_digits("+62-812-3456-7890")
    assert ci.phone_digits("Bu Sari") == ""


def test_a_group_on_a_big_desk_is_matched_client_by_client_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each client's name is cleaned once for a whole group chat, not once per participant:
    30 senders on a desk of 10,000 clients took 0.6 s of the wizard's "Next"."""
    choices = [ci.ClientChoice(i, f"Client {i}", "") for i in range(1, 2001)]
    choices += [
        ci.ClientChoice(3001, "Bu Sari", "0812-3456-7890"),
        ci.ClientChoice(3002, "Pak Budi", ""),
        ci.ClientChoice(3003, "Pak Budi", "0812-3456-7890"),  # a namesake; a number twice
    ]
    senders = [f"Anggota {i}" for i in range(30)] + ["Bu Sari", "pak budi", "+62 812 3456 7890"]
    parsed = _chat([_msg(i, sender, "halo") for i, sender in enumerate(senders)])
    cleaned = 0
    real_clean_name = ci.matching.clean_name

    def counting(text: str) -> str:
        nonlocal cleaned
        cleaned += 1
        return real_clean_name(text)

    monkeypatch.setattr(ci.matching, "clean_name", counting)
    plan = ci.plan_import(parsed=parsed, choices=choices)
    assert plan.mapping["Bu Sari"] == 3001
    assert plan.mapping["pak budi"] == ci.NewClient("pak budi")  # two of that name: not guessed
    assert plan.mapping["+62 812 3456 7890"] == 3001  # the first client with the number
    assert plan.mapping["Anggota 7"] == ci.NewClient("Anggota 7")
    assert cleaned < len(choices) + 10 * len(senders)


def test_new_client_mapping_creates_the_client(any_engine: Engine) -> None:
    engine = any_engine
    parsed = _chat([_msg(0, "Tamu Baru", "halo"), _msg(1, "Rudi", "halo juga")])
    with session_scope(engine) as session:
        result = ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=None,
            mapping={"Tamu Baru": ci.NewClient("Tamu Baru"), "Rudi": ci.ME},
            target=ci.NewTicket("Halo"),
        )
    assert len(result.created_client_ids) == 1
    assert result.client_id == result.created_client_ids[0]
    with engine.connect() as conn:
        from_me = conn.exec_driver_sql("SELECT from_me FROM message ORDER BY id").scalars().all()
    assert from_me == [0, 1]


def test_split_at_gaps_titles_and_first_response(any_engine: Engine) -> None:
    engine = any_engine
    client_id = _client(engine)
    long_text = "Mas, webnya error lagi " + "x" * 100
    messages = [
        _msg(0, None, "Bu Sari membuat grup", "system"),
        _msg(1, "Bu Sari", long_text),
        _msg(7, "Rudi", "Siap, saya cek"),
        _msg(9, "Rudi", "Sudah"),
        _msg(60 * 30, "Bu Sari", "Tolong ganti banner"),
        _msg(60 * 30 + 1, "Bu Sari", "yang di beranda"),
    ]
    result = _import(engine, _chat(messages), client_id, ci.SplitAtGaps(8))
    assert result.tickets_created == 2
    with session_scope(engine) as session:
        first, second = (session.get(Ticket, t) for t in result.ticket_ids)
        assert first is not None
        assert second is not None
        # the greeting "Mas," is not part of the title
        assert first.title.startswith("Webnya error lagi")
        assert len(first.title) == 80
        assert second.title == "Tolong ganti banner"
        # a ticket starts with something said, not with the system line before it
        assert first.created_at == as_utc(times.UtcConverter()(messages[1].timestamp))
        assert first.first_response_at == as_utc(times.UtcConverter()(messages[2].timestamp))
        # the client spoke last in the second: it waits on us
        assert (first.status, second.status) == ("resolved", "waiting_on_us")
        assert second.first_response_at is None


def test_with_earlier_conversations_done_only_the_latest_may_wait_on_us(
    any_engine: Engine,
) -> None:
    """Three conversations, each ended by the client ("makasih"): as they are, every one waits
    on us; told the earlier ones are done, only the latest still does."""
    messages = [
        _msg(day * 60 * 24 + minute, sender, text)
        for day in range(3)
        for minute, sender, text in ((0, "Bu Sari", f"Mas, tolong cek {day}"), (5, "Rudi", "Siap"))
    ]
    messages += [_msg(day * 60 * 24 + 9, "Bu Sari", "Makasih mas") for day in range(3)]
    messages.sort(key=lambda m: m.timestamp)
    statuses = {}
    for earlier_done in (False, True):
        client_id = _client(any_engine, name=f"Bu Sari {earlier_done}")
        target = ci.SplitAtGaps(8, earlier_done=earlier_done)
        result = _import(any_engine, _chat(messages), client_id, target)
        with session_scope(any_engine) as session:
            tickets = [session.get(Ticket, t) for t in result.ticket_ids]
            statuses[earlier_done] = [t.status for t in tickets if t is not None]
            resolved = [t for t in tickets if t is not None and t.status == "resolved"]
            assert all(t.resolved_at == t.status_changed_at for t in resolved)
    assert statuses[False] == ["waiting_on_us"] * 3
    assert statuses[True] == ["resolved", "resolved", "waiting_on_us"]


def test_attach_to_ticket_of_another_client_is_refused(any_engine: Engine) -> None:
    engine = any_engine
    a, b = _client(engine, "A"), _client(engine, "B")
    with session_scope(engine) as session:
        ticket = Ticket(client_id=b, title="x")
        session.add(ticket)
        session.flush()
        ticket_id = ticket.id
    assert ticket_id is not None
    with pytest.raises(UserError):
        _import(engine, _chat([_msg(0, "A", "hi")]), a, ci.AttachToTicket(ticket_id))


def _big(n: int) -> ParsedChat:
    words = ["webnya", "error", "invoice", "domain", "banner"]
    return _chat(
        [
            _msg(i, "Rudi" if i % 3 == 0 else "Bu Sari", f"{words[i % 5]} nomor {i}")
            for i in range(n)
        ]
    )


def test_cancel_and_failure_leave_the_database_exactly_as_before(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id = _client(engine)
    _import(engine, _chat([_msg(0, "Bu Sari", "webnya mati")]), client_id)
    before, triggers = _state(engine), _triggers(engine)
    monkeypatch.setattr(writing, "BULK_FTS_THRESHOLD", 10)
    calls: list[tuple[int, int]] = []

    def cancel_late(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total * 0.75  # cancel while inserting, after the triggers were dropped

    parsed = _big(planning.CHUNK * 3)
    mapping: dict[str, ci.Assignment] = {"Rudi": ci.ME, "Bu Sari": client_id}
    with pytest.raises(ci.ImportCancelled), session_scope(engine) as session:
        ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping=mapping,
            target=ci.SplitAtGaps(1),
            progress=cancel_late,
        )
    assert len(calls) > 3
    assert _state(engine) == before
    assert _triggers(engine) == triggers

    def broken(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search_schema.FtsSchema, "create_triggers", broken)
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping=mapping,
            target=ci.NewTicket("x"),
        )
    assert _state(engine) == before
    assert _triggers(engine) == triggers


def _cache_sizes_while_importing(engine: Engine, parsed: ParsedChat, client_id: int) -> set[int]:
    """SQLite's page cache size (PRAGMA cache_size) each time a chunk of rows has gone in."""
    seen: set[int] = set()
    with session_scope(engine) as session:
        connection = session.connection()

        def look(_done: int, _total: int) -> bool:
            seen.add(int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one()))
            return True

        ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping=dict.fromkeys(parsed.participants, client_id),
            target=ci.TimelineOnly(),
            progress=look,
        )
        seen.discard(int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one()))
    return seen


def test_a_big_first_import_keeps_the_usual_page_cache(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its indexes are rebuilt after the rows, which the usual cache does as fast: a 64 MB cache
    had cost a million-message import 100 MB more memory (484 → 381 MB peak). Into indexes that
    stay (a desk holding more messages than the import brings), the rows go in with the bigger
    cache; both leave the usual one behind."""
    monkeypatch.setattr(writing, "BULK_FTS_THRESHOLD", 100)
    monkeypatch.setattr(writing, "CHUNK", 300)
    client_id = _client(engine)
    usual = set()
    with engine.connect() as conn:
        usual.add(int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one()))
    first = _cache_sizes_while_importing(engine, _big(1000), client_id)
    assert first == set()  # never other than the usual
    later = _chat([_msg(5000 + i, "Bu Sari", f"pesan baru {i}") for i in range(400)])
    assert _cache_sizes_while_importing(engine, later, client_id) == {-writing.IMPORT_CACHE_KIB}
    with engine.connect() as conn:
        assert int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one()) in usual


def test_big_import_fills_the_search_index_and_keeps_the_triggers(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "BULK_FTS_THRESHOLD", 100)
    client_id = _client(engine)
    triggers = _triggers(engine)
    monkeypatch.setattr(writing, "CHUNK", 300)
    monkeypatch.setattr(writing, "FTS_BATCH", 700)  # indexed in batches
    result = _import(engine, _big(1000), client_id)
    assert result.new == 1000
    assert _triggers(engine) == triggers  # the search triggers and the message indexes are back
    assert any("ix_message_ticket_sent" in name for name in triggers)
    with engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM message WHERE client_id = ? ORDER BY sent_at",
            (client_id,),
        ).all()
        assert "ix_message_client_sent" in str(plan)
        automerge = conn.exec_driver_sql(
            "SELECT v FROM message_fts_config WHERE k = 'automerge'"
        ).scalar_one_or_none()
        assert automerge in (None, writing.FTS_AUTOMERGE)  # FTS5 merges as usual again
        hashsize = conn.exec_driver_sql(
            "SELECT v FROM message_fts_config WHERE k = 'hashsize'"
        ).scalar_one_or_none()
        assert hashsize in (None, writing.FTS_HASHSIZE)  # and holds its usual pending terms
    assert set(search_schema.CURRENT.trigger_names("message")) <= triggers
    with engine.connect() as conn:
        hits = conn.exec_driver_sql(
            "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'invoice'"
        ).scalar_one()
        check = conn.exec_driver_sql(
            "INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)"
        )
        check.close()
    assert hits == 200
    _import(engine, _chat([_msg(5000, "Bu Sari", "kupon diskon")]), client_id)  # triggers work
    with engine.connect() as conn:
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'kupon'")
            ).scalar_one()
            == 1
        )


def test_the_bar_is_full_exactly_when_the_last_new_row_is_in(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing fills the bar's second half in proportion to the new rows (400 of 1,000 here,
    in chunks of 300): full with the last of them, not before, and then the indexing is said
    to begin instead of a full bar standing still."""
    monkeypatch.setattr(writing, "CHUNK", 300)
    client_id = _client(engine)
    parsed = _big(1000)
    _import(engine, _chat(parsed.messages[:600]), client_id)
    told: list[object] = []
    with session_scope(engine) as session:

        def stage_begun(stage: ci.Stage) -> bool:
            rows = session.connection().exec_driver_sql("SELECT count(*) FROM message")
            told.append((stage, rows.scalar_one()))
            return True

        ci.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping={"Rudi": ci.ME, "Bu Sari": client_id},
            target=ci.TimelineOnly(),
            progress=lambda done, total: told.append((done, total)) is None,
            stage_begun=stage_begun,
        )
    indexing = told.index((ci.Stage.INDEXING, 1000))  # every row was in by then
    counted = told[1:indexing]
    assert counted[-1] == (2000, 2000)
    assert [done for done, _total in counted[:-1]] == sorted(d for d, _t in counted[:-1])
    assert max(done for done, _total in counted[:-1]) < 2000


@pytest.fixture
def berlin_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock in a zone with daylight saving (Berlin: 27 October 2024 at 03:00
    summer time the clocks went back to 02:00, so 02:00-02:59 happened twice)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin_time")
def test_messages_in_the_hour_the_clocks_go_back_keep_their_order(engine: Engine) -> None:
    client_id = _client(engine)
    walls = [(1, 50), (2, 10), (2, 50), (2, 5), (2, 40), (3, 10)]  # the 2nd pass starts at 02:05
    messages = [
        ChatMessage("message", datetime(2024, 10, 27, hour, minute), "Bu Sari", f"pesan {n}")  # type: ignore[arg-type]
        for n, (hour, minute) in enumerate(walls)
    ]
    _import(engine, _chat(messages), client_id)
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT sent_at, body FROM message ORDER BY sent_at").all()
    assert [body for _, body in stored] == [f"pesan {n}" for n in range(len(walls))]
    assert [sent[11:16] for sent, _ in stored] == [
        "23:50",  # 01:50 summer time (UTC+2), the day before in UTC
        "00:10",
        "00:50",
        "01:05",  # 02:05 winter time (UTC+1)
        "01:40",
        "02:10",
    ]


def test_a_big_import_repeating_a_fingerprint_saves_nothing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big import builds the unique fingerprint index after its rows: the build refuses a
    fingerprint twice as an insert would, and nothing of the import stays."""
    client_id = _client(engine)
    before, triggers = _state(engine), _triggers(engine)
    monkeypatch.setattr(writing, "BULK_FTS_THRESHOLD", 10)

    def one_print(chat_key: str, messages: list[ChatMessage]) -> ci.identity.Fingerprints:
        same = ci.fingerprint(chat_key, messages[0])
        return ci.identity.Fingerprints(same * len(messages))

    monkeypatch.setattr(planning, "fingerprints", one_print)
    with pytest.raises(UserError, match="nothing was saved"):
        _import(engine, _big(100), client_id, ci.NewTicket("x"))
    assert _state(engine) == before
    assert _triggers(engine) == triggers


def test_media_of_a_big_export_is_found_in_time_linear_in_its_size() -> None:
    """Each media message scanned every member of the zip: an export of 40,000 photos took 12 s
    to import; a photo is still found by its name in a folder of the zip."""
    import time

    from agencydesk.core.importers import ParsedChat

    names = [f"IMG-2024{n:06d}-WA0001.jpg" for n in range(40_000)]
    chat = ParsedChat("whatsapp-android", "DMY", [], [], media_members=(*names, "media/VID-1.mp4"))
    started = time.perf_counter()
    found = [chat.media_member_for(name) for name in reversed(names)]
    assert time.perf_counter() - started < 1.0
    assert found == list(reversed(names))
    assert chat.media_member_for("VID-1.mp4") == "media/VID-1.mp4"
    assert chat.media_member_for("gone.jpg") is None
