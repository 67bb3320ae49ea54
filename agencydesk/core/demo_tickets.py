"""Demo tickets and conversations, dated relative to today so the Today page has a story.

Bu Ratna needed to be taught to chat online first, then called about every error; Pak Bambang
wanted every promo at once; Claire wrote this morning and is still waiting for a first answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from agencydesk.core import tickets, time_spent
from agencydesk.core.models import Priority, TicketStatus, utcnow

#: (days ago, minutes later, from_me, text)
Line = tuple[float, int, bool, str]


@dataclass(frozen=True)
class DemoTicket:
    key: str
    client: str
    title: str
    opened_days_ago: float
    status: str
    priority: int = Priority.NORMAL.value
    due_in_days: int | None = None
    channel: str = "whatsapp"
    satisfaction: int | None = None
    lines: tuple[Line, ...] = ()
    minutes_spent: tuple[int, ...] = ()


DEMO_TICKETS: tuple[DemoTicket, ...] = (
    DemoTicket(
        "ratna_chat",
        "ratna",
        "Teach Bu Ratna to chat online before we start",
        640,
        TicketStatus.RESOLVED.value,
        channel="phone",
        satisfaction=5,
        lines=(
            (
                640,
                0,
                False,
                "Mas, saya maunya ketemu langsung saja biar gampang. Bisa ke Makassar?",
            ),
            (
                640,
                20,
                True,
                "Mohon maaf Bu, saya melayani online. Saya ajari pakai chat ya, pelan-pelan saja.",
            ),
            (639, 0, False, "Sudah saya install. Tombol hijau itu ditekan ya?"),
            (
                639,
                5,
                True,
                "Betul Bu. Lalu ketik pesannya di kotak bawah, tekan kirim. Pelan-pelan saja 🙏",
            ),
            (639, 9, False, "Halo mas, ini saya Ratna. Sudah bisa!! 😊"),
        ),
        minutes_spent=(90, 45),
    ),
    DemoTicket(
        "ratna_db_error",
        "ratna",
        "Website shows 'Error establishing a database connection'",
        300,
        TicketStatus.RESOLVED.value,
        priority=Priority.URGENT.value,
        satisfaction=5,
        lines=(
            (
                300,
                0,
                False,
                "Mas, webnya error lagi 🙏 tulisannya Error establishing a database connection",
            ),
            (300, 12, True, "Baik Bu, saya cek sekarang. Ibu tidak perlu melakukan apa-apa."),
            (
                300,
                50,
                True,
                "Sudah normal lagi Bu. Tadi server hostingnya penuh, sudah saya bersihkan.",
            ),
            (
                300,
                55,
                False,
                "Alhamdulillah, terima kasih banyak mas. Nanti teman saya mau buat web juga.",
            ),
        ),
        minutes_spent=(40,),
    ),
    DemoTicket(
        "ratna_menu_photo",
        "ratna",
        "How do I add a photo of the new menu?",
        2,
        TicketStatus.WAITING_ON_US.value,
        due_in_days=0,
        lines=(
            (2, 0, False, "Mas, saya mau tambah foto menu baru. Caranya bagaimana ya?"),
            (2, 30, True, "Bisa Bu. Nanti saya kirim panduannya langkah demi langkah ya."),
            (0.2, 0, False, "Mas, panduannya sudah ada? Saya tunggu ya 🙏"),
        ),
        minutes_spent=(15,),
    ),
    DemoTicket(
        "ratna_hosting",
        "ratna",
        "Hosting renewal for katering-bunda-ratna.id",
        1,
        TicketStatus.OPEN.value,
        due_in_days=5,
        channel="email",
        lines=((1, 0, True, "Bu, hosting web Ibu habis minggu depan. Mau diperpanjang setahun?"),),
    ),
    DemoTicket(
        "sari_catalogue",
        "sari",
        "Upload 40 product photos to the catalogue",
        9,
        TicketStatus.OPEN.value,
        priority=Priority.HIGH.value,
        due_in_days=-2,
        lines=(
            (
                9,
                0,
                False,
                "Mbak/Mas, ini foto-foto baju koleksi lebaran. Tolong dipasang di katalog ya",
            ),
            (9, 40, True, "Siap Bu Sari, saya pasang minggu ini."),
        ),
        minutes_spent=(60,),
    ),
    DemoTicket(
        "rina_login",
        "rina",
        "Cannot log in to WordPress",
        3,
        TicketStatus.WAITING_ON_CLIENT.value,
        lines=(
            (3, 0, False, "Mas saya tidak bisa masuk. Passwordnya salah terus"),
            (
                3,
                15,
                True,
                "Tidak apa-apa Bu. Coba klik 'Lupa kata sandi', nanti ada email masuk. Sudah dicek emailnya?",
            ),
        ),
        minutes_spent=(20,),
    ),
    DemoTicket(
        "bambang_promos",
        "bambang",
        "Show every promo banner on the homepage at once",
        4,
        TicketStatus.WAITING_ON_US.value,
        priority=Priority.HIGH.value,
        due_in_days=1,
        lines=(
            (
                4,
                0,
                False,
                "Semua promo harus tampil di halaman depan. SEMUA. Kalau tidak saya tulis review jelek.",
            ),
            (
                4,
                25,
                True,
                "Selamat siang Pak Bambang, terima kasih sudah menghubungi. Saya mengerti Bapak ingin semua promo terlihat.",
            ),
            (
                4,
                30,
                True,
                "Agar halaman tetap cepat, saya usulkan slider: semua promo tampil bergantian. Boleh saya buatkan contohnya?",
            ),
            (3, 0, False, "Ok coba dulu."),
        ),
        minutes_spent=(35,),
    ),
    DemoTicket(
        "andi_ssl",
        "andi",
        "SSL certificate for shop.kopinusantara.example",
        12,
        TicketStatus.RESOLVED.value,
        channel="email",
        satisfaction=5,
        lines=(
            (
                12,
                0,
                False,
                "Hi, the new shop subdomain shows a certificate warning. Can you add it to the cert?",
            ),
            (
                12,
                90,
                True,
                "Done: the certificate now covers shop.kopinusantara.example. Renewal is automatic.",
            ),
        ),
        minutes_spent=(25,),
    ),
    DemoTicket(
        "claire_spam",
        "claire",
        "Booking form emails land in spam",
        0.1,
        TicketStatus.OPEN.value,
        channel="email",
        lines=(
            (
                0.1,
                0,
                False,
                "Good morning! Guests say our booking confirmations end up in their spam folder. Could you have a look?",
            ),
        ),
    ),
)


def _at(now: datetime, days_ago: float, minutes: int) -> datetime:
    return now - timedelta(days=days_ago) + timedelta(minutes=minutes)


def load_demo_tickets(
    *, session: Session, client_ids: dict[str, int], now: datetime | None = None
) -> dict[str, int]:
    """Add the demo tickets with their conversations and time. Returns demo key → ticket id."""
    now = now or utcnow()
    ids: dict[str, int] = {}
    for demo in DEMO_TICKETS:
        opened = _at(now, demo.opened_days_ago, 0)
        due = None
        if demo.due_in_days is not None:
            due = (now.astimezone() + timedelta(days=demo.due_in_days)).date()
        ticket = tickets.create_ticket(
            session=session,
            client_id=client_ids[demo.client],
            values={
                "title": demo.title,
                "priority": demo.priority,
                "due_date": due,
                "channel": demo.channel,
            },
        )
        assert ticket.id is not None
        ticket.created_at = ticket.updated_at = ticket.status_changed_at = opened
        for days_ago, minutes, from_me, text in demo.lines:
            tickets.add_message(
                session=session,
                ticket_id=ticket.id,
                body=text,
                from_me=from_me,
                sent_at=_at(now, days_ago, minutes),
            )
        for number, minutes in enumerate(demo.minutes_spent):
            time_spent.add_time(
                session=session,
                ticket_id=ticket.id,
                minutes=minutes,
                on=opened + timedelta(hours=number + 1),
            )
        # the demo's status as if set by hand (its replies moved it as they were added)
        tickets.set_status(session=session, ticket_id=ticket.id, status=demo.status)
        if demo.status == TicketStatus.OPEN.value:
            ticket.status_changed_at = opened
        else:
            last = _at(now, *demo.lines[-1][:2]) if demo.lines else opened
            ticket.status_changed_at = last
            if ticket.resolved_at is not None:
                ticket.resolved_at = last + timedelta(hours=1)
        ticket.satisfaction = demo.satisfaction
        session.add(ticket)
        ids[demo.key] = ticket.id
    session.flush()
    return ids
