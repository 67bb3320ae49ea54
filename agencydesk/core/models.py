"""The database tables. SQLModel classes, portable SQL (SQLite and PostgreSQL).

Longer than the other modules on purpose: the whole schema in one file is what a reader and a
migration's author compare against, table beside table, links and indexes in sight."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

# In a SQLAlchemy-free module so the start-up client list can format channels without us.
from agencydesk.core.choices import TECH_COMFORT_MAX as TECH_COMFORT_MAX
from agencydesk.core.choices import TECH_COMFORT_MIN as TECH_COMFORT_MIN
from agencydesk.core.choices import Channel as Channel
from agencydesk.core.names import name_key, phone_digits
from agencydesk.core.utc import UTCDateTime

# Stable constraint names, so Alembic batch migrations on SQLite can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timestamps are timezone-aware UTC (`UTCDateTime` columns store them so)."""
    return datetime.now(UTC)


def owner_link(table: str, *, index: bool = False) -> Any:
    """A required link to a row of *table* that owns this one: deleting it deletes this row."""
    return Field(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey(f"{table}.id", ondelete="CASCADE"),
            nullable=False,
            index=index,
        )
    )


def optional_link(table: str, *, index: bool = False, use_alter: bool = False) -> Any:
    """An optional link to a row of *table*, emptied (NULL) when that row is deleted.
    *index*: for a link to rows that get deleted (messages, tickets, orders, guides): each
    deleted row looks for the rows naming it, which without an index reads the whole table
    once per deleted row. *use_alter*: for the link that closes a cycle of tables (client →
    message → client)."""
    return Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey(f"{table}.id", ondelete="SET NULL", use_alter=use_alter),
            nullable=True,
            index=index,
        ),
    )


class Versioned(SQLModel):
    """A record people edit: each write adds one to `version`, and an ORM write of a row that
    changed since it was read (another desk saved it first) fails (`version_id_col`) instead of
    overwriting it. The forms keep the version they showed (`core.versions`)."""

    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a class attribute)
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


#: the languages a client can read their report in: Indonesian, English
CLIENT_LANGUAGES = ("id", "en")


