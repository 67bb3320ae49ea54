"""Entry point: `agencydesk` opens the desk; `agencydesk COMMAND` runs a headless command.

Kept light on purpose: the GUI path imports Qt first and shows the window before the database
layer is imported; headless commands never import Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from agencydesk import __version__

if TYPE_CHECKING:  # the window's start does without the parser
    import argparse


def _window_db(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the last ``--db`` value or None) when *argv* holds nothing but ``--db FILE|URL``:
    no command, so the window opens without the argument parser (it and every command's
    module cost about 20 ms of each start). (False, None) for anything else."""
    rest, db = list(argv), None
    while rest:
        head = rest.pop(0)
        if head == "--db" and rest:
            db = rest.pop(0)
        elif head.startswith("--db="):
            db = head.removeprefix("--db=")
        else:
            return False, None
    return True, db


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; for *argv* that only open the window, without the commands."""
    import argparse

    from agencydesk.core.desk_location import desk_location

    parser = argparse.ArgumentParser(
        prog="agencydesk",
        description="A daily desk for supporting your clients. Without a command: the window.",
    )
    parser.add_argument("--version", action="version", version=f"agencydesk {__version__}")
    parser.add_argument(
        "--db",
        type=desk_location,
        metavar="FILE|URL",
        help="open this database file instead of the one in your data folder, or a team "
        "server: postgresql+psycopg://USER@HOST:PORT/DATABASE",
    )
    if argv is not None and _window_db(argv)[0]:
        parser.set_defaults(command=None)
    else:
        from agencydesk import cli

        cli.add_subcommands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    window, db = _window_db(given)
    if window:
        from agencydesk.core.desk_location import desk_location

        return _open_window(desk_location(db) if db is not None else None)
    args = build_parser(given).parse_args(given)
    if args.command is None:
        return _open_window(args.db)
    from agencydesk import cli

    # a whole process of its own (not main() called by other code): a command may end it early
    args.one_shot = argv is None
    return cli.run(args)


def _open_window(db: Path | str | None) -> int:
    """The window on the database file or team server *db* (None: the usual one)."""
    if isinstance(db, str):  # a team server: its password out of the address first
        from agencydesk.cli.common import server_url
        from agencydesk.core.errors import UserError

        try:
            url = server_url(db)
        except UserError as exc:
            print(f"agencydesk: {exc}", file=sys.stderr)
            return 2
        from agencydesk.qt.shell.app import run_gui

        return run_gui(server_url=url)
    from agencydesk.qt.shell.app import run_gui

    return run_gui(db_path=db)


if __name__ == "__main__":
    sys.exit(main())
