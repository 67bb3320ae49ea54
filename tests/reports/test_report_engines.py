"""The demo desk on SQLite and the same demo desk on PostgreSQL (the team desk) give every client
the same report, timeline and referral figures, and the same Today: what a colleague on the
server prints for a client is what the solo desk prints."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import demo, migrate, timeline, today
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client
from agencydesk.reports.content import ReportOptions, build_report_content

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _everything(engine: Engine) -> dict[str, object]:
    seen: dict[str, object] = {}
    options = ReportOptions(start=date(2024, 1, 1), end=date(2026, 12, 31))
    with Session(engine) as session:
        for client in session.exec(select(Client).order_by(Client.name)).all():
            assert client.id is not None
            report = build_report_content(session=session, client_id=client.id, options=options)
            seen[client.name] = (
                dataclasses.replace(report, generated_at=NOW),  # when it was made, not what
                [  # each load stamps the demo's times from its own clock: the order counts
                    dataclasses.replace(event, at=NOW)
                    for event in timeline.client_timeline(
                        session=session, client_id=client.id, limit=500
                    )
                ],
            )
        summary = today.today_summary(session=session)
        seen["today"] = (
            [row.title for row in summary.overdue + summary.due_today],
            [row.client_name for row in summary.waiting_on_us],
            [row.ticket_title for row in summary.first_responses],
        )
    return seen


def test_the_demo_desk_reads_the_same_on_both_engines(
    demo_engine: Engine, pg_migrated_url: str
) -> None:
    server = migrate.open_database(pg_migrated_url)
    try:
        with session_scope(server) as session:
            demo.load_demo(session=session)
        on_sqlite, on_server = _everything(demo_engine), _everything(server)
    finally:
        server.dispose()
    assert len(on_sqlite) > 5
    for name, seen in on_sqlite.items():
        if name != "today":  # the report part by part: a difference says where
            for part, value in dataclasses.asdict(seen[0]).items():
                assert dataclasses.asdict(on_server[name][0])[part] == value, (name, part)  # type: ignore[index]
        assert on_server[name] == seen, name
