"""`agencydesk report`, run as the user runs it: a separate process, on the demo database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agencydesk", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env if env is not None else os.environ.copy(),
        check=False,
    )


@pytest.fixture
def demo_db(demo_engine: Engine, db_path: Path) -> Path:
    demo_engine.dispose()
    return db_path


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_report_writes_the_clients_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "Laporan Ratna.pdf"
    result = run_cli(
        "report", "ratna", "--out", str(out), "--from", "2024-01-01", "--lang", "id",
        "--db", str(demo_db),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote the report for Ibu Ratna Wulandari (1 January 2024")
    assert str(out) in result.stdout
    text = _text(out)
    assert "IbuRatnaWulandari" in text
    assert "Laporanlayanan" in text
    assert "Rp3.500.000" in text
    assert re.search(r"#\d+HowdoIaddaphotoofthenewmenu\?", text)  # requests carry their number
    assert "dijawabdalamsatujam" in text  # how fast she heard back
    assert "Bambang" not in text


def test_report_in_letter_size_without_a_display(demo_db: Path, tmp_path: Path) -> None:
    """On a server (no DISPLAY, no Qt platform chosen) the command draws offscreen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    out = tmp_path / "bambang.pdf"
    result = run_cli(
        "report", "Bambang", "--out", str(out), "--paper", "letter", "--lang", "en",
        "--db", str(demo_db), env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ibu",), "“ibu” could be several clients: Ibu Dewi Lestari"),
        (("Pak Nobody",), "There is no client called “Pak Nobody”."),
        (("ratna", "--from", "1 Oct 2026"), "--from 1 Oct 2026 is not a date"),
        (("ratna", "--from", "2026-10-31", "--to", "2026-10-01"), "would end (2026-10-01)"),
    ],
    ids=["ambiguous", "unknown", "not-a-date", "backwards"],
)
def test_mistakes_are_one_plain_line(
    demo_db: Path, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    out = tmp_path / "report.pdf"
    result = run_cli("report", *args, "--out", str(out), "--db", str(demo_db))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    if args == ("ibu",):  # every candidate is named
        for name in ("Ibu Ratna Wulandari", "Ibu Sari Handayani", "Ibu Rina Marlina"):
            assert name in result.stderr


def test_report_needs_a_pdf_name_in_a_real_folder(demo_db: Path, tmp_path: Path) -> None:
    result = run_cli("report", "ratna", "--out", str(tmp_path / "x.docx"), "--db", str(demo_db))
    assert result.returncode == 2
    assert "ending in .pdf" in result.stderr
    result = run_cli(
        "report", "ratna", "--out", str(tmp_path / "missing" / "x.pdf"), "--db", str(demo_db)
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_a_report_mistake_is_found_before_qt_is_loaded(demo_db: Path, tmp_path: Path) -> None:
    """Only drawing the PDF needs Qt: a wrong name fails fast, without it."""
    code = (
        "import sys; from agencydesk.__main__ import main; "
        f"rc = main(['report', 'Pak Nobody', '--out', {str(tmp_path / 'x.pdf')!r}, "
        f"'--db', {str(demo_db)!r}]); "
        "assert rc == 2, rc; assert 'PySide6' not in sys.modules, 'Qt was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_without_lang_the_report_is_in_the_clients_language(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claire reads English, Ratna Indonesian (their forms' Language), whatever the system."""
    for name, system, title in (
        ("Claire", "id_ID.UTF-8", "Supportreport"),
        ("ratna", "en_US.UTF-8", "Laporanlayanan"),
    ):
        monkeypatch.setenv("LANG", system)
        monkeypatch.delenv("LC_ALL", raising=False)
        out = tmp_path / f"{name}.pdf"
        result = run_cli(
            "report", name, "--out", str(out), "--from", "2024-01-01", "--db", str(demo_db),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert title in _text(out), name


def test_report_takes_the_clients_number_when_the_name_is_ambiguous(
    demo_db: Path, tmp_path: Path
) -> None:
    from agencydesk.core import clients
    from agencydesk.core.db import session_scope, sqlite_url
    from agencydesk.core.migrate import open_database

    engine = open_database(sqlite_url(demo_db))
    with session_scope(engine) as session:
        twin = clients.create_client(session=session, values={"name": "Ibu Ratna Wulandari"}).id
    engine.dispose()
    out = tmp_path / "ratna.pdf"
    ambiguous = run_cli("report", "Ibu Ratna Wulandari", "--out", str(out), "--db", str(demo_db))
    assert ambiguous.returncode == 2
    assert f"Ibu Ratna Wulandari (#{twin})" in ambiguous.stderr
    result = run_cli("report", f"#{twin}", "--out", str(out), "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote the report for Ibu Ratna Wulandari")
    assert out.is_file()
