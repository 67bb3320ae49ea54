"""Chat export zips cannot write outside their folder, nor fill the disk: refused in plain words.

(The path-traversal names and the zip bomb are in test_importers_api.py; these add the size
limits per member, for the chat text and for media, on reading and on extracting, and the
whole import path as the user meets it.)
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from agencydesk.core.importers import ChatImportError, parse_chat_file, zipped
from agencydesk.core.importers.zipped import extract_media

CHAT = b"30/08/25 18.06 - Rudi: IMG-20250830-WA0007.jpg (file terlampir)\nIni errornya\n"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_an_oversized_chat_member_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the real limit is 200 MB; a smaller one keeps the test fast and the logic the same
    monkeypatch.setattr(zipped, "MAX_MEMBER_BYTES", 1024)
    path = _zip(tmp_path / "chat.zip", {"_chat.txt": CHAT + b"x" * 2048})
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(path)
    text = str(raised.value)
    assert "chat.zip" in text
    assert "'_chat.txt' is too large" in text


def test_an_oversized_media_member_is_refused_before_anything_is_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipped, "MAX_MEDIA_BYTES", 1024)
    path = _zip(
        tmp_path / "chat.zip",
        {"_chat.txt": CHAT, "IMG-20250830-WA0007.jpg": b"\xff\xd8" + b"j" * 4096},
    )
    with pytest.raises(ChatImportError, match=r"'IMG-20250830-WA0007\.jpg' is too large"):
        parse_chat_file(path)
    out = tmp_path / "media"
    with pytest.raises(ChatImportError, match="too large"):
        extract_media(path, ["IMG-20250830-WA0007.jpg"], out)
    assert not out.exists() or not any(out.iterdir())


def test_too_much_in_total_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipped, "MAX_TOTAL_BYTES", 3000)
    members = {"_chat.txt": CHAT, **{f"IMG-{n}.jpg": b"j" * 1000 for n in range(4)}}
    with pytest.raises(ChatImportError, match="would expand to more than"):
        parse_chat_file(_zip(tmp_path / "chat.zip", members))


@pytest.mark.parametrize("name", ["../../evil.jpg", "/tmp/evil.jpg", "C:\\evil.jpg", "a/../../b"])
def test_a_traversal_name_is_refused_and_nothing_lands_outside(tmp_path: Path, name: str) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    path = _zip(inner / "chat.zip", {"_chat.txt": CHAT, name: b"evil"})
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(path)
    assert "unsafe entry name" in str(raised.value)
    assert "it was not opened" in str(raised.value)
    with pytest.raises(ChatImportError, match="unsafe"):
        extract_media(path, [name], inner / "media")
    files = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()]
    assert files == ["inner/chat.zip"]
