"""A guide's pictures: stored in the database, named for `![alt](image:NAME)`, checked on entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core.db import add_and_flush
from agencydesk.core.errors import ValidationError
from agencydesk.core.guides.library import get_guide
from agencydesk.core.models import GuideImage

MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_NAME_MAX = 200
IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
IMAGE_SCHEME = "image:"

#: English texts for this module's error codes (the GUI has its own translated sentences)
ERROR_TEXT: dict[str, str] = {
    "image_name_invalid": "A picture name uses letters, digits, dots, dashes and underscores.",
    "image_name_taken": "This guide already has a picture with that name.",
    "image_too_large": "The picture is larger than 5 MB. Please use a smaller one.",
    "image_empty": "The picture file is empty.",
    "image_type_unknown": "Use a PNG, JPEG, GIF or WebP picture.",
}


@dataclass(frozen=True)
class ImageInfo:
    id: int
    name: str
    mime_type: str
    size: int


_IMAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def safe_image_name(filename: str) -> str:
    """A file name made fit for `![alt](image:NAME)`: `"Layar HP (1).PNG"` → `"layar-hp-1.png"`."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].strip().lower()
    base = re.sub(r"[^a-z0-9._-]+", "-", base)
    base = re.sub(r"-+", "-", base)
    base = re.sub(r"-?\.-?", ".", base).strip("-.")
    if not base or base.startswith("."):
        base = "picture" + (base if base.startswith(".") else "")
    if len(base) > IMAGE_NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: IMAGE_NAME_MAX - len(ext) - 1] + dot + ext) if dot else base[:IMAGE_NAME_MAX]
    return base


def unique_image_name(*, session: Session, guide_id: int | None, name: str, taken: set[str]) -> str:
    """*name*, or `name-2.png`, `name-3.png`, … when the guide (or *taken*) already has it."""
    used = set(taken)
    if guide_id is not None:
        used |= {info.name for info in list_images(session=session, guide_id=guide_id)}
    return free_image_name(name, used)


def free_image_name(name: str, used: set[str]) -> str:
    """*name*, or `name-2.png`, `name-3.png`, … the first that is not in *used* (for an editor
    that holds the guide's pictures already)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}{dot}{ext}"
    return candidate


def sniff_image_type(data: bytes) -> str | None:
    """The MIME type of PNG, JPEG, GIF or WebP *data*, from its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def add_image(
    *, session: Session, guide_id: int, name: str, data: bytes, mime_type: str
) -> GuideImage:
    get_guide(session=session, guide_id=guide_id)
    errors: dict[str, str] = {}
    if not _IMAGE_NAME.match(name) or len(name) > IMAGE_NAME_MAX:
        errors["name"] = "image_name_invalid"
    else:
        taken = session.exec(
            select(func.count())
            .select_from(GuideImage)
            .where(GuideImage.guide_id == guide_id, GuideImage.name == name)
        ).one()
        if taken:
            errors["name"] = "image_name_taken"
    if not data:
        errors["data"] = "image_empty"
    elif len(data) > MAX_IMAGE_BYTES:
        errors["data"] = "image_too_large"
    if mime_type not in IMAGE_MIME_TYPES:
        errors["mime_type"] = "image_type_unknown"
    if errors:
        raise ValidationError(errors)
    image = GuideImage(guide_id=guide_id, name=name, data=bytes(data), mime_type=mime_type)
    return add_and_flush(session, image)


def list_images(*, session: Session, guide_id: int) -> list[ImageInfo]:
    statement = (
        sa.select(
            col(GuideImage.id),
            col(GuideImage.name),
            col(GuideImage.mime_type),
            func.length(col(GuideImage.data)),
        )
        .where(col(GuideImage.guide_id) == guide_id)
        .order_by(col(GuideImage.name))
    )
    return [
        ImageInfo(int(i), str(n), str(m), int(s or 0)) for i, n, m, s in session.execute(statement)
    ]


def get_image(*, session: Session, guide_id: int, name: str) -> GuideImage | None:
    return session.exec(
        select(GuideImage).where(GuideImage.guide_id == guide_id, GuideImage.name == name)
    ).first()


def remove_image(*, session: Session, guide_id: int, name: str) -> bool:
    """Remove the picture; False when the guide has no picture by that name."""
    image = get_image(session=session, guide_id=guide_id, name=name)
    if image is None:
        return False
    session.delete(image)
    session.flush()
    return True


#: `![alt](image:name)`. The alt text stops at a `![` as well as at the `]`: the reference is
#: decided by what follows that `]`, the same for every `![` before it, so the last `![` finds
#: the same name; from each `![` to the end of an unclosed text was quadratic (40,000 "![", 2.8 s)
_IMAGE_REFERENCE = re.compile(r"!\[(?:[^\]!]|!(?!\[))*\]\(\s*image:([^)\s]+)")


def image_references(markdown: str) -> list[str]:
    """The picture names a guide's Markdown uses, in order, without repeats."""
    return list(dict.fromkeys(_IMAGE_REFERENCE.findall(markdown)))
