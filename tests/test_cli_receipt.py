"""`agencydesk receipt`, run as the user runs it: a separate process, on the demo database; the
PDF read back as the client would read it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import orders, receipts
from tests.test_cli_report import run_cli


@pytest.fixture
def demo_db(demo_engine: Engine, db_path: Path) -> Path:
    demo_engine.dispose()
    return db_path


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_receipt_writes_a_numbered_kuitansi_and_prints_it_again_with_the_same_number(
    demo_db: Path, tmp_path: Path
) -> None:
    first = run_cli("receipt", "claire", "--order", "villa", "--db", str(demo_db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # the first receipt of the desk; Claire's form says English: so are the receipt and its name
    label = f"{date.today().year}-0001"
    out = tmp_path / f"Receipt {label} Claire Dubois.pdf"
    assert first.stdout.strip() == (
        f"Wrote receipt {label} (Rp 9.500.000 from Claire Dubois) to {out}"
    )
    assert len(PdfReader(out).pages) == 1
    text = _text(out)
    assert "Claire Dubois" in text
    assert "Rp 9.500.000" in text
    assert "Nine million five hundred thousand rupiah" in text

    again = tmp_path / "lagi.pdf"
    second = run_cli(
        "receipt", "claire", "--order", "villa", "--lang", "id", "--out", str(again),
        "--db", str(demo_db),
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert second.stdout.split()[2] == label  # the same receipt, not a new number
    text = _text(again)
    assert "Kuitansi" in text
    assert f"No. {label}" in text
    assert "Sembilan juta lima ratus ribu rupiah" in text


def test_receipt_lists_the_paid_orders_when_it_cannot_tell_which(
    demo_db: Path, demo_engine: Engine, tmp_path: Path
) -> None:
    result = run_cli("receipt", "ratna", "--db", str(demo_db), cwd=tmp_path)
    assert result.returncode != 0
    assert "Ibu Ratna Wulandari has" in result.stderr
    assert "say which with --order #ID" in result.stderr
    assert "Traceback" not in result.stderr
    with Session(demo_engine) as session:
        paid = orders.list_orders(session=session, status="paid", search="Ratna")
    assert all(f"#{order.id}  {order.title}" in result.stderr for order in paid)
    assert list(tmp_path.glob("*.pdf")) == []


def test_receipt_for_a_client_without_paid_orders_says_so(demo_db: Path, tmp_path: Path) -> None:
    result = run_cli(
        "receipt", "ratna", "--order", "no such order", "--db", str(demo_db), cwd=tmp_path
    )
    assert result.returncode != 0
    assert 'has no paid order matching "no such order"' in result.stderr
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_wrong_out_is_said_before_any_receipt_is_issued(
    demo_db: Path, demo_engine: Engine, tmp_path: Path
) -> None:
    for out, said in (
        (tmp_path / "nope" / "x.pdf", f"The folder {tmp_path / 'nope'} does not exist."),
        (tmp_path / "x.txt", "The receipt is a PDF: give --out a name ending in .pdf (x.txt)."),
    ):
        result = run_cli(
            "receipt", "claire", "--order", "villa", "--out", str(out), "--db", str(demo_db)
        )
        assert result.returncode == 2
        assert result.stderr.strip() == f"agencydesk: {said}"
    with Session(demo_engine) as session:
        villa = orders.list_orders(session=session, search="Villa")[0]
        assert receipts.receipt_for_order(session=session, order_id=villa.id) is None


def test_a_receipt_whose_pdf_cannot_be_written_says_it_is_issued_and_how_to_print_it(
    demo_db: Path, tmp_path: Path
) -> None:
    """It was numbered all the same, and only the PDF's problem was said."""
    folder = tmp_path / "kuitansi.pdf"
    folder.mkdir()  # where the file should go, a folder: found only when it is written
    done = run_cli(
        "receipt", "claire", "--order", "villa", "--out", str(folder), "--db", str(demo_db)
    )
    assert done.returncode == 2, done.stderr
    label = f"{date.today().year}-0001"
    assert f"Receipt {label} is issued, but its PDF was not written: {folder}" in done.stderr
    assert "Print it again with: agencydesk receipt 'claire' --order #" in done.stderr
    assert "Traceback" not in done.stderr
