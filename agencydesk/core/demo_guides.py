"""Demo how-to guides: warm, plain-language notes a freelancer really sends, and who got them.

Bu Ratna learnt to chat online with the screenshot guide, and logs in to her site with the very
gentle WordPress guide ("Tenang saja, tidak ada yang rusak kalau salah klik"); Claire set up
WhatsApp Desktop for her villa's guests.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from agencydesk.core.guides import images, library, sending
from agencydesk.core.models import GuideLevel, utcnow

#: the freelancer's name in the demo's sent messages
DEMO_MY_NAME = "Rizky"


@dataclass(frozen=True)
class DemoGuide:
    key: str
    title: str
    language: str
    body: str
    tags: str
    level: str = GuideLevel.NORMAL.value
    variant_of: str | None = None


WP_LOGIN = """\
Halo {call_name}, ini cara masuk ke dasbor website Anda. Dari dasbor, Anda bisa mengganti \
tulisan, foto, dan harga sendiri kapan saja.

## Yang perlu disiapkan
- **Nama pengguna** dan **kata sandi** yang saya kirim waktu website selesai
- Laptop atau HP yang tersambung ke internet

## Langkah-langkahnya
1. Buka browser (Chrome, Firefox, atau Safari).
1. Ketik alamat ini di kolom alamat paling atas: {site_url}/wp-admin
1. Isi nama pengguna dan kata sandi, lalu klik tombol **Log Masuk** (kadang tertulis *Log In*).
1. Selesai! Anda sekarang ada di *Dasbor*. Menu untuk mengubah halaman ada di sebelah kiri.

![Halaman masuk WordPress](image:halaman-masuk.png)

> Lupa kata sandi? Klik tulisan *Lupa kata sandi?* di bawah tombol, atau kabari saya saja.

Kalau ada yang membingungkan, balas pesan ini ya.
Salam, {my_name}"""

WP_LOGIN_GENTLE = """\
Halo {call_name} 😊

Kita pelan-pelan saja ya, satu langkah demi satu langkah. Tenang saja, tidak ada yang rusak \
kalau salah klik. Kalau bingung di tengah jalan, berhenti saja dan kabari saya.

## Langkah 1: Buka Chrome
Cari gambar bulat berwarna merah, kuning, dan hijau, dengan titik biru di tengahnya. \
Ketuk gambar itu satu kali.

## Langkah 2: Ketik alamat website
Ketuk kotak panjang di bagian paling atas layar. Ketik alamat ini, persis sama:
{site_url}/wp-admin

Lalu ketuk tombol **Enter** (di HP tombolnya bergambar panah, atau bertulisan *Buka*).

## Langkah 3: Isi nama dan kata sandi
Sekarang ada dua kotak kosong, seperti gambar ini:

![Dua kotak kosong dan tombol biru](image:halaman-masuk.png)

- Kotak pertama: tulis **nama pengguna** Anda.
- Kotak kedua: tulis **kata sandi** Anda.

Keduanya ada di pesan yang saya kirim waktu website selesai. Huruf besar dan huruf kecil \
harus sama persis. Tidak apa-apa kalau mengetiknya pelan-pelan.

## Langkah 4: Ketuk tombol biru
Ketuk tombol biru bertulisan **Log Masuk**. Tunggu sebentar, jangan diketuk berkali-kali.

## Berhasil! 🎉
Kalau di kiri atas ada tulisan *Dasbor*, berarti Anda sudah masuk. Hebat sekali!

Kalau layarnya tidak sama dengan penjelasan ini, tidak apa-apa. Foto saja layarnya lalu \
kirim ke saya, nanti saya bantu.

Salam hangat,
{my_name}"""

SCREENSHOT = """\
Halo {call_name}, kalau ada yang aneh di layar HP, cara paling cepat supaya saya bisa \
membantu adalah mengirim *screenshot* (foto layar). Caranya begini:

## HP Android (Samsung, Oppo, Xiaomi, Vivo, dan lainnya)
1. Buka layar yang ingin Anda tunjukkan ke saya.
2. Tekan tombol **Power** dan tombol **Volume Bawah** bersamaan, lalu lepaskan.
3. Layar berkedip sebentar: screenshot sudah tersimpan di *Galeri*.

