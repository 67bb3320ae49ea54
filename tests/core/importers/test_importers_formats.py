"""Telegram, LINE, Messenger/Instagram and CSV exports."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from importer_testutil import FIXTURES, Row, rows

from agencydesk.core.importers import ChatImportError, parse_chat_bytes, parse_chat_file

NONE: tuple[str, ...] = ()


def _local(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000).isoformat()


# --- Telegram ---------------------------------------------------------------------------------


def test_telegram_single_chat() -> None:
    chat = parse_chat_file(FIXTURES / "telegram_single.json")
    assert chat.format == "telegram"
    assert chat.date_order is None
    assert chat.chat_name == "Web Toko Kue"
    assert rows(chat) == [
        (
            "system",
            "2024-01-05T09:59:00",
            None,
            "Bu Sari created the group “Web Toko Kue”",
            NONE,
            None,
        ),
        ("message", "2024-01-05T10:00:00", "Bu Sari", "Mas, webnya error lagi 🙏", NONE, None),
        (
            "message",
            "2024-01-05T10:01:30",
            "Rudi",
            "Cek di https://tokokue.id\nsudah normal",
            ("edited",),
            None,
        ),
        (
            "media",
            "2024-01-05T10:03:00",
            "Bu Sari",
            "Ini errornya",
            NONE,
            "photos/photo_1@05-01-2024_10-03-00.jpg",
        ),
        # a voice message left out of the export says so
        ("media", "2024-01-05T10:04:00", "Rudi", "", ("audio", "media-omitted"), None),
        ("message", "2024-01-05T10:05:00", "Bu Sari", "Invoice: INV-001", ("forwarded",), None),
        ("system", "2024-01-05T10:06:00", None, "Bu Sari added Pak Budi", NONE, None),
        ("system", "2024-01-05T10:07:00", None, "Bu Sari pinned a message", NONE, None),
    ]
    assert chat.participants == ["Bu Sari", "Rudi"]


def test_telegram_full_export_merges_chats_and_lists_them() -> None:
    chat = parse_chat_file(FIXTURES / "telegram_full.json")
    assert chat.format == "telegram"
    assert chat.chat_name is None
    assert [c.chat_name for c in chat.chats] == ["Bu Sari", "Pak Budi"]
    assert [m.text for m in chat.messages] == ["Pagi mas", "Domain sudah diperpanjang", "Pagi Bu"]
    assert [m.text for m in chat.chats[0].messages] == ["Pagi mas", "Pagi Bu"]
    assert any("2 chats" in w for w in chat.warnings)


def test_telegram_full_export_with_one_chat_is_that_chat() -> None:
    obj = json.loads((FIXTURES / "telegram_full.json").read_text(encoding="utf-8"))
    obj["chats"]["list"] = obj["chats"]["list"][:1]
    chat = parse_chat_bytes(json.dumps(obj).encode())
    assert chat.chat_name == "Bu Sari"
    assert chat.chats == ()
    assert chat.participants == ["Bu Sari", "Rudi"]


def test_telegram_invalid_x_escapes_are_repaired() -> None:
    chat = parse_chat_file(FIXTURES / "telegram_bad_escape.json")
    assert chat.messages[0].text == "bell\x07here and a \\x41 literal"


def test_telegram_unix_time_used_when_date_is_missing() -> None:
    obj = {
        "name": "X",
        "type": "personal_chat",
        "id": 1,
        "messages": [
            {"id": 1, "type": "message", "date_unixtime": "1704423600", "from": "A", "text": "hi"}
        ],
    }
    chat = parse_chat_bytes(json.dumps(obj).encode())
    assert chat.messages[0].timestamp.isoformat() == _local(1704423600000)


@pytest.mark.parametrize(
    ("service", "said"),
    [
        ({"action": "create_channel"}, "Bu Sari created the group"),
        ({"action": "remove_members", "members": ["Rudi", None]}, "Bu Sari removed Rudi, someone"),
        (
            {"action": "edit_group_title", "title": "Toko Kue"},
            "Bu Sari changed the group name to “Toko Kue”",
        ),
        ({"action": "phone_call", "duration_seconds": 75}, "Bu Sari called (1:15)"),
        ({"action": "phone_call", "discard_reason": "missed"}, "Missed call from Bu Sari"),
        ({"action": "migrate_from_group"}, "The group was upgraded to a supergroup"),
        ({"action": "score_in_game", "score": 12}, "Bu Sari scored 12"),
        ({"action": "set_ttl"}, "Bu Sari: set ttl"),
        ({"action": "clear_history", "actor": None}, "History was cleared"),
    ],
)
def test_telegram_service_messages_say_what_happened(service: dict[str, object], said: str) -> None:
    message = {"id": 1, "type": "service", "date": "2024-01-05T10:00:00", "actor": "Bu Sari"}
    obj = {"name": "X", "type": "private_group", "id": 1, "messages": [message | service]}
    chat = parse_chat_bytes(json.dumps(obj).encode())
    assert rows(chat) == [("system", "2024-01-05T10:00:00", None, said, NONE, None)]


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "X", "type": "personal_chat",\n "messages": [\n {"id": 1,,}]}')
    with pytest.raises(ChatImportError) as info:
        parse_chat_file(path)
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert "result.json" in str(info.value)
    assert "line 3" in str(info.value)


# --- LINE --------------------------------------------------------------------------------------


def test_line_classic_export() -> None:
    chat = parse_chat_file(FIXTURES / "line_classic.txt")
    assert chat.format == "line"
    assert chat.chat_name == "Bu Sari"
    assert chat.date_order == "YMD"
    assert rows(chat) == [
        ("message", "2024-01-15T09:30:00", "Bu Sari", "Mas, webnya error", NONE, None),
        (
            "message",
            "2024-01-15T09:31:00",
            "Rudi",
            "Siap Bu,\nsaya cek dulu\nnanti saya kabari",
            NONE,
            None,
        ),
        # what was left out, as WhatsApp's "image omitted" says; what she took back, deleted
        ("media", "2024-01-15T09:32:00", "Bu Sari", "", ("media-omitted", "photo"), None),
        ("media", "2024-01-15T09:33:00", "Rudi", "", ("media-omitted", "sticker"), None),
        ("message", "2024-01-15T09:40:00", "Bu Sari", "", ("deleted",), None),
        ("message", "2024-01-16T10:00:00", "Bu Sari", "Terima kasih", NONE, None),
    ]


def test_telegram_media_left_out_say_what_they_were() -> None:
    left_out = "(File not included. Change data exporting settings to download.)"
    messages = [
        {"photo": left_out},
        {"file": left_out, "media_type": "sticker"},
        {"file": left_out, "media_type": "video_file"},
        {"file": left_out, "mime_type": "application/pdf"},
    ]
    chat = {
        "name": "Bu Sari",
        "type": "personal_chat",
        "messages": [
            {"id": n, "type": "message", "date": f"2024-01-05T10:0{n}:00", "from": "Bu Sari"}
            | {"text": ""}
            | extra
            for n, extra in enumerate(messages)
        ],
    }
    parsed = parse_chat_bytes(json.dumps(chat).encode())
    assert [m.flags for m in parsed.messages] == [
        {"media-omitted", kind} for kind in ("photo", "sticker", "video", "document")
    ]


def test_line_unsent_by_someone_not_in_the_chat_stays_a_notice() -> None:
    text = (
        "[LINE] Chat history with Bu Sari\n\n2024/01/15(Mon)\n09:30\tBu Sari\tHalo\n"
        "09:31\t\tPak Budi unsent a message.\n09:32\t\tBu Sari unsent a message\n"
    )
    chat = parse_chat_bytes(text.encode())
    assert rows(chat)[1:] == [
        ("system", "2024-01-15T09:31:00", None, "Pak Budi unsent a message.", NONE, None),
        ("message", "2024-01-15T09:32:00", "Bu Sari", "", ("deleted",), None),
    ]


def test_line_new_export_with_bom_weekdays_and_12h() -> None:
    chat = parse_chat_file(FIXTURES / "line_new.txt")
    assert chat.format == "line"
    assert chat.chat_name == "Tim Web"
    assert chat.date_order == "DMY"
    assert rows(chat) == [
        ("message", "2025-01-11T09:30:00", "Bu Sari", "Pagi semua", NONE, None),
        ("media", "2025-01-11T12:05:00", "Rudi", "", ("document", "media-omitted"), None),
        ("message", "2025-01-13T00:10:00", "Bu Sari", "Malam", NONE, None),
    ]


def test_line_weekday_decides_month_first() -> None:
    text = "[LINE] Chat history with A\n\nWed, 01/10/2024\n10:00\tA\thi\n"
    # 10 January 2024 was a Wednesday; 1 October 2024 a Tuesday.
    chat = parse_chat_bytes(text.encode())
    assert chat.date_order == "MDY"
    assert chat.messages[0].timestamp == datetime(2024, 1, 10, 10, 0)


def test_line_cut_inside_quoted_message_warns() -> None:
    text = '[LINE] Chat history with A\n\n2024/01/15(Mon)\n10:00\tA\thi\n10:01\tB\t"long\nmess'
    chat = parse_chat_bytes(text.encode())
    assert len(chat.messages) == 2
    assert any("cut off" in w for w in chat.warnings)


# --- Messenger / Instagram ----------------------------------------------------------------------


def test_messenger_export() -> None:
    chat = parse_chat_file(FIXTURES / "messenger_message_1.json")
    assert chat.format == "messenger"
    assert chat.chat_name == "Bu Sari"
    assert rows(chat) == [
        (
            "message",
            _local(1704423700000),
            "Bu Sari",
            "Mas, webnya error lagi. Café page",
            NONE,
            None,
        ),
        ("message", _local(1704423800000), "Bu Sari", "", ("deleted",), None),
        (
            "media",
            _local(1704423900000),
            "Bu Sari",
            "Ini screenshotnya",
            NONE,
            "messages/inbox/busari_123/photos/111.jpg",
        ),
        (
            "media",
            _local(1704423900000),
            "Bu Sari",
            "",
            NONE,
            "messages/inbox/busari_123/photos/112.jpg",
        ),
        ("message", _local(1704424000000), "Rudi Hartono", "Siap Bu 🙏", NONE, None),
    ]
    assert chat.participants == ["Bu Sari", "Rudi Hartono"]


def test_instagram_and_new_messenger_layouts() -> None:
    insta = {
        "participants": [{"name": "toko.kue"}, {"name": "rudi.web"}],
        "messages": [
            {"sender_name": "rudi.web", "timestamp_ms": 1700000060000, "content": "sip"},
            {
                "sender_name": "toko.kue",
                "timestamp_ms": 1700000000000,
                "share": {"link": "https://www.instagram.com/p/abc/"},
            },
        ],
        "title": "toko.kue",
        "thread_path": "inbox/tokokue_1",
    }
    chat = parse_chat_bytes(json.dumps(insta).encode())
    assert chat.format == "messenger"
    assert [(m.sender, m.text) for m in chat.messages] == [
        ("toko.kue", "https://www.instagram.com/p/abc/"),
        ("rudi.web", "sip"),
    ]
    e2ee = {
        "participants": ["Bu Sari", "Rudi"],
        "threadName": "Bu Sari",
        "messages": [
            {
                "senderName": "Bu Sari",
                "timestamp": 1700000000000,
                "text": "halo",
                "type": "text",
                "isUnsent": False,
                "media": [],
                "reactions": [],
            },
            {
                "senderName": "Rudi",
                "timestamp": 1700000030000,
                "text": "",
                "type": "media",
                "isUnsent": False,
                "media": [{"uri": "./media/photo.jpg"}],
                "reactions": [],
            },
        ],
    }
    chat = parse_chat_bytes(json.dumps(e2ee).encode())
    assert rows(chat) == [
        ("message", _local(1700000000000), "Bu Sari", "halo", NONE, None),
        ("media", _local(1700000030000), "Rudi", "", NONE, "./media/photo.jpg"),
    ]


# --- CSV -------------------------------------------------------------------------------------


def test_csv_comma_with_quoted_multiline_and_system_rows() -> None:
    chat = parse_chat_file(FIXTURES / "chat_comma.csv")
    assert chat.format == "csv"
    assert rows(chat) == [
        ("message", "2024-01-05T10:00:00", "Bu Sari", "Mas webnya error", NONE, None),
        ("message", "2024-01-05T10:01:00", "Rudi", "Siap, saya cek\nbaris kedua", NONE, None),
        ("system", "2024-01-05T10:02:00", None, "Rudi menambahkan Pak Budi", NONE, None),
    ]


def test_csv_semicolon_bom_crlf_indonesian_headers() -> None:
    chat = parse_chat_file(FIXTURES / "chat_semicolon_id.csv")
    assert chat.format == "csv"
    assert chat.date_order == "DMY"
    assert rows(chat) == [
        ("message", "2024-01-13T09:15:00", "Bu Sari", "Halo mas", NONE, None),
        ("message", "2024-01-13T09:16:00", "Rudi", "Halo Bu; ada apa?", NONE, None),
    ]


def test_csv_bad_date_names_file_and_line() -> None:
    path = FIXTURES / "chat_bad_date.csv"
    with pytest.raises(ChatImportError) as info:
        parse_chat_file(path)
    assert info.value.line == 3
    assert info.value.path == str(path)
    assert "chat_bad_date.csv" in str(info.value)
    assert "line 3" in str(info.value)
    assert "kemarin sore" in str(info.value)


@pytest.mark.parametrize(
    ("rest", "problem"),
    [
        # a quote opened on row 2 and never closed took every row after it into its cell
        ("", "a quoted cell never ends"),
        # ... or ended inside a later row's cell, the rows between lost
        ('05/01/2024 10:03,Rudi,"sip"\n05/01/2024 10:04,Bu Sari,"ok"\n', "a row cannot be read"),
    ],
)
def test_csv_quote_gone_wrong_names_its_line(rest: str, problem: str) -> None:
    """Read as a single message holding the rows after it ("Halo mas\\n05/01/2024 10:01,…"),
    without a word: the rows were lost."""
    data = (
        'date,sender,text\n05/01/2024 10:00,Bu Sari,"Halo mas\n05/01/2024 10:01,Rudi,ok\n'
        "05/01/2024 10:02,Bu Sari,makasih\n" + rest
    ).encode()
    with pytest.raises(ChatImportError) as info:
        parse_chat_bytes(data, filename="chat.csv")
    assert info.value.line == 2
    assert f"“chat.csv”, line 2: is not valid CSV: {problem}." in str(info.value)


def test_csv_stray_quotes_on_one_line_are_kept_as_written() -> None:
    data = (
        b'date,sender,text\n05/01/2024 10:00,Bu Sari,Layar 5" kok kecil\n'
        b'05/01/2024 10:01,Rudi,"Siap ""Bu"""\n05/01/2024 10:02,Rudi,"baris satu\nbaris dua"\n'
    )
    chat = parse_chat_bytes(data, filename="chat.csv")
    assert [m.text for m in chat.messages] == [
        'Layar 5" kok kecil',
        'Siap "Bu"',
        "baris satu\nbaris dua",
    ]


