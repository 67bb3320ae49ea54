"""benchmarks/team.py's shortest form: two desks (two processes) on a tiny team desk for two
seconds. What one desk commits reaches the other, and no saved edit is silently overwritten."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import team


def test_two_desks_hear_each_other_and_lose_no_edit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not os.environ.get("AGENCYDESK_TEST_PG"):
        pytest.skip("set AGENCYDESK_TEST_PG to run the team benchmark's short form")
    monkeypatch.delenv("AGENCYDESK_BENCH_PG", raising=False)
    args = ["--scale", "tiny", "--desks", "2", "--seconds", "2", "--pace", "4"]
    assert team.main([*args, "--search-runs", "1"]) == 0
    output = capsys.readouterr().out
    heard = next(line for line in output.splitlines() if line.startswith("propagation:"))
    assert " 0 never heard" in heard, heard  # every reply and edit reached the other desk
    bench = output.strip().splitlines()[-1]
    assert bench.startswith("BENCH team desks=2 ")
    figures = dict(item.split("=", 1) for item in bench.split()[2:])
    assert float(figures["propagate_p95_ms"]) < 1000
    if "versions: conflicting saves caught" in output:
        assert figures["lost_updates"] == "0"
    else:  # before record versions, two desks may overwrite each other: the run says so
        assert "NO record versions" in output
    assert float(figures["import_msgs_per_s_pg"]) > 0
