"""Moving a big solo desk to a team server and exporting it back (`server move`, `server export`).

Builds the search benchmark's desk (benchmarks/search.py: 5,000 clients, 100,000 tickets and
1,000,000 messages; ``--quick``: 100,000 messages), or reuses ``--db``; then, on a fresh database
of the PostgreSQL server in ``$AGENCYDESK_TEST_PG``, times `move_to_server` (migrations, COPY of
every table, sequences, then every table counted and checksummed on both sides, in one
transaction) and `export_snapshot` (a new SQLite file with its FTS index filled, checked the same
way). The database is dropped afterwards.

    AGENCYDESK_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/server_move.py [--quick] [--db PATH]

Last line: ``BENCH server_move rows=… move_s=… move_rows_per_s=… export_s=… export_rows_per_s=…``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100,000 messages, not 1,000,000")
    parser.add_argument("--db", type=Path, help="a solo desk to move instead of building one")
    args = parser.parse_args()
    server = os.environ.get("AGENCYDESK_TEST_PG")
    if not server:
        print("set AGENCYDESK_TEST_PG to a PostgreSQL server's URL (see the docstring)")
        return 2
    import search as search_bench  # benchmarks/search.py: the big desk
    import sqlalchemy as sa

    from agencydesk.core.server_export import export_snapshot
    from agencydesk.core.server_move import move_to_server

    workdir = Path(tempfile.mkdtemp(prefix="agencydesk-move-"))
    if args.db is None:
        sizes = search_bench.Sizes(5_000, 100_000, 100_000 if args.quick else 1_000_000, 1_000)
        desk = workdir / "solo.sqlite3"
        print(f"building {desk}: {sizes.describe()}", flush=True)
        search_bench.build_database(desk, sizes)
    else:
        desk = args.db.expanduser().resolve()
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"agencydesk_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        started = time.perf_counter()
        moved = move_to_server(desk, url)
        move_s = time.perf_counter() - started
        print(f"moved {moved.total:,} rows in {move_s:.1f} s", flush=True)
        started = time.perf_counter()
        exported = export_snapshot(url, workdir / "snapshot.sqlite3")
        export_s = time.perf_counter() - started
        print(f"exported {exported.total:,} rows in {export_s:.1f} s", flush=True)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    rows = moved.total
    print(
        f"BENCH server_move rows={rows} move_s={move_s:.1f} move_rows_per_s={rows / move_s:.0f} "
        f"export_s={export_s:.1f} export_rows_per_s={exported.total / export_s:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
