"""A big WhatsApp export parsed as two halves side by side (the dry run's way on two cores)
holds exactly what the whole parse holds: the same messages in the same order, the same
participants, warnings, date order and chat name. Where the halves could not decide alone,
they give way to the whole parse instead of guessing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from chat_generator import generator

from agencydesk.core.importers import (
    ChatImportError,
    ParsedChat,
    api,
    blocks,
    emit_in_halves,
    parse_chat_file,
    reduce_in_halves,
    summarize_in_halves,
)
from agencydesk.core.importers.json_lines import json_line_chunks
from agencydesk.core.importers.summary import joined, summarize, summary_lines

FIXTURES = Path(__file__).parent / "fixtures"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="halves need os.fork")


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any export is "big" (read block by block, so it may be halved), with a small head."""
    monkeypatch.setattr(blocks, "MIN_BYTES", 0)
    monkeypatch.setattr(api, "MIN_BYTES", 0)
    monkeypatch.setattr(blocks, "BLOCK_BYTES", 1 << 14)
    monkeypatch.setattr(blocks, "HEAD_BYTES", 1 << 12)


def _kept(parsed: ParsedChat) -> ParsedChat:
    return parsed


def _counted(parsed: ParsedChat) -> int:
    return len(parsed.messages)


def _as_whole(halves: list[ParsedChat], whole: ParsedChat) -> None:
    assert len(halves) == 2
    assert all(half.messages for half in halves)  # cut near the middle, not at an end
    assert [m for half in halves for m in half.messages] == whole.messages
    assert [w for half in halves for w in half.warnings] == whole.warnings
    participants = dict.fromkeys(p for half in halves for p in half.participants)
    assert list(participants) == whole.participants
    for half in halves:
        assert (half.format, half.date_order, half.chat_name) == (
            whole.format,
            whole.date_order,
            whole.chat_name,
        )


