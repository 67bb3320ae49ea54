"""Keeping the referral links sound: nobody is introduced by someone they introduced, nor by
themselves or a deleted client.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core.db import add_and_flush
from agencydesk.core.edits import live_client
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import Client, Message, utcnow
from agencydesk.core.referrals.graph import MAX_DEPTH

# -- keeping the links sound --------------------------------------------------------------------
_ANCESTOR_SQL = sa.text(
    """
    WITH RECURSIVE up(id, depth) AS (
        SELECT introduced_by_id, 1 FROM client WHERE id = :referrer
        UNION ALL
        SELECT client.introduced_by_id, up.depth + 1
        FROM client JOIN up ON client.id = up.id
        WHERE up.depth < :max_depth
    )
    SELECT 1 FROM up WHERE id = :client LIMIT 1
    """
)


def check_no_cycle(*, session: Session, client_id: int, referrer_id: int | None) -> None:
    """Refuse making *referrer_id* the referrer of *client_id* when that closes a loop: the
    referrer is the client, or was introduced (directly or through others) by the client."""
    if referrer_id is None:
        return
    if referrer_id == client_id:
        raise ValidationError({"introduced_by_id": "introduced_by_self"})
    found = session.execute(
        _ANCESTOR_SQL, {"referrer": referrer_id, "client": client_id, "max_depth": MAX_DEPTH}
    ).first()
    if found is not None:
        raise ValidationError({"introduced_by_id": "introduced_by_cycle"})


def set_referrer(
    *,
    session: Session,
    client_id: int,
    referrer_id: int | None,
    introduced_on: date | None = None,
    note: str = "",
    message_id: int | None = None,
) -> Client:
    """Record who introduced *client_id*, when, how ("she says you are very patient") and the
    message that told us. `referrer_id=None` clears the link with its date, note and message."""
    client = live_client(session, client_id)
    errors: dict[str, str] = {}
    if referrer_id is None:
        introduced_on, note, message_id = None, "", None
    else:
        referrer = session.get(Client, referrer_id)
        if referrer_id == client_id:
            errors["introduced_by_id"] = "introduced_by_self"
        elif referrer is None or referrer.deleted_at is not None:
            errors["introduced_by_id"] = "introduced_by_missing"
    if introduced_on is not None and introduced_on > date.today():
        errors["introduced_on"] = "introduced_on_future"
    if message_id is not None:
        message = session.get(Message, message_id)
        if message is None or message.client_id not in (client_id, referrer_id):
            errors["introduction_message_id"] = "introduction_message_missing"
    if errors:
        raise ValidationError(errors)
    check_no_cycle(session=session, client_id=client_id, referrer_id=referrer_id)
    client.introduced_by_id = referrer_id
    client.introduced_on = introduced_on
    client.introduction_note = note.strip()
    client.introduction_message_id = message_id
    client.updated_at = utcnow()
    return add_and_flush(session, client)