class Client(Versioned, table=True):
    """Someone the freelancer supports. Deleting is soft (`deleted_at`), so it can be undone."""

    __tablename__ = "client"
    __table_args__ = (
        sa.CheckConstraint(
            f"tech_comfort BETWEEN {TECH_COMFORT_MIN} AND {TECH_COMFORT_MAX}",
            name="tech_comfort_range",
        ),
        sa.Index("ix_client_name_lower", sa.func.lower(sa.column("name"))),
        sa.Index("ix_client_sort_name", "sort_name", "id"),
        sa.Index("ix_client_phone_key", "phone_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    company: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    city: str = Field(default="", max_length=120)
    tech_comfort: int = Field(default=3)
    preferred_channel: str = Field(default=Channel.WHATSAPP.value, max_length=20)
    tags: str = Field(default="", max_length=500)
    caution_note: str = Field(default="")
    notes: str = Field(default="")
    website: str = Field(default="", max_length=300, sa_column_kwargs={"server_default": ""})
    #: the language the client reads (CLIENT_LANGUAGES): their report is written in it
    language: str = Field(default="id", max_length=5, sa_column_kwargs={"server_default": "id"})
    first_contact: date | None = Field(default=None)
    introduced_by_id: int | None = optional_link("client", index=True)
    #: when the referrer introduced them, how ("Bu Ratna says you are very patient"), and the
    #: message that told us so
    introduced_on: date | None = Field(default=None)
    introduction_note: str = Field(default="", sa_column_kwargs={"server_default": ""})
    introduction_message_id: int | None = optional_link("message", index=True, use_alter=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # No index: nearly every row is NULL, and SQLite would pick it over the name index.
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: kept from `name` and `phone` on every write (`_client_keys`): the name without its
    #: honorific, casefolded ("ratna wulandari"), which the list sorts by, and the phone's
    #: national digits ("8124455102"), which finds a second client with the same number
    sort_name: str = Field(default="", max_length=120, sa_column_kwargs={"server_default": ""})
    phone_key: str = Field(default="", max_length=40, sa_column_kwargs={"server_default": ""})


@sa.event.listens_for(Client, "before_insert")
@sa.event.listens_for(Client, "before_update")
def _client_keys(_mapper: Any, _connection: Any, client: Client) -> None:
    client.sort_name = name_key(client.name)[:120]
    client.phone_key = phone_digits(client.phone or "")[:40]


@sa.event.listens_for(sa.orm.Session, "do_orm_execute")
def _bulk_client_keys(state: sa.orm.ORMExecuteState) -> None:
    """The same keys for clients inserted in bulk (``session.execute(insert(Client), rows)``),
    which the per-row events above never see."""
    table = getattr(state.statement, "table", None)
    if not state.is_insert or getattr(table, "name", None) != Client.__tablename__:
        return
    rows = state.parameters if isinstance(state.parameters, list) else [state.parameters]
    for row in rows:
        if isinstance(row, dict) and "name" in row:
            row["sort_name"] = name_key(str(row["name"]))[:120]
            row["phone_key"] = phone_digits(str(row.get("phone") or ""))[:40]


class Person(SQLModel, table=True):
    """Someone who works at the desk. A solo desk has none (its one user is implicit); on a team
    desk each desk (computer) chooses who it is on first connect, and what that person does is
    recorded: the tickets assigned to them, the replies, notes, time and guides they wrote."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    #: one to three letters shown in a chip ("SW" for Sari Wulandari)
    initials: str = Field(default="", max_length=4)
    #: the chip's colour, "#1f7a8c"
    colour: str = Field(default="#1f7a8c", max_length=7)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TicketStatus(enum.StrEnum):
    OPEN = "open"
    WAITING_ON_CLIENT = "waiting_on_client"
    WAITING_ON_US = "waiting_on_us"
    RESOLVED = "resolved"
    CLOSED = "closed"


#: statuses in which the ticket still needs someone to act
ACTIVE_STATUSES = (TicketStatus.OPEN, TicketStatus.WAITING_ON_CLIENT, TicketStatus.WAITING_ON_US)


class Priority(enum.IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


class Ticket(Versioned, table=True):
    """A support request from one client, with its conversation and the time spent on it."""

    __tablename__ = "ticket"
    __table_args__ = (
        sa.Index("ix_ticket_status_due", "status", "due_date"),
        sa.CheckConstraint("priority BETWEEN 1 AND 4", name="priority_range"),
        sa.CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_range"
        ),
        # a number once given is never given again, even after the ticket is deleted (0024)
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = owner_link("client", index=True)
    title: str = Field(max_length=200)
    status: str = Field(default=TicketStatus.OPEN.value, max_length=20)
    priority: int = Field(default=Priority.NORMAL.value)
    due_date: date | None = Field(default=None)
    channel: str = Field(default=Channel.WHATSAPP.value, max_length=20)
    satisfaction: int | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    status_changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    first_response_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: who on a team desk takes care of it (None: nobody yet, and always on a solo desk)
    assignee_id: int | None = optional_link("person", index=True)


class MessageKind(enum.StrEnum):
    MESSAGE = "message"  # something said in the conversation
    MEDIA = "media"  # a photo, document or voice note (the caption is the body)
    SYSTEM = "system"  # "X joined", "Messages are end-to-end encrypted", …
    NOTE = "note"  # an internal note: never shown to the client


class Message(SQLModel, table=True):
    """One line of a client's conversation: typed in the desk or imported from a chat export.

    `fingerprint` identifies an imported message, so re-importing the same export adds nothing.
    """

    __tablename__ = "message"
    __table_args__ = (
        sa.Index("ix_message_client_sent", "client_id", "sent_at"),
        sa.Index("ix_message_ticket_sent", "ticket_id", "sent_at"),
        # An index, not a UNIQUE constraint: a big chat import drops it and builds it once after
        # its rows (SQLite cannot drop a constraint's index); the build still refuses a repeat.
        sa.Index("uq_message_fingerprint", "fingerprint", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = owner_link("client")
    ticket_id: int | None = optional_link("ticket")
    sent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    from_me: bool = Field(default=False)
    sender: str = Field(default="", max_length=200)
    kind: str = Field(default=MessageKind.MESSAGE.value, max_length=10)
    body: str = Field(default="")
    media_file: str | None = Field(default=None, max_length=500)
    flags: str = Field(default="", max_length=100)
    source: str = Field(default="typed", max_length=40)
    #: 16 bytes (`chat_import.identity`), NULL for a message typed in the desk
    fingerprint: bytes | None = Field(default=None, sa_type=sa.LargeBinary(16))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    #: the person who typed it at the desk (`authorship`); None when imported or solo
    author_id: int | None = optional_link("person")


class TimeEntry(Versioned, table=True):
    """Time spent on a ticket: a running timer (no `ended_at` yet) or a finished/manual entry.
    Versioned: an entry can be corrected (day, minutes, note, billable) on two desks at once."""

    __tablename__ = "time_entry"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = owner_link("ticket", index=True)
    started_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, index=True, sa_type=UTCDateTime)
    seconds: int = Field(default=0)
    billable: bool = Field(default=True)
    note: str = Field(default="", max_length=500)
    author_id: int | None = optional_link("person")


class StatusChange(SQLModel, table=True):
    """A ticket's status set to another one, by whom and when (the ticket itself keeps only
    the latest status): the timeline of a team desk says who resolved or reopened it."""

    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = owner_link("ticket", index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    old_status: str = Field(default="", max_length=20)
    new_status: str = Field(max_length=20)
    person_id: int | None = optional_link("person")


class TicketDraft(SQLModel, table=True):
    """A reply being written on a ticket and not added yet: it stays with its ticket (across
    restarts and backups) until it is added or erased, and goes when the ticket is deleted."""

    __tablename__ = "ticket_draft"

    ticket_id: int | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("ticket.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    body: str = Field(default="")
    #: who the line is from, as the reply box was set: the client, me, or an internal note
    from_me: bool = Field(default=True)
    kind: str = Field(default=MessageKind.MESSAGE.value, max_length=10)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class GuideLevel(enum.StrEnum):
    NORMAL = "normal"
    VERY_GENTLE = "very_gentle"  # for clients with tech comfort 1–2: smaller steps, no jargon


class Guide(Versioned, table=True):
    """A plain-language, step-by-step how-to, written once in Markdown and sent many times."""

    __tablename__ = "guide"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    body: str = Field(default="")
    language: str = Field(default="id", max_length=5)
    tags: str = Field(default="", max_length=500)
    level: str = Field(default=GuideLevel.NORMAL.value, max_length=20)
    gentle_variant_of_id: int | None = optional_link("guide", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class GuideImage(SQLModel, table=True):
    """A picture inside a guide, stored in the database so backups carry it."""

    __tablename__ = "guide_image"
    __table_args__ = (sa.UniqueConstraint("guide_id", "name", name="uq_guide_image_name"),)

    id: int | None = Field(default=None, primary_key=True)
    guide_id: int = owner_link("guide", index=True)
    name: str = Field(max_length=200)
    mime_type: str = Field(default="image/png", max_length=50)
    data: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


class GuideSend(SQLModel, table=True):
    """Which client got which guide, when, and for which ticket."""

    __tablename__ = "guide_send"
    __table_args__ = (sa.Index("ix_guide_send_client_guide", "client_id", "guide_id"),)

    id: int | None = Field(default=None, primary_key=True)
    guide_id: int = owner_link("guide", index=True)
    client_id: int = owner_link("client")
    ticket_id: int | None = optional_link("ticket", index=True)
    sent_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)
    text: str = Field(default="")
    author_id: int | None = optional_link("person")


class OrderStatus(enum.StrEnum):
    QUOTED = "quoted"
    WON = "won"
    PAID = "paid"
    LOST = "lost"
    CANCELLED = "cancelled"


class Order(Versioned, table=True):
    """Work a client ordered (or was quoted for): "company profile website", "hosting 2025".

    `amount` is a whole number in the currency's units (rupiah has no cents). The table is called
    ``client_order`` because ORDER is an SQL keyword.
    """

    __tablename__ = "client_order"
    __table_args__ = (
        sa.CheckConstraint("amount >= 0", name="amount_not_negative"),
        # covers the referral analytics: a cascade's orders without reading the table
        sa.Index(
            "ix_client_order_client_status",
            "client_id",
            "status",
            "currency",
            "amount",
            "won_on",
            "paid_on",
            "quoted_on",
        ),
        {"sqlite_autoincrement": True},  # as Ticket's
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = owner_link("client")
    title: str = Field(max_length=200)
    amount: int = Field(default=0)
    currency: str = Field(default="IDR", max_length=3)
    status: str = Field(default=OrderStatus.QUOTED.value, max_length=20)
    quoted_on: date | None = Field(default=None)
    won_on: date | None = Field(default=None)
    paid_on: date | None = Field(default=None)
    #: the ticket or message that started it
    ticket_id: int | None = optional_link("ticket", index=True)
    message_id: int | None = optional_link("message", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Credential(Versioned, table=True):
    """A login the agency keeps for a client's site: cPanel, WordPress admin, domain registrar.

    Only the description lives here. The secret itself is in the operating system's keyring under
    `secret_ref` (a random, stable id); it is never written to this database.
    """

    __tablename__ = "credential"
    __table_args__ = (sa.UniqueConstraint("client_id", "label", name="uq_credential_client_label"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = owner_link("client", index=True)
    label: str = Field(max_length=120)
    url: str = Field(default="", max_length=500)
    username: str = Field(default="", max_length=254)
    notes: str = Field(default="")
    #: the keyring entry's user name under the service "agencydesk"; unique and never reused
    secret_ref: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AgencySetting(Versioned, table=True):
    """The agency's own profile (name, contact, logo) and other desk-wide settings that the
    command line needs too, one row per key. `data` holds binary values such as the logo."""

    __tablename__ = "agency_setting"

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(default="")
    data: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Presence(SQLModel, table=True):
    """Which desk of a team has which ticket or client open, and whether a reply is being typed
    there. One row per desk, written by its heartbeat (`core.presence`); `seen_at` is the
    SERVER's clock, so desks whose clocks differ still agree on who is there."""

    __tablename__ = "presence"

    desk_id: str = Field(primary_key=True, max_length=36)
    person_id: int = owner_link("person")
    #: "ticket" or "client" ("" when nothing is open)
    subject: str = Field(default="", max_length=10)
    subject_id: int | None = Field(default=None)
    typing: bool = Field(default=False)
    seen_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)


class NumberSequence(SQLModel, table=True):
    """A counter that only goes up, one row per kind of number (`core.sequences`): the receipt
    numbers come from here, so a number is never given twice, even after a receipt or its order
    is deleted or when two desks of a team issue at once."""

    __tablename__ = "number_sequence"

    name: str = Field(primary_key=True, max_length=40)
    last_number: int = Field(default=0)


class Receipt(SQLModel, table=True):
    """A receipt (*kuitansi*) given for a paid order. It says what it said when it was issued:
    the client's name, what was paid for, the amount and the day are kept here, so printing it
    again gives the same paper even if the order or the client changed since. One per order;
    the order or client may be deleted later (the link is emptied, the receipt stays)."""

    __tablename__ = "receipt"

    id: int | None = Field(default=None, primary_key=True)
    #: from the "receipt" `NumberSequence`: never repeats
    number: int = Field(unique=True)
    order_id: int | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("client_order.id", ondelete="SET NULL"),
            nullable=True,
            unique=True,
        ),
    )
    client_id: int | None = optional_link("client", index=True)
    client_name: str = Field(max_length=120)
    title: str = Field(max_length=200)
    amount: int
    currency: str = Field(max_length=3)
    paid_on: date
    issued_on: date
    #: who issued it (a team desk's person, filled in by `core.authorship`)
    author_id: int | None = optional_link("person")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SavedReply(Versioned, table=True):
    """A short reply typed again and again ("the transfer details", "thanks, we'll check"):
    inserted into the reply box by typing / and its name. Each has its words in Indonesian and
    in English; the client's language chooses. Placeholders as in guides ({call_name}, …)."""

    __tablename__ = "saved_reply"

    id: int | None = Field(default=None, primary_key=True)
    #: what is typed after "/": lower case letters, digits and dashes ("transfer", "jam-kerja")
    name: str = Field(max_length=40, unique=True)
    text_id: str = Field(default="")
    text_en: str = Field(default="")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SavedReplySend(SQLModel, table=True):
    """A saved reply that went out inside a reply to a client (recorded like a guide send).
    The name is kept as it was, so the client's history still says "/transfer" after the saved
    reply is renamed or deleted."""

    __tablename__ = "saved_reply_send"

    id: int | None = Field(default=None, primary_key=True)
    saved_reply_id: int | None = optional_link("saved_reply", index=True)
    name: str = Field(max_length=40)
    client_id: int = owner_link("client", index=True)
    ticket_id: int | None = optional_link("ticket", index=True)
    sent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    author_id: int | None = optional_link("person")


