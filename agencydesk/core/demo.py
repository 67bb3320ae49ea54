"""Demo data that tells the seed stories.

"Release one pigeon, get a whole zoo": Bu Ratna, a mother in Makassar (another island) who wanted
to meet in person, was patiently taught to chat online before the deal was closed. She kept calling
about errors and how-tos, and she told her friends, who ordered websites and told theirs.
"Is the customer always right?": Pak Bambang, the restaurant guest who wanted every promo on a
9,000,000 rupiah bill, greeted warmly, rules kept, and won over by the first impression.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from agencydesk.core import clients, demo_guides, demo_orders, demo_tickets
from agencydesk.core.errors import SaidError


@dataclass(frozen=True)
class DemoClient:
    key: str
    values: dict[str, object]
    introduced_by: str | None = None


DEMO_CLIENTS: tuple[DemoClient, ...] = (
    DemoClient(
        "ratna",
        {
            "name": "Ibu Ratna Wulandari",
            "company": "Katering Bunda Ratna",
            "phone": "+62 812 4455 1020",
            "email": "",
            "city": "Makassar, Sulawesi",
            "tech_comfort": 1,
            "preferred_channel": "whatsapp",
            "tags": "gentle, first client, referrer",
            "caution_note": (
                "Be gentle and patient. Explain one step per message, with a screenshot. "
                "She first wanted to meet in person; we taught her to chat online before the deal. "
                "If she is stuck for long, call her instead of typing."
            ),
            "notes": (
                "Lives on another island. Company profile site for her catering. "
                "Tells her friends about us: most of our Makassar clients came through her."
            ),
            "website": "https://katering-bunda-ratna.id",
            "first_contact": date(2024, 2, 12),
        },
    ),
    DemoClient(
        "sari",
        {
            "name": "Ibu Sari Handayani",
            "company": "Butik Sari Ayu",
            "phone": "+62 813 5520 7781",
            "city": "Makassar, Sulawesi",
            "tech_comfort": 2,
            "preferred_channel": "whatsapp",
            "tags": "referrer, online shop",
            "caution_note": "Prefers voice notes over long texts. Explain prices in full rupiah.",
            "notes": "Bu Ratna's friend from the arisan. Wants an online catalogue.",
            "first_contact": date(2024, 5, 3),
        },
        introduced_by="ratna",
    ),
    DemoClient(
        "hendra",
        {
            "name": "Pak Hendra Gunawan",
            "company": "Mebel Jati Gunawan",
            "phone": "+62 811 4120 3344",
            "email": "hendra.mebel@example.co.id",
            "city": "Gowa, Sulawesi",
            "tech_comfort": 3,
            "preferred_channel": "phone",
            "tags": "furniture",
            "caution_note": "Calls rather than chats; confirm agreements afterwards in writing.",
            "first_contact": date(2024, 6, 18),
        },
        introduced_by="ratna",
    ),
    DemoClient(
        "dewi",
        {
            "name": "Ibu Dewi Lestari",
            "company": "Salon Dewi",
            "phone": "+62 852 9911 2030",
            "city": "Makassar, Sulawesi",
            "tech_comfort": 2,
            "preferred_channel": "whatsapp",
            "tags": "referrer, booking",
            "caution_note": "Busy in the mornings: write after 2 pm.",
            "first_contact": date(2024, 8, 9),
        },
        introduced_by="ratna",
    ),
    DemoClient(
        "rina",
        {
            "name": "Ibu Rina Marlina",
            "company": "Kue Basah Rina",
            "phone": "+62 821 7788 6655",
            "city": "Maros, Sulawesi",
            "tech_comfort": 1,
            "preferred_channel": "whatsapp",
            "tags": "gentle, bakery",
            "caution_note": "New to smartphones. Patience, as with Bu Ratna: one step at a time.",
            "first_contact": date(2024, 10, 21),
        },
        introduced_by="sari",
    ),
    DemoClient(
        "yusuf",
        {
            "name": "Pak Yusuf Rahman",
            "company": "Yusuf Wedding Organizer",
            "phone": "+62 857 3030 4141",
            "email": "yusuf.wo@example.co.id",
            "city": "Makassar, Sulawesi",
            "tech_comfort": 4,
            "preferred_channel": "whatsapp",
            "tags": "events, referrer",
            "first_contact": date(2025, 1, 14),
        },
        introduced_by="dewi",
    ),
    DemoClient(
        "lestari",
        {
            "name": "Mbak Lestari Putri",
            "company": "Lestari Florist",
            "phone": "+62 878 1122 9090",
            "city": "Makassar, Sulawesi",
            "tech_comfort": 3,
            "preferred_channel": "whatsapp",
            "tags": "online shop",
            "first_contact": date(2025, 4, 2),
        },
        introduced_by="yusuf",
    ),
    DemoClient(
        "bambang",
        {
            "name": "Pak Bambang Santoso",
            "company": "Restoran Padang Sederhana Jaya",
            "phone": "+62 812 9000 9000",
            "email": "bambang.santoso@example.co.id",
            "city": "Jakarta, Java",
            "tech_comfort": 3,
            "preferred_channel": "whatsapp",
            "tags": "demanding, restaurant",
            "caution_note": (
                "Wants every discount combined (once asked for all promos on a Rp 9.000.000 bill). "
                "Stay calm and friendly, greet him warmly, keep the agreed terms."
            ),
            "notes": "Came on his own after a bad experience elsewhere. First impressions count.",
            "first_contact": date(2024, 3, 27),
        },
    ),
    DemoClient(
        "andi",
        {
            "name": "Andi Pratama",
            "company": "Kopi Nusantara",
            "phone": "+62 815 6060 7070",
            "email": "andi@kopinusantara.example",
            "city": "Bandung, Java",
            "tech_comfort": 5,
            "preferred_channel": "email",
            "tags": "startup, tech-savvy",
            "notes": "Handles his own hosting; asks precise questions by email.",
            "first_contact": date(2024, 9, 5),
        },
    ),
    DemoClient(
        "claire",
        {
            "name": "Claire Dubois",
            "company": "Villa Padi Ubud",
            "phone": "+62 361 975 123",
            "email": "claire@villapadi.example",
            "city": "Ubud, Bali",
            "tech_comfort": 4,
            "preferred_channel": "email",
            "tags": "english, hospitality",
            "language": "en",
            "caution_note": "Writes in English. Mind the time difference when she is in France.",
            "first_contact": date(2025, 2, 20),
        },
    ),
)


def load_demo(*, session: Session) -> dict[str, int]:
    """Fill an empty database with the demo clients. Returns demo key → client id."""
    if clients.count_all_clients(session=session) > 0:
        raise SaidError("demo_needs_empty_desk")
    ids: dict[str, int] = {}
    for demo in DEMO_CLIENTS:
        values = dict(demo.values)
        if demo.introduced_by is not None:
            values["introduced_by_id"] = ids[demo.introduced_by]
        client = clients.create_client(session=session, values=values)
        assert client.id is not None
        ids[demo.key] = client.id
    ticket_ids = demo_tickets.load_demo_tickets(session=session, client_ids=ids)
    demo_guides.load_demo_guides(session=session, client_ids=ids, ticket_ids=ticket_ids)
    demo_orders.load_demo_orders(session=session, client_ids=ids)
    return ids
