"""Team desk benchmark: N desks (separate processes) working on one PostgreSQL database at once.

    AGENCYDESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/team.py [--scale full|quick|tiny] [--desks 10] [--seconds 60]
                                  [--pace 2] [--db SQLITE] [--keep]

A fresh database on the server in ``AGENCYDESK_BENCH_PG`` (or ``AGENCYDESK_TEST_PG``) is made
by the app's migrations (what ``server init`` runs) and filled by ``COPY`` with the demo desk of
``benchmarks/search.py`` scaled (full: 10,000 clients, 100,000 tickets, 1,000,000 messages;
quick: a tenth; tiny: a few thousand messages, for the test); the same desk is built in a SQLite
file for the search comparison. Then:

1. search, quiet: ``search_pg.py``'s timing of the Ctrl+K search (20 queries) on both engines;
2. the desks: each process opens the database as the app does, with its own engine, listener and
   subscriber (``_team_desk.py``, no Qt), and for ``--seconds`` reads (client and ticket pages,
   searches), edits client notes and ticket titles (half of the edits on three clients and three
   tickets that every desk edits, so saves collide), replies and imports small chats, with a
   pause of up to 2/``--pace`` s between actions. Measured:
   * propagation: from desk A's commit being done to desk B's subscriber receiving the change
     set naming the row, for every other desk B (``time.time()``: one clock on one machine);
     a row A committed that some desk never heard is counted as missed;
   * lost updates: an edit's value that was saved, later overwritten by a save whose form had
     not shown it, and is not the final value (no clock needed: every value is unique). With
     record versions in the app (``core.versions``) every such save must be an `EditConflict`
     instead (counted as conflicts caught; the desk then takes theirs or keeps its own);
     without them the desks save blindly, as the app did before, and the count says so;
3. import, quiet: ``import_pg.py``'s ``import_chat`` of one export (full: 100,000 messages) into
   the scaled database.

Last line: ``BENCH team desks=… propagate_p50_ms=… propagate_p95_ms=… lost_updates=…
conflicts_caught=… search_p95_ms_pg=… search_p95_ms_sqlite=… import_msgs_per_s_pg=…``. Goals:
propagation p95 < 1,000 ms, no lost update, search p95 on PostgreSQL < 30 ms (1M messages),
import ≥ 100,000 messages/s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _team_desk
import import_pg
import search as solo
import search_pg
from chat_parse_generator import generate_whatsapp_export

SCALES = {  # clients, tickets, messages, guides; chats per desk import and the quiet import
    "full": (solo.Sizes(10_000, 100_000, 1_000_000, 1_000), 1_000, 100_000),
    "quick": (solo.Sizes(1_000, 10_000, 100_000, 100), 300, 20_000),
    "tiny": (solo.Sizes(60, 300, 3_000, 20), 50, 2_000),
}
HOT_CLIENTS, HOT_TICKETS, FIRST_OWN = [2, 3, 4], [1, 2, 3], 10
GOALS = {"propagate_p95_ms": 1000.0, "search_p95_ms_pg": 30.0, "import_msgs_per_s_pg": 100_000}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--pace", type=float, default=2.0, help="actions per second per desk")
    parser.add_argument("--search-runs", type=int, default=3, help="quiet search rounds")
    parser.add_argument("--db", type=Path, help="the SQLite file: built if missing, else reused")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    return parser


def run_desks(url: str, args: argparse.Namespace, workdir: Path) -> list[dict[str, Any]]:
    """Start the desks, wait until each listens, run them from one moment, collect reports."""
    sizes, import_size, _quiet = SCALES[args.scale]
    context = multiprocessing.get_context("spawn")
    ready, start = context.Queue(), context.Queue()
    processes = []
    for desk in range(args.desks):
        config = {
            "desk": desk,
            "desks": args.desks,
            "url": url,
            "seed": 7,
            "clients": sizes.clients,
            "tickets": sizes.tickets,
            "hot_clients": HOT_CLIENTS,
            "hot_tickets": HOT_TICKETS,
            "first_own": FIRST_OWN,
            "queries": [text for _label, text in solo.QUERIES],
            "pace": args.pace,
            "imports": max(1, int(args.seconds // 15)),
            "import_size": import_size,
            "settle_s": 2.0,
        }
        out = str(workdir / f"desk{desk}.json")
        process = context.Process(
            target=_team_desk.desk_main, args=(config, ready, start, out), daemon=True
        )
        process.start()
        processes.append((process, out))
    for _ in processes:
        ready.get(timeout=300)
    start_at = time.time() + 0.5
    for _ in processes:
        start.put((start_at, start_at + args.seconds))
    reports = []
    for process, out in processes:
        process.join(args.seconds + 300)
        if process.exitcode != 0 or not Path(out).exists():
            raise SystemExit(f"a desk process failed (exit code {process.exitcode})")
        reports.append(json.loads(Path(out).read_text(encoding="utf-8")))
    return reports


def propagation(reports: Sequence[dict[str, Any]]) -> tuple[list[float], int]:
    """Milliseconds from each probe's commit to each other desk hearing it; probes missed."""
    latencies: list[float] = []
    missed = 0
    for sender in reports:
        for started, committed, row in sender["probes"]:
            for other in reports:
                if other is sender:
                    continue
                heard = [t for t in other["heard"].get(row, ()) if t >= started]
                if not heard:
                    missed += 1
                    continue
                latencies.append(max(0.0, min(heard) - committed) * 1000.0)
    return latencies, missed


