"""`agencydesk trash`: what was deleted, listed, brought back, deleted for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from agencydesk.__main__ import main
from agencydesk.core import clients, tickets, trash
from agencydesk.core.db import session_scope


def test_list_restore_and_empty_and_mistakes_are_one_sentence(
    demo_engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(demo_engine) as session:
        [ticket, *_] = tickets.list_tickets(session=session)
        trash.trash_ticket(session=session, ticket_id=ticket.id)
        clients.delete_client(session=session, client_id=ticket.client_id)
    demo_engine.dispose()
    db = ["--db", str(db_path)]
    assert main(["trash", "list", *db]) == 0
    keys = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert sorted(keys) == sorted([f"ticket#{ticket.id}", f"client#{ticket.client_id}"])

    # the ticket waits for its client
    assert main(["trash", "restore", f"ticket#{ticket.id}", *db]) == 2
    assert "restore the client first" in capsys.readouterr().err
    assert main(["trash", "restore", f"client#{ticket.client_id}", *db]) == 0
    assert main(["trash", "restore", f"ticket#{ticket.id}", *db]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Ticket #{ticket.id} is back."
    assert main(["trash", "list", *db]) == 0
    assert capsys.readouterr().out == "The trash is empty.\n"

    assert main(["trash", "restore", "tiket 3", *db]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert "names nothing in the trash" in said
    assert main(["trash", "empty", *db]) == 2  # no terminal to ask on, and no --yes
    assert "add --yes" in capsys.readouterr().err
    assert main(["trash", "empty", "--yes", *db]) == 0
    assert capsys.readouterr().out == "Deleted 0 things for good.\n"
