"""An imported chat in the client report: a deleted message and a picture the export left out
are words the client can read ("message deleted"), never an empty line or a box."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import chat_import as ci
from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.importers import parse_chat_file
from agencydesk.reports import pdf
from agencydesk.reports.content import ReportOptions, build_report_content

CHAT = """01/11/26 09.00 - Bu Ratna: Mas, website saya error
01/11/26 09.01 - Bu Ratna: Pesan ini telah dihapus
01/11/26 09.02 - Bu Ratna: <Media tidak disertakan>
01/11/26 09.10 - Rudi: Baik Bu, saya cek
"""


@pytest.mark.parametrize(
    ("language", "deleted", "left_out"),
    [
        ("en", "message deleted", "picture or file not in the export"),
        ("id", "pesan dihapus", "gambar atau file tidak ada di ekspor"),
    ],
)
def test_deleted_and_left_out_messages_are_words_in_the_report(
    qapp: QApplication,
    engine: Engine,
    tmp_path: Path,
    language: str,
    deleted: str,
    left_out: str,
) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna Wulandari"})
        assert client.id is not None
        ratna = client.id
    export = tmp_path / "WhatsApp Chat with Bu Ratna.txt"
    export.write_text(CHAT, encoding="utf-8")
    parsed = parse_chat_file(export)
    with Session(engine) as session:
        plan = ci.plan_import(
            parsed=parsed, choices=ci.client_choices(session=session), client_id=ratna
        )
    ci.import_chat_with_media(
        engine,
        parsed=parsed,
        export_path=export,
        data_dir=None,
        client_id=ratna,
        mapping=plan.mapping,
        target=ci.SplitAtGaps(8),
    )
    options = ReportOptions(date(2026, 1, 1), date(2026, 11, 30), language, excerpts=True)
    with Session(engine) as session:
        content = build_report_content(session=session, client_id=ratna, options=options)
    path = tmp_path / "report.pdf"
    pdf.render_report_pdf(content, path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    squashed = "".join(text.split())
    assert "".join(deleted.split()) in squashed
    assert "".join(left_out.split()) in squashed
    assert "📎" not in text
    assert "Websitesayaerror" in squashed
