"""Start-up benchmark: how long until the desk is on screen, and until the client list shows.

Builds a database with 10,000 clients (and 100,000 tickets once the data core has a ``Ticket``
table), then times three kinds of fresh process, interleaved, median of ``--runs``:

- ``bare``: a bare PySide6 ``QMainWindow`` shown (the floor no Qt app can beat);
- ``shown``: ``python -m agencydesk --db DB`` with ``AGENCYDESK_STARTUP_PROBE=shown``;
- ``populated``: the same with ``AGENCYDESK_STARTUP_PROBE=populated`` (database migrated, daily
  backup checked, first rows of the client list shown).

Each time is the parent's wall clock from just before ``subprocess.Popen`` to the moment it reads
the child's ``PROBE …`` line. Every child runs offscreen with its own temporary XDG folders, so
settings and logs never touch yours; all share the one database file. Children write and read
bytecode in a private ``PYTHONPYCACHEPREFIX`` (filled by the untimed warm-up runs), so they start
the way an installed app does even where ``PYTHONDONTWRITEBYTECODE`` is set, and without writing
``__pycache__`` folders into the source tree.

    python benchmarks/startup.py [--runs 5] [--clients 10000] [--tickets 100000]
                                 [--db PATH] [--keep]

The last line is machine-readable:
``BENCH startup bare_ms=… shown_ms=… populated_ms=… shown_ratio=… populated_ratio=…
clients=… tickets=…`` (one line).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

TIMEOUT_S = 30.0
SHOWN_GOAL = 1.3  # shown within 1.3x bare (#17: build what is not seen after the first paint)
POPULATED_GOAL = 2.0  # populated within 2x bare
KINDS = ("bare", "shown", "populated")

BARE_SCRIPT = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 720)
window.show()


def _probe():
    print("PROBE shown", flush=True)
    app.quit()


QTimer.singleShot(0, _probe)
sys.exit(app.exec())
"""


class BenchmarkError(Exception):
    """A child failed or timed out; the message carries its stderr."""


# -- building the database --------------------------------------------------------------------

