"""WhatsApp .txt exports: every header form, system lines, media, dates, encodings."""

from __future__ import annotations

import pickle
from datetime import datetime
from pathlib import Path

import pytest
from importer_testutil import FIXTURES, Row, fixture_bytes, rows

from agencydesk.core.importers import (
    ChatImportError,
    ChatMessage,
    parse_chat_bytes,
    parse_chat_file,
    parse_chat_text,
)

NNBSP = "\u202f"
NBSP = "\u00a0"
LRM = "\u200e"
NONE: tuple[str, ...] = ()

ANDROID_ID: list[Row] = [
    (
        "system",
        "2025-08-30T17:58:00",
        None,
        "Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, "
        "termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk untuk info "
        "selengkapnya.",
        NONE,
        None,
    ),
    ("system", "2025-08-30T17:58:00", None, 'Bu Sari membuat grup "Web Toko Kue"', NONE, None),
    (
        "system",
        "2025-08-30T17:59:00",
        None,
        "Bu Sari menambahkan Mas Andi (Vendor: Percetakan)",
        NONE,
        None,
    ),
    ("message", "2025-08-30T18:00:00", "Bu Sari", "Mas, webnya error lagi 🙏", NONE, None),
    (
        "message",
        "2025-08-30T18:02:00",
        "Rudi",
        "Siap Bu, saya cek dulu.\nKemungkinan dari plugin cache:\n31/08/25 jam 10 saya update",
        NONE,
        None,
    ),
    ("media", "2025-08-30T18:05:00", "Bu Sari", "", ("media-omitted",), None),
    (
        "media",
        "2025-08-30T18:06:00",
        "Rudi",
        "Ini tampilan errornya\ndi HP Bu Sari",
        NONE,
        "IMG-20250830-WA0007.jpg",
    ),
    (
        "message",
        "2025-08-30T18:07:00",
        "Mas Andi (Vendor: Percetakan)",
        "Brosurnya jadi 500 lembar: 2 sisi",
        NONE,
        None,
    ),
    ("message", "2025-08-30T18:08:00", "Bu Sari", "", ("deleted",), None),
    ("message", "2025-08-30T18:09:00", "Rudi", "", ("deleted",), None),
    ("message", "2025-08-30T18:10:00", "Rudi", "Sudah normal lagi ya Bu", ("edited",), None),
    (
        "system",
        "2025-08-31T09:15:00",
        None,
        'Bu Sari mengubah subjek dari "Web: Toko Kue" menjadi "Web Toko Kue 2025"',
        NONE,
        None,
    ),
    (
        "message",
        "2025-08-31T09:16:00",
        "Bu Sari",
        "Baris satu\u2028masih baris satu\fhalaman baru",
        NONE,
        None,
    ),
    ("message", "2025-08-31T09:17:00", "Mas Andi (Vendor: Percetakan)", "Siap", NONE, None),
    ("system", "2025-08-31T09:20:00", None, "Mas Andi (Vendor: Percetakan) keluar", NONE, None),
]

ANDROID_US: list[Row] = [
    (
        "system",
        "2023-01-04T19:02:00",
        None,
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
        "WhatsApp, can read or listen to them. Tap to learn more.",
        NONE,
        None,
    ),
    ("system", "2023-01-04T19:02:00", None, 'Budi created group "Site: v1"', NONE, None),
    ("system", "2023-01-04T19:03:00", None, "Budi added Sari", NONE, None),
    (
        "message",
        "2023-01-04T19:05:00",
        "Budi",
        "Hi Sari, the contact form is broken",
        NONE,
        None,
    ),
    ("media", "2023-01-04T19:06:00", "Sari", "", ("media-omitted",), None),
    (
        "media",
        "2023-01-04T19:07:00",
        "Sari",
        "Screenshot of the error",
        NONE,
        "IMG-20230104-WA0001.jpg",
    ),
    ("message", "2023-01-05T00:15:00", "Budi", "", ("deleted",), None),
    ("message", "2023-01-13T12:01:00", "Sari", "", ("deleted",), None),
    ("message", "2023-01-13T12:30:00", "Budi", "Fixed it", ("edited",), None),
    (
        "system",
        "2023-01-13T13:00:00",
        None,
        'Budi changed the subject from "Site: v1" to "Site v2"',
        NONE,
        None,
    ),
    (
        "system",
        "2023-01-13T13:01:00",
        None,
        "Dewi joined using this group's invite link",
        NONE,
        None,
    ),
    ("system", "2023-01-13T13:02:00", None, "Sari left", NONE, None),
]

