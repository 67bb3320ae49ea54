"""Garbage over one page of a closed SQLite file, as a failing disk leaves it."""

from __future__ import annotations

from pathlib import Path


def page_size(db_path: Path) -> int:
    """The file's page size, from its header (bytes 16–17; 1 stands for 65,536)."""
    with db_path.open("rb") as file:
        file.seek(16)
        size = int.from_bytes(file.read(2), "big")
    return 65_536 if size == 1 else size


def damage_a_page(db_path: Path, out: Path | None = None) -> None:
    """Overwrite the file's third page (a table's) at *out*, or in place."""
    page = page_size(db_path)
    data = bytearray(db_path.read_bytes())
    data[page * 2 : page * 3] = b"\xa5" * page
    (out or db_path).write_bytes(bytes(data))
