"""`agencydesk first-replies`: how fast new tickets heard back, month by month, at a shell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from agencydesk.__main__ import main
from agencydesk.reports.text import month_name


def test_the_desk_and_one_client_month_by_month_in_either_language(
    demo_engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_engine.dispose()
    assert main(["first-replies", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Our first replies, month by month — the whole desk"
    assert lines[1].split("  ")[0] == "Month"
    # this month first, then the five before it, each on its own line
    this_month = date.today().replace(day=1)
    assert lines[2].startswith(month_name(this_month, "en"))
    assert len(lines) == 2 + 6

    assert (
        main(["first-replies", "ratna", "--months", "2", "--lang", "id", "--db", str(db_path)]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Balasan pertama kami, per bulan — Ibu Ratna Wulandari"
    assert lines[1].startswith("Bulan ")
    assert lines[2].startswith(month_name(this_month, "id"))
    assert len(lines) == 2 + 2


def test_a_client_nobody_has_and_a_wrong_number_of_months_are_one_sentence(
    demo_engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_engine.dispose()
    assert main(["first-replies", "nobody", "--db", str(db_path)]) == 2
    assert capsys.readouterr().err == "agencydesk: There is no client called “nobody”.\n"
    assert main(["first-replies", "--months", "0", "--db", str(db_path)]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert "--months is a number of months from 1 to 120" in said