PHONE = "+62 812-3456-7890"
IOS_EN: list[Row] = [
    (
        "system",
        "2021-10-14T15:34:09",
        None,
        "Messages and calls are end-to-end encrypted. Only people in this chat can read, "
        "listen to, or share them.",
        NONE,
        None,
    ),
    ("system", "2021-10-14T15:34:09", None, "Budi created group “Proyek Web”", NONE, None),
    ("system", "2021-10-14T15:35:00", None, "Budi added +62 812\u20113456\u20117890", NONE, None),
    (
        "message",
        "2021-10-14T15:36:12",
        "Budi",
        "Halo, ini grup untuk website\nKita bahas di sini ya",
        NONE,
        None,
    ),
    ("message", "2021-10-14T15:37:01", PHONE, "Siap", NONE, None),
    ("media", "2021-10-14T15:38:00", "Budi", "", ("media-omitted", "photo"), None),
    (
        "media",
        "2021-10-14T15:39:30",
        PHONE,
        "",
        NONE,
        "00000042-PHOTO-2021-10-14-15-39-30.jpg",
    ),
    ("message", "2021-10-14T15:40:00", "Budi", "", ("deleted",), None),
    ("message", "2021-10-14T15:41:00", PHONE, "", ("deleted",), None),
    ("message", "2021-10-14T15:42:00", "Budi", "Harga paket 2 juta", ("edited",), None),
    ("media", "2021-10-15T09:00:00", "Budi", "", ("media-omitted", "sticker"), None),
    ("system", "2021-10-15T09:01:00", None, "+62 812\u20113456\u20117890 left", NONE, None),
]

IOS_ID: list[Row] = [
    (
        "system",
        "2025-08-30T18:00:00",
        None,
        "Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, "
        "termasuk WhatsApp, yang dapat membaca atau mendengarkannya.",
        NONE,
        None,
    ),
    ("message", "2025-08-30T18:00:05", "Bu Sari", "Mas, webnya error lagi 🙏", NONE, None),
    ("media", "2025-08-30T18:01:00", "Bu Sari", "", ("media-omitted", "photo"), None),
    ("message", "2025-08-30T18:02:00", "Rudi", "Baik Bu, saya cek", NONE, None),
    ("media", "2025-08-30T18:03:00", "Rudi", "", ("media-omitted", "sticker"), None),
    ("message", "2025-08-30T18:04:00", "Bu Sari", "", ("deleted",), None),
]


def _msg(ts: str, sender: str, text: str) -> Row:
    return ("message", ts, sender, text, NONE, None)


