"""The desk's own reliability run: kill -9 at random moments, and fuzzed chat files.

Long form (the figures for the note; a few minutes)::

    .venv/bin/python benchmarks/reliability.py                 # 60 kills, 100,000 fuzz inputs
    .venv/bin/python benchmarks/reliability.py --kills 8 --fuzz 2000   # a quick look

`tests/test_reliability.py` runs the same trials in a short form in CI.

**Kills.** Each trial starts a real `agencydesk` process on a real database file — importing a
chat, making a backup, restoring one, or upgrading an old database — and kills it (SIGKILL) at a
random moment of its run. Then the database must pass `PRAGMA integrity_check` and the FTS5
`integrity-check` of every search table, hold either all or none of the work (the message count,
the schema revision, the restored rows), and every file in the backup folder that looks like a
backup must be a complete, healthy database.

**Fuzz.** Every chat format's fixtures, mutated (byte flips, truncation, random Unicode, shuffled
lines, huge lines, other encodings, hostile zips), go through the parser with a time limit per
input: only the importer's own error may escape. Inputs of growing size check that time grows
linearly.

The last line: ``BENCH reliability kills=… corrupt=… partial=… fuzz_inputs=… escaped=… hangs=…
max_rss_mb=… growth_ratio=…`` (goal: 0 corrupt, 0 partial, 0 escaped, 0 hangs over 5 s, memory a
small multiple of the input, growth_ratio near 1 — time per byte at 8× the size over time per
byte at 1×).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import random
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "core" / "importers" / "fixtures"
FTS_TABLES = ("client_fts", "ticket_fts", "message_fts", "guide_fts")
HANG_S = 5.0


def _load_generator() -> Callable[..., str]:
    spec = importlib.util.spec_from_file_location(
        "chat_parse_generator", ROOT / "benchmarks" / "chat_parse_generator.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generate: Callable[..., str] = module.generate_whatsapp_export
    return generate


# -- checking a database ------------------------------------------------------------------------
def database_problems(path: Path) -> list[str]:
    """What is wrong with the SQLite file at *path* (empty: nothing)."""
    if not path.exists():
        return ["missing"]
    try:
        # read-write: the FTS5 'integrity-check' command needs it, though it changes nothing
        connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        problems = [
            row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"
        ]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        for fts in FTS_TABLES:
            if fts in tables:
                try:
                    connection.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
                except sqlite3.Error as exc:
                    problems.append(f"{fts}: {exc}")
        return problems
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        connection.close()


def scalar(path: Path, sql: str) -> object:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        row = connection.execute(sql).fetchone()
    return row[0] if row else None


def revision(path: Path) -> str | None:
    try:
        value = scalar(path, "SELECT version_num FROM alembic_version")
    except sqlite3.Error:
        return None
    return str(value) if value is not None else None


# -- the desks the trials run on ----------------------------------------------------------------
def run_agencydesk(*args: str | Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "agencydesk", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )


def python_process(code: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )


@dataclass
class Desks:
    """Template databases made once; each trial works on a copy."""

    folder: Path
    env: dict[str, str]
    export_messages: int
    demo: Path = field(init=False)
    old: Path = field(init=False)
    export: Path = field(init=False)

    def __post_init__(self) -> None:
        self.demo = self.folder / "template-demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "agencydesk", "demo", "--db", str(self.demo)],
            check=True,
            capture_output=True,
            env=self.env,
            cwd=ROOT,
        )
        self.old = self.folder / "template-old.sqlite3"
        subprocess.run(
            [sys.executable, "-c", _MAKE_OLD_DESK, str(self.old)],
            check=True,
            capture_output=True,
            env=self.env,
            cwd=ROOT,
        )
        generate = _load_generator()
        self.export = self.folder / "WhatsApp Chat with Bu Sari.txt"
        self.export.write_text(generate(self.export_messages, seed=3), encoding="utf-8")

    def copy(self, template: Path, name: str) -> Path:
        target = self.folder / name / "agencydesk.sqlite3"
        if target.parent.exists():
            shutil.rmtree(target.parent)
        target.parent.mkdir(parents=True)
        shutil.copy2(template, target)
        return target


# An agencydesk database at the first revision, with clients, to be upgraded by a trial.
_MAKE_OLD_DESK = """
import sys
from alembic import command
from agencydesk.core import migrate
from agencydesk.core.db import make_engine, sqlite_url
url = sqlite_url(sys.argv[1])
config = migrate.alembic_config()
engine = make_engine(url, begin="BEGIN IMMEDIATE")
with engine.begin() as connection:
    config.attributes["connection"] = connection
    command.upgrade(config, "0001")
    for i in range(3000):
        connection.exec_driver_sql(
            "INSERT INTO client (name, company, phone, email, city, tech_comfort,"
            " preferred_channel, tags, caution_note, notes, created_at, updated_at)"
            " VALUES (?, '', '', '', 'Ambon', 2, 'whatsapp', '', 'be gentle', ?,"
            " '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
            (f"Client {i}", "note " * 200),
        )
