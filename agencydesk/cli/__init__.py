"""Headless commands: the same core services as the GUI, without a window.

Each command opens the database itself and prints plain sentences; a user mistake exits with
status 2 and one line on stderr, never a traceback.

The commands live one group a module (desk, chat, creds, report, follow-ups, trash, server),
each with the function that adds them to the argument parser, and what they share in
`common.py`; this module builds the parser and runs a command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    """Every command, each group added by its own module."""
    # the commands' modules only once a parser with commands is built: opening the window
    # (`agencydesk`, `agencydesk --db FILE`) needs none of them
    from agencydesk.cli.chat import add_chat_command
    from agencydesk.cli.creds import add_creds_commands
    from agencydesk.cli.desk import add_desk_commands
    from agencydesk.cli.follow_ups import add_follow_up_commands
    from agencydesk.cli.report import add_report_commands
    from agencydesk.cli.server import add_server_commands
    from agencydesk.cli.trash import add_trash_commands

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (
        add_desk_commands,
        add_chat_command,
        add_report_commands,
        add_creds_commands,
        add_follow_up_commands,
        add_trash_commands,
        add_server_commands,
    ):
        add(sub)


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
