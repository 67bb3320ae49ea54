"""Helpers shared by the chat-importer tests (imported by the test modules)."""

from __future__ import annotations

from pathlib import Path

from agencydesk.core.importers import ParsedChat

FIXTURES = Path(__file__).parent / "fixtures"

Row = tuple[str, str, str | None, str, tuple[str, ...], str | None]


def rows(chat: ParsedChat) -> list[Row]:
    """Messages as comparable tuples: (kind, ISO time, sender, text, flags, media_file)."""
    out: list[Row] = []
    for m in chat.messages:
        d = m.to_json_dict()
        out.append(
            (d["kind"], d["timestamp"], d["sender"], d["text"], tuple(d["flags"]), d["media_file"])
        )
    return out


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