# fmt: off
HONORIFICS_F = ("Ibu", "Bu", "Mbak", "Kak", "", "")
HONORIFICS_M = ("Bapak", "Pak", "Mas", "Kak", "", "")
FEMALE_NAMES = (
    "Ratna", "Sari", "Dewi", "Sri", "Wulan", "Ayu", "Putri", "Indah", "Rina", "Fitri", "Yuni",
    "Nur", "Siti", "Lestari", "Maya", "Kartika", "Anisa", "Nadia", "Intan", "Diah", "Ratih",
)
MALE_NAMES = (
    "Budi", "Bambang", "Agus", "Joko", "Andi", "Rudi", "Hendra", "Dedi", "Eko", "Yusuf",
    "Ahmad", "Made", "Wayan", "Ketut", "Nyoman", "Putu", "Arif", "Rizky", "Fajar", "Dimas",
    "Teguh", "Slamet", "Hasan", "Irfan", "Taufik", "Gilang", "Bayu", "Yohanes", "Daeng",
)
LAST_NAMES = (
    "Wulandari", "Handayani", "Setiawan", "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat",
    "Nugroho", "Kurniawan", "Susanto", "Rahmawati", "Permata", "Siregar", "Nasution", "Lubis",
    "Harahap", "Simanjuntak", "Sitompul", "Tanjung", "Manurung", "Pangaribuan", "Sembiring",
    "Ginting", "Tarigan", "Sinaga", "Hutapea", "Wibowo", "Gunawan", "Halim", "Tanoto",
    "Salim", "Lim", "Sutrisno", "Purnomo", "Suryadi", "Mahendra", "Pohan", "Rangkuti",
    "Mattalatta", "Pattiasina", "Latuconsina", "Wenas", "Rumagit", "Kaunang", "Suharto",
    "",  # one-word names are common
)
BUSINESS_KINDS = (
    "Katering", "Butik", "Toko", "Warung", "Bengkel", "Klinik", "Salon", "Apotek", "Percetakan",
    "Kedai Kopi", "Rumah Makan", "Laundry", "Studio Foto", "Toko Kue", "Konveksi", "Travel",
    "Kos-kosan", "Les Privat", "Toko Bangunan", "Homestay",
)
LEGAL_FORMS = ("PT", "CV", "UD", "Koperasi", "Yayasan")
BUSINESS_WORDS = (
    "Sejahtera", "Makmur", "Jaya", "Abadi", "Sentosa", "Mandiri", "Berkah", "Lancar", "Bunda",
    "Sumber Rejeki", "Harapan", "Cahaya", "Mutiara", "Nusantara", "Sinar", "Maju", "Bahari",
)
CITIES = (
    "Jakarta Selatan", "Jakarta Timur", "Bandung", "Bekasi", "Depok", "Bogor", "Tangerang",
    "Surabaya", "Semarang", "Yogyakarta", "Solo", "Malang", "Cirebon", "Denpasar, Bali",
    "Gianyar, Bali", "Makassar, Sulawesi", "Manado, Sulawesi", "Palu, Sulawesi",
    "Medan, Sumatra", "Padang, Sumatra", "Palembang, Sumatra", "Pekanbaru, Sumatra",
    "Banda Aceh, Sumatra", "Balikpapan, Kalimantan", "Pontianak, Kalimantan",
    "Banjarmasin, Kalimantan", "Mataram, Lombok", "Kupang, NTT", "Ambon, Maluku",
    "Jayapura, Papua",
    "",  # city not recorded
)
TAGS = (
    "gentle", "VIP", "referrer", "late payer", "website", "online shop", "hosting", "email",
    "WhatsApp Business", "social media", "monthly", "needs calls", "first client", "urgent",
    "Instagram", "Tokopedia", "Shopee", "domain", "maintenance", "SEO",
)
PHONE_PREFIXES = (
    "811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "881", "895",
    "896",
)
# fmt: on
CAUTION_NOTES = (
    "",
    "",
    "",
    "Explain one step per message, with a screenshot.",
    "Prefers to be called after 19:00 WIB.",
    "Always confirm prices in writing first.",
    "Gets anxious about errors: reassure first, then fix.",
)


TICKET_TITLES = (
    "Website tidak bisa dibuka",
    "Lupa password email kantor",
    "Minta ganti foto produk di beranda",
    "Cara kirim katalog lewat WhatsApp",
    "Domain hampir habis masa berlakunya",
    "Stok di Tokopedia tidak sinkron",
    "Email pelanggan masuk ke spam",
    "Tambah menu baru di website",
    "Akun Instagram kena hack",
    "Tombol WhatsApp di website tidak jalan",
    "Cara upload foto ke Google Maps",
    "Minta laporan pengunjung bulan ini",
    "Ganti harga paket katering",
    "Sertifikat SSL kedaluwarsa",
    "Website lambat kalau dibuka di HP",
    "Cara membalas ulasan Google",
    "Minta dibuatkan banner promo Lebaran",
    "Tidak bisa login ke dashboard toko",
)


def _person_name(rng: random.Random) -> tuple[str, str]:
    """(full name with a fitting honorific, given name)."""
    if rng.random() < 0.55:
        honorific, given = rng.choice(HONORIFICS_F), rng.choice(FEMALE_NAMES)
    else:
        honorific, given = rng.choice(HONORIFICS_M), rng.choice(MALE_NAMES)
    parts = (honorific, given, rng.choice(LAST_NAMES))
    return " ".join(part for part in parts if part), given