def test_csv_times_keep_their_milliseconds() -> None:
    """As Messenger's: two messages of one second stay apart and in order (they were read to
    the second: ".123" and ".5" dropped)."""
    data = (
        b"timestamp,sender,text\n"
        b"2024-12-31 21:10:00.123456,Bu Sari,halo\n"
        b'"2024-12-31T21:10:00,5",Rudi,ya\n'
        b"1735678800123,Bu Sari,ms\n"
        b"1735678801.5,Rudi,setengah\n"
    )
    chat = parse_chat_bytes(data, filename="c.csv")
    times = {m.text: m.timestamp for m in chat.messages}
    assert times["halo"] == datetime(2024, 12, 31, 21, 10, 0, 123000)
    assert times["ya"] == datetime(2024, 12, 31, 21, 10, 0, 500000)
    assert times["ms"] == datetime.fromtimestamp(1735678800).replace(microsecond=123000)
    assert times["setengah"] == datetime.fromtimestamp(1735678801).replace(microsecond=500000)


def test_csv_explicit_column_mapping() -> None:
    data = (
        b"Kapan,Siapa,Apa,Lampiran\n"
        b"05/01/2024 10:00,Bu Sari,halo,\n"
        b"05/01/2024 10:01,Rudi,lihat foto,foto.jpg\n"
    )
    columns = {"timestamp": "Kapan", "sender": "Siapa", "text": "Apa", "media_file": "Lampiran"}
    chat = parse_chat_bytes(data, filename="x.csv", csv_columns=columns)
    assert rows(chat) == [
        ("message", "2024-01-05T10:00:00", "Bu Sari", "halo", NONE, None),
        ("media", "2024-01-05T10:01:00", "Rudi", "lihat foto", NONE, "foto.jpg"),
    ]
    # Without the mapping the columns cannot be recognised.
    with pytest.raises(ChatImportError, match="does not look like a chat export"):
        parse_chat_bytes(data, filename="x.csv")
    with pytest.raises(ChatImportError, match="no column named 'Nope'"):
        parse_chat_bytes(data, filename="x.csv", csv_columns={"timestamp": "Nope", "text": "Apa"})
    with pytest.raises(ChatImportError, match="unknown CSV field"):
        parse_chat_bytes(data, filename="x.csv", csv_columns={"when": "Kapan", "text": "Apa"})


