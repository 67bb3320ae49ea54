"""Time you can correct: a ticket's time entries listed, each one's day, minutes, note and
"billable" changed or the entry deleted (and brought back by undo); a client's billable hours
per month as CSV, for an invoice.

The running timer and the totals are in `time_spent`; this module is about the entries one by
one. A running timer's entry is not edited (stop it first): its minutes are still growing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import versions
from agencydesk.core.edits import get_row, one_line
from agencydesk.core.errors import SaidError, ValidationError
from agencydesk.core.models import Ticket, TimeEntry
from agencydesk.core.time_spent import finished_entries
from agencydesk.core.utc import local_days_as_utc

MAX_MINUTES = 24 * 60
MAX_NOTE = 500
_MISSING = "gone_time_entry"  # a SaidError kind

#: English text for the error codes this module raises (the GUI translates the codes itself)
ERROR_TEXT: dict[str, str] = {
    "minutes_range": f"Give between 1 and {MAX_MINUTES} minutes.",
    "note_too_long": f"Keep the note under {MAX_NOTE} characters.",
}


@dataclass(frozen=True)
class TimeEntryRow:
    id: int
    ticket_id: int
    started_at: datetime
    seconds: int
    note: str
    billable: bool
    author_id: int | None
    version: int
    #: the running timer's entry: its time is still growing
    running: bool

    @property
    def minutes(self) -> int:
        return round(self.seconds / 60)


def _row(entry: TimeEntry) -> TimeEntryRow:
    assert entry.id is not None
    return TimeEntryRow(
        entry.id,
        entry.ticket_id,
        entry.started_at,
        entry.seconds,
        entry.note,
        entry.billable,
        entry.author_id,
        entry.version,
        entry.ended_at is None,
    )


def list_entries(*, session: Session, ticket_id: int) -> list[TimeEntryRow]:
    """The ticket's time entries, the latest first."""
    statement = (
        sa.select(TimeEntry)
        .where(col(TimeEntry.ticket_id) == ticket_id)
        .order_by(col(TimeEntry.started_at).desc(), col(TimeEntry.id).desc())
    )
    return [_row(entry) for entry in session.execute(statement).scalars()]


def check_values(minutes: int, note: str) -> str:
    """The note as stored; `ValidationError` for minutes out of range or a note too long."""
    errors: dict[str, str] = {}
    if not 0 < minutes <= MAX_MINUTES:
        errors["minutes"] = "minutes_range"
    note = one_line(note)
    if len(note) > MAX_NOTE:
        errors["note"] = "note_too_long"
    if errors:
        raise ValidationError(errors)
    return note


def moment_on(day: date, now: datetime) -> datetime:
    """When time added for *day* (local) is put: now for today, else midday of that day."""
    if day == now.astimezone().date():
        return now
    return datetime.combine(day, time(12, 0)).astimezone()


def update_entry(
    *,
    session: Session,
    entry_id: int,
    day: date,
    minutes: int,
    note: str,
    billable: bool,
    seen_version: int | None = None,
) -> TimeEntryRow:
    """Correct an entry: its local *day* (the time of day it started is kept), how many
    *minutes*, the *note*, whether it is *billable*. *seen_version* as in
    `clients.update_client`."""
    note = check_values(minutes, note)
    versions.require_present(session.get(TimeEntry, entry_id), what="time entry", row_id=entry_id)
    entry = get_row(session, TimeEntry, entry_id, _MISSING)
    if entry.ended_at is None:
        raise SaidError("stop_the_timer_first")
    local = entry.started_at.astimezone()
    started = datetime.combine(day, local.timetz()) if day != local.date() else entry.started_at
    mine = {
        "started_at": started,
        "seconds": minutes * 60,
        "note": note,
        "billable": billable,
    }
    versions.check_seen(entry, seen_version, mine, what="time entry", row_id=entry_id)
    entry.started_at = started
    entry.seconds = minutes * 60
    entry.ended_at = started + timedelta(minutes=minutes)
    entry.note = note
    entry.billable = billable
    session.flush()
    return _row(entry)


@dataclass(frozen=True)
class DeletedEntry:
    """What a deleted entry held, to bring it back as it was (undo)."""

    id: int
    ticket_id: int
    started_at: datetime
    ended_at: datetime
    seconds: int
    billable: bool
    note: str
    author_id: int | None


def delete_entry(*, session: Session, entry_id: int) -> DeletedEntry:
    entry = get_row(session, TimeEntry, entry_id, _MISSING)
    if entry.ended_at is None:
        raise SaidError("stop_the_timer_first")
    assert entry.id is not None
    deleted = DeletedEntry(
        entry.id,
        entry.ticket_id,
        entry.started_at,
        entry.ended_at,
        entry.seconds,
        entry.billable,
        entry.note,
        entry.author_id,
    )
    session.delete(entry)
    session.flush()
    return deleted


def restore_entry(*, session: Session, deleted: DeletedEntry) -> None:
    """Bring a deleted entry back, with its number, unless its ticket is gone meanwhile."""
    if session.get(Ticket, deleted.ticket_id) is None:
        raise SaidError("entry_ticket_gone")
    session.add(TimeEntry(**asdict(deleted)))
    session.flush()


def billable_months_csv(
    *,
    session: Session,
    client_id: int,
    start: date | None = None,
    end: date | None = None,
    decimal_comma: bool = False,
) -> str:
    """A client's time per month (local time) from *start* to *end* (both included, None: no
    limit) as CSV: month, billable hours, other hours, with two decimals; the oldest month
    first. The header is in English; the figures are plain numbers a spreadsheet reads.

    With *decimal_comma* the figures are written "1,50" and the fields are separated by ";":
    how a spreadsheet reads a CSV file on a computer whose numbers are written that way
    (Indonesian, most of Europe). There, "1.50" would be read as 150, or as text, and every
    line would land in one column."""
    since = None if start is None else local_days_as_utc(start, start)[0]
    until = None if end is None else local_days_as_utc(end, end)[1]
    months: dict[str, list[int]] = {}
    rows = finished_entries(session=session, client_id=client_id, since=since, until=until)
    for started_at, seconds, is_billable in rows:
        totals = months.setdefault(started_at.astimezone().strftime("%Y-%m"), [0, 0])
        totals[0 if is_billable else 1] += seconds
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if decimal_comma else ",", lineterminator="\n")
    writer.writerow(["month", "billable_hours", "other_hours"])

    def hours(seconds: int) -> str:
        figure = f"{seconds / 3600:.2f}"
        return figure.replace(".", ",") if decimal_comma else figure

    for month, (billable_seconds, other_seconds) in sorted(months.items()):
        writer.writerow([month, hours(billable_seconds), hours(other_seconds)])
    return out.getvalue()
