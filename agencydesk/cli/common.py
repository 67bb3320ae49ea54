"""What every command needs: the database --db names (opened and closed), the client a name
phone number or number (#12) means, a yes/no question, and a user mistake as an exception."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from agencydesk import paths


def db_url(db: Path | None) -> tuple[str, Path]:
    from agencydesk.core.db import sqlite_url

    db_path = (db or paths.default_db_path()).expanduser().resolve()
    return sqlite_url(db_path), db_path


@contextmanager
def open_desk(
    args: argparse.Namespace, *, read_only_ok: bool = False
) -> Iterator[tuple[Any, Path]]:
    """(engine, database path) of the database --db names, which must exist; disposed after.

    With *read_only_ok* (a command that only reads) a database that cannot be written is read
    without writing, and the command says so."""
    from agencydesk.core import migrate
    from agencydesk.core.errors import why_not_writable

    url, db_path = db_url(getattr(args, "db", None))
    if not db_path.exists():
        raise user_error(f"There is no database at {db_path}.")
    engine = migrate.open_database(url, read_only_ok=read_only_ok)
    why = why_not_writable(db_path) if read_only_ok else None
    if why is not None:
        print(f"agencydesk: {db_path} is read-only ({why}): reading it only.", file=sys.stderr)
    try:
        yield engine, db_path
    finally:
        engine.dispose()


def find_client(name: str, choices: Any) -> int:
    """The client *name* means: "#12" or "12" (its number), its name or part of it, or its
    phone number. Several matching is a user error listing them with their numbers."""
    from agencydesk.core.chat_import import clean_name, phone_digits

    wanted = clean_name(name).casefold()
    number = re.fullmatch(r"#\s*(\d+)|(\d{1,5})", wanted)
    if number is not None:
        client_id = int(number.group(1) or number.group(2))
        if any(c.id == client_id for c in choices):
            return client_id
        if number.group(1) is not None:
            raise user_error(f"There is no client #{client_id} (it may have been deleted).")
    exact = [c for c in choices if clean_name(c.name).casefold() == wanted]
    if not exact and phone_digits(name):
        exact = [c for c in choices if c.phone and phone_digits(c.phone) == phone_digits(name)]
    if not exact:
        exact = [c for c in choices if wanted and wanted in clean_name(c.name).casefold()]
    if len(exact) == 1:
        return int(exact[0].id)
    if not exact:
        raise user_error(f"There is no client called “{name}”.")
    names = ", ".join(f"{c.name} (#{c.id})" for c in exact[:5])
    raise user_error(
        f"“{name}” could be several clients: {names}. Use a longer name, or the number: "
        f"“#{exact[0].id}”."
    )


@contextmanager
def open_client_desk(args: argparse.Namespace) -> Iterator[tuple[Any, int, str]]:
    """(engine, client id, client name) of the client --client names, for a `creds` command."""
    from sqlmodel import Session

    from agencydesk.core import chat_import

    with open_desk(args) as (engine, _db_path):
        with Session(engine) as session:
            choices = chat_import.client_choices(session=session)
        client_id = find_client(args.client, choices)
        yield engine, client_id, next(c.name for c in choices if c.id == client_id)


def confirmed(args: argparse.Namespace, question: str, without_asking: str) -> bool:
    """True with --yes or a typed yes; without --yes and no terminal to ask on, a user error."""
    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise user_error(without_asking)
    return input(question).strip().lower() in ("y", "yes", "ya")


def user_error(text: str) -> Exception:
    from agencydesk.core.errors import UserError

    return UserError(text)
