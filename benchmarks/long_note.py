"""Long-note benchmark: choosing a client whose notes hold 1.2 MB (pasted before notes had a limit).

Builds the demo desk in a temporary folder, gives one client a 1.2 MB note, and times on the GUI
thread (offscreen), median of ``--runs``, the baseline and the app interleaved:

- ``baseline``: what the detail pane did before, the whole note set into its word-wrapped label
  and laid out (the time the window was frozen whenever the client was chosen, and at start-up
  when that client came first);
- ``detail``: `ClientDetailView.show_client` now (the note's start and "Show all notes"), laid out,
  coming from the client before it in a pane already on screen (the same for the baseline);
- ``viewer_first``: opening "Show all notes" until its window shows the first piece;
- ``viewer_longest_step``: the longest stretch the window did not answer while the viewer filled
  in the whole note (each step is one piece of `long_text.CHUNK_CHARS`).

    python benchmarks/long_note.py [--runs 3] [--size 1200000]

The last line is machine-readable:
``BENCH long_note baseline_ms=… detail_ms=… speedup=… viewer_first_ms=… viewer_longest_step_ms=…
note_bytes=…`` (one line).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def long_note(size: int) -> str:
    random.seed(7)
    words = [
        "website",
        "hosting",
        "domain",
        "email",
        "katering",
        "menu",
        "harga",
        "pesanan",
        "tolong",
        "bulan",
    ]
    lines = [" ".join(random.choice(words) for _ in range(12)) for _ in range(size // 70 + 1)]
    return "\n".join(lines)[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_200_000)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from agencydesk.core import demo, migrate
    from agencydesk.core.db import session_scope, sqlite_url
    from agencydesk.qt.clients.client_detail import ClientDetailView
    from agencydesk.qt.common.labels import plain_label
    from agencydesk.qt.common.long_text import TextViewerDialog, is_filling

    app = QApplication.instance() or QApplication(sys.argv[:1])
    workdir = Path(tempfile.mkdtemp(prefix="agencydesk-bench-"))
    try:
        engine = migrate.open_database(sqlite_url(workdir / "desk.sqlite3"))
        with session_scope(engine) as session:
            client_id = demo.load_demo(session=session)["bambang"]
        note = long_note(args.size)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE client SET notes = :note WHERE id = :id"),
                {"note": note, "id": client_id},
            )

        label = plain_label(selectable=True)
        label.resize(360, 200)
        label.show()
        view = ClientDetailView(engine)
        view.resize(420, 700)
        view.show()
        other_id = client_id - 1

        def baseline() -> float:
            label.setText("–")
            label.adjustSize()
            app.processEvents()
            start = time.perf_counter()
            label.setText(note)
            label.adjustSize()
            app.processEvents()
            took = time.perf_counter() - start
            label.setText("–")  # a huge label on screen slows down whatever is timed next
            app.processEvents()
            return took

        def detail() -> float:
            view.show_client(other_id)  # chosen before, as when going down the list
            app.processEvents()
            start = time.perf_counter()
            view.show_client(client_id)
            app.processEvents()
            return time.perf_counter() - start

        def viewer() -> tuple[float, float]:
            start = time.perf_counter()
            dialog = TextViewerDialog("Notes", note)
            dialog.show()
            app.processEvents()
            first = time.perf_counter() - start
            longest, last = 0.0, time.perf_counter()
            while is_filling(dialog.text):
                app.processEvents()
                now = time.perf_counter()
                longest, last = max(longest, now - last), now
            dialog.deleteLater()
            return first, longest

        baselines, details, firsts, steps = [], [], [], []
        for _ in range(args.runs):
            baselines.append(baseline())
            details.append(detail())
            first, step = viewer()
            firsts.append(first)
            steps.append(step)
        view.deleteLater()
        label.deleteLater()
        engine.dispose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    ms = {
        name: statistics.median(values) * 1000
        for name, values in (
            ("baseline", baselines),
            ("detail", details),
            ("viewer_first", firsts),
            ("viewer_longest_step", steps),
        )
    }
    print(
        f"note: {len(note.encode()):,} bytes, {note.count(chr(10)) + 1:,} lines; {args.runs} runs"
    )
    for name, value in ms.items():
        print(f"  {name:>20}: {value:8.1f} ms")
    print(
        f"BENCH long_note baseline_ms={ms['baseline']:.0f} detail_ms={ms['detail']:.1f} "
        f"speedup={ms['baseline'] / ms['detail']:.0f} viewer_first_ms={ms['viewer_first']:.1f} "
        f"viewer_longest_step_ms={ms['viewer_longest_step']:.1f} note_bytes={len(note.encode())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
