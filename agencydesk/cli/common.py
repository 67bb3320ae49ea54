"""What every command needs: the database --db names (opened and closed), the client a name
phone number or number (#12) means, a yes/no question, a count in words, and a user mistake as
an exception."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from agencydesk import paths
from agencydesk.core.desk_location import desk_location

DB_HELP = (
    "the database file (default: the one in your data folder), or a team server: "
    "postgresql+psycopg://USER@HOST:PORT/DATABASE"
)
CLIENT_HELP = "the client's name (or part of it), or #ID"


def command(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    func: Callable[[argparse.Namespace], int],
    name: str,
    **options: Any,
) -> argparse.ArgumentParser:
    """The subcommand *name* of *actions*, which runs *func*; *options* go to `add_parser`
    (help=…). Every command takes --db: the desk it works on."""
    parser = actions.add_parser(name, **options)
    parser.add_argument("--db", type=desk_location, default=argparse.SUPPRESS, help=DB_HELP)
    parser.set_defaults(func=func)
    return parser


def server_url(text: str) -> str:
    """The server address *text* without its password. A password written in it goes to the
    keyring (it would otherwise have to be written there every time, into the shell's history),
    with one line saying so; without a keyring it is used for this command only."""
    from agencydesk.core.server_address import AddressError, parse, store_password

    try:
        address, password = parse(text)
    except AddressError as exc:
        raise user_error(str(exc)) from None
    if password is not None:
        if store_password(address, password):
            print(
                f"agencydesk: the password of {address.user} on {address.host} is now kept in "
                "your keyring; leave it out of the address from now on (and out of your shell's "
                "history).",
                file=sys.stderr,
            )
        else:
            print(
                "agencydesk: there is no keyring on this computer, so the password is used for "
                "this command only; keep it in ~/.pgpass instead of the command line.",
                file=sys.stderr,
            )
    return address.url()


def server_folder(url: str) -> Path:
    """The folder on this computer that holds what a team desk keeps locally (imported media)."""
    from agencydesk.core.server_address import local_folder, parse

    return local_folder(parse(url)[0])


def db_url(db: Path | str | None) -> tuple[str, Path]:
    """(URL, local path): the database file, or a team server (then a path in its local folder:
    the folder is where its imported media go; there is no file)."""
    from agencydesk.core.db import sqlite_url

    if isinstance(db, str):
        url = server_url(db)
        return url, server_folder(url) / "desk"
    db_path = (db or paths.default_db_path()).expanduser().resolve()
    return sqlite_url(db_path), db_path


def open_database(url: str, *, read_only_ok: bool = False) -> Any:
    """migrate.open_database; on a team server that asks for a password nobody kept, it is
    asked for hidden (at a terminal) and kept in the keyring once the server took it."""
    from agencydesk.core import migrate
    from agencydesk.core.desk_location import is_server_url

    if not is_server_url(url):
        return migrate.open_database(url, read_only_ok=read_only_ok)
    return with_password(url, lambda: migrate.open_database(url))


def with_password(url: str, connect: Any) -> Any:
    """Run *connect*; if the server wants a password (or refused the kept one) and a person is
    at the terminal, ask for it once and run it again."""
    import getpass

    from agencydesk.core.pg_errors import wants_password
    from agencydesk.core.server_address import forget_password, parse, store_password

    try:
        return connect()
    except Exception as exc:
        if not wants_password(exc) or sys.stdin is None or not sys.stdin.isatty():
            raise
        address = parse(url)[0]
        forget_password(address)
        typed = getpass.getpass(f"Password of {address.user} on {address.host}: ")
        kept = store_password(address, typed)
    try:
        result = connect()
    except Exception as exc:
        if wants_password(exc):
            forget_password(address)
        raise
    if kept:
        print("agencydesk: the password is kept in your keyring.", file=sys.stderr)
    return result


@contextmanager
def open_desk(
    args: argparse.Namespace, *, read_only_ok: bool = False
) -> Iterator[tuple[Any, Path]]:
    """(engine, database path) of the database --db names, which must exist; disposed after.
    On a team server the path is in its local folder (see `db_url`).

    With *read_only_ok* (a command that only reads) a database that cannot be written is read
    without writing, and the command says so."""
    from agencydesk.core.errors import why_not_writable

    location = getattr(args, "db", None)
    url, db_path = db_url(location)
    if isinstance(location, str):
        engine = open_database(url)
        try:
            yield engine, db_path
        finally:
            engine.dispose()
        return
    if not db_path.exists():
        raise user_error(f"There is no database at {db_path}.")
    engine = open_database(url, read_only_ok=read_only_ok)
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
def open_client_desk(
    args: argparse.Namespace, *, read_only_ok: bool = False
) -> Iterator[tuple[Any, int, str]]:
    """(engine, client id, client name) of the client --client names, for a `creds` command
    (*read_only_ok*: one that only reads, as `open_desk`'s)."""
    from sqlmodel import Session

    from agencydesk.core import chat_import, credentials

    with open_desk(args, read_only_ok=read_only_ok) as (engine, _db_path):
        with Session(engine) as session:
            credentials.claim_entries(session=session)  # see there: a copy of a desk
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


def counted(number: int, thing: str, things: str | None = None) -> str:
    """*number* and *thing* in English: "1 ticket", "3 tickets" (*things* for an odd plural)."""
    return f"{number:,} {thing if number == 1 else things or thing + 's'}"


def user_error(text: str) -> Exception:
    from agencydesk.core.errors import UserError

    return UserError(text)


def shown_width(text: str) -> int:
    """The columns *text* takes in a terminal: an emoji or a wide letter two, an accent, a
    variation selector, a skin tone or what a zero-width joiner joins none ("WordPress 🔐" and
    "Café" pushed the columns after them out of line when counted as characters)."""
    width, joined = 0, False
    for char in text:
        if joined:  # the emoji after a joiner is drawn with the one before it
            joined = False
            continue
        if char == "\u200d":
            joined = True
            continue
        code = ord(char)
        if (
            unicodedata.category(char) in ("Mn", "Me", "Cf")
            or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF
        ):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