SMALL_FIXTURES: dict[str, tuple[str, str, list[Row]]] = {
    "wa_en_ca.txt": (
        "whatsapp-android",
        "YMD",
        [
            _msg("2023-12-20T17:46:00", "Ana", "Is the site live?"),
            _msg("2023-12-20T23:02:00", "Ben", "Yes"),
            _msg("2023-12-21T00:05:00", "Ana", "Great, thanks"),
        ],
    ),
    "wa_en_za.txt": (
        "whatsapp-android",
        "YMD",
        [
            _msg("2023-12-20T17:46:00", "Thabo", "Morning"),
            _msg("2023-12-20T17:47:00", "Lindiwe", "Hi"),
        ],
    ),
    "wa_es.txt": (
        "whatsapp-android",
        "DMY",
        [
            _msg("2025-03-28T21:29:00", "Lucía", "¿Ya está la web?"),
            _msg("2025-03-28T21:31:00", "Tomás", "Sí, ya está"),
            _msg("2025-03-29T00:10:00", "Lucía", "Gracias"),
        ],
    ),
    "wa_fi.txt": (
        "whatsapp-android",
        "DMY",
        [
            _msg("2018-06-13T21:25:15", "Matti", "Moi"),
            _msg("2018-06-13T21:26:00", "Liisa", "Hei"),
        ],
    ),
    "wa_de_colon.txt": (
        "whatsapp-android",
        "DMY",
        [
            _msg("2018-06-13T21:25:15", "Anna", "Hallo"),
            _msg("2018-06-13T21:26:40", "Jonas", "Hallo Anna: wie geht's?"),
        ],
    ),
    "wa_android_id_4digit.txt": (
        "whatsapp-android",
        "DMY",
        [
            _msg("2026-07-21T03:10:00", "Bu Sari", "Pagi mas"),
            _msg("2026-07-21T03:11:00", "Rudi", "Pagi Bu"),
        ],
    ),
    "wa_us_chronology.txt": (
        "whatsapp-android",
        "MDY",
        [
            _msg("2023-01-02T09:00:00", "Budi", "ok"),
            _msg("2023-01-05T09:00:00", "Sari", "ok"),
            _msg("2023-01-09T10:30:00", "Budi", "ok"),
            _msg("2023-02-01T11:00:00", "Sari", "ok"),
            _msg("2023-02-03T08:00:00", "Budi", "ok"),
        ],
    ),
}


# --- whole fixtures ----------------------------------------------------------------


def test_indonesian_android_group() -> None:
    chat = parse_chat_file(FIXTURES / "wa_android_id.txt")
    assert chat.format == "whatsapp-android"
    assert chat.date_order == "DMY"
    assert rows(chat) == ANDROID_ID
    assert chat.participants == ["Bu Sari", "Rudi", "Mas Andi (Vendor: Percetakan)"]
    assert chat.warnings == []


def test_us_android_12h_with_narrow_no_break_space() -> None:
    chat = parse_chat_file(FIXTURES / "wa_android_us.txt")
    assert chat.format == "whatsapp-android"
    assert chat.date_order == "MDY"
    assert rows(chat) == ANDROID_US
    assert chat.participants == ["Budi", "Sari"]


def test_ios_group_with_brackets_marks_and_phone_senders() -> None:
    chat = parse_chat_file(FIXTURES / "wa_ios_en.txt")
    assert chat.format == "whatsapp-ios"
    assert chat.date_order == "DMY"
    assert rows(chat) == IOS_EN
    # The group name printed as author of system lines is the chat name, not a participant.
    assert chat.chat_name == "Proyek Web"
    assert chat.participants == ["Budi", PHONE]


def test_indonesian_ios_one_to_one_contact_stays_a_participant() -> None:
    chat = parse_chat_file(FIXTURES / "wa_ios_id.txt")
    assert chat.format == "whatsapp-ios"
    assert rows(chat) == IOS_ID
    assert chat.chat_name == "Bu Sari"
    assert chat.participants == ["Bu Sari", "Rudi"]


@pytest.mark.parametrize("name", sorted(SMALL_FIXTURES))
def test_locale_fixtures(name: str) -> None:
    fmt, order, expected = SMALL_FIXTURES[name]
    chat = parse_chat_file(FIXTURES / name)
    assert (chat.format, chat.date_order) == (fmt, order)
    assert rows(chat) == expected
    assert chat.warnings == []


# --- every header form ----------------------------------------------------------------

