"""Search benchmark: the Ctrl+K search over a big desk, FTS5 against the LIKE fallback.

Builds (or reuses, ``--db``) a database with 5,000 clients, 100,000 tickets, 1,000,000 messages
and 1,000 guides of Indonesian and English support talk ("Mas, webnya error lagi, tidak bisa
login"): words drawn with Zipf-like frequencies (a few very common, a long tail of rare ones),
plus order and invoice numbers, prices, phone numbers, web addresses and stretched words
("tolonggg"). Message ids follow ``sent_at``, as in a desk that grew over three years.

Build: the app's own migrations create the schema; rows go in with the FTS triggers dropped, then
each FTS table is rebuilt once (``'rebuild'``) and the triggers are put back. A rebuilt index is
tidier than one grown message by message (fewer segments), so a real desk of the same size may be
a little slower.

Timing, on one engine made the way the app makes it (WAL, pooled connection, warm page cache),
with a fresh ``Session`` per search as the search dialog does:

- ``fts``: ``search.search(session=..., text=q)`` (all four kinds), one untimed warm-up round,
  then ``--runs`` rounds over the 20 queries, interleaved; p50/p95 over all runs;
- per kind: ``search._fts_hits`` for each kind alone, median of the same number of runs;
- ``like``: the same ``search.search`` with ``fts_available`` patched to False (the LIKE
  fallback), ``--like-runs`` rounds (default 1: every LIKE search scans the message table).

A lone letter ("t", what the dialog searches while one types) is timed and shown too, but left
out of p50/p95. The machine is shared: the summary gives this thread's CPU time next to the wall
clock, and the load average before and after. A reused ``--db`` file is opened like the app
opens it (upgraded, with a backup next to it, if its schema is older).

    python benchmarks/search.py [--quick] [--runs 5] [--like-runs 1] [--limit 20]
                                [--db PATH] [--keep]

``--quick`` builds 100,000 messages instead of 1,000,000. The last line is machine-readable:
``BENCH search p50_ms=… p95_ms=… worst_ms=… like_p95_ms=… speedup=…`` (speedup = like p95 /
fts p95; worst = the slowest counted query's median). Goals: p95 < 10 ms, worst < 20 ms.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import itertools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

GOAL_P95_MS = 10.0  # over every counted search
GOAL_WORST_MS = 20.0  # the slowest query's median
CHUNK = 50_000  # rows per executemany

# -- the words ----------------------------------------------------------------------------------

# fmt: off
#: chat vocabulary, most common first (rank decides the Zipf weight); a few two-word phrases
CHAT_WORDS = (
    "ya", "mas", "sudah", "bisa", "kak", "tidak", "saya", "ini", "yang", "ok", "di", "pak", "bu",
    "webnya", "error", "terima kasih", "tolong", "lagi", "dulu", "tidak bisa", "login", "email",
    "mau", "ada", "website", "foto", "gimana", "ke", "dan", "sebentar", "oke", "siap", "password",
    "cek", "gambar", "produk", "menu", "hosting", "domain", "kok", "nih", "aja", "sama", "juga",
    "belum", "masih", "kirim", "ganti", "update", "the", "is", "please", "sudah bisa", "pembayaran",
    "katalog", "harga", "transfer", "akun", "link", "upload", "halaman", "toko", "besok",
    "hari ini", "nanti", "pagi", "sore", "malam", "minggu", "bulan", "jam", "wa", "whatsapp",
    "instagram", "shopee", "tokopedia", "pesanan", "order", "stok", "admin", "lupa", "reset",
    "kode", "otp", "hp", "laptop", "buka", "dibuka", "muncul", "hilang", "lambat", "down", "not",
    "working", "site", "page", "can", "you", "thanks", "check", "invoice", "tagihan", "bayar",
    "lunas", "dp", "perpanjang", "habis", "expired", "aktif", "server", "backup", "data", "file",
    "pdf", "banner", "promo", "diskon", "lebaran", "ramadan", "katering", "kue", "kopi", "butik",
    "baju", "batik", "kebaya", "sepatu", "tas", "paket", "ongkir", "kurir", "resi", "alamat",
    "maps", "google", "ulasan", "review", "spam", "inbox", "masuk", "keluar", "form", "kontak",
    "tombol", "klik", "pilih", "simpan", "hapus", "tambah", "edit", "ubah", "warna", "logo", "font",
    "tulisan", "deskripsi", "judul", "video", "youtube", "tiktok", "facebook", "iklan", "pelanggan",
    "pembeli", "customer", "checkout", "keranjang", "rekening", "bca", "mandiri", "bri", "qris",
    "ovo", "gopay", "dana", "struk", "bukti", "screenshot", "ss", "kirimkan", "dikirim",
    "sudah dikirim", "ditunggu", "maaf", "mohon", "segera", "urgent", "penting", "tolong dibantu",
    "makasih", "mantap", "sip", "baik", "siap mas", "nggak", "gak", "udah", "blm", "gmn", "bgt",
    "sy", "dong", "deh", "kan", "sih", "loh", "wah", "aduh", "hehe", "wkwk", "pembukuan",
    "pemberitahuan", "pembaruan", "pembelian", "pemblokiran", "hostinger", "niagahoster",
    "wordpress", "plugin", "template", "tema", "ssl", "https", "sertifikat", "dns", "subdomain",
    "gmail", "outlook", "kapasitas", "penuh", "kuota", "storage", "sync", "sinkron", "notifikasi",
    "pengumuman", "jadwal", "meeting", "zoom", "telepon", "telpon", "chat", "balas", "dibalas",
    "slow", "response", "down again", "fixed", "done", "thank you", "kantor", "karyawan", "kasir",
    "printer", "nota", "laporan", "pengunjung", "statistik", "seo", "ranking", "keyword", "artikel",
    "blog", "berita", "galeri", "testimoni", "harga paket", "pricelist", "brosur", "undangan",
    "desain", "revisi", "approve", "setuju", "kontrak",
)
#: words a desk sees only now and then (picked uniformly in the rare tail)
RARE_WORDS = (
    "propagasi", "nameserver", "cpanel", "phpmyadmin", "favicon", "sitemap", "redirect",
    "captcha", "recaptcha", "cloudflare", "dkim", "dmarc", "webhook", "midtrans", "xendit",
    "cronjob", "htaccess", "robots", "canonical", "kedaluwarsa", "sinkronisasi", "migrasi",
    "enkripsi", "dekripsi", "malware", "phishing", "brute", "firewall", "whitelist",
    "blacklist", "mailchimp", "newsletter", "autoresponder", "chatbot", "barcode", "qrcode",
    "thumbnail", "watermark", "kompres", "resolusi", "megapixel", "retina", "responsive",
    "breakpoint", "dropdown", "accordion", "carousel", "slider", "popup", "modal", "lightbox",
    "woocommerce", "elementor", "gutenberg", "shortcode", "widget", "sidebar", "footer",
    "header", "breadcrumb", "pagination", "lazyload", "caching", "minify", "gzip", "cdn",
    "latency", "uptime", "downtime", "rollback", "staging", "deploy", "repository",
    "akuntansi", "faktur", "npwp", "efaktur", "reimburse", "kwitansi", "materai", "somasi",
)
TICKET_TITLES = (
    "Website tidak bisa dibuka", "Lupa password email kantor",
    "Minta ganti foto produk di beranda", "Cara kirim katalog lewat WhatsApp",
    "Domain hampir habis masa berlakunya", "Stok di Tokopedia tidak sinkron",
    "Email pelanggan masuk ke spam", "Tambah menu baru di website", "Akun Instagram kena hack",
    "Tombol WhatsApp di website tidak jalan", "Cara upload foto ke Google Maps",
    "Minta laporan pengunjung bulan ini", "Ganti harga paket katering",
    "Sertifikat SSL kedaluwarsa", "Website lambat kalau dibuka di HP",
    "Cara membalas ulasan Google", "Minta dibuatkan banner promo Lebaran",
    "Tidak bisa login ke dashboard toko", "Contact form not sending emails", "Site is down",
    "Checkout error on Shopee link", "Invoice not received", "Pembayaran via QRIS gagal",
)
TICKET_SUBJECTS = (
    "Webnya", "Website", "Email kantor", "Toko online", "Halaman produk", "Menu katering",
    "Form kontak", "Akun Instagram", "Domain", "Hosting", "Katalog", "Gambar produk",
    "Halaman pembayaran", "Checkout", "Printer kasir", "Laporan bulanan", "Foto menu",
)
TICKET_PROBLEMS = (
    "error", "tidak bisa dibuka", "lambat sekali", "tidak bisa login", "minta diganti",
    "gambar tidak muncul", "down lagi", "kena hack", "pembayaran gagal", "is down",
    "not loading", "error 500", "hilang", "berantakan di HP", "minta diperbarui", "expired",
)
HONORIFICS = ("Ibu", "Bu", "Mbak", "Kak", "Bapak", "Pak", "Mas", "", "", "")
GIVEN_NAMES = (
    "Ratna", "Sari", "Dewi", "Sri", "Wulan", "Ayu", "Putri", "Indah", "Rina", "Fitri", "Yuni",
    "Siti", "Lestari", "Maya", "Kartika", "Anisa", "Nadia", "Intan", "Budi", "Bambang", "Agus",
    "Joko", "Andi", "Rudi", "Hendra", "Dedi", "Eko", "Yusuf", "Ahmad", "Made", "Wayan", "Ketut",
    "Putu", "Arif", "Rizky", "Fajar", "Teguh", "Slamet", "Hasan", "Irfan", "Taufik", "Gilang",
)
LAST_NAMES = (
    "Wulandari", "Handayani", "Setiawan", "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat",
    "Nugroho", "Kurniawan", "Susanto", "Rahmawati", "Permata", "Siregar", "Nasution", "Lubis",
    "Harahap", "Simanjuntak", "Sitompul", "Tanjung", "Manurung", "Sembiring", "Ginting",
    "Tarigan", "Sinaga", "Wibowo", "Gunawan", "Halim", "Salim", "Lim", "Sutrisno", "Purnomo",
    "Mahendra", "Pattiasina", "Latuconsina", "Wenas", "Rumagit", "Kaunang", "",
)
BUSINESS_KINDS = (
    "Katering", "Butik", "Toko", "Warung", "Bengkel", "Klinik", "Salon", "Apotek", "Percetakan",
    "Kedai Kopi", "Rumah Makan", "Laundry", "Studio Foto", "Toko Kue", "Konveksi", "Travel",
)
BUSINESS_WORDS = (
    "Sejahtera", "Makmur", "Jaya", "Abadi", "Sentosa", "Mandiri", "Berkah", "Lancar", "Bunda",
    "Sumber Rejeki", "Harapan", "Cahaya", "Mutiara", "Nusantara", "Sinar", "Maju", "Bahari",
)
CITIES = (
    "Jakarta Selatan", "Bandung", "Bekasi", "Depok", "Bogor", "Surabaya", "Semarang",
    "Yogyakarta", "Solo", "Malang", "Denpasar, Bali", "Makassar, Sulawesi", "Medan, Sumatra",
    "Palembang, Sumatra", "Balikpapan, Kalimantan", "Mataram, Lombok", "Ambon, Maluku", "",
)
TAGS = (
    "gentle", "VIP", "referrer", "late payer", "website", "online shop", "hosting", "email",
    "WhatsApp Business", "social media", "monthly", "needs calls", "Instagram", "Tokopedia",
    "Shopee", "domain", "maintenance", "SEO",
)
GUIDE_TOPICS_ID = (
    "mengganti password email", "mengirim katalog lewat WhatsApp", "mengunggah foto produk",
    "membalas ulasan Google", "memperpanjang domain", "mengecek email yang masuk spam",
    "menambah menu di website", "mengganti harga di toko online", "membuat kode QRIS",
    "mengaktifkan verifikasi dua langkah", "membuat backup website", "login ke dashboard toko",
    "mengatur WhatsApp Business", "mengecilkan ukuran gambar", "mencetak laporan penjualan",
)
GUIDE_TOPICS_EN = (
    "reset your email password", "upload product photos", "renew your domain",
    "check the spam folder", "add a menu item", "turn on two-step verification",
    "send the catalogue on WhatsApp", "reply to Google reviews", "make a website backup",
)
GUIDE_STEP_WORDS = (
    "klik", "tombol", "pilih", "lalu", "buka", "menu", "pengaturan", "simpan", "tunggu",
    "sampai", "muncul", "layar", "ketik", "kolom", "masukkan", "password", "email", "centang",
    "kotak", "geser", "bawah", "atas", "kanan", "kiri", "pojok", "ikon", "gambar", "foto",
    "click", "the", "button", "then", "open", "settings", "save", "wait", "until", "screen",
)
# fmt: on
FREELANCER = "Dimas Pratama"
SYSTEM_LINES = (
    "Pesan dan panggilan dienkripsi secara end-to-end.",
    "Messages and calls are end-to-end encrypted.",
    "Pesan ini telah dihapus",
)


@dataclass(frozen=True)
class Vocabulary:
    """Words with Zipf–Mandelbrot weights: weight(rank) = 1 / (rank + 2.7) ** 1.05."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]

    @classmethod
    def ranked(cls, words: Sequence[str]) -> Vocabulary:
        weights = [1.0 / (rank + 2.7) ** 1.05 for rank in range(1, len(words) + 1)]
        return cls(tuple(words), tuple(itertools.accumulate(weights)))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)


