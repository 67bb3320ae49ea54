"""Entry point: `agencydesk` opens the desk; `agencydesk COMMAND` runs a headless command.

Kept light on purpose: the GUI path imports Qt first and shows the window before the database
layer is imported; headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from agencydesk import __version__


def build_parser() -> argparse.ArgumentParser:
    from agencydesk import cli

    parser = argparse.ArgumentParser(
        prog="agencydesk",
        description="A daily desk for supporting your clients. Without a command: the window.",
    )
    parser.add_argument("--version", action="version", version=f"agencydesk {__version__}")
    parser.add_argument(
        "--db",
        type=cli.desk_location,
        metavar="FILE|URL",
        help="open this database file instead of the one in your data folder, or a team "
        "server: postgresql+psycopg://USER@HOST:PORT/DATABASE",
    )
    cli.add_subcommands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
