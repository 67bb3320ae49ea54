"""List benchmark: the Tickets page on a desk of 100,000 tickets, against the SQL under it.

Builds the start-up benchmark's desk (``--clients`` clients, ``--tickets`` tickets; or takes
``--db``), shows the Tickets page (offscreen, 1300×800, "All tickets") and times on the GUI
thread, median of ``--runs``, each figure beside its floor measured in turns with it:

- ``refresh``: the list read again and drawn, a ticket near the top chosen (what every change
  notification costs; a list this long is counted and its top page read in a worker); floor
  ``page_sql``: the core call for its first page alone (the count and the list's top 200,
  sorted by the database), no model, no drawing; ``refresh_stall``: the longest the window
  stopped answering meanwhile;
- ``far_first``: choosing the oldest ticket just after a refresh (from search or a link: the
  list's ids are read in order in a worker, then the pages around it, and it is drawn with its
  detail pane), until it shows; floor ``ids_sql``: the core call for the ids alone;
  ``far_first_stall``: the longest the window stopped answering meanwhile (the GUI thread
  busy: a timer's ticks 2 ms apart came that much later);
- ``far_next``: choosing another ticket far down, the ids already read;
- ``refresh_far``: the list read again while a ticket far down is chosen, until it is chosen
  again (the top page is read, then where the ticket stands, in a worker);
  ``refresh_far_stall``: the longest the window stopped answering meanwhile;
- ``scroll_step``: the scroll bar dragged to somewhere else in the list, drawn (after the first
  jump of a refresh, which reads the ids).

    python benchmarks/lists.py [--clients 10000] [--tickets 100000] [--runs 5] [--db PATH]
                               [--url postgresql+psycopg://USER@HOST/DB]

``--url``: a team desk on a PostgreSQL server instead (``agencydesk server move`` a desk made with
``startup.py --keep`` into it first).

The last line is machine-readable: ``BENCH lists engine=… tickets=… refresh_ms=… page_sql_ms=…
refresh_vs_floor=… refresh_stall_ms=… far_first_ms=… ids_sql_ms=… far_first_vs_floor=…
far_first_stall_ms=… far_next_ms=… refresh_far_ms=… refresh_far_stall_ms=… scroll_step_ms=…``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import startup


def _ms(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="a desk made before (startup.py --keep)")
    parser.add_argument("--url", help="a team desk on a PostgreSQL server")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlmodel import Session, func, select

    from agencydesk.core import tickets
    from agencydesk.core.db import make_engine, sqlite_url
    from agencydesk.core.models import Ticket
    from agencydesk.qt.tickets.tickets_page import TicketsPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="agencydesk-bench-lists-") as folder:
        path = args.db or Path(folder) / "lists.sqlite3"
        if args.db is None and args.url is None:
            built = startup.build_database(path, args.clients, args.tickets)
            print(f"built {built.tickets} tickets in {built.built_s or 0:.1f} s", file=sys.stderr)
        engine = make_engine(args.url or sqlite_url(path))
        with Session(engine) as session:
            ids = list(session.exec(select(Ticket.id).order_by(Ticket.created_at)))
            total = session.exec(select(func.count()).select_from(Ticket)).one()
        oldest, far = ids[0], ids[len(ids) // 3]

        def until_read(action: Callable[[], object]) -> None:
            """*action*, then the window waits for events (as a user's does) until the list,
            read in a worker, is shown."""
            read = QEventLoop()
            page.model.modelReset.connect(read.quit)
            action()
            QTimer.singleShot(30_000, read.quit)
            read.exec()
            page.model.modelReset.disconnect(read.quit)

        page = TicketsPage(engine)
        page.resize(1300, 800)
        page.show()
        # All tickets (the first reading, under way, is dropped for this one)
        until_read(lambda: page.status_filter.setCurrentIndex(page.status_filter.count() - 1))
        table, bar = page.table, page.table.verticalScrollBar()

        def drawn() -> None:
            app.processEvents()
            table.viewport().repaint()

        ticks = [time.perf_counter(), 0.0]  # the last tick, the longest gap since reset

        def tick() -> None:
            now = time.perf_counter()
            ticks[1] = max(ticks[1], now - ticks[0])
            ticks[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(tick)
        heartbeat.start()

        def until_chosen(ticket_id: int) -> None:
            """The window waits for events (as a user's does) until *ticket_id* is chosen: a
            ticket far down is found in a worker."""
            if page.current_ticket_id() != ticket_id:
                waiting = QEventLoop()
                page.list.current_changed.connect(waiting.quit)
                QTimer.singleShot(30_000, waiting.quit)
                waiting.exec()
                page.list.current_changed.disconnect(waiting.quit)

        def refresh() -> None:
            chosen = page.current_ticket_id()
            ticks[:] = [time.perf_counter(), 0.0]
            until_read(page.list.refresh)  # the list is read again in a worker
            if chosen is not None:
                until_chosen(chosen)
            drawn()

        def page_sql() -> None:
            with Session(engine) as session:
                tickets.count_tickets(session=session)
                tickets.list_tickets(session=session, limit=200)

        def ids_sql() -> None:
            with Session(engine) as session:
                tickets.ticket_ids(session=session)

        def choose(ticket_id: int) -> Callable[[], None]:
            def work() -> None:
                ticks[:] = [time.perf_counter(), 0.0]
                assert page.select_ticket(ticket_id)
                until_chosen(ticket_id)
                drawn()

            return work

        drawn()
        figures: dict[str, list[float]] = {
            name: []
            for name in (
                "refresh", "refresh_stall", "page_sql", "far_first", "ids_sql", "far_first_stall",
                "far_next", "refresh_far", "refresh_far_stall", "scroll_step",
            )
        }  # fmt: skip
        for run in range(args.runs):
            # back at the top for a while: a read there reads no ids (after working far down,
            # the next read starts with them)
            page.list.select_row(0)
            refresh()  # (the list read in a worker, while the model holds rows far down)
            figures["page_sql"].append(_ms(page_sql))
            figures["refresh"].append(_ms(refresh))
            figures["refresh_stall"].append(ticks[1] * 1000)
            figures["ids_sql"].append(_ms(ids_sql))
            figures["far_first"].append(_ms(choose(oldest)))
            figures["far_first_stall"].append(ticks[1] * 1000)
            assert page.current_ticket_id() == oldest
            figures["far_next"].append(_ms(choose(far + run)))
            figures["refresh_far"].append(_ms(refresh))
            figures["refresh_far_stall"].append(ticks[1] * 1000)
            assert page.current_ticket_id() == far + run
            for step in range(1, 6):
                bar.setValue(bar.maximum() * step // 7)
                figures["scroll_step"].append(_ms(drawn))
        heartbeat.stop()
        page.close()
        engine_name = engine.dialect.name
        engine.dispose()

    median = {name: statistics.median(values) for name, values in figures.items()}
    for name, value in median.items():
        print(f"{name:12} median {value:7.1f} ms", file=sys.stderr)
    print(
        f"BENCH lists engine={engine_name} tickets={total} refresh_ms={median['refresh']:.1f} "
        f"page_sql_ms={median['page_sql']:.1f} "
        f"refresh_vs_floor={median['refresh'] / median['page_sql']:.2f} "
        f"refresh_stall_ms={median['refresh_stall']:.1f} "
        f"far_first_ms={median['far_first']:.1f} ids_sql_ms={median['ids_sql']:.1f} "
        f"far_first_vs_floor={median['far_first'] / median['ids_sql']:.2f} "
        f"far_first_stall_ms={median['far_first_stall']:.1f} "
        f"far_next_ms={median['far_next']:.1f} refresh_far_ms={median['refresh_far']:.1f} "
        f"refresh_far_stall_ms={median['refresh_far_stall']:.1f} "
        f"scroll_step_ms={median['scroll_step']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