CHAT = Vocabulary.ranked(CHAT_WORDS)


def rare_token(rng: random.Random) -> str:
    """Something from the long tail: a number, a code, an address, a stretched or rare word."""
    roll = rng.randrange(7)
    if roll == 0:
        return f"#{rng.randrange(10_000, 100_000)}"
    if roll == 1:
        return f"INV/{rng.randrange(2022, 2027)}/{rng.randrange(1, 2000):04d}"
    if roll == 2:
        return f"Rp{rng.randrange(25, 2500) * 1000:,}".replace(",", ".")
    if roll == 3:
        return f"08{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}"
    if roll == 4:
        kind = rng.choice(BUSINESS_KINDS).lower().replace(" ", "")
        return f"{kind}{rng.choice(BUSINESS_WORDS).lower().replace(' ', '')}.com"
    if roll == 5:
        word = CHAT.draw(rng, 1)[0]
        return word + word[-1] * rng.randrange(1, 4)
    return rng.choice(RARE_WORDS)


def chat_text(rng: random.Random, mean_words: float = 2.1) -> str:
    """One WhatsApp-style message: a few Zipf words, sometimes a rare token, some punctuation."""
    count = max(1, min(60, round(rng.lognormvariate(mean_words, 0.6))))
    words = CHAT.draw(rng, count)
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words) + 1), rare_token(rng))
    if len(words) > 4 and rng.random() < 0.4:
        cut = rng.randrange(2, len(words) - 1)
        words[cut - 1] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(("", "", "", "?", "!", " 🙏", ".", "??"))


