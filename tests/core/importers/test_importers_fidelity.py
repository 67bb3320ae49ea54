"""Every imported message exact: Messenger/Instagram milliseconds, WhatsApp's placeholders in a
CSV made from a WhatsApp chat, and iOS documents written with their name and page count."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from importer_testutil import FIXTURES, rows
from sqlalchemy.engine import Engine

from agencydesk.core import chat_import as ci
from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.importers import parse_chat_file

DELETED = ("deleted",)


def _local_ms(ms: int) -> str:
    """The wall-clock time an export in milliseconds stands for, as `to_json_dict` writes it."""
    return (
        datetime.fromtimestamp(ms // 1000)
        .replace(microsecond=ms % 1000 * 1000)
        .isoformat(timespec="milliseconds")
    )


def test_instagram_keeps_the_milliseconds_of_a_quick_burst() -> None:
    chat = parse_chat_file(FIXTURES / "instagram_ms.json")
    assert [(r[1], r[2], r[3]) for r in rows(chat)] == [
        (datetime.fromtimestamp(1704423840).isoformat(), "Bu Sari", "Webnya error"),
        (_local_ms(1704423900001), "Bu Sari", "Mas"),
        (_local_ms(1704423900123), "Bu Sari", "Mas??"),
        (_local_ms(1704423900450), "Rudi Hartono", "ok"),
        (_local_ms(1704423900999), "Rudi Hartono", "ok"),
    ]
    assert chat.messages[1].timestamp.microsecond == 1_000


def test_milliseconds_reach_the_history_and_a_second_import_adds_nothing(
    engine: Engine,
) -> None:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Bu Sari"})
        assert client.id is not None
        sari = client.id
    parsed = parse_chat_file(FIXTURES / "instagram_ms.json")
    mapping: dict[str, ci.Assignment] = {"Bu Sari": sari, "Rudi Hartono": ci.ME}

    def run() -> ci.ImportResult:
        return ci.import_chat_with_media(
            engine,
            parsed=parsed,
            export_path=FIXTURES / "instagram_ms.json",
            data_dir=None,
            client_id=sari,
            mapping=mapping,
            target=ci.TimelineOnly(),
        )

    assert run().new == 5
    with engine.connect() as conn:
        stored = [
            str(v)
            for (v,) in conn.exec_driver_sql("SELECT sent_at FROM message ORDER BY sent_at, id")
        ]
    assert [s[-6:] for s in stored] == ["000000", "001000", "123000", "450000", "999000"]
    again = run()
    assert (again.new, again.known) == (0, 5)


def test_whatsapp_placeholders_in_a_csv_are_deleted_messages_and_left_out_media() -> None:
    chat = parse_chat_file(FIXTURES / "chat_whatsapp_placeholders.csv")
    assert chat.format == "csv"
    got = [(kind, sender, text, flags) for kind, _t, sender, text, flags, _m in rows(chat)]
    assert got == [
        ("message", "Bu Sari", "Mas webnya error", ()),
        ("media", "Bu Sari", "", ("media-omitted",)),
        ("message", "Bu Sari", "", DELETED),
        ("message", "Rudi", "", DELETED),
        ("message", "Bu Sari", "", DELETED),
        ("message", "Rudi", "", DELETED),
        ("media", "Bu Sari", "", ("media-omitted",)),
        ("media", "Bu Sari", "", ("media-omitted", "photo")),
        ("media", "Rudi", "", ("media-omitted", "photo")),
        ("media", "Bu Sari", "", ("media-omitted", "sticker")),
        ("media", "Bu Sari", "", ("document", "media-omitted")),
        ("media", "Rudi", "", ("audio", "media-omitted")),
        # a message that only starts like a placeholder is what it says
        ("message", "Bu Sari", "This message was deleted\nbut this one was not", ()),
        ("message", "Bu Sari", "Pesan ini telah dihapus?", ()),
    ]


def test_a_placeholder_beside_a_media_file_in_the_csv_keeps_the_file(tmp_path: Path) -> None:
    export = tmp_path / "chat.csv"
    export.write_text(
        "timestamp,sender,text,attachment\n"
        "2024-01-20 10:00:00,Bu Sari,<Media omitted>,IMG-20240120-WA0001.jpg\n",
        encoding="utf-8",
    )
    assert rows(parse_chat_file(export)) == [
        ("media", "2024-01-20T10:00:00", "Bu Sari", "", (), "IMG-20240120-WA0001.jpg")
    ]


def test_ios_documents_with_their_pages_are_media_linked_to_the_file() -> None:
    chat = parse_chat_file(FIXTURES / "wa_ios_documents.txt")
    assert chat.format == "whatsapp-ios"
    got = [(kind, sender, text, media) for kind, _t, sender, text, _f, media in rows(chat)]
    assert got == [
        ("message", "Bu Sari", "Mas, ini invoice bulan ini", None),
        ("media", "Bu Sari", "INV-2024-017.pdf • 1 page", "00000015-INV-2024-017.pdf"),
        (
            "media",
            "Bu Sari",
            "Kontrak Website.pdf • 12 pages\nTolong dicek ya mas",
            "00000016-Kontrak Website.pdf",
        ),
        ("message", "Rudi", "Siap Bu", None),
        ("media", "Rudi", "Penawaran.pdf • 3 halaman", "00000017-Penawaran.pdf"),
        ("message", "Rudi", "Harga: 1 page <attached> is a placeholder, not a file", None),
    ]
    # the file in an "export with media" zip is found by that name
    chat.media_members = ("00000015-INV-2024-017.pdf",)
    assert chat.media_member_for(chat.messages[1].media_file) == "00000015-INV-2024-017.pdf"
