"""One timed chat import, shared by chat_parse.py, chat_import.py and import_pg.py: the same
plan (untimed) and the same import with its commit (timed), so their figures compare."""

from __future__ import annotations

import gc
import time
from typing import Any

ME = "Rizky"  # the generator's "me" (chat_parse_generator)


def add_client(engine: Any, name: str = "Bu Sari") -> int:
    """A new client in the desk behind *engine*; its id."""
    from agencydesk.core import clients
    from agencydesk.core.db import session_scope

    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name})
        assert client.id is not None
        return client.id


def timed_import(engine: Any, parsed: Any, client_id: int) -> tuple[float, int]:
    """Seconds for `import_chat` of *parsed* into *client_id*, commit included, and how many
    messages it added. The plan (who is who) is made first and not timed, as the wizard does."""
    from agencydesk.core import chat_import
    from agencydesk.core.db import session_scope

    with session_scope(engine) as session:
        plan = chat_import.plan_import(
            parsed=parsed,
            choices=chat_import.client_choices(session=session),
            client_id=client_id,
            me_names=[ME],
        )
    gc.collect()
    started = time.perf_counter()
    with session_scope(engine) as session:  # the commit is part of the import
        result = chat_import.import_chat(
            session=session,
            parsed=parsed,
            client_id=client_id,
            mapping=plan.mapping,
            target=chat_import.SplitAtGaps(8),
            me_names=[ME],
        )
    return time.perf_counter() - started, result.new
