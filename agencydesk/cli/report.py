"""`report`: the client report PDF (the one command that loads Qt, for its PDF writer)."""

from __future__ import annotations

import argparse
from typing import Any

from agencydesk.cli.common import find_client, open_desk, user_error


def _day(text: str, option: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise user_error(
            f"{option} {text} is not a date; write it as year-month-day, e.g. 2026-10-01."
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    """Write one client's report as a PDF (the only command that loads Qt, to draw it)."""
    from datetime import date

    from sqlmodel import Session

    from agencydesk.core import chat_import, clients
    from agencydesk.reports.content import ReportOptions, build_report_content, last_month
    from agencydesk.reports.text import period

    today = date.today()
    start, end = last_month(today)
    if args.date_from is not None:
        start = _day(args.date_from, "--from")
        end = today if args.date_to is None else end
    if args.date_to is not None:
        end = _day(args.date_to, "--to")
        start = start if args.date_from is not None else end.replace(day=1)
    if end < start:
        raise user_error(f"The report would end ({end}) before it starts ({start}).")
    out = args.out.expanduser().resolve()
    if out.suffix.lower() != ".pdf":
        raise user_error(f"The report is a PDF: give --out a name ending in .pdf ({out.name}).")
    if not out.parent.is_dir():
        raise user_error(f"The folder {out.parent} does not exist.")
    with open_desk(args) as (engine, _db_path), Session(engine) as session:
        client_id = find_client(args.client, chat_import.client_choices(session=session))
        # the client's own language (their form's "Language") unless --lang says otherwise
        language = args.lang or clients.get_client(session=session, client_id=client_id).language
        content = build_report_content(
            session=session,
            client_id=client_id,
            options=ReportOptions(
                start, end, language, excerpts=args.excerpts, referrals=not args.no_referrals
            ),
        )
    # Qt draws the PDF: imported here only, so that every other command starts without it
    from agencydesk.reports.pdf import ensure_gui_application, render_report_pdf

    ensure_gui_application()
    pages = render_report_pdf(content, out, paper=args.paper)
    print(
        f"Wrote the report for {content.client.name} "
        f"({period(start, end, 'en')}, {pages} {'page' if pages == 1 else 'pages'}) to {out}"
    )
    return 0
