"""Import a parsed chat export into a client's history: tickets, timeline and search index.

The parsers (`agencydesk.core.importers`) turn a file into `ChatMessage` objects; this module
decides who is who (`plan_import`), and writes the messages (`import_chat`) in the caller's
transaction: the function only flushes, so a failure or a Cancel leaves the database exactly as
it was. Every imported message carries a `fingerprint` that depends only on the chat's identity
and the message itself (never on the file name or the position in the file), so importing the
same export again, or a later export of the same chat that overlaps, adds only what is new.

All messages of one import belong to one client's history (the *main* client). The participant
mapping says who is "me" (the freelancer: `from_me`), who is an existing client and who should
become a new client (created in the same transaction).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import clients as clients_service
from agencydesk.core.errors import UserError
from agencydesk.core.importers import ChatMessage, ParsedChat, extract_media
from agencydesk.core.models import Client, Message, Ticket, TicketStatus, utcnow
from agencydesk.core.search_schema import CURRENT as SEARCH_SCHEMA
from agencydesk.core.utc import as_utc

CHUNK = 5_000
#: above this many new messages the FTS triggers are dropped and the index is filled in one go
BULK_FTS_THRESHOLD = 20_000
#: FTS5's default "automerge" (https://sqlite.org/fts5.html#the_automerge_configuration_option)
FTS_AUTOMERGE = 4
TITLE_MAX = 80
ME: Literal["me"] = "me"

Progress = Callable[[int, int], bool]


class ImportCancelled(UserError):  # noqa: N818 (the name the brief and callers use)
    """The user pressed Cancel; the caller's transaction rolls back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


@dataclass(frozen=True)
class NewClient:
    """Map a participant to a client created by the import."""

    name: str
    phone: str = ""


#: what a participant is: "me", an existing client's id, or a client to create
Assignment = Literal["me"] | int | NewClient


# -- targets -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AttachToTicket:
    ticket_id: int


@dataclass(frozen=True)
class NewTicket:
    title: str


@dataclass(frozen=True)
class SplitAtGaps:
    hours: float


@dataclass(frozen=True)
class TimelineOnly:
    pass


Target = AttachToTicket | NewTicket | SplitAtGaps | TimelineOnly


@dataclass(frozen=True)
class ImportResult:
    new: int
    known: int
    tickets_created: int
    warnings: tuple[str, ...] = ()
    client_id: int = 0
    #: tickets that received messages (created or attached), oldest first
    ticket_ids: tuple[int, ...] = ()
    #: zip members holding the media of the new messages (to copy with `copy_media`)
    media_members: tuple[str, ...] = ()
    created_client_ids: tuple[int, ...] = ()


# -- identity ----------------------------------------------------------------------------------
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean_name(name: str) -> str:
    """A sender name without bidi marks and with single spaces (how exports differ)."""
    return " ".join(unicodedata.normalize("NFC", name.translate(_INVISIBLE)).split())


def phone_digits(text: str) -> str:
    """The national digits of a phone number: '+62 812‑3456' and '0812-3456' give '8123456'.

    Returns "" for text that is not a phone number (fewer than 6 digits, or letters)."""
    text = clean_name(text)
    if re.search(r"[^\d\s+()\-.\u2011\u2010\u2012\u2013]", text):
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 6:
        return ""
    if text.lstrip().startswith("+"):
        if digits.startswith("62"):
            digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    elif digits.startswith("62") and len(digits) > 10:
        digits = digits[2:]
    return digits


def chat_key_for(client_id: int) -> str:
    """The identity of a chat imported into a client's history."""
    return f"client:{client_id}"


