"""Headless commands: the same core services as the GUI, without a window.

Each command opens the database itself and prints plain sentences; a user mistake exits with
status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from agencydesk import paths


def _db_url(db: Path | None) -> tuple[str, Path]:
    from agencydesk.core.db import sqlite_url

    db_path = (db or paths.default_db_path()).expanduser().resolve()
    return sqlite_url(db_path), db_path


def cmd_demo(args: argparse.Namespace) -> int:
    from agencydesk.core import demo, migrate
    from agencydesk.core.db import session_scope

    url, db_path = _db_url(args.db)
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

    url, db_path = _db_url(args.db)
    if not db_path.exists():
        raise _user_error(f"There is no database at {db_path} to back up.")
    migrate.open_database(url).dispose()
    target = backup.make_backup(db_path, reason="manual")
    print(f"Backed up {db_path.name} to {target}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import migrate, search

    url, db_path = _db_url(args.db)
    if not db_path.exists():
        raise _user_error(f"There is no database at {db_path}.")
    engine = migrate.open_database(url)
    try:
        with Session(engine) as session:
            results = search.search(session=session, text=args.text, limit=args.limit)
    finally:
        engine.dispose()
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
            try:
                # \u2028, \u2029 and \x85 escaped: readers that split lines on them stay right
                unsafe = str.maketrans(
                    {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
                )
                for message in parsed.messages:
                    line = json.dumps(message.to_json_dict(), ensure_ascii=False)
                    out.write(line.translate(unsafe) + "\n")
                out.flush()
            except BrokenPipeError:  # `| head`: the reader has seen enough
                import os

                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        from agencydesk.core.chat_summary import summarize, summary_lines

        print("\n".join(summary_lines(summarize(parsed))))
        return 0
    if not args.client:
        raise _user_error("Say which client the chat belongs to with --client NAME.")
    return _import_parsed(args, parsed)


def _import_parsed(args: argparse.Namespace, parsed: Any) -> int:
    from agencydesk.core import chat_import, migrate
    from agencydesk.core.db import session_scope

    url, db_path = _db_url(args.db)
    if not db_path.exists():
        raise _user_error(f"There is no database at {db_path}.")
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
    engine = migrate.open_database(url)
    try:
        with session_scope(engine) as session:
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
            result = chat_import.import_chat(
                session=session,
                parsed=parsed,
                client_id=client_id,
                mapping=mapping,
                target=target,
                me_names=me_names,
            )
        if result.media_members and str(args.file).lower().endswith(".zip"):
            copied = chat_import.copy_media(
                args.file, result.media_members, db_path.parent, result.client_id
            )
            with session_scope(engine) as session:
                chat_import.relink_media(session=session, client_id=result.client_id, copied=copied)
    finally:
        engine.dispose()
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


def _user_error(text: str) -> Exception:
    from agencydesk.core.errors import UserError

    return UserError(text)


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_help = "the database file (default: the one in your data folder)"

    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    demo.add_argument("--db", type=Path, help=db_help)
    demo.set_defaults(func=cmd_demo)

    found = sub.add_parser("search", help="search clients, tickets, messages and guides")
    found.add_argument("text", help="the words to look for (each word may be the start of one)")
    found.add_argument("--limit", type=int, default=10, help="hits per kind (default 10)")
    found.add_argument("--db", type=Path, help=db_help)
    found.set_defaults(func=cmd_search)

    backup = sub.add_parser("backup", help="make a backup of the database now")
    backup.add_argument("--db", type=Path, help=db_help)
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
    chat.add_argument("--db", type=Path, help=db_help)
    chat.set_defaults(func=cmd_import_chat)


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand. A user mistake is one line on stderr and exit status 2; a bug
    is logged with its traceback and reported in one line with the log's location (status 1)."""
    from agencydesk.core.errors import UserError
    from agencydesk.log import setup_logging

    log_path = setup_logging()
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"agencydesk: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        logging.getLogger("agencydesk.cli").exception("Unexpected error in %s", args.command)
        print(
            f"agencydesk: unexpected error ({type(exc).__name__}); nothing was half-saved. "
            f"Details are in {log_path}",
            file=sys.stderr,
        )
        return 1