class FollowUp(Versioned, table=True):
    """ "Remind me Thursday": a client, or one of their tickets or orders, to come back to at
    `due_at`, with the note why. Until then the ticket (or the client) stays off Today; when the
    time comes it is on top of Today, note and all, until it is done or put off again."""

    __tablename__ = "follow_up"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = owner_link("client", index=True)
    ticket_id: int | None = optional_link("ticket", index=True)
    order_id: int | None = optional_link("client_order", index=True)
    due_at: datetime = Field(index=True, sa_type=UTCDateTime)
    note: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    #: when it was marked done (None: still to do)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    author_id: int | None = optional_link("person")


class TrashItem(SQLModel, table=True):
    """A deleted ticket or order, kept to be restored (core.trash): the rows as they were, as
    JSON. Clients and guides need none: they are deleted softly (`deleted_at`)."""

    __tablename__ = "trash_item"
    __table_args__ = (sa.UniqueConstraint("kind", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    row_id: int
    title: str = Field(default="", max_length=200)
    #: whose it was: a client deleted for good takes their trashed tickets and orders along
    client_id: int | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("client.id", ondelete="CASCADE"), nullable=True, index=True
        ),
    )
    deleted_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)
    author_id: int | None = optional_link("person")
    payload: str = Field(default="")