@needs_fork
@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("style", generator.STYLES)
def test_the_halves_of_every_style_hold_the_whole(tmp_path: Path, style: str) -> None:
    path = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    text = generator.generate_whatsapp_export(6_000, seed=7, style=style)
    # as written, with CRLF line ends and a byte-order mark, and cut off mid-message
    crlf = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    for data in (text.encode("utf-8"), crlf, crlf[:-25]):
        path.write_bytes(data)
        halves = reduce_in_halves(path, _kept)
        assert halves is not None, style
        whole = parse_chat_file(path)
        _as_whole(halves, whole)
        summaries = reduce_in_halves(path, summarize)
        assert summaries is not None
        assert summary_lines(joined(summaries)) == summary_lines(summarize(whole))
        # the dry run's way: counted where split, the plain messages never built
        counted = summarize_in_halves(path)
        assert counted is not None
        assert joined(counted) == summarize(whole)


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_the_halves_of_every_whatsapp_fixture_hold_the_whole(tmp_path: Path) -> None:
    """Each fixture repeated until it is long enough to halve: the locales, iOS system lines
    and documents, names with ": " in them, a file cut off at its end."""
    halved = 0
    for fixture in sorted(FIXTURES.glob("wa_*.txt")):
        text = fixture.read_text("utf-8")
        path = tmp_path / fixture.name
        path.write_text((text.rstrip("\n") + "\n") * 400 + text, "utf-8")
        halves = reduce_in_halves(path, _kept)
        whole = parse_chat_file(path)
        if halves is None:  # only where the whole is needed: folded impossible dates
            assert any("impossible dates" in w for w in whole.warnings), fixture.name
            continue
        _as_whole(halves, whole)
        counted = summarize_in_halves(path)
        assert counted is not None
        assert joined(counted) == summarize(whole), fixture.name
        halved += 1
    assert halved >= 10


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_what_only_the_whole_file_decides_is_decided_from_both_halves(tmp_path: Path) -> None:
    """Alone, each half would decide otherwise. The first half's dates are all ambiguous and
    run forwards read month first; the second half's "13/12" says day first. In the second
    half, "Bu Ani: Keuangan: …" could be Bu Ani's or someone called "Bu Ani: Keuangan"'s;
    only the first half shows Bu Ani writing plain messages."""
    dates = [f"{m}/{d}/24" for m in range(1, 13) for d in range(1, 13)]
    first = [f"{date}, 10:00 - Bu Ani: halo {date}" for _ in range(4) for date in dates]
    middle = [f"1/12/24, 10:00 - Rina: ok {i}" for i in range(200)]
    line = "13/12/24, 10:00 - Bu Ani: Keuangan: tolong cek {}"
    last = [line.format(i) for i in range(len("\n".join(first)) // len(line.format(0)))]
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(first + middle + last) + "\n", "utf-8")
    whole = parse_chat_file(path)
    assert whole.date_order == "DMY"
    assert whole.participants == ["Bu Ani", "Rina"]
    assert whole.messages[-1].text == "Keuangan: tolong cek " + str(len(last) - 1)
    halves = reduce_in_halves(path, _kept)
    assert halves is not None
    assert not any("13/12" in m.text or "Keuangan" in m.text for m in halves[0].messages)
    assert not any("halo" in m.text for m in halves[1].messages)
    _as_whole(halves, whole)


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_an_impossible_date_sends_the_export_to_the_whole_parse(tmp_path: Path) -> None:
    lines = [f"1/2/24 10.00 - Rina: pesan {i}" for i in range(4000)]
    lines[2500] = "45/2/24 10.00 - Rina: ini bukan header"  # folded into the message before it
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert reduce_in_halves(path, _kept) is None
    whole = parse_chat_file(path)
    assert len(whole.messages) == 3999
    assert "45/2/24 10.00 - Rina: ini bukan header" in whole.messages[2499].text


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_a_second_half_that_fails_gives_way_without_a_trace(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(generator.generate_whatsapp_export(6_000, seed=3), "utf-8")
    parent = os.getpid()

    def reduce_only_here(parsed: ParsedChat) -> int:
        if os.getpid() != parent:
            raise MemoryError  # the second half's process runs out of memory
        return len(parsed.messages)

    children_before = _children()
    halves = reduce_in_halves(path, _kept)
    assert halves is not None  # halved when nothing fails
    assert reduce_in_halves(path, reduce_only_here) is None
    assert _children() == children_before  # the second half's process was waited for

    def killed_there(parsed: ParsedChat) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # killed outright: no word, the pipe just ends
        return len(parsed.messages)

    assert reduce_in_halves(path, killed_there) is None
    assert _children() == children_before


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_an_export_both_halves_find_not_to_be_halved_leaves_no_process(tmp_path: Path) -> None:
    """Each process looks at the export for itself after the fork; where both find it is not
    for halving (here: a byte that is not UTF-8 in its first block), the second ends and the
    whole parse says what it replaced."""
    path = tmp_path / "chat.txt"
    data = generator.generate_whatsapp_export(6_000, seed=3).encode("utf-8")
    path.write_bytes(data[:10_000] + b"\xff" + data[10_000:])
    children_before = _children()
    assert reduce_in_halves(path, _kept) is None
    assert _children() == children_before
    whole = parse_chat_file(path)
    assert len(whole.messages) > 5_000
    assert any("UTF-8" in w or "replaced" in w for w in whole.warnings)


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_each_half_emits_its_own_in_file_order_and_only_once_both_are_made(
    tmp_path: Path,
) -> None:
    """The JSON lines' way: each process writes its own half (no 40 MB through a pipe), the
    first half's before the second's; a second half that cannot be made leaves nothing
    written (the whole parse writes it all), and a write that fails there is raised here."""
    path = tmp_path / "chat.txt"
    path.write_text(generator.generate_whatsapp_export(6_000, seed=3), "utf-8")
    out = tmp_path / "out.jsonl"
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    parent = os.getpid()

    def lines(parsed: ParsedChat) -> list[str]:
        return list(json_line_chunks(parsed.messages))

    def write(chunks: list[str]) -> None:
        os.write(fd, "".join(chunks).encode("utf-8"))

    children_before = _children()
    try:
        assert emit_in_halves(path, lines, write)
        assert out.read_text("utf-8") == "".join(json_line_chunks(parse_chat_file(path).messages))

        def lines_only_here(parsed: ParsedChat) -> list[str]:
            if os.getpid() != parent:
                raise MemoryError  # the second half's process runs out of memory
            return lines(parsed)

        written = out.stat().st_size
        assert not emit_in_halves(path, lines_only_here, write)
        assert out.stat().st_size == written  # nothing of the first half either

        def write_fails_there(chunks: list[str]) -> None:
            if os.getpid() != parent:
                raise BrokenPipeError(32, "Broken pipe")  # the reader has gone
            write(chunks)

        with pytest.raises(BrokenPipeError):
            emit_in_halves(path, lines, write_fails_there)
    finally:
        os.close(fd)
    assert _children() == children_before


def _children() -> set[str]:
    """This process's child processes (Linux), to check none is left behind."""
    task = Path(f"/proc/{os.getpid()}/task")
    if not task.exists():
        return set()
    return {c for t in task.iterdir() for c in (t / "children").read_text().split()}


@needs_fork
def test_what_is_not_a_big_whatsapp_export_is_not_halved(tmp_path: Path) -> None:
    small = tmp_path / "chat.txt"
    small.write_text(generator.generate_whatsapp_export(500, seed=1), "utf-8")
    assert reduce_in_halves(small, _kept) is None  # small: parsed whole, nothing to gain
    assert reduce_in_halves(tmp_path / "missing.txt", _kept) is None
    with pytest.raises(ChatImportError, match="does not exist"):
        parse_chat_file(tmp_path / "missing.txt")  # which says what is wrong, as ever


@needs_fork
@pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="the dry run halves an export only with two cores",
)
def test_the_dry_run_of_a_big_export_prints_what_the_whole_parse_finds(tmp_path: Path) -> None:
    """The command as a user runs it, on an export big enough to be halved (17 MB)."""
    path = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    text = generator.generate_whatsapp_export(40_000, seed=9)
    path.write_text(text * (blocks.MIN_BYTES // len(text.encode("utf-8")) + 1), "utf-8")
    # the command's way, here: in halves (counted where parsed: the messages stay there)
    assert reduce_in_halves(path, _counted) is not None
    whole = parse_chat_file(path)
    for extra in ("", "--json"):
        result = subprocess.run(
            [sys.executable, "-m", "agencydesk", "import-chat", str(path), "--dry-run"]
            + ([extra] if extra else []),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        if extra:
            assert out == "".join(json_line_chunks(whole.messages))
        else:
            assert out == "\n".join(summary_lines(summarize(whole))) + "\n"
    # `… --json | head -c 1000`: the reader goes while a half is written; quietly ended
    reader_gone = subprocess.Popen(
        [sys.executable, "-m", "agencydesk", "import-chat", str(path), "--dry-run", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader_gone.stdout is not None
    assert reader_gone.stdout.read(1000)
    reader_gone.stdout.close()
    _out, err = reader_gone.communicate(timeout=120)
    assert (reader_gone.returncode, err) == (0, b"")


@needs_fork
@pytest.mark.usefixtures("small_blocks")
def test_the_notes_of_the_half_parsed_elsewhere_keep_their_kind(tmp_path: Path) -> None:
    """The second half is parsed in another process: its notes (here the file cut off
    in a header) come back with their kind and values, for a window to say them in its own
    language, and are still the English the command line prints."""
    from agencydesk.core.importers.problems import ReadingNote

    path = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    text = generator.generate_whatsapp_export(6_000, seed=7, style=generator.STYLES[0])
    path.write_bytes((text + "17/01/21 03.0").encode("utf-8"))  # cut in a message's header
    halves = reduce_in_halves(path, _kept)
    assert halves is not None
    notes = halves[1].warnings
    assert notes == parse_chat_file(path).warnings
    assert notes == [
        "The file seems to be cut off: its last line is an incomplete message header and was "
        "ignored."
    ]
    assert isinstance(notes[0], ReadingNote)
    assert notes[0].kind == "cut_in_a_header"
