"""Reply drafts stay with their ticket, in SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, drafts, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.drafts import Draft, KeptDraft


def _ticket(engine: Engine, client: str, title: str) -> int:
    with session_scope(engine) as session:
        client_row = clients.create_client(session=session, values={"name": client})
        assert client_row.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client_row.id, values={"title": title}
        )
        assert ticket.id is not None
        return ticket.id


def _draft(engine: Engine, ticket_id: int) -> Draft | None:
    with Session(engine) as session:
        return drafts.get_draft(session=session, ticket_id=ticket_id)


def test_a_draft_belongs_to_its_ticket_until_added_erased_or_deleted(any_engine: Engine) -> None:
    engine = any_engine
    sari = _ticket(engine, "Bu Sari", "Catalogue photos")
    ratna = _ticket(engine, "Bu Ratna", "Menu photo")
    with session_scope(engine) as session:
        drafts.save_draft(session=session, draft=Draft(sari, "Siap Bu, saya"))
    with session_scope(engine) as session:
        drafts.save_draft(session=session, draft=Draft(sari, "Siap Bu, saya pasang", False, "note"))
    assert _draft(engine, sari) == Draft(sari, "Siap Bu, saya pasang", False, "note")
    assert _draft(engine, ratna) is None
    with Session(engine) as session:
        assert drafts.kept_drafts(session=session) == [
            KeptDraft(sari, "Catalogue photos", "Bu Sari")
        ]
        assert drafts.kept_drafts(session=session, ticket_ids=[ratna]) == []
    with session_scope(engine) as session:
        drafts.save_draft(session=session, draft=Draft(sari, "  \n"))  # erased
        drafts.save_draft(session=session, draft=Draft(ratna, "Bu, fotonya"))
    assert _draft(engine, sari) is None
    with session_scope(engine) as session:
        tickets.delete_ticket(session=session, ticket_id=ratna)
    assert _draft(engine, ratna) is None
    with session_scope(engine) as session:  # a ticket deleted meanwhile keeps nothing
        drafts.save_draft(session=session, draft=Draft(ratna, "too late"))
    assert _draft(engine, ratna) is None
