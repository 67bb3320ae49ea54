"""`follow-up list | add | done`: "remind me Thursday" at a shell (core.follow_ups)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from agencydesk.cli.common import CLIENT_HELP, command, find_client, open_desk, user_error


def add_follow_up_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    follow_up = sub.add_parser(
        "follow-up", help='"remind me Thursday": come back to a client, ticket or order later'
    )
    actions = follow_up.add_subparsers(dest="follow_up_command", metavar="ACTION", required=True)

    command(actions, cmd_follow_up_list, "list", help="every open follow-up, the soonest first")

    add = command(
        actions, cmd_follow_up_add, "add", help="come back to a client (or their ticket) later"
    )
    add.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    add.add_argument(
        "--on", required=True, metavar="WHEN", help="local day and time, e.g. 2026-12-10T09:00"
    )
    add.add_argument("--note", default="", help="why: what to ask or do then")
    add.add_argument("--ticket", type=int, metavar="ID", help="about this ticket of theirs")

    done = command(
        actions, cmd_follow_up_done, "done", help="mark a follow-up done (it leaves Today)"
    )
    done.add_argument("id", type=int, metavar="ID", help="its number, as `follow-up list` shows")


def _when(text: str) -> datetime:
    """A local day ("2026-12-10", at 09:00) or day and time, as an aware moment."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise user_error(
            f"--on {text} is not a day and time; write it as 2026-12-10T09:00 (or just the day)."
        ) from None
    if len(text) <= 10:
        moment = moment.replace(hour=9)
    return moment if moment.tzinfo is not None else moment.astimezone()


def _line(row: Any) -> str:
    when = row.due_at.astimezone().strftime("%a %d %b %Y %H:%M")
    about = (
        row.client_name if row.subject == row.client_name else f"{row.client_name} — {row.subject}"
    )
    return f"#{row.id}  {when}  {about}" + (f"  · {row.note}" if row.note else "")


def cmd_follow_up_list(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import follow_ups

    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        rows = follow_ups.open_follow_ups(session=session)
    for row in rows:
        print(_line(row))
    if not rows:
        print("Nothing to follow up.")
    return 0


def cmd_follow_up_add(args: argparse.Namespace) -> int:
    from agencydesk.core import chat_import, follow_ups
    from agencydesk.core.db import session_scope

    due_at = _when(args.on)
    with open_desk(args) as (engine, _db_path), session_scope(engine) as session:
        client_id = find_client(args.client, chat_import.client_choices(session=session))
        row = follow_ups.set_follow_up(
            session=session,
            client_id=client_id,
            ticket_id=args.ticket,
            due_at=due_at,
            note=args.note,
        )
    print(f"Follow-up {_line(row)}")
    return 0


def cmd_follow_up_done(args: argparse.Namespace) -> int:
    from agencydesk.core import follow_ups
    from agencydesk.core.db import session_scope

    with open_desk(args) as (engine, _db_path), session_scope(engine) as session:
        follow_ups.mark_done(session=session, follow_up_id=args.id)
    print(f"Follow-up #{args.id} is done.")
    return 0