def fingerprint(chat_key: str, message: ChatMessage, occurrence: int = 0) -> str:
    """A stable 32-hex-digit identity of *message* in the chat *chat_key*.

    It depends on the wall-clock time as exported, the sender, the kind and the text, plus
    *occurrence*: the index of this message among identical (time, sender, text) messages of
    the export ("ok", "ok" in the same minute are two messages). The file name, the message's
    position in the file and the export date play no part.
    """
    parts = (
        chat_key,
        message.timestamp.replace(microsecond=0).isoformat(),
        clean_name(message.sender or ""),
        message.kind,
        message.text,
        str(occurrence),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def fingerprints(chat_key: str, messages: Sequence[ChatMessage]) -> list[str]:
    """`fingerprint` of every message, with the occurrence index counted for you."""
    out = _fingerprints(chat_key, messages, per_timestamp=True)
    if len(set(out)) != len(out):  # out-of-order timestamps: count across the whole export
        out = _fingerprints(chat_key, messages, per_timestamp=False)
    return out


def _fingerprints(
    chat_key: str, messages: Sequence[ChatMessage], *, per_timestamp: bool
) -> list[str]:
    seen: dict[tuple[datetime, str | None, str, str], int] = {}
    senders: dict[str | None, str] = {None: ""}
    sha = hashlib.sha256
    out: list[str] = []
    append = out.append
    prefix = chat_key + "\x1f"
    last_ts: datetime | None = None
    second = datetime.min
    ts_text = ""
    for m in messages:
        timestamp = m.timestamp
        if timestamp != last_ts:
            last_ts = timestamp
            whole = timestamp.replace(microsecond=0) if timestamp.microsecond else timestamp
            if per_timestamp and whole != second:
                seen.clear()  # identical messages share a timestamp: count within it
            second = whole
            ts_text = whole.isoformat()
        key = (second, m.sender, m.kind, m.text)
        n = seen.get(key, 0)
        seen[key] = n + 1
        sender = senders.get(m.sender)
        if sender is None:
            sender = senders[m.sender] = clean_name(m.sender or "")
        raw = f"{prefix}{ts_text}\x1f{sender}\x1f{m.kind}\x1f{m.text}\x1f{n}"
        append(sha(raw.encode()).hexdigest()[:32])
    return out


# -- planning ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClientChoice:
    id: int
    name: str
    phone: str


@dataclass
class ImportPlan:
    """Who is who in a chat, as suggested; the GUI lets the user change `mapping`."""

    participants: list[str]
    counts: dict[str, int]
    mapping: dict[str, Assignment]
    #: participants whose mapping was matched (by phone or name), not guessed
    matched: set[str] = field(default_factory=set)
    main_client_id: int | None = None
    warnings: list[str] = field(default_factory=list)


def client_choices(*, session: Session) -> list[ClientChoice]:
    """Every (not deleted) client, by name: the choices of the participant mapping."""
    statement = (
        sa.select(col(Client.id), col(Client.name), col(Client.phone))
        .where(col(Client.deleted_at).is_(None))
        .order_by(sa.func.lower(col(Client.name)), col(Client.id))
    )
    return [ClientChoice(int(i), n, p or "") for i, n, p in session.execute(statement).all()]


def suggest_client(participant: str, choices: Sequence[ClientChoice]) -> int | None:
    """The client a participant is, by phone digits or by name (case-insensitive), or None."""
    digits = phone_digits(participant)
    if digits:
        for choice in choices:
            if choice.phone and phone_digits(choice.phone) == digits:
                return choice.id
        return None
    wanted = clean_name(participant).casefold()
    hits = [c.id for c in choices if clean_name(c.name).casefold() == wanted]
    return hits[0] if len(hits) == 1 else None


def _new_client_for(participant: str) -> NewClient:
    name = clean_name(participant)[:120] or "?"
    return NewClient(name=name, phone=name if phone_digits(name) else "")


def plan_import(
    *,
    parsed: ParsedChat,
    choices: Sequence[ClientChoice],
    client_id: int | None = None,
    me_names: Iterable[str] = (),
) -> ImportPlan:
    """Suggest a mapping: clients matched by phone or name; "me" for the busiest sender that is
    not a client and matches one of *me_names*; *client_id* (if given) for everyone else (they
    speak in that client's chat), otherwise a new client each."""
    counts = Counter(m.sender for m in parsed.messages if m.sender is not None)
    participants = list(parsed.participants)
    mapping: dict[str, Assignment] = {}
    matched: set[str] = set()
    me_wanted = {clean_name(n).casefold() for n in me_names if n.strip()}
    for p in participants:
        found = suggest_client(p, choices)
        if found is not None:
            mapping[p] = found
            matched.add(p)
    not_clients = sorted(
        (p for p in participants if p not in mapping), key=lambda p: (-counts[p], p)
    )
    for p in not_clients:
        if clean_name(p).casefold() in me_wanted:
            mapping[p] = ME
            matched.add(p)
            break
    for p in participants:
        mapping.setdefault(p, client_id if client_id is not None else _new_client_for(p))
    plan = ImportPlan(participants, dict(counts), mapping, matched, client_id)
    if plan.main_client_id is None:
        plan.main_client_id = _main_client(plan.mapping, counts)
    return plan


def _main_client(mapping: Mapping[str, Assignment], counts: Mapping[str, int]) -> int | None:
    busiest = sorted(
        (p for p, a in mapping.items() if isinstance(a, int) and not isinstance(a, bool)),
        key=lambda p: -counts.get(p, 0),
    )
    value = mapping[busiest[0]] if busiest else None
    return value if isinstance(value, int) else None


# -- importing ---------------------------------------------------------------------------------
class _UtcConverter:
    """Naive local wall-clock → naive UTC. The offset is looked up once per local hour; chat
    messages come in time order, so nearly every call is one range check and a subtraction."""

    def __init__(self) -> None:
        self._cache: dict[datetime, timedelta] = {}
        self._start = datetime.max
        self._end = datetime.min
        self._offset = timedelta(0)

    def __call__(self, local: datetime) -> datetime:
        if self._start <= local < self._end:
            return local - self._offset
        start = local.replace(minute=0, second=0, microsecond=0)
        offset = self._cache.get(start)
        if offset is None:
            offset = self._cache[start] = start.astimezone().utcoffset() or timedelta(0)
        self._start, self._end, self._offset = start, start + _HOUR, offset
        return local - offset


_HOUR = timedelta(hours=1)


def _db_text(value: datetime) -> str:
    """How SQLAlchemy stores a DateTime on SQLite (so comparisons keep working)."""
    return value.isoformat(" ", "microseconds")


def _title_from(messages: Sequence[ChatMessage], fallback_at: datetime) -> str:
    for m in messages:
        if m.kind != "system":
            text = " ".join(m.text.split())
            if text:
                return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"
    return f"Chat of {fallback_at:%Y-%m-%d}"


def _segments(messages: Sequence[ChatMessage], hours: float) -> list[range]:
    if not messages:
        return []
    gap = timedelta(hours=hours)
    bounds = [0]
    previous = messages[0].timestamp
    for i in range(1, len(messages)):
        ts = messages[i].timestamp
        if ts - previous >= gap:
            bounds.append(i)
        previous = ts
    bounds.append(len(messages))
    return [range(a, b) for a, b in itertools.pairwise(bounds)]


def _resolve_mapping(
    session: Session, parsed: ParsedChat, mapping: Mapping[str, Assignment]
) -> tuple[dict[str, int | None], list[int]]:
    """participant → client id (None for "me"); new clients are created here."""
    resolved: dict[str, int | None] = {}
    created: list[int] = []
    made: dict[NewClient, int] = {}
    for p in parsed.participants:
        a = mapping.get(p)
        if a is None:
            raise UserError(f"Please say who “{p}” is before importing.")
        if a == ME:
            resolved[p] = None
        elif isinstance(a, NewClient):
            if a not in made:
                values: dict[str, Any] = {"name": a.name}
                if a.phone:
                    values["phone"] = a.phone
                client = clients_service.create_client(session=session, values=values)
                assert client.id is not None
                made[a] = client.id
                created.append(client.id)
            resolved[p] = made[a]
        elif isinstance(a, int):
            clients_service.get_client(session=session, client_id=a)
            resolved[p] = a
        else:
            raise TypeError(f"not a participant assignment: {a!r}")
    return resolved, created


def _known(session: Session, prints: Sequence[str]) -> dict[str, int | None]:
    """fingerprint → ticket id of the messages already in the database."""
    out: dict[str, int | None] = {}
    conn = session.connection()
    for start in range(0, len(prints), CHUNK):
        chunk = prints[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT fingerprint, ticket_id FROM message WHERE fingerprint IN ({marks})",
            tuple(chunk),
        ).all()
        out.update((f, t) for f, t in rows)
    return out


def _has_imported(session: Session, client_id: int) -> bool:
    row = session.connection().exec_driver_sql(
        "SELECT 1 FROM message WHERE client_id = ? AND fingerprint IS NOT NULL LIMIT 1",
        (client_id,),
    )
    return row.first() is not None


def _fts_state(session: Session) -> tuple[bool, bool]:
    """(the message FTS table exists, its insert trigger exists)."""
    rows = session.connection().exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE name IN "
        "('message_fts', 'message_fts_after_insert')"
    )
    names = {name for _type, name in rows}
    return "message_fts" in names, "message_fts_after_insert" in names


