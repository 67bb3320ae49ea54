"""Where the server's time goes when chat messages are COPied into the message table.

    AGENCYDESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/import_pg_costs.py [N] [--db URL] [--runs 3]

Takes the rows of an imported chat (``--db``: a database ``import_pg.py --keep`` left; otherwise
N messages are generated and imported into a scratch database first), reads them back as COPY
text once, then COPies the same text (no Python per row) into a fresh table per variant: the
bare columns, then the message table's parts one at a time (the generated search column, its
GIN index, the unique fingerprint index, the other indexes, the foreign keys it had before
migration 0018 and the links checked per statement it has since, the message_word trigger),
everything as before 0018, and everything as today: the search column sent ready-made (a plain
tsvector column), the links checked per statement. Each variant is timed ``--runs`` times,
interleaved, committed; medians are printed with the load. ``import_pg.py`` measures the real
table (its COPY, and the import with and without its triggers).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import search as solo  # for the load line
from search_pg import scratch_database, server_url

T = "cost_message"
W = "cost_word"
_FKS = (
    f"ALTER TABLE {T} ADD FOREIGN KEY (client_id) REFERENCES client(id) ON DELETE CASCADE, "
    "ADD FOREIGN KEY (ticket_id) REFERENCES ticket(id) ON DELETE SET NULL, "
    "ADD FOREIGN KEY (author_id) REFERENCES person(id) ON DELETE SET NULL"
)
_PK = f"ALTER TABLE {T} ADD PRIMARY KEY (id)"
_GIN = f"CREATE INDEX ON {T} USING gin (search_vector)"
_FINGERPRINT = f"CREATE UNIQUE INDEX ON {T} (fingerprint)"
_BTREES = (
    f"CREATE INDEX ON {T} (client_id, sent_at)",
    f"CREATE INDEX ON {T} (ticket_id, sent_at)",
)
_WORDS = (
    f'CREATE TABLE {W} (word text COLLATE "C" PRIMARY KEY)',
    f"CREATE FUNCTION {W}_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "DECLARE low bigint; high bigint; added bigint;\n"
    "BEGIN\n"
    "  SELECT min(id), max(id), count(*) INTO low, high, added FROM new_rows;\n"
    "  IF added = 0 THEN RETURN NULL; END IF;\n"
    f"  INSERT INTO {W} SELECT word FROM ts_stat(format(\n"
    f"    'SELECT search_vector FROM {T} WHERE id BETWEEN %s AND %s', low, high)) ORDER BY 1\n"
    "  ON CONFLICT DO NOTHING;\n"
    "  RETURN NULL;\n"
    "END $$",
    f"CREATE TRIGGER {W}_after_insert AFTER INSERT ON {T} REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {W}_after_insert()",
)
_GENERATED = f"CREATE TABLE {T} (LIKE message INCLUDING DEFAULTS INCLUDING GENERATED)"
_PLAIN = f"CREATE TABLE {T} (LIKE message INCLUDING DEFAULTS)"  # search_vector: a plain column

#: the links checked once per statement over all new rows, as the message table has done since
#: migration 0018 instead of foreign keys (this is one scan of the new rows; the shipped check,
#: `message_links_pg.MessageLinks`, reads them once per link)
_FK_CHECK = (
    f"CREATE FUNCTION {T}_links() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "DECLARE clients int[]; tickets int[]; people int[];\n"
    "BEGIN\n"
    "  SELECT array_agg(DISTINCT client_id), array_agg(DISTINCT ticket_id), "
    "array_agg(DISTINCT author_id) INTO clients, tickets, people FROM new_rows;\n"
    "  IF (SELECT count(*) FROM (SELECT 1 FROM client WHERE id = ANY(clients) FOR KEY SHARE) x)"
    " <> cardinality(array_remove(clients, NULL))"
    " OR (SELECT count(*) FROM (SELECT 1 FROM ticket WHERE id = ANY(tickets) FOR KEY SHARE) x)"
    " <> cardinality(array_remove(tickets, NULL))"
    " OR (SELECT count(*) FROM (SELECT 1 FROM person WHERE id = ANY(people) FOR KEY SHARE) x)"
    " <> cardinality(array_remove(people, NULL)) THEN\n"
    "    RAISE foreign_key_violation USING MESSAGE = 'no such client, ticket or person';\n"
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END $$",
    f"CREATE TRIGGER {T}_links AFTER INSERT ON {T} REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {T}_links()",
)

#: name → (statements making the table, the search column is sent)
VARIANTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "bare columns (floor)": (
        (f"CREATE TABLE {T} AS SELECT {{columns}} FROM message WITH NO DATA",),
        False,
    ),
    "+ id primary key": ((_PLAIN, _PK), False),
    "+ id, generated search column": ((_GENERATED, _PK), False),
    "+ id, generated search column, GIN": ((_GENERATED, _PK, _GIN), False),
    "+ id, unique fingerprint index": ((_PLAIN, _PK, _FINGERPRINT), False),
    "+ id, client/ticket time indexes": ((_PLAIN, _PK, *_BTREES), False),
    "+ id, foreign keys (before migration 0018)": ((_PLAIN, _PK, _FKS), False),
    "+ id, links checked per statement": ((_PLAIN, _PK, *_FK_CHECK), False),
    "+ id, generated search column, message_word trigger": ((_GENERATED, _PK, *_WORDS), False),
    "everything before 0018 (generated search column, foreign keys)": (
        (_GENERATED, _PK, _GIN, _FINGERPRINT, *_BTREES, _FKS, *_WORDS),
        False,
    ),
    "+ id, search column sent": ((_PLAIN, _PK), True),
    "+ id, search column sent, GIN": ((_PLAIN, _PK, _GIN), True),
    "everything, search column sent, foreign keys": (
        (_PLAIN, _PK, _GIN, _FINGERPRINT, *_BTREES, _FKS, *_WORDS),
        True,
    ),
    "everything as today (search column sent, links checked per statement)": (
        (_PLAIN, _PK, _GIN, _FINGERPRINT, *_BTREES, *_FK_CHECK, *_WORDS),
        True,
    ),
}

_GIN_NAME = f"{T}_search_vector_idx"

#: what the message table could be instead (--set candidates)
CANDIDATES: dict[str, tuple[tuple[str, ...], bool]] = {
    "bare columns (floor)": VARIANTS["bare columns (floor)"],
    "+ id, search column sent": ((_PLAIN, _PK), True),
    "+ id, search column sent, GIN": ((_PLAIN, _PK, _GIN), True),
    "+ id, search column sent, GIN fastupdate off": (
        (_PLAIN, _PK, _GIN + " WITH (fastupdate = off)"),
        True,
    ),
    "+ id, search column sent, GIN, pending list 64 MB, cleaned": (
        (
            _PLAIN,
            _PK,
            _GIN,
            "BEFORE SET LOCAL gin_pending_list_limit = 65536",
            f"AFTER SELECT gin_clean_pending_list('{_GIN_NAME}')",
        ),
        True,
    ),
    "+ id, search column sent, GIN, pending list 1 GB, cleaned": (
        (
            _PLAIN,
            _PK,
            _GIN,
            "BEFORE SET LOCAL gin_pending_list_limit = 1048576",
            "BEFORE SET LOCAL work_mem = 65536",
            f"AFTER SELECT gin_clean_pending_list('{_GIN_NAME}')",
        ),
        True,
    ),
    "+ id, search column sent, GIN, pending list 64 MB, work_mem 64 MB, cleaned": (
        (
            _PLAIN,
            _PK,
            _GIN,
            "BEFORE SET LOCAL gin_pending_list_limit = 65536",
            "BEFORE SET LOCAL work_mem = 65536",
            f"AFTER SELECT gin_clean_pending_list('{_GIN_NAME}')",
        ),
        True,
    ),
    "+ id, foreign keys (before migration 0018)": VARIANTS[
        "+ id, foreign keys (before migration 0018)"
    ],
    "+ id, links checked per statement": VARIANTS["+ id, links checked per statement"],
}


def read_rows(connection: Any, columns: str) -> tuple[bytes, bytes]:
    """The imported rows as COPY text: without and with their search column."""
    out = []
    for select in (columns, f"{columns}, search_vector"):
        data = bytearray()
        sql = f"COPY (SELECT {select} FROM message ORDER BY id) TO STDOUT"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for block in copy:
                data += block
        out.append(bytes(data))
    connection.commit()
    return out[0], out[1]


def drop(connection: Any) -> None:
    connection.execute(f"DROP TABLE IF EXISTS {T}, {W} CASCADE")
    connection.execute(f"DROP FUNCTION IF EXISTS {W}_after_insert() CASCADE")
    connection.commit()


def time_variant(connection: Any, statements: Sequence[str], payload: bytes, columns: str) -> float:
    drop(connection)
    connection.execute(f"DROP FUNCTION IF EXISTS {T}_links() CASCADE")
    before = [sql[len("BEFORE ") :] for sql in statements if sql.startswith("BEFORE ")]
    after = [sql[len("AFTER ") :] for sql in statements if sql.startswith("AFTER ")]
    for sql in statements:
        if not sql.startswith(("BEFORE ", "AFTER ")):
            connection.execute(sql.replace("{columns}", columns))
    connection.commit()
    connection.execute("CHECKPOINT")  # the last run's writes are not flushed during this one
    connection.commit()
    gc.collect()
    view = memoryview(payload)
    started = time.perf_counter()
    for sql in before:  # in the import's transaction (SET LOCAL …)
        connection.execute(sql)
    with connection.cursor() as cursor, cursor.copy(f"COPY {T} ({columns}) FROM STDIN") as copy:
        for start in range(0, len(view), 1 << 20):
            copy.write(view[start : start + (1 << 20)])
    for sql in after:
        connection.execute(sql)
    connection.commit()
    return time.perf_counter() - started


def measure(url: str, runs: int, variants: dict[str, tuple[tuple[str, ...], bool]]) -> None:
    import psycopg

    from agencydesk.core.chat_import.rows import ALL_COLUMNS as COLUMNS

    plain = ", ".join(COLUMNS)
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        without, with_vector = read_rows(connection, plain)
        count = without.count(b"\n")
        print(f"{count:,} rows; timing {len(variants)} variants x {runs} runs; {solo._load()}")
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _round in range(runs):
            for name, (statements, sent) in variants.items():
                payload = with_vector if sent else without
                columns = f"{plain}, search_vector" if sent else plain
                times[name].append(time_variant(connection, statements, payload, columns))
                print(f"  {name}: {times[name][-1]:.2f} s", flush=True)
        drop(connection)
    floor = statistics.median(times["bare columns (floor)"])
    print(f"medians ({runs} runs), after timing: {solo._load()}")
    for name, values in times.items():
        seconds = statistics.median(values)
        print(
            f"{name:<72}{seconds:7.2f} s {count / seconds:>10,.0f} rows/s "
            f"(+{seconds - floor:5.2f} s over the floor)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("messages", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--db", help="a database with imported messages (import_pg.py --keep)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--set", choices=("today", "candidates"), default="today")
    args = parser.parse_args(argv)
    if args.db:
        measure(args.db, args.runs, CANDIDATES if args.set == "candidates" else VARIANTS)
        return 0
    import import_pg

    from agencydesk.core import migrate
    from agencydesk.core.importers import parse_chat_text

    text = import_pg.generate_whatsapp_export(args.messages, seed=0, style="id-android")
    parsed = parse_chat_text(text, filename="WhatsApp Chat with Bu Sari.txt")
    del text
    with scratch_database(server_url(), "agencydesk_bench_costs") as url:
        engine = migrate.open_database(url)
        try:
            import_pg.time_import(engine, parsed)
        finally:
            engine.dispose()
        del parsed
        measure(url, args.runs, CANDIDATES if args.set == "candidates" else VARIANTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
