"""Chat import speed into SQLite, against the floor under it measured in the same run.

    .venv/bin/python benchmarks/chat_import.py [N] [--rounds R]

Generates an N-message (default 1,000,000) Indonesian WhatsApp export and one a tenth its size
(`chat_parse_generator`), and for each, R times (default 3, medians reported; the machine is
shared, so the rounds of the import and of the floor alternate):

* ``import``: `import_chat` of the parsed export (parsing is not timed: ``chat_parse.py`` times
  the parser) into one client's history of a fresh database made by the migrations, split into
  tickets at 8-hour gaps, committed: fingerprints, tickets, rows, the unique fingerprint index,
  the search index (FTS5) and the other indexes;
* ``floor``: a bare load of the same rows (read back from the import's database beforehand, so
  no Python builds them) into the same schema without the unique fingerprint index and without
  the search index: chunked ``executemany`` INSERTs of whole rows (the import writes its three
  constant columns in the statement: it binds fewer values), committed;
* ``command``: the whole ``agencydesk import-chat FILE --client … --split-hours 8`` process, as a
  user at a shell meets it (start-up and parsing included), with its peak memory (max RSS).

Linearity is the import's time for N messages over its time for N/10 (10.0 is linear). The
segments of the search index the import leaves are counted too: a search looks each word up in
every segment.
The last line is ``BENCH chat_import messages=… msgs_per_s=… floor_msgs_per_s=… vs_floor=…
maxrss_mb=… command_msgs_per_s=… linearity=… fts_segments=…`` with the goals beside them.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _import_timing import add_client, timed_import
from chat_parse_generator import generate_whatsapp_export

GOAL_MSGS_PER_S = 100_000
GOAL_VS_FLOOR = 0.8
GOAL_MAXRSS_MB = 350
CLIENT = "Bu Sari"
COLUMNS = (
    "client_id, ticket_id, sent_at, from_me, sender, kind, body, media_file, flags, source, "
    "fingerprint, created_at"
)


def fresh_desk(path: Path) -> int:
    """A migrated database at *path* with one client; returns the client's id."""
    from agencydesk.core import migrate
    from agencydesk.core.db import sqlite_url

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = migrate.open_database(sqlite_url(path))
    try:
        return add_client(engine, CLIENT)
    finally:
        engine.dispose()


def time_import(path: Path, parsed: Any) -> tuple[float, int]:
    """Seconds of the import, and the segments of the search index it leaves (each query
    looks a word up in every segment)."""
    from agencydesk.core import migrate
    from agencydesk.core.db import sqlite_url

    client_id = fresh_desk(path)
    engine = migrate.open_database(sqlite_url(path))
    try:
        seconds, new = timed_import(engine, parsed, client_id)
    finally:
        engine.dispose()
    assert new == len(parsed.messages), (new, len(parsed.messages))
    connection = sqlite3.connect(path)
    try:
        hits = connection.execute(
            "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'invoice'"
        ).fetchone()[0]
        segments = connection.execute(
            "SELECT count(DISTINCT segid) FROM message_fts_idx"
        ).fetchone()[0]
    finally:
        connection.close()
    assert hits > 0, "the search index is empty after the import"
    return seconds, segments


def read_rows(path: Path) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT {COLUMNS} FROM message ORDER BY id").fetchall()
    finally:
        connection.close()


def time_floor(path: Path, rows: Sequence[tuple[Any, ...]], source: Path) -> float:
    """A bare load of *rows*: the same schema without the unique fingerprint index and the search
    index (its triggers dropped), the same pragmas as the app, chunked executemany, committed.
    The tickets the rows point at are copied from *source* first."""
    fresh_desk(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS source", (str(source),))
        connection.execute("INSERT INTO main.ticket SELECT * FROM source.ticket")
        connection.execute("DETACH DATABASE source")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'message'"
        ).fetchall():
            connection.execute(f'DROP TRIGGER "{name}"')
        unique = [
            name
            for (name, unique_flag) in (
                (row[1], row[2])
                for row in connection.execute("PRAGMA index_list(message)").fetchall()
            )
            if unique_flag
        ]
        for name in unique:
            if name.startswith("sqlite_autoindex"):
                # a UNIQUE constraint cannot be dropped: the table is made again without it
                _table_without_unique(connection)
                break
            connection.execute(f'DROP INDEX "{name}"')
        insert = f"INSERT INTO message ({COLUMNS}) VALUES ({', '.join('?' * 12)})"
        gc.collect()
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        for start in range(0, len(rows), 5_000):
            connection.executemany(insert, rows[start : start + 5_000])
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _table_without_unique(connection: sqlite3.Connection) -> None:
    sql, indexes = _message_schema(connection)
    sql = sql.replace(", \n\tCONSTRAINT uq_message_fingerprint UNIQUE (fingerprint)", "")
    assert "UNIQUE" not in sql, sql
    connection.execute("DROP TABLE message")
    connection.execute(sql)
    for index in indexes:
        connection.execute(index)


