"""The chat import benchmark's short form (benchmarks/chat_import.py runs the long one): on a tiny
export it runs to its BENCH line, and the import beside the floor says something sensible."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import chat_import


@pytest.mark.slow
def test_the_chat_import_benchmark_runs_to_its_bench_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert chat_import.main(["3000", "--rounds", "1"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("BENCH chat_import ")
    figures = dict(item.split("=", 1) for item in line.split()[2:])
    assert int(figures["messages"]) > 2_000
    assert float(figures["msgs_per_s"]) > 0
    assert 0 < float(figures["vs_floor"]) < 5
    assert float(figures["maxrss_mb"]) > 10