HEADER_CASES: list[tuple[str, str, str]] = [
    # (first line, expected timestamp of that line, format)
    ("30/08/25 18.00 - Bu Sari: Mas, webnya error lagi 🙏", "2025-08-30T18:00:00", "android"),
    ("30/08/25, 18:00 - Bu Sari: halo", "2025-08-30T18:00:00", "android"),
    ("21/07/2026 03.10 - Bu Sari: halo", "2026-07-21T03:10:00", "android"),
    (f"1/4/23, 7:02{NNBSP}PM - Budi: hi", "2023-01-04T19:02:00", "android"),
    ("1/4/23, 7:02 PM - Budi: hi", "2023-01-04T19:02:00", "android"),
    ("1/4/23, 12:00 AM - Budi: hi", "2023-01-04T00:00:00", "android"),
    ("1/4/23, 12:30 PM - Budi: hi", "2023-01-04T12:30:00", "android"),
    ("04/01/2023, 7:02 pm - Budi: hi", "2023-01-04T19:02:00", "android"),
    ("12/20/23, 17:46 - Budi: hi", "2023-12-20T17:46:00", "android"),
    ("2023-12-20, 5:46 p.m. - Ana: hi", "2023-12-20T17:46:00", "android"),
    ("2023-12-20, 5:46 a.m. - Ana: hi", "2023-12-20T05:46:00", "android"),
    ("2023/12/20, 5:46 pm - Ana: hi", "2023-12-20T17:46:00", "android"),
    (f"28/3/2025, 9:29{NBSP}p.{NBSP}m. - Lucía: hola", "2025-03-28T21:29:00", "android"),
    ("28/3/2025, 9:29 p. m. - Lucía: hola", "2025-03-28T21:29:00", "android"),
    (f"28/3/2025, 9:29{NNBSP}p.{NNBSP}m. - Lucía: hola", "2025-03-28T21:29:00", "android"),
    ("13.6.2018 klo 21.25.15 - Matti: moi", "2018-06-13T21:25:15", "android"),
    ("13.06.18 21.25.15: Anna: hallo", "2018-06-13T21:25:15", "android"),
    ("13.06.18, 21:25 - Anna: hallo", "2018-06-13T21:25:00", "android"),
    ("20-12-2023 17:46 - Budi: hi", "2023-12-20T17:46:00", "android"),
    (f"{LRM}30/08/25 18.00 - Bu Sari: halo", "2025-08-30T18:00:00", "android"),
    ("30/08/25 18.00 – Bu Sari: halo", "2025-08-30T18:00:00", "android"),
    (f"[14/10/2021, 3:34:09{NNBSP}PM] Budi: hi", "2021-10-14T15:34:09", "ios"),
    (f"{LRM}[14/10/2021, 3:34:09 PM] Budi: hi", "2021-10-14T15:34:09", "ios"),
    ("[30/08/25 18.00.00] Bu Sari: halo", "2025-08-30T18:00:00", "ios"),
    ("[07.03.26, 21:22:39] Anna: hallo", "2026-03-07T21:22:39", "ios"),
    ("[2024-01-05, 10:00:00] Ana: hi", "2024-01-05T10:00:00", "ios"),
    ("[1/13/24, 7:02:03 AM] Ana: hi", "2024-01-13T07:02:03", "ios"),
    ("[2019-12-24, 12:23] Ana: hi", "2019-12-24T12:23:00", "ios"),
]


@pytest.mark.parametrize(("line", "expected", "style"), HEADER_CASES)
def test_header_forms(line: str, expected: str, style: str) -> None:
    text = f"{line}\nsecond line\n"
    chat = parse_chat_text(text)
    assert chat.format == f"whatsapp-{style}"
    assert len(chat.messages) == 1
    msg = chat.messages[0]
    assert msg.timestamp.isoformat() == expected
    assert msg.kind == "message"
    assert msg.sender is not None
    assert msg.text.endswith("\nsecond line")


# --- day/month order ----------------------------------------------------------------------


