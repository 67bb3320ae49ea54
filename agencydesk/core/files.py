"""Files the desk writes for the user (a report, a receipt, hours as CSV): they appear whole or
not at all. Written beside their place under a hidden name, then renamed over it, so a full
disk, a cancel or a crash never leaves a cut-off file that looks complete (standard library
only)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from agencydesk.core.errors import SaidError

_T = TypeVar("_T")
#: a disk with less room than this left after a write that came out cut off is full
FULL_BELOW_BYTES = 1 << 20
#: why a PDF was not written, when the disk is not full
CUT_OFF = "the file came out cut off"


def write_atomically(out_path: Path, write: Callable[[Path], _T]) -> _T:
    """Call *write(partial)* to write a file beside *out_path*, then rename it to *out_path*:
    the file appears only when it is complete. An error or a cancel leaves no file behind;
    a folder that cannot be written is a `SaidError` naming the file."""
    partial = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.part")
    try:
        partial.touch(mode=0o600, exist_ok=False)  # private like every file we write
    except OSError as exc:
        raise SaidError(
            "file_not_written", path=str(out_path), why=exc.strerror or str(exc)
        ) from None
    try:
        result = write(partial)
        try:
            partial.replace(out_path)
        except OSError as exc:  # out_path is a folder, say
            raise SaidError(
                "file_not_written", path=str(out_path), why=exc.strerror or str(exc)
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return result


def check_whole_pdf(partial: Path, out_path: Path) -> None:
    """Raise a `UserError` unless the PDF just written as *partial* is complete. Qt's PDF writer
    says nothing of a write that failed (a full disk): the file is then cut off, without the
    "%%EOF" every PDF ends with, and "Wrote the report" was said over a broken file."""
    size = partial.stat().st_size
    with partial.open("rb") as file:
        file.seek(max(0, size - 64))
        if b"%%EOF" in file.read():
            return
    full = shutil.disk_usage(partial.parent).free < FULL_BELOW_BYTES
    why = os.strerror(errno.ENOSPC) if full else CUT_OFF
    raise SaidError("file_not_written", path=str(out_path), why=why)


def write_text_atomically(out_path: Path, text: str) -> None:
    """*text* as *out_path* (UTF-8), whole or not at all; a failure is a `SaidError` that
    says what to do."""

    def write(partial: Path) -> None:
        try:
            partial.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise SaidError(
                "file_not_written", path=str(out_path), why=exc.strerror or str(exc)
            ) from None

    write_atomically(out_path, write)