"""


# -- the trials ---------------------------------------------------------------------------------
@dataclass
class Outcome:
    kind: str
    killed: bool
    corrupt: list[str]
    partial: list[str]


def _kill_at_random(process: subprocess.Popen[bytes], longest_s: float, rng: random.Random) -> bool:
    """Kill *process* at a random moment of its expected run; False if it finished first."""
    deadline = time.monotonic() + rng.uniform(0.05, longest_s)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    if process.poll() is not None:
        return False
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return True


def _backup_problems(folder: Path) -> list[str]:
    """Files in the backup folder that the app lists as backups but are not whole databases."""
    problems = []
    for path in sorted(folder.glob("*.sqlite3")) if folder.exists() else []:
        if path.stat().st_size == 0:
            problems.append(f"{path.name}: empty backup")
            continue
        for problem in database_problems(path):
            problems.append(f"{path.name}: {problem}")
    return problems


def trial_import(desks: Desks, rng: random.Random, longest_s: float, full: int) -> Outcome:
    db = desks.copy(desks.demo, "import")
    before = int(scalar(db, "SELECT count(*) FROM message") or 0)
    process = run_agencydesk(
        "import-chat",
        desks.export,
        "--client",
        "Sari",
        "--me",
        "Rudi",
        "--db",
        db,
        env=desks.env,
    )
    killed = _kill_at_random(process, longest_s, rng)
    corrupt = database_problems(db)
    after = int(scalar(db, "SELECT count(*) FROM message") or 0) if not corrupt else before
    partial = [] if after in (before, before + full) else [f"import: {after - before} of {full}"]
    # a big import drops the message indexes and search triggers and makes them again after its
    # rows: killed or not, they are all there
    kept = scalar(
        db,
        "SELECT count(*) FROM sqlite_master WHERE name IN ('uq_message_fingerprint', "
        "'ix_message_client_sent', 'ix_message_ticket_sent', 'message_fts_after_insert')",
    )
    if not corrupt and kept != 4:
        partial.append(f"import: {kept} of the 4 message indexes and search trigger left")
    return Outcome("import", killed, corrupt, partial)


def trial_backup(desks: Desks, rng: random.Random, longest_s: float) -> Outcome:
    db = desks.copy(desks.demo, "backup")
    process = run_agencydesk("backup", "--db", db, env=desks.env)
    killed = _kill_at_random(process, longest_s, rng)
    corrupt = database_problems(db)
    return Outcome("backup", killed, corrupt, _backup_problems(db.parent / "backups"))


def trial_restore(desks: Desks, rng: random.Random, longest_s: float) -> Outcome:
    db = desks.copy(desks.demo, "restore")
    chosen = db.parent / "chosen.sqlite3"
    shutil.copy2(desks.old, chosen)  # a different database: its clients tell which one we have
    before = int(scalar(db, "SELECT count(*) FROM client") or 0)
    restored = int(scalar(chosen, "SELECT count(*) FROM client") or 0)
    code = (
        "import sys; from pathlib import Path; from agencydesk.core import backup; "
        "backup.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(db), str(chosen)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=desks.env,
        cwd=ROOT,
    )
    killed = _kill_at_random(process, longest_s, rng)
    corrupt = database_problems(db)
    count = int(scalar(db, "SELECT count(*) FROM client") or 0) if not corrupt else before
    partial = [] if count in (before, restored) else [f"restore: {count} clients"]
    partial += _backup_problems(db.parent / "backups")
    return Outcome("restore", killed, corrupt, partial)


def trial_migration(desks: Desks, rng: random.Random, longest_s: float, head: str) -> Outcome:
    db = desks.copy(desks.old, "migration")
    process = run_agencydesk("search", "Ambon", "--db", db, env=desks.env)
    killed = _kill_at_random(process, longest_s, rng)
    corrupt = database_problems(db)
    found = revision(db) if not corrupt else "0001"
    partial = [] if found in ("0001", head) else [f"migration: stopped at {found}"]
    if found == head and not corrupt:
        clients = int(scalar(db, "SELECT count(*) FROM client") or 0)
        if clients != 3000:
            partial.append(f"migration: {clients} clients after the upgrade")
    partial += _backup_problems(db.parent / "backups")
    return Outcome("migration", killed, corrupt, partial)


def _timed(start: Callable[[], subprocess.Popen[bytes]]) -> float:
    began = time.monotonic()
    process = start()
    process.wait()
    return time.monotonic() - began


@dataclass
class KillReport:
    outcomes: list[Outcome]

    @property
    def kills(self) -> int:
        return sum(o.killed for o in self.outcomes)

    @property
    def corrupt(self) -> list[str]:
        return [f"{o.kind}: {p}" for o in self.outcomes for p in o.corrupt]

    @property
    def partial(self) -> list[str]:
        return [p for o in self.outcomes for p in o.partial]


KINDS = ("import", "backup", "restore", "migration")


def kill_trials(
    trials: int,
    *,
    seed: int = 1,
    export_messages: int = 20_000,
    kinds: tuple[str, ...] = KINDS,
) -> KillReport:
    """*trials* kills spread over *kinds* (import, backup, restore and migration)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="agencydesk-reliability-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(folder / name.lower())
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        desks = Desks(folder, env, export_messages)
        head = _head_revision()
        # How long each operation takes when nobody kills it (and what a full import adds).
        db = desks.copy(desks.demo, "import")
        before = int(scalar(db, "SELECT count(*) FROM message") or 0)
        import_s = _timed(
            lambda: run_agencydesk(
                "import-chat",
                desks.export,
                "--client",
                "Sari",
                "--me",
                "Rudi",
                "--db",
                db,
                env=env,
            )
        )
        full = int(scalar(db, "SELECT count(*) FROM message") or 0) - before
        db = desks.copy(desks.demo, "backup")
        backup_s = _timed(lambda: run_agencydesk("backup", "--db", db, env=env))
        db = desks.copy(desks.old, "migration")
        migration_s = _timed(lambda: run_agencydesk("search", "x", "--db", db, env=env))
        outcomes = []
        for number in range(trials):
            kind = kinds[number % len(kinds)]
            if kind == "import":
                outcomes.append(trial_import(desks, rng, import_s, full))
            elif kind == "backup":
                outcomes.append(trial_backup(desks, rng, backup_s))
            elif kind == "restore":
                outcomes.append(trial_restore(desks, rng, backup_s * 2))
            else:
                outcomes.append(trial_migration(desks, rng, migration_s, head))
        return KillReport(outcomes)