def test_day_above_twelve_first_means_day_month() -> None:
    chat = parse_chat_text("01/02/24 10:00 - A: x\n13/02/24 10:00 - B: y\n")
    assert chat.date_order == "DMY"
    assert [m.timestamp.date().isoformat() for m in chat.messages] == ["2024-02-01", "2024-02-13"]


def test_day_above_twelve_second_means_month_day() -> None:
    chat = parse_chat_text("02/01/24 10:00 - A: x\n02/13/24 10:00 - B: y\n")
    assert chat.date_order == "MDY"
    assert [m.timestamp.date().isoformat() for m in chat.messages] == ["2024-02-01", "2024-02-13"]


def test_order_is_decided_from_the_whole_file_not_the_first_lines() -> None:
    lines = [f"{1 + i % 12:02d}/{1 + i // 400:02d}/24 10:00 - A: x" for i in range(3000)]
    # (day cycles 1..12 while the "month" field grows: ambiguous until the very end)
    lines.append("25/08/24 10:00 - B: the only day above twelve")
    chat = parse_chat_text("\n".join(lines) + "\n")
    assert chat.date_order == "DMY"
    assert chat.messages[-1].timestamp == datetime(2024, 8, 25, 10, 0)


def test_chronology_decides_when_every_day_is_twelve_or_less() -> None:
    chat = parse_chat_file(FIXTURES / "wa_us_chronology.txt")
    assert chat.date_order == "MDY"
    ts = [m.timestamp for m in chat.messages]
    assert ts == sorted(ts)


def test_language_decides_as_last_resort() -> None:
    indonesian = parse_chat_text(
        "01/02/24 10.00 - Pesan dan panggilan terenkripsi secara end-to-end.\n"
        "01/02/24 10.01 - Bu Sari: halo\n"
    )
    assert indonesian.date_order == "DMY"
    assert indonesian.messages[1].timestamp == datetime(2024, 2, 1, 10, 1)
    english_us = parse_chat_text("1/2/24, 10:01 AM - Budi: hi\n")
    assert english_us.date_order == "MDY"
    assert english_us.messages[0].timestamp == datetime(2024, 1, 2, 10, 1)


def test_date_order_override() -> None:
    data = fixture_bytes("wa_us_chronology.txt")
    chat = parse_chat_bytes(data, date_order="DMY")
    assert chat.date_order == "DMY"
    assert chat.messages[0].timestamp == datetime(2023, 2, 1, 9, 0)
    assert parse_chat_bytes(data, date_order="mdy").date_order == "MDY"


def test_bad_date_order_values_raise_import_error() -> None:
    data = fixture_bytes("wa_us_chronology.txt")
    with pytest.raises(ChatImportError, match="unknown date order"):
        parse_chat_bytes(data, filename="x.txt", date_order="DDMM")
    with pytest.raises(ChatImportError, match="year last"):
        parse_chat_bytes(data, filename="x.txt", date_order="YMD")


def test_override_that_makes_most_dates_impossible_is_reported() -> None:
    text = "13/01/24 10:00 - A: x\n14/01/24 10:00 - B: y\n15/01/24 10:00 - A: z\n"
    with pytest.raises(ChatImportError, match="choose another date order") as info:
        parse_chat_bytes(text.encode(), filename="chat.txt", date_order="MDY")
    assert "chat.txt" in str(info.value)


# --- lines, continuation, cut-off file -----------------------------------------------------


def test_impossible_header_stays_inside_the_previous_message() -> None:
    text = (
        "30/08/25 18.00 - Bu Sari: Jadwal:\n"
        "31/02/25 10.00 - rapat (tanggal salah)\n"
        "30/08/25 18.01 - Rudi: ok\n"
    )
    chat = parse_chat_text(text)
    assert rows(chat) == [
        _msg("2025-08-30T18:00:00", "Bu Sari", "Jadwal:\n31/02/25 10.00 - rapat (tanggal salah)"),
        _msg("2025-08-30T18:01:00", "Rudi", "ok"),
    ]
    assert any("impossible dates" in w for w in chat.warnings)


