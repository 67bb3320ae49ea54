"""`trash list | restore | empty`: what was deleted, brought back or deleted for good."""

from __future__ import annotations

import argparse

from agencydesk.cli.common import command, confirmed, counted, open_desk, user_error


def add_trash_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    trash = sub.add_parser("trash", help="deleted clients, tickets, guides and orders")
    actions = trash.add_subparsers(dest="trash_command", metavar="ACTION", required=True)

    command(actions, cmd_trash_list, "list", help="what is in the trash, the latest deleted first")

    restore = command(actions, cmd_trash_restore, "restore", help="bring one back as it was")
    restore.add_argument("key", metavar="KIND#ID", help="as `trash list` shows it: ticket#12")

    empty = command(
        actions, cmd_trash_empty, "empty", help="delete for good (a client's passwords too)"
    )
    empty.add_argument(
        "--older-than", type=int, metavar="DAYS", help="only what was deleted DAYS ago or more"
    )
    empty.add_argument("--yes", action="store_true", help="do not ask")


def cmd_trash_list(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import trash

    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        entries = trash.list_trash(session=session)
    for entry in entries:
        when = entry.deleted_at.astimezone().strftime("%d %b %Y %H:%M")
        whose = f"  ({entry.client_name})" if entry.client_name else ""
        print(f"{entry.key:<14} {when}  {entry.name}{whose}")
    if not entries:
        print("The trash is empty.")
    return 0


def cmd_trash_restore(args: argparse.Namespace) -> int:
    from agencydesk.core import trash
    from agencydesk.core.db import session_scope

    kind, row_id = trash.parse_key(args.key)
    with open_desk(args) as (engine, _db_path), session_scope(engine) as session:
        number = trash.restore(session=session, kind=kind, row_id=row_id)
    if number == row_id:
        print(f"{kind.capitalize()} #{row_id} is back.")
    else:  # a desk from before migration 0024 had given its number to a newer one
        print(
            f"{kind.capitalize()} #{row_id} is back as #{number}: "
            f"#{row_id} had been given to a newer {kind}."
        )
    return 0


def cmd_trash_empty(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from agencydesk.core import trash
    from agencydesk.core.db import session_scope

    if args.older_than is not None and args.older_than < 0:
        raise user_error(f"--older-than is a number of days, not {args.older_than}.")
    older = None if args.older_than is None else timedelta(days=args.older_than)
    what = (
        "everything in the trash"
        if older is None
        else f"what was deleted {args.older_than}+ days ago"
    )
    if not confirmed(
        args,
        f"Delete {what} for good (deleted clients' passwords too)? [y/N] ",
        "Emptying the trash cannot be undone: add --yes to do it without being asked.",
    ):
        print("Nothing was deleted.")
        return 0
    with open_desk(args) as (engine, _db_path), session_scope(engine) as session:
        gone = trash.empty(session=session, older_than=older)
    print(f"Deleted {counted(gone, 'thing')} for good.")
    return 0
