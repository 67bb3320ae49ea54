"""`agencydesk follow-up` (remind me Thursday) and `agencydesk time` (billable hours as CSV)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from agencydesk.__main__ import main


def test_add_list_and_mark_done_and_mistakes_are_one_sentence(
    demo_engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_engine.dispose()
    db = ["--db", str(db_path)]
    assert main(["follow-up", "list", *db]) == 0
    assert capsys.readouterr().out == "Nothing to follow up.\n"

    assert (
        main(["follow-up", "add", "ratna", "--on", "2026-12-10", "--note", "Foto menu", *db]) == 0
    )
    said = capsys.readouterr().out
    assert said == "Follow-up #1  Thu 10 Dec 2026 09:00  Ibu Ratna Wulandari  · Foto menu\n"
    assert main(["follow-up", "add", "sari", "--on", "2026-12-09T14:30", *db]) == 0
    capsys.readouterr()
    assert main(["follow-up", "list", *db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["#2", "#1"]  # the soonest first

    assert main(["follow-up", "done", "2", *db]) == 0
    assert capsys.readouterr().out == "Follow-up #2 is done.\n"
    assert main(["follow-up", "list", *db]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["#1"]

    assert main(["follow-up", "add", "ratna", "--on", "kamis", *db]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert "--on kamis is not a day and time" in said
    assert main(["follow-up", "add", "sari", "--on", "2026-12-10", "--ticket", "1", *db]) == 2
    assert capsys.readouterr().err == ("agencydesk: That ticket does not belong to this client.\n")


def test_a_clients_billable_hours_per_month_as_csv(
    demo_engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_engine.dispose()
    out = tmp_path / "ratna.csv"
    assert main(["time", "ratna", "--csv", str(out), "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Wrote ")
    assert said.endswith(f" of time to {out}\n")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "month,billable_hours,other_hours"
    assert all(float(line.split(",")[1]) >= 0 for line in lines[1:])
    assert len(lines) > 1
    assert (
        main(["time", "ratna", "--csv", str(tmp_path / "no" / "x.csv"), "--db", str(db_path)]) == 2
    )
    assert "does not exist" in capsys.readouterr().err
