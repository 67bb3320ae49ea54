"""Client report benchmark: the report of a very busy client, content and PDF.

Builds (bulk inserts) a database with one client who has ``--tickets`` requests (1,000) with
``--messages`` conversation lines among them (20,000; every twentieth an internal note), a time
entry per request, guides sent, ``--orders`` orders (50), and a referral cascade of
``--cascade`` clients below them (200, up to six generations, each with an order or two). Then
times the full report, every section on (conversation excerpts and "Your referrals" included),
for the whole year: `build_report_content` plus `render_report_pdf`, median of ``--runs`` fresh
runs (a new Session, document and file each time) in one process. Goal: under 3 s.

    python benchmarks/report.py [--tickets 1000] [--messages 20000] [--orders 50]
                                [--cascade 200] [--runs 5] [--seed 6] [--profile]

The baseline, in the same run: ``baseline_s``, Qt writing the same text as one plain
QTextDocument to PDF with its own pagination (`QTextDocument.print_`): no tables, no charts,
no header or footer (the list of requests, an object in the report's HTML, is given as the text
its rows show, a line a cell or message, as when it was an HTML table). Goal: ``report_s``
(content and PDF) at most 1.5 times ``baseline_s``.
For reference, ``qt_print_s``: the report's own document (same HTML, fonts and pictures)
paginated and printed by Qt instead of by `pagination.py` (no running header, no kept rows): what
the report would cost without its own pagination. Rounds alternate (report, baseline, Qt print),
so a busy machine slows all three alike; each figure is a median. ``--profile`` prints where one
more PDF spends its time (Qt's calls: parse ``setHtml``, lay out ``documentSize``, paint
``draw``, write ``newPage``), to stderr. The last line is machine-readable:
``BENCH report pages=… report_s=… baseline_s=… vs_baseline=… seconds=… baseline_seconds=…
content_seconds=… pdf_seconds=… qt_print_s=… load=…`` (``seconds`` and ``baseline_seconds`` are
``report_s`` and ``baseline_s`` under their earlier names).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import migrate
from agencydesk.core.db import session_scope, sqlite_url
from agencydesk.core.models import (
    Client,
    Guide,
    GuideSend,
    Message,
    Order,
    Ticket,
    TimeEntry,
)
from agencydesk.reports.content import (
    ReportContent,
    ReportOptions,
    build_report_content,
)
from agencydesk.reports.html_parts import ReportHtml

_SAMPLE = (
    "website error tidak bisa login gambar menu harga promo tolong bantu mas sudah "
    "saya coba lagi halaman kontak formulir hosting domain email masuk spam bisa "
    "terima kasih banyak nanti saya kirim screenshot langkah pelan-pelan ya"
)
WORDS = tuple(_SAMPLE.split())


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def build(engine: Engine, args: argparse.Namespace, rng: random.Random) -> int:
    """The busy client and everything around them; returns their id."""
    now = datetime.now(UTC)
    year_start = datetime(now.year, 1, 1, tzinfo=UTC)
    span = (now - year_start).total_seconds() - 3600
    with session_scope(engine) as session:
        root = Client(name="Ibu Sibuk Sekali", company="Katering Sibuk", city="Makassar")
        session.add(root)
        session.flush()
        assert root.id is not None
        root_id = root.id
        guide = Guide(title="Cara mengganti foto menu (langkah kecil)", body="…")
        session.add(guide)
        session.flush()
        guide_id = guide.id
    connection = engine.connect()
    with connection.begin():
        opened = sorted(
            year_start + timedelta(seconds=rng.uniform(0, span)) for _ in range(args.tickets)
        )
        ticket_rows = []
        for i, created in enumerate(opened):
            resolved = created + timedelta(hours=rng.uniform(1, 72))
            done = resolved < now and rng.random() < 0.85
            ticket_rows.append(
                {
                    "client_id": root_id,
                    "title": f"{_sentence(rng, 3, 9)} (#{i + 1})",
                    "status": "resolved" if done else "open",
                    "priority": 2,
                    "channel": "whatsapp",
                    "created_at": created,
                    "updated_at": created,
                    "status_changed_at": resolved if done else created,
                    "first_response_at": created + timedelta(minutes=rng.uniform(5, 240)),
                    "resolved_at": resolved if done else None,
                }
            )
        connection.execute(sa.insert(Ticket), ticket_rows)
        ticket_ids = [
            row[0]
            for row in connection.execute(
                sa.select(Ticket.id).where(Ticket.client_id == root_id).order_by(Ticket.id)
            )
        ]
        per_ticket = max(1, args.messages // max(1, len(ticket_ids)))
        message_rows = []
        for ticket_id, created in zip(ticket_ids, opened, strict=True):
            for line in range(per_ticket):
                message_rows.append(
                    {
                        "client_id": root_id,
                        "ticket_id": ticket_id,
                        "sent_at": created + timedelta(minutes=7 * line),
                        "from_me": line % 2 == 1,
                        "sender": "",
                        "kind": "note" if line % 20 == 19 else "message",
                        "body": _sentence(rng, 4, 40),
                        "flags": "",
                        "source": "typed",
                        "created_at": created,
                    }
                )
        connection.execute(sa.insert(Message), message_rows)
        connection.execute(
            sa.insert(TimeEntry),
            [
                {
                    "ticket_id": ticket_id,
                    "started_at": created + timedelta(hours=1),
                    "ended_at": created + timedelta(hours=1, minutes=30),
                    "seconds": rng.randint(5, 90) * 60,
                    "billable": True,
                    "note": "",
                }
                for ticket_id, created in zip(ticket_ids, opened, strict=True)
            ],
        )
        connection.execute(
            sa.insert(GuideSend),
            [
                {
                    "guide_id": guide_id,
                    "client_id": root_id,
                    "ticket_id": ticket_ids[i],
                    "sent_at": opened[i] + timedelta(hours=2),
                    "text": "",
                }
                for i in range(0, len(ticket_ids), 25)
            ],
        )
        # the cascade: up to six generations below the root, each client with an order or two
        parents = [root_id]
        generation = {root_id: 0}
        started = {root_id: date(now.year - 3, 1, 10)}
        order_rows = []
        for _ in range(args.cascade):
            candidates = [p for p in parents if generation[p] < 6]
            parent = rng.choice(candidates[-40:] if rng.random() < 0.7 else candidates)
            joined = started[parent] + timedelta(days=rng.randint(10, 120))
            joined = min(joined, now.date() - timedelta(days=1))
            result = connection.execute(
                sa.insert(Client).values(
                    name=f"{rng.choice(['Ibu', 'Pak', 'Mbak', 'Mas'])} {_sentence(rng, 1, 2)}",
                    introduced_by_id=parent,
                    first_contact=joined,
                    introduced_on=joined,
                    created_at=now,
                    updated_at=now,
                )
            )
            client_id = int(result.inserted_primary_key[0])
            parents.append(client_id)
            generation[client_id] = generation[parent] + 1
            started[client_id] = joined
            for _order in range(rng.randint(1, 2)):
                paid = joined + timedelta(days=rng.randint(5, 60))
                order_rows.append(
                    {
                        "client_id": client_id,
                        "title": "Website " + _sentence(rng, 1, 3),
                        "amount": rng.randint(5, 120) * 100_000,
                        "currency": "IDR",
                        "status": "paid" if paid < now.date() else "won",
                        "quoted_on": joined,
                        "won_on": joined,
                        "paid_on": paid if paid < now.date() else None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        for i in range(args.orders):
            quoted = date(now.year, 1, 1) + timedelta(days=rng.randint(0, 300))
            quoted = min(quoted, now.date())
            status = rng.choice(("paid", "paid", "won", "quoted"))
            paid = min(quoted + timedelta(days=20), now.date())
            order_rows.append(
                {
                    "client_id": root_id,
                    "title": f"Pekerjaan {i + 1}: {_sentence(rng, 2, 6)}",
                    "amount": rng.randint(2, 90) * 250_000,
                    "currency": "IDR",
                    "status": status,
                    "quoted_on": quoted,
                    "won_on": quoted if status != "quoted" else None,
                    "paid_on": paid if status == "paid" else None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        connection.execute(sa.insert(Order), order_rows)
    connection.close()
    return root_id


def _profile(work: Callable[[], Any]) -> None:
    """Where *work* spends its time: the calls that took longest, themselves, to stderr."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(work)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print(out.getvalue(), file=sys.stderr)


