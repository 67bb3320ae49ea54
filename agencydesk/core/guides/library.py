"""The guides themselves: write, validate, soft-delete, list and search, link gentle variants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core import versions
from agencydesk.core.clients import normalize_tags
from agencydesk.core.db import add_and_flush
from agencydesk.core.errors import SaidError, ValidationError
from agencydesk.core.models import Guide, GuideLevel, GuideSend, utcnow
from agencydesk.core.word_filter import every_word_in

EDITABLE_FIELDS = ("title", "body", "language", "tags", "level", "gentle_variant_of_id")
LANGUAGES = ("id", "en")
LEVELS = tuple(level.value for level in GuideLevel)
TITLE_MAX = 200
TAGS_MAX = 500

#: English texts for this module's error codes (the GUI has its own translated sentences)
ERROR_TEXT: dict[str, str] = {
    "title_required": "Please give the guide a title.",
    "too_long": "This is too long.",
    "language_unknown": "Choose Bahasa Indonesia or English.",
    "level_unknown": "Choose one of the listed levels.",
    "variant_self": "A guide cannot be a gentle variant of itself.",
    "variant_missing": "That guide does not exist (any more).",
    "variant_of_variant": "That guide is itself a variant: choose the original guide.",
    "variant_has_variants": "Other guides are variants of this one, so it cannot be a variant.",
}


@dataclass(frozen=True)
class GuideRow:
    """One line of the guide list."""

    id: int
    title: str
    language: str
    level: str
    tags: str
    updated_at: datetime
    times_sent: int


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not guide fields: {sorted(unknown)}")
    cleaned = dict(values)
    if isinstance(cleaned.get("title"), str):
        cleaned["title"] = " ".join(cleaned["title"].split())
    if "tags" in cleaned:
        cleaned["tags"] = normalize_tags(cleaned["tags"] or "")
    if isinstance(cleaned.get("body"), str):
        body = cleaned["body"].replace("\r\n", "\n").replace("\r", "\n")
        cleaned["body"] = body.strip("\n")
    return cleaned


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    """Field → error code for what is wrong with *values* on their own (no database needed)."""
    errors: dict[str, str] = {}
    if "title" in values:
        title = values["title"] or ""
        if not title.strip():
            errors["title"] = "title_required"
        elif len(title) > TITLE_MAX:
            errors["title"] = "too_long"
    if "language" in values and values["language"] not in LANGUAGES:
        errors["language"] = "language_unknown"
    if "level" in values and values["level"] not in LEVELS:
        errors["level"] = "level_unknown"
    if len(values.get("tags") or "") > TAGS_MAX:
        errors["tags"] = "too_long"
    return errors


def _check_variant(session: Session, guide_id: int | None, variant_of_id: int | None) -> str | None:
    """The error code for making *guide_id* a gentle variant of *variant_of_id*, if any."""
    if variant_of_id is None:
        return None
    if guide_id is not None and variant_of_id == guide_id:
        return "variant_self"
    original = session.get(Guide, variant_of_id)
    if original is None or original.deleted_at is not None:
        return "variant_missing"
    if original.gentle_variant_of_id is not None:
        return "variant_of_variant"
    if guide_id is not None:
        has_variants = session.exec(
            select(func.count())
            .select_from(Guide)
            .where(Guide.gentle_variant_of_id == guide_id, col(Guide.deleted_at).is_(None))
        ).one()
        if has_variants:
            return "variant_has_variants"
    return None


def create_guide(*, session: Session, values: Mapping[str, Any]) -> Guide:
    cleaned = _clean(values)
    cleaned.setdefault("title", "")
    errors = validate(cleaned)
    variant_error = _check_variant(session, None, cleaned.get("gentle_variant_of_id"))
    if variant_error:
        errors["gentle_variant_of_id"] = variant_error
    if errors:
        raise ValidationError(errors)
    guide = Guide(**cleaned)
    return add_and_flush(session, guide)


def update_guide(
    *,
    session: Session,
    guide_id: int,
    values: Mapping[str, Any],
    seen_version: int | None = None,
) -> Guide:
    """Save *values* over the guide; *seen_version* as in `clients.update_client`."""
    if seen_version is not None:
        versions.require_present(session.get(Guide, guide_id), what="guide", row_id=guide_id)
    guide = get_guide(session=session, guide_id=guide_id)
    cleaned = _clean(values)
    errors = validate(cleaned)
    if "gentle_variant_of_id" in cleaned:
        variant_error = _check_variant(session, guide_id, cleaned["gentle_variant_of_id"])
        if variant_error:
            errors["gentle_variant_of_id"] = variant_error
    if errors:
        raise ValidationError(errors)
    versions.check_seen(guide, seen_version, cleaned, what="guide", row_id=guide_id)
    for key, value in cleaned.items():
        setattr(guide, key, value)
    guide.updated_at = utcnow()
    return add_and_flush(session, guide)


def get_guide(*, session: Session, guide_id: int, include_deleted: bool = False) -> Guide:
    guide = session.get(Guide, guide_id)
    if guide is None or (guide.deleted_at is not None and not include_deleted):
        raise SaidError("gone_guide")
    return guide


def delete_guide(*, session: Session, guide_id: int) -> None:
    """Soft delete: the guide leaves the lists and can be brought back with `undelete_guide`."""
    guide = get_guide(session=session, guide_id=guide_id)
    guide.deleted_at = utcnow()
    session.add(guide)
    session.flush()


def undelete_guide(*, session: Session, guide_id: int) -> Guide:
    guide = get_guide(session=session, guide_id=guide_id, include_deleted=True)
    guide.deleted_at = None
    guide.updated_at = utcnow()
    return add_and_flush(session, guide)


def list_guides(
    *,
    session: Session,
    search: str = "",
    language: str | None = None,
    level: str | None = None,
) -> list[GuideRow]:
    """Live guides, every search word in the title, text or tags; sorted by title (any case)."""
    sent = (
        sa.select(func.count())
        .select_from(GuideSend)
        .where(col(GuideSend.guide_id) == col(Guide.id))
        .scalar_subquery()
    )
    statement = sa.select(
        col(Guide.id),
        col(Guide.title),
        col(Guide.language),
        col(Guide.level),
        col(Guide.tags),
        col(Guide.updated_at),
        sent,
    ).where(col(Guide.deleted_at).is_(None))
    for condition in every_word_in(search, (col(Guide.title), col(Guide.body), col(Guide.tags))):
        statement = statement.where(condition)
    if language:
        statement = statement.where(col(Guide.language) == language)
    if level:
        statement = statement.where(col(Guide.level) == level)
    rows = [
        GuideRow(
            id=int(row[0]),
            title=str(row[1]),
            language=str(row[2]),
            level=str(row[3]),
            tags=str(row[4]),
            updated_at=row[5],
            times_sent=int(row[6]),
        )
        for row in session.execute(statement).all()
    ]
    rows.sort(key=lambda row: (row.title.casefold(), row.id))
    return rows


def variant_choices(*, session: Session, exclude_id: int | None = None) -> list[tuple[int, str]]:
    """(id, title) of live guides that can be the original of a gentle variant."""
    statement = sa.select(col(Guide.id), col(Guide.title)).where(
        col(Guide.deleted_at).is_(None), col(Guide.gentle_variant_of_id).is_(None)
    )
    if exclude_id is not None:
        statement = statement.where(col(Guide.id) != exclude_id)
    choices = [(int(row_id), str(title)) for row_id, title in session.execute(statement)]
    choices.sort(key=lambda choice: (choice[1].casefold(), choice[0]))
    return choices


def linked_guides(*, session: Session, guide_id: int) -> list[tuple[int, str, str]]:
    """(id, title, level) of the live guides linked to *guide_id* as original or gentle variant."""
    guide = get_guide(session=session, guide_id=guide_id, include_deleted=True)
    condition = col(Guide.gentle_variant_of_id) == guide_id
    if guide.gentle_variant_of_id is not None:
        condition = sa.or_(condition, col(Guide.id) == guide.gentle_variant_of_id)
    statement = (
        sa.select(col(Guide.id), col(Guide.title), col(Guide.level))
        .where(condition, col(Guide.deleted_at).is_(None), col(Guide.id) != guide_id)
        .order_by(func.lower(Guide.title), col(Guide.id))
    )
    return [(int(i), str(t), str(lv)) for i, t, lv in session.execute(statement)]
