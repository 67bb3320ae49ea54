"""The media files of an import: extracted from the zip into the data folder, and the messages
pointed at the names they got."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.importers import extract_media
from agencydesk.core.models import Message


def copy_media(
    zip_path: str | Path, names: Iterable[str], data_dir: str | Path, client_id: int
) -> dict[str, str]:
    """Extract the media *names* of an imported zip into `<data_dir>/media/<client_id>/`.

    Call it after the import committed. Returns {member name: path relative to *data_dir*}.
    A name clash gives the file a numbered name: fix the stored paths with `relink_media`.
    """
    dest = Path(data_dir) / "media" / str(client_id)
    extracted = extract_media(zip_path, names, dest)
    return {
        member: path.resolve().relative_to(Path(data_dir).resolve()).as_posix()
        for member, path in extracted.items()
    }


def relink_media(*, session: Session, client_id: int, copied: Mapping[str, str]) -> int:
    """After `copy_media`: point messages at files that were extracted under another name."""
    changed = 0
    prefix = f"media/{client_id}/"
    for member, relpath in copied.items():
        expected = prefix + member.replace("\\", "/").rsplit("/", 1)[-1]
        if relpath == expected:
            continue
        result = session.execute(
            sa.update(Message)
            .where(col(Message.client_id) == client_id, col(Message.media_file) == expected)
            .values(media_file=relpath)
        )
        changed += int(getattr(result, "rowcount", 0) or 0)
    session.flush()
    return changed