# -- building the database ----------------------------------------------------------------------


@dataclass
class Sizes:
    clients: int
    tickets: int
    messages: int
    guides: int

    def describe(self) -> str:
        return (
            f"{self.clients:,} clients, {self.tickets:,} tickets, {self.messages:,} messages, "
            f"{self.guides:,} guides"
        )


def client_rows(count: int, rng: random.Random, now: datetime) -> list[dict[str, Any]]:
    """Clients 1..count; client 1 is Ibu Ratna Wulandari (she calls a lot). 2% deleted."""
    rows = []
    for client_id in range(1, count + 1):
        if client_id == 1:
            honorific, given, last = "Ibu", "Ratna", "Wulandari"
        else:
            honorific = rng.choice(HONORIFICS)
            given, last = rng.choice(GIVEN_NAMES), rng.choice(LAST_NAMES)
        name = " ".join(part for part in (honorific, given, last) if part)
        roll = rng.random()
        if client_id == 1:
            company = "Katering Bunda Ratna"
        elif roll < 0.3:
            company = ""
        elif roll < 0.6:
            company = f"{rng.choice(BUSINESS_KINDS)} {given}"
        else:
            company = f"{rng.choice(BUSINESS_KINDS)} {rng.choice(BUSINESS_WORDS)}"
        created = now - timedelta(days=3 * 365 + rng.randrange(365))
        rows.append(
            {
                "id": client_id,
                "name": name,
                "company": company,
                "phone": f"+62 8{rng.randrange(11, 99)} {rng.randrange(1000, 10000)} "
                f"{rng.randrange(1000, 10000)}",
                "email": f"{given.lower()}{client_id}@gmail.com" if rng.random() < 0.4 else "",
                "city": rng.choice(CITIES),
                "tech_comfort": rng.randint(1, 5),
                "preferred_channel": "whatsapp" if rng.random() < 0.7 else "email",
                "tags": ", ".join(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3)))),
                "caution_note": chat_text(rng, 1.8) if rng.random() < 0.15 else "",
                "notes": chat_text(rng, 2.5) if rng.random() < 0.3 else "",
                "created_at": created,
                "updated_at": created,
                "deleted_at": now if rng.random() < 0.02 else None,
            }
        )
    return rows