def lost_updates(reports: Sequence[dict[str, Any]], url: str) -> tuple[int, int, list[str]]:
    """(lost, saves) over every edited row, and a few examples of lost values."""
    from sqlmodel import Session

    from agencydesk.core import migrate
    from agencydesk.core.models import Client, Ticket

    saves: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for report in reports:
        for save in report["saves"]:
            saves[save["row"]].append(save)
    engine = migrate.open_database(url)
    lost: list[str] = []
    try:
        with Session(engine) as session:
            for row, made in saves.items():
                kind, row_id = row.split(":")
                model: Any = Client if kind == "client" else Ticket
                stored = session.get(model, int(row_id))
                final = getattr(stored, "notes" if kind == "client" else "title")
                seen = {save["seen"] for save in made}
                lost += [
                    f"{row} {save['wrote']!r}"
                    for save in made
                    if save["wrote"] != final and save["wrote"] not in seen
                ]
    finally:
        engine.dispose()
    return len(lost), sum(len(made) for made in saves.values()), lost[:3]


def quiet_import(url: str, messages: int) -> float:
    """Messages per second of one `import_chat` of *messages* into the scaled database."""
    from agencydesk.core import migrate
    from agencydesk.core.importers import parse_chat_text

    text = generate_whatsapp_export(messages, seed=1, style="id-android")
    parsed = parse_chat_text(text, filename="WhatsApp Chat with Bu Sari.txt")
    engine = migrate.open_database(url)
    try:
        seconds, new = import_pg.time_import(engine, parsed)
    finally:
        engine.dispose()
    return new / seconds


def quiet_search(url: str, sqlite_path: Path, runs: int) -> dict[str, dict[str, Any]]:
    from agencydesk.core import migrate
    from agencydesk.core.db import sqlite_url

    timed = {}
    for name, address in (("pg", url), ("sqlite", sqlite_url(sqlite_path))):
        engine = migrate.open_database(address)
        try:
            timed[name] = search_pg.time_searches(engine, runs, 10)
        finally:
            engine.dispose()
    return timed


def _pct(values: Sequence[float], fraction: float) -> float:
    return solo.percentile(values, fraction) if values else float("nan")