def test_csv_epoch_iso_offsets_and_newest_first() -> None:
    data = (
        b"datetime;author;body\n"
        b"2024-01-05T10:00:00+07:00;B;third\n"
        b"1704423600;A;second\n"
        b"1704423500000;A;first\n"
    )
    chat = parse_chat_bytes(data)
    offset = datetime.fromisoformat("2024-01-05T10:00:00+07:00").astimezone().replace(tzinfo=None)
    assert [(m.timestamp.isoformat(), m.text) for m in chat.messages] == sorted(
        [
            (offset.isoformat(), "third"),
            (_local(1704423600000), "second"),
            (_local(1704423500000), "first"),
        ]
    )


def test_csv_day_month_order_from_whole_file_and_override() -> None:
    data = b"date,sender,text\n02/01/2024 10:00,A,x\n02/13/2024 10:00,B,y\n"
    chat = parse_chat_bytes(data)
    assert chat.date_order == "MDY"
    assert chat.messages[0].timestamp == datetime(2024, 2, 1, 10, 0)
    with pytest.raises(ChatImportError) as info:
        parse_chat_bytes(data, filename="c.csv", date_order="DMY")
    assert info.value.line == 3


def test_csv_rows_type() -> None:
    chat = parse_chat_file(FIXTURES / "chat_comma.csv")
    row: Row = rows(chat)[0]
    assert row[0] == "message"


