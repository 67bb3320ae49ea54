"""What a client report holds (no Qt): the period, the sections, and what never goes in."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, orders, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.models import Client, Message, MessageKind, TicketStatus
from agencydesk.reports import text
from agencydesk.reports.content import (
    EXCERPT_LINES,
    ReportContent,
    ReportOptions,
    build_report_content,
    last_month,
    this_month,
    this_year,
)


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


ALL_TIME = (date(2024, 1, 1), date.today())


def _id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        client = session.exec(select(Client).where(Client.name == name)).one()
        assert client.id is not None
        return client.id


def _content(engine: Engine, client_id: int, **options: object) -> ReportContent:
    values: dict[str, object] = {"start": ALL_TIME[0], "end": ALL_TIME[1]} | options
    with Session(engine) as session:
        return build_report_content(
            session=session,
            client_id=client_id,
            options=ReportOptions(**values),  # type: ignore[arg-type]
        )


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_report_text_exists_in_both_languages_with_the_same_placeholders() -> None:
    english, indonesian = text.TEXT["en"], text.TEXT["id"]
    assert set(english) == set(indonesian)
    for key in english:
        assert _fields(english[key]) == _fields(indonesian[key]), key
        assert indonesian[key].strip(), key
    assert set(text.LANGUAGES) == set(text.TEXT) == set(text.MONTHS)


def test_dates_money_and_durations_read_naturally_in_both_languages() -> None:
    assert text.money(9_000_000, "IDR", "en") == "Rp 9.000.000"
    assert text.money(9_000_000, "IDR", "id") == "Rp 9.000.000"
    assert text.money(1250, "USD", "en") == "US$ 1,250"
    assert text.money(1250, "USD", "id") == "US$ 1.250"
    assert text.period(date(2026, 10, 1), date(2026, 10, 31), "id") == "1 – 31 Oktober 2026"
    assert text.period(date(2026, 9, 28), date(2026, 10, 4), "en") == (
        "28 September – 4 October 2026"
    )
    assert text.period(date(2025, 12, 1), date(2026, 1, 31), "en") == (
        "1 December 2025 – 31 January 2026"
    )
    assert text.duration(timedelta(minutes=135), "en") == "2 h 15 min"
    assert text.duration(timedelta(minutes=135), "id") == "2 jam 15 menit"
    assert text.duration(timedelta(days=3, hours=4), "id") == "3 hari 4 jam"
    assert text.join_names(["A", "B", "C"], "id") == "A, B dan C"
    assert text.join_names(["A", "B", "C", "D", "E"], "en") == "A, B, C and 2 others"
    assert text.label("en", "ticket", "waiting_on_us") == "We are working on it"
    assert text.label("en", "ticket", "something_new") == "something_new"
    # counts are grouped by thousands as each language writes them
    assert text.t("id", "more_messages", count=99_631) == "… dan 99.631 pesan lainnya"
    assert text.t("en", "more_messages", count=99_631) == "… and 99,631 more messages"


def test_the_period_presets() -> None:
    assert last_month(date(2026, 1, 15)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert last_month(date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert this_month(date(2026, 3, 31)) == (date(2026, 3, 1), date(2026, 3, 31))
    assert this_year(date(2026, 3, 31)) == (date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(UserError):
        ReportOptions(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(UserError):
        ReportOptions(date(2026, 3, 1), date(2026, 3, 2), language="fr")


def test_bu_ratnas_report_has_her_requests_orders_and_her_referral_cascade(
    demo_engine: Engine,
) -> None:
    ratna = _id(demo_engine, "Ibu Ratna Wulandari")
    content = _content(demo_engine, ratna)
    assert content.client.name == "Ibu Ratna Wulandari"
    assert content.client.company == "Katering Bunda Ratna"
    titles = [ticket.title for ticket in content.tickets]
    assert "Website shows 'Error establishing a database connection'" in titles
    assert "Hosting renewal for katering-bunda-ratna.id" in titles
    assert content.summary.tickets_opened == len(titles) == 4
    assert content.summary.billable_seconds > 0
    assert content.summary.guides_sent >= 1
    assert {order.title for order in content.orders} == {
        "Company profile website for Katering Bunda Ratna",
        "Hosting and domain renewal 2025",
        "Hosting and domain renewal 2026",
        "Order form for catering packages",
    }
    (rupiah,) = content.totals
    assert (rupiah.currency, rupiah.paid, rupiah.to_pay) == ("IDR", 5_300_000, 1_500_000)
    section = content.referrals
    assert section is not None
    assert section.direct_names == ("Ibu Dewi Lestari", "Ibu Sari Handayani", "Pak Hendra Gunawan")
    assert section.referred == 6
    assert section.generations == 3
    cascade_names = {node.name for node in section.tree.nodes.values()}
    assert "Pak Bambang Santoso" not in cascade_names


def test_a_client_who_introduced_nobody_has_no_referrals_section(demo_engine: Engine) -> None:
    bambang = _id(demo_engine, "Pak Bambang Santoso")
    assert _content(demo_engine, bambang).referrals is None
    ratna = _id(demo_engine, "Ibu Ratna Wulandari")
    assert _content(demo_engine, ratna, referrals=False).referrals is None


def test_a_clients_own_cascade_does_not_reach_up_to_who_introduced_them(
    demo_engine: Engine,
) -> None:
    sari = _id(demo_engine, "Ibu Sari Handayani")
    section = _content(demo_engine, sari).referrals
    assert section is not None
    assert {node.name for node in section.tree.nodes.values()} == {
        "Ibu Sari Handayani",
        "Ibu Rina Marlina",
    }


def _at(day: date, hour: int = 9) -> datetime:
    """A moment on *day* in local time, as the stored UTC."""
    return datetime(day.year, day.month, day.day, hour).astimezone(UTC)


def test_the_requests_of_a_period_are_those_open_at_some_time_in_it(engine: Engine) -> None:
    october = (date(2026, 10, 1), date(2026, 10, 31))
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Pak Joko"})
        assert client.id is not None
        client_id = client.id
        plan = {
            # title: (opened, resolved, first reply after minutes)
            "done in September": (date(2026, 9, 3), date(2026, 9, 20), 30),
            "open since August": (date(2026, 8, 10), None, 60),
            "opened and solved in October": (date(2026, 10, 5), date(2026, 10, 6), 20),
            "opened in October, solved in November": (date(2026, 10, 30), date(2026, 11, 2), 40),
            "opened in November": (date(2026, 11, 3), None, 10),
        }
        for title, (opened, resolved, reply) in plan.items():
            ticket = tickets.create_ticket(
                session=session, client_id=client_id, values={"title": title}
            )
            ticket.created_at = _at(opened)
            ticket.first_response_at = _at(opened) + timedelta(minutes=reply)
            if resolved is not None:
                ticket.status = TicketStatus.RESOLVED.value
                ticket.resolved_at = _at(resolved)
            session.add(ticket)
    content = _content(engine, client_id, start=october[0], end=october[1])
    assert [t.title for t in content.tickets] == [
        "open since August",
        "opened and solved in October",
        "opened in October, solved in November",
    ]
    summary = content.summary
    assert (summary.tickets_opened, summary.tickets_resolved) == (2, 1)
    assert summary.tickets_open_at_end == 2
    assert summary.median_first_response == timedelta(minutes=30)  # of 20 and 40


def test_excerpts_quote_the_conversation_never_internal_notes(engine: Engine) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Wati"})
        assert client.id is not None
        client_id = client.id
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Email tidak masuk"}
        )
        assert ticket.id is not None
        start = datetime.now(UTC) - timedelta(hours=5)
        lines = [
            (False, MessageKind.MESSAGE, "Mas, email saya tidak masuk sejak pagi."),
            (True, MessageKind.NOTE, "INTERNAL: she deleted the MX record herself"),
            (False, MessageKind.SYSTEM, "Messages are end-to-end encrypted"),
            (True, MessageKind.MESSAGE, "Baik Bu, saya cek sekarang. " + "Panjang " * 80),
            (False, MessageKind.MEDIA, ""),
            (False, MessageKind.MESSAGE, "Sudah masuk lagi, terima kasih!"),
            (True, MessageKind.MESSAGE, "Sama-sama Bu."),
        ]
        for minute, (from_me, kind, body) in enumerate(lines):
            session.add(
                Message(
                    client_id=client_id,
                    ticket_id=ticket.id,
                    sent_at=start + timedelta(minutes=minute),
                    from_me=from_me,
                    kind=kind.value,
                    body=body,
                )
            )
    without = _content(engine, client_id)
    assert without.tickets[0].excerpts == ()
    (line,) = _content(engine, client_id, excerpts=True).tickets
    assert len(line.excerpts) == EXCERPT_LINES
    bodies = [excerpt.body for excerpt in line.excerpts]
    assert bodies[0] == "Mas, email saya tidak masuk sejak pagi."
    assert bodies[1].startswith("Baik Bu, saya cek sekarang.")
    assert bodies[1].endswith("…")
    assert len(bodies[1]) <= 280
    assert line.excerpts[2].media
    assert bodies[2] == ""
    assert not any("INTERNAL" in body or "encrypted" in body for body in bodies)
    assert line.more_messages == 2  # "Sudah masuk lagi" and "Sama-sama": no note, no system


def test_an_excerpt_cut_short_always_says_so_and_never_halves_an_emoji(engine: Engine) -> None:
    """A message read up to 281 characters, then its line breaks joined: one with paragraphs
    came out shorter than 280 and was shown as if it ended there, without "…"."""
    paragraph = "Halo kak, ini daftar revisi untuk halaman menu katering kami:"
    with_breaks = "\n\n".join([paragraph] * 4 + ["TERAKHIR: tolong ganti nomor WhatsApp ya."])
    family = "👨\u200d👩\u200d👧"
    across_the_cut = "Halo kak 🙏 " + "x" * 264 + " " + family + " senang sekali dengan webnya"
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": "Ibu Wati"}).id
        assert client_id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Revisi menu"}
        )
        start = datetime.now(UTC) - timedelta(hours=5)
        for minute, body in enumerate((with_breaks, across_the_cut)):
            session.add(
                Message(
                    client_id=client_id,
                    ticket_id=ticket.id,
                    sent_at=start + timedelta(minutes=minute),
                    from_me=False,
                    kind=MessageKind.MESSAGE.value,
                    body=body,
                )
            )
    (line,) = _content(engine, client_id, excerpts=True).tickets
    first, second = (excerpt.body for excerpt in line.excerpts)
    assert len(" ".join(with_breaks.split())) < 300
    assert first.endswith("…")
    assert first.startswith("Halo kak, ini daftar revisi")
    assert second.endswith("…")
    assert len(second) <= 280
    assert "\u200d" not in second  # the family is whole or not there at all


def test_orders_of_the_period_and_what_is_still_to_pay(engine: Engine) -> None:
    october = (date(2026, 10, 1), date(2026, 10, 31))
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Pak Made"})
        assert client.id is not None
        client_id = client.id
        rows = [
            ("Paid in October", 4_000_000, "IDR", "paid", date(2026, 9, 1), date(2026, 10, 10)),
            ("Agreed in May, unpaid", 2_000_000, "IDR", "won", date(2026, 5, 1), None),
            ("Quote in October", 1_000_000, "IDR", "quoted", date(2026, 10, 2), None),
            ("Old quote", 9_000_000, "IDR", "quoted", date(2025, 1, 2), None),
            ("Lost in October", 7_000_000, "IDR", "lost", date(2026, 10, 3), None),
            ("Paid in July", 3_000_000, "IDR", "paid", date(2026, 6, 1), date(2026, 7, 1)),
            ("Dollar job", 1250, "USD", "paid", date(2026, 10, 1), date(2026, 10, 20)),
        ]
        for title, amount, currency, status, quoted, paid in rows:
            orders.create_order(
                session=session,
                client_id=client_id,
                values={
                    "title": title,
                    "amount": amount,
                    "currency": currency,
                    "status": status,
                    "quoted_on": quoted,
                    "won_on": quoted if status in ("won", "paid") else None,
                    "paid_on": paid,
                },
                today=date(2026, 11, 1),
            )
    content = _content(engine, client_id, start=october[0], end=october[1])
    assert {order.title for order in content.orders} == {
        "Paid in October",
        "Agreed in May, unpaid",
        "Quote in October",
        "Dollar job",
    }
    rupiah, dollars = content.totals
    assert (rupiah.currency, rupiah.paid, rupiah.to_pay, rupiah.quoted) == (
        "IDR",
        4_000_000,
        2_000_000,
        1_000_000,
    )
    assert (dollars.currency, dollars.paid) == ("USD", 1250)


def test_a_deleted_client_has_no_report(demo_engine: Engine) -> None:
    bambang = _id(demo_engine, "Pak Bambang Santoso")
    with session_scope(demo_engine) as session:
        clients.delete_client(session=session, client_id=bambang)
    with pytest.raises(UserError):
        _content(demo_engine, bambang)


def test_client_since_is_the_first_day_on_record_not_the_day_the_client_was_added(
    engine: Engine,
) -> None:
    """A client added today with years of chat imported: "Client since" read today, above a
    report of a period years earlier."""
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Bu Lama"})
        assert client.id is not None
        client_id = client.id
        session.add(
            Message(
                client_id=client_id, sender="Bu Lama", body="Halo", sent_at=_at(date(2021, 3, 4))
            )
        )
    assert _content(engine, client_id).client.client_since == date(2021, 3, 4)
    with session_scope(engine) as session:
        row = session.get(Client, client_id)
        assert row is not None
        row.first_contact = date(2019, 5, 1)  # as she entered it: earlier than any record
    assert _content(engine, client_id).client.client_since == date(2019, 5, 1)
