"""The benchmark's export generator produces exports the parser reads completely."""

from __future__ import annotations

from collections import Counter

import pytest
from chat_generator import generator

from agencydesk.core.importers import parse_chat_text

STYLES: tuple[str, ...] = generator.STYLES
generate_whatsapp_export = generator.generate_whatsapp_export


@pytest.mark.parametrize("style", STYLES)
def test_generated_export_parses_completely(style: str) -> None:
    text = generate_whatsapp_export(3000, seed=7, style=style)
    chat = parse_chat_text(text)
    assert chat.format == ("whatsapp-ios" if "ios" in style else "whatsapp-android")
    assert len(chat.messages) == 3000
    assert chat.warnings == []
    assert chat.date_order == ("DMY" if style.startswith("id") else "MDY")
    kinds = Counter(m.kind for m in chat.messages)
    assert kinds["media"] > 0
    assert kinds["system"] > 0
    assert "Mas Andi (Vendor: Percetakan)" in chat.participants
    assert "+62 812-3456-7890" in chat.participants
    assert len(chat.participants) == 7
    assert any("\n" in m.text for m in chat.messages)
    assert any("edited" in m.flags for m in chat.messages)
    assert any("deleted" in m.flags for m in chat.messages)
    ts = [m.timestamp for m in chat.messages]
    assert ts == sorted(ts)
    assert generate_whatsapp_export(50, seed=7, style=style) == generate_whatsapp_export(
        50, seed=7, style=style
    )