def _company(rng: random.Random, owner: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return ""
    if roll < 0.55:
        return f"{rng.choice(BUSINESS_KINDS)} {owner}"
    if roll < 0.8:
        return f"{rng.choice(BUSINESS_KINDS)} {rng.choice(BUSINESS_WORDS)}"
    return f"{rng.choice(LEGAL_FORMS)} {rng.choice(BUSINESS_WORDS)} {rng.choice(BUSINESS_WORDS)}"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return ""
    return (
        f"+62 {rng.choice(PHONE_PREFIXES)} {rng.randrange(1000, 10000)} "
        f"{rng.randrange(1000, 10000)}"
    )


def client_rows(count: int, rng: random.Random) -> list[dict[str, Any]]:
    """*count* plausible Indonesian clients with ids 1..count; some introduced by earlier ones."""
    from agencydesk.core.models import TECH_COMFORT_MAX, TECH_COMFORT_MIN, Channel

    channels = [channel.value for channel in Channel]
    channel_weights = [60 if value == "whatsapp" else 8 for value in channels]
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for client_id in range(1, count + 1):
        name, given = _person_name(rng)
        tags = ", ".join(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3))))
        words = name.split()
        if words[0] in HONORIFICS_F + HONORIFICS_M:
            words = words[1:]
        email_user = ".".join(words).lower()
        created = now - timedelta(days=rng.randrange(0, 3 * 365), minutes=rng.randrange(1440))
        rows.append(
            {
                "id": client_id,
                "name": name,
                "company": _company(rng, given),
                "phone": _phone(rng),
                "email": f"{email_user}{client_id}@gmail.com" if rng.random() < 0.4 else "",
                "city": rng.choice(CITIES),
                "tech_comfort": rng.randint(TECH_COMFORT_MIN, TECH_COMFORT_MAX),
                "preferred_channel": rng.choices(channels, channel_weights)[0],
                "tags": tags,
                "caution_note": rng.choice(CAUTION_NOTES),
                "notes": "" if rng.random() < 0.7 else "Langganan sejak pameran UMKM.",
                "first_contact": (created.date() if rng.random() < 0.8 else None),
                "introduced_by_id": (
                    rng.randrange(1, client_id) if client_id > 1 and rng.random() < 0.3 else None
                ),
                "created_at": created,
                "updated_at": min(created + timedelta(days=rng.randrange(0, 60)), now),
                "deleted_at": None,
            }
        )
    return rows


def ticket_model() -> Any | None:
    """The ``Ticket`` table, once the data core has one."""
    from agencydesk.core import models

    return getattr(models, "Ticket", None)


def _ticket_value(column: Any, number: int, client_ids: Sequence[int], rng: random.Random) -> Any:
    """A value for a required ticket column we know nothing specific about (by its SQL type)."""
    import sqlalchemy as sa

    if any(fk.target_fullname == "client.id" for fk in column.foreign_keys):
        return rng.choice(client_ids)
    sql_type = getattr(column.type, "impl_instance", column.type)  # see through TypeDecorators
    if isinstance(sql_type, sa.Enum) and sql_type.enums:
        return rng.choice(sql_type.enums)
    if isinstance(sql_type, sa.String):
        return f"Tiket {number}"[: sql_type.length]
    if isinstance(sql_type, sa.Boolean):
        return False
    if isinstance(sql_type, sa.Integer):
        return 1
    if isinstance(sql_type, sa.Numeric | sa.Float):
        return 0
    if isinstance(sql_type, sa.DateTime):
        return datetime.now(UTC) - timedelta(minutes=rng.randrange(3 * 365 * 1440))
    if isinstance(sql_type, sa.Date):
        return date.today() - timedelta(days=rng.randrange(3 * 365))
    raise BenchmarkError(f"benchmarks/startup.py: teach ticket_rows() about ticket.{column.name}")


