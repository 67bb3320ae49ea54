"""A big WhatsApp export is decoded and split a block at a time (its text never one string),
and reads exactly as when decoded whole: the same messages, names, order, warnings; an export
that is not plain UTF-8 further on still reads as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_generator import generator

from agencydesk.core.importers import ParsedChat, blocks, parse_chat_bytes, parse_chat_file


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks from any size on, 64 KiB each: an export of a few MB crosses dozens of cuts."""
    monkeypatch.setattr(blocks, "MIN_BYTES", 0)
    monkeypatch.setattr(blocks, "BLOCK_BYTES", 1 << 16)


def _same(a: ParsedChat, b: ParsedChat) -> None:
    assert a.messages == b.messages
    assert (a.format, a.date_order, a.chat_name) == (b.format, b.date_order, b.chat_name)
    assert a.participants == b.participants
    assert a.warnings == b.warnings


def _read_both(path: Path, data: bytes) -> tuple[ParsedChat, ParsedChat]:
    """(read from the file, block by block; read from the same bytes, decoded whole)."""
    path.write_bytes(data)
    assert blocks.TextBlocks.of(data) is not None  # the file is read block by block
    return parse_chat_file(path), parse_chat_bytes(data, filename=str(path))


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("style", generator.STYLES)
def test_blocks_read_as_the_whole_text(tmp_path: Path, style: str) -> None:
    text = generator.generate_whatsapp_export(40_000, seed=11, style=style)
    path = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    by_blocks, whole = _read_both(path, text.encode("utf-8"))
    assert len(by_blocks.messages) == 40_000
    # iOS exports name the group in their system lines; Android ones only in the file name
    assert by_blocks.chat_name == ("Proyek Web Bu Sari" if "ios" in style else "Bu Sari")
    _same(by_blocks, whole)
    # CRLF line ends and a byte-order mark, cut off in the middle of the last message
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    by_blocks, whole = _read_both(path, crlf.encode("utf-8")[:-40])
    _same(by_blocks, whole)
    # ending in the middle of a character (the last block is then decoded the whole-text way)
    by_blocks, whole = _read_both(path, (text + "🙏").encode("utf-8")[:-2])
    _same(by_blocks, whole)
    assert "middle of a character" in " ".join(by_blocks.warnings)


@pytest.mark.usefixtures("small_blocks")
def test_a_cut_inside_a_crlf_pair(tmp_path: Path) -> None:
    """Blocks are cut before a \\n, so with \\r\\n line ends every block but the last ends
    in the \\r of a pair: it is not left at the end of a message."""
    text = generator.generate_whatsapp_export(40_000, seed=2, style="id-android")
    data = text.replace("\n", "\r\n").encode("utf-8")
    by_blocks, whole = _read_both(tmp_path / "chat.txt", data)
    _same(by_blocks, whole)
    assert not any("\r" in m.text for m in by_blocks.messages)


@pytest.mark.usefixtures("small_blocks")
def test_bytes_that_are_not_utf8_further_on(tmp_path: Path) -> None:
    text = generator.generate_whatsapp_export(40_000, seed=4, style="id-android")
    assert "🙏" in text
    data = text.encode("utf-8")
    # a Windows-1252 "é" far after the first block: decoded whole after all, the one byte
    # replaced, every emoji kept (it was all read as Windows-1252: 🙏 became "ðŸ™\x8f")
    at = data.index(b"\n", len(data) * 3 // 4)
    data = data[:at] + b" caf\xe9" + data[at:]
    by_blocks, whole = _read_both(tmp_path / "chat.txt", data)
    _same(by_blocks, whole)
    line = data.count(b"\n", 0, at) + 1
    assert by_blocks.warnings == [
        f"1 character(s) were not valid UTF-8 and were replaced with “\ufffd” (the first on "
        f"line {line})."
    ]
    assert any(m.text.endswith(" caf\ufffd") for m in by_blocks.messages)
    assert sum(m.text.count("🙏") for m in by_blocks.messages) == text.count("🙏")
    # an export of plain ASCII but for that byte is Windows-1252 text, read as before
    plain = text.encode("ascii", "ignore")
    at = plain.index(b"\n", len(plain) * 3 // 4)
    by_blocks, whole = _read_both(tmp_path / "chat.txt", plain[:at] + b" caf\xe9" + plain[at:])
    _same(by_blocks, whole)
    assert "Windows-1252" in " ".join(by_blocks.warnings)
    assert any(m.text.endswith(" café") for m in by_blocks.messages)


def test_small_files_are_decoded_whole() -> None:
    assert blocks.TextBlocks.of(b"12/31/24, 9:00 PM - A: hi\n" * 1000) is None