def ticket_rows(
    count: int,
    clients: Sequence[dict[str, Any]],
    weights: Sequence[float],
    rng: random.Random,
    now: datetime,
) -> list[dict[str, Any]]:
    """Tickets in the order they came in (ids follow created_at), over three years."""
    start = now - timedelta(days=3 * 365)
    span_s = (now - start).total_seconds()
    chosen = rng.choices(range(len(clients)), weights=weights, k=count)
    moments = sorted(rng.random() * span_s for _ in range(count))
    rows = []
    for number, (index, moment) in enumerate(zip(chosen, moments, strict=True), start=1):
        created = start + timedelta(seconds=moment)
        if rng.random() < 0.4:
            title = rng.choice(TICKET_TITLES)
        else:
            title = f"{rng.choice(TICKET_SUBJECTS)} {rng.choice(TICKET_PROBLEMS)}"
            if rng.random() < 0.2:
                title += f" {rare_token(rng)}"
        done = created < now - timedelta(days=14) or rng.random() < 0.5
        rows.append(
            {
                "id": number,
                "client_id": clients[index]["id"],
                "title": title,
                "status": rng.choice(("closed", "resolved")) if done else "open",
                "priority": rng.choices((1, 2, 3, 4), (20, 55, 18, 7))[0],
                "channel": "whatsapp",
                "created_at": created,
                "updated_at": created,
                "status_changed_at": created,
            }
        )
    return rows


