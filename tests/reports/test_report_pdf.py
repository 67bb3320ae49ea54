"""Client reports written as PDF and read back (pypdf), as the client would read them."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtGui import (
    QFontDatabase,
    QPdfWriter,
    QPyTextObject,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import agency, clients, demo
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.models import Client, Credential, Ticket, TicketStatus
from agencydesk.reports import html_parts, pagination, pdf, template
from agencydesk.reports.content import ReportContent, ReportOptions, build_report_content

ALL_TIME = (date(2024, 1, 1), date.today())
RATNA = "Ibu Ratna Wulandari"
RATNAS_CASCADE = (
    "Ibu Sari Handayani",
    "Pak Hendra Gunawan",
    "Ibu Dewi Lestari",
    "Ibu Rina Marlina",
    "Pak Yusuf Rahman",
    "Mbak Lestari Putri",
)
SECRET = "Sup3r-Rahasia-" + "kata-sandi"


class _MemoryKeyring(KeyringBackend):
    """A keyring in this process's memory only."""

    priority = -5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password")


@pytest.fixture
def memory_backend() -> Iterator[_MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = _MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        client = session.exec(select(Client).where(Client.name == name)).one()
        assert client.id is not None
        return client.id


def _content(engine: Engine, client_id: int, **options: Any) -> ReportContent:
    values: dict[str, Any] = {"start": ALL_TIME[0], "end": ALL_TIME[1]} | options
    with Session(engine) as session:
        return build_report_content(
            session=session, client_id=client_id, options=ReportOptions(**values)
        )


def _write(
    qapp: QApplication, content: ReportContent, path: Path, **kwargs: Any
) -> tuple[PdfReader, str]:
    pages = pdf.render_report_pdf(content, path, **kwargs)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    """Without white space: pypdf puts tabs or nothing between words."""
    return "".join(text.split())


def _has(text: str, wanted: str) -> bool:
    return _squash(wanted) in _squash(text)


def test_bu_ratnas_report_has_her_data_her_cascade_and_nobody_elses(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _id(demo_engine, RATNA)
    reader, text = _write(qapp, _content(demo_engine, ratna), tmp_path / "ratna.pdf")
    assert _has(text, RATNA)
    assert _has(text, "Support report")
    for title in (
        "Teach Bu Ratna to chat online before we start",
        "Website shows 'Error establishing a database connection'",
        "Hosting renewal for katering-bunda-ratna.id",
        "Company profile website for Katering Bunda Ratna",
    ):
        assert _has(text, title), title
    assert _has(text, "Rp 3.500.000")  # her first order
    assert _has(text, "Paid in this period Rp 5.300.000")
    assert _has(text, "Agreed, still to pay Rp 1.500.000")
    assert _has(text, "your recommendations brought 6 new clients")
    for name in RATNAS_CASCADE:
        assert _has(text, name), name
    others = {c.values["name"] for c in demo.DEMO_CLIENTS} - {RATNA, *RATNAS_CASCADE}
    assert others  # Bambang, Andi, Claire came on their own
    for name in others:
        assert str(name).split()[-1] not in text, name
    # the desk's own notes about her stay in the desk
    assert "one step per message" not in _squash(text)
    assert not _has(text, "first client, referrer")
    assert not _has(text, "needs every step explained")
    # her friends' money is theirs: no amounts from the cascade (Sari paid Rp 8.100.000)
    assert not _has(text, "8.1M")
    assert not _has(text, "Rp 8.100.000")
    assert reader.metadata is not None
    assert RATNA in str(reader.metadata.title)


def test_a_report_never_shows_a_clients_referrer_or_other_clients(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    sari = _id(demo_engine, "Ibu Sari Handayani")
    _reader, text = _write(qapp, _content(demo_engine, sari), tmp_path / "sari.pdf")
    assert _has(text, "Ibu Sari Handayani")
    assert _has(text, "Ibu Rina Marlina")  # whom she introduced
    assert "Ratna" not in text  # who introduced her
    assert "Hendra" not in text


def test_a_planted_login_and_its_secret_never_reach_the_report(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path, memory_backend: _MemoryKeyring
) -> None:
    ratna = _id(demo_engine, RATNA)
    ref = secrets.token_hex(16)
    keyring.set_password("agencydesk", ref, SECRET)
    with session_scope(demo_engine) as session:
        session.add(
            Credential(
                client_id=ratna,
                label="cPanel hosting",
                url="https://cpanel.katering-bunda-ratna.id:2083",
                username="ratna_admin_2024",
                notes="reset in March",
                secret_ref=ref,
            )
        )
    assert keyring.get_password("agencydesk", ref) == SECRET
    path = tmp_path / "ratna.pdf"
    _reader, text = _write(qapp, _content(demo_engine, ratna, excerpts=True), path)
    for planted in (SECRET, "ratna_admin_2024", "cPanel hosting", "cpanel.katering", ref):
        assert planted not in _squash(text), planted
        assert planted.encode() not in path.read_bytes(), planted


def test_the_indonesian_report_speaks_indonesian(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _id(demo_engine, RATNA)
    _reader, text = _write(
        qapp, _content(demo_engine, ratna, language="id"), tmp_path / "laporan.pdf"
    )
    for label in (
        "Laporan layanan",
        "Ringkasan periode ini",
        "Permintaan Anda",
        "Pesanan dan pembayaran",
        "Rujukan Anda",
        "Terima kasih telah memperkenalkan kami",
        "Halaman 1 dari",
        "Dibuat pada",
        "Februari",
    ):
        assert _has(text, label), label
    assert "Your requests" not in text


def test_client_text_that_looks_like_html_is_printed_as_it_is(
    qapp: QApplication, engine: Engine, tmp_path: Path
) -> None:
    injection = "<b>bold</b><img src=x>"
    with session_scope(engine) as session:
        client = clients.create_client(
            session=session,
            values={"name": "Pak <i>Iwan</i>", "company": 'Toko "Kita" & <u>Sons</u>'},
        )
        assert client.id is not None
        client_id = client.id
        session.add(Ticket(client_id=client_id, title=injection, created_at=datetime.now(UTC)))
        agency.save_agency_profile(
            session=session, profile=agency.AgencyProfile(name="Web <script>x</script> Studio")
        )
    _reader, text = _write(qapp, _content(engine, client_id), tmp_path / "iwan.pdf")
    for literal in (injection, "Pak <i>Iwan</i>", 'Toko "Kita" & <u>Sons</u>', "<script>x"):
        assert _has(text, literal), literal


def _big_client(engine: Engine, count: int) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Pak Besar"})
        assert client.id is not None
        start = datetime.now(UTC) - timedelta(days=300)
        session.add_all(
            Ticket(
                client_id=client.id,
                title=f"Request {i}: please change the opening hours on the contact page",
                status=TicketStatus.RESOLVED.value if i % 3 else TicketStatus.OPEN.value,
                created_at=start + timedelta(hours=6 * i),
                resolved_at=start + timedelta(hours=6 * i + 5) if i % 3 else None,
            )
            for i in range(count)
        )
        return client.id


def test_the_page_count_grows_with_the_requests(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    bambang = _id(demo_engine, "Pak Bambang Santoso")
    few = pdf.render_report_pdf(_content(demo_engine, bambang), tmp_path / "few.pdf")
    big = _big_client(demo_engine, 400)
    many = pdf.render_report_pdf(_content(demo_engine, big), tmp_path / "many.pdf")
    assert few <= 2
    assert 8 <= many <= 24  # about 30 rows a page
    reader = PdfReader(tmp_path / "many.pdf")
    last = reader.pages[-1].extract_text()
    assert _has(last, f"Page {many} of {many}")
    # every page of the list repeats the table's header; every request is there once
    texts = [page.extract_text() for page in reader.pages]
    assert all(_has(text, "Request Opened Resolved Status") for text in texts[1:-1])
    squashed = _squash("".join(texts))
    for i in (0, 1, 199, 398, 399):
        assert squashed.count(f"Request{i}:please") == 1, i


def _laid_out(
    demo_engine: Engine, tmp_path: Path, requests: int
) -> tuple[ReportContent, QTextDocument, list[pagination.Page]]:
    """A report of a client with *requests* requests (conversations shown), laid out and cut
    into pages as `render_report_pdf` does."""
    content = _content(demo_engine, _big_client(demo_engine, requests), excerpts=True)
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(pdf.RESOLUTION)
    doc, report = pdf.build_document(content, writer, "a4")
    page_height = pdf._pt(html_parts.body_height_pt("a4"))
    pages = pagination.paginate(
        doc, writer.logicalDpiY(), page_height, report.continued_tables, pdf.list_rows(doc)
    )
    for page in pages:
        assert page.body.height + (page.header.height if page.header else 0) <= page_height + 1
    return content, doc, pages


def _page_of(pages: list[pagination.Page], y: float) -> int:
    return next(i for i, p in enumerate(pages) if p.body.top <= y < p.body.bottom)


def _request_rows(doc: QTextDocument, block: QTextBlock) -> list[tuple[int | str, float, float]]:
    """Each row of the list of requests if *block* holds it (the header row first): which row,
    its top and bottom in the document; [] for any other block."""
    if not pagination.is_request_list(block):
        return []
    top = doc.documentLayout().blockBoundingRect(block).top()
    rows: list[tuple[int | str, float, float]] = []
    for number, height in enumerate(pdf.list_rows(doc)):
        rows.append(("header" if number == 0 else number - 1, top, top + height))
        top += height
    return rows


def test_rows_stay_whole_and_headings_stay_with_their_text(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """Checked on the laid-out document: no request (with its conversation) and no table row
    crosses a page edge, every page the list goes on to repeats its header row, no heading is
    the last thing on a page."""
    content, doc, pages = _laid_out(demo_engine, tmp_path, 200)
    assert len(pages) > 3
    layout = doc.documentLayout()
    block = doc.begin()
    requests = table_rows = headings = 0
    list_top = list_bottom = None
    while block.isValid():
        table = QTextCursor(block).currentTable()
        rows = _request_rows(doc, block)
        rect = layout.blockBoundingRect(block)
        if rows:
            for row, top, bottom in rows:
                assert _page_of(pages, top) == _page_of(pages, bottom - 1), row
                requests += row != "header"
            list_top, list_bottom = rows[0][1], rows[-1][2]
        elif table is not None and block == table.cellAt(0, 0).firstCursorPosition().block():
            for number in range(table.rows()):
                cells = [table.cellAt(number, column) for column in range(table.columns())]
                top = min(
                    layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
                )
                bottom = max(
                    layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
                )
                assert _page_of(pages, top) == _page_of(pages, bottom - 1)
                table_rows += 1
        elif table is None and block.blockFormat().headingLevel() >= 2:
            # what follows: the next paragraph, or the list's first row (its header row)
            list_rows = _request_rows(doc, block.next())
            following = layout.blockBoundingRect(block.next()).bottom()
            if list_rows:
                following = list_rows[0][2]
            assert _page_of(pages, rect.top()) == _page_of(pages, following - 1)
            headings += 1
        block = block.next()
    assert requests == len(content.tickets) == 200
    assert table_rows >= 3  # the summary
    assert headings >= 4
    assert list_top is not None
    assert list_bottom is not None
    went_on = [p for p in pages if list_top < p.body.top < list_bottom]
    assert len(went_on) > 3
    assert all(p.header is not None for p in went_on)


def test_every_row_is_written_once_on_the_page_pagination_chose(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """The drawn PDF follows `paginate` exactly: as many pages, and each request on the page
    its row was given, once (not also at the foot of the page before, not lost between two);
    catches drawing that drifts from the cuts."""
    content, doc, pages = _laid_out(demo_engine, tmp_path, 300)
    expected: dict[int, int] = {}  # request number → page
    block = doc.begin()
    while block.isValid():
        for row, top, _bottom in _request_rows(doc, block):
            if isinstance(row, int):
                number = int(content.tickets[row].title.split(":")[0].split()[1])
                expected[number] = _page_of(pages, top)
        block = block.next()
    assert len(expected) == 300
    assert len(set(expected.values())) > 5

    reader, _text = _write(qapp, content, tmp_path / "drawn.pdf")
    assert len(reader.pages) == len(pages)
    texts = [_squash(page.extract_text()) for page in reader.pages]
    for number, page in expected.items():
        where = [i for i, text in enumerate(texts) if f"Request{number}:please" in text]
        assert where == [page], (number, where, page)
        assert texts[page].count(f"Request{number}:please") == 1, number


def _images(resources: Any) -> list[DictionaryObject]:
    """The image XObjects of a page's resources, also inside form XObjects."""
    found: list[DictionaryObject] = []
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    for ref in (xobjects or {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            found.append(xobject)
        elif xobject.get("/Subtype") == "/Form":
            found += _images(xobject.get("/Resources"))
    return found


def test_the_charts_are_vector_graphics_with_real_text(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _id(demo_engine, RATNA)
    reader, _text = _write(qapp, _content(demo_engine, ratna), tmp_path / "ratna.pdf")
    captions = ("Orders from the clients who came through you", "Who came through whom")
    chart_pages = [
        page for page in reader.pages if any(_has(page.extract_text(), c) for c in captions)
    ]
    assert 1 <= len(chart_pages) <= 2
    for page in chart_pages:
        assert _images(page.get("/Resources")) == []
        assert len(page.get_contents().get_data()) > 5000  # the drawings' paths
    text = "".join(page.extract_text() for page in chart_pages)
    assert _has(text, "Direct referrals")  # the spread chart's legend, as text
    assert _has(text, "Mbak Lestari Putri")  # a name in the tree drawing


def _introduce(engine: Engine, referrer: int, count: int) -> None:
    """*count* new clients, each introduced by *referrer* (bulk inserted: thousands)."""
    now = datetime(2025, 1, 1, tzinfo=UTC)
    blank = dict.fromkeys(("company", "phone", "email", "tags", "caution_note", "notes"), "")
    rows = [
        blank
        | {
            "name": f"Pelanggan Nomor {n}",
            "city": "Makassar",
            "website": "",
            "tech_comfort": 3,
            "preferred_channel": "whatsapp",
            "first_contact": date(2025, 1, 1),
            "introduced_by_id": referrer,
            "introduced_on": date(2025, 1, 1),
            "introduction_note": "",
            "created_at": now,
            "updated_at": now,
        }
        for n in range(count)
    ]
    with engine.begin() as connection:
        connection.execute(sa.insert(Client.__table__), rows)  # type: ignore[attr-defined]


def test_a_client_who_introduced_thousands_reads_fifty_names_a_generation(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """Every name of a generation was one paragraph, in one table cell drawn again on each page
    it spanned: 8,000 introductions made 44 pages (1.5 s), 80,000 hundreds (15 s)."""
    ratna = _id(demo_engine, RATNA)
    _introduce(demo_engine, ratna, 4_000)
    reader, text = _write(qapp, _content(demo_engine, ratna), tmp_path / "many.pdf")
    assert len(reader.pages) <= 4
    assert _has(text, "Who came through whom")  # too wide to draw: the list instead
    assert _has(text, "Pelanggan Nomor 10 ")
    # Bu Ratna's three and the 4,000: fifty named, and how many more
    assert _has(text, "Direct referrals 4,003")
    assert _has(text, "and 3,953 others")
    assert text.count("Pelanggan Nomor") < 60
    html = template.render_report_html(_content(demo_engine, ratna, language="id")).html
    assert "dan 3.953 lainnya" in html
    assert "4.003" in html


def _font_files(font: DictionaryObject) -> bool:
    descendants = font.get("/DescendantFonts")
    if descendants is not None:
        return all(_font_files(d.get_object()) for d in descendants.get_object())
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_every_font_is_embedded_and_the_paper_is_as_chosen(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _id(demo_engine, RATNA)
    content = _content(demo_engine, ratna, language="id")
    for paper, size in (("a4", (595, 842)), ("letter", (612, 792))):
        reader, _text = _write(qapp, content, tmp_path / f"{paper}.pdf", paper=paper)
        fonts = 0
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
            for ref in page["/Resources"].get_object().get("/Font", {}).values():
                fonts += 1
                assert _font_files(ref.get_object()), ref.get_object().get("/BaseFont")
        assert fonts >= 2


def test_emoji_in_a_message_are_drawn_in_colour_not_as_boxes(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """Bu Ratna's "Mas, webnya error lagi 🙏": the emoji is a small colour picture."""
    if "Noto Color Emoji" not in QFontDatabase.families():
        pytest.skip("no colour emoji font (.ci/run installs fonts-noto-color-emoji)")
    ratna = _id(demo_engine, RATNA)
    reader, _text = _write(
        qapp, _content(demo_engine, ratna, excerpts=True), tmp_path / "emoji.pdf"
    )
    page = next(p for p in reader.pages if _has(p.extract_text(), "Mas, webnya error lagi"))
    images = _images(page.get("/Resources"))
    assert images
    assert all(int(image["/Width"]) < 400 for image in images)


def test_cancelling_or_failing_leaves_no_file(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    ratna = _id(demo_engine, RATNA)
    content = _content(demo_engine, ratna, excerpts=True)
    out = tmp_path / "out"
    out.mkdir()
    calls: list[tuple[int, int]] = []
    with pytest.raises(pdf.ReportCancelled):
        pdf.render_report_pdf(
            content,
            out / "cancelled.pdf",
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 2,
        )
    assert list(out.iterdir()) == []

    def broken(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        pdf.render_report_pdf(content, out / "broken.pdf", progress=broken)
    assert list(out.iterdir()) == []
    with pytest.raises(UserError):
        pdf.render_report_pdf(content, tmp_path / "no such folder" / "x.pdf")

    calls.clear()
    pages = pdf.render_report_pdf(
        content, out / "done.pdf", progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, pages)
    assert calls[-1] == (pages, pages)
    assert [path.name for path in out.iterdir()] == ["done.pdf"]


def test_the_agency_letterhead_and_contact(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    logo = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40">'
        b'<rect width="80" height="40" fill="#1d4e89"/></svg>'
    )
    with session_scope(demo_engine) as session:
        agency.save_agency_profile(
            session=session,
            profile=agency.AgencyProfile(
                name="Budi Web Studio",
                address="Jl. Pettarani No. 12\nMakassar",
                phone="+62 811 4000 1234",
                email="halo@budiweb.id",
                logo=logo,
            ),
        )
    bambang = _id(demo_engine, "Pak Bambang Santoso")
    reader, text = _write(qapp, _content(demo_engine, bambang), tmp_path / "b.pdf")
    first = reader.pages[0].extract_text()
    for part in ("Budi Web Studio", "Jl. Pettarani No. 12", "halo@budiweb.id"):
        assert _has(first, part), part
    assert _images(reader.pages[0].get("/Resources")) == []  # the SVG logo is vector too
    assert _has(text, "Questions about this report? +62 811 4000 1234")


def test_no_heading_ends_a_page_read_back_from_the_pdf(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """Bu Ratna's report with one to four more requests: with A4, one or two more put "Orders
    and payments" at the foot of page 1 were it not kept with its table (checked by turning
    keep-with-next off). Read back page by page: no page ends with a section heading, and each
    heading shares its page with what follows it."""
    from agencydesk.reports.text import t

    ratna = _id(demo_engine, RATNA)
    keys = ("profile", "summary", "time_spent", "tickets", "guides", "orders", "referrals")
    headings = {_squash(t("en", key)) for key in keys}
    start = datetime.now(UTC) - timedelta(days=200)
    for extra in range(1, 5):
        with session_scope(demo_engine) as session:
            session.add(
                Ticket(
                    client_id=ratna,
                    title=f"Extra request {extra}: change the photo on the home page",
                    status=TicketStatus.RESOLVED.value,
                    created_at=start + timedelta(hours=6 * extra),
                    resolved_at=start + timedelta(hours=6 * extra + 3),
                )
            )
        reader, _text = _write(qapp, _content(demo_engine, ratna), tmp_path / f"r{extra}.pdf")
        for number, page in enumerate(reader.pages, start=1):
            lines = [_squash(line) for line in page.extract_text().splitlines() if line.strip()]
            body = [
                line
                for line in lines
                if not line.startswith(("Generatedon", "Page", "Supportreportfor"))
            ]
            assert body, (extra, number)
            assert body[-1] not in headings, (extra, number, body[-1])
            assert not (len(body) >= 2 and body[-2] in headings and body[-1].startswith("Order")), (
                extra,
                number,
            )
        orders_page = next(
            i
            for i, page in enumerate(reader.pages)
            if _has(page.extract_text(), "Orders and payments")
        )
        assert _has(reader.pages[orders_page].extract_text(), "Company profile website")


def test_a_document_let_go_of_has_lost_its_object_handler_first(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path
) -> None:
    """Our Python object handler is deleted before the document (on the worker's thread): left
    to the document's layout, it was asked about a Python override while Qt held a shared lock,
    and a report written in a worker once hung the window that way."""
    ratna = _id(demo_engine, RATNA)
    writer = QPdfWriter(str(tmp_path / "release.pdf"))
    writer.setResolution(pdf.RESOLUTION)
    doc, _report = pdf.build_document(_content(demo_engine, ratna), writer, "a4")
    assert doc.findChildren(QPyTextObject)
    pdf.release_document(doc)
    assert doc.findChildren(QPyTextObject) == []
    assert doc.documentLayout().documentSize().height() > 0  # the document itself still works


@pytest.mark.parametrize(
    ("wait", "shown"),
    [
        (timedelta(minutes=16), "16 menit"),
        (timedelta(hours=12, minutes=59), "12 jam 59 menit"),
        (timedelta(days=3, hours=23), "3 hari 23 jam"),
    ],
)
def test_a_figure_of_the_summary_is_one_line_inside_the_page(
    qapp: QApplication, demo_engine: Engine, tmp_path: Path, wait: timedelta, shown: str
) -> None:
    """The typical first reply in its tile: "16 menit" broke onto two lines ("16" / "menit").
    Laid out as the PDF is, the figure is one line and its row of tiles stays inside the page's
    text width."""
    from dataclasses import replace

    content = _content(demo_engine, _id(demo_engine, RATNA), language="id")
    content = replace(content, summary=replace(content.summary, median_first_response=wait))
    writer = QPdfWriter(str(tmp_path / "tiles.pdf"))
    writer.setResolution(pdf.RESOLUTION)
    doc, _report = pdf.build_document(content, writer, "a4")
    try:
        block = doc.begin()
        while block.isValid() and block.text().replace("\N{NO-BREAK SPACE}", " ") != shown:
            block = block.next()
        assert block.isValid(), f"no figure {shown!r}"
        assert block.layout().lineCount() == 1
        tiles = QTextCursor(block).currentTable()
        assert tiles is not None
        assert doc.documentLayout().frameBoundingRect(tiles).width() <= doc.textWidth() + 1
    finally:
        pdf.release_document(doc)
