"""`creds add | list | show | delete | prune`: client logins, the passwords only in the keyring."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from agencydesk.cli.common import (
    command,
    confirmed,
    open_client_desk,
    open_desk,
    shown_width,
    user_error,
)


def _find_login(engine: Any, client_id: int, label: str) -> Any:
    from sqlmodel import Session

    from agencydesk.core import credentials

    with Session(engine) as session:
        return credentials.find_credential(session=session, client_id=client_id, label=label)


def _read_secret(label: str) -> str:
    """A hidden prompt (asked twice) on a terminal; else everything on stdin, minus one newline."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"Password for “{label}” (not shown): ")
        if first and getpass.getpass("Once more, to be sure: ") != first:
            raise user_error("The two passwords differ; nothing was saved.")
        return first
    data = sys.stdin.read() if sys.stdin is not None else ""
    for ending in ("\r\n", "\n"):
        if data.endswith(ending):
            return data[: -len(ending)]
    return data


def cmd_creds_add(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from agencydesk.core import credentials
    from agencydesk.core.db import session_scope

    status = credentials.require_keyring()  # before asking for a password it cannot keep
    values = {"label": args.label, "url": args.url, "username": args.username, "notes": args.notes}
    with open_client_desk(args) as (engine, client_id, name):
        with Session(engine) as session:  # mistakes show before the password is asked
            credentials.check_values(session=session, client_id=client_id, values=values)
        secret = _read_secret(args.label)
        with session_scope(engine) as session:
            row = credentials.add_credential(
                session=session, client_id=client_id, values=values, secret=secret
            )
    print(
        f"Saved the login “{row.label}” for {name}; "
        f"the password is in the keyring ({status.backend})."
    )
    return 0


def cmd_creds_list(args: argparse.Namespace) -> int:
    """The logins of a client, never their secrets (which stay in the keyring)."""
    from sqlmodel import Session

    from agencydesk.core import credentials

    with (
        open_client_desk(args, read_only_ok=True) as (engine, client_id, name),
        Session(engine) as session,
    ):
        rows = credentials.list_credentials(session=session, client_id=client_id)
    if args.json:
        import json

        for row in rows:
            item = {
                "id": row.id,
                "client": name,
                "label": row.label,
                "username": row.username,
                "url": row.url,
                "notes": row.notes,
                "updated_at": row.updated_at.isoformat(),
            }
            print(json.dumps(item, ensure_ascii=False))
        return 0
    if not rows:
        print(f"{name} has no logins yet.")
        return 0
    print(f"Logins of {name} ({len(rows)}); passwords stay in the keyring:")
    width = max(map(shown_width, (row.label for row in rows)))
    for row in rows:
        label = row.label + " " * (width - shown_width(row.label))
        parts = [label, row.username or "–", row.url]
        print("  " + "  ".join(part for part in parts if part).rstrip())
    return 0


def cmd_creds_show(args: argparse.Namespace) -> int:
    """Print only the secret (for scripts: `agencydesk creds show ... | xclip`)."""
    from sqlmodel import Session

    from agencydesk.core import credentials

    credentials.require_keyring()
    with open_client_desk(args) as (engine, client_id, _name):
        row = _find_login(engine, client_id, args.label)
        with Session(engine) as session:
            secret = credentials.get_secret(session=session, credential_id=row.id)
    sys.stdout.write(secret + "\n")
    return 0


def cmd_creds_delete(args: argparse.Namespace) -> int:
    from agencydesk.core import credentials
    from agencydesk.core.db import session_scope

    credentials.require_keyring()
    with open_client_desk(args) as (engine, client_id, name):
        row = _find_login(engine, client_id, args.label)
        if not confirmed(
            args,
            f"Delete the login “{row.label}” of {name} and its password? [y/N] ",
            "Add --yes to delete a login without being asked.",
        ):
            print("Nothing deleted.")
            return 0
        with session_scope(engine) as session:
            credentials.delete_credential(session=session, credential_id=row.id)
    print(f"Deleted the login “{row.label}” of {name} and its password in the keyring.")
    return 0


def cmd_creds_prune(args: argparse.Namespace) -> int:
    """Remove keyring entries that no login of this desk (nor any of its backups) names."""
    from sqlmodel import Session

    from agencydesk.core import backup, credentials

    credentials.require_keyring()
    with open_desk(args) as (engine, db_path), Session(engine) as session:
        backups = [info.path for info in backup.list_backups(db_path)]
        found = credentials.prune_orphans(session=session, backups=backups, dry_run=True)
        if found.removed and not confirmed(
            args,
            f"Remove {found.removed} keyring entries that no login names any more? [y/N] ",
            f"{found.removed} keyring entries belong to no login any more. "
            "Add --yes to remove them without being asked.",
        ):
            print("Nothing removed.")
            return 0
        report = credentials.prune_orphans(session=session, backups=backups)
        session.commit()
    kept = (
        f" {report.kept_for_backups} more stay while a backup still names them."
        if report.kept_for_backups
        else ""
    )
    if report.removed:
        print(f"Removed {report.removed} keyring entries that no login names any more.{kept}")
    else:
        print(f"No keyring entry is left over: every one belongs to a login.{kept}")
    return 0


def add_creds_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`creds` and its actions."""
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
