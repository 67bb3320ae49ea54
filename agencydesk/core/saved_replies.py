"""Saved replies: the short answers a freelancer types again and again, kept once with a name
and inserted into the reply box by typing / and that name ("/transfer", "/thanks").

Unlike guides (long, step by step, sent as their own message), a saved reply is a sentence or
two that becomes part of the reply being written. Each has Indonesian and English words; the
client's language chooses, the other is used when one is empty. Placeholders are the guides'
({call_name}, {first_name}, {my_name}, {today}, …), filled in for the ticket's client.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core import versions
from agencydesk.core.edits import get_row, known_fields, save_changes
from agencydesk.core.errors import ValidationError
from agencydesk.core.guides.placeholders import fill_placeholders, placeholder_values_for_client
from agencydesk.core.models import Client, SavedReply, SavedReplySend, utcnow

EDITABLE_FIELDS = ("name", "text_id", "text_en")
MAX_NAME = 40
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: English text for the error codes this module raises (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "name_required": "Give the reply a short name to type after / (e.g. transfer).",
    "name_invalid": "A name is small letters, digits and dashes, no spaces (e.g. jam-kerja).",
    "name_taken": "Another saved reply has this name.",
    "too_long": "This is too long.",
    "text_required": "Write the reply in Indonesian, in English, or both.",
}


@dataclass(frozen=True)
class SavedReplyRow:
    id: int
    name: str
    text_id: str
    text_en: str
    version: int


def _row(reply: SavedReply) -> SavedReplyRow:
    assert reply.id is not None
    return SavedReplyRow(reply.id, reply.name, reply.text_id, reply.text_en, reply.version)


def reply_name(text: str) -> str:
    """What is typed after "/" as a name: "Jam Kerja" → "jam-kerja"."""
    return "-".join(text.strip().lstrip("/").casefold().split())


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = known_fields(values, EDITABLE_FIELDS, "saved reply")
    if "name" in cleaned:
        cleaned["name"] = reply_name(str(cleaned["name"]))
    for key in ("text_id", "text_en"):
        if key in cleaned:
            cleaned[key] = str(cleaned[key]).strip()
    return cleaned


def _validate(session: Session, values: Mapping[str, Any], reply_id: int | None) -> None:
    errors: dict[str, str] = {}
    name = values["name"]
    if not name:
        errors["name"] = "name_required"
    elif len(name) > MAX_NAME:
        errors["name"] = "too_long"
    elif not _NAME.match(name):
        errors["name"] = "name_invalid"
    else:
        other = session.exec(select(SavedReply.id).where(SavedReply.name == name)).first()
        if other is not None and other != reply_id:
            errors["name"] = "name_taken"
    if not values["text_id"] and not values["text_en"]:
        errors["text_id"] = "text_required"
    if errors:
        raise ValidationError(errors)


def list_replies(*, session: Session, starting: str = "") -> list[SavedReplyRow]:
    """Every saved reply by name, or those whose name starts with *starting* (what follows the
    "/" typed so far)."""
    statement = select(SavedReply).order_by(col(SavedReply.name))
    prefix = reply_name(starting)
    if prefix:
        statement = statement.where(col(SavedReply.name).startswith(prefix, autoescape=True))
    return [_row(reply) for reply in session.exec(statement)]


def get_reply(*, session: Session, reply_id: int) -> SavedReplyRow:
    return _row(get_row(session, SavedReply, reply_id, "gone_saved_reply"))


def save_reply(
    *,
    session: Session,
    reply_id: int | None,
    values: Mapping[str, Any],
    seen_version: int | None = None,
) -> SavedReplyRow:
    """A new saved reply (*reply_id* None) or changes to one; *seen_version* as in
    `clients.update_client`."""
    cleaned = _clean(values)
    if reply_id is None:
        reply = SavedReply(name="", created_at=utcnow())
    else:
        if seen_version is not None:
            versions.require_present(
                session.get(SavedReply, reply_id), what="saved reply", row_id=reply_id
            )
        reply = get_row(session, SavedReply, reply_id, "gone_saved_reply")
        versions.check_seen(reply, seen_version, cleaned, what="saved reply", row_id=reply_id)
    merged = {name: getattr(reply, name) for name in EDITABLE_FIELDS} | cleaned
    _validate(session, merged, reply_id)
    save_changes(session, reply, merged)
    return _row(reply)


def delete_reply(*, session: Session, reply_id: int) -> None:
    session.delete(get_row(session, SavedReply, reply_id, "gone_saved_reply"))
    session.flush()


@dataclass(frozen=True)
class FilledReply:
    text: str
    #: placeholders left as they are (no value for this client)
    missing: list[str]


def fill_reply(
    *, session: Session, reply_id: int, client_id: int, my_name: str = ""
) -> FilledReply:
    """The saved reply in the client's language (else the other one), placeholders filled in."""
    reply = get_reply(session=session, reply_id=reply_id)
    client = get_row(session, Client, client_id, "gone_client")
    language = "en" if client.language == "en" else "id"
    text = (
        (reply.text_en or reply.text_id) if language == "en" else (reply.text_id or reply.text_en)
    )
    values = placeholder_values_for_client(
        session=session, client_id=client_id, my_name=my_name, language=language
    )
    filled = fill_placeholders(text, values)
    return FilledReply(filled.text, filled.missing)


def record_uses(
    *,
    session: Session,
    client_id: int,
    ticket_id: int | None,
    inserted: Mapping[int, str],
    body: str,
) -> int:
    """Record, in the caller's unit of work, the saved replies that go out in the reply *body*:
    of those *inserted* into the reply box (saved reply id → the text put in), the ones whose
    text is still in *body* (one deleted again before sending did not go out). How many."""
    words = " ".join(body.split())
    names = dict(
        session.execute(
            sa.select(col(SavedReply.id), col(SavedReply.name)).where(
                col(SavedReply.id).in_(list(inserted))
            )
        ).all()
    )
    now = utcnow()
    used = 0
    for reply_id, text in inserted.items():
        if reply_id not in names or " ".join(text.split()) not in words:
            continue
        session.add(
            SavedReplySend(
                saved_reply_id=reply_id,
                name=names[reply_id],
                client_id=client_id,
                ticket_id=ticket_id,
                sent_at=now,
            )
        )
        used += 1
    session.flush()
    return used


@dataclass(frozen=True)
class ReplyUse:
    """How often a saved reply went out, and when last (None: never)."""

    times: int
    last: datetime | None


def uses(*, session: Session) -> dict[int, ReplyUse]:
    """Saved reply id → how often it went out and when last, for those that ever did."""
    statement = (
        sa.select(
            col(SavedReplySend.saved_reply_id),
            func.count(),
            func.max(col(SavedReplySend.sent_at)),
        )
        .where(col(SavedReplySend.saved_reply_id).is_not(None))
        .group_by(col(SavedReplySend.saved_reply_id))
    )
    return {int(row[0]): ReplyUse(int(row[1]), row[2]) for row in session.execute(statement)}
