"""`report`, `receipt` and `time`: the client report and a receipt as PDFs (the commands that
load Qt, for its PDF writer), and a client's billable hours per month as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from agencydesk.cli.common import (
    CLIENT_HELP,
    command,
    counted,
    find_client,
    open_desk,
    user_error,
)


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
    # a report only reads: a desk on a read-only disk (a copy on a USB stick) gives one too
    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
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
        f"({period(start, end, 'en')}, {counted(pages, 'page')}) to {out}"
    )
    return 0


def _paid_order(session: Any, client_id: int, name: str, wanted: str | None) -> int:
    """The one paid order of the client that *wanted* names ("#12", or words of its title);
    with no *wanted*, their only paid order. None or several is a sentence that lists them."""
    from agencydesk.core import orders
    from agencydesk.core.money import format_money

    paid = orders.list_orders(session=session, client_id=client_id, status="paid")
    chosen = paid
    if wanted:
        number = wanted.removeprefix("#")
        if number.isdigit():
            chosen = [order for order in paid if order.id == int(number)]
        else:
            words = wanted.casefold().split()
            chosen = [order for order in paid if all(w in order.title.casefold() for w in words)]
    if len(chosen) == 1:
        return chosen[0].id
    matching = f' matching "{wanted}"' if wanted else ""
    if not chosen:
        raise user_error(
            f"{name} has no paid order{matching}: a receipt is for a paid order "
            "(mark it paid in the order first)."
        )
    listed = "\n".join(
        f"  #{order.id}  {order.title} ({format_money(order.amount, order.currency)}, "
        f"paid {order.paid_on})"
        for order in chosen
    )
    raise user_error(
        f"{name} has {len(chosen)} paid orders{matching}; say which with --order #ID:\n{listed}"
    )


def _check_pdf_path(out: Path) -> None:
    if out.suffix.lower() != ".pdf":
        raise user_error(f"The receipt is a PDF: give --out a name ending in .pdf ({out.name}).")
    if not out.parent.is_dir():
        raise user_error(f"The folder {out.parent} does not exist.")


def cmd_receipt(args: argparse.Namespace) -> int:
    """Issue (or print again) the receipt of a client's paid order, as a PDF."""
    from sqlmodel import Session

    from agencydesk.core import chat_import, clients, receipts
    from agencydesk.core.db import session_scope
    from agencydesk.core.errors import UserError
    from agencydesk.core.money import format_money
    from agencydesk.reports.receipt import build_receipt_content

    if args.out is not None:  # a wrong --out is said before a receipt is issued
        _check_pdf_path(args.out.expanduser().resolve())
    with open_desk(args) as (engine, _db_path):
        with Session(engine) as session:
            client_id = find_client(args.client, chat_import.client_choices(session=session))
            name = clients.get_client(session=session, client_id=client_id).name
            order_id = _paid_order(session, client_id, name, args.order)
        with session_scope(engine) as session:
            issued = receipts.issue_receipt(session=session, order_id=order_id)
        with Session(engine) as session:
            content = build_receipt_content(
                session=session, receipt_id=issued.id, language=args.lang
            )
    out = (args.out or Path(f"{content.file_stem}.pdf")).expanduser().resolve()
    _check_pdf_path(out)
    # Qt draws the PDF: imported here only, so that every other command starts without it
    from agencydesk.reports.pdf import ensure_gui_application
    from agencydesk.reports.receipt_pdf import render_receipt_pdf

    ensure_gui_application()
    try:
        render_receipt_pdf(content, out)
    except UserError as exc:  # issued (and numbered) all the same: say so, and how to print it
        raise user_error(
            f"Receipt {issued.label} is issued, but its PDF was not written: {exc} Print it "
            f"again with: agencydesk receipt {args.client!r} --order #{order_id} --out FILE.pdf"
        ) from None
    amount = format_money(issued.amount, issued.currency)
    print(f"Wrote receipt {issued.label} ({amount} from {issued.client_name}) to {out}")
    return 0


def cmd_time(args: argparse.Namespace) -> int:
    """A client's billable hours per month, as CSV (for an invoice or a spreadsheet)."""
    from sqlmodel import Session

    from agencydesk.core import chat_import, time_entries
    from agencydesk.core.errors import UserError
    from agencydesk.core.files import write_text_atomically

    start = _day(args.date_from, "--from") if args.date_from else None
    end = _day(args.date_to, "--to") if args.date_to else None
    if start is not None and end is not None and end < start:
        raise user_error(f"The months would end ({end}) before they start ({start}).")
    out = None
    if args.csv is not None:
        out = args.csv.expanduser().resolve()
        if not out.parent.is_dir():
            raise user_error(f"The folder {out.parent} does not exist.")
    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        client_id = find_client(args.client, chat_import.client_choices(session=session))
        text = time_entries.billable_months_csv(
            session=session, client_id=client_id, start=start, end=end
        )
    if out is None:
        print(text, end="")
        return 0
    try:
        write_text_atomically(out, text)
    except UserError as exc:
        raise user_error(str(exc)) from None
    months = text.count("\n") - 1
    print(f"Wrote {counted(months, 'month')} of time to {out}")
    return 0


def add_report_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`report`, `receipt` and `time`."""
    report = command(sub, cmd_report, "report", help="write a client's report as a PDF")
    report.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF")
    report.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-10-01"
    )
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
    report.add_argument(
        "--lang", choices=("id", "en"), help="the report's language (default: the client's)"
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default a4")
    report.add_argument(
        "--excerpts", action="store_true", help="quote the start of each conversation"
    )
    report.add_argument(
        "--no-referrals", action="store_true", help='leave out the "Your referrals" page'
    )

    receipt = command(
        sub, cmd_receipt, "receipt", help="a receipt (kuitansi) for a client's paid order, as a PDF"
    )
    receipt.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    receipt.add_argument(
        "--order", metavar="#ID|WORDS", help="which paid order (needed if they have several)"
    )
    receipt.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help='default: "Kuitansi 2026-0007 NAME.pdf" here'
    )
    receipt.add_argument(
        "--lang", choices=("id", "en"), help="the receipt's language (default: the client's)"
    )

    hours = command(sub, cmd_time, "time", help="a client's billable hours per month, as CSV")
    hours.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    hours.add_argument(
        "--csv", type=Path, metavar="FILE.csv", help="write it here (default: print)"
    )
    hours.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-01-01"
    )
    hours.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
