"""Sending a guide: its text for one client, the gentle variant to suggest, and who got what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core.db import add_and_flush
from agencydesk.core.edits import check_belongs
from agencydesk.core.guides.library import get_guide, linked_guides
from agencydesk.core.guides.placeholders import fill_placeholders, placeholder_values_for_client
from agencydesk.core.guides.whatsapp import render_whatsapp
from agencydesk.core.models import (
    ACTIVE_STATUSES,
    Client,
    Guide,
    GuideLevel,
    GuideSend,
    Ticket,
    utcnow,
)
from agencydesk.core.row_columns import row_columns

#: clients at or below this tech comfort get the very gentle variant suggested
GENTLE_COMFORT_MAX = 2


@dataclass(frozen=True)
class SendToClient:
    """A guide a client received (for the client's history)."""

    id: int
    guide_id: int
    guide_title: str
    sent_at: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class SendOfGuide:
    """A client who received a guide (for "who received it")."""

    id: int
    client_id: int
    client_name: str
    sent_at: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class RenderedGuide:
    text: str
    missing_placeholders: list[str]
    guide_id: int
    language: str


def render_for_client(
    *,
    session: Session,
    guide_id: int,
    client_id: int,
    my_name: str = "",
    today: date | None = None,
) -> RenderedGuide:
    """The guide as WhatsApp text for one client, placeholders filled in."""
    guide = get_guide(session=session, guide_id=guide_id)
    values = placeholder_values_for_client(
        session=session, client_id=client_id, my_name=my_name, language=guide.language, today=today
    )
    filled = fill_placeholders(render_whatsapp(guide.body, language=guide.language), values)
    return RenderedGuide(
        text=filled.text,
        missing_placeholders=filled.missing,
        guide_id=guide_id,
        language=guide.language,
    )


def suggest_variant(*, session: Session, guide_id: int, client_id: int) -> int:
    """The very gentle version of the guide for clients with tech comfort 1–2, when there is one."""
    guide = get_guide(session=session, guide_id=guide_id)
    client = session.get(Client, client_id)
    if client is None or client.tech_comfort > GENTLE_COMFORT_MAX:
        return guide_id
    if guide.level == GuideLevel.VERY_GENTLE.value:
        return guide_id
    for other_id, _title, level in linked_guides(session=session, guide_id=guide_id):
        if level == GuideLevel.VERY_GENTLE.value:
            return other_id
    return guide_id


def record_send(
    *,
    session: Session,
    guide_id: int,
    client_id: int,
    ticket_id: int | None = None,
    text: str,
    sent_at: datetime | None = None,
) -> GuideSend:
    get_guide(session=session, guide_id=guide_id)
    check_belongs(session, client_id, ticket_id)
    send = GuideSend(
        guide_id=guide_id,
        client_id=client_id,
        ticket_id=ticket_id,
        text=text,
        sent_at=sent_at or utcnow(),
    )
    return add_and_flush(session, send)


def sends_for_client(*, session: Session, client_id: int) -> list[SendToClient]:
    """The guides a client received, newest first."""
    statement = (
        sa.select(*row_columns(SendToClient, GuideSend, guide_title=col(Guide.title)))
        .join(Guide, col(Guide.id) == col(GuideSend.guide_id))
        .where(col(GuideSend.client_id) == client_id)
        .order_by(col(GuideSend.sent_at).desc(), col(GuideSend.id).desc())
    )
    return [SendToClient(*row) for row in session.execute(statement)]


def sends_for_guide(*, session: Session, guide_id: int) -> list[SendOfGuide]:
    """Who received the guide, newest first (deleted clients left out)."""
    statement = (
        sa.select(*row_columns(SendOfGuide, GuideSend, client_name=col(Client.name)))
        .join(Client, col(Client.id) == col(GuideSend.client_id))
        .where(col(GuideSend.guide_id) == guide_id, col(Client.deleted_at).is_(None))
        .order_by(col(GuideSend.sent_at).desc(), col(GuideSend.id).desc())
    )
    return [SendOfGuide(*row) for row in session.execute(statement)]


def already_sent(*, session: Session, guide_id: int, client_id: int) -> datetime | None:
    """When the client last got this guide (UTC), or None."""
    return session.exec(
        select(func.max(GuideSend.sent_at)).where(
            GuideSend.guide_id == guide_id, GuideSend.client_id == client_id
        )
    ).one()


def ticket_choices(*, session: Session, client_id: int) -> list[tuple[int, str]]:
    """(id, title) of the client's tickets that are still open, newest first."""
    statement = (
        sa.select(col(Ticket.id), col(Ticket.title))
        .where(
            col(Ticket.client_id) == client_id,
            col(Ticket.status).in_([status.value for status in ACTIVE_STATUSES]),
        )
        .order_by(col(Ticket.created_at).desc(), col(Ticket.id).desc())
    )
    return [(int(row_id), str(title)) for row_id, title in session.execute(statement)]


def client_choices(*, session: Session) -> list[tuple[int, str, int]]:
    """(id, name, tech comfort) of live clients, by name."""
    statement = sa.select(col(Client.id), col(Client.name), col(Client.tech_comfort)).where(
        col(Client.deleted_at).is_(None)
    )
    rows = [(int(i), str(n), int(t)) for i, n, t in session.execute(statement)]
    rows.sort(key=lambda row: (row[1].casefold(), row[0]))
    return rows
