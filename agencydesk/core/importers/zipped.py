"""Safe reading of WhatsApp "export with media" zip files."""

from __future__ import annotations

import lzma
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO

from .model import ChatImportError

MAX_MEMBER_BYTES = 200 * 1024 * 1024  # the chat text member, uncompressed
MAX_MEDIA_BYTES = 2 * 1024 * 1024 * 1024  # one media member (WhatsApp's own limit is 2 GB)
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024  # all members together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, beyond this it is a zip bomb
MAX_MEMBERS = 100_000
_RATIO_MIN_BYTES = 1024 * 1024  # small members may compress very well legitimately
_CHUNK = 1024 * 1024

# What the zip machinery raises on damaged archives (zlib.error included).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    UnicodeDecodeError,
)

_CHAT_TXT = re.compile(
    r"(?:_chat|(?:WhatsApp Chat with|WhatsApp Chat -|Chat WhatsApp dengan|WhatsApp-Chat mit"
    r"|Chat de WhatsApp con) .+)\.txt",
    re.IGNORECASE,
)


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def unsafe_name(name: str) -> bool:
    """True for member names that could escape the destination folder."""
    if not name or "\x00" in name:
        return True
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"[A-Za-z]:", norm):
        return True
    return any(part == ".." for part in norm.split("/"))


def _check_archive(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ChatImportError("zip_too_many_entries", count=len(infos))
    total = 0
    for info in infos:
        if unsafe_name(info.filename):
            raise ChatImportError("zip_unsafe_entry", entry=info.filename)
        limit = MAX_MEMBER_BYTES if _is_text(info) else MAX_MEDIA_BYTES
        if info.file_size > limit:
            raise ChatImportError(
                "zip_entry_too_large_mb",
                entry=info.filename,
                megabytes=info.file_size // (1024 * 1024),
            )
        if info.file_size > _RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ChatImportError("zip_entry_expands", entry=info.filename)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ChatImportError("zip_too_large")
    return infos


def _is_text(info: zipfile.ZipInfo) -> bool:
    return info.filename.lower().endswith((".txt", ".json", ".csv"))


def _bounded_chunks(
    fp: IO[bytes], limit: int, too_large: Callable[[], ChatImportError]
) -> Iterator[bytes]:
    """The bytes of *fp* a chunk at a time; past *limit* bytes, the error *too_large* makes is
    raised (an entry can unpack to more than the size its header gives)."""
    size = 0
    while chunk := fp.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large()
        yield chunk


def _pick_chat_member(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    files = [i for i in infos if not i.is_dir()]
    base = {i.filename: i.filename.replace("\\", "/").rsplit("/", 1)[-1] for i in files}
    named = [i for i in files if _CHAT_TXT.fullmatch(base[i.filename])]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise ChatImportError("zip_several_chats")
    texts = [i for i in files if base[i.filename].lower().endswith(".txt")]
    if len(texts) == 1:
        return texts[0]
    others = [
        i
        for i in files
        if base[i.filename].lower() in ("result.json",)
        or re.fullmatch(r"message_\d+\.json", base[i.filename].lower())
        or base[i.filename].lower().endswith(".csv")
    ]
    if len(others) == 1 and not texts:
        return others[0]
    raise ChatImportError("no_chat_in_zip")


def read_chat_from_zip(source: str | os.PathLike[str] | IO[bytes]) -> tuple[bytes, str, list[str]]:
    """Return (chat bytes, chat member name, media member names) of a zip export."""
    try:
        with zipfile.ZipFile(source) as zf:
            infos = _check_archive(zf)
            member = _pick_chat_member(infos)
            with zf.open(member) as fp:
                too_large = partial(ChatImportError, "zip_entry_too_large", entry=member.filename)
                data = b"".join(_bounded_chunks(fp, MAX_MEMBER_BYTES, too_large))
            media = [i.filename for i in infos if not i.is_dir() and i.filename != member.filename]
            return data, member.filename, media
    except ChatImportError:
        raise
    except _ZIP_ERRORS:
        raise ChatImportError("damaged_zip") from None


def extract_media(
    zip_path: str | os.PathLike[str],
    names: Iterable[str],
    dest_dir: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Path]:
    """Extract only the named media members of ``zip_path`` into ``dest_dir``.

    Files are written flat (by base name) into ``dest_dir``; an existing file is
    never overwritten (a numeric suffix is added). Names that are not in the zip
    are skipped. Returns ``{member name: extracted path}``. Unsafe archives,
    oversized members and zip bombs raise :class:`ChatImportError`.
    ``progress(done, total)`` is called before each of the named members and at
    the end; an exception it raises (a Cancel) stops the extraction.
    """
    dest = Path(dest_dir)
    wanted = set(names)
    out: dict[str, Path] = {}
    current: str | None = None  # the member being extracted, named in an error
    try:
        dest.mkdir(parents=True, exist_ok=True)
        dest_real = dest.resolve()
        with zipfile.ZipFile(zip_path) as zf:
            infos = _check_archive(zf)
            by_name = {i.filename: i for i in infos if not i.is_dir()}
            last_numbers: dict[Path, int] = {}  # for `_free_path`
            for done, name in enumerate(sorted(wanted)):
                if progress is not None:
                    progress(done, len(wanted))
                current = name
                info = by_name.get(name)
                if info is None:
                    continue
                base = name.replace("\\", "/").rsplit("/", 1)[-1]
                if not base or base in (".", "..") or unsafe_name(base):
                    raise ChatImportError("unsafe_media_name", path=zip_path, name=name)
                target = _free_path(dest_real / base, last_numbers)
                if target.parent != dest_real:
                    raise ChatImportError("unsafe_media_name", path=zip_path, name=name)
                fd, tmp = tempfile.mkstemp(dir=dest_real, prefix=".part-")
                try:
                    with os.fdopen(fd, "wb") as w, zf.open(info) as r:
                        limit = min(MAX_MEDIA_BYTES, info.file_size)
                        too_large = partial(ChatImportError, "media_too_large", name=name)
                        for chunk in _bounded_chunks(r, limit, too_large):
                            w.write(chunk)
                    Path(tmp).replace(target)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
                out[name] = target
            if progress is not None:
                progress(len(wanted), len(wanted))
    except ChatImportError as exc:
        raise exc.with_path(zip_path) from None
    except OSError as exc:
        if exc.errno is None:  # the zip's own reading, not the disk
            raise _damaged_media(current, zip_path) from None
        raise ChatImportError("media_not_written", path=zip_path, why=exc.strerror) from None
    except _ZIP_ERRORS:
        raise _damaged_media(current, zip_path) from None
    return out


def _damaged_media(current: str | None, zip_path: str | os.PathLike[str]) -> ChatImportError:
    """The zip's media cannot be unpacked: a damaged or cut-off file."""
    if current is None:
        return ChatImportError("damaged_media_files", path=zip_path)
    return ChatImportError("damaged_media", path=zip_path, name=current)


def _free_path(path: Path, last_numbers: dict[Path, int]) -> Path:
    """*path*, or the first "name (n).ext" after it that does not exist yet. *last_numbers*
    holds the n last given for each path: the numbers below it are taken (by this extraction or
    found taken), so the next search starts after it. Counting from 1 each time made 8,000
    members of one name in different folders take 212 s, quadratic."""
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    n = last_numbers.get(path, 0) + 1
    while True:
        candidate = path.with_name(f"{stem} ({n}){suffix}")
        if not candidate.exists():
            last_numbers[path] = n
            return candidate
        n += 1
