"""Entry point: `agencydesk` opens the desk; `agencydesk COMMAND` runs a headless command.

Kept light on purpose: the GUI path imports Qt first and shows the window before the database
layer is imported; headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from agencydesk import __version__


def _opens_the_window(argv: Sequence[str]) -> bool:
    """*argv* holds nothing but ``--db FILE|URL``: no command, so the parser needs none of them
    (building every subcommand imports every command's module: about 10 ms of each start)."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--db" and rest:
            rest.pop(0)
        elif not head.startswith("--db="):
            return False
    return True


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; for *argv* that only open the window, without the commands."""
    from agencydesk.cli.common import desk_location

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
    if argv is not None and _opens_the_window(argv):
        parser.set_defaults(command=None)
    else:
        from agencydesk import cli

        cli.add_subcommands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    args = build_parser(given).parse_args(given)
    if args.command is None:
        if isinstance(args.db, str):  # a team server: its password out of the address first
            from agencydesk.cli.common import server_url
            from agencydesk.core.errors import UserError

            try:
                url = server_url(args.db)
            except UserError as exc:
                print(f"agencydesk: {exc}", file=sys.stderr)
                return 2
            from agencydesk.qt.shell.app import run_gui

            return run_gui(server_url=url)
        from agencydesk.qt.shell.app import run_gui

        return run_gui(db_path=args.db)
    from agencydesk import cli

    # a whole process of its own (not main() called by other code): a command may end it early
    args.one_shot = argv is None
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
