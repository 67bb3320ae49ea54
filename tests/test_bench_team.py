"""The team-desk benchmarks' short forms (benchmarks/search_pg.py and import_pg.py run the long
ones): on a tiny desk both run to their BENCH line, and the search finds the same on PostgreSQL
as on SQLite."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import import_pg
import search_pg


@pytest.fixture
def bench_server(monkeypatch: pytest.MonkeyPatch) -> None:
    server = os.environ.get("AGENCYDESK_TEST_PG")
    if not server:
        pytest.skip("set AGENCYDESK_TEST_PG to run the team-desk benchmarks' short forms")
    monkeypatch.delenv("AGENCYDESK_BENCH_PG", raising=False)


def _bench(output: str) -> dict[str, str]:
    line = output.strip().splitlines()[-1]
    assert line.startswith("BENCH ")
    return dict(item.split("=", 1) for item in line.split()[2:])


@pytest.mark.usefixtures("bench_server")
def test_search_benchmark_finds_the_same_on_both_engines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sizes = ["--clients", "60", "--tickets", "300", "--messages", "3000", "--guides", "20"]
    assert search_pg.main([*sizes, "--runs", "1"]) == 0
    figures = _bench(capsys.readouterr().out)
    assert figures["messages"] == "3000"
    assert figures["queries_with_other_hits"] == "0"
    assert float(figures["p95_ms_pg"]) > 0


@pytest.mark.usefixtures("bench_server")
def test_import_benchmark_imports_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert import_pg.main(["3000"]) == 0
    figures = _bench(capsys.readouterr().out)
    assert figures["messages"] == "3000"  # every message imported and copied again for the floor
    assert float(figures["import_msgs_per_s_pg"]) > 0
    assert float(figures["msgs_per_s"]) == float(figures["import_msgs_per_s_pg"])
    assert float(figures["floor_msgs_per_s"]) > 0
    assert 0 < float(figures["vs_floor"]) < 5
    # the server's own part, and how near the import comes to it
    assert float(figures["schema_copy_msgs_per_s_pg"]) > 0
    assert 0 < float(figures["import_vs_schema_copy"]) < 5
    assert float(figures["untriggered_msgs_per_s_pg"]) > 0
    assert float(figures["server_part_msgs_per_s_pg"]) > 0