## iPhone
1. Buka layar yang ingin Anda tunjukkan ke saya.
2. Tekan dua tombol bersamaan, lalu lepaskan:
   - iPhone tanpa tombol Home: tombol **samping** dan tombol **Volume Atas**
   - iPhone dengan tombol Home: tombol **Home** dan tombol **samping**
3. Screenshot tersimpan di aplikasi *Foto*.

## Mengirimnya lewat WhatsApp
1. Buka chat dengan saya.
2. Ketuk gambar **klip kertas** 📎 (di iPhone: tanda **+**).
3. Pilih **Galeri** (di iPhone: *Foto & Video*), lalu ketuk screenshot yang paling baru.
4. Ketuk tombol kirim.

Terima kasih! Dengan screenshot, saya langsung melihat apa yang Anda lihat.
{my_name}"""

WHATSAPP_DESKTOP = """\
Hi {first_name},

WhatsApp Desktop lets you answer your guests from your computer, with a real keyboard. \
Setting it up takes about five minutes.

## On Windows
1. Open the **Microsoft Store** (click Start and type *Store*).
2. Search for **WhatsApp** and click **Get** (or **Install**).
3. When it is done, click **Open**.

## On a Mac
1. Open the **App Store**.
2. Search for **WhatsApp Messenger** and click **Get**.
3. Open WhatsApp from your *Applications* folder.

You can also download it from <https://www.whatsapp.com/download>.

## Link it to your phone
1. On your phone, open WhatsApp and go to **Settings** (iPhone) or the **⋮** menu (Android).
2. Tap **Linked devices**, then **Link a device**.
3. Point your phone at the QR code on your computer screen.

Your chats appear on the computer after a moment. From then on the computer works on its own: \
your phone does not need to stay next to it.

Best wishes,
{my_name}"""

EMAIL_PASSWORD = """\
Hi {first_name},

