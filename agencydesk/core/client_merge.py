"""The same client entered twice: noticing it on save, and merging the two into one.

`possible_duplicates` finds live clients with the same phone number (after normalising: "+62 812…"
and "0812…" agree) or nearly the same name (ignoring honorifics and case: "Ibu Ratna Wulandari"
and "bu ratna wulandari"), using the stored keys `Client.sort_name` and `Client.phone_key`.

`merge_clients` moves everything of one client to the other in one transaction and removes the
emptied client: tickets (with their messages and time), messages, orders, logins (the rows only:
each keeps its keyring reference, so no secret is touched), guide sends, and the clients they
introduced. The timeline is made of those rows, so it follows. The referral links stay a tree:
the kept client is never its own referrer, and a link that would close a loop is not taken.
Every record moved gets a new version (`core.versions`): a desk that was editing one of them
meets the conflict dialog instead of writing the old client back. The change notification names
their tables (`core.changes` hears each UPDATE statement).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col

from agencydesk.core.clients import get_client, normalize_tags
from agencydesk.core.db import session_scope
from agencydesk.core.errors import SaidError, ValidationError
from agencydesk.core.models import Client, Credential, GuideSend, Message, Order, Ticket, utcnow
from agencydesk.core.names import name_key, phone_digits
from agencydesk.core.referrals import check_no_cycle


@dataclass(frozen=True)
class PossibleDuplicate:
    """A live client that may be the one being saved."""

    id: int
    name: str
    phone: str
    same_phone: bool
    same_name: bool


def possible_duplicates(
    *, session: Session, name: str, phone: str = "", exclude_id: int | None = None
) -> list[PossibleDuplicate]:
    """Live clients (not *exclude_id*) with the same phone number or nearly the same name."""
    key, digits = name_key(name), phone_digits(phone)
    matches: list[sa.ColumnElement[bool]] = []
    if key:
        matches.append(col(Client.sort_name) == key)
    if digits:
        matches.append(col(Client.phone_key) == digits)
    if not matches:
        return []
    statement = (
        sa.select(col(Client.id), col(Client.name), col(Client.phone), col(Client.phone_key))
        .where(col(Client.deleted_at).is_(None), sa.or_(*matches))
        .order_by(col(Client.sort_name), col(Client.id))
    )
    if exclude_id is not None:
        statement = statement.where(col(Client.id) != exclude_id)
    return [
        PossibleDuplicate(
            int(row_id),
            str(other_name),
            str(other_phone),
            bool(digits) and other_key == digits,
            name_key(str(other_name)) == key,
        )
        for row_id, other_name, other_phone, other_key in session.execute(statement).all()
    ]


@dataclass(frozen=True)
class MergeSummary:
    """What merging *drop* into *keep* moves (or moved): counts of rows per kind."""

    keep_id: int
    keep_name: str
    drop_id: int
    drop_name: str
    tickets: int
    messages: int
    orders: int
    logins: int
    guide_sends: int
    introduced: int


def _count(session: Session, column: Any, client_id: int) -> int:
    statement = sa.select(sa.func.count()).where(column == client_id)
    return int(session.execute(statement).scalar_one())


def merge_preview(*, session: Session, keep_id: int, drop_id: int) -> MergeSummary:
    """What `merge_clients` would move from *drop_id* to *keep_id* (nothing is changed)."""
    keep, drop = _pair(session, keep_id, drop_id)
    introduced = _count(session, col(Client.introduced_by_id), drop_id)
    if keep.introduced_by_id == drop_id:
        introduced -= 1  # the kept client does not become their own referral
    return MergeSummary(
        keep_id,
        keep.name,
        drop_id,
        drop.name,
        tickets=_count(session, col(Ticket.client_id), drop_id),
        messages=_count(session, col(Message.client_id), drop_id),
        orders=_count(session, col(Order.client_id), drop_id),
        logins=_count(session, col(Credential.client_id), drop_id),
        guide_sends=_count(session, col(GuideSend.client_id), drop_id),
        introduced=introduced,
    )


def merge_clients(engine: Engine, *, keep_id: int, drop_id: int) -> MergeSummary:
    """Merge client *drop_id* into *keep_id* in one transaction (all of it, or nothing)."""
    with session_scope(engine) as session:
        return merge_into(session=session, keep_id=keep_id, drop_id=drop_id)


def merge_into(*, session: Session, keep_id: int, drop_id: int) -> MergeSummary:
    """`merge_clients` inside the caller's transaction."""
    summary = merge_preview(session=session, keep_id=keep_id, drop_id=drop_id)
    keep, drop = _pair(session, keep_id, drop_id)
    _fill_in(keep, drop)
    _rename_clashing_logins(session, keep_id, drop)
    for column in _client_links():
        table = column.table
        moved: dict[str, Any] = {column.name: keep_id}
        if "version" in table.c:  # a record people edit (models.Versioned): a new version, so
            # that a desk still showing it before the merge is asked, not saving over the merge
            moved["version"] = table.c.version + 1
        statement = sa.update(table).where(column == drop_id).values(moved)
        if table.name == Client.__tablename__:  # who drop introduced: now introduced by keep
            statement = statement.where(table.c.id != keep_id)
        session.execute(statement)
    _settle_referrer(session, keep, drop)
    keep.updated_at = utcnow()
    session.add(keep)
    session.flush()  # the kept client no longer points at the other one: it can go
    session.delete(drop)
    session.flush()
    return summary


