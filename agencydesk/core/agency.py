"""The agency's own profile: its name, contact and logo, as the client report's header shows them.

Stored in the database (table `agency_setting`, one row per key) rather than in the desktop
settings, so that backups carry it and the command line sees the same profile as the window.
The logo is kept as given (PNG, JPEG or SVG, checked by its first bytes), at most
`MAX_LOGO_BYTES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core import versions
from agencydesk.core.errors import ValidationError
from agencydesk.core.guides.images import sniff_image_type
from agencydesk.core.models import AgencySetting, utcnow

#: the text fields of the profile and their longest allowed length
TEXT_FIELDS: dict[str, int] = {
    "name": 120,
    "address": 300,
    "phone": 40,
    "email": 254,
    "website": 300,
}
MAX_LOGO_BYTES = 512 * 1024
KEY_PREFIX = "agency."
LOGO_KEY = "agency.logo"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{6,}$")
_WEBSITE = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
_SVG_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.S
)

#: English text for the error codes this module raises (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "too_long": "This is too long.",
    "email_invalid": "This does not look like an email address (name@example.com).",
    "phone_invalid": "A phone number has digits, and may start with + (e.g. +62 812 3456 7890).",
    "website_invalid": "This does not look like a web address (budi-web.id).",
    "logo_too_big": f"The logo is too big: at most {MAX_LOGO_BYTES // 1024} KB, please.",
    "logo_type": "The logo must be a PNG, JPEG or SVG picture.",
}


@dataclass(frozen=True)
class AgencyProfile:
    """What the report's header says about the agency. Empty strings: not set."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None
    #: "image/png", "image/jpeg" or "image/svg+xml" (None without a logo)
    logo_type: str | None = None

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in TEXT_FIELDS) and self.logo is None

    def contact_lines(self) -> list[str]:
        """Address, then phone · email · website, each only when set."""
        lines = [self.address] if self.address else []
        contact = [value for value in (self.phone, self.email, self.website) if value]
        if contact:
            lines.append(" · ".join(contact))
        return lines


def sniff_logo_type(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG or SVG logo, from its first bytes (None: not one of them)."""
    kind = sniff_image_type(data)  # a guide's picture may also be a GIF or WebP; a logo not
    if kind in ("image/png", "image/jpeg"):
        return kind
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if _SVG_START.match(head):
        return "image/svg+xml"
    return None


def validate(profile: AgencyProfile) -> dict[str, str]:
    """Field → error code for everything wrong in *profile* (empty when all is well)."""
    errors: dict[str, str] = {}
    for name, limit in TEXT_FIELDS.items():
        if len(getattr(profile, name)) > limit:
            errors[name] = "too_long"
    if profile.email and "email" not in errors and not _EMAIL.match(profile.email):
        errors["email"] = "email_invalid"
    phone = profile.phone
    if (
        phone
        and "phone" not in errors
        and (not _PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 6)
    ):
        errors["phone"] = "phone_invalid"
    if profile.website and "website" not in errors and not _WEBSITE.match(profile.website):
        errors["website"] = "website_invalid"
    if profile.logo is not None:
        if len(profile.logo) > MAX_LOGO_BYTES:
            errors["logo"] = "logo_too_big"
        elif sniff_logo_type(profile.logo) is None:
            errors["logo"] = "logo_type"
    return errors


def _clean(profile: AgencyProfile) -> AgencyProfile:
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        text = str(getattr(profile, name) or "")
        # the address may have several lines; every other field is one line
        if name == "address":
            lines = [" ".join(line.split()) for line in text.splitlines()]
            values[name] = "\n".join(line for line in lines if line)
        else:
            values[name] = " ".join(text.split())
    logo = profile.logo or None
    values["logo"] = logo
    values["logo_type"] = sniff_logo_type(logo) if logo is not None else None
    return replace(profile, **values)


def get_agency_profile(*, session: Session) -> AgencyProfile:
    """The saved profile; an empty one when nothing was saved yet."""
    rows = session.exec(
        select(AgencySetting).where(col(AgencySetting.key).startswith(KEY_PREFIX))
    ).all()
    by_key = {row.key: row for row in rows}
    values: dict[str, Any] = {
        name: by_key[KEY_PREFIX + name].value for name in TEXT_FIELDS if KEY_PREFIX + name in by_key
    }
    logo_row = by_key.get(LOGO_KEY)
    if logo_row is not None and logo_row.data:
        logo = bytes(logo_row.data)
        logo_type = sniff_logo_type(logo)
        if logo_type is not None:  # a damaged value is left out rather than drawn wrong
            values["logo"] = logo
            values["logo_type"] = logo_type
    return AgencyProfile(**values)


#: the fields of the profile a person edits (and the conflict dialog compares)
EDITED_FIELDS = (*TEXT_FIELDS, "logo")


def profile_version(*, session: Session) -> int:
    """The version of the profile as a whole (`core.versions`): the sum of its rows' versions.
    Every write of a row adds one to its version and no row is ever deleted, so the sum grows
    with every save and is the same only when nothing was saved; 0 before the first save."""
    statement = sa.select(func.coalesce(func.sum(AgencySetting.version), 0)).where(
        col(AgencySetting.key).startswith(KEY_PREFIX)
    )
    return int(session.execute(statement).scalar_one())


def _edited(profile: AgencyProfile) -> dict[str, Any]:
    return {name: getattr(profile, name) for name in EDITED_FIELDS}


def _one_save_at_a_time(session: Session) -> None:
    """Saves of the profile take turns, so that the version a save checks is the one it writes
    over. On PostgreSQL two desks' first saves both saw version 0 and both inserted the rows:
    the second failed on the duplicate key instead of being shown the first one's profile. A
    lock held until the transaction ends makes the second wait and then see it. (SQLite's
    writes take turns already: every unit of work begins IMMEDIATE.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            sa.text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
            {"name": "agencydesk.agency_profile"},
        )


def save_agency_profile(
    *, session: Session, profile: AgencyProfile, seen_version: int | None = None
) -> AgencyProfile:
    """Check and store *profile* (every field; `logo=None` removes the logo). Returns it cleaned.
    *seen_version*: the `profile_version` the editor showed; when someone saved the profile
    since and it differs from *profile*, `versions.EditConflict` (mine and theirs per field)."""
    cleaned = _clean(profile)
    errors = validate(cleaned)
    if errors:
        raise ValidationError(errors)
    _one_save_at_a_time(session)
    if seen_version is not None:
        stored = profile_version(session=session)
        if stored != seen_version:
            theirs = _edited(get_agency_profile(session=session))
            if theirs != _edited(cleaned):
                raise versions.EditConflict(
                    "agency profile", 0, mine=_edited(cleaned), theirs=theirs, version=stored
                )
    now = utcnow()
    for field in fields(AgencyProfile):
        if field.name == "logo_type":
            continue
        key = KEY_PREFIX + field.name
        row = session.get(AgencySetting, key)
        if row is None:
            row = AgencySetting(key=key)
        if field.name == "logo":
            row.value = cleaned.logo_type or ""
            row.data = cleaned.logo
        else:
            row.value = getattr(cleaned, field.name)
        row.updated_at = now
        session.add(row)
    session.flush()
    return cleaned
