"""Headless commands: the same core services as the GUI, without a window.

Each command opens the database itself and prints plain sentences; a user mistake exits with
status 2 and one line on stderr, never a traceback.

The commands live one group a module (desk, chat, creds, report and receipt), with what they
share in `common.py`; this module builds the argument parser and runs a command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from agencydesk.cli.common import CLIENT_HELP, command


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    # the commands' modules only once a parser with commands is built: opening the window
    # (`agencydesk`, `agencydesk --db FILE`) needs none of them
    from agencydesk.cli.chat import cmd_import_chat
    from agencydesk.cli.creds import (
        cmd_creds_add,
        cmd_creds_delete,
        cmd_creds_list,
        cmd_creds_prune,
        cmd_creds_show,
    )
    from agencydesk.cli.desk import cmd_backup, cmd_demo, cmd_first_replies, cmd_search
    from agencydesk.cli.follow_ups import add_follow_up_commands
    from agencydesk.cli.report import cmd_receipt, cmd_report, cmd_time
    from agencydesk.cli.server import add_server_commands
    from agencydesk.cli.trash import add_trash_commands

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    command(sub, cmd_demo, "demo", help="fill an empty database with demo data")

    found = command(sub, cmd_search, "search", help="search clients, tickets, messages and guides")
    found.add_argument("text", help="the words to look for (each word may be the start of one)")
    found.add_argument("--limit", type=int, default=10, help="hits per kind (default 10)")

    replies = command(
        sub,
        cmd_first_replies,
        "first-replies",
        help="how fast new tickets heard back, month by month",
    )
    replies.add_argument(
        "client", nargs="?", metavar="CLIENT", help="one client (a name or #ID); default: all"
    )
    replies.add_argument("--months", type=int, default=6, help="how many months (default 6)")
    replies.add_argument("--lang", choices=("en", "id"), default="en", help="default en")

    command(sub, cmd_backup, "backup", help="make a backup of the database now")

    chat = command(
        sub,
        cmd_import_chat,
        "import-chat",
        help="import a chat export (WhatsApp, Telegram, LINE, …) into a client",
    )
    chat.add_argument("file", type=Path, help="the exported chat file (.txt, .zip, .json, .csv)")
    chat.add_argument("--dry-run", action="store_true", help="only show what the file holds")
    chat.add_argument("--json", action="store_true", help="with --dry-run: one JSON per message")
    chat.add_argument(
        "--client", metavar="NAME", help="the client the chat belongs to (a name or #ID)"
    )
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

    report = command(sub, cmd_report, "report", help="write a client's report as a PDF")
    report.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF")
    report.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-10-01"
    )
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
    report.add_argument(
        "--lang", choices=("id", "en"), help="the report's language (default: the client's)"
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default a4")
    report.add_argument(
        "--excerpts", action="store_true", help="quote the start of each conversation"
    )
    report.add_argument(
        "--no-referrals", action="store_true", help='leave out the "Your referrals" page'
    )

    receipt = command(
        sub, cmd_receipt, "receipt", help="a receipt (kuitansi) for a client's paid order, as a PDF"
    )
    receipt.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    receipt.add_argument(
        "--order", metavar="#ID|WORDS", help="which paid order (needed if they have several)"
    )
    receipt.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help='default: "Kuitansi 2026-0007 NAME.pdf" here'
    )
    receipt.add_argument(
        "--lang", choices=("id", "en"), help="the receipt's language (default: the client's)"
    )

    hours = command(sub, cmd_time, "time", help="a client's billable hours per month, as CSV")
    hours.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    hours.add_argument(
        "--csv", type=Path, metavar="FILE.csv", help="write it here (default: print)"
    )
    hours.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-01-01"
    )
    hours.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")

    creds = sub.add_parser(
        "creds", help="client site logins (the passwords stay in your system's keyring)"
    )
    creds_sub = creds.add_subparsers(dest="creds_command", metavar="ACTION", required=True)
    client_help = "the client's name (or part of it, their phone number, or #ID)"
    add = command(
        creds_sub,
        cmd_creds_add,
        "add",
        help="add a login; the password is asked hidden, or read from stdin",
    )
    add.add_argument("client", metavar="CLIENT", help=client_help)
    add.add_argument("--label", required=True, help="e.g. cPanel, WordPress admin, domain")
    add.add_argument("--url", default="", help="where to log in")
    add.add_argument("--username", default="", help="the user name or email to log in with")
    add.add_argument("--notes", default="", help="anything else worth knowing (not secret)")
    listing = command(
        creds_sub, cmd_creds_list, "list", help="a client's logins, without passwords"
    )
    listing.add_argument("client", metavar="CLIENT", help=client_help)
    listing.add_argument("--json", action="store_true", help="one JSON object per login")
    show = command(creds_sub, cmd_creds_show, "show", help="print only the password of one login")
    show.add_argument("client", metavar="CLIENT", help=client_help)
    show.add_argument("--label", required=True, help="the login's label (or part of it)")
    delete = command(creds_sub, cmd_creds_delete, "delete", help="delete a login and its password")
    delete.add_argument("client", metavar="CLIENT", help=client_help)
    delete.add_argument("--label", required=True, help="the login's label (or part of it)")
    delete.add_argument("--yes", action="store_true", help="do not ask first")
    prune = command(
        creds_sub,
        cmd_creds_prune,
        "prune",
        help="remove keyring entries no login names any more (after a restore, say)",
    )
    prune.add_argument("--yes", action="store_true", help="do not ask first")

    add_follow_up_commands(sub)
    add_trash_commands(sub)
    add_server_commands(sub)


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
