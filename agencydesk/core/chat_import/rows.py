"""The database rows of the new messages, built in one tight loop (it runs once per message).

Besides the rows it finds, on the way, the zip members holding the messages' media and each
ticket's first response: the first "me" message after a client message.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    "client_id",
    "ticket_id",
    "sent_at",
    "from_me",
    "sender",
    "kind",
    "body",
    "media_file",
    "flags",
    "source",
    "fingerprint",
    "created_at",
)


@dataclass
class MessageRows:
    rows: list[tuple[Any, ...]]
    #: zip members holding the media of the new messages, in order, without repeats
    media_members: tuple[str, ...]
    #: ticket id → when "me" first answered a client message in it (naive UTC)
    first_response: dict[int, datetime]


def media_path(client_id: int, member: str) -> str:
    """Where a media member of an import is kept, relative to the data folder."""
    return f"media/{client_id}/" + member.replace("\\", "/").rsplit("/", 1)[-1]


def build_rows(
    parsed: ParsedChat,
    plan: MessagePlan,
    placement: TicketPlacement,
    participants: Participants,
) -> MessageRows:
    messages = parsed.messages
    prints = plan.prints
    ticket_of = placement.ticket_of
    client_id = participants.client_id
    me_senders = participants.me_senders
    to_utc = UtcConverter()
    source = parsed.format[:40]
    now = db_text(utcnow().replace(tzinfo=None))
    media_members: list[str] = []
    rows: list[tuple[Any, ...]] = []
    first_response: dict[int, datetime] = {}
    waiting: dict[int, bool] = {}
    senders: dict[str | None, tuple[str, bool]] = {None: ("", False)}
    last_ts: datetime | None = None
    sent = datetime.min
    sent_text = ""
    for i in plan.new_index:
        m = messages[i]
        who = senders.get(m.sender)
        if who is None:
            who = senders[m.sender] = (clean_name(m.sender or "")[:200], m.sender in me_senders)
        sender_text, from_me = who
        if m.timestamp != last_ts:
            last_ts = m.timestamp
            sent = to_utc(last_ts)
            sent_text = sent.isoformat(" ", "microseconds")  # as db_text, inlined
        row_ticket = ticket_of.get(i)
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
    return MessageRows(rows, tuple(dict.fromkeys(media_members)), first_response)
