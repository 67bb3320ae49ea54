"""The receipt PDF read back (pypdf): what the client holds in their hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import agency, authorship, clients, orders, people, receipts
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.db import session_scope
from agencydesk.reports.receipt import build_receipt_content
from agencydesk.reports.receipt_pdf import render_receipt_pdf


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_receipt_prints_the_letterhead_the_words_as_typed_and_who_issued_it(
    qapp: QApplication, engine: Engine, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        agency.save_agency_profile(
            session=session,
            profile=AgencyProfile(name="Budi Web Studio", address="Jl. Teuku Umar 88, Denpasar"),
        )
        client = clients.create_client(
            session=session, values={"name": "Toko <b>Kue</b> & Roti", "language": "id"}
        )
        assert client.id is not None
        order = orders.create_order(
            session=session,
            client_id=client.id,
            values={"title": "Logo & kartu nama", "amount": 750_000, "status": "paid"},
        )
        sari = people.add_person(session=session, name="Sari Wulandari")
    authorship.act_as(engine, sari.id)
    try:
        with session_scope(engine) as session:
            assert order.id is not None
            issued = receipts.issue_receipt(
                session=session, order_id=order.id, today=date(2026, 12, 4)
            )
    finally:
        authorship.act_as(engine, None)
    with Session(engine) as session:
        content = build_receipt_content(session=session, receipt_id=issued.id)
    assert content.language == "id"  # the client's own language
    out = tmp_path / "out" / f"{content.file_stem}.pdf"
    out.parent.mkdir()
    render_receipt_pdf(content, out)
    assert out.name == "Kuitansi 2026-0001 Toko b Kue b & Roti.pdf"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no partial file left
    text = _text(out)
    for expected in (
        "Budi Web Studio",
        "Jl. Teuku Umar 88, Denpasar",
        "Kuitansi",
        "No. 2026-0001",
        "Toko <b>Kue</b> & Roti",
        "Tujuh ratus lima puluh ribu rupiah",
        "Logo & kartu nama",
        "Rp 750.000",
        "4 Desember 2026",
        "Yang menerima,",
        "Sari Wulandari",
    ):
        assert expected in text, expected
    assert PdfReader(out).metadata.title == "Kuitansi 2026-0001 — Toko <b>Kue</b> & Roti"
