"""`import-chat --dry-run` (summary and --json) prints, byte for byte, what the plain way of
writing it prints: one json.dumps per message, the summary counted message by message. The
fast one-shot command (no garbage collection, no teardown) loses nothing at its end."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from chat_generator import generator

from agencydesk.__main__ import main
from agencydesk.core.importers import ChatImportError, ChatMessage, ParsedChat, parse_chat_file
from agencydesk.core.importers.json_lines import CHUNK, json_line_chunks
from agencydesk.core.importers.summary import ChatSummary, summary_lines

FIXTURES = sorted((Path(__file__).parent / "core" / "importers" / "fixtures").iterdir())
WIB = timezone(timedelta(hours=7))
_UNSAFE = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _plain_json(parsed: ParsedChat) -> str:
    """The JSON lines as they were written before the fast writer."""
    return "".join(
        json.dumps(m.to_json_dict(), ensure_ascii=False).translate(_UNSAFE) + "\n"
        for m in parsed.messages
    )


def _plain_summary(parsed: ParsedChat) -> str:
    """The summary counted message by message, as it was before counting by column."""
    msgs = parsed.messages
    senders = Counter(m.sender for m in msgs if m.sender is not None)
    summary = ChatSummary(
        format=parsed.format,
        date_order=parsed.date_order,
        chat_name=parsed.chat_name,
        total=len(msgs),
        participants=tuple((p, senders[p]) for p in parsed.participants),
        kinds=tuple(sorted(Counter(m.kind for m in msgs).items())),
        first=msgs[0].timestamp if msgs else None,
        last=msgs[-1].timestamp if msgs else None,
        warnings=tuple(parsed.warnings),
    )
    return "\n".join(summary_lines(summary)) + "\n"


def _exports(folder: Path) -> list[Path]:
    """Every fixture that parses, and a generated export of each style (more than one chunk)."""
    paths = []
    for path in FIXTURES:
        try:
            parse_chat_file(path)
        except ChatImportError:
            continue  # the malformed fixtures: their error is tested elsewhere
        paths.append(path)
    for style in generator.STYLES:
        path = folder / f"WhatsApp Chat with {style}.txt"
        path.write_text(
            generator.generate_whatsapp_export(CHUNK + 900, seed=3, style=style), "utf-8"
        )
        paths.append(path)
    return paths


def test_every_export_prints_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exports = _exports(tmp_path)
    assert len(exports) >= 25
    for path in exports:
        parsed = parse_chat_file(path)
        assert main(["import-chat", str(path), "--dry-run", "--json"]) == 0
        assert capsys.readouterr().out == _plain_json(parsed), path.name
        assert main(["import-chat", str(path), "--dry-run"]) == 0
        assert capsys.readouterr().out == _plain_summary(parsed), path.name


def test_texts_that_need_escaping_are_escaped_alike() -> None:
    texts = ['say "hi"', "back\\slash", "tab\there\nnew line", "\x00\x1f\x7f", "line\u2028sep",
             "para\u2029sep", "next\x85line", "emoji 🙏 and \ud7ff", ""]  # fmt: skip
    messages = [
        ChatMessage(
            kind="media" if i % 2 else "message",
            timestamp=datetime(
                2024, 2, 29, 23, 59, 59, 123456 * (i % 2), tzinfo=WIB if i % 4 < 2 else None
            ),
            sender=None if i % 3 == 0 else f'Bu "Sari" {i % 2}',
            text=text,
            flags=frozenset({"edited", "photo"}) if i % 2 else frozenset(),
            media_file="IMG-1.jpg" if i % 2 else None,
        )
        for i, text in enumerate(texts)
    ]
    parsed = ParsedChat(format="csv", date_order=None, messages=messages, participants=[])
    assert "".join(json_line_chunks(messages)) == _plain_json(parsed)


def test_the_one_shot_process_writes_everything(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Bu Sari.txt"
    path.write_text(
        generator.generate_whatsapp_export(3 * CHUNK, seed=5, style="id-android"), "utf-8"
    )
    parsed = parse_chat_file(path)
    for extra, expected in (("--json", _plain_json(parsed)), (None, _plain_summary(parsed))):
        result = subprocess.run(
            [sys.executable, "-m", "agencydesk", "import-chat", str(path), "--dry-run"]
            + ([extra] if extra else []),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode("utf-8") == expected
