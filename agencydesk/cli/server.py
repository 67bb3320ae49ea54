"""`server init`, `server move` and `server export`: a desk shared on a PostgreSQL server."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from agencydesk.cli.common import counted, db_url, server_url, user_error, with_password

_ADDRESS = "postgresql+psycopg://USER@HOST:5432/DATABASE"


def add_server_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = sub.add_parser(
        "server", help="share the desk with a team on a PostgreSQL server (init, move, export)"
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="prepare an empty PostgreSQL database and make the role desks connect as",
        description="Run as the database's owner or the server's admin. The desks' role may "
        "read and write rows but not change the tables. Its password is asked hidden (or read "
        "from the first line of stdin); an empty one makes the role without a password.",
    )
    init.add_argument("url", metavar="URL", help=f"the database, as its owner: {_ADDRESS}")
    init.add_argument(
        "--role", default="agencydesk_desk", help="the desks' role (default agencydesk_desk)"
    )
    init.set_defaults(func=cmd_server_init)
    move = actions.add_parser(
        "move", help="copy a solo desk into an empty server database (all or nothing)"
    )
    move.add_argument("--to", required=True, metavar="URL", help=f"the database: {_ADDRESS}")
    move.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="the solo desk's file (default: yours)"
    )
    move.set_defaults(func=cmd_server_move)
    export = actions.add_parser(
        "export", help="write the team desk to a SQLite file the solo app opens (the backup)"
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.sqlite3")
    export.add_argument("--db", metavar="URL", help=f"the team desk: {_ADDRESS}")
    export.set_defaults(func=cmd_server_export)


def _ask_role_password(role: str) -> str:
    """Hidden, twice, at a terminal; else the first line of stdin ("" when there is none)."""
    if sys.stdin is None:
        return ""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    while True:
        first = getpass.getpass(f"Password for the desks' role {role} (Enter for none): ")
        if not first or getpass.getpass("The same password again: ") == first:
            return first
        print("The two passwords differ; type them again.", file=sys.stderr)


def cmd_server_init(args: argparse.Namespace) -> int:
    from agencydesk.core.server_init import check_role_name, prepare_server

    url = server_url(args.url)
    role = check_role_name(args.role)
    password = _ask_role_password(role)
    done = with_password(
        url, lambda: prepare_server(url, role=role, role_password=password or None)
    )
    where = done.desk_address.display()
    schema = "prepared" if done.found_revision is None else "brought up to date"
    made = "made" if done.role_created else "already there, now allowed in"
    print(f"The database {where} is {schema} for agencydesk.")
    print(f"The desks' role {role} is {made}: it may read and write rows, not change tables.")
    print("Desks connect with (the password is asked once and kept in each one's keyring):")
    print(f"  agencydesk --db {done.desk_address.url()}")
    if done.desk_address.host in ("localhost", "127.0.0.1", "::1"):
        print("  (from the other computers: the server's name or address instead of this one)")
    print("or File ▸ Connect to a team server… with the same server, database and user.")
    return 0


def _progress(table: str, rows: int) -> None:
    print(f"  {table}: {counted(rows, 'row')}", file=sys.stderr)


def cmd_server_move(args: argparse.Namespace) -> int:
    from agencydesk.core.server_move import move_to_server

    url = server_url(args.to)
    _url, db_path = db_url(getattr(args, "db", None))
    if not db_path.exists():
        raise user_error(f"There is no solo desk at {db_path} to move.")
    moved = with_password(url, lambda: move_to_server(db_path, url, _progress))
    print(
        f"Moved {moved.total} rows of {db_path} to {url} in {moved.seconds:.1f} s; every table "
        "was counted and compared. The solo desk is unchanged."
    )
    print(f"Open the team desk with: agencydesk --db {url}")
    return 0


def cmd_server_export(args: argparse.Namespace) -> int:
    from agencydesk.core.server_export import export_snapshot

    if not args.db:
        raise user_error(f"Name the team desk to export: --db {_ADDRESS}")
    url = server_url(args.db)
    out = args.out.expanduser().resolve()
    exported = with_password(url, lambda: export_snapshot(url, out, _progress))
    print(
        f"Wrote {exported.total} rows to {out} in {exported.seconds:.1f} s; the solo app opens "
        f"it as it is: agencydesk --db {out}"
    )
    return 0
