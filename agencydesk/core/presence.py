"""Presence on a team desk: which desk has which ticket or client open, and whether a reply is
being typed there ("Sari is writing a reply…").

Each desk keeps one row (`models.Presence`), written by its heartbeat about every ten seconds and
whenever what it shows changes. `seen_at` is the SERVER's clock (the desks' clocks may differ),
read in the same statement round as the write. A row not renewed within `EXPIRY` is a desk that
died or lost its connection: it is ignored at once and removed by the next heartbeat of any desk.
A solo desk never writes here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core.models import Person, Presence
from agencydesk.core.utc import as_utc

#: a desk silent for longer is gone. Desks beat every 10 s and read the others at each beat, so
#: a desk that dies right after a beat leaves the others' screens at most EXPIRY + 10 s later:
#: 20 s keeps that within the 30 s promised, and still forgives one late beat
EXPIRY = timedelta(seconds=20)
SUBJECTS = ("ticket", "client", "")


@dataclass(frozen=True)
class Present:
    """Another desk, who is at it, and what it has open (no ORM object: safe between threads)."""

    desk_id: str
    person_id: int
    name: str
    initials: str
    colour: str
    subject: str
    subject_id: int | None
    typing: bool

    @property
    def first_name(self) -> str:
        """ "Sari" for "Sari Wulandari": how a colleague is named in a line."""
        return self.name.split()[0] if self.name.split() else self.name


def server_now(session: Session) -> datetime:
    """The database server's clock, as aware UTC (SQLite: the clock of this computer)."""
    value = session.execute(sa.select(sa.func.now())).scalar_one()
    if isinstance(value, str):  # SQLite's CURRENT_TIMESTAMP, "YYYY-MM-DD HH:MM:SS" in UTC
        value = datetime.fromisoformat(value)
    return as_utc(value)


def beat(
    *,
    session: Session,
    desk_id: str,
    person_id: int,
    subject: str = "",
    subject_id: int | None = None,
    typing: bool = False,
    expiry: timedelta = EXPIRY,
) -> None:
    """This desk is here, showing *subject* *subject_id* (typing a reply or not); desks silent
    for longer than *expiry* are removed."""
    if subject not in SUBJECTS:
        raise ValueError(f"unknown presence subject {subject!r}")
    now = server_now(session)
    row = session.get(Presence, desk_id)
    if row is None:
        row = Presence(desk_id=desk_id, person_id=person_id)
    row.person_id = person_id
    row.subject = subject
    row.subject_id = subject_id if subject else None
    row.typing = typing and bool(subject)
    row.seen_at = now
    session.add(row)
    session.flush()
    session.execute(sa.delete(Presence).where(col(Presence.seen_at) < now - expiry))


def others(*, session: Session, desk_id: str, expiry: timedelta = EXPIRY) -> list[Present]:
    """Every other desk seen within *expiry*, by the person's name."""
    cutoff = server_now(session) - expiry
    statement = (
        sa.select(
            col(Presence.desk_id),
            col(Presence.person_id),
            col(Person.name),
            col(Person.initials),
            col(Person.colour),
            col(Presence.subject),
            col(Presence.subject_id),
            col(Presence.typing),
        )
        .join(Person, col(Person.id) == col(Presence.person_id))
        .where(col(Presence.desk_id) != desk_id, col(Presence.seen_at) >= cutoff)
        .order_by(sa.func.lower(Person.name), col(Presence.desk_id))
    )
    return [Present(*row) for row in session.execute(statement).all()]


def looking_at(present: list[Present], subject: str, subject_id: int | None) -> list[Present]:
    """Those of *present* who have *subject* *subject_id* open (one line per person)."""
    seen: dict[int, Present] = {}
    for other in present:
        if other.subject == subject and other.subject_id == subject_id and subject_id is not None:
            known = seen.get(other.person_id)
            if known is None or (other.typing and not known.typing):
                seen[other.person_id] = other
    return list(seen.values())


def leave(*, session: Session, desk_id: str) -> None:
    """The desk closes: it is gone at once, not only after the expiry."""
    session.execute(sa.delete(Presence).where(col(Presence.desk_id) == desk_id))