def message_rows(
    count: int,
    clients: Sequence[dict[str, Any]],
    weights: Sequence[float],
    tickets: Sequence[dict[str, Any]],
    rng: random.Random,
    now: datetime,
) -> Iterator[list[dict[str, Any]]]:
    """Chunks of messages in time order; most belong to a recent ticket of the same client."""
    start = now - timedelta(days=3 * 365)
    span_s = (now - start).total_seconds()
    ticket_times = [ticket["created_at"] for ticket in tickets]
    names = {client["id"]: client["name"] for client in clients}
    client_ids = [client["id"] for client in clients]
    cum_weights = list(itertools.accumulate(weights))
    step = span_s / max(count, 1)
    chunk: list[dict[str, Any]] = []
    for number in range(1, count + 1):
        sent = start + timedelta(seconds=(number - 1 + rng.random()) * step)
        latest = bisect.bisect_right(ticket_times, sent) - 1
        if latest >= 0 and rng.random() < 0.75:
            ticket = tickets[max(0, latest - int(rng.expovariate(1 / 300)))]
            ticket_id, client_id = ticket["id"], ticket["client_id"]
        else:
            ticket_id = None
            client_id = rng.choices(client_ids, cum_weights=cum_weights)[0]
        roll = rng.random()
        from_me = roll < 0.45
        kind = "message"
        if roll > 0.99:
            kind, body = "system", rng.choice(SYSTEM_LINES)
        elif roll > 0.97:
            kind, body = "note", chat_text(rng, 2.4)
        elif roll > 0.90:
            kind, body = "media", chat_text(rng, 1.2) if rng.random() < 0.5 else ""
        else:
            body = chat_text(rng)
        imported = rng.random() < 0.6
        chunk.append(
            {
                "id": number,
                "client_id": client_id,
                "ticket_id": ticket_id,
                "sent_at": sent,
                "from_me": from_me,
                "sender": FREELANCER if from_me else names[client_id],
                "kind": kind,
                "body": body,
                "media_file": f"IMG-{number:08d}.jpg" if kind == "media" else None,
                "flags": "",
                "source": "whatsapp" if imported else "typed",
                "fingerprint": rng.getrandbits(128).to_bytes(16, "big") if imported else None,
                "created_at": sent,
            }
        )
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def guide_rows(count: int, rng: random.Random, now: datetime) -> list[dict[str, Any]]:
    """Markdown how-tos, 150–600 words of numbered steps; 70% Indonesian, 3% deleted."""
    rows = []
    for number in range(1, count + 1):
        english = rng.random() < 0.3
        topic = rng.choice(GUIDE_TOPICS_EN if english else GUIDE_TOPICS_ID)
        title = f"{'How to' if english else 'Cara'} {topic}"
        if number > 30:  # most titles repeat with a twist, as variants pile up
            title += f" ({rng.choice(('HP', 'laptop', 'Android', 'iPhone', 'versi baru'))})"
        steps = []
        for step in range(1, rng.randrange(5, 16)):
            words = rng.choices(GUIDE_STEP_WORDS, k=rng.randrange(6, 20))
            words += CHAT.draw(rng, rng.randrange(3, 15))
            rng.shuffle(words)
            steps.append(f"{step}. {' '.join(words).capitalize()}.")
        rows.append(
            {
                "id": number,
                "title": title[:200],
                "body": f"# {title}\n\n" + "\n".join(steps),
                "language": "en" if english else "id",
                "tags": ", ".join(rng.sample(TAGS, rng.choice((1, 2, 3)))),
                "level": "very_gentle" if rng.random() < 0.2 else "normal",
                "created_at": now,
                "updated_at": now,
                "deleted_at": now if rng.random() < 0.03 else None,
            }
        )
    return rows


