"""The client report's own words, in English and Indonesian (no Qt).

The report's language is chosen per report, independently of the desk's language: Bu Ratna gets
hers in Indonesian even when the desk speaks English. Placeholders are `str.format` fields.
`tests/reports/test_report_content.py` checks that every key exists in both languages with the
same placeholders.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Final

from agencydesk.core.guides.placeholders import MONTH_NAMES
from agencydesk.core.money import format_money, group_count

LANGUAGES: Final = ("en", "id")

TEXT: Final[dict[str, dict[str, str]]] = {
    "en": {
        "title": "Support report",
        "for": "for {name}",
        "period": "{start} – {end}",
        "generated": "Generated on {date}",
        "page": "Page {page} of {pages}",
        "running_title": "Support report for {name}",
        # profile
        "profile": "Your details",
        "company": "Company",
        "city": "City",
        "phone": "Phone",
        "email": "Email",
        "website": "Website",
        "client_since": "Client since",
        "prefers": "Contact via",
        # summary
        "summary": "This period at a glance",
        "tickets_opened": "requests received",
        "tickets_resolved": "requests resolved",
        "median_first_response": "typical time to our first reply",
        "guides_sent": "how-to guides sent",
        "no_first_response": "–",
        "within_hour": "answered within an hour",
        "first_replies_by_month": "Our first replies, month by month",
        "new_requests": "New requests",
        "typical_first_reply": "Typical first reply",
        "typical_resolve": "Typical time to resolve",
        "still_open": "Still open at the end of the period: {count}.",
        "nothing_open": "Nothing was left open at the end of the period.",
        "time_spent": "Time we spent for you",
        "month": "Month",
        "billable_time": "Billable time",
        "total": "Total",
        "no_time": "No billable time was recorded in this period.",
        # tickets
        "tickets": "Your requests",
        "ticket": "Request",
        "opened": "Opened",
        "resolved": "Resolved",
        "status": "Status",
        "no_tickets": "You had no open requests in this period.",
        "more_messages": "… and {count} more messages",
        "more_message": "… and 1 more message",
        "we": "We",
        "note_deleted": "message deleted",
        "note_photo": "photo not in the export",
        "note_video": "video not in the export",
        "note_audio": "voice message not in the export",
        "note_sticker": "sticker not in the export",
        "note_document": "document not in the export",
        "note_media": "picture or file not in the export",
        "note_file": "picture or file",
        # guides
        "guides": "Guides we sent you",
        "guide": "Guide",
        "sent_on": "Sent on",
        # orders
        "orders": "Orders and payments",
        "order": "Order",
        "date": "Date",
        "amount": "Amount",
        "no_orders": "No orders or payments in this period.",
        "paid_in_period": "Paid in this period",
        "still_to_pay": "Agreed, still to pay",
        "open_quotes": "Quotes awaiting your decision",
        # referrals
        "referrals": "Your referrals",
        "thanks": (
            "Thank you for introducing us to {names} — your recommendations brought "
            "{count} new clients."
        ),
        "thanks_one": (
            "Thank you for introducing us to {names} — your recommendation brought us a new client."
        ),
        "names_and": "{first} and {last}",
        "names_others": "{first} and {count} others",
        "referrals_direct": "introduced by you",
        "referrals_total": "clients in all, through you and them",
        "referrals_generations": "generations of friends",
        "spread_caption": "Orders from the clients who came through you, over time.",
        "tree_caption": "Who came through whom.",
        "tree_list": "Who came through whom",
        # closing
        "closing": "Thank you for your trust. Questions about this report? We are happy to help.",
        "closing_contact": "Thank you for your trust. Questions about this report? {contact}",
        # statuses
        "ticket_open": "Open",
        "ticket_waiting_on_client": "Waiting for your reply",
        "ticket_waiting_on_us": "We are working on it",
        "ticket_resolved": "Resolved",
        "ticket_closed": "Closed",
        "order_quoted": "Quote sent",
        "order_won": "Agreed",
        "order_paid": "Paid",
        # channels
        "channel_whatsapp": "WhatsApp",
        "channel_phone": "Phone call",
        "channel_email": "Email",
        "channel_telegram": "Telegram",
        "channel_line": "LINE",
        "channel_in_person": "In person",
        "channel_other": "Other",
        # durations
        "minutes": "{m} min",
        "hours_minutes": "{h} h {m} min",
        "days_hours": "{d} d {h} h",
        # the referral charts (reports/charts)
        "chart_no_orders": "No orders yet",
        "chart_no_payments": "No paid orders yet",
        "chart_first_client": "First client",
        "chart_generation_1": "Direct referrals",
        "chart_generation_2": "Their referrals",
        "chart_generation_n": "Generation {n}",
        "chart_generation_n_on": "Generation {n} and later",
        "chart_clients": "Clients",
        "chart_orders": "Orders",
        "chart_revenue": "Revenue",
        "chart_k_note": "K: how many new clients each client of that generation brought",
        "chart_tree_note": "Circle area shows revenue paid",
        "chart_thousand": "K",
        "chart_million": "M",
        "chart_billion": "B",
        "chart_trillion": "T",
        # receipt
        "receipt_title": "Receipt",
        "receipt_number": "No. {label}",
        "receipt_from": "Received from",
        "receipt_sum": "The sum of",
        "receipt_for": "Being payment for",
        "receipt_paid_on": "Paid on {date}",
        "receipt_received_by": "Received by,",
        "receipt_file": "Receipt {label} {name}",
    },
    "id": {
        "title": "Laporan layanan",
        "for": "untuk {name}",
        "period": "{start} – {end}",
        "generated": "Dibuat pada {date}",
        "page": "Halaman {page} dari {pages}",
        "running_title": "Laporan layanan untuk {name}",
        "profile": "Data Anda",
        "company": "Usaha",
        "city": "Kota",
        "phone": "Telepon / WA",
        "email": "Email",
        "website": "Situs web",
        "client_since": "Klien sejak",
        "prefers": "Kontak utama",
        "summary": "Ringkasan periode ini",
        "tickets_opened": "permintaan diterima",
        "tickets_resolved": "permintaan selesai",
        "median_first_response": "waktu biasa sampai balasan pertama kami",
        "guides_sent": "panduan dikirim",
        "no_first_response": "–",
        "within_hour": "dijawab dalam satu jam",
        "first_replies_by_month": "Balasan pertama kami, per bulan",
        "new_requests": "Permintaan baru",
        "typical_first_reply": "Balasan pertama biasanya",
        "typical_resolve": "Biasanya selesai dalam",
        "still_open": "Masih terbuka di akhir periode: {count}.",
        "nothing_open": "Tidak ada yang masih terbuka di akhir periode.",
        "time_spent": "Waktu yang kami curahkan untuk Anda",
        "month": "Bulan",
        "billable_time": "Waktu kerja yang ditagihkan",
        "total": "Jumlah",
        "no_time": "Tidak ada waktu kerja yang ditagihkan pada periode ini.",
        "tickets": "Permintaan Anda",
        "ticket": "Permintaan",
        "opened": "Dibuka",
        "resolved": "Selesai",
        "status": "Status",
        "no_tickets": "Tidak ada permintaan yang terbuka pada periode ini.",
        "more_messages": "… dan {count} pesan lainnya",
        "more_message": "… dan 1 pesan lainnya",
        "we": "Kami",
        "note_deleted": "pesan dihapus",
        "note_photo": "foto tidak ada di ekspor",
        "note_video": "video tidak ada di ekspor",
        "note_audio": "pesan suara tidak ada di ekspor",
        "note_sticker": "stiker tidak ada di ekspor",
        "note_document": "dokumen tidak ada di ekspor",
        "note_media": "gambar atau file tidak ada di ekspor",
        "note_file": "gambar atau file",
        "guides": "Panduan yang kami kirim",
        "guide": "Panduan",
        "sent_on": "Dikirim",
        "orders": "Pesanan dan pembayaran",
        "order": "Pesanan",
        "date": "Tanggal",
        "amount": "Jumlah",
        "no_orders": "Tidak ada pesanan atau pembayaran pada periode ini.",
        "paid_in_period": "Dibayar pada periode ini",
        "still_to_pay": "Disepakati, belum dibayar",
        "open_quotes": "Penawaran yang menunggu keputusan Anda",
        "referrals": "Rujukan Anda",
        "thanks": (
            "Terima kasih telah memperkenalkan kami kepada {names} — rekomendasi Anda "
            "membawa {count} klien baru."
        ),
        "thanks_one": (
            "Terima kasih telah memperkenalkan kami kepada {names} — rekomendasi Anda "
            "membawa satu klien baru."
        ),
        "names_and": "{first} dan {last}",
        "names_others": "{first} dan {count} lainnya",
        "referrals_direct": "diperkenalkan oleh Anda",
        "referrals_total": "klien seluruhnya, lewat Anda dan mereka",
        "referrals_generations": "generasi teman",
        "spread_caption": "Pesanan dari klien yang datang lewat Anda, dari waktu ke waktu.",
        "tree_caption": "Siapa datang lewat siapa.",
        "tree_list": "Siapa datang lewat siapa",
        "closing": (
            "Terima kasih atas kepercayaan Anda. Ada pertanyaan tentang laporan ini? "
            "Dengan senang hati kami bantu."
        ),
        "closing_contact": (
            "Terima kasih atas kepercayaan Anda. Ada pertanyaan tentang laporan ini? {contact}"
        ),
        "ticket_open": "Terbuka",
        "ticket_waiting_on_client": "Menunggu balasan Anda",
        "ticket_waiting_on_us": "Sedang kami kerjakan",
        "ticket_resolved": "Selesai",
        "ticket_closed": "Ditutup",
        "order_quoted": "Penawaran dikirim",
        "order_won": "Disepakati",
        "order_paid": "Lunas",
        "channel_whatsapp": "WhatsApp",
        "channel_phone": "Telepon",
        "channel_email": "Email",
        "channel_telegram": "Telegram",
        "channel_line": "LINE",
        "channel_in_person": "Bertemu langsung",
        "channel_other": "Lainnya",
        "minutes": "{m} menit",
        "hours_minutes": "{h} jam {m} menit",
        "days_hours": "{d} hari {h} jam",
        # the referral charts (reports/charts)
        "chart_no_orders": "Belum ada pesanan",
        "chart_no_payments": "Belum ada pesanan yang dibayar",
        "chart_first_client": "Klien pertama",
        "chart_generation_1": "Rujukannya",
        "chart_generation_2": "Rujukan dari rujukannya",
        "chart_generation_n": "Generasi {n}",
        "chart_generation_n_on": "Generasi {n} dan seterusnya",
        "chart_clients": "Klien",
        "chart_orders": "Pesanan",
        "chart_revenue": "Pendapatan",
        "chart_k_note": "K: rata-rata klien baru yang dibawa tiap klien generasi itu",
        "chart_tree_note": "Luas lingkaran menunjukkan pendapatan yang sudah dibayar",
        "chart_thousand": "rb",
        "chart_million": "jt",
        "chart_billion": "M",
        "chart_trillion": "T",
        # receipt
        "receipt_title": "Kuitansi",
        "receipt_number": "No. {label}",
        "receipt_from": "Sudah terima dari",
        "receipt_sum": "Uang sejumlah",
        "receipt_for": "Untuk pembayaran",
        "receipt_paid_on": "Dibayar pada {date}",
        "receipt_received_by": "Yang menerima,",
        "receipt_file": "Kuitansi {label} {name}",
    },
}

MONTHS: Final[dict[str, tuple[str, ...]]] = MONTH_NAMES


def language_or_default(language: str) -> str:
    return language if language in LANGUAGES else "en"


def t(language: str, key: str, **values: object) -> str:
    """The report text *key* in *language*, with *values* filled in (counts grouped by
    thousands as the language writes them: `number`)."""
    text = TEXT[language_or_default(language)][key]
    if not values:
        return text
    shown = {
        name: number(value, language) if type(value) is int else value
        for name, value in values.items()
    }
    return text.format(**shown)


def number(value: int, language: str) -> str:
    """ "99,631" / "99.631": a count as the language writes it."""
    return group_count(value, language_or_default(language))


def label(language: str, prefix: str, value: str) -> str:
    """The words for a stored code ("ticket", "waiting_on_us" → "We are working on it"); an
    unknown code as it is."""
    return TEXT[language_or_default(language)].get(f"{prefix}_{value}", value)


def long_date(day: date, language: str) -> str:
    """ "3 March 2025" / "3 Maret 2025"."""
    return f"{day.day} {MONTHS[language_or_default(language)][day.month - 1]} {day.year}"


@functools.cache
def short_month_names(language: str) -> tuple[str, ...]:
    """ "Jan" … "Dec" / "Jan" … "Des" (tables and chart axes)."""
    return tuple(month[:3] for month in MONTHS[language_or_default(language)])


def short_date(day: date, language: str) -> str:
    """ "3 Mar 2025" / "3 Mar 2025" (tables)."""
    return f"{day.day} {short_month_names(language)[day.month - 1]} {day.year}"


def month_name(day: date, language: str) -> str:
    """ "March 2025" / "Maret 2025"."""
    return f"{MONTHS[language_or_default(language)][day.month - 1]} {day.year}"


def period(start: date, end: date, language: str) -> str:
    """ "1 – 31 October 2026", "28 September – 4 October 2026", "1 January 2025 – 31 March 2026"."""
    months = MONTHS[language_or_default(language)]
    if start == end:
        return long_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        first = str(start.day)
    elif start.year == end.year:
        first = f"{start.day} {months[start.month - 1]}"
    else:
        first = long_date(start, language)
    return t(language, "period", start=first, end=long_date(end, language))


def duration(value: timedelta | int, language: str, *, days: bool = True) -> str:
    """ "35 min", "2 h 15 min", "3 d 4 h" (and in Indonesian: "2 jam 15 menit"). Without
    *days*, hours however many ("88 h 5 min": time worked is counted in hours)."""
    seconds = int(value.total_seconds()) if isinstance(value, timedelta) else int(value)
    minutes = max(0, seconds) // 60
    hours, minutes = divmod(minutes, 60)
    if days and hours >= 48:
        whole_days, hours = divmod(hours, 24)
        return t(language, "days_hours", d=whole_days, h=hours)
    if hours:
        return t(language, "hours_minutes", h=hours, m=minutes)
    return t(language, "minutes", m=minutes)


def money(amount: int, currency: str, language: str) -> str:
    """Money as everywhere in the desk (core.money): "Rp 9.000.000", "US$ 1,250" / "US$ 1.250"."""
    return format_money(amount, currency, language_or_default(language))


def join_names(names: list[str], language: str, *, at_most: int = 3) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C and 4 others"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) <= at_most:
        return t(language, "names_and", first=", ".join(names[:-1]), last=names[-1])
    return t(language, "names_others", first=", ".join(names[:at_most]), count=len(names) - at_most)