def _ticket_choices() -> tuple[dict[str, int], dict[str, int]]:
    """(status → weight, channel → weight), following the data core's enums."""
    from agencydesk.core import models

    statuses = {
        "closed": 55,
        "resolved": 20,
        "open": 10,
        "waiting_on_client": 8,
        "waiting_on_us": 7,
    }
    known = getattr(models, "TicketStatus", None)
    if known is not None:  # follow the enum if it was renamed or grew
        statuses = {status.value: statuses.get(status.value, 5) for status in known}
    channels = {
        channel.value: 60 if channel.value == "whatsapp" else 8 for channel in models.Channel
    }
    return statuses, channels


def _realistic_ticket(
    client_id: int,
    client_created: datetime,
    rng: random.Random,
    now: datetime,
    choices: tuple[dict[str, int], dict[str, int]],
) -> dict[str, Any]:
    """Values for the ticket columns we know about; ticket_rows() keeps the ones that exist."""
    statuses, channels = choices
    status = rng.choices(list(statuses), list(statuses.values()))[0]
    done = status in {"closed", "resolved"}
    span_minutes = max(int((now - client_created).total_seconds() // 60), 1)
    created = client_created + timedelta(minutes=rng.randrange(span_minutes))
    first_response = (
        created + timedelta(minutes=rng.randrange(5, 24 * 60)) if rng.random() < 0.9 else None
    )
    resolved = min(created + timedelta(hours=rng.randrange(1, 14 * 24)), now) if done else None
    changed = resolved or first_response or created
    return {
        "client_id": client_id,
        "title": rng.choice(TICKET_TITLES),
        "status": status,
        "priority": rng.choices((1, 2, 3, 4), (20, 55, 18, 7))[0],
        "due_date": (
            (now + timedelta(days=rng.randrange(-10, 21))).date()
            if not done and rng.random() < 0.4
            else None
        ),
        "channel": rng.choices(list(channels), list(channels.values()))[0],
        "satisfaction": rng.choices((1, 2, 3, 4, 5), (2, 3, 15, 40, 40))[0]
        if done and rng.random() < 0.6
        else None,
        "created_at": created,
        "updated_at": changed,
        "status_changed_at": changed,
        "first_response_at": first_response,
        "resolved_at": resolved,
    }


def ticket_rows(
    model: Any, count: int, clients: Sequence[dict[str, Any]], rng: random.Random
) -> list[dict[str, Any]]:
    """*count* tickets over *clients*, a few of whom call a lot (as Bu Ratna does).

    Columns we know get realistic values; any other required column without a default gets a
    plain value by its type, so a grown ticket schema still builds (teach this function about
    new columns to make them realistic too).
    """
    columns = {column.name: column for column in model.__table__.columns}
    generic = [
        column
        for column in columns.values()
        if not column.primary_key
        and not column.nullable
        and column.default is None
        and column.server_default is None
    ]
    weights = [rng.paretovariate(2.5) for _ in clients]
    chosen = rng.choices(clients, weights=weights, k=count)
    now = datetime.now(UTC)
    choices = _ticket_choices()
    rows = []
    for number, client in enumerate(chosen, start=1):
        realistic = _realistic_ticket(client["id"], client["created_at"], rng, now, choices)
        row = {name: value for name, value in realistic.items() if name in columns}
        for column in generic:
            if column.name not in row:
                row[column.name] = _ticket_value(column, number, [client["id"]], rng)
        rows.append(row)
    rows.sort(key=lambda row: row.get("created_at") or now)  # ids in the order they came in
    return rows


@dataclass
class Database:
    path: Path
    clients: int
    tickets: int
    built_s: float | None = None  # None when an existing file was reused


def count_rows(path: Path) -> tuple[int, int]:
    """(clients, tickets) in the database at *path*."""
    import sqlalchemy as sa
    from sqlmodel import Session

    from agencydesk.core.db import make_engine, sqlite_url
    from agencydesk.core.models import Client

    engine = make_engine(sqlite_url(path))
    try:
        with Session(engine) as session:
            clients = session.execute(sa.select(sa.func.count()).select_from(Client)).scalar_one()
            model = ticket_model()
            tickets = 0
            if model is not None:
                tickets = session.execute(
                    sa.select(sa.func.count()).select_from(model)
                ).scalar_one()
    finally:
        engine.dispose()
    return int(clients), int(tickets)


def build_database(path: Path, n_clients: int, n_tickets: int, seed: int = 2024) -> Database:
    """Create the schema with the app's own migrations, then bulk-insert in one transaction."""
    import sqlalchemy as sa
    from sqlmodel import Session, SQLModel

    from agencydesk.core import migrate
    from agencydesk.core.db import sqlite_url

    started = time.perf_counter()
    rng = random.Random(seed)
    engine = migrate.open_database(sqlite_url(path))
    try:
        rows = client_rows(n_clients, rng)
        model = ticket_model()
        tickets = ticket_rows(model, n_tickets, rows, rng) if model is not None and rows else []
        # Core inserts on the tables: one executemany each. (The ORM form, insert(Ticket), split
        # the batch wherever optional values went from None to set: ~14,600 statements for 20,000
        # tickets, 3x slower.)
        tables = SQLModel.metadata.tables
        with Session(engine) as session, session.begin():
            if rows:
                session.execute(sa.insert(tables["client"]), rows)
            if tickets and model is not None:
                session.execute(sa.insert(model.__table__), tickets)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return Database(path, len(rows), len(tickets), time.perf_counter() - started)


# -- timing the children ------------------------------------------------------------------------


@dataclass
class Samples:
    kind: str
    values_ms: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.values_ms)


def child_command(kind: str, db_path: Path) -> list[str]:
    if kind == "bare":
        return [sys.executable, "-c", BARE_SCRIPT]
    return [sys.executable, "-m", "agencydesk", "--db", str(db_path)]


@contextlib.contextmanager
def child_env(kind: str, pycache: Path) -> Iterator[dict[str, str]]:
    """Offscreen, with fresh private XDG folders (settings, logs) removed afterwards."""
    home = Path(tempfile.mkdtemp(prefix=f"agencydesk-bench-{kind}-"))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir()
        env[var] = str(home / sub)
    env.pop("AGENCYDESK_STARTUP_PROBE", None)
    if kind != "bare":
        env["AGENCYDESK_STARTUP_PROBE"] = kind
    try:
        yield env
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _read_lines(stream: Any, lines: queue.Queue[tuple[float, str | None]]) -> None:
    """Reader thread: every stdout line with the moment it arrived; None at end of file."""
    for line in stream:
        lines.put((time.perf_counter(), line))
    lines.put((time.perf_counter(), None))


def run_child(kind: str, db_path: Path, pycache: Path, timeout_s: float = TIMEOUT_S) -> float:
    """Start one child; milliseconds from just before Popen to its ``PROBE <moment>`` line."""
    expected = "PROBE shown" if kind == "bare" else f"PROBE {kind}"
    with child_env(kind, pycache) as env, tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
        started = time.perf_counter()
        process = subprocess.Popen(
            child_command(kind, db_path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        deadline = started + timeout_s
        probed_at: float | None = None
        problem = ""
        try:
            while probed_at is None:
                try:
                    at, line = lines.get(timeout=max(deadline - time.perf_counter(), 0.0))
                except queue.Empty:
                    problem = f"no {expected!r} within {timeout_s:.0f} s"
                    break
                if line is None:
                    problem = f"stdout closed without {expected!r}"
                    break
                if line.strip() == expected:
                    probed_at = at
            if not problem:
                try:
                    code = process.wait(timeout=max(deadline - time.perf_counter(), 0.1))
                except subprocess.TimeoutExpired:
                    problem = f"did not exit within {timeout_s:.0f} s after {expected!r}"
                else:
                    if code != 0:
                        problem = f"exited with code {code}"
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            reader.join(timeout=5)
            if process.stdout is not None:
                process.stdout.close()
        if problem or probed_at is None:
            stderr.seek(0)
            raise BenchmarkError(
                f"{kind} child failed: {problem or 'no probe'} (exit code {process.returncode})\n"
                f"command: {' '.join(child_command(kind, db_path))}\n"
                f"--- stderr ---\n{stderr.read().rstrip()}"
            )
        return (probed_at - started) * 1000.0


def measure(db_path: Path, runs: int, pycache: Path) -> dict[str, Samples]:
    """One untimed warm-up per kind, then *runs* rounds with the kinds interleaved."""
    for kind in KINDS:
        run_child(kind, db_path, pycache)
    samples = {kind: Samples(kind) for kind in KINDS}
    for _round in range(runs):
        for kind in KINDS:
            samples[kind].values_ms.append(run_child(kind, db_path, pycache))
    return samples


# -- the command line ---------------------------------------------------------------------------


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time agencydesk's start-up against a bare PySide6 window."
    )
    parser.add_argument("--runs", type=_positive, default=5, help="timed runs per kind (median)")
    parser.add_argument("--clients", type=_non_negative, default=10_000, help="clients to build")
    parser.add_argument(
        "--tickets",
        type=_non_negative,
        default=100_000,
        help="tickets to build, once agencydesk has tickets",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="use this database file: built there if missing, reused as it is if present",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary database and print where it is"
    )
    return parser


def _fmt_ms(value: float) -> str:
    return f"{round(value)}"


def report(samples: dict[str, Samples], database: Database) -> list[str]:
    bare = samples["bare"].median_ms
    shown = samples["shown"].median_ms
    populated = samples["populated"].median_ms
    shown_ratio = shown / bare
    populated_ratio = populated / bare
    lines = [
        f"{kind:<10} median {_fmt_ms(s.median_ms):>5} ms   samples: "
        + ", ".join(_fmt_ms(value) for value in s.values_ms)
        for kind, s in samples.items()
    ]

    def verdict(ratio: float, goal: float) -> str:
        return f"{ratio:.2f}x bare, goal <= {goal:g}x: {'ok' if ratio <= goal else 'MISSED'}"

    lines.append(
        f"goals: shown {verdict(shown_ratio, SHOWN_GOAL)}; "
        f"populated {verdict(populated_ratio, POPULATED_GOAL)}"
    )
    lines.append(
        f"BENCH startup bare_ms={_fmt_ms(bare)} shown_ms={_fmt_ms(shown)} "
        f"populated_ms={_fmt_ms(populated)} shown_ratio={shown_ratio:.2f} "
        f"populated_ratio={populated_ratio:.2f} clients={database.clients} "
        f"tickets={database.tickets}"
    )
    return lines


def prepare_database(args: argparse.Namespace, workdir: Path) -> Database:
    path: Path = args.db.expanduser().resolve() if args.db else workdir / "bench.sqlite3"
    if path.exists():
        clients, tickets = count_rows(path)
        print(f"reusing {path}: {clients} clients, {tickets} tickets")
        return Database(path, clients, tickets)
    database = build_database(path, args.clients, args.tickets)
    note = "" if ticket_model() is not None else " (no Ticket table yet)"
    print(
        f"built {path} in {database.built_s:.2f} s: "
        f"{database.clients} clients, {database.tickets} tickets{note}"
    )
    return database


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The database (unless --db) and the children's bytecode cache.
    workdir = Path(tempfile.mkdtemp(prefix="agencydesk-bench-"))
    try:
        database = prepare_database(args, workdir)
        print(
            f"timing {', '.join(KINDS)}: 1 warm-up + {args.runs} runs each, interleaved "
            f"(python {sys.version.split()[0]}, {sys.executable})",
            flush=True,
        )
        samples = measure(database.path, args.runs, workdir / "pycache")
    except BenchmarkError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept the benchmark folder {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    for line in report(samples, database):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