class _RawOp:
    """Enough of Alembic's ``op`` for `fts_v1.create_triggers`/`drop_triggers`."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)


def build_database(path: Path, sizes: Sizes, seed: int = 2024) -> float:
    """Schema by the app's migrations; bulk inserts without triggers; FTS rebuilt. Seconds."""
    import sqlalchemy as sa
    from sqlmodel import Session, SQLModel

    from agencydesk.core import migrate
    from agencydesk.core.db import sqlite_url
    from agencydesk.migrations import fts_v1

    started = time.perf_counter()
    rng = random.Random(seed)
    now = datetime.now(UTC)
    engine = migrate.open_database(sqlite_url(path))
    bases = [base for base, _columns in fts_v1.TABLES.values()]
    try:
        raw = engine.raw_connection()
        try:
            op = _RawOp(raw.driver_connection)
            for base in bases:
                fts_v1.drop_triggers(op, base)
        finally:
            raw.close()
        clients = client_rows(sizes.clients, rng, now)
        weights = [rng.paretovariate(1.5) for _ in clients]
        weights[0] = max(weights) * 2  # Bu Ratna
        tickets = ticket_rows(sizes.tickets, clients, weights, rng, now) if clients else []
        tables = SQLModel.metadata.tables
        with Session(engine) as session, session.begin():
            session.connection().exec_driver_sql("PRAGMA cache_size = -262144")
            if clients:
                session.execute(sa.insert(tables["client"]), clients)
            for first in range(0, len(tickets), CHUNK):
                session.execute(sa.insert(tables["ticket"]), tickets[first : first + CHUNK])
            if clients and tickets:
                for chunk in message_rows(sizes.messages, clients, weights, tickets, rng, now):
                    session.execute(sa.insert(tables["message"]), chunk)
            guides = guide_rows(sizes.guides, rng, now)
            if guides:
                session.execute(sa.insert(tables["guide"]), guides)
        print(f"  rows inserted in {time.perf_counter() - started:.1f} s", flush=True)
        raw = engine.raw_connection()
        try:
            connection = raw.driver_connection
            connection.execute("PRAGMA cache_size = -262144")
            connection.execute("BEGIN IMMEDIATE")
            for fts in fts_v1.TABLES:
                connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            op = _RawOp(connection)
            for base in bases:
                fts_v1.create_triggers(op, base)
            connection.execute("COMMIT")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    except BaseException:
        engine.dispose()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    engine.dispose()
    return time.perf_counter() - started


def count_rows(path: Path) -> Sizes:
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("client", "ticket", "message", "guide")
        ]
    finally:
        connection.close()
    return Sizes(*counts)


# -- timing -------------------------------------------------------------------------------------

#: (what it stands for, the text typed)
QUERIES: tuple[tuple[str, str], ...] = (
    ("common id", "webnya"),
    ("very common", "error"),
    ("prefix 3", "hos"),
    ("prefix 4", "pemb"),
    ("two words", "webnya error"),
    ("three words", "tidak bisa login"),
    ("three words", "lupa password email"),
    ("three words", "upload gambar produk"),
    ("mid", "katalog"),
    ("mid", "pembayaran"),
    ("common pair", "terima kasih"),
    ("client name", "Ratna Wulandari"),
    ("company", "katering bunda"),
    ("rare", "propagasi"),
    ("english", "domain expired"),
    ("two words", "foto menu"),
    ("very common", "tolong"),
    ("very common", "ya"),
    ("code", "INV/2024"),
    ("english", "checkout shopee"),
)
#: timed and shown, but not in p50/p95: the search dialog searches as you type (after a 120 ms
#: pause), so a lone first letter does get searched
EXTRA_QUERIES: tuple[tuple[str, str], ...] = (("one letter", "t"),)


@dataclass
class QueryTimes:
    label: str
    text: str
    counted: bool = True
    message_matches: int = 0
    hits: int = 0
    fts_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # this thread's CPU time, for noise
    kind_ms: dict[str, list[float]] = field(default_factory=dict)
    like_ms: list[float] = field(default_factory=list)
    like_hits: int = 0


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000.0, result


def _timed_cpu(call: Callable[[], Any]) -> tuple[float, float]:
    """(wall ms, this thread's CPU ms): CPU time shows what the other processes added."""
    cpu = time.thread_time()
    started = time.perf_counter()
    call()
    wall = time.perf_counter() - started
    return wall * 1000.0, (time.thread_time() - cpu) * 1000.0


def measure(engine: Any, runs: int, like_runs: int, limit: int) -> list[QueryTimes]:
    from sqlmodel import Session

    from agencydesk.core import search

    times = [QueryTimes(label, text) for label, text in QUERIES]
    times += [QueryTimes(label, text, counted=False) for label, text in EXTRA_QUERIES]

    def full(text: str) -> Any:
        with Session(engine) as session:
            return search.search(session=session, text=text, limit=limit)

    def one_kind(kind: str, query: str) -> Any:
        with Session(engine) as session:
            return search._fts_hits(session, kind, query, limit)

    with Session(engine) as session:
        if not search.fts_available(session):
            raise SystemExit("this database has no FTS tables: nothing to compare")
        for entry in times:
            query = search.fts_query(entry.text)
            entry.message_matches = session.execute(
                search.sa.text("SELECT count(*) FROM message_fts WHERE message_fts MATCH :q"),
                {"q": query},
            ).scalar_one()
    for entry in times:  # warm-up
        entry.hits = full(entry.text).count()
    gc.collect()
    for _round in range(runs):
        for entry in times:
            elapsed, cpu = _timed_cpu(lambda entry=entry: full(entry.text))
            entry.fts_ms.append(elapsed)
            entry.cpu_ms.append(cpu)
    for _round in range(runs):
        for entry in times:
            query = search.fts_query(entry.text)
            assert query is not None
            for kind in search.KINDS:
                elapsed, _hits = _timed(lambda kind=kind, query=query: one_kind(kind, query))
                entry.kind_ms.setdefault(kind, []).append(elapsed)
    if like_runs:
        print(f"timing the LIKE fallback: {like_runs} round(s) of {len(times)} queries", flush=True)
        with mock.patch.object(search, "fts_available", return_value=False):
            full(times[0].text)  # warm-up: pulls the tables into the page cache
            for _round in range(like_runs):
                for entry in times:
                    elapsed, results = _timed(lambda entry=entry: full(entry.text))
                    entry.like_ms.append(elapsed)
                    entry.like_hits = results.count()
    return times


