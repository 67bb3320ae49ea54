"""Presence benchmark: what a desk's heartbeat costs on PostgreSQL, and how soon another desk
sees it.

Ten desks (ten engines, as ten computers would have; one process, so this measures the database
work, not the network) on one fresh server database each beat ``--beats`` times in turn: a beat
writes the desk's row (server clock) and purges dead ones, then reads the other desks. Reported:
the beat's p50/p95 (write + read, as the heartbeat worker does it), and how long after desk A's
beat commits desk B's read shows it ("seen"), p95: the database's part of "live" (between two
computers add the notification, or at worst B's next beat, 10 s). A desk killed (no more beats)
is gone for the others once its row is older than the expiry (20 s in the app, so at most 30 s
with the others' 10 s beats): measured here with a 1 s expiry, as the tests do ("gone_after_s",
should be just over 1).

    AGENCYDESK_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/presence.py [--desks 10] [--beats 50]

Last line:
``BENCH presence desks=… beat_p50_ms=… beat_p95_ms=… seen_p95_ms=… expiry_s=1 gone_after_s=…``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core import people, presence
from agencydesk.core.db import make_engine, session_scope
from agencydesk.core.migrate import open_database


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--beats", type=int, default=50)
    args = parser.parse_args()
    server = os.environ.get("AGENCYDESK_TEST_PG")
    if not server:
        print("Set AGENCYDESK_TEST_PG to a PostgreSQL server URL.", file=sys.stderr)
        return 2
    name = f"agencydesk_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        open_database(url).dispose()
        desks = [make_engine(url) for _ in range(args.desks)]
        ids = []
        for number, engine in enumerate(desks):
            with session_scope(engine) as session:
                ids.append(people.add_person(session=session, name=f"Person {number}").id)
        beats: list[float] = []
        seen: list[float] = []
        for beat in range(args.beats):
            for number, engine in enumerate(desks):
                started = time.perf_counter()
                with session_scope(engine) as session:
                    presence.beat(
                        session=session,
                        desk_id=f"desk-{number}",
                        person_id=ids[number],
                        subject="ticket",
                        subject_id=beat,
                        typing=beat % 2 == 0,
                    )
                committed = time.perf_counter()
                with Session(engine) as session:
                    presence.others(session=session, desk_id=f"desk-{number}")
                beats.append((time.perf_counter() - started) * 1000)
                other = desks[(number + 1) % len(desks)]
                with Session(other) as session:
                    rows = presence.others(
                        session=session, desk_id=f"desk-{(number + 1) % len(desks)}"
                    )
                assert any(r.desk_id == f"desk-{number}" and r.subject_id == beat for r in rows)
                seen.append((time.perf_counter() - committed) * 1000)
        # desk 0 dies: how long until desk 1 no longer sees it (1 s expiry)
        expiry = timedelta(seconds=1)
        with session_scope(desks[0]) as session:
            presence.beat(session=session, desk_id="desk-0", person_id=ids[0])
        died = time.perf_counter()
        while True:
            with Session(desks[1]) as session:
                rows = presence.others(session=session, desk_id="desk-1", expiry=expiry)
            if not any(r.desk_id == "desk-0" for r in rows):
                break
            time.sleep(0.05)
        gone = time.perf_counter() - died
        for engine in desks:
            engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    print(f"{len(beats)} beats of {args.desks} desks; beat = write + purge + read the others")
    print(
        f"BENCH presence desks={args.desks} beat_p50_ms={statistics.median(beats):.1f} "
        f"beat_p95_ms={_p95(beats):.1f} seen_p95_ms={_p95(seen):.1f} "
        f"expiry_s=1 gone_after_s={gone:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
