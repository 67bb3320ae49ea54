"""Emoji and the timeline's icons are drawn, not empty boxes, on a system without a colour emoji
font: agencydesk ships Noto Color Emoji (resources/fonts) for the window and the PDF.

Each test runs agencydesk in a fresh process whose fontconfig hides every colour font of the
system (fonts are read once per process, so this cannot be done in the test's own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

NO_COLOUR_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="color"><bool>true</bool></patelt></pattern>
  </rejectfont></selectfont>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


@pytest.fixture
def without_emoji_fonts(tmp_path: Path) -> dict[str, str]:
    if not sys.platform.startswith("linux"):
        pytest.skip("hides the system's fonts with fontconfig (Linux)")
    config = tmp_path / "fonts.conf"
    config.write_text(NO_COLOUR_FONTS.format(cache=tmp_path / "fontcache"))
    return {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}


TIMELINE = textwrap.dedent(
    """
    import json, sqlite3, sys
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    system_emoji = [f for f in QFontDatabase.families() if "Emoji" in f]

    from agencydesk.core.db import make_engine, sqlite_url
    from agencydesk.qt.clients.client_history import TimelineView
    from agencydesk.qt.shell.app import make_application

    make_application()  # what the app does at start
    app.processEvents()
    db = sys.argv[1]
    with sqlite3.connect(db) as connection:
        (ratna,) = connection.execute(
            "SELECT id FROM client WHERE name = 'Ibu Ratna Wulandari'"
        ).fetchone()
    view = TimelineView(make_engine(sqlite_url(__import__("pathlib").Path(db))))
    view.resize(900, 700)
    view.show_client(ratna)
    view.show()
    import time
    deadline = time.monotonic() + 20
    while not view.events and time.monotonic() < deadline:  # read in a worker
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    view.grab()  # painted, so every block is laid out
    boxes, emoji_families, text = [], set(), []
    block = view.document().begin()
    while block.isValid():
        text.append(block.text())
        layout = block.layout()
        lines = [layout.lineAt(number) for number in range(layout.lineCount())]
        for run in [run for line in lines for run in line.glyphRuns()]:
            family = run.rawFont().familyName()
            if 0 in run.glyphIndexes():
                boxes.append([block.text(), family])
            if "Emoji" in family:
                emoji_families.add(family)
        block = block.next()
    print(json.dumps({
        "system_emoji": system_emoji,
        "boxes": boxes,
        "emoji_families": sorted(emoji_families),
        "text": "\\n".join(text),
    }))
    """
)


def test_the_timeline_icons_and_emoji_are_drawn_without_a_system_emoji_font(
    demo_db: Path, without_emoji_fonts: dict[str, str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", TIMELINE, str(demo_db)],
        env=without_emoji_fonts,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["system_emoji"] == []  # the system's emoji font is hidden indeed
    for icon in ("🎫", "💬", "📘", "✅", "🙏"):  # ticket, message, guide, resolved; her 🙏
        assert icon in seen["text"], icon
    assert seen["boxes"] == []  # no character drawn as a font's empty box (glyph 0)
    assert seen["emoji_families"] == ["Noto Color Emoji"]


def _pictures(resources: Any) -> list[Any]:
    """The pictures a PDF page draws, also those inside its form XObjects."""
    found: list[Any] = []
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    for ref in (xobjects or {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            found.append(xobject)
        elif xobject.get("/Subtype") == "/Form":
            found += _pictures(xobject.get("/Resources"))
    return found


def test_the_report_draws_emoji_without_a_system_emoji_font(
    demo_db: Path, without_emoji_fonts: dict[str, str], tmp_path: Path
) -> None:
    """Bu Ratna's "Mas, webnya error lagi 🙏" in the PDF: a small colour picture, not a box."""
    out = tmp_path / "ratna.pdf"
    command = [sys.executable, "-m", "agencydesk", "report", "Ratna", "--out", str(out)]
    result = subprocess.run(
        [
            *command,
            "--excerpts",
            "--from",
            "2000-01-01",
            "--to",
            "2100-01-01",
            "--db",
            str(demo_db),
        ],
        env=without_emoji_fonts,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    texts = ["".join(page.extract_text().split()) for page in reader.pages]
    page = next(p for p, text in zip(reader.pages, texts, strict=True) if "webnyaerror" in text)
    pictures = _pictures(page.get("/Resources"))
    assert pictures  # the emoji, drawn from the colour font as a picture
    assert all(int(picture["/Width"]) < 400 for picture in pictures)
