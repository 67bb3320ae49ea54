"""A client with one ticket holding one message: the row the search tests look for."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from agencydesk.core import clients, tickets
from agencydesk.core.db import session_scope


def client_with_message(engine: Engine, name: str, body: str, *, from_me: bool = True) -> None:
    """A new client *name* with a ticket "Tagihan" holding the message *body*."""
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values={"name": name}).id
        assert client_id is not None
        ticket_id = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Tagihan"}
        ).id
        assert ticket_id is not None
        tickets.add_message(session=session, ticket_id=ticket_id, body=body, from_me=from_me)
