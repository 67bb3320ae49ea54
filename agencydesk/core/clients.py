"""Client services: keyword-only functions taking a Session. Sorting and filtering happen in SQL."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal, get_args

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core import versions
from agencydesk.core.db import add_and_flush
from agencydesk.core.edits import known_fields, save_changes
from agencydesk.core.errors import ValidationError
from agencydesk.core.list_ids import ordered_ids, rows_with_ids
from agencydesk.core.models import (
    CLIENT_LANGUAGES,
    TECH_COMFORT_MAX,
    TECH_COMFORT_MIN,
    Channel,
    Client,
)
from agencydesk.core.referrals import check_no_cycle
from agencydesk.core.row_columns import row_columns
from agencydesk.core.rows import ClientRow as ClientRow  # shared with core.quick_list
from agencydesk.core.soft_delete import get_live, soft_delete, undelete
from agencydesk.core.word_filter import every_word_in

SortKey = Literal[
    "name",
    "company",
    "city",
    "phone",
    "tech_comfort",
    "preferred_channel",
    "tags",
    "first_contact",
    "updated_at",
]
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)
_TEXT_SORT_KEYS = {"name", "company", "city", "tags"}
_BLANKABLE_SORT_KEYS = _TEXT_SORT_KEYS | {"phone", "preferred_channel"}
EDITABLE_FIELDS = (
    "name",
    "company",
    "phone",
    "email",
    "city",
    "tech_comfort",
    "preferred_channel",
    "tags",
    "caution_note",
    "notes",
    "website",
    "language",
    "first_contact",
    "introduced_by_id",
)
SEARCH_COLUMNS = ("name", "company", "phone", "email", "city", "tags")

#: the most characters a client's note may hold: notes are read at a glance beside the client
#: (about ten pages); a longer document belongs in a file, named in the note
TEXT_LIMITS = {"caution_note": 1_000, "notes": 20_000}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{6,}$")
_WEBSITE = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


def normalize_tags(raw: str) -> str:
    """`"VIP, gentle ,vip,,"` → `"VIP, gentle"`: trimmed, no empties, no repeats (any case)."""
    seen: set[str] = set()
    tags = []
    for tag in raw.split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return ", ".join(tags)


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = known_fields(values, EDITABLE_FIELDS, "client")
    for key, value in cleaned.items():
        if isinstance(value, str):  # accents joined to their letters: found however typed
            cleaned[key] = unicodedata.normalize("NFC", value.strip())
    if "tags" in cleaned:
        cleaned["tags"] = normalize_tags(cleaned["tags"] or "")
    return cleaned


def validate(values: Mapping[str, Any], *, client_id: int | None = None) -> dict[str, str]:
    """Field → error code for everything wrong with *values* (empty when all is well)."""
    errors: dict[str, str] = {}
    if "name" in values and not values["name"]:
        errors["name"] = "name_required"
    limits = {col_name: Client.model_fields[col_name].metadata for col_name in values}
    for field, meta in limits.items():
        max_length = next((m.max_length for m in meta if hasattr(m, "max_length")), None)
        value = values[field]
        if max_length and isinstance(value, str) and len(value) > max_length:
            errors.setdefault(field, "too_long")
    for field, limit in TEXT_LIMITS.items():
        text = values.get(field)
        if isinstance(text, str) and len(text) > limit:
            errors[field] = f"{field}_over_limit"
    # A value already too long is not read as an address too (as on the agency's profile): the
    # length bounds the patterns' work, quadratic in what they are given ("a@", 40,000 "b." and
    # "@" took 14-22 s), and "too long" is what the user needs to hear about it
    email = values.get("email")
    if email and "email" not in errors and not _EMAIL.match(email):
        errors["email"] = "email_invalid"
    website = values.get("website")
    if website and "website" not in errors and not _WEBSITE.match(website):
        errors["website"] = "website_invalid"
    phone = values.get("phone")
    if phone and (not _PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 6):
        errors["phone"] = "phone_invalid"
    if "tech_comfort" in values:
        level = values["tech_comfort"]
        if not isinstance(level, int) or not TECH_COMFORT_MIN <= level <= TECH_COMFORT_MAX:
            errors["tech_comfort"] = "tech_comfort_range"
    channel = values.get("preferred_channel")
    if channel is not None and channel not in {c.value for c in Channel}:
        errors["preferred_channel"] = "channel_unknown"
    language = values.get("language")
    if language is not None and language not in CLIENT_LANGUAGES:
        errors["language"] = "language_unknown"
    first = values.get("first_contact")
    if isinstance(first, date) and first > date.today():
        errors["first_contact"] = "first_contact_future"
    referrer = values.get("introduced_by_id")
    if referrer is not None and client_id is not None and referrer == client_id:
        errors["introduced_by_id"] = "introduced_by_self"
    return errors


def _check_referrer(session: Session, referrer_id: int | None) -> None:
    if referrer_id is None:
        return
    referrer = session.get(Client, referrer_id)
    if referrer is None or referrer.deleted_at is not None:
        raise ValidationError({"introduced_by_id": "introduced_by_missing"})


def create_client(*, session: Session, values: Mapping[str, Any]) -> Client:
    cleaned = _clean(values)
    cleaned.setdefault("name", "")
    errors = validate(cleaned)
    if errors:
        raise ValidationError(errors)
    _check_referrer(session, cleaned.get("introduced_by_id"))
    client = Client(**cleaned)
    return add_and_flush(session, client)


def update_client(
    *,
    session: Session,
    client_id: int,
    values: Mapping[str, Any],
    seen_version: int | None = None,
) -> Client:
    """Save *values* over the client. *seen_version*: the version the editor showed; a newer
    one stored is an `EditConflict`, a client deleted meanwhile `DeletedMeanwhile`."""
    if seen_version is not None:
        versions.require_present(session.get(Client, client_id), what="client", row_id=client_id)
    client = get_client(session=session, client_id=client_id)
    cleaned = _clean(values)
    errors = validate(cleaned, client_id=client_id)
    if errors:
        raise ValidationError(errors)
    versions.check_seen(client, seen_version, cleaned, what="client", row_id=client_id)
    if "introduced_by_id" in cleaned:
        _check_referrer(session, cleaned["introduced_by_id"])
        check_no_cycle(
            session=session, client_id=client_id, referrer_id=cleaned["introduced_by_id"]
        )
    save_changes(session, client, cleaned)
    return client


def get_client(*, session: Session, client_id: int, include_deleted: bool = False) -> Client:
    """The client *client_id*; a deleted one only with *include_deleted* (to undelete it)."""
    return get_live(
        session,
        Client,
        client_id,
        missing="gone_client",
        include_deleted=include_deleted,
    )


def _list_conditions(search: str) -> list[sa.ColumnElement[bool]]:
    """Live clients with every word of *search* in one of the searchable columns."""
    columns = [col(getattr(Client, name)) for name in SEARCH_COLUMNS]
    return [col(Client.deleted_at).is_(None), *every_word_in(search, columns)]


def list_clients(
    *,
    session: Session,
    search: str = "",
    sort: SortKey = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[ClientRow]:
    """One page of the client list, filtered and sorted by the database."""
    statement = _listed(search).order_by(*_list_order(sort, descending)).offset(offset).limit(limit)
    return [ClientRow(*row) for row in session.execute(statement).all()]


def client_ids(
    *,
    session: Session,
    sort: SortKey = "name",
    descending: bool = False,
    search: str = "",
) -> list[int]:
    """The ids of every row of `list_clients` (same search and sort), in its order."""
    order = _list_order(sort, descending)
    return ordered_ids(session, _listed(search), order, col(Client.id))


def client_rows(*, session: Session, ids: Sequence[int]) -> list[ClientRow]:
    """The rows `list_clients` shows for the clients *ids* (those still there), in no particular
    order."""
    return rows_with_ids(session, _listed(""), col(Client.id), ids, ClientRow)


def _listed(search: str) -> sa.Select[Any]:
    return sa.select(*row_columns(ClientRow, Client)).where(*_list_conditions(search))


def _list_order(sort: SortKey, descending: bool) -> list[Any]:
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    column: Any = getattr(Client, sort)
    key = func.lower(column) if sort in _TEXT_SORT_KEYS else column
    if sort == "name":  # "Ibu Ratna" under R: by the name without its honorific
        key = col(Client.sort_name)
    order = [key.desc() if descending else key.asc()]
    if sort != "name":  # names are never blank; the rest: blanks last, either way
        blank = column.is_(None)
        if sort in _BLANKABLE_SORT_KEYS:  # only text is ever "" (PostgreSQL refuses 3 = '')
            blank = sa.or_(blank, column == "")
        order.insert(0, sa.case((blank, 1), else_=0))
        order.append(col(Client.sort_name).asc())
    return [*order, func.lower(Client.name).asc(), col(Client.id).asc()]


def count_clients(*, session: Session, search: str = "") -> int:
    statement = select(func.count()).select_from(Client).where(*_list_conditions(search))
    return int(session.exec(statement).one())


def count_all_clients(*, session: Session, include_deleted: bool = True) -> int:
    statement = select(func.count()).select_from(Client)
    if not include_deleted:
        statement = statement.where(col(Client.deleted_at).is_(None))
    return int(session.exec(statement).one())


def delete_client(*, session: Session, client_id: int) -> None:
    """Soft delete: the client disappears from lists and can be brought back with `undelete`."""
    soft_delete(session, get_client(session=session, client_id=client_id))


def undelete_client(*, session: Session, client_id: int) -> Client:
    client = get_client(session=session, client_id=client_id, include_deleted=True)
    undelete(session, client)
    return client


def referrer_choices(*, session: Session, exclude_id: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of live clients, for the "introduced by" picker."""
    statement = (
        select(col(Client.id), col(Client.name))
        .where(col(Client.deleted_at).is_(None))
        .order_by(col(Client.sort_name), func.lower(Client.name), col(Client.id))
    )
    if exclude_id is not None:
        statement = statement.where(Client.id != exclude_id)
    return [(int(row_id), str(name)) for row_id, name in session.exec(statement).all() if row_id]


def referred_clients(*, session: Session, client_id: int) -> Sequence[tuple[int, str]]:
    """The live clients this client introduced."""
    statement = (
        select(col(Client.id), col(Client.name))
        .where(Client.introduced_by_id == client_id, col(Client.deleted_at).is_(None))
        .order_by(col(Client.sort_name), func.lower(Client.name))
    )
    return [(int(row_id), str(name)) for row_id, name in session.exec(statement).all() if row_id]
