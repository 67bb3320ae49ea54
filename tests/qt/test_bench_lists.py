"""benchmarks/lists.py's short form (the long one is 100,000 tickets): on a small desk it runs to
its BENCH line, every far ticket it chooses is shown, and each figure stands beside its floor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import lists


def test_the_lists_benchmark_runs_to_its_bench_line(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lists.main(["--clients", "100", "--tickets", "1500", "--runs", "1"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("BENCH lists engine=sqlite tickets=1500 ")
    figures = dict(item.split("=", 1) for item in line.split()[2:])
    for name in ("refresh", "page_sql", "far_first", "ids_sql", "far_next", "refresh_far"):
        assert float(figures[f"{name}_ms"]) > 0, name
    assert float(figures["refresh_vs_floor"]) > 0