def explain(engine: Any, kind: str, text: str, limit: int) -> list[str]:
    """EXPLAIN QUERY PLAN of the statements `_fts_hits` runs for *kind*."""
    from sqlmodel import Session

    from agencydesk.core import search

    query = search.fts_query(text)
    sql_by_kind = getattr(search, "_FTS_SQL", {})
    if kind not in sql_by_kind:
        return ["  (no query plan: agencydesk.core.search has no _FTS_SQL for this kind)"]
    statements = [(sql_by_kind[kind], {"q": query, "limit": limit, "floor": 0})]
    floor_sql = getattr(search, "_MESSAGE_FLOOR", None)  # the newest-candidates floor, if any
    if kind == "message" and floor_sql:
        statements.insert(0, (floor_sql, {"q": query, "offset": 0}))
    lines = []
    with Session(engine) as session:
        for sql, params in statements:
            rows = session.execute(search.sa.text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
            flat = " ".join(sql.split()).replace(search.HIT_START, "^").replace(search.HIT_END, "^")
            lines.append(f"  {flat[:90]}…")
            lines.extend(f"    {row[-1]}" for row in rows)
    return lines


# -- the command line ---------------------------------------------------------------------------


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time agencydesk's search (FTS5) against its LIKE fallback on a big desk."
    )
    parser.add_argument("--quick", action="store_true", help="100,000 messages, not 1,000,000")
    parser.add_argument("--runs", type=_positive, default=5, help="timed FTS runs per query")
    parser.add_argument(
        "--like-runs",
        type=_non_negative,
        default=1,
        help="timed LIKE-fallback runs per query (slow: each scans the message table); 0 skips",
    )
    parser.add_argument("--limit", type=_positive, default=20, help="hits per kind (app: 10)")
    parser.add_argument("--clients", type=_non_negative, default=5_000)
    parser.add_argument("--tickets", type=_non_negative, default=100_000)
    parser.add_argument("--messages", type=_non_negative, help="default 1,000,000 (quick: 100k)")
    parser.add_argument("--guides", type=_non_negative, default=1_000)
    parser.add_argument(
        "--db",
        type=Path,
        help="use this database file: built there if missing, reused as it is if present",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    return parser


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


@dataclass
class Summary:
    fts_p50: float
    fts_p95: float
    like_p95: float
    #: the slowest counted query's median, and that query
    worst_ms: float = 0.0
    worst_query: str = ""

    @property
    def speedup(self) -> float:
        return self.like_p95 / self.fts_p95 if self.fts_p95 > 0 else float("nan")

    def bench_line(self) -> str:
        return (
            f"BENCH search p50_ms={self.fts_p50:.1f} p95_ms={self.fts_p95:.1f} "
            f"worst_ms={self.worst_ms:.1f} like_p95_ms={self.like_p95:.1f} "
            f"speedup={self.speedup:.1f}"
        )


def report(times: list[QueryTimes], limit: int) -> tuple[list[str], Summary]:
    """The per-query table and summary lines (totals over the counted queries only)."""
    from agencydesk.core.search import KINDS

    counted = [entry for entry in times if entry.counted]
    all_fts = [ms for entry in counted for ms in entry.fts_ms]
    all_cpu = [ms for entry in counted for ms in entry.cpu_ms]
    all_like = [ms for entry in counted for ms in entry.like_ms]
    kinds = "".join(f"{kind[:7]:>8}" for kind in KINDS)
    lines = [
        f"{'query':<22}{'what':<12}{'msg hits':>9}{'found':>6}{'p50':>8}{'max':>8}"
        f"{kinds}{'like':>9}{'found':>6}",
        f"{'':<22}{'':<12}{'(all)':>9}{'':>6}{'ms':>8}{'ms':>8}"
        + "".join(f"{'p50 ms':>8}" for _ in KINDS)
        + f"{'ms':>9}{'':>6}",
    ]
    for entry in times:
        per_kind = "".join(f"{_ms(statistics.median(entry.kind_ms[kind])):>8}" for kind in KINDS)
        like = _ms(statistics.median(entry.like_ms)) if entry.like_ms else "-"
        like_found = str(entry.like_hits) if entry.like_ms else "-"
        text = entry.text if entry.counted else f"{entry.text} *"
        lines.append(
            f"{text:<22}{entry.label:<12}{entry.message_matches:>9}{entry.hits:>6}"
            f"{_ms(statistics.median(entry.fts_ms)):>8}{_ms(max(entry.fts_ms)):>8}"
            f"{per_kind}{like:>9}{like_found:>6}"
        )
    if len(counted) < len(times):
        lines.append("* not counted in p50/p95 (a lone letter, searched while typing)")
    summary = Summary(
        percentile(all_fts, 0.5),
        percentile(all_fts, 0.95),
        percentile(all_like, 0.95) if all_like else float("nan"),
    )
    slowest = max(counted, key=lambda entry: statistics.median(entry.fts_ms))
    summary.worst_ms, summary.worst_query = statistics.median(slowest.fts_ms), slowest.text
    lines.append(
        f"fts  ({len(all_fts)} searches, limit {limit}): p50 {_ms(summary.fts_p50)} ms, "
        f"p95 {_ms(summary.fts_p95)} ms, max {_ms(max(all_fts))} ms "
        f"(CPU time p50 {_ms(percentile(all_cpu, 0.5))}, p95 {_ms(percentile(all_cpu, 0.95))}); "
        f"goal p95 < {GOAL_P95_MS:g} ms: {'ok' if summary.fts_p95 < GOAL_P95_MS else 'MISSED'}"
    )
    worst_ok = summary.worst_ms < GOAL_WORST_MS
    lines.append(
        f"slowest query {summary.worst_query!r}: median {_ms(summary.worst_ms)} ms; "
        f"goal < {GOAL_WORST_MS:g} ms: {'ok' if worst_ok else 'MISSED'}"
    )
    if all_like:
        lines.append(
            f"like ({len(all_like)} searches, the LIKE fallback): "
            f"p50 {_ms(percentile(all_like, 0.5))} ms, p95 {_ms(summary.like_p95)} ms; "
            f"speedup at p95 {summary.speedup:.1f}x"
        )
    return lines, summary


def prepare_database(args: argparse.Namespace, workdir: Path) -> tuple[Path, Sizes]:
    path: Path = args.db.expanduser().resolve() if args.db else workdir / "search.sqlite3"
    if path.exists():
        sizes = count_rows(path)
        print(f"reusing {path}: {sizes.describe()}")
        return path, sizes
    messages = args.messages
    if messages is None:
        messages = 100_000 if args.quick else 1_000_000
    sizes = Sizes(args.clients, args.tickets, messages, args.guides)
    print(f"building {path}: {sizes.describe()}", flush=True)
    built_s = build_database(path, sizes)
    size_mb = path.stat().st_size / 2**20
    print(f"built in {built_s:.1f} s ({size_mb:.0f} MiB)")
    return path, sizes


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="agencydesk-bench-search-"))
    try:
        path, _sizes = prepare_database(args, workdir)
        import sqlite3

        from agencydesk.core import migrate
        from agencydesk.core.db import sqlite_url

        engine = migrate.open_database(sqlite_url(path))
        try:
            print(
                f"timing {len(QUERIES)} queries (+{len(EXTRA_QUERIES)} not counted): 1 warm-up "
                f"+ {args.runs} runs each (+ {args.runs} per kind), limit {args.limit} "
                f"(python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}); {_load()}",
                flush=True,
            )
            times = measure(engine, args.runs, args.like_runs, args.limit)
            lines, summary = report(times, args.limit)
            lines.append(f"after timing: {_load()}")
            if summary.fts_p95 >= GOAL_P95_MS or summary.worst_ms >= GOAL_WORST_MS:
                counted = [entry for entry in times if entry.counted]
                slowest = max(counted, key=lambda entry: statistics.median(entry.fts_ms))
                kind = max(slowest.kind_ms, key=lambda k: statistics.median(slowest.kind_ms[k]))
                lines.append(f"slowest: {slowest.text!r}, mostly {kind}; its query plan:")
                lines.extend(explain(engine, kind, slowest.text, args.limit))
        finally:
            engine.dispose()
    finally:
        if args.keep and not args.db:
            print(f"kept the benchmark folder {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    for line in lines:
        print(line)
    print(summary.bench_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
