"""Headless commands: the same core services as the GUI, without a window.

Each command opens the database itself and prints plain sentences; a user mistake exits with
status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from agencydesk import paths


def _db_url(db: Path | None) -> tuple[str, Path]:
    from agencydesk.core.db import sqlite_url

    db_path = (db or paths.default_db_path()).expanduser().resolve()
    return sqlite_url(db_path), db_path


@contextmanager
def _open_desk(
    args: argparse.Namespace, *, read_only_ok: bool = False
) -> Iterator[tuple[Any, Path]]:
    """(engine, database path) of the database --db names, which must exist; disposed after.

    With *read_only_ok* (a command that only reads) a database that cannot be written is read
    without writing, and the command says so."""
    from agencydesk.core import migrate
    from agencydesk.core.errors import why_not_writable

    url, db_path = _db_url(getattr(args, "db", None))
    if not db_path.exists():
        raise _user_error(f"There is no database at {db_path}.")
    engine = migrate.open_database(url, read_only_ok=read_only_ok)
    why = why_not_writable(db_path) if read_only_ok else None
    if why is not None:
        print(f"agencydesk: {db_path} is read-only ({why}): reading it only.", file=sys.stderr)
    try:
        yield engine, db_path
    finally:
        engine.dispose()


def cmd_demo(args: argparse.Namespace) -> int:
    from agencydesk.core import demo, migrate
    from agencydesk.core.db import session_scope

    url, db_path = _db_url(getattr(args, "db", None))
    engine = migrate.open_database(url)
    try:
        with session_scope(engine) as session:
            ids = demo.load_demo(session=session)
    finally:
        engine.dispose()
    print(f"Added {len(ids)} demo clients to {db_path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from agencydesk.core import backup, migrate

    url, db_path = _db_url(getattr(args, "db", None))
    if not db_path.exists():
        raise _user_error(f"There is no database at {db_path} to back up.")
    migrate.open_database(url).dispose()
    target = backup.make_backup(db_path, reason="manual")
    print(f"Backed up {db_path.name} to {target}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import search

    with _open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        results = search.search(session=session, text=args.text, limit=args.limit)
    titles = {"client": "Clients", "ticket": "Tickets", "message": "Messages", "guide": "Guides"}
    for kind in search.KINDS:
        hits = results.hits.get(kind, [])
        if not hits:
            continue
        print(f"{titles[kind]} ({len(hits)})")
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            snippet = snippet.replace(search.HIT_START, "[").replace(search.HIT_END, "]")
            print(f"  #{hit.id}  {hit.title}  —  {snippet}")
    if results.count() == 0:
        print("Nothing found.")
    if not results.used_fts:
        print("(slower search: this database has no full-text index)")
    return 0


def cmd_import_chat(args: argparse.Namespace) -> int:
    """Parse a chat export; with --dry-run only show it, otherwise import it into a client."""
    from agencydesk.core.importers import ChatImportError, parse_chat_file

    try:
        parsed = parse_chat_file(args.file, date_order=args.date_order)
    except ChatImportError as exc:
        raise _user_error(str(exc)) from None
    if args.dry_run:
        if args.json:
            import json

            out = sys.stdout
            # \u2028, \u2029 and \x85 escaped: readers that split lines on them stay right
            unsafe = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
            for message in parsed.messages:
                line = json.dumps(message.to_json_dict(), ensure_ascii=False)
                out.write(line.translate(unsafe) + "\n")
            return 0
        from agencydesk.core.chat_summary import summarize, summary_lines

        print("\n".join(summary_lines(summarize(parsed))))
        return 0
    if not args.client:
        raise _user_error("Say which client the chat belongs to with --client NAME.")
    return _import_parsed(args, parsed)


def _import_parsed(args: argparse.Namespace, parsed: Any) -> int:
    from sqlmodel import Session

    from agencydesk.core import chat_import

    target: chat_import.Target
    if args.ticket is not None:
        target = chat_import.AttachToTicket(args.ticket)
    elif args.new_ticket is not None:
        target = chat_import.NewTicket(args.new_ticket)
    elif args.split_hours is not None:
        if args.split_hours <= 0:
            raise _user_error("--split-hours must be more than 0.")
        target = chat_import.SplitAtGaps(args.split_hours)
    else:
        target = chat_import.TimelineOnly()
    me_names = [args.me] if args.me else []
    with _open_desk(args) as (engine, db_path):
        with Session(engine) as session:
            choices = chat_import.client_choices(session=session)
        client_id = _find_client(args.client, choices)
        plan = chat_import.plan_import(
            parsed=parsed, choices=choices, client_id=client_id, me_names=me_names
        )
        if args.me and chat_import.ME not in plan.mapping.values():
            raise _user_error(f"Nobody called “{args.me}” wrote in this chat.")
        # one client's chat: everyone who is not "me" speaks for that client here
        mapping: dict[str, chat_import.Assignment] = {
            p: (a if a == chat_import.ME else client_id) for p, a in plan.mapping.items()
        }
        result = chat_import.import_chat_with_media(
            engine,
            parsed=parsed,
            export_path=args.file,
            data_dir=db_path.parent,
            client_id=client_id,
            mapping=mapping,
            target=target,
            me_names=me_names,
        )
    print(f"{result.new} new messages, {result.known} already known")
    if result.tickets_created:
        print(f"{result.tickets_created} tickets created")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


def _find_client(name: str, choices: Any) -> int:
    from agencydesk.core.chat_import import clean_name, phone_digits

    wanted = clean_name(name).casefold()
    exact = [c for c in choices if clean_name(c.name).casefold() == wanted]
    if not exact and phone_digits(name):
        exact = [c for c in choices if c.phone and phone_digits(c.phone) == phone_digits(name)]
    if not exact:
        exact = [c for c in choices if wanted and wanted in clean_name(c.name).casefold()]
    if len(exact) == 1:
        return int(exact[0].id)
    if not exact:
        raise _user_error(f"There is no client called “{name}”.")
    names = ", ".join(f"{c.name} (#{c.id})" for c in exact[:5])
    raise _user_error(f"“{name}” could be several clients: {names}. Use a longer name.")


@contextmanager
def _open_client_desk(args: argparse.Namespace) -> Iterator[tuple[Any, int, str]]:
    """(engine, client id, client name) of the client --client names, for a `creds` command."""
    from sqlmodel import Session

    from agencydesk.core import chat_import

    with _open_desk(args) as (engine, _db_path):
        with Session(engine) as session:
            choices = chat_import.client_choices(session=session)
        client_id = _find_client(args.client, choices)
        yield engine, client_id, next(c.name for c in choices if c.id == client_id)


def _find_login(engine: Any, client_id: int, label: str) -> Any:
    from sqlmodel import Session

    from agencydesk.core import credentials

    with Session(engine) as session:
        return credentials.find_credential(session=session, client_id=client_id, label=label)


def _confirmed(args: argparse.Namespace, question: str, without_asking: str) -> bool:
    """True with --yes or a typed yes; without --yes and no terminal to ask on, a user error."""
    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise _user_error(without_asking)
    return input(question).strip().lower() in ("y", "yes", "ya")


def _read_secret(label: str) -> str:
    """A hidden prompt (asked twice) on a terminal; else everything on stdin, minus one newline."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"Password for “{label}” (not shown): ")
        if first and getpass.getpass("Once more, to be sure: ") != first:
            raise _user_error("The two passwords differ; nothing was saved.")
        return first
    data = sys.stdin.read() if sys.stdin is not None else ""
    for ending in ("\r\n", "\n"):
        if data.endswith(ending):
            return data[: -len(ending)]
    return data