def test_only_newlines_split_lines() -> None:
    text = "30/08/25 18.00 - A: a\u2028b\u2029c\x0bd\x0ce\x85f\x1cg\rh\n30/08/25 18.01 - B: ok\n"
    chat = parse_chat_text(text)
    assert chat.messages[0].text == "a\u2028b\u2029c\x0bd\x0ce\x85f\x1cg\rh"
    assert len(chat.messages) == 2


def test_cut_off_file_keeps_complete_messages_and_warns() -> None:
    chat = parse_chat_file(FIXTURES / "wa_cut_off.txt")
    assert rows(chat) == [
        _msg("2025-08-30T18:00:00", "Bu Sari", "Mas, webnya error lagi 🙏"),
        _msg("2025-08-30T18:01:00", "Rudi", "Siap\ndicek sekarang"),
    ]
    assert len(chat.warnings) == 1
    assert "cut off" in chat.warnings[0]


@pytest.mark.parametrize(
    "tail",
    ["30/08/25 18.02 - Bu Sa", "30/08/25 18.02 - ", "30/08/25 18.02 -", "30/08", "[30/08/25"],
)
def test_cut_inside_last_header(tail: str) -> None:
    text = "30/08/25 18.00 - Bu Sari: halo\n30/08/25 18.01 - Rudi: siap\n" + tail
    chat = parse_chat_text(text)
    assert rows(chat) == [
        _msg("2025-08-30T18:00:00", "Bu Sari", "halo"),
        _msg("2025-08-30T18:01:00", "Rudi", "siap"),
    ]
    assert any("cut off" in w for w in chat.warnings)


def test_cut_inside_a_multibyte_character() -> None:
    data = "30/08/25 18.00 - Bu Sari: halo\n30/08/25 18.01 - Rudi: siap 🙏".encode()
    chat = parse_chat_bytes(data[:-2])
    assert chat.messages[-1].text == "siap "
    assert any("cut off" in w for w in chat.warnings)


def test_complete_file_without_final_newline_has_no_warning() -> None:
    chat = parse_chat_text("30/08/25 18.00 - Bu Sari: halo\n30/08/25 18.01 - Rudi: siap")
    assert len(chat.messages) == 2
    assert chat.warnings == []


def test_lines_before_the_first_header_are_reported() -> None:
    chat = parse_chat_text("some junk\n30/08/25 18.00 - Bu Sari: halo\n")
    assert len(chat.messages) == 1
    assert any("before the first message" in w for w in chat.warnings)


# --- senders, system lines, media ----------------------------------------------------------


def test_colon_in_sender_name_resolved_by_participants() -> None:
    text = (
        "30/08/25 18.00 - Mas Andi (Vendor: Percetakan): Siap: besok dikirim\n"
        "30/08/25 18.01 - Rudi: Catatan: warna biru\n"
        "30/08/25 18.02 - Rudi: oke\n"
        "30/08/25 18.03 - Tim Web: Desain: revisi 2\n"
        "30/08/25 18.04 - Tim Web: Desain: ok\n"
    )
    chat = parse_chat_text(text)
    assert [(m.sender, m.text) for m in chat.messages] == [
        ("Mas Andi (Vendor: Percetakan)", "Siap: besok dikirim"),
        ("Rudi", "Catatan: warna biru"),
        ("Rudi", "oke"),
        ("Tim Web: Desain", "revisi 2"),
        ("Tim Web: Desain", "ok"),
    ]


def test_bidi_controls_and_special_spaces_removed_from_senders() -> None:
    sender = "\u2066\u202a+62\u00a0812\u20113456\u2011\u202f7890\u202c\u2069"
    chat = parse_chat_text(f"[30/08/25 18.00.00] {sender}: halo\n")
    assert chat.messages[0].sender == "+62 812-3456- 7890"


