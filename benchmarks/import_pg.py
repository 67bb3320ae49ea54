"""Chat import speed on a team desk (PostgreSQL, COPY), with the floor under it measured in the
same run.

    AGENCYDESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/import_pg.py [N] [--keep]

Generates an N-message (default 1,000,000) Indonesian WhatsApp export (`chat_parse_generator`),
parses it (not timed here: ``chat_parse.py`` times the parser), and in a fresh database on the
server in ``AGENCYDESK_BENCH_PG`` (or ``AGENCYDESK_TEST_PG``), made by the app's migrations:

* ``import``: `import_chat` of the whole export into one client's history, split into tickets at
  8-hour gaps, committed: fingerprints, tickets, the rows streamed by binary COPY with their search
  column (made in Python, or by the server for non-ASCII texts), the GIN index, the fingerprint,
  client and ticket indexes, the triggers (links checked per statement, message_word);
* ``schema copy``: the same rows as the import sends them COPied (no Python per row) into a copy
  of the message table with its indexes (not its triggers): what the server
  spends on these rows whoever sends them;
* ``floor``: a bare COPY of the same rows as the import sends them (read back from the server
  in binary COPY beforehand, so no Python per row) into a table of the same column types with
  no index, trigger or foreign key, committed, in the same run. No import can be faster;
* ``untriggered``: the import again, into a fresh database whose message table has its two
  statement triggers switched off (the benchmark only: a desk needs them).

``benchmarks/import_pg_costs.py`` times the message table's parts one by one.

The database is dropped at the end unless ``--keep``. The last line is
``BENCH import_pg messages=… msgs_per_s=… floor_msgs_per_s=… vs_floor=… import_msgs_per_s_pg=…
floor_msgs_per_s_pg=… import_vs_floor=… schema_copy_msgs_per_s_pg=… import_vs_schema_copy=…
untriggered_msgs_per_s_pg=… triggers_s=… server_part_msgs_per_s_pg=… goal_msgs_per_s=100000
load1=…`` (the ``_pg`` keys as before: the same figures).
``import_vs_schema_copy``: how near the import comes to the server's COPY; ``untriggered``:
the same import into a fresh database with the message table's two statement triggers switched
off (``triggers_s``: what they add); ``server_part``: the COPY and the triggers, the server's
own work for these rows: where it is under the goal, no import reaches the goal on that server,
whoever sends the rows.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _import_timing import add_client, timed_import
from chat_parse_generator import generate_whatsapp_export
from search_pg import scratch_database, server_url

GOAL_MSGS_PER_S = 100_000


def time_import(engine: Any, parsed: Any) -> tuple[float, int]:
    return timed_import(engine, parsed, add_client(engine))


def time_floors(engine: Any) -> tuple[tuple[float, int], float]:
    """(seconds, rows) of a bare COPY of the imported rows into a table without indexes,
    triggers or checks, and the seconds of the same COPY into a copy of the message table with
    all of them (what the server does for these rows, whoever sends them)."""
    from agencydesk.core.chat_import.rows import ALL_COLUMNS as COLUMNS

    # as the import sends them: binary COPY, the search column without positions (strip())
    columns = ", ".join(COLUMNS) + ", search_vector"
    sent = ", ".join(COLUMNS) + ", strip(search_vector)"
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        data = io.BytesIO()
        with connection.cursor() as cursor:
            out = f"COPY (SELECT {sent} FROM message ORDER BY id) TO STDOUT (FORMAT binary)"
            with cursor.copy(out) as copy:
                for block in copy:
                    data.write(block)
            cursor.execute(
                f"CREATE TABLE message_floor AS SELECT {sent} AS search_vector FROM message "
                "WITH NO DATA"
            )
            connection.commit()
            payload = data.getvalue()
            gc.collect()
            started = time.perf_counter()
            into = f"({columns}) FROM STDIN (FORMAT binary)"
            with cursor.copy(f"COPY message_floor {into}") as copy:
                view = memoryview(payload)
                for start in range(0, len(view), 1 << 20):
                    copy.write(view[start : start + (1 << 20)])
            connection.commit()
            seconds = time.perf_counter() - started
            cursor.execute("SELECT count(*) FROM message_floor")
            row = cursor.fetchone()
            assert row is not None
            cursor.execute("CREATE TABLE message_full (LIKE message INCLUDING ALL)")
            connection.commit()
            gc.collect()
            started = time.perf_counter()
            with cursor.copy(f"COPY message_full {into}") as copy:
                for start in range(0, len(view), 1 << 20):
                    copy.write(view[start : start + (1 << 20)])
            connection.commit()
            return (seconds, int(row[0])), time.perf_counter() - started
    finally:
        raw.close()


def time_import_without_triggers(server: str, parsed: Any) -> float:
    """Seconds of the same import into a fresh database whose message table has its two
    statement triggers switched off (the links checked per statement, the word list of the
    search): what they add to an import, which a desk cannot go without."""
    from agencydesk.core import migrate
    from agencydesk.core.message_links_pg import MessageLinks
    from agencydesk.core.search_pg_schema import MESSAGE_WORDS_V3

    triggers = (f"{MessageLinks().check}_insert", MESSAGE_WORDS_V3.function_insert)
    with scratch_database(server, "agencydesk_bench_untriggered") as url:
        engine = migrate.open_database(url)
        try:
            with engine.begin() as connection:
                for trigger in triggers:
                    connection.exec_driver_sql(f"ALTER TABLE message DISABLE TRIGGER {trigger}")
            return time_import(engine, parsed)[0]
        finally:
            engine.dispose()


def check_searchable(engine: Any) -> int:
    from sqlmodel import Session

    from agencydesk.core import search

    with Session(engine) as session:
        results = search.search(session=session, text="invoice", limit=5)
    assert results.used_fts, "no search index on the server"
    return len(results.hits["message"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("messages", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args(argv)
    server = server_url()
    from agencydesk.core import migrate
    from agencydesk.core.importers import parse_chat_text

    print(
        f"generating and parsing a {args.messages:,}-message export; load {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    with tempfile.TemporaryDirectory():
        text = generate_whatsapp_export(args.messages, seed=0, style="id-android")
        parsed = parse_chat_text(text, filename="WhatsApp Chat with Bu Sari.txt")
        del text
    with scratch_database(server, "agencydesk_bench_import", keep=args.keep) as url:
        engine = migrate.open_database(url)
        try:
            import_s, new = time_import(engine, parsed)
            assert check_searchable(engine) > 0, "the imported messages are not found"
            (floor_s, copied), schema_s = time_floors(engine)
        finally:
            engine.dispose()
    untriggered_s = time_import_without_triggers(server, parsed)
    del parsed
    assert copied == new, (copied, new)
    rate, floor_rate = new / import_s, copied / floor_s
    verdict = "ok" if rate >= GOAL_MSGS_PER_S else "MISSED"
    print(
        f"import_chat {new:>9,} msgs {import_s:7.2f} s {rate:>11,.0f} msgs/s "
        f"(COPY, search column + GIN, split into tickets, committed; goal "
        f"{GOAL_MSGS_PER_S:,}/s: {verdict})"
    )
    print(
        f"bare COPY   {copied:>9,} rows {floor_s:7.2f} s {floor_rate:>11,.0f} rows/s "
        "(same rows as sent, no index, trigger, tsvector or foreign key)"
    )
    schema_rate = copied / schema_s
    print(
        f"same COPY into a copy of the message table: {schema_s:.2f} s, {schema_rate:,.0f} "
        "rows/s (search column, GIN, fingerprint and time indexes, no trigger: "
        "the server's part of any import of these rows)"
    )
    print(f"the import runs at {rate / schema_rate:.2f}x the server's own COPY into the table")
    triggers_s = import_s - untriggered_s
    print(
        f"the same import without the message table's two statement triggers: "
        f"{untriggered_s:.2f} s, {new / untriggered_s:,.0f} msgs/s (they take {triggers_s:.2f} s)"
    )
    # the server's part of an import: the COPY into the table, then the triggers
    server_s = schema_s + max(triggers_s, 0.0)
    if new / server_s < GOAL_MSGS_PER_S:
        print(
            f"the server's own part alone (COPY into the table, then its triggers: "
            f"{server_s:.2f} s) is under the goal ({new / server_s:,.0f} < "
            f"{GOAL_MSGS_PER_S:,}/s): no import can reach it on this server"
        )
    load1 = os.getloadavg()[0]
    print(f"load after timing: {load1:.2f} (1 min) on {os.cpu_count()} CPUs")
    print(
        f"BENCH import_pg messages={new} msgs_per_s={rate:.0f} floor_msgs_per_s={floor_rate:.0f} "
        f"vs_floor={rate / floor_rate:.2f} import_msgs_per_s_pg={rate:.0f} "
        f"floor_msgs_per_s_pg={floor_rate:.0f} import_vs_floor={rate / floor_rate:.2f} "
        f"schema_copy_msgs_per_s_pg={schema_rate:.0f} "
        f"import_vs_schema_copy={rate / schema_rate:.2f} "
        f"untriggered_msgs_per_s_pg={new / untriggered_s:.0f} triggers_s={triggers_s:.2f} "
        f"server_part_msgs_per_s_pg={new / server_s:.0f} goal_msgs_per_s={GOAL_MSGS_PER_S} "
        f"load1={load1:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
