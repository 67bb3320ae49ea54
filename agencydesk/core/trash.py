"""The trash: what was deleted stays there, across restarts, until it is restored, deleted for
good, or older than the days the user keeps it (30 unless Settings say otherwise).

Clients and guides are deleted softly (`deleted_at`, see `soft_delete`): in the trash they are
simply the rows with `deleted_at` set. Tickets and orders are deleted for real, so that no list,
figure or search has to leave them out; before that, `trash_ticket` / `trash_order` keep them
as a `TrashItem`: the row, the rows that go with it (ON DELETE CASCADE: a ticket's time, its
status changes, its draft) and which rows named it (ON DELETE SET NULL: its messages, guide
sends, follow-ups). Restoring puts the rows back with their numbers (a number is never given
twice, see migration 0024; on older desks, under a new one) and links those rows to it again
(where nothing else took them meanwhile). What goes with what is read from the tables'
own foreign keys, so a table added later is kept too.

Deleting a client for good also deletes their logins' passwords from the keyring, and raises
the version of each client they had introduced (their "introduced by" becomes empty), so that
a desk editing one of those hears of it instead of saving an old referrer back.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Unpack

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col

from agencydesk.core import credentials, tickets
from agencydesk.core.errors import SaidError, UserError
from agencydesk.core.models import Client, Guide, Order, Ticket, TrashItem, utcnow

#: how long the trash keeps things unless Settings say otherwise
DEFAULT_DAYS = 30
KINDS = ("client", "ticket", "guide", "order")
_TABLE_NAMES = {"ticket": "ticket", "order": "client_order"}
#: rows linked again per statement on restore: a ticket holding a whole imported chat names
#: more messages than a statement may carry values (65,535 on PostgreSQL, 32,766 in many SQLite
#: builds), and restoring it failed
RELINKED_AT_ONCE = 10_000


@dataclass(frozen=True)
class TrashEntry:
    kind: str  # one of KINDS
    row_id: int
    name: str
    #: whose it was (a ticket's or order's client; None for a client or a guide)
    client_name: str | None
    deleted_at: datetime

    @property
    def key(self) -> str:
        """How the command line names it: "ticket#12"."""
        return f"{self.kind}#{self.row_id}"


def parse_key(text: str) -> tuple[str, int]:
    """ "ticket#12" → ("ticket", 12); a `UserError` saying the form for anything else."""
    kind, _hash, number = text.strip().partition("#")
    if kind not in KINDS or not number.isdigit():
        raise UserError(
            f"“{text}” names nothing in the trash: write it as `agencydesk trash list` shows "
            "it, e.g. ticket#12 or client#3."
        )
    return kind, int(number)


# -- keeping a ticket or an order ----------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "bytes" in value:
            return bytes.fromhex(value["bytes"])
    return value


def _rows(session: Session, table: sa.Table, where: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    found = session.execute(sa.select(table).where(where)).mappings().all()
    return [{name: _encode(value) for name, value in row.items()} for row in found]


def _snapshot(session: Session, table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    """*row* of *table* (encoded), the rows deleted with it (recursively) and the rows that only
    lose their link to it."""
    kept: dict[str, Any] = {"table": table.name, "row": row, "with": [], "named_by": []}
    for other in SQLModel.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table is not table:
                continue
            link, target = key.parent, _decode(row[key.column.name])
            if key.ondelete == "CASCADE":
                kept["with"] += [
                    _snapshot(session, other, child)
                    for child in _rows(session, other, link == target)
                ]
            elif key.ondelete == "SET NULL":
                [primary] = other.primary_key.columns
                ids = list(session.execute(sa.select(primary).where(link == target)).scalars())
                if ids:
                    kept["named_by"].append(
                        {
                            "table": other.name,
                            "column": link.name,
                            "ids": ids,
                            "value": row[key.column.name],
                        }
                    )
    return kept


def _taken(session: Session, primary: sa.Column[Any], value: Any) -> bool:
    return session.execute(sa.select(primary).where(primary == value)).first() is not None


def _put_back(
    session: Session, kept: dict[str, Any], parent: tuple[sa.Table, Any, Any] | None = None
) -> Any:
    """Insert the kept row and what went with it; the number it has now.

    A number taken meanwhile (desks before migration 0024 gave a new ticket the number of the
    highest one in the trash; the rows of a ticket's time still may) is not a reason to lose the
    row: it comes back under a new number, and the rows that went with it follow (*parent*: the
    table, old and new number of the row they belong to)."""
    table = SQLModel.metadata.tables[kept["table"]]
    row = {name: _decode(value) for name, value in kept["row"].items() if name in table.c}
    if parent is not None and parent[1] != parent[2]:
        parent_table, old_parent, new_parent = parent
        for key in table.foreign_keys:
            if key.column.table is parent_table and row.get(key.parent.name) == old_parent:
                row[key.parent.name] = new_parent
    [primary] = table.primary_key.columns
    number = row[primary.name]
    if not primary.foreign_keys and _taken(session, primary, number):
        del row[primary.name]
        new_number = session.execute(table.insert().values(**row).returning(primary)).scalar_one()
    else:
        session.execute(table.insert().values(**row))
        new_number = number
    for child in kept["with"]:
        _put_back(session, child, (table, number, new_number))
    for named in kept["named_by"]:
        other = SQLModel.metadata.tables[named["table"]]
        [other_primary] = other.primary_key.columns
        link = other.c[named["column"]]
        value = _decode(named["value"])
        ids = named["ids"]
        for start in range(0, len(ids), RELINKED_AT_ONCE):
            session.execute(
                other.update()
                .where(other_primary.in_(ids[start : start + RELINKED_AT_ONCE]), link.is_(None))
                .values({link.name: new_number if value == number else value})
            )
    return new_number


def highest_trashed(connection: sa.Connection, table: str) -> int:
    """The highest number of a *table* row in the trash (0: none): a desk moved to another
    engine must not give it to a new row, or it could not come back with it."""
    kinds = [kind for kind, name in _TABLE_NAMES.items() if name == table]
    if not kinds:
        return 0
    found = connection.execute(
        sa.select(sa.func.max(col(TrashItem.row_id))).where(col(TrashItem.kind) == kinds[0])
    ).scalar()
    return int(found or 0)


def _trash(session: Session, kind: str, row: Ticket | Order, name: str) -> None:
    assert row.id is not None
    table = SQLModel.metadata.tables[_TABLE_NAMES[kind]]
    [found] = _rows(session, table, table.c.id == row.id)
    kept = _snapshot(session, table, found)
    session.add(
        TrashItem(
            kind=kind,
            row_id=row.id,
            title=name[:200],
            client_id=row.client_id,
            payload=json.dumps(kept, ensure_ascii=False),
        )
    )
    session.delete(row)
    session.flush()


def trash_ticket(*, session: Session, ticket_id: int) -> None:
    """Delete a ticket into the trash (with its time, status changes and draft)."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise SaidError("gone_ticket")
    _trash(session, "ticket", ticket, ticket.title)


def trash_tickets(*, session: Session, ticket_ids: Sequence[int]) -> list[int]:
    """Delete the tickets *ticket_ids* (chosen together in the list) into the trash, each as
    `trash_ticket` would, in the caller's transaction: the ids put there. One deleted meanwhile
    (on another desk) is passed over: it is where the user wanted it, and the others are not
    kept from the trash for it."""
    trashed: list[int] = []
    for ticket_id in dict.fromkeys(ticket_ids):
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:
            _trash(session, "ticket", ticket, ticket.title)
            trashed.append(ticket_id)
    return trashed


def trash_listed_tickets(
    *, session: Session, listed: int, **filters: Unpack[tickets.TicketFilters]
) -> list[int]:
    """Every ticket the list shows with *filters* (all chosen: Ctrl+A) into the trash, as
    `trash_tickets`: their ids. *listed* is how many the person saw listed: where the list holds
    another count now (a ticket opened on another desk would go too, never seen), nothing is
    deleted and a `SaidError` says so."""
    ids = tickets.listed_ids(session=session, listed=listed, doing="delete", **filters)
    return trash_tickets(session=session, ticket_ids=ids)


def restore_tickets(*, session: Session, ticket_ids: Sequence[int]) -> None:
    """Bring back the tickets *ticket_ids* (deleted together), all or none: a ticket that cannot
    come back (its client is in the trash) raises the `SaidError` `restore` would, and the
    caller's rollback keeps the others in the trash too."""
    for ticket_id in ticket_ids:
        restore(session=session, kind="ticket", row_id=ticket_id)


def trash_order(*, session: Session, order_id: int) -> None:
    """Delete an order into the trash."""
    order = session.get(Order, order_id)
    if order is None:
        raise SaidError("gone_order")
    _trash(session, "order", order, order.title)


# -- the trash as a list ------------------------------------------------------------------------
def list_trash(*, session: Session) -> list[TrashEntry]:
    """Everything in the trash, the latest deleted first."""
    entries = [
        TrashEntry(kind, row_id, name, None, deleted_at)
        for kind, model, name_column in (
            ("client", Client, Client.name),
            ("guide", Guide, Guide.title),
        )
        for row_id, name, deleted_at in session.execute(
            sa.select(col(model.id), col(name_column), col(model.deleted_at)).where(
                col(model.deleted_at).is_not(None)
            )
        ).all()
    ]
    entries += [
        TrashEntry(kind, row_id, title, client_name, deleted_at)
        for kind, row_id, title, client_name, deleted_at in session.execute(
            sa.select(
                col(TrashItem.kind),
                col(TrashItem.row_id),
                col(TrashItem.title),
                col(Client.name),
                col(TrashItem.deleted_at),
            ).outerjoin(Client, col(Client.id) == col(TrashItem.client_id))
        ).all()
    ]
    entries.sort(key=lambda entry: (entry.deleted_at, entry.kind, entry.row_id), reverse=True)
    return entries


def _item(session: Session, kind: str, row_id: int) -> TrashItem:
    item: TrashItem | None = session.execute(
        sa.select(TrashItem).where(col(TrashItem.kind) == kind, col(TrashItem.row_id) == row_id)
    ).scalar_one_or_none()
    if item is None:
        raise SaidError(f"not_in_trash_{kind}", number=str(row_id))
    return item


def _soft_deleted(session: Session, kind: str, row_id: int) -> Client | Guide:
    row: Client | Guide | None = (
        session.get(Client, row_id) if kind == "client" else session.get(Guide, row_id)
    )
    if row is None or row.deleted_at is None:
        raise SaidError(f"not_in_trash_{kind}", number=str(row_id))
    return row


def restore(*, session: Session, kind: str, row_id: int) -> int:
    """Bring it back as it was, with its number; the number it came back with (another only
    where a desk from before migration 0024 gave its number to a new ticket or order)."""
    if kind in ("client", "guide"):
        row = _soft_deleted(session, kind, row_id)
        row.deleted_at = None
        row.updated_at = utcnow()
        session.flush()
        return row_id
    item = _item(session, kind, row_id)
    if item.client_id is not None:
        owner = session.get(Client, item.client_id)
        if owner is not None and owner.deleted_at is not None:
            raise SaidError("restore_client_first", name=owner.name)
    number = int(_put_back(session, json.loads(item.payload)))
    session.delete(item)
    session.flush()
    return number


def delete_for_good(*, session: Session, kind: str, row_id: int) -> None:
    """Delete it for good. A client: with everything of theirs, their logins' passwords in the
    keyring included, and the clients they introduced raise their version (see the module)."""
    if kind == "client":
        client = _soft_deleted(session, kind, row_id)
        credentials.delete_client_credentials(session=session, client_id=row_id)
        introduced = session.execute(
            sa.select(Client).where(col(Client.introduced_by_id) == row_id)
        ).scalars()
        for other in introduced:
            other.introduced_by_id = None  # an ORM write: its version goes up
        session.flush()
        session.delete(client)
    elif kind == "guide":
        session.delete(_soft_deleted(session, kind, row_id))
    else:
        session.delete(_item(session, kind, row_id))
    session.flush()


def empty(
    *,
    session: Session,
    older_than: timedelta | None = None,
    now: datetime | None = None,
    only: Collection[str] | None = None,
) -> int:
    """Delete for good what was deleted more than *older_than* ago (None: everything); with
    *only*, of that just the entries with these keys (what the person saw listed: something
    another desk put in the trash since stays). How many."""
    cutoff = None if older_than is None else (now or utcnow()) - older_than
    gone = 0
    # tickets and orders first: a client's going for good takes theirs with it
    for entry in sorted(list_trash(session=session), key=lambda entry: entry.kind == "client"):
        if cutoff is not None and entry.deleted_at >= cutoff:
            continue
        if only is not None and entry.key not in only:
            continue
        try:
            delete_for_good(session=session, kind=entry.kind, row_id=entry.row_id)
        except UserError:
            continue  # gone with its client just before
        gone += 1
    return gone
