"""`import-chat`: a chat export read (or only described, with --dry-run) and imported into a
client's timeline and tickets, media included."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any

from agencydesk.cli.common import command, counted, find_client, open_desk, user_error


def cmd_import_chat(args: argparse.Namespace) -> int:
    """Parse a chat export; with --dry-run only show it, otherwise import it into a client."""
    from agencydesk.core.importers import ChatImportError, parse_chat_file

    one_shot = args.dry_run and getattr(args, "one_shot", False)
    if one_shot:
        # The process ends right after the output: a collection of the million objects a big
        # export makes (set off by any later allocation burst) would only delay the end.
        gc.disable()
        if _dry_run_in_halves(args):
            _exit_now()
    try:
        parsed = parse_chat_file(args.file, date_order=args.date_order)
    except ChatImportError as exc:
        raise user_error(str(exc)) from None
    if not args.dry_run:
        if not args.client:
            raise user_error("Say which client the chat belongs to with --client NAME.")
        return _import_parsed(args, parsed)
    if args.json:
        from agencydesk.core.importers.json_lines import json_line_chunks

        write = sys.stdout.write
        for chunk in json_line_chunks(parsed.messages):
            write(chunk)
    else:
        from agencydesk.core.importers.summary import summarize, summary_lines

        print("\n".join(summary_lines(summarize(parsed))))
    if one_shot:
        _exit_now()
    return 0


def _dry_run_in_halves(args: argparse.Namespace) -> bool:
    """The dry run of a big WhatsApp export with its two halves parsed side by side, on a
    machine with two cores for this process: whether it was done (otherwise nothing was
    written, and the export is parsed whole)."""
    if not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2:
        return False
    if not args.json:
        from agencydesk.core.importers import summarize_in_halves
        from agencydesk.core.importers.summary import joined, summary_lines

        summaries = summarize_in_halves(args.file, date_order=args.date_order)
        if summaries is None:
            return False
        print("\n".join(summary_lines(joined(summaries))))
        return True

    from agencydesk.core.importers import emit_in_halves
    from agencydesk.core.importers.json_lines import json_line_chunks

    out = sys.stdout
    if getattr(out, "buffer", None) is None:
        return False
    encoding, errors = out.encoding, out.errors or "strict"

    def encoded_lines(parsed: Any) -> list[bytes]:
        # encoded where they were made: the second half's process does its own share
        return [chunk.encode(encoding, errors) for chunk in json_line_chunks(parsed.messages)]

    def write(lines: list[bytes]) -> None:  # each half's process writes its own lines
        out.buffer.writelines(lines)
        out.buffer.flush()

    out.flush()  # nothing of this process's is left for the second half's copy to write
    return emit_in_halves(args.file, encoded_lines, write, date_order=args.date_order)


def _exit_now() -> None:
    """End the process without freeing the parsed export object by object (a tenth of a
    second for a million messages): everything is written and flushed first, and a write
    error (a closed pipe) still goes the ordinary way."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _import_parsed(args: argparse.Namespace, parsed: Any) -> int:
    from sqlmodel import Session

    from agencydesk.core import chat_import

    target: chat_import.Target
    if args.earlier_done and args.split_hours is None:
        raise user_error("--earlier-done goes with --split-hours N (a ticket per conversation).")
    if args.ticket is not None:
        target = chat_import.AttachToTicket(args.ticket)
    elif args.new_ticket is not None:
        target = chat_import.NewTicket(args.new_ticket)
    elif args.split_hours is not None:
        if args.split_hours <= 0:
            raise user_error("--split-hours must be more than 0.")
        target = chat_import.SplitAtGaps(args.split_hours, earlier_done=args.earlier_done)
    else:
        target = chat_import.TimelineOnly()
    me_names = [args.me] if args.me else []
    with open_desk(args) as (engine, db_path):
        with Session(engine) as session:
            choices = chat_import.client_choices(session=session)
            # without --me: the name I had in the latest imports, or the one who is not the client
            earlier = [] if args.me else chat_import.earlier_me_names(session)
        client_id = find_client(args.client, choices)
        plan = chat_import.plan_import(
            parsed=parsed, choices=choices, client_id=client_id, me_names=me_names or earlier
        )
        if args.me and chat_import.ME not in plan.mapping.values():
            raise user_error(f"Nobody called “{args.me}” wrote in this chat.")
        # one client's chat: everyone who is not "me" speaks for that client here
        mapping: dict[str, chat_import.Assignment] = {
            p: (a if a == chat_import.ME else client_id) for p, a in plan.mapping.items()
        }
        result = chat_import.import_chat_with_media(
            engine,
            parsed=parsed,
            export_path=args.file,
            data_dir=db_path.parent,
            client_id=client_id,
            mapping=mapping,
            target=target,
            me_names=me_names,
        )
    print(f"{counted(result.new, 'new message')}, {result.known:,} already known")
    if result.tickets_created:
        waiting = ""
        if result.tickets_waiting == 1 and result.tickets_created == 1:
            waiting = ", waiting on you"
        elif result.tickets_waiting:
            waiting = f", {result.tickets_waiting:,} of them waiting on you"
        print(f"{counted(result.tickets_created, 'ticket')} created{waiting}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    if not args.me:
        mine = [p for p, a in mapping.items() if a == chat_import.ME]
        print(
            f"Taken as you: {', '.join(mine)} (give --me NAME to choose another)."
            if mine
            else "Nobody in this chat was taken as you: every message is saved as the client's. "
            "Give --me NAME if some of them are yours."
        )
    return 0


def add_chat_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`import-chat`."""
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
    chat.add_argument(
        "--earlier-done",
        action="store_true",
        help="with --split-hours: only the latest conversation may wait on you, the earlier "
        "ones are resolved",
    )
    chat.add_argument("--me", metavar="NAME", help="your own name in the chat")
    chat.add_argument(
        "--date-order", choices=("DMY", "MDY", "YMD"), help="how the dates are written"
    )