def test_invisible_marks_removed_from_text() -> None:
    chat = parse_chat_text(f"30/08/25 18.00 - A: {LRM}halo @\u202a+62 812\u202c\n")
    assert chat.messages[0].text == "halo @+62 812"


@pytest.mark.parametrize(
    ("body", "kind", "text", "flags", "media"),
    [
        ("<Media omitted>", "media", "", ("media-omitted",), None),
        ("<Media tidak disertakan>", "media", "", ("media-omitted",), None),
        ("IMG-1.jpg (file attached)", "media", "", NONE, "IMG-1.jpg"),
        (
            "VID-2.mp4 (file terlampir)\ncaption\nline 2",
            "media",
            "caption\nline 2",
            NONE,
            "VID-2.mp4",
        ),
        (f"{LRM}<attached: 00000042-PHOTO.jpg>", "media", "", NONE, "00000042-PHOTO.jpg"),
        (f"{LRM}image omitted", "media", "", ("media-omitted", "photo"), None),
        (f"{LRM}video omitted", "media", "", ("media-omitted", "video"), None),
        (f"{LRM}audio omitted", "media", "", ("audio", "media-omitted"), None),
        (f"{LRM}sticker omitted", "media", "", ("media-omitted", "sticker"), None),
        (f"{LRM}document omitted", "media", "", ("document", "media-omitted"), None),
        (f"{LRM}GIF omitted", "media", "", ("media-omitted", "video"), None),
        ("image omitted", "media", "", ("media-omitted", "photo"), None),
        (
            f"{LRM}report.pdf • 3 pages {LRM}document omitted",
            "media",
            "",
            ("document", "media-omitted"),
            None,
        ),
        (f"{LRM}gambar tidak disertakan", "media", "", ("media-omitted", "photo"), None),
        (f"{LRM}video tidak disertakan", "media", "", ("media-omitted", "video"), None),
        (f"{LRM}stiker tidak disertakan", "media", "", ("media-omitted", "sticker"), None),
        (f"{LRM}audio tidak disertakan", "media", "", ("audio", "media-omitted"), None),
        ("This message was deleted", "message", "", ("deleted",), None),
        (f"{LRM}This message was deleted.", "message", "", ("deleted",), None),
        ("You deleted this message", "message", "", ("deleted",), None),
        (f"{LRM}You deleted this message.", "message", "", ("deleted",), None),
        ("Pesan ini telah dihapus", "message", "", ("deleted",), None),
        ("Anda menghapus pesan ini", "message", "", ("deleted",), None),
        ("ok <This message was edited>", "message", "ok", ("edited",), None),
        (f"ok {LRM}<This message was edited>", "message", "ok", ("edited",), None),
        ("baik <Pesan ini telah diedit>", "message", "baik", ("edited",), None),
        (
            "line 1\nline 2 <This message was edited>",
            "message",
            "line 1\nline 2",
            ("edited",),
            None,
        ),
        ("I <3 this <b>site</b>", "message", "I <3 this <b>site</b>", NONE, None),
        (
            "This message was deleted\nbut not really",
            "message",
            "This message was deleted\nbut not really",
            NONE,
            None,
        ),
    ],
)
def test_placeholders(
    body: str, kind: str, text: str, flags: tuple[str, ...], media: str | None
) -> None:
    chat = parse_chat_text(f"30/08/25 18.00 - Budi: {body}\n30/08/25 18.01 - Sari: next\n")
    assert rows(chat)[0] == (kind, "2025-08-30T18:00:00", "Budi", text, flags, media)


def test_android_system_lines_have_no_sender() -> None:
    text = (
        "1/4/23, 7:02 PM - Messages to this group are now secured with end-to-end encryption.\n"
        "1/4/23, 7:03 PM - Budi removed Sari\n"
        "1/4/23, 7:04 PM - Budi changed this group's icon\n"
        "1/4/23, 7:05 PM - Budi: done\n"
        "1/4/23, 7:06 PM - Bu Sari bergabung menggunakan tautan undangan grup ini\n"
    )
    chat = parse_chat_text(text)
    assert [m.kind for m in chat.messages] == ["system", "system", "system", "message", "system"]
    assert [m.sender for m in chat.messages] == [None, None, None, "Budi", None]
    assert chat.participants == ["Budi"]


