"""`demo`, `backup`, `search` and `first-replies`: the desk as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path

from agencydesk.cli.common import (
    command,
    db_url,
    find_client,
    open_database,
    open_desk,
    user_error,
)


def cmd_demo(args: argparse.Namespace) -> int:
    from agencydesk.core import demo
    from agencydesk.core.db import session_scope

    url, db_path = db_url(getattr(args, "db", None))
    engine = open_database(url)
    try:
        with session_scope(engine) as session:
            ids = demo.load_demo(session=session)
    finally:
        engine.dispose()
    where = db_path if isinstance(getattr(args, "db", None), Path | None) else url
    print(f"Added {len(ids)} demo clients to {where}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from agencydesk.core import backup, migrate

    if isinstance(getattr(args, "db", None), str):
        raise user_error(
            "A team desk is backed up with: agencydesk server export --out FILE.sqlite3 --db "
            "ADDRESS (a snapshot the solo app opens as it is)."
        )
    url, db_path = db_url(getattr(args, "db", None))
    if not db_path.exists():
        raise user_error(f"There is no database at {db_path} to back up.")
    migrate.open_database(url).dispose()
    target = backup.make_backup(db_path, reason="manual")
    print(f"Backed up {db_path.name} to {target}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import search

    if args.limit < 1:
        raise user_error(
            f"--limit is how many hits of each kind to show: 1 or more, not {args.limit}."
        )
    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        # one more than shown: whether there are more
        results = search.search(session=session, text=args.text, limit=args.limit + 1)
    titles = {"client": "Clients", "ticket": "Tickets", "message": "Messages", "guide": "Guides"}
    more = False
    for kind in search.KINDS:
        hits = results.hits.get(kind, [])
        if not hits:
            continue
        cut = len(hits) > args.limit
        more = more or cut
        hits = hits[: args.limit]
        print(f"{titles[kind]} ({len(hits)}{'+' if cut else ''})")
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            snippet = snippet.replace(search.HIT_START, "[").replace(search.HIT_END, "]")
            print(f"  #{hit.id}  {hit.title}  —  {snippet}")
    if results.count() == 0:
        print("Nothing found.")
    if more:
        print(f"More found than shown (the best {args.limit} of each): add a word, or --limit N.")
    if not results.used_fts:
        print("(slower search: this database has no full-text index)")
    elif not results.accents_ignored:
        print("(accents count: the server has no 'unaccent' extension, so 'cafe' misses 'Café')")
    return 0


def cmd_first_replies(args: argparse.Namespace) -> int:
    """How fast new tickets heard back, month by month: the whole desk, or one client's."""
    from sqlmodel import Session

    from agencydesk.core import chat_import, first_impression
    from agencydesk.reports.text import duration, month_name, t

    if not 1 <= args.months <= 120:
        raise user_error(f"--months is a number of months from 1 to 120, not {args.months}.")
    lang = args.lang
    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        who = "the whole desk" if lang == "en" else "seluruh meja"
        client_id = None
        if args.client is not None:
            choices = chat_import.client_choices(session=session)
            client_id = find_client(args.client, choices)
            who = next(c.name for c in choices if c.id == client_id)
        months = first_impression.last_months(
            session=session, months=args.months, client_id=client_id
        )

    def wait(seconds: float | None) -> str:
        return "–" if seconds is None else duration(int(seconds), lang)

    heads = ("month", "new_requests", "typical_first_reply", "within_hour", "typical_resolve")
    rows = [[_capital(t(lang, key)) for key in heads]]
    for month in months:
        figures = month.figures
        share = figures.within_hour
        rows.append(
            [
                month_name(month.month, lang),
                str(figures.opened),
                wait(figures.median_first_reply),
                "–" if share is None else f"{round(share * 100)}%",
                wait(figures.median_resolve),
            ]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(heads))]
    print(f"{t(lang, 'first_replies_by_month')} — {who}")
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print("  ".join(cells).rstrip())
    return 0


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def add_desk_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`demo`, `search`, `first-replies` and `backup`."""
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
