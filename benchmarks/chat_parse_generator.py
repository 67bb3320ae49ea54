"""Generate realistic synthetic WhatsApp exports, and time the parser on them.

Usage (a scratch speed check, not a test)::

    python benchmarks/chat_parse_generator.py 1000000 --style id-android
    python benchmarks/chat_parse_generator.py 200000 --style us-ios --out /tmp/chat.txt

The generated text mixes Indonesian and English lines, multi-line messages,
media placeholders, edited and deleted messages, system lines and several
senders, with timestamps that move forward by a few minutes per message.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

STYLES = ("id-android", "us-android", "id-ios", "us-ios")

_SENDERS = [
    "Bu Sari",
    "Mas Andi (Vendor: Percetakan)",
    "Pak Budi",
    "Dewi Lestari",
    "\u202a+62 812\u20113456\u20117890\u202c",
    "Rizky",
    "Client - PT Maju Jaya",
]
_LINES_ID = [
    "Mas, webnya error lagi \U0001f64f",
    "Siap, saya cek sekarang ya",
    "Sudah bisa dibuka lagi?",
    "Invoice bulan ini sudah saya kirim ke email",
    "Terima kasih banyak 🙏🙏",
    "Nanti sore saya update halaman produknya",
    "Domainnya habis tanggal 12, mau diperpanjang?",
    "Oke mas",
    "Tolong ganti foto banner yang di beranda",
    "Jam 3 bisa meeting sebentar?",
    "Pembayaran sudah ditransfer: BCA 1234567890",
]
_LINES_EN = [
    "Hi, the contact form is not sending emails",
    "Can you check the SSL certificate?",
    "Thanks!",
    "The site is down again",
    "I'll send the new logo tomorrow",
    "ok",
    "Deadline: Friday 5 PM",
    "Please see the attached brief",
]
_MULTI = [
    "Daftar revisi:\n1. Ganti warna tombol\n2. Perbaiki menu di HP\n3. Tambah halaman FAQ",
    "Here is the plan:\n- backup\n- update plugins\n- test checkout",
    "Alamat kirim:\nJl. Melati No. 5\nBandung 40123",
]


def _header(style: str, ts: datetime) -> str:
    if style == "id-android":
        return ts.strftime("%d/%m/%y %H.%M - ")
    if style == "us-android":
        h12 = ts.hour % 12 or 12
        ampm = "AM" if ts.hour < 12 else "PM"
        return f"{ts.month}/{ts.day}/{ts.strftime('%y')}, {h12}:{ts.minute:02d}\u202f{ampm} - "
    if style == "id-ios":
        return ts.strftime("[%d/%m/%y %H.%M.%S] ")
    if style == "us-ios":
        h12 = ts.hour % 12 or 12
        ampm = "AM" if ts.hour < 12 else "PM"
        return (
            f"[{ts.month}/{ts.day}/{ts.strftime('%y')}, {h12}:{ts.minute:02d}:{ts.second:02d}"
            f"\u202f{ampm}] "
        )
    raise ValueError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")


def generate_whatsapp_export(n_messages: int, *, seed: int = 0, style: str = "id-android") -> str:
    """Return the text of a synthetic WhatsApp export with ``n_messages`` headers."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    rnd = random.Random(seed)
    ios = style.endswith("ios")
    indonesian = style.startswith("id")
    group = "Proyek Web Bu Sari"
    ts = datetime(2021, 1, 4, 8, 0, 0)
    out: list[str] = []
    lrm = "\u200e" if ios else ""

    def system(text: str) -> str:
        if ios:
            return f"{lrm}{_header(style, ts)}{group}: {lrm}{text}"
        return f"{_header(style, ts)}{text}"

    if indonesian:
        out.append(
            system(
                "Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar "
                "chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk "
                "untuk info selengkapnya."
            )
        )
    else:
        out.append(
            system(
                "Messages and calls are end-to-end encrypted. No one outside of this chat, "
                "not even WhatsApp, can read or listen to them. Tap to learn more."
            )
        )
    for i in range(1, n_messages):
        ts += timedelta(seconds=rnd.randint(5, 360))
        r = rnd.random()
        sender = rnd.choice(_SENDERS)
        if r < 0.004:
            verb = "menambahkan" if indonesian else "added"
            out.append(system(f"Bu Sari {verb} {rnd.choice(_SENDERS[2:4])}"))
            continue
        head = _header(style, ts)
        if r < 0.05:
            if ios:
                body = f"{lrm}" + rnd.choice(
                    ["image omitted", "sticker omitted", "video omitted", "audio omitted"]
                    if not indonesian
                    else ["gambar tidak disertakan", "stiker tidak disertakan"]
                )
                out.append(f"{lrm}{head}{sender}: {body}")
            else:
                out.append(
                    f"{head}{sender}: "
                    + ("<Media tidak disertakan>" if indonesian else "<Media omitted>")
                )
            continue
        if r < 0.06:
            name = f"IMG-{ts:%Y%m%d}-WA{i % 10000:04d}.jpg"
            if ios:
                out.append(f"{lrm}{head}{sender}: {lrm}<attached: {name}>")
            else:
                word = "file terlampir" if indonesian else "file attached"
                out.append(f"{head}{sender}: {name} ({word})\nFoto kerusakan di halaman depan")
            continue
        if r < 0.07:
            text = "Pesan ini telah dihapus" if indonesian else "This message was deleted"
            out.append(f"{head}{sender}: {lrm}{text}{'.' if ios else ''}")
            continue
        if r < 0.15:
            text = rnd.choice(_MULTI)
        elif rnd.random() < (0.7 if indonesian else 0.3):
            text = rnd.choice(_LINES_ID)
        else:
            text = rnd.choice(_LINES_EN)
        if r > 0.985:
            marker = "<Pesan ini telah diedit>" if indonesian else "<This message was edited>"
            text += " \u200e" + marker
        out.append(f"{head}{sender}: {text}")
    out.append("")
    return "\n".join(out)


def write_whatsapp_export(
    path: str | Path, n_messages: int, *, seed: int = 0, style: str = "id-android"
) -> Path:
    """Write a synthetic export to ``path`` (UTF-8, LF) and return the path."""
    p = Path(path)
    p.write_text(generate_whatsapp_export(n_messages, seed=seed, style=style), encoding="utf-8")
    return p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1_000_000)
    ap.add_argument("--style", choices=STYLES, default="id-android")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", help="write the export here instead of timing the parser")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.out:
        write_whatsapp_export(args.out, args.n, seed=args.seed, style=args.style)
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from agencydesk.core.importers import parse_chat_bytes

    t0 = time.perf_counter()
    data = generate_whatsapp_export(args.n, seed=args.seed, style=args.style).encode("utf-8")
    print(
        f"generated {args.n:,} messages, {len(data) / 1e6:.1f} MB "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        chat = parse_chat_bytes(data, filename="bench.txt")
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = len(chat.messages)
    print(
        f"{chat.format}: {n:,} messages, {len(chat.participants)} participants; "
        f"best of {args.repeat}: {best:.2f} s wall = {n / best:,.0f} messages/s "
        f"({best_cpu:.2f} s CPU = {n / best_cpu:,.0f} messages/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