def test_chat_name_from_file_name() -> None:
    data = b"30/08/25 18.00 - Bu Sari: halo\n"
    chat = parse_chat_bytes(data, filename="/tmp/x/WhatsApp Chat with Bu Sari.txt")
    assert chat.chat_name == "Bu Sari"
    chat = parse_chat_bytes(data, filename="Chat WhatsApp dengan Toko Kue.txt")
    assert chat.chat_name == "Toko Kue"
    assert parse_chat_bytes(data, filename="chat.txt").chat_name is None


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(
            lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), id="bom-crlf"
        ),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(lambda t: b"\xff\xfe" + t.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(lambda t: b"\xfe\xff" + t.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(
            lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
            id="utf-16-le-bom-crlf",
        ),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le-without-bom"),
    ],
)
def test_encodings_give_the_same_messages(encode: object) -> None:
    text = fixture_bytes("wa_android_id.txt").decode("utf-8")
    data = encode(text)  # type: ignore[operator]
    chat = parse_chat_bytes(data, filename="chat.txt")
    assert rows(chat) == ANDROID_ID


def test_ios_crlf_utf16(tmp_path: Path) -> None:
    text = fixture_bytes("wa_ios_en.txt").decode("utf-8")
    path = tmp_path / "_chat.txt"
    path.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    assert rows(parse_chat_file(path)) == IOS_EN


# --- the message contract --------------------------------------------------------------------


def test_message_contract() -> None:
    chat = parse_chat_file(FIXTURES / "wa_android_us.txt")
    msg = chat.messages[5]
    assert isinstance(msg, ChatMessage)
    assert msg.to_json_dict() == {
        "kind": "media",
        "timestamp": "2023-01-04T19:07:00",
        "sender": "Sari",
        "text": "Screenshot of the error",
        "flags": [],
        "media_file": "IMG-20230104-WA0001.jpg",
    }
    assert msg.timestamp.tzinfo is None
    assert isinstance(msg.flags, frozenset)
    with pytest.raises(AttributeError):
        msg.text = "changed"  # type: ignore[misc]
    same = ChatMessage(
        "media",
        datetime(2023, 1, 4, 19, 7),
        "Sari",
        "Screenshot of the error",
        frozenset(),
        "IMG-20230104-WA0001.jpg",
    )
    assert msg == same
    assert hash(msg) == hash(same)
    assert pickle.loads(pickle.dumps(msg)) == msg
    assert repr(msg) == repr(same)
    assert repr(msg).startswith("ChatMessage(kind='media', ")
    plain = chat.messages[0]
    assert (plain.flags, plain.media_file) == (frozenset(), None)
    with pytest.raises(AttributeError):
        plain.flags = frozenset({"edited"})  # type: ignore[misc]
    ts = [m.timestamp for m in chat.messages]
    assert ts == sorted(ts)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("wa_*.txt")))
@pytest.mark.parametrize("block", [1, 7, 40, 333])
def test_a_big_export_read_block_by_block_gives_the_same_messages(
    name: str, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big exports are split in blocks cut at line ends; a cut inside a multi-line message, or
    right before a header, must not change a single message."""
    from agencydesk.core.importers.whatsapp import parser as whatsapp_parser

    whole = [m.to_json_dict() for m in parse_chat_bytes(fixture_bytes(name)).messages]
    monkeypatch.setattr(whatsapp_parser, "SPLIT_BLOCK", block)
    blocks = [m.to_json_dict() for m in parse_chat_bytes(fixture_bytes(name)).messages]
    assert blocks == whole
    assert whole
