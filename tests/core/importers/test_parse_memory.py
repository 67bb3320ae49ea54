"""A parsed export holds its messages and little else: a big chat must fit in a small laptop's
memory. Per message, beyond its text, that is the message itself (64 bytes; 80 with flags or a
file) and its time (48); senders and flags are shared. A Telegram export used to hold 400 bytes
a message beyond its text (a set of flags of its own, 216 bytes even when empty, and a copy of
the sender's name), every other format but WhatsApp a copy of the name a message, and every
message two slots for flags and a file that most of them do not have."""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from agencydesk.core.importers import ParsedChat, parse_chat_bytes, parse_chat_file, parse_chat_text

MESSAGES = 10_000
#: bytes a message may hold beyond its text: the message (64), its time (48), the list's slot (8),
#: and a little room for the few with flags or a file (80)
MOST_BYTES_BEYOND_TEXT = 124
START = datetime(2024, 1, 5, 9, 0)
NAMES = ("Bu Sari", "Rudi Hartono")


def _when(i: int) -> datetime:
    return START + timedelta(seconds=37 * i)


def _text(i: int) -> str:
    if i % 7 == 0:
        return "<Media tidak disertakan>"  # WhatsApp's placeholders: flags
    if i % 11 == 0:
        return "Pesan ini telah dihapus"
    return f"pesan nomor {i} tentang website"


def _whatsapp() -> bytes:
    lines = (f"{_when(i):%d/%m/%y %H.%M} - {NAMES[i % 2]}: {_text(i)}" for i in range(MESSAGES))
    return ("\n".join(lines) + "\n").encode()


def _telegram() -> bytes:
    messages = [
        {
            "id": i,
            "type": "message",
            "date": _when(i).isoformat(),
            "from": NAMES[i % 2],
            "from_id": f"user{i % 2}",
            "text": _text(i),
            **({"edited": _when(i + 1).isoformat()} if i % 5 == 0 else {}),
        }
        for i in range(MESSAGES)
    ]
    return json.dumps(
        {"name": "Web", "type": "private_group", "id": 1, "messages": messages}
    ).encode()


def _messenger() -> bytes:
    messages = [
        {
            "sender_name": NAMES[i % 2],
            "timestamp_ms": int(_when(MESSAGES - i).timestamp() * 1000),
            "content": _text(i),
        }
        for i in range(MESSAGES)
    ]
    return json.dumps({"participants": [{"name": n} for n in NAMES], "messages": messages}).encode()


def _csv() -> bytes:
    rows = [f"{_when(i):%Y-%m-%d %H:%M:%S},{NAMES[i % 2]},{_text(i)}" for i in range(MESSAGES)]
    return ("timestamp,sender,message\n" + "\n".join(rows) + "\n").encode()


def _line() -> bytes:
    lines = ["[LINE] Chat history in Tim Web", "Saved on: 13/01/2025, 08:00", ""]
    day = None
    for i in range(MESSAGES):
        when = _when(i)
        if when.date() != day:
            day = when.date()
            lines += ["", f"{when:%a, %d/%m/%Y}"]
        lines.append(f"{when:%H:%M}\t{NAMES[i % 2]}\t{_text(i)}")
    return ("\n".join(lines) + "\n").encode()


EXPORTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "whatsapp-android": (_whatsapp, "WhatsApp Chat with Bu Sari.txt"),
    "telegram": (_telegram, "result.json"),
    "messenger": (_messenger, "message_1.json"),
    "csv": (_csv, "chat.csv"),
    "line": (_line, "[LINE] Chat with Tim Web.txt"),
}


#: the exports above whose messages carry flags (edited, deleted, media left out)
FLAGGED = ("whatsapp-android", "telegram", "csv")


