"""The media files of an import (the pictures and voice notes of a WhatsApp zip), kept so that
a failed import saves nothing and a saved import points at files that exist.

The files are extracted into a temporary folder inside the data folder *before* the messages are
committed: a damaged zip or a full disk stops the import while nothing is saved yet. Their final
names are chosen then too (an existing file is never overwritten; a clash gets a numbered name,
and the new messages are pointed at it in the same transaction). After the commit the files are
moved into `media/<client id>/`: renames on the same file system, which do not copy data.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.errors import SaidError
from agencydesk.core.importers import ChatImportError, extract_media
from agencydesk.core.models import Message

from .progress import Progress, raising_on_cancel
from .rows import media_path

#: the temporary folders in `<data folder>/media/` start with this
STAGING_PREFIX = ".import-"


@dataclass
class StagedMedia:
    """Media extracted to a temporary folder, waiting for the commit of their messages."""

    data_dir: Path
    folder: Path
    client_id: int
    #: zip member → (extracted file, its final path relative to the data folder)
    files: dict[str, tuple[Path, str]] = field(default_factory=dict)

    def relink(self, session: Session, *, after_id: int) -> None:
        """Point the new messages (ids above *after_id*) at the files that got another name."""
        for member, (_staged, final) in self.files.items():
            expected = media_path(self.client_id, member)
            if final != expected:
                session.execute(
                    sa.update(Message)
                    .where(
                        col(Message.client_id) == self.client_id,
                        col(Message.id) > after_id,
                        col(Message.media_file) == expected,
                    )
                    .values(media_file=final)
                )
        session.flush()

    def move_into_place(self) -> None:
        """After the commit: the files to their final names, then the empty folder away."""
        try:
            for staged, final in self.files.values():
                target = self.data_dir / final
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():  # another import took the name meanwhile: never overwrite
                    raise FileExistsError(f"“{target}” exists already")
                staged.rename(target)
        except OSError as exc:  # the messages are saved: keep the files and say where they are
            raise SaidError(
                "media_not_moved",
                folder=str(self.data_dir / "media" / str(self.client_id)),
                why=_why(exc),
                staging=str(self.folder),
            ) from None
        self.discard()

    def discard(self) -> None:
        """Remove the temporary folder with whatever is still in it."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _why(exc: OSError) -> str:
    """The operating system's words for what went wrong ("No space left on device"), without
    Python's "[Errno 28]" and the path (the sentence names the folder)."""
    return exc.strerror or str(exc)


def stage_media(
    zip_path: str | os.PathLike[str],
    members: Iterable[str],
    data_dir: Path,
    client_id: int,
    progress: Progress | None = None,
) -> StagedMedia:
    """Extract *members* of *zip_path* into a new temporary folder in `<data_dir>/media/` and
    choose their final names. A failure (damaged zip, full disk) leaves no folder behind and
    is a `UserError` naming the file; *progress* counts the files and may cancel."""
    media_root = data_dir / "media"
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    except OSError as exc:
        raise SaidError("media_not_stored", folder=str(media_root), why=_why(exc)) from None
    staged = StagedMedia(data_dir, folder, client_id)
    try:
        extracted = extract_media(zip_path, members, folder, progress=raising_on_cancel(progress))
    except ChatImportError as exc:
        staged.discard()
        # (the importer's problem is its cause: a window says it in its own language)
        raise SaidError("media_unreadable", problem=str(exc)) from exc
    except BaseException:
        staged.discard()
        raise
    destination = media_root / str(client_id)
    taken: set[str] = set()
    for member, path in extracted.items():
        wanted = media_path(client_id, member).rsplit("/", 1)[-1]
        name = _free_name(destination, wanted, taken)
        taken.add(name)
        staged.files[member] = (path, f"media/{client_id}/{name}")
    return staged


def _free_name(folder: Path, name: str, taken: set[str]) -> str:
    """*name*, or "name (n).ext" with the first n that is neither in *folder* nor *taken*."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 0
    while candidate in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem} ({n}){suffix}"
    return candidate
