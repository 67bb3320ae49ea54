"""Demo orders and introductions: one patient first client spreading into a zoo of orders.

Bu Ratna's company profile site (2024) came first; her arisan friends Sari, Hendra and Dewi ordered
after her, their friends Rina and Yusuf after them, and Yusuf's florist Lestari after him. Each
generation's orders start after its referrer's, so the spread plot tells the story at a glance.
Bambang, Andi (paid in US dollars) and Claire came on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from agencydesk.core import orders, referrals
from agencydesk.core.models import Client, OrderStatus

PAID = OrderStatus.PAID.value
WON = OrderStatus.WON.value
QUOTED = OrderStatus.QUOTED.value
LOST = OrderStatus.LOST.value
CANCELLED = OrderStatus.CANCELLED.value


@dataclass(frozen=True)
class DemoOrder:
    key: str
    client: str
    title: str
    amount: int
    status: str
    quoted_on: date
    won_on: date | None = None
    paid_on: date | None = None
    currency: str = "IDR"


# fmt: off
DEMO_ORDERS: tuple[DemoOrder, ...] = (
    # generation 0: Bu Ratna
    DemoOrder("ratna_site", "ratna", "Company profile website for Katering Bunda Ratna", 3_500_000, PAID, date(2024, 2, 20), date(2024, 3, 1), date(2024, 3, 25)),
    DemoOrder("ratna_hosting_2025", "ratna", "Hosting and domain renewal 2025", 850_000, PAID, date(2025, 2, 1), date(2025, 2, 3), date(2025, 2, 10)),
    DemoOrder("ratna_hosting_2026", "ratna", "Hosting and domain renewal 2026", 950_000, PAID, date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 9)),
    DemoOrder("ratna_order_form", "ratna", "Order form for catering packages", 1_500_000, WON, date(2026, 9, 15), date(2026, 10, 1)),
    # generation 1: her friends
    DemoOrder("sari_catalogue", "sari", "Online catalogue for Butik Sari Ayu", 6_000_000, PAID, date(2024, 5, 10), date(2024, 5, 20), date(2024, 6, 30)),
    DemoOrder("sari_photos", "sari", "Uploading 120 product photos", 1_200_000, PAID, date(2024, 9, 2), date(2024, 9, 3), date(2024, 9, 20)),
    DemoOrder("sari_hosting_2025", "sari", "Hosting renewal 2025", 900_000, PAID, date(2025, 6, 1), date(2025, 6, 1), date(2025, 6, 5)),
    DemoOrder("sari_payment", "sari", "WhatsApp order button and payment page", 2_500_000, QUOTED, date(2026, 10, 20)),
    DemoOrder("hendra_showroom", "hendra", "Furniture showroom website", 7_500_000, PAID, date(2024, 6, 25), date(2024, 7, 5), date(2024, 8, 15)),
    DemoOrder("hendra_shop", "hendra", "Online shop with delivery costs per island", 12_000_000, LOST, date(2025, 3, 10)),
    DemoOrder("hendra_hosting_2025", "hendra", "Hosting renewal 2025", 900_000, PAID, date(2025, 7, 1), date(2025, 7, 2), date(2025, 7, 10)),
    DemoOrder("dewi_booking", "dewi", "Salon booking website", 5_500_000, PAID, date(2024, 8, 15), date(2024, 8, 28), date(2024, 10, 5)),
    DemoOrder("dewi_reminders", "dewi", "Booking reminders by WhatsApp", 1_800_000, PAID, date(2025, 3, 1), date(2025, 3, 5), date(2025, 3, 30)),
    DemoOrder("dewi_hosting_2025", "dewi", "Hosting renewal 2025", 900_000, PAID, date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 8)),
    # generation 2: their friends
    DemoOrder("rina_bakery", "rina", "Bakery page with an order form", 2_500_000, PAID, date(2024, 11, 1), date(2024, 11, 10), date(2024, 12, 20)),
    DemoOrder("rina_hosting_2025", "rina", "Hosting renewal 2025", 600_000, PAID, date(2025, 11, 1), date(2025, 11, 3), date(2025, 11, 12)),
    DemoOrder("yusuf_portfolio", "yusuf", "Wedding organizer portfolio website", 8_000_000, PAID, date(2025, 1, 20), date(2025, 2, 1), date(2025, 3, 15)),
    DemoOrder("yusuf_gallery", "yusuf", "Client gallery with private albums", 3_500_000, PAID, date(2025, 6, 10), date(2025, 6, 20), date(2025, 8, 1)),
    DemoOrder("yusuf_hosting_2026", "yusuf", "Hosting renewal 2026", 1_000_000, PAID, date(2026, 1, 10), date(2026, 1, 15), date(2026, 1, 25)),
    # generation 3: Yusuf's florist
    DemoOrder("lestari_shop", "lestari", "Florist online shop", 6_500_000, PAID, date(2025, 4, 10), date(2025, 4, 25), date(2025, 6, 10)),
    DemoOrder("lestari_valentine", "lestari", "Valentine's Day promotion page", 1_500_000, PAID, date(2026, 1, 15), date(2026, 1, 20), date(2026, 2, 5)),
    DemoOrder("lestari_hosting_2026", "lestari", "Hosting renewal 2026", 900_000, QUOTED, date(2026, 11, 2)),
    # came on their own
    DemoOrder("bambang_menu", "bambang", "Restaurant menu website", 4_000_000, PAID, date(2024, 4, 2), date(2024, 4, 10), date(2024, 5, 15)),
    DemoOrder("bambang_redesign", "bambang", "Redesign with every promo combined", 9_000_000, LOST, date(2024, 11, 5)),
    DemoOrder("bambang_hosting_2025", "bambang", "Hosting renewal 2025", 900_000, PAID, date(2025, 4, 1), date(2025, 4, 2), date(2025, 4, 9)),
    DemoOrder("andi_landing", "andi", "Landing page for Kopi Nusantara", 450, PAID, date(2024, 9, 10), date(2024, 9, 12), date(2024, 10, 1), currency="USD"),
    DemoOrder("andi_migration", "andi", "Server migration", 800, CANCELLED, date(2025, 5, 5), currency="USD"),
    DemoOrder("claire_villa", "claire", "Villa website in English and French", 9_500_000, PAID, date(2025, 3, 1), date(2025, 3, 10), date(2025, 4, 20)),
    DemoOrder("claire_calendar", "claire", "Booking calendar sync with Airbnb", 2_000_000, WON, date(2026, 10, 5), date(2026, 10, 12)),
)
# fmt: on

#: demo key → (introduced on, how)
DEMO_INTRODUCTIONS: dict[str, tuple[date, str]] = {
    "sari": (date(2024, 5, 2), "Bu Ratna told me about you — she says you are very patient."),
    "hendra": (date(2024, 6, 15), "Saw Bu Ratna's catering site on her phone at a family wedding."),
    "dewi": (date(2024, 8, 7), "Bu Ratna told me about you — she says you are very patient."),
    "rina": (date(2024, 10, 20), "Bu Sari's neighbour; liked the boutique catalogue."),
    "yusuf": (
        date(2025, 1, 12),
        "His brides have their make-up at Salon Dewi; he liked her booking site.",
    ),
    "lestari": (date(2025, 3, 30), "Pak Yusuf's florist for his weddings."),
}


def load_demo_orders(*, session: Session, client_ids: Mapping[str, int]) -> dict[str, int]:
    """Add the demo orders and say how each referred client was introduced.

    Returns demo key → order id.
    """
    ids: dict[str, int] = {}
    for demo in DEMO_ORDERS:
        order = orders.create_order(
            session=session,
            client_id=client_ids[demo.client],
            values={
                "title": demo.title,
                "amount": demo.amount,
                "currency": demo.currency,
                "status": demo.status,
                "quoted_on": demo.quoted_on,
                "won_on": demo.won_on,
                "paid_on": demo.paid_on,
            },
        )
        assert order.id is not None
        ids[demo.key] = order.id
    for key, (introduced_on, note) in DEMO_INTRODUCTIONS.items():
        client_id = client_ids[key]
        referrals.set_referrer(
            session=session,
            client_id=client_id,
            referrer_id=_referrer_of(session, client_id),
            introduced_on=introduced_on,
            note=note,
        )
    return ids


def _referrer_of(session: Session, client_id: int) -> int | None:
    client = session.get(Client, client_id)
    return client.introduced_by_id if client is not None else None