def _head_revision() -> str:
    sys.path.insert(0, str(ROOT))
    from agencydesk.core import migrate

    head = migrate.head_revision()
    assert head is not None
    return head


# -- fuzzing ------------------------------------------------------------------------------------
def _seeds() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", (FIXTURES / "wa_ios_en.txt").read_bytes())
        archive.writestr("00000042-PHOTO-2021-10-14-15-39-30.jpg", b"\xff\xd8\xff\xe0" + b"x" * 64)
    seeds.append(buffer.getvalue())
    return seeds


def _hostile_zip(rng: random.Random, seed: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        choice = rng.randrange(4)
        if choice == 0:  # a member that expands enormously (a small zip bomb)
            archive.writestr("_chat.txt", b"\n" * rng.randint(1, 50_000_000))
        elif choice == 1:  # a path that climbs out of the media folder
            archive.writestr("_chat.txt", seed)
            archive.writestr("../../etc/passwd-" + str(rng.random()), b"x")
        elif choice == 2:  # many members
            for i in range(rng.randint(100, 3000)):
                archive.writestr(f"{i:05d}-PHOTO.jpg", b"\xff\xd8")
            archive.writestr("_chat.txt", seed)
        else:  # no chat at all
            archive.writestr("photo.jpg", b"\xff\xd8")
    data = buffer.getvalue()
    if rng.random() < 0.3:  # and sometimes a damaged archive
        position = rng.randrange(len(data))
        data = data[:position] + bytes([data[position] ^ 0xFF]) + data[position + 1 :]
    return data


def mutate(rng: random.Random, seed: bytes) -> tuple[str, bytes]:
    """One mutated input and the name of the mutation."""
    choice = rng.randrange(8)
    if choice == 0:
        data = bytearray(seed)
        for _ in range(rng.randint(1, 20)):
            if data:
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return "byte flips", bytes(data)
    if choice == 1:
        return "truncation", seed[: rng.randrange(len(seed) + 1)]
    if choice == 2:
        text = "".join(
            chr(
                rng.choice(
                    [
                        rng.randint(32, 0x2FF),
                        rng.randint(0x1F300, 0x1FAFF),
                        rng.randint(0x600, 0x6FF),
                        0x200E,
                        0x202F,
                        10,
                    ]
                )
            )
            for _ in range(rng.randint(0, 4000))
        )
        return "random unicode", text.encode("utf-8", "surrogatepass")
    if choice == 3:
        lines = seed.split(b"\n")
        rng.shuffle(lines)
        return "shuffled lines", b"\n".join(lines)
    if choice == 4:
        lines = seed.split(b"\n")
        at = rng.randrange(len(lines))
        filler = rng.choice([b": ", b"x", b'{"a": 1, ', b" - ", b"<", b"\xf0\x9f\x99\x8f"])
        lines[at] = lines[at] + filler * rng.randint(1_000, 60_000)
        return "huge line", b"\n".join(lines)
    if choice == 5:
        text = seed.decode("utf-8", "replace")
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-8-sig", "latin-1", "cp1252"])
        return f"encoding {encoding}", text.encode(encoding, "replace")
    if choice == 6:
        return "hostile zip", _hostile_zip(rng, seed)
    return "repeated", seed * rng.randint(2, 40)


@dataclass
class FuzzReport:
    inputs: int = 0
    escaped: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest_s: float = 0.0


def fuzz(count: int, *, seed: int = 2) -> FuzzReport:
    sys.path.insert(0, str(ROOT))
    from agencydesk.core.importers import ChatImportError, parse_chat_bytes

    rng = random.Random(seed)
    seeds = _seeds()
    report = FuzzReport()
    for number in range(count):
        kind, data = mutate(rng, rng.choice(seeds))
        name = "fuzz.zip" if data[:2] == b"PK" else "fuzz.txt"
        began = time.perf_counter()
        try:
            parse_chat_bytes(data, filename=name)
        except ChatImportError as exc:
            if "unexpected problem" in str(exc):
                report.escaped.append(f"#{number} {kind}: {exc!r}")
        except Exception as exc:  # anything else escaped the importer
            report.escaped.append(f"#{number} {kind}: {exc!r}")
        spent = time.perf_counter() - began
        report.slowest_s = max(report.slowest_s, spent)
        if spent > HANG_S:
            report.hangs.append(f"#{number} {kind}: {spent:.1f} s for {len(data)} bytes")
        report.inputs += 1
    return report


def growth_ratio(base_repeats: int = 500) -> float:
    """Time per byte at 8× the input over time per byte at 1× (1.0 is linear)."""
    sys.path.insert(0, str(ROOT))
    from agencydesk.core.importers import ChatImportError, parse_chat_bytes

    def seconds(data: bytes) -> float:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            with contextlib.suppress(ChatImportError):
                parse_chat_bytes(data, filename="growth.txt")
            times.append(time.perf_counter() - began)
        return statistics.median(times)

    header = (FIXTURES / "wa_android_id.txt").read_bytes().split(b"\n")[0]
    small = header + b' {"error": "x", ' * base_repeats + b"\n"
    large = header + b' {"error": "x", ' * (base_repeats * 8) + b"\n"
    small_s, large_s = seconds(small), seconds(large)
    return (large_s / len(large)) / max(small_s / len(small), 1e-9)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _lines(items: list[str]) -> Iterator[str]:
    for item in items[:40]:
        yield f"  {item}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--fuzz", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--export-messages",
        type=int,
        default=20_000,
        help="messages of the imported export (above 20,000 an import fills the search index "
        "in batches with its triggers dropped: kill that path too)",
    )
    parser.add_argument("--only", choices=KINDS, help="kill only this kind of run")
    args = parser.parse_args()
    kills = kill_trials(
        args.kills,
        seed=args.seed,
        export_messages=args.export_messages,
        kinds=(args.only,) if args.only else KINDS,
    )
    print(f"kills: {kills.kills} of {len(kills.outcomes)} trials killed mid-run")
    for line in _lines(kills.corrupt + kills.partial):
        print(line)
    fuzzed = fuzz(args.fuzz, seed=args.seed)
    print(f"fuzz: {fuzzed.inputs} inputs, slowest {fuzzed.slowest_s:.2f} s")
    for line in _lines(fuzzed.escaped + fuzzed.hangs):
        print(line)
    growth = growth_ratio()
    print(
        f"BENCH reliability kills={kills.kills} corrupt={len(kills.corrupt)} "
        f"partial={len(kills.partial)} fuzz_inputs={fuzzed.inputs} "
        f"escaped={len(fuzzed.escaped)} hangs={len(fuzzed.hangs)} "
        f"max_rss_mb={max_rss_mb():.0f} growth_ratio={growth:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
