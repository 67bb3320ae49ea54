"""Format detection, errors, and WhatsApp zip exports (safety included)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from importer_testutil import FIXTURES, fixture_bytes

from agencydesk.core.importers import (
    ChatImportError,
    detect_format,
    extract_media,
    parse_chat_bytes,
    parse_chat_file,
    parse_chat_text,
)

NOT_A_CHAT = "does not look like a chat export"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wa_android_id.txt", "whatsapp-android"),
        ("wa_android_us.txt", "whatsapp-android"),
        ("wa_ios_en.txt", "whatsapp-ios"),
        ("wa_ios_id.txt", "whatsapp-ios"),
        ("wa_en_ca.txt", "whatsapp-android"),
        ("wa_fi.txt", "whatsapp-android"),
        ("telegram_single.json", "telegram"),
        ("telegram_full.json", "telegram"),
        ("line_classic.txt", "line"),
        ("line_new.txt", "line"),
        ("messenger_message_1.json", "messenger"),
        ("chat_comma.csv", "csv"),
        ("chat_semicolon_id.csv", "csv"),
    ],
)
def test_detect_format_by_content(name: str, expected: str, tmp_path: Path) -> None:
    text = fixture_bytes(name).decode("utf-8")
    assert detect_format(text) == expected
    # The file name plays no part: a misleading name gives the same result.
    misnamed = tmp_path / "export.pdf"
    misnamed.write_bytes(fixture_bytes(name))
    assert parse_chat_file(misnamed).format == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "hello world\nthis is a letter\n",
        "%PDF-1.7",
        '{"a": 1}',
        "[1, 2, 3]",
        "a,b\n1,2",
    ],
)
def test_detect_format_unknown(text: str) -> None:
    assert detect_format(text) == "unknown"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"   \r\n\n", "is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", NOT_A_CHAT),
        (bytes(range(256)) * 4, NOT_A_CHAT),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", NOT_A_CHAT),
        (b"Dear Bu Sari,\nplease find the invoice attached.\nRegards\n", NOT_A_CHAT),
        (b'{"invoice": 12, "items": []}', NOT_A_CHAT),
        (b"name,amount\nRudi,100\n", NOT_A_CHAT),
        (b'{"messages": [', r"not valid JSON \(the file ends before its data does"),
        (b'{"messages": [] "name": 1}', r"not valid JSON \(Expecting ',' delimiter"),
        (b"\xff\xfe" + "hello there".encode("utf-16-le"), NOT_A_CHAT),
        (b"\xff\xfe\x00", "is empty"),
    ],
)
def test_not_a_chat_is_one_clear_error(data: bytes, reason: str, tmp_path: Path) -> None:
    with pytest.raises(ChatImportError, match=reason) as info:
        parse_chat_bytes(data, filename="mystery.bin")
    assert info.value.path == "mystery.bin"
    assert str(info.value).startswith("“mystery.bin”")
    path = tmp_path / "mystery.bin"
    path.write_bytes(data)
    with pytest.raises(ChatImportError, match=reason) as info2:
        parse_chat_file(path)
    assert info2.value.path == str(path)
    assert str(path) in str(info2.value)


def test_error_without_file_name_still_reads_well() -> None:
    with pytest.raises(ChatImportError) as info:
        parse_chat_bytes(b"hello")
    assert info.value.path is None
    assert str(info.value).startswith("The chat file: ")
    assert "WhatsApp, Telegram, LINE, Messenger/Instagram or CSV" in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ChatImportError, match="does not exist") as info:
        parse_chat_file(tmp_path / "nope.txt")
    assert info.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(ChatImportError, match="folder"):
        parse_chat_file(tmp_path)


def test_wrong_argument_types_raise_import_error() -> None:
    with pytest.raises(ChatImportError):
        parse_chat_bytes("text, not bytes")  # type: ignore[arg-type]
    with pytest.raises(ChatImportError):
        parse_chat_text(b"bytes, not text")  # type: ignore[arg-type]


def test_windows_1252_csv_is_read_with_a_warning() -> None:
    data = "date;sender;text\n05/01/2024 10:00;Rudi;Caf\xe9 sudah siap\n".encode("cp1252")
    chat = parse_chat_bytes(data)
    assert chat.messages[0].text == "Café sudah siap"
    assert any("Windows-1252" in w for w in chat.warnings)


_EMOJI_CHAT = (
    "12/31/24, 9:00 PM - Sari: Halo mas 🙏 webnya error 😭\n"
    "12/31/24, 9:01 PM - Budi: Siap bu, saya cek dulu ☺\n"
) * 50


def test_line_ends_of_a_lone_cr_throughout_are_line_ends() -> None:
    """A file saved with old Mac line ends was read as one message holding the whole chat."""
    data = _EMOJI_CHAT.replace("\n", "\r").encode()
    chat = parse_chat_bytes(data)
    assert len(chat.messages) == 100
    assert chat.messages[1].text == "Siap bu, saya cek dulu ☺"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_few_bad_bytes_in_a_utf8_export_are_replaced_and_the_rest_kept(bom: bytes) -> None:
    """A UTF-8 export with two damaged bytes near its end was read whole as Windows-1252:
    every emoji of it garbled ("ðŸ™\x8f"), with only a note that it was not UTF-8."""
    data = bom + _EMOJI_CHAT.encode() + b"12/31/24, 9:02 PM - Sari: caf\xe9 \xff ok\n"
    chat = parse_chat_bytes(data)
    assert chat.messages[0].text == "Halo mas 🙏 webnya error 😭"
    assert chat.messages[1].text == "Siap bu, saya cek dulu ☺"
    assert chat.messages[-1].text == "caf\ufffd \ufffd ok"
    assert chat.warnings == [
        "2 character(s) were not valid UTF-8 and were replaced with “\ufffd” (the first on "
        "line 101)."
    ]
    # a "\ufffd" the export itself holds is no damage of its own
    chat = parse_chat_bytes(data.replace(b"ok", "\ufffd".encode()))
    assert chat.warnings[0].startswith("2 character(s) ")


def test_a_windows_1252_export_with_a_stray_utf8_letter_is_still_windows_1252() -> None:
    data = (
        "12/31/24, 9:00 PM - Andr\xe9: Caf\xe9 sudah siap, \xa35\n" * 20
        + "12/31/24, 9:01 PM - Budi: na\xefve \u00e9\n"
    ).encode("latin-1")
    chat = parse_chat_bytes(data)
    assert chat.messages[0].sender == "André"
    assert chat.messages[0].text == "Café sudah siap, £5"
    assert chat.warnings == ["The file is not UTF-8; it was read as Windows-1252 text."]


# --- zip exports --------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


IOS_CHAT = (
    "[14/10/2021, 3:36:12 PM] Budi: Halo\n"
    "\u200e[14/10/2021, 3:39:30 PM] Sari: \u200e<attached: 00000042-PHOTO-2021-10-14.jpg>\n"
    "\u200e[14/10/2021, 3:40:30 PM] Sari: \u200e<attached: 00000043-AUDIO-missing.opus>\n"
).encode()


def test_ios_zip_with_media(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "WhatsApp Chat - Budi.zip",
        {"_chat.txt": IOS_CHAT, "00000042-PHOTO-2021-10-14.jpg": b"\xff\xd8\xff" + b"0" * 100},
    )
    chat = parse_chat_file(path)
    assert chat.format == "whatsapp-ios"
    assert chat.media_members == ("00000042-PHOTO-2021-10-14.jpg",)
    photo, audio = chat.messages[1], chat.messages[2]
    assert photo.media_file == "00000042-PHOTO-2021-10-14.jpg"
    assert chat.media_member_for(photo.media_file) == "00000042-PHOTO-2021-10-14.jpg"
    assert chat.media_member_for(audio.media_file) is None
    assert chat.chat_name == "Budi"
    # The same zip given as bytes.
    assert parse_chat_bytes(path.read_bytes(), filename=str(path)).media_members == (
        "00000042-PHOTO-2021-10-14.jpg",
    )


def test_android_zip_named_chat_and_indonesian_name(tmp_path: Path) -> None:
    chat_txt = b"30/08/25 18.06 - Rudi: IMG-20250830-WA0007.jpg (file terlampir)\nIni errornya\n"
    path = _zip(
        tmp_path / "export.zip",
        {
            "Chat WhatsApp dengan Bu Sari.txt": chat_txt,
            "IMG-20250830-WA0007.jpg": b"jpeg",
            "notes/readme.md": b"x",
        },
    )
    chat = parse_chat_file(path)
    assert chat.chat_name == "Bu Sari"
    assert chat.messages[0].media_file == "IMG-20250830-WA0007.jpg"
    assert chat.messages[0].text == "Ini errornya"
    assert set(chat.media_members) == {"IMG-20250830-WA0007.jpg", "notes/readme.md"}
    out = extract_media(path, ["IMG-20250830-WA0007.jpg", "not-there.jpg"], tmp_path / "media")
    assert list(out) == ["IMG-20250830-WA0007.jpg"]
    assert out["IMG-20250830-WA0007.jpg"].read_bytes() == b"jpeg"
    # Extracting again never overwrites: the second copy gets a new name.
    again = extract_media(path, ["IMG-20250830-WA0007.jpg"], tmp_path / "media")
    assert again["IMG-20250830-WA0007.jpg"].name == "IMG-20250830-WA0007 (1).jpg"
    assert sorted(p.name for p in (tmp_path / "media").iterdir()) == [
        "IMG-20250830-WA0007 (1).jpg",
        "IMG-20250830-WA0007.jpg",
    ]


def test_media_of_one_name_in_different_folders_get_numbered_names(tmp_path: Path) -> None:
    members = {f"{folder}/IMG.jpg": folder.encode() for folder in "abc"}
    path = _zip(tmp_path / "export.zip", {"_chat.txt": IOS_CHAT, "a/IMG (1).jpg": b"1", **members})
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "IMG (2).jpg").write_bytes(b"already there")
    out = extract_media(path, ["a/IMG (1).jpg", *members], tmp_path / "media")
    # in the order of the members' names, never over a file already there
    assert {name: target.name for name, target in out.items()} == {
        "a/IMG (1).jpg": "IMG (1).jpg",
        "a/IMG.jpg": "IMG.jpg",
        "b/IMG.jpg": "IMG (3).jpg",
        "c/IMG.jpg": "IMG (4).jpg",
    }
    assert out["c/IMG.jpg"].read_bytes() == b"c"
    assert (tmp_path / "media" / "IMG (2).jpg").read_bytes() == b"already there"


def test_many_media_of_one_name_are_extracted_in_linear_time(tmp_path: Path) -> None:
    """Each member of a name already taken counted from "(1)" again: 8,000 members of one name
    in different folders took 212 s."""
    import statistics
    import time

    def members(count: int) -> dict[str, bytes]:
        return {f"{n}/IMG.jpg": b"x" for n in range(count)}

    small, large = 150, 600
    paths = {count: _zip(tmp_path / f"{count}.zip", members(count)) for count in (small, large)}
    times: dict[int, list[float]] = {small: [], large: []}
    for round_ in range(3):  # turn about, so a load on the machine weighs on both alike
        for count, path in paths.items():
            started = time.perf_counter()
            out = extract_media(path, members(count), tmp_path / f"media-{round_}-{count}")
            times[count].append(time.perf_counter() - started)
            assert len({target.name for target in out.values()}) == count
    ratio = statistics.median(times[large]) / statistics.median(times[small])
    # four times the members: linear is 4×, quadratic 16×; the machine is shared, hence room
    assert ratio < 8, times


@pytest.mark.parametrize(
    "bad", ["../evil.txt", "media/../../evil.jpg", "/etc/evil.jpg", "C:/x.jpg"]
)
def test_zip_with_unsafe_member_is_refused(bad: str, tmp_path: Path) -> None:
    path = _zip(tmp_path / "chat.zip", {"_chat.txt": IOS_CHAT, bad: b"evil"})
    with pytest.raises(ChatImportError, match="unsafe") as info:
        parse_chat_file(path)
    assert info.value.path == str(path)
    with pytest.raises(ChatImportError, match="unsafe"):
        extract_media(path, [bad], tmp_path / "out")
    assert not (tmp_path / "evil.txt").exists()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "chat.zip", {"_chat.txt": IOS_CHAT, "big.bin": b"\0" * (8 * 1024 * 1024)}
    )
    with pytest.raises(ChatImportError, match="expands suspiciously"):
        parse_chat_file(path)


def test_zip_without_chat_or_damaged(tmp_path: Path) -> None:
    path = _zip(tmp_path / "photos.zip", {"a.jpg": b"1", "b.jpg": b"2"})
    with pytest.raises(ChatImportError, match="without a single chat export"):
        parse_chat_file(path)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ChatImportError, match="damaged"):
        parse_chat_file(broken)


def test_zip_error_inside_chat_names_zip_and_member(tmp_path: Path) -> None:
    path = _zip(tmp_path / "chat.zip", {"_chat.txt": b"just some words\n"})
    with pytest.raises(ChatImportError) as info:
        parse_chat_file(path)
    assert info.value.path == str(path)
    assert "_chat.txt" in str(info.value)


def test_zip_with_telegram_json(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "tg.zip", {"ChatExport/result.json": fixture_bytes("telegram_single.json")}
    )
    assert parse_chat_file(path).format == "telegram"


def test_zip_bytes_in_memory() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("WhatsApp Chat with Bu Sari.txt", (FIXTURES / "wa_android_id.txt").read_bytes())
    chat = parse_chat_bytes(buf.getvalue(), filename="chat.zip")
    assert chat.chat_name == "Bu Sari"
    assert chat.media_members == ()