def _pair(session: Session, keep_id: int, drop_id: int) -> tuple[Client, Client]:
    if keep_id == drop_id:
        raise SaidError("merge_with_self")
    return get_client(session=session, client_id=keep_id), get_client(
        session=session, client_id=drop_id
    )


def _client_links() -> list[sa.Column[int]]:
    """Every column that links a row to a client (tables added later are found too)."""
    client_table = SQLModel.metadata.tables[Client.__tablename__]
    return [
        fk.parent
        for table in SQLModel.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column is client_table.c.id
    ]


def _fill_in(keep: Client, drop: Client) -> None:
    """The kept client gains what only the other one had: nothing typed about either is lost."""
    for field in ("company", "phone", "email", "city", "website"):
        if not getattr(keep, field):
            setattr(keep, field, getattr(drop, field))
    keep.tags = normalize_tags(f"{keep.tags}, {drop.tags}")
    for field in ("caution_note", "notes"):
        mine, theirs = getattr(keep, field), getattr(drop, field)
        if theirs and theirs not in mine:
            setattr(keep, field, f"{mine}\n\n{theirs}" if mine else theirs)
    days = [day for day in (keep.first_contact, drop.first_contact) if isinstance(day, date)]
    keep.first_contact = min(days) if days else None


def _rename_clashing_logins(session: Session, keep_id: int, drop: Client) -> None:
    """A login label the kept client already has gets the other client's name added."""
    taken = {
        label.casefold()
        for label in session.execute(
            sa.select(col(Credential.label)).where(col(Credential.client_id) == keep_id)
        ).scalars()
    }
    theirs = session.execute(sa.select(Credential).where(col(Credential.client_id) == drop.id))
    for credential in theirs.scalars():
        label, number = credential.label, 1
        while label.casefold() in taken:
            number += 1
            suffix = f" ({drop.name})" if number == 2 else f" ({drop.name} {number})"
            label = credential.label[: 120 - len(suffix)] + suffix
        taken.add(label.casefold())
        if label != credential.label:
            credential.label = label
            session.add(credential)
    session.flush()


def _settle_referrer(session: Session, keep: Client, drop: Client) -> None:
    """Who introduced the merged client: the kept client's referrer, else the other one's,
    leaving out any that is one of the two or would close a loop."""
    session.flush()
    for source in (keep, drop):
        referrer_id = source.introduced_by_id
        if referrer_id in (None, keep.id, drop.id):
            continue
        assert keep.id is not None
        try:
            check_no_cycle(session=session, client_id=keep.id, referrer_id=referrer_id)
        except ValidationError:
            continue
        if source is drop:
            keep.introduced_on = drop.introduced_on
            keep.introduction_note = drop.introduction_note
            keep.introduction_message_id = drop.introduction_message_id
        keep.introduced_by_id = referrer_id
        return
    keep.introduced_by_id = None
    keep.introduced_on = None
    keep.introduction_note = ""
    keep.introduction_message_id = None
