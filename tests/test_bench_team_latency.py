"""A team server a network away, as benchmarks/team_latency.py makes one: the proxy adds its
delay to every round trip and passes the bytes unchanged, and the benchmark's short form opens
the real window through it, where choosing a ticket runs no SQL on the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _latency_proxy import LatencyProxy

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_proxy_delays_each_round_trip_and_keeps_the_bytes(pg_url: str) -> None:
    url = make_url(pg_url)
    text = "Tolong ganti foto banner 🙏 " * 2000  # larger than one read of the proxy
    proxy = LatencyProxy((url.host or "127.0.0.1", url.port or 5432), 0.015)
    with (
        proxy,
        psycopg.connect(
            host="127.0.0.1", port=proxy.port, user=url.username, dbname=url.database
        ) as conn,
    ):
        conn.execute("SELECT 1")
        started = time.perf_counter()
        for _ in range(5):
            [(echoed,)] = conn.execute("SELECT %s::text", (text,)).fetchall()
        per_round_trip = (time.perf_counter() - started) / 5
    assert echoed == text
    assert 0.028 <= per_round_trip < 0.2  # 15 ms each way


def test_the_latency_benchmark_opens_the_window_through_the_proxy() -> None:
    server = os.environ.get("AGENCYDESK_TEST_PG")
    if not server:
        pytest.skip("set AGENCYDESK_TEST_PG to run the latency benchmark's short form")
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "team_latency.py"),
            "--rtt-ms",
            "20",
            "--settle-ms",
            "150",
        ],
        env={**os.environ, "AGENCYDESK_BENCH_PG": server, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("BENCH team_latency rtt_ms=20 ")
    figures = dict(item.split("=", 1) for item in line.split()[2:])
    for key in ("worst_ms", "worst_base_ms", "choose_ticket_ms", "choose_client_ms"):
        assert float(figures[key]) >= 0, key
    # a ticket chosen is read in a worker: no statement (no round trip) on the GUI thread
    chosen = [row.split() for row in done.stdout.splitlines() if row.startswith("choose ticket")]
    assert len(chosen) == 3
    assert all(row[-1] == "0" for row in chosen), chosen