def cmd_creds_add(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import credentials
    from agencydesk.core.db import session_scope

    status = credentials.require_keyring()  # before asking for a password it cannot keep
    values = {"label": args.label, "url": args.url, "username": args.username, "notes": args.notes}
    with _open_client_desk(args) as (engine, client_id, name):
        with Session(engine) as session:  # mistakes show before the password is asked
            credentials.check_values(session=session, client_id=client_id, values=values)
        secret = _read_secret(args.label)
        with session_scope(engine) as session:
            row = credentials.add_credential(
                session=session, client_id=client_id, values=values, secret=secret
            )
    print(
        f"Saved the login “{row.label}” for {name}; "
        f"the password is in the keyring ({status.backend})."
    )
    return 0


def cmd_creds_list(args: argparse.Namespace) -> int:
    """The logins of a client, never their secrets (which stay in the keyring)."""
    from sqlmodel import Session

    from agencydesk.core import credentials

    with _open_client_desk(args) as (engine, client_id, name), Session(engine) as session:
        rows = credentials.list_credentials(session=session, client_id=client_id)
    if args.json:
        import json

        for row in rows:
            item = {
                "id": row.id,
                "client": name,
                "label": row.label,
                "username": row.username,
                "url": row.url,
                "notes": row.notes,
                "updated_at": row.updated_at.isoformat(),
            }
            print(json.dumps(item, ensure_ascii=False))
        return 0
    if not rows:
        print(f"{name} has no logins yet.")
        return 0
    print(f"Logins of {name} ({len(rows)}); passwords stay in the keyring:")
    width = max(len(row.label) for row in rows)
    for row in rows:
        parts = [row.label.ljust(width), row.username or "–", row.url]
        print("  " + "  ".join(part for part in parts if part).rstrip())
    return 0


def cmd_creds_show(args: argparse.Namespace) -> int:
    """Print only the secret (for scripts: `agencydesk creds show ... | xclip`)."""
    from sqlmodel import Session

    from agencydesk.core import credentials

    credentials.require_keyring()
    with _open_client_desk(args) as (engine, client_id, _name):
        row = _find_login(engine, client_id, args.label)
        with Session(engine) as session:
            secret = credentials.get_secret(session=session, credential_id=row.id)
    sys.stdout.write(secret + "\n")
    return 0


def cmd_creds_delete(args: argparse.Namespace) -> int:
    from agencydesk.core import credentials
    from agencydesk.core.db import session_scope

    credentials.require_keyring()
    with _open_client_desk(args) as (engine, client_id, name):
        row = _find_login(engine, client_id, args.label)
        if not _confirmed(
            args,
            f"Delete the login “{row.label}” of {name} and its password? [y/N] ",
            "Add --yes to delete a login without being asked.",
        ):
            print("Nothing deleted.")
            return 0
        with session_scope(engine) as session:
            credentials.delete_credential(session=session, credential_id=row.id)
    print(f"Deleted the login “{row.label}” of {name} and its password in the keyring.")
    return 0


def cmd_creds_prune(args: argparse.Namespace) -> int:
    """Remove keyring entries that no login of this desk (nor any of its backups) names."""
    from sqlmodel import Session

    from agencydesk.core import backup, credentials

    credentials.require_keyring()
    with _open_desk(args) as (engine, db_path), Session(engine) as session:
        backups = [info.path for info in backup.list_backups(db_path)]
        found = credentials.prune_orphans(session=session, backups=backups, dry_run=True)
        if found.removed and not _confirmed(
            args,
            f"Remove {found.removed} keyring entries that no login names any more? [y/N] ",
            f"{found.removed} keyring entries belong to no login any more. "
            "Add --yes to remove them without being asked.",
        ):
            print("Nothing removed.")
            return 0
        report = credentials.prune_orphans(session=session, backups=backups)
        session.commit()
    kept = (
        f" {report.kept_for_backups} more stay while a backup still names them."
        if report.kept_for_backups
        else ""
    )
    if report.removed:
        print(f"Removed {report.removed} keyring entries that no login names any more.{kept}")
    else:
        print(f"No keyring entry is left over: every one belongs to a login.{kept}")
    return 0


def _report_language() -> str:
    """The report's language when --lang is not given: Indonesian on an Indonesian system."""
    import locale

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    language = (locale.getlocale()[0] or "").lower()
    return "id" if language.startswith(("id", "in_", "indonesian")) else "en"


def _day(text: str, option: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _user_error(
            f"{option} {text} is not a date; write it as year-month-day, e.g. 2026-10-01."
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    """Write one client's report as a PDF (the only command that loads Qt, to draw it)."""
    from datetime import date

    from sqlmodel import Session

    from agencydesk.core import chat_import
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
        raise _user_error(f"The report would end ({end}) before it starts ({start}).")
    out = args.out.expanduser().resolve()
    if out.suffix.lower() != ".pdf":
        raise _user_error(f"The report is a PDF: give --out a name ending in .pdf ({out.name}).")
    if not out.parent.is_dir():
        raise _user_error(f"The folder {out.parent} does not exist.")
    language = args.lang or _report_language()
    with _open_desk(args) as (engine, _db_path), Session(engine) as session:
        client_id = _find_client(args.client, chat_import.client_choices(session=session))
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


def _user_error(text: str) -> Exception:
    from agencydesk.core.errors import UserError

    return UserError(text)


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_help = "the database file (default: the one in your data folder)"

    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    demo.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    demo.set_defaults(func=cmd_demo)

    found = sub.add_parser("search", help="search clients, tickets, messages and guides")
    found.add_argument("text", help="the words to look for (each word may be the start of one)")
    found.add_argument("--limit", type=int, default=10, help="hits per kind (default 10)")
    found.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    found.set_defaults(func=cmd_search)

    backup = sub.add_parser("backup", help="make a backup of the database now")
    backup.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    backup.set_defaults(func=cmd_backup)

    chat = sub.add_parser(
        "import-chat", help="import a chat export (WhatsApp, Telegram, LINE, …) into a client"
    )
    chat.add_argument("file", type=Path, help="the exported chat file (.txt, .zip, .json, .csv)")
    chat.add_argument("--dry-run", action="store_true", help="only show what the file holds")
    chat.add_argument("--json", action="store_true", help="with --dry-run: one JSON per message")
    chat.add_argument("--client", metavar="NAME", help="the client the chat belongs to")
    where = chat.add_mutually_exclusive_group()
    where.add_argument("--ticket", type=int, metavar="ID", help="add to this ticket")
    where.add_argument("--new-ticket", metavar="TITLE", help="add to a new ticket")
    where.add_argument(
        "--split-hours", type=float, metavar="N", help="a new ticket after every gap of N hours"
    )
    chat.add_argument("--me", metavar="NAME", help="your own name in the chat")
    chat.add_argument(
        "--date-order", choices=("DMY", "MDY", "YMD"), help="how the dates are written"
    )
    chat.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    chat.set_defaults(func=cmd_import_chat)

    report = sub.add_parser("report", help="write a client's report as a PDF")
    report.add_argument("client", metavar="CLIENT", help="the client's name (or part of it)")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF")
    report.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-10-01"
    )
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
    report.add_argument(
        "--lang", choices=("id", "en"), help="the report's language (default: the system's)"
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default a4")
    report.add_argument(
        "--excerpts", action="store_true", help="quote the start of each conversation"
    )
    report.add_argument(
        "--no-referrals", action="store_true", help='leave out the "Your referrals" page'
    )
    report.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    report.set_defaults(func=cmd_report)

    creds = sub.add_parser(
        "creds", help="client site logins (the passwords stay in your system's keyring)"
    )
    creds_sub = creds.add_subparsers(dest="creds_command", metavar="ACTION", required=True)
    client_help = "the client's name (or part of it, or their phone number)"
    add = creds_sub.add_parser(
        "add", help="add a login; the password is asked hidden, or read from stdin"
    )
    add.add_argument("client", metavar="CLIENT", help=client_help)
    add.add_argument("--label", required=True, help="e.g. cPanel, WordPress admin, domain")
    add.add_argument("--url", default="", help="where to log in")
    add.add_argument("--username", default="", help="the user name or email to log in with")
    add.add_argument("--notes", default="", help="anything else worth knowing (not secret)")
    add.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    add.set_defaults(func=cmd_creds_add)
    listing = creds_sub.add_parser("list", help="a client's logins, without passwords")
    listing.add_argument("client", metavar="CLIENT", help=client_help)
    listing.add_argument("--json", action="store_true", help="one JSON object per login")
    listing.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    listing.set_defaults(func=cmd_creds_list)
    show = creds_sub.add_parser("show", help="print only the password of one login")
    show.add_argument("client", metavar="CLIENT", help=client_help)
    show.add_argument("--label", required=True, help="the login's label (or part of it)")
    show.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    show.set_defaults(func=cmd_creds_show)
    delete = creds_sub.add_parser("delete", help="delete a login and its password")
    delete.add_argument("client", metavar="CLIENT", help=client_help)
    delete.add_argument("--label", required=True, help="the login's label (or part of it)")
    delete.add_argument("--yes", action="store_true", help="do not ask first")
    delete.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    delete.set_defaults(func=cmd_creds_delete)
    prune = creds_sub.add_parser(
        "prune",
        help="remove keyring entries no login names any more (after a restore, say)",
    )
    prune.add_argument("--yes", action="store_true", help="do not ask first")
    prune.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    prune.set_defaults(func=cmd_creds_prune)


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand. A user mistake is one line on stderr and exit status 2; a bug
    is logged with its traceback and reported in one line with the log's location (status 1)."""
    from agencydesk.core.errors import UserError, user_error_for
    from agencydesk.log import log_file, setup_logging

    setup_logging()  # without a log (it cannot be written) the command still runs
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
        return status
    except BrokenPipeError:  # `| head`: the reader has seen enough
        # what is still buffered goes nowhere (flushed at exit, it would fail again)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"agencydesk: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        explained = user_error_for(exc)
        if explained is not None:
            print(f"agencydesk: {explained}", file=sys.stderr)
            return 2
        logging.getLogger("agencydesk.cli").exception("Unexpected error in %s", args.command)
        log_path = log_file()
        details = f" Details are in {log_path}" if log_path is not None else ""
        name = type(exc).__name__
        print(
            f"agencydesk: unexpected error ({name}); nothing was half-saved.{details}",
            file=sys.stderr,
        )
        return 1