def _held_by_parse(data: bytes, filename: str) -> tuple[ParsedChat, int]:
    """The parsed chat, and the bytes of memory it holds (traced while it was made)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        chat = parse_chat_bytes(data, filename=filename)
        gc.collect()
        return chat, tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_parsed_export_holds_little_beyond_its_texts(fmt: str) -> None:
    make, filename = EXPORTS[fmt]
    chat, held = _held_by_parse(make(), filename)
    assert chat.format == fmt
    assert len(chat.messages) == MESSAGES
    assert {m.sender for m in chat.messages} == set(NAMES)
    if fmt in FLAGGED:  # the flags are there, only shared
        assert len({m.flags for m in chat.messages}) > 1
    texts = {id(m.text): m.text for m in chat.messages}.values()
    beyond = (held - sum(map(sys.getsizeof, texts))) / MESSAGES
    assert beyond <= MOST_BYTES_BEYOND_TEXT, f"{beyond:.0f} bytes a message beyond its text"


def test_a_telegram_export_is_never_held_whole_as_json_objects() -> None:
    """Its messages are made as the JSON is read: read as dicts first, every message took about
    1.2 KB more at the peak (each key, and its text a second time in ``text_entities``), and a
    200,000-message export took 581 MB to describe (now 345, most of it the decoded file)."""
    messages = [
        {
            "id": i,
            "type": "message",
            "date": _when(i).isoformat(),
            "date_unixtime": str(int(_when(i).timestamp())),
            "from": NAMES[i % 2],
            "from_id": f"user{i % 2}",
            "text": _text(i),
            "text_entities": [{"type": "plain", "text": _text(i)}],
        }
        for i in range(MESSAGES)
    ]
    export = {"name": "Web", "type": "private_group", "id": 1, "messages": messages}
    text = json.dumps(export, ensure_ascii=False, indent=1)  # as Telegram Desktop writes it
    del export, messages
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        chat = parse_chat_text(text, filename="result.json")
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(chat.messages) == MESSAGES
    assert chat.messages[1].text == _text(1)
    assert peak / MESSAGES < 400, f"{peak / MESSAGES:.0f} bytes a message at the peak"


@pytest.mark.parametrize("fmt", ["csv", "line"])
def test_a_text_export_is_read_a_block_of_lines_at_a_time(fmt: str) -> None:
    """CSV and LINE exports are split into lines a block at a time: the lines of the whole file
    (a copy of it, and for CSV a second, four bytes a character, inside a StringIO) were held
    at once, 700 and 580 bytes a message at the peak here; and each LINE row kept a dict of
    attributes."""
    make, filename = EXPORTS[fmt]
    text = make().decode()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        chat = parse_chat_text(text, filename=filename)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(chat.messages) == MESSAGES
    assert peak / MESSAGES < 520, f"{peak / MESSAGES:.0f} bytes a message at the peak"


def test_lines_read_a_block_at_a_time_are_the_lines_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cut anywhere (blocks of a few characters), the lines, and the rows and line numbers the
    csv module reads from them, are those of the whole text read as a file."""
    import csv
    import io
    import random

    from agencydesk.core.importers import csv_chat, textutil

    monkeypatch.setattr(textutil, "LINES_BLOCK", 5)
    rng = random.Random(3)
    pieces = ["a", "b", ",", '"', "\n", " ", ";", 'x"y', "\r"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert list(textutil.lines_of(text)) == text.split("\n")
        whole = csv.reader(io.StringIO(text, newline=""))
        blocks = csv.reader(csv_chat._csv_lines(text))
        assert [(row, whole.line_num) for row in whole] == [
            (row, blocks.line_num) for row in blocks
        ], repr(text)


def test_a_big_json_export_is_read_one_byte_a_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One emoji anywhere made the decoded text of a JSON export four bytes a character (a
    68 MB Telegram export became 265 MB of text); a big one is read with its non-ASCII
    characters as JSON escapes instead, and gives the same messages."""
    from agencydesk.core.importers import api, jsonutil

    monkeypatch.setattr(api, "MIN_BYTES", 0, raising=False)  # "big": every file here
    monkeypatch.setattr(jsonutil, "JSON_BLOCK_BYTES", 1 << 16, raising=False)  # small blocks
    words = "tolong cek lagi websitenya ya mas " * 15
    messages = [
        {
            "id": i,
            "type": "message",
            "date": _when(i).isoformat(),
            "from": NAMES[i % 2],
            "text": f"{words}{i}" + (" 🙏 terima kasih" if i == 1 else ""),
        }
        for i in range(2_000)
    ]
    path = tmp_path / "result.json"
    path.write_text(
        json.dumps(
            {"name": "Web", "type": "private_group", "id": 1, "messages": messages},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        chat = parse_chat_file(path)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert [m.text for m in chat.messages] == [m["text"] for m in messages]
    size = path.stat().st_size
    assert peak < 4 * size, f"{peak / size:.1f}× the file at the peak"


def test_json_read_with_escapes_is_the_json_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut anywhere, even inside a character (blocks of a few bytes), the escaped text reads
    as the same JSON; what is not a UTF-8 JSON object is left to the usual way."""
    import random

    from agencydesk.core.importers import jsonutil

    monkeypatch.setattr(jsonutil, "JSON_BLOCK_BYTES", 3)
    rng = random.Random(5)
    alphabet = ["a", " ", '"', "\\", "é", "中", "🙏", "😀", "\u2028", "\n", "\U0010fffd"]
    for _ in range(500):
        values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in "abc"]
        obj = {"messages": values, values[0]: {"x": values[1]}}
        raw = json.dumps(obj, ensure_ascii=False, indent=rng.choice([None, 1])).encode()
        text = jsonutil.ascii_json_text(b"\xef\xbb\xbf" + raw if rng.random() < 0.2 else raw)
        assert text is not None
        assert text.isascii()
        assert json.loads(text) == obj
    for not_that in (b"[1, 2]", b'{"a": "\xff"}', b'{"a": 1}\x00', "{}".encode("utf-16")):
        assert jsonutil.ascii_json_text(not_that) is None


def test_a_big_damaged_json_export_says_where_as_a_small_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The escapes make lines longer: the error of a file that is not valid JSON is found again
    the usual way, so its line and column are the file's."""
    from agencydesk.core.importers import ChatImportError, api

    path = tmp_path / "result.json"
    path.write_text(
        '{"name": "Web", "type": "private_group", "id": 1, "messages": [\n'
        ' {"id": 1, "type": "message", "date": "2024-01-05T10:00:00", "from": "Bu Sari",'
        ' "text": "🙏🙏 é"} oops\n]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ChatImportError) as usual:
        parse_chat_file(path)
    monkeypatch.setattr(api, "MIN_BYTES", 0)
    with pytest.raises(ChatImportError) as big:
        parse_chat_file(path)
    assert str(big.value) == str(usual.value)
    assert big.value.line == 2
    second_line = path.read_text(encoding="utf-8").split("\n")[1]
    assert f"column {second_line.index('oops') + 1}" in str(big.value)  # in characters