def summary(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    timings: dict[str, list[float]] = defaultdict(list)
    imported = [item for report in reports for item in report["imported"]]
    for report in reports:
        for kind, values in report["timings"].items():
            timings[kind] += values
    return {
        "timings": timings,
        "imported": sum(new for new, _s in imported),
        "import_s": sum(seconds for _new, seconds in imported),
        "imports": len(imported),
        "conflicts": sum(report["conflicts"] for report in reports),
        "versioned": all(report["versioned"] for report in reports),
        "errors": [error for report in reports for error in report["errors"]],
        "probes": sum(len(report["probes"]) for report in reports),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    server = search_pg.server_url()
    sizes, _import_size, quiet_messages = SCALES[args.scale]
    workdir = Path(tempfile.mkdtemp(prefix="agencydesk-bench-team-"))
    print(f"scale {args.scale}: {sizes.describe()}; {args.desks} desks, {args.seconds:g} s")
    print(f"before: {solo._load()}", flush=True)
    try:
        names = argparse.Namespace(
            db=args.db, quick=False, messages=sizes.messages, clients=sizes.clients,
            tickets=sizes.tickets, guides=sizes.guides,
        )  # fmt: skip
        sqlite_path, _sizes = solo.prepare_database(names, workdir)
        with search_pg.scratch_database(server, "agencydesk_bench_team", args.keep) as url:
            print(f"building it on PostgreSQL (migrations, COPY): {sizes.describe()}", flush=True)
            print(f"built in {search_pg.build_pg(url, sizes):.1f} s", flush=True)
            searched = quiet_search(url, sqlite_path, args.search_runs)
            print(f"desks working: {solo._load()}", flush=True)
            reports = run_desks(url, args, workdir)
            load_after_run = solo._load()
            latencies, missed = propagation(reports)
            lost, saves, examples = lost_updates(reports, url)
            import_rate = quiet_import(url, quiet_messages)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    run = summary(reports)
    print(f"after the desks: {load_after_run}")
    for kind, values in sorted(run["timings"].items()):
        print(
            f"{kind:<8} under load: {len(values):>5} × p50 {_pct(values, 0.5):7.1f} ms "
            f"p95 {_pct(values, 0.95):7.1f} ms"
        )
    if run["import_s"]:
        print(
            f"imports under load: {run['imports']} chats, {run['imported']:,} messages, "
            f"{run['imported'] / run['import_s']:,.0f} msgs/s"
        )
    print(
        f"propagation: {run['probes']} commits × {args.desks - 1} other desks, "
        f"{len(latencies)} heard, {missed} never heard; max {max(latencies, default=0):.0f} ms"
    )
    how = (
        "versions: conflicting saves caught"
        if run["versioned"]
        else "NO record versions in the app yet: desks save blindly"
    )
    print(f"edits saved: {saves}; conflicts caught: {run['conflicts']}; lost updates: {lost}")
    print(f"  ({how})")
    for example in examples:
        print(f"  lost: {example}")
    for error in run["errors"][:5]:
        print(f"  desk error: {error}")
    if run["errors"]:
        print(f"desk errors: {len(run['errors'])}")
    pg, sqlite = searched["pg"], searched["sqlite"]
    figures = {
        "propagate_p50_ms": _pct(latencies, 0.5),
        "propagate_p95_ms": _pct(latencies, 0.95),
        "search_p95_ms_pg": pg["p95"],
        "import_msgs_per_s_pg": import_rate,
    }
    for key, goal in GOALS.items():
        met = figures[key] >= goal if key.startswith("import") else figures[key] < goal
        print(f"{key}={figures[key]:.1f} goal {goal:g}: {'ok' if met else 'MISSED'}")
    print(
        f"BENCH team desks={args.desks} propagate_p50_ms={figures['propagate_p50_ms']:.1f} "
        f"propagate_p95_ms={figures['propagate_p95_ms']:.1f} lost_updates={lost} "
        f"conflicts_caught={run['conflicts']} search_p95_ms_pg={pg['p95']:.1f} "
        f"search_p95_ms_sqlite={sqlite['p95']:.1f} import_msgs_per_s_pg={import_rate:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
