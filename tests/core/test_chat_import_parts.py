"""What an import makes of a chat: who is "me", the tickets' titles and statuses, and the
deleted messages and left-out pictures (notes, never a ticket's first message or title)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import chat_import as ci
from agencydesk.core import clients, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.importers import parse_chat_file
from agencydesk.core.message_notes import is_placeholder, note_of
from agencydesk.core.models import Ticket

FIXTURES = Path(__file__).parent / "importers" / "fixtures"
RATNA_CHAT = "WhatsApp Chat with Bu Ratna.txt"


def ratna_export(folder: Path) -> Path:
    """The chat with Bu Ratna as WhatsApp names its export (the name says who the client is)."""
    path = folder / RATNA_CHAT
    path.write_bytes((FIXTURES / "wa_android_id_ratna.txt").read_bytes())
    return path


def _client(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name})
        assert client.id is not None
        return client.id


def _split_import(engine: Engine, path: Path, client_id: int) -> ci.ImportResult:
    parsed = parse_chat_file(path)
    with Session(engine) as session:
        plan = ci.plan_import(
            parsed=parsed, choices=ci.client_choices(session=session), client_id=client_id
        )
    return ci.import_chat_with_media(
        engine,
        parsed=parsed,
        export_path=path,
        data_dir=None,
        client_id=client_id,
        mapping=plan.mapping,
        target=ci.SplitAtGaps(8),
    )


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("Assalamualaikum mas", ""),
        ("Selamat pagi Bu", ""),
        ("Halo mas Andi", ""),
        ("ok siap, terima kasih banyak mas 🙏", ""),
        ("Good morning!", ""),
        ("Hi Sarah", ""),
        (
            "Assalamualaikum mas, teman saya Bu Wati mau bikin website",
            "Teman saya Bu Wati mau bikin website",
        ),
        ("Assalamu'alaikum wr.wb. Pak Budi, mau tanya hosting", "Mau tanya hosting"),
        ("Mas, webnya error lagi", "Webnya error lagi"),
        ("Good morning! The site is down", "The site is down"),
        ("Hi Sarah, can you check the invoice?", "Can you check the invoice?"),
        ("Good news, the site is up", "Good news, the site is up"),
        ("teman saya Bu Wati mau bikin website", "Teman saya Bu Wati mau bikin website"),
    ],
)
def test_a_greeting_is_not_what_a_message_says(said: str, title: str) -> None:
    assert ci.substance(said) == title


def test_the_exporter_is_me_when_the_chat_is_named_after_the_other_one(
    engine: Engine, tmp_path: Path
) -> None:
    ratna = _client(engine, "Ibu Ratna Wulandari")
    parsed = parse_chat_file(ratna_export(tmp_path))
    assert parsed.chat_name == "Bu Ratna"
    with Session(engine) as session:
        choices = ci.client_choices(session=session)
    # "Your name for guides" empty: no name to go by
    plan = ci.plan_import(parsed=parsed, choices=choices, client_id=ratna, me_names=[])
    assert plan.mapping == {"Bu Ratna": ratna, "Rudi": ci.ME}


def test_the_name_i_had_in_earlier_imports_is_me_again(engine: Engine, tmp_path: Path) -> None:
    ratna = _client(engine, "Ibu Ratna Wulandari")
    sari = _client(engine, "Ibu Sari Handayani")
    _split_import(engine, ratna_export(tmp_path), ratna)
    with Session(engine) as session:
        assert ci.earlier_me_names(session) == ["Rudi"]
        choices = ci.client_choices(session=session)
    # a group chat (three senders, no chat name): only the earlier imports tell who I am
    group = parse_chat_file(FIXTURES / "wa_android_id.txt")
    plan = ci.plan_import(parsed=group, choices=choices, client_id=sari, me_names=[])
    assert plan.mapping["Rudi"] != ci.ME
    plan = ci.plan_import(parsed=group, choices=choices, client_id=sari, me_names=["Rudi"])
    assert plan.mapping["Rudi"] == ci.ME


def test_a_chat_becomes_tickets_titled_by_what_the_client_asked(
    engine: Engine, tmp_path: Path
) -> None:
    ratna = _client(engine, "Ibu Ratna Wulandari")
    result = _split_import(engine, ratna_export(tmp_path), ratna)
    assert result.tickets_created == 3
    with Session(engine) as session:
        made = [session.get(Ticket, t) for t in result.ticket_ids]
        shown = [(t.title, t.status) for t in made if t is not None]
        conversations = [
            tickets.conversation(session=session, ticket_id=t) for t in result.ticket_ids
        ]
    assert shown == [
        # the greeting "Assalamualaikum mas" is no title; the deleted message two days later
        # and my answer to it open no ticket of their own
        ("Toko online saya tidak bisa checkout", "resolved"),
        # she spoke last: her friend who wants a website is waiting on us, not buried
        ("Teman saya Bu Wati mau bikin website, boleh saya kasih nomor mas?", "waiting_on_us"),
        # I answered last in the latest part
        ("Invoice bulan ini sudah saya transfer ya", "waiting_on_client"),
    ]
    for lines in conversations:
        first = lines[0]
        assert not is_placeholder(first.kind, first.body, first.flags)
        assert first.kind != "system"
    notes = [note_of(line.flags) for line in conversations[0]]
    assert notes.count("deleted") == 1
    assert notes.count("media") == 1
    assert conversations[0][-1].body.startswith("Maaf Bu, pesannya terhapus")


def test_media_that_cannot_be_stored_is_a_sentence_without_pythons_words(tmp_path: Path) -> None:
    import zipfile

    from agencydesk.core.chat_import.media import stage_media
    from agencydesk.core.errors import UserError

    export = tmp_path / "chat.zip"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("IMG-1.jpg", b"\xff\xd8\xff\xe0")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "media").write_text("a file where the media folder should be")
    with pytest.raises(UserError) as caught:
        stage_media(export, ["IMG-1.jpg"], data_dir, 1)
    message = str(caught.value)
    assert "[Errno" not in message
    assert "could not be stored" in message
    assert "Nothing was saved." in message


def test_the_client_writing_again_into_a_resolved_ticket_opens_it_again(engine: Engine) -> None:
    from agencydesk.core.importers import parse_chat_text
    from agencydesk.core.models import TicketStatus

    ratna = _client(engine, "Ibu Ratna Wulandari")
    with session_scope(engine) as session:
        made = tickets.create_ticket(
            session=session,
            client_id=ratna,
            values={"title": "Checkout", "status": TicketStatus.RESOLVED.value},
        )
        ticket_id = made.id
    assert ticket_id is not None
    parsed = parse_chat_text(
        "01/11/26 09.00 - Rudi: Sudah beres ya Bu\n"
        "01/11/26 09.30 - Bu Ratna: Pesan ini telah dihapus\n"
        "01/11/26 10.00 - Bu Ratna: Mas, checkoutnya error lagi\n"
        "01/11/26 10.01 - Bu Ratna: <Media tidak disertakan>\n"
    )
    ci.import_chat_with_media(
        engine,
        parsed=parsed,
        export_path="chat.txt",
        data_dir=None,
        client_id=ratna,
        mapping={"Rudi": ci.ME, "Bu Ratna": ratna},
        target=ci.AttachToTicket(ticket_id),
    )
    with Session(engine) as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        assert (ticket.status, ticket.resolved_at) == ("waiting_on_us", None)


def test_a_chat_where_only_i_wrote_is_split_in_time_linear_in_its_length() -> None:
    """Saved messages, a broadcast, a chat that opens with weeks of my reminders: the part in
    which the client said nothing was looked through again with every part added to it
    (20,000 messages a day apart: 28 s)."""
    import time
    from datetime import datetime, timedelta

    from agencydesk.core.chat_import.targets import _parts
    from agencydesk.core.importers import ChatMessage

    start = datetime(2024, 1, 1, 9, 0)
    mine = [
        ChatMessage("message", start + timedelta(hours=9 * n), "Saya", f"catatan {n}")  # type: ignore[arg-type]
        for n in range(20_000)
    ]
    started = time.perf_counter()
    parts = _parts(mine, 8, {"Saya"})
    assert time.perf_counter() - started < 2.0
    assert parts == [range(20_000)]  # nobody but me: one part