def test_line_windows_export_space_separated() -> None:
    text = (
        "[LINE] Chat history with Bob\n\n2017.09.03 Sunday\n16:23 Bob Hello there\n16:24 Alice Hi\n"
    )
    chat = parse_chat_bytes(text.encode())
    assert chat.format == "line"
    assert rows(chat) == [
        ("message", "2017-09-03T16:23:00", "Bob", "Hello there", NONE, None),
        ("message", "2017-09-03T16:24:00", "Alice", "Hi", NONE, None),
    ]


def test_json_with_a_huge_integer_is_the_importers_own_error_naming_the_file(
    tmp_path: Path,
) -> None:
    """Python refuses to read an integer over 4,300 digits (a ValueError, not a JSON error)."""
    path = tmp_path / "result.json"
    path.write_text(
        '{"name": "X", "type": "personal_chat", "id": ' + "9" * 5000 + ', "messages": []}',
        encoding="utf-8",
    )
    with pytest.raises(ChatImportError, match=r"result\.json") as info:
        parse_chat_file(path)
    assert "number" in str(info.value)


def test_csv_message_over_128_kb_is_read() -> None:
    """csv's default field limit (131,072 characters) used to reject the whole file."""
    long_text = "log " * 60_000  # 240 KB: a pasted server log
    data = (
        "Date,Sender,Message\n"
        "05/01/2024 10:00,Bu Sari,halo\n"
        f'05/01/2024 10:01,Bu Sari,"{long_text}"\n'
    ).encode()
    chat = parse_chat_bytes(data, filename="x.csv")
    assert [message.text for message in chat.messages] == ["halo", long_text]
