"""`demo`, `backup` and `search`: the desk as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path

from agencydesk.cli.common import db_url, open_database, open_desk, user_error


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

    with open_desk(args, read_only_ok=True) as (engine, _db_path), Session(engine) as session:
        results = search.search(session=session, text=args.text, limit=args.limit)
    titles = {"client": "Clients", "ticket": "Tickets", "message": "Messages", "guide": "Guides"}
    for kind in search.KINDS:
        hits = results.hits.get(kind, [])
        if not hits:
            continue
        print(f"{titles[kind]} ({len(hits)})")
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            snippet = snippet.replace(search.HIT_START, "[").replace(search.HIT_END, "]")
            print(f"  #{hit.id}  {hit.title}  —  {snippet}")
    if results.count() == 0:
        print("Nothing found.")
    if not results.used_fts:
        print("(slower search: this database has no full-text index)")
    elif not results.accents_ignored:
        print("(accents count: the server has no 'unaccent' extension, so 'cafe' misses 'Café')")
    return 0