def _drop_secondary_indexes(conn: sa.Connection, table: str) -> list[str]:
    """Drop *table*'s explicitly created indexes; returns the statements that re-create them.
    (Indexes of UNIQUE constraints and the primary key stay: they check the rows.)"""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name",
        (table,),
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


def _new_ticket(
    session: Session,
    client_id: int,
    title: str,
    created: datetime,
    last: datetime,
    resolved: bool,
) -> int:
    ticket = Ticket(
        client_id=client_id,
        title=" ".join(title.split())[:200] or "Chat",
        created_at=created,
        updated_at=max(last, created),
        status_changed_at=last if resolved else created,
        status=TicketStatus.RESOLVED.value if resolved else TicketStatus.OPEN.value,
        resolved_at=last if resolved else None,
    )
    session.add(ticket)
    session.flush()
    assert ticket.id is not None
    return ticket.id


def import_chat(
    *,
    session: Session,
    parsed: ParsedChat,
    client_id: int | None,
    mapping: Mapping[str, Assignment],
    target: Target,
    me_names: Iterable[str] = (),
    progress: Progress | None = None,
) -> ImportResult:
    """Write the new messages of *parsed* into the history of *client_id* (or, when None, of the
    busiest client in *mapping*). Only flushes: the caller's transaction commits, and any error
    (or `ImportCancelled`, raised when *progress* returns False) leaves nothing written.

    Senders mapped to "me", or named in *me_names*, are the freelancer (`from_me`). Tickets
    made by the import start at their first message, and their first response time is the
    first "me" message after a client message. When splitting at gaps, every part but the last
    is a resolved ticket; a part that continues an earlier import joins that earlier ticket.
    """
    messages = parsed.messages
    total = 2 * len(messages) + 1
    done = 0

    def tick(step: int) -> None:
        nonlocal done
        done = min(done + step, total)
        if progress is not None and not progress(done, total):
            raise ImportCancelled()

    tick(0)
    resolved, created_clients = _resolve_mapping(session, parsed, mapping)
    if client_id is None:
        main = _main_client(
            {p: c for p, c in resolved.items() if c is not None},
            Counter(m.sender for m in messages if m.sender is not None),
        )
        if main is None:
            raise UserError("Please choose the client this chat belongs to.")
        client_id = main
    else:
        clients_service.get_client(session=session, client_id=client_id)
    if isinstance(target, AttachToTicket):
        ticket = session.get(Ticket, target.ticket_id)
        if ticket is None or ticket.client_id != client_id:
            raise UserError("That ticket does not exist (any more) or belongs to another client.")
    me = {clean_name(n).casefold() for n in me_names if n.strip()}
    me_senders = {p for p, c in resolved.items() if c is None}
    me_senders |= {p for p in parsed.participants if clean_name(p).casefold() in me}

    chat_key = chat_key_for(client_id)
    prints = fingerprints(chat_key, messages)
    known: dict[str, int | None] = {}
    if not _has_imported(session, client_id):  # fingerprints include the client: none can match
        tick(len(prints))
        prints_to_check: Sequence[str] = ()
    else:
        prints_to_check = prints
    for start in range(0, len(prints_to_check), CHUNK):
        known.update(_known(session, prints[start : start + CHUNK]))
        tick(min(CHUNK, len(prints) - start))
    new_index = [i for i, f in enumerate(prints) if f not in known]

    # -- which ticket each new message goes to
    ticket_of: dict[int, int | None] = {}
    tickets_created: list[int] = []
    touched: list[int] = []
    if new_index and not isinstance(target, TimelineOnly):
        if isinstance(target, AttachToTicket):
            ticket_of = dict.fromkeys(new_index, target.ticket_id)
            touched.append(target.ticket_id)
        elif isinstance(target, NewTicket):
            first = messages[new_index[0]].timestamp
            last = messages[new_index[-1]].timestamp
            to_utc = _UtcConverter()
            tid = _new_ticket(
                session,
                client_id,
                target.title,
                as_utc(to_utc(first)),
                as_utc(to_utc(last)),
                resolved=False,
            )
            tickets_created.append(tid)
            touched.append(tid)
            ticket_of = dict.fromkeys(new_index, tid)
        else:
            segments = _segments(messages, target.hours)
            to_utc = _UtcConverter()
            for n, seg in enumerate(segments):
                fresh = [i for i in seg if prints[i] not in known]
                if not fresh:
                    continue
                earlier = [known[prints[i]] for i in seg if prints[i] in known]
                existing = next((t for t in earlier if t is not None), None)
                if existing is not None:
                    tid = existing
                else:
                    part = [messages[i] for i in seg]
                    tid = _new_ticket(
                        session,
                        client_id,
                        _title_from(part, part[0].timestamp),
                        as_utc(to_utc(messages[seg[0]].timestamp)),
                        as_utc(to_utc(messages[seg[-1]].timestamp)),
                        resolved=n < len(segments) - 1,
                    )
                    tickets_created.append(tid)
                touched.append(tid)
                for i in fresh:
                    ticket_of[i] = tid

    # -- the rows
    to_utc = _UtcConverter()
    source = parsed.format[:40]
    now = _db_text(utcnow().replace(tzinfo=None))
    media_prefix = f"media/{client_id}/"
    media_members: list[str] = []
    rows: list[tuple[Any, ...]] = []
    first_response: dict[int, datetime] = {}
    waiting: dict[int, bool] = {}
    senders: dict[str | None, tuple[str, bool]] = {None: ("", False)}
    last_ts: datetime | None = None
    sent = datetime.min
    sent_text = ""
    for i in new_index:
        m = messages[i]
        who = senders.get(m.sender)
        if who is None:
            who = senders[m.sender] = (clean_name(m.sender or "")[:200], m.sender in me_senders)
        sender_text, from_me = who
        if m.timestamp != last_ts:
            last_ts = m.timestamp
            sent = to_utc(last_ts)
            sent_text = sent.isoformat(" ", "microseconds")  # as _db_text, inlined
        row_ticket = ticket_of.get(i)
        media_file = m.media_file
        if media_file:
            member = parsed.media_member_for(media_file)
            if member is not None:
                media_members.append(member)
                media_file = media_prefix + member.replace("\\", "/").rsplit("/", 1)[-1]
            media_file = media_file[:500]
        if row_ticket is not None and m.kind != "system":
            if not from_me:
                waiting[row_ticket] = True
            elif waiting.get(row_ticket) and row_ticket not in first_response:
                first_response[row_ticket] = sent
        rows.append(
            (
                client_id,
                row_ticket,
                sent_text,
                1 if from_me else 0,
                sender_text,
                m.kind,
                m.text,
                media_file,
                ",".join(sorted(m.flags))[:100] if m.flags else "",
                source,
                prints[i],
                now,
            )
        )

    # -- writing
    has_fts, has_triggers = _fts_state(session)
    bulk = len(rows) > BULK_FTS_THRESHOLD
    conn = session.connection()
    old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    if len(rows) > CHUNK:  # a bigger page cache keeps the fingerprint index in memory
        conn.exec_driver_sql(f"PRAGMA cache_size = {-64 * 1024}")
    last_id = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM message").scalar_one())
    rebuilt_indexes: list[str] = []
    if bulk:
        # Everything below is DDL inside the caller's transaction: a failure or Cancel rolls it
        # back with the rows. The search index is filled in one statement instead of a trigger
        # call per row; when the import at least doubles the table, the secondary indexes are
        # built once after the rows (a sort) instead of row by row.
        if has_fts and has_triggers:
            for sql in SEARCH_SCHEMA.drop_triggers("message"):
                conn.exec_driver_sql(sql)
        if len(rows) >= last_id:  # the largest id: about how many messages there are
            rebuilt_indexes = _drop_secondary_indexes(conn, "message")
    insert = (
        "INSERT INTO message (client_id, ticket_id, sent_at, from_me, sender, kind, body, "
        "media_file, flags, source, fingerprint, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    scale = len(messages) / max(len(rows), 1)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        conn.exec_driver_sql(insert, chunk)
        tick(int(len(chunk) * scale))
    del rows
    for sql in rebuilt_indexes:
        conn.exec_driver_sql(sql)
    if bulk and has_fts and has_triggers:
        # FTS5 merges its segments while it grows ("automerge"); during one big insert that
        # work is mostly redone, so it is paused and the usual setting restored afterwards.
        conn.exec_driver_sql("INSERT INTO message_fts(message_fts, rank) VALUES ('automerge', 0)")
        conn.exec_driver_sql(
            "INSERT INTO message_fts(rowid, body, sender) "
            "SELECT id, body, sender FROM message WHERE id > ?",
            (last_id,),
        )
        conn.exec_driver_sql(
            f"INSERT INTO message_fts(message_fts, rank) VALUES ('automerge', {FTS_AUTOMERGE})"
        )
        for sql in SEARCH_SCHEMA.create_triggers("message"):
            conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache)}")
    new_count = len(new_index)

    # -- the tickets' times
    for tid in dict.fromkeys(touched):
        ticket = session.get(Ticket, tid)
        if ticket is None:
            continue
        if ticket.first_response_at is None and tid in first_response:
            ticket.first_response_at = as_utc(first_response[tid])
        ticket.updated_at = utcnow() if tid not in tickets_created else ticket.updated_at
        session.add(ticket)
    session.flush()
    tick(total)
    return ImportResult(
        new=new_count,
        known=len(messages) - new_count,
        tickets_created=len(tickets_created),
        warnings=tuple(parsed.warnings),
        client_id=client_id,
        ticket_ids=tuple(dict.fromkeys(touched)),
        media_members=tuple(dict.fromkeys(media_members)),
        created_client_ids=tuple(created_clients),
    )


# -- media -------------------------------------------------------------------------------------
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