def _plain_text(report: ReportHtml) -> str:
    """The report's text as Qt reads it from the HTML (a line a paragraph or table cell), with
    the list of requests (an object there) replaced by its text: each row's cells and messages
    a line each, as when the list was an HTML table."""
    from PySide6.QtGui import QTextDocument

    from agencydesk.reports.request_table import REQUEST_LIST

    text_doc = QTextDocument()
    text_doc.setHtml(report.html)
    lines = []
    block = text_doc.begin()
    while block.isValid():
        char_format = block.begin().fragment().charFormat()
        if char_format.toImageFormat().name() == REQUEST_LIST and report.requests is not None:
            lines.append(report.requests.plain_text())
        else:
            lines.append(block.text().replace("\u00a0", " "))
        block = block.next()
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--orders", type=int, default=50)
    parser.add_argument("--cascade", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--profile", action="store_true", help="where one more PDF spends its time")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    from agencydesk.reports.pdf import ensure_gui_application, render_report_pdf

    ensure_gui_application()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        engine = migrate.open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        started = time.perf_counter()
        root_id = build(engine, args, rng)
        print(f"built the database in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        today = date.today()
        options = ReportOptions(date(today.year, 1, 1), today, "id", excerpts=True, referrals=True)
        runs = iter(range(10**6))

        def content() -> ReportContent:
            with Session(engine) as session:
                return build_report_content(session=session, client_id=root_id, options=options)

        def full_report() -> tuple[int, float, float]:
            begin = time.perf_counter()
            report = content()
            middle = time.perf_counter()
            pages = render_report_pdf(report, Path(folder) / f"report-{next(runs)}.pdf")
            return pages, middle - begin, time.perf_counter() - middle

        report = content()
        summary = report.summary
        referrals = report.referrals
        print(
            f"{len(report.tickets)} requests, {summary.tickets_opened} opened, "
            f"{sum(len(t.excerpts) for t in report.tickets)} excerpt lines, "
            f"{len(report.orders)} orders, "
            f"{referrals.referred if referrals else 0} clients in the cascade",
            file=sys.stderr,
        )

        # the baseline: the same text, one plain document, Qt's own pagination
        from agencydesk.reports import template
        from agencydesk.reports.pdf import PAPERS, RESOLUTION, build_document

        text = _plain_text(template.render_report_html(report))

        def baseline() -> int:
            writer = QPdfWriter(str(Path(folder) / f"plain-{next(runs)}.pdf"))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)
            doc.setPlainText(text)
            doc.setPageSize(QSizeF(writer.width(), writer.height()))
            doc.print_(writer)
            return doc.pageCount()

        def qt_print() -> int:
            """The report's document, paginated and printed by Qt rather than by us."""
            writer = QPdfWriter(str(Path(folder) / f"qt-{next(runs)}.pdf"))
            writer.setResolution(RESOLUTION)
            writer.setPageSize(QPageSize(PAPERS["a4"]))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            doc, _html = build_document(report, writer, "a4")
            doc.setPageSize(QSizeF(writer.width(), writer.height()))
            doc.print_(writer)
            return doc.pageCount()

        times: list[float] = []
        parts: list[tuple[float, float]] = []
        baseline_times: list[float] = []
        qt_times: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            pages, content_s, pdf_s = full_report()
            times.append(time.perf_counter() - started)
            parts.append((content_s, pdf_s))
            started = time.perf_counter()
            baseline_pages = baseline()
            baseline_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            qt_pages = qt_print()
            qt_times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        content_s = statistics.median(part[0] for part in parts)
        pdf_s = statistics.median(part[1] for part in parts)
        baseline_s = statistics.median(baseline_times)
        qt_print_s = statistics.median(qt_times)
        if args.profile:
            _profile(lambda: render_report_pdf(report, Path(folder) / "profiled.pdf"))
        engine.dispose()
    load = os.getloadavg()[0]
    print(
        f"full report {seconds:.2f} s ({pages} pages): content {content_s:.2f} s, "
        f"PDF {pdf_s:.2f} s; plain text to PDF {baseline_s:.2f} s ({baseline_pages} pages); "
        f"the report's document printed by Qt {qt_print_s:.2f} s ({qt_pages} pages); "
        f"load {load:.2f}",
        file=sys.stderr,
    )
    print(
        f"BENCH report pages={pages} report_s={seconds:.2f} baseline_s={baseline_s:.2f} "
        f"vs_baseline={seconds / baseline_s:.2f} seconds={seconds:.2f} "
        f"baseline_seconds={baseline_s:.2f} content_seconds={content_s:.2f} "
        f"pdf_seconds={pdf_s:.2f} qt_print_s={qt_print_s:.2f} load={load:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
