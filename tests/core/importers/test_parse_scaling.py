"""Parsing time grows with the export, never with its square: a pasted log or a minified JSON
error in one message used to make an export of a few hundred KB take seconds to minutes."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from agencydesk.core.importers import parse_chat_text

ROUNDS = 5
GROWTH = 4
#: an export *GROWTH* times bigger may take at most this many times as long: linear parsing
#: takes about 4-5 times as long (caches), quadratic 16; the rest is room for a busy machine
GROWTH_BOUND = 8.0


def _medians(make: Callable[[int], str], size: int) -> tuple[float, float]:
    """Median parse times of the export made for *size* and for *GROWTH* times *size*. The two
    are measured turn about, so a load on the machine weighs on both alike."""
    small, big = make(size), make(GROWTH * size)
    times: dict[str, list[float]] = {"small": [], "big": []}
    for _ in range(ROUNDS):
        for name, text in (("small", small), ("big", big)):
            start = time.perf_counter()
            parse_chat_text(text)
            times[name].append(time.perf_counter() - start)
    return statistics.median(times["small"]), statistics.median(times["big"])


def _assert_linear(make: Callable[[int], str], size: int, limit_s: float) -> None:
    small, big = _medians(make, size)
    assert big < limit_s, f"{len(make(GROWTH * size)) // 1000} KB took {big:.2f} s"
    assert big < GROWTH_BOUND * small, f"{GROWTH}× the export took {big / small:.1f}× the time"


def _whatsapp_with_a_pasted_log(size: int) -> str:
    """*size* ordinary messages, then one whose first line holds *size* ": " (a pasted log),
    from someone who writes nothing else: whether "Budi" is the sender or only the start of it
    ("Budi: Error", a name with ": " in it) is open."""
    ordinary = "".join(
        f"12/01/2024, 09:{i % 60:02d} - {'Ratna' if i % 2 else 'Andi'}: pesan biasa nomor {i}\n"
        for i in range(size)
    )
    log_line = " ".join(f"k{i}: v{i}" for i in range(size))
    return (
        ordinary + f"12/01/2024, 10:00 - Budi: Error: {log_line}\n12/01/2024, 10:01 - Ratna: Ok\n"
    )


def test_whatsapp_first_line_full_of_colons_parses_in_linear_time() -> None:
    chat = parse_chat_text(_whatsapp_with_a_pasted_log(50))
    assert [m.sender for m in chat.messages[-2:]] == ["Budi", "Ratna"]
    assert chat.messages[-2].text.startswith("Error: k0: v0 k1: v1")
    _assert_linear(_whatsapp_with_a_pasted_log, 2_500, limit_s=1.5)


def _line_with_a_long_message(size: int) -> str:
    """A LINE export whose first message goes on for *size* more lines."""
    more = "\n".join(f"baris {i} dari log yang ditempel" for i in range(size))
    return (
        "[LINE] Chat history with Bu Sari\nSaved on: 2024/01/16 10:00\n\n2024/01/15(Mon)\n"
        f"09:30\tBu Sari\tMas, webnya error:\n{more}\n09:31\tAndi\tOke\n"
    )


def test_line_message_of_many_lines_parses_in_linear_time() -> None:
    chat = parse_chat_text(_line_with_a_long_message(3))
    assert chat.messages[0].text == (
        "Mas, webnya error:\nbaris 0 dari log yang ditempel\nbaris 1 dari log yang ditempel\n"
        "baris 2 dari log yang ditempel"
    )
    _assert_linear(_line_with_a_long_message, 10_000, limit_s=1.5)


def test_a_long_run_of_impossible_headers_is_folded_in_linear_time(tmp_path: Path) -> None:
    """Lines whose header has an impossible date go with the message before them; they were
    added to it one by one, copying the growing message each time (80,000 of them: 11 s)."""
    from agencydesk.core.importers import parse_chat_file

    good = "".join(f"01/02/24 09.{n % 60:02d} - Ibu Ratna: pesan {n}\n" for n in range(80_000))
    odd = "".join(f"45/13/24 09.{n % 60:02d} - Ibu Ratna: aneh {n}\n" for n in range(79_990))
    path = tmp_path / "WhatsApp Chat with Ibu Ratna.txt"
    path.write_text(good + odd, encoding="utf-8")
    started = time.perf_counter()
    chat = parse_chat_file(path)
    assert time.perf_counter() - started < 3.0
    assert len(chat.messages) == 80_000
    assert chat.messages[-1].text.count("\n") == 79_990  # every odd line kept, in the last one