Forgot the password of your email (the address ending in your website's name)? No problem, \
it happens to everyone. You can set a new one yourself in a few minutes.

## Set a new password
1. Open {site_url}/webmail in your browser.
2. Under the login box, click **Reset Password**.
3. Type your full email address and click **Send**.
4. Open the message that arrives at your backup address and click the link inside.
5. Choose a new password: at least 12 characters. Three words and a number are easy to \
remember and hard to guess, for example *padi-sunset-river-42*.

## Then tell your phone and computer
Your phone and your mail program still remember the old password. When they ask, type the \
new one:
- **iPhone**: Settings ▸ Mail ▸ Accounts ▸ your address
- **Android**: open the mail app, tap the message about the password, and type the new one
- **Outlook**: it asks by itself the next time it checks for mail

> Never send a password by WhatsApp or email, not even to me. If you are stuck, I can reset \
it for you and we choose the new one together on the phone.

Best wishes,
{my_name}"""


DEMO_GUIDES: tuple[DemoGuide, ...] = (
    DemoGuide(
        "wp_login", "Cara masuk ke dasbor WordPress", "id", WP_LOGIN, "wordpress, login, dasbor"
    ),
    DemoGuide(
        "wp_login_gentle",
        "Cara masuk ke dasbor WordPress (langkah kecil)",
        "id",
        WP_LOGIN_GENTLE,
        "wordpress, login, dasbor, pelan-pelan",
        level=GuideLevel.VERY_GENTLE.value,
        variant_of="wp_login",
    ),
    DemoGuide(
        "screenshot",
        "Cara mengirim screenshot dari HP",
        "id",
        SCREENSHOT,
        "hp, whatsapp, screenshot",
    ),
    DemoGuide(
        "whatsapp_desktop",
        "How to install WhatsApp Desktop",
        "en",
        WHATSAPP_DESKTOP,
        "whatsapp, computer",
    ),
    DemoGuide(
        "email_password",
        "How to reset your email password",
        "en",
        EMAIL_PASSWORD,
        "email, password",
    ),
)

#: (guide, client, ticket or None, days ago) — who already got which guide
DEMO_SENDS: tuple[tuple[str, str, str | None, float], ...] = (
    ("screenshot", "ratna", "ratna_chat", 636.2),
    ("wp_login_gentle", "ratna", "ratna_db_error", 291.1),
    ("wp_login", "hendra", None, 150.3),
    ("whatsapp_desktop", "claire", None, 40.4),
)


def load_demo_guides(
    *,
    session: Session,
    client_ids: Mapping[str, int],
    ticket_ids: Mapping[str, int] | None = None,
    now: datetime | None = None,
) -> dict[str, int]:
    """Add the demo guides (with a picture) and who got them. Returns demo key → guide id."""
    now = now or utcnow()
    ids: dict[str, int] = {}
    for demo in DEMO_GUIDES:
        guide = library.create_guide(
            session=session,
            values={
                "title": demo.title,
                "language": demo.language,
                "body": demo.body,
                "tags": demo.tags,
                "level": demo.level,
                "gentle_variant_of_id": ids[demo.variant_of] if demo.variant_of else None,
            },
        )
        assert guide.id is not None
        ids[demo.key] = guide.id
        if "image:halaman-masuk.png" in demo.body:
            images.add_image(
                session=session,
                guide_id=guide.id,
                name="halaman-masuk.png",
                data=login_picture(),
                mime_type="image/png",
            )
    for guide_key, client_key, ticket_key, days_ago in DEMO_SENDS:
        client_id = client_ids.get(client_key)
        if client_id is None:
            continue
        sent_at = now - timedelta(days=days_ago)
        ticket_id = (ticket_ids or {}).get(ticket_key) if ticket_key else None
        rendered = sending.render_for_client(
            session=session,
            guide_id=ids[guide_key],
            client_id=client_id,
            my_name=DEMO_MY_NAME,
            today=date(sent_at.year, sent_at.month, sent_at.day),
        )
        sending.record_send(
            session=session,
            guide_id=ids[guide_key],
            client_id=client_id,
            ticket_id=ticket_id,
            text=rendered.text,
            sent_at=sent_at,
        )
    return ids


# -- a picture drawn in code: WordPress's login box, simplified ---------------------------------
Color = tuple[int, int, int]


def _png(width: int, height: int, pixels: bytearray) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    stride = width * 3
    raw = b"".join(b"\x00" + bytes(pixels[y * stride : (y + 1) * stride]) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def login_picture(width: int = 320, height: int = 380) -> bytes:
    """A PNG of a login page: the round logo, two empty boxes and the blue button."""
    pixels = bytearray(bytes((240, 240, 241)) * (width * height))

    def rect(x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        for y in range(max(0, y0), min(height, y1)):
            start = (y * width + max(0, x0)) * 3
            end = (y * width + min(width, x1)) * 3
            pixels[start:end] = bytes(color) * ((end - start) // 3)

    def disc(cx: int, cy: int, radius: int, color: Color) -> None:
        for y in range(cy - radius, cy + radius + 1):
            half = int((radius * radius - (y - cy) ** 2) ** 0.5)
            rect(cx - half, y, cx + half + 1, y + 1, color)

    def box(x0: int, y0: int, x1: int, y1: int, border: Color, fill: Color) -> None:
        rect(x0, y0, x1, y1, border)
        rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1, fill)

    grey, dark, white = (140, 143, 148), (60, 67, 74), (255, 255, 255)
    blue, text = (34, 113, 177), (80, 87, 94)
    disc(width // 2, 52, 32, dark)
    disc(width // 2, 52, 26, (240, 240, 241))
    disc(width // 2, 52, 20, dark)
    box(30, 104, width - 30, 330, (195, 196, 199), white)
    rect(50, 126, 150, 134, text)  # "Nama pengguna"
    box(50, 142, width - 50, 176, grey, white)
    rect(50, 194, 120, 202, text)  # "Kata sandi"
    box(50, 210, width - 50, 244, grey, white)
    box(50, 268, 64, 282, grey, white)  # "Ingat saya"
    rect(72, 271, 140, 279, text)
    rect(width - 130, 262, width - 50, 294, blue)  # "Log Masuk"
    rect(width - 112, 275, width - 68, 281, white)
    rect(100, 346, width - 100, 352, grey)  # "Lupa kata sandi?"
    return _png(width, height, pixels)
