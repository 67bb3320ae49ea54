"""Headless commands: the same core services as the GUI, without a window.

Each command opens the database itself and prints plain sentences; a user mistake exits with
status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

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
