"""The reliability run's short form (benchmarks/reliability.py has the long one): real
agencydesk processes killed with SIGKILL mid-import, mid-backup, mid-restore and mid-upgrade
leave a healthy database holding all or none of the work, and no broken backup."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from damaged_page import damage_a_page
from sqlalchemy.engine import Engine

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "reliability.py"
_SPEC = importlib.util.spec_from_file_location("reliability", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
reliability = importlib.util.module_from_spec(_SPEC)
sys.modules["reliability"] = reliability  # dataclasses look their module up by name
_SPEC.loader.exec_module(reliability)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_at_random_moments_never_corrupts_or_half_writes() -> None:
    report = reliability.kill_trials(8, seed=7, export_messages=4_000)
    assert report.corrupt == []
    assert report.partial == []
    assert report.kills >= 2  # most trials really were killed mid-run, not after finishing


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_during_a_big_import_leaves_all_or_nothing_and_every_index() -> None:
    """An import that at least doubles the messages drops the unique fingerprint index, the other
    message indexes and the search triggers, and makes them again after its rows."""
    # seed 4 kills at 11–43 % of the import's undisturbed time: mid-run even on a busy machine
    report = reliability.kill_trials(5, seed=4, export_messages=30_000, kinds=("import",))
    assert report.corrupt == []
    assert report.partial == []
    assert report.kills >= 2


def test_the_database_check_finds_a_damaged_page(
    tmp_path: Path, demo_engine: Engine, db_path: Path
) -> None:
    """The harness itself can fail: one overwritten page is reported."""
    demo_engine.dispose()
    damaged = tmp_path / "damaged.sqlite3"
    damage_a_page(db_path, damaged)
    assert reliability.database_problems(db_path) == []
    assert reliability.database_problems(damaged) != []
