"""The database rows of the new messages, built in one tight loop (it runs once per message).

Besides the rows it finds, on the way, the zip members holding the messages' media and each
ticket's first response: the first "me" message after a client message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from agencydesk.core.importers import ParsedChat
from agencydesk.core.models import utcnow

from .identity import clean_name
from .matching import Participants
from .planning import MessagePlan
from .targets import TicketPlacement
from .times import UtcConverter, db_text

#: the columns of a row, in order
COLUMNS = (
    "ticket_id",
    "sent_at",
    "from_me",
    "sender",
    "kind",
    "body",
    "media_file",
    "flags",
    "fingerprint",
)
#: the columns with one value for every row of an import (`MessageRows.constants`): SQLite
#: gets them once in the INSERT statement instead of bound again with each row (a tenth of the
#: time of each insert), PostgreSQL's COPY with each row
CONSTANT_COLUMNS = ("client_id", "source", "created_at")
#: every column an import writes: the rows' then the constants'
ALL_COLUMNS = COLUMNS + CONSTANT_COLUMNS


def media_path(client_id: int, member: str) -> str:
    """Where a media member of an import is kept, relative to the data folder."""
    return f"media/{client_id}/" + member.replace("\\", "/").rsplit("/", 1)[-1]


class MessageRows:
    """The rows of the new messages, made a chunk at a time as they are written: a million rows
    held at once took ~250 MB. The zip members of their media and each ticket's first response
    are complete once every chunk has been taken."""

    def __init__(
        self,
        parsed: ParsedChat,
        plan: MessagePlan,
        placement: TicketPlacement,
        participants: Participants,
    ) -> None:
        self._parsed = parsed
        self._plan = plan
        self._placement = placement
        self._participants = participants
        self._media_members: list[str] = []
        #: ticket id → when "me" first answered a client message in it (naive UTC)
        self.first_response: dict[int, datetime] = {}
        # carried from one chunk to the next
        self._to_utc = UtcConverter()
        self._now = utcnow().replace(tzinfo=None)
        self._waiting: dict[int, bool] = {}  # ticket id → a client message awaits an answer
        self._senders: dict[str | None, tuple[str, bool]] = {None: ("", False)}
        self._last: tuple[datetime | None, datetime, Any] = (None, datetime.min, "")

    def constants(self, *, native: bool = False) -> tuple[int, str, Any]:
        """The values of `CONSTANT_COLUMNS`, the time as `chunks` gives its times."""
        now = self._now if native else db_text(self._now)
        return self._participants.client_id, self._parsed.format[:40], now

    def __len__(self) -> int:
        return len(self._plan.new_index)

    @property
    def media_members(self) -> tuple[str, ...]:
        """Zip members holding the media of the new messages, in order, without repeats."""
        return tuple(dict.fromkeys(self._media_members))

    def work_ahead(self) -> bool:
        """Make a block of the fingerprints the next rows take (while the connection is
        busy): whether there was one to make."""
        return self._plan.prints.make_ahead()

    def chunks(self, size: int, *, native: bool = False) -> Iterator[list[tuple[Any, ...]]]:
        """The rows (`COLUMNS`; `constants` has the other columns), *size* at a time, in export
        order. Their times are text as SQLAlchemy keeps them on SQLite (`db_text`) and
        ``from_me`` is 1 or 0, or with *native* naive UTC datetimes and a bool (PostgreSQL's
        binary COPY sends them as they are)."""
        new_index = self._plan.new_index
        for start in range(0, len(new_index), size):
            yield self._rows(new_index[start : start + size], native)

    def _rows(self, positions: Sequence[int], native: bool) -> list[tuple[Any, ...]]:
        # One tight loop a message: everything per chat or per sender is looked up once.
        parsed = self._parsed
        messages = parsed.messages
        prints = self._plan.prints
        ticket_of = self._placement.ticket_of
        client_id = self._participants.client_id
        me_senders = self._participants.me_senders
        to_utc = self._to_utc
        # SQLite binds a bool as 1 or 0 too, but by a slower path (5% of an import)
        flag_values: tuple[Any, Any] = (False, True) if native else (0, 1)
        media_members = self._media_members
        first_response = self.first_response
        waiting = self._waiting
        senders = self._senders
        last_ts, sent, sent_value = self._last
        rows: list[tuple[Any, ...]] = []
        append = rows.append
        for i, fingerprint in zip(positions, prints.take(positions), strict=True):
            m = messages[i]
            who = senders.get(m.sender)
            if who is None:
                who = senders[m.sender] = (clean_name(m.sender or "")[:200], m.sender in me_senders)
            sender_text, from_me = who
            if m.timestamp != last_ts:
                last_ts = m.timestamp
                sent = to_utc(last_ts)
                # as db_text, inlined: this runs for nearly every message
                sent_value = sent if native else sent.isoformat(" ", "microseconds")
            row_ticket = ticket_of[i]
            media_file = m.media_file
            if media_file:
                member = parsed.media_member_for(media_file)
                if member is not None:
                    media_members.append(member)
                    media_file = media_path(client_id, member)
                media_file = media_file[:500]
            if row_ticket is not None and m.kind != "system":
                if not from_me:
                    waiting[row_ticket] = True
                elif waiting.get(row_ticket) and row_ticket not in first_response:
                    first_response[row_ticket] = sent
            append(
                (
                    row_ticket,
                    sent_value,
                    flag_values[from_me],
                    sender_text,
                    m.kind,
                    m.text,
                    media_file,
                    ",".join(sorted(m.flags))[:100] if m.flags else "",
                    fingerprint,
                )
            )
        self._last = (last_ts, sent, sent_value)
        return rows