def _message_schema(connection: sqlite3.Connection) -> tuple[str, list[str]]:
    sql = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'message'"
    ).fetchone()[0]
    indexes = [
        row[0]
        for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'message' "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        )
    ]
    return str(sql), indexes


# A small process that runs the command and prints its peak memory: the kernel counts a child's
# peak from its parent's memory at the fork (or vfork: posix_spawn too), and ours is large.
_LAUNCHER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def time_command(path: Path, export: Path) -> tuple[float, float]:
    """(seconds, max RSS in MB) of the whole import-chat command in its own process (started
    by a small launcher process, whose start-up, ~20 ms, is in the time)."""
    fresh_desk(path)
    command = [sys.executable, "-m", "agencydesk", "--db", str(path), "import-chat", str(export)]
    command += ["--client", CLIENT, "--split-hours", "8", "--me", "Rizky"]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - started, int(done.stdout.split()[-1]) / 1024


def measure(folder: Path, n: int, rounds: int) -> dict[str, float]:
    from agencydesk.core.importers import parse_chat_file

    export = folder / f"chat_{n}.txt"
    export.write_text(generate_whatsapp_export(n, seed=0, style="id-android"), encoding="utf-8")
    parsed = parse_chat_file(export)
    messages = len(parsed.messages)
    db = folder / "desk.sqlite3"
    imports, floors, commands, rss, segments = [], [], [], [], []
    rows: list[tuple[Any, ...]] = []
    for _round in range(rounds):
        seconds, segs = time_import(db, parsed)
        imports.append(seconds)
        segments.append(segs)
        if not rows:
            rows = read_rows(db)
        floors.append(time_floor(folder / "floor.sqlite3", rows, db))
    del rows, parsed
    gc.collect()
    for _round in range(rounds):
        seconds, maxrss = time_command(db, export)
        commands.append(seconds)
        rss.append(maxrss)
    result = {
        "messages": messages,
        "import_s": statistics.median(imports),
        "floor_s": statistics.median(floors),
        "command_s": statistics.median(commands),
        "maxrss_mb": max(rss),
        "fts_segments": max(segments),
    }
    print(
        f"{messages:>9,} msgs: import {result['import_s']:6.2f} s "
        f"({messages / result['import_s']:>8,.0f}/s; rounds {_fmt(imports)}), floor "
        f"{result['floor_s']:6.2f} s ({messages / result['floor_s']:>8,.0f}/s; {_fmt(floors)}), "
        f"command {result['command_s']:6.2f} s ({_fmt(commands)}), max RSS "
        f"{result['maxrss_mb']:.0f} MB, search index {result['fts_segments']} segments",
        flush=True,
    )
    return result


def _fmt(values: Sequence[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("messages", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="agencydesk-bench-import-") as tmp:
        folder = Path(tmp)
        small = measure(folder, max(args.messages // 10, 1), args.rounds)
        big = measure(folder, args.messages, args.rounds)
    rate = big["messages"] / big["import_s"]
    floor_rate = big["messages"] / big["floor_s"]
    vs_floor = rate / floor_rate
    linearity = big["import_s"] / small["import_s"]
    command_rate = big["messages"] / big["command_s"]
    print(
        f"import {rate:,.0f} msgs/s (goal ≥ {GOAL_MSGS_PER_S:,}), {vs_floor:.2f}× the bare load "
        f"(goal ≥ {GOAL_VS_FLOOR}), {linearity:.1f}× the time for 10× the messages (linear: "
        f"10.0); the whole command {command_rate:,.0f} msgs/s, peak {big['maxrss_mb']:.0f} MB "
        f"(goal ≤ {GOAL_MAXRSS_MB})"
    )
    print(
        f"BENCH chat_import messages={big['messages']:.0f} msgs_per_s={rate:.0f} "
        f"floor_msgs_per_s={floor_rate:.0f} vs_floor={vs_floor:.2f} "
        f"maxrss_mb={big['maxrss_mb']:.0f} command_msgs_per_s={command_rate:.0f} "
        f"linearity={linearity:.1f} fts_segments={big['fts_segments']} "
        f"goal_msgs_per_s={GOAL_MSGS_PER_S} "
        f"goal_vs_floor={GOAL_VS_FLOOR} goal_maxrss_mb={GOAL_MAXRSS_MB}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
