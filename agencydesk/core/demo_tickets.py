"""Demo tickets and conversations, dated relative to today so the Today page has a story.

Bu Ratna needed to be taught to chat online first, then called about every error; Pak Bambang
wanted every promo at once; Claire wrote this morning and is still waiting for a first answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from agencydesk.core import tickets, time_spent
from agencydesk.core.models import Priority, TicketStatus, utcnow

RESOLVED = TicketStatus.RESOLVED.value
OPEN = TicketStatus.OPEN.value
WAITING_ON_US = TicketStatus.WAITING_ON_US.value
WAITING_ON_CLIENT = TicketStatus.WAITING_ON_CLIENT.value
HIGH = Priority.HIGH.value
URGENT = Priority.URGENT.value

#: a line of a demo chat: "<days ago> +<minutes later> <client|me>: <text>"
_CHAT_LINE = re.compile(r"(?P<days>[0-9.]+) \+(?P<minutes>[0-9]+) (?P<who>client|me): (?P<text>.+)")
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
    minutes_spent: tuple[int, ...] = ()
    #: the conversation, as a chat: a `_CHAT_LINE` each
    chat: str = ""

    @property
    def lines(self) -> tuple[Line, ...]:
        """The conversation's lines, oldest first."""
        lines: list[Line] = []
        for text in self.chat.strip().splitlines():
            line = _CHAT_LINE.fullmatch(text.strip())
            if line is None:
                raise ValueError(f"not a demo chat line: {text!r}")
            days, minutes = float(line["days"]), int(line["minutes"])
            lines.append((days, minutes, line["who"] == "me", line["text"]))
        return tuple(lines)


# fmt: off
DEMO_TICKETS: tuple[DemoTicket, ...] = (
    DemoTicket(
        "ratna_chat", "ratna", "Teach Bu Ratna to chat online before we start", 640, RESOLVED,
        channel="phone", satisfaction=5, minutes_spent=(90, 45),
        chat="""
            640 +0 client: Mas, saya maunya ketemu langsung saja biar gampang. Bisa ke Makassar?
            640 +20 me: Mohon maaf Bu, saya melayani online. Saya ajari pakai chat ya, pelan-pelan saja.
            639 +0 client: Sudah saya install. Tombol hijau itu ditekan ya?
            639 +5 me: Betul Bu. Lalu ketik pesannya di kotak bawah, tekan kirim. Pelan-pelan saja 🙏
            639 +9 client: Halo mas, ini saya Ratna. Sudah bisa!! 😊
        """,
    ),
    DemoTicket(
        "ratna_db_error", "ratna", "Website shows 'Error establishing a database connection'", 300, RESOLVED,
        priority=URGENT, satisfaction=5, minutes_spent=(40,),
        chat="""
            300 +0 client: Mas, webnya error lagi 🙏 tulisannya Error establishing a database connection
            300 +12 me: Baik Bu, saya cek sekarang. Ibu tidak perlu melakukan apa-apa.
            300 +50 me: Sudah normal lagi Bu. Tadi server hostingnya penuh, sudah saya bersihkan.
            300 +55 client: Alhamdulillah, terima kasih banyak mas. Nanti teman saya mau buat web juga.
        """,
    ),
    DemoTicket(
        "ratna_menu_photo", "ratna", "How do I add a photo of the new menu?", 2, WAITING_ON_US,
        due_in_days=0, minutes_spent=(15,),
        chat="""
            2 +0 client: Mas, saya mau tambah foto menu baru. Caranya bagaimana ya?
            2 +30 me: Bisa Bu. Nanti saya kirim panduannya langkah demi langkah ya.
            0.2 +0 client: Mas, panduannya sudah ada? Saya tunggu ya 🙏
        """,
    ),
    DemoTicket(
        "ratna_hosting", "ratna", "Hosting renewal for katering-bunda-ratna.id", 1, OPEN,
        due_in_days=5, channel="email",
        chat="""
            1 +0 me: Bu, hosting web Ibu habis minggu depan. Mau diperpanjang setahun?
        """,
    ),
    DemoTicket(
        "sari_catalogue", "sari", "Upload 40 product photos to the catalogue", 9, OPEN,
        priority=HIGH, due_in_days=-2, minutes_spent=(60,),
        chat="""
            9 +0 client: Mbak/Mas, ini foto-foto baju koleksi lebaran. Tolong dipasang di katalog ya
            9 +40 me: Siap Bu Sari, saya pasang minggu ini.
        """,
    ),
    DemoTicket(
        "rina_login", "rina", "Cannot log in to WordPress", 3, WAITING_ON_CLIENT,
        minutes_spent=(20,),
        chat="""
            3 +0 client: Mas saya tidak bisa masuk. Passwordnya salah terus
            3 +15 me: Tidak apa-apa Bu. Coba klik 'Lupa kata sandi', nanti ada email masuk. Sudah dicek emailnya?
        """,
    ),
    DemoTicket(
        "bambang_promos", "bambang", "Show every promo banner on the homepage at once", 4, WAITING_ON_US,
        priority=HIGH, due_in_days=1, minutes_spent=(35,),
        chat="""
            4 +0 client: Semua promo harus tampil di halaman depan. SEMUA. Kalau tidak saya tulis review jelek.
            4 +25 me: Selamat siang Pak Bambang, terima kasih sudah menghubungi. Saya mengerti Bapak ingin semua promo terlihat.
            4 +30 me: Agar halaman tetap cepat, saya usulkan slider: semua promo tampil bergantian. Boleh saya buatkan contohnya?
            3 +0 client: Ok coba dulu.
        """,
    ),
    DemoTicket(
        "andi_ssl", "andi", "SSL certificate for shop.kopinusantara.example", 12, RESOLVED,
        channel="email", satisfaction=5, minutes_spent=(25,),
        chat="""
            12 +0 client: Hi, the new shop subdomain shows a certificate warning. Can you add it to the cert?
            12 +90 me: Done: the certificate now covers shop.kopinusantara.example. Renewal is automatic.
        """,
    ),
    DemoTicket(
        "claire_spam", "claire", "Booking form emails land in spam", 0.1, OPEN,
        channel="email",
        chat="""
            0.1 +0 client: Good morning! Guests say our booking confirmations end up in their spam folder. Could you have a look?
        """,
    ),
)
# fmt: on


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
