"""Small WhatsApp exports written for a test, where a fixture file would hide what they hold."""

from __future__ import annotations

from pathlib import Path


def conversations_the_client_ended(folder: Path, days: int = 3) -> Path:
    """An Android export of *days* conversations a day apart: Bu Sari asks, Rudi answers, she
    thanks him last (so each, split at gaps, waits on us). Titled "Tolong cek halaman N"."""
    lines = []
    for day in range(1, days + 1):
        lines += [
            f"{day:02}/03/25 09.00 - Bu Sari: Mas, tolong cek halaman {day}",
            f"{day:02}/03/25 09.05 - Rudi: Siap, sudah",
            f"{day:02}/03/25 09.07 - Bu Sari: Makasih mas",
        ]
    export = folder / "WhatsApp Chat with Bu Sari.txt"
    export.write_text("\n".join(lines) + "\n", "utf-8")
    return export
