"""Which keyring entries agencydesk made on this computer, so that orphans can be found.

The keyring API cannot list its entries. A login deleted outside the app's undo (a backup restored
over the database, a database file thrown away) would leave its secret in the keyring for ever,
unreachable. So every entry's reference — a random id, not a secret — is written to this ledger
before the secret goes to the keyring, and struck off once the secret is deleted. `creds prune`
compares the ledger with what the database and its backups still name.

One small text file in the user's data folder (0600), one reference a line, with the desk it was
made for (`credentials.desk_key`). Entries made before the ledger existed are not in it;
`credentials.prune_orphans` adds the ones the database names. Lines from before the desk was
written beside them name none, and are never pruned: they may be another desk's.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

FILENAME = "keyring-entries.txt"
_lock = threading.Lock()


def ledger_path() -> Path:
    from agencydesk import paths

    return paths.data_dir() / FILENAME


def _lines() -> list[tuple[str, str | None]]:
    """(reference, desk) of each line; desk None for a line written before the ledger named
    the desk an entry was made for."""
    try:
        text = ledger_path().read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    found: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        ref, _tab, desk = line.strip().partition("\t")
        if ref:
            found.append((ref, desk or None))
    return found


def recorded() -> set[str]:
    """The references in the ledger, whichever desk made them."""
    return {ref for ref, _desk in _lines()}


def recorded_for(desk: str) -> set[str]:
    """The references made for *desk* (`credentials.desk_key`). Only these may be pruned by
    that desk: the ledger is the computer's, and a desk that pruned every entry it did not name
    deleted the passwords of every other desk on the computer."""
    return {ref for ref, made_for in _lines() if made_for == desk}


def desks_of(ref: str) -> set[str]:
    """The desks *ref* was recorded for (a copy of a desk file names its entries too, once
    it has been opened: see `credentials.claim_entries`)."""
    return {made_for for line_ref, made_for in _lines() if line_ref == ref and made_for}


def record(refs: Iterable[str], desk: str | None = None) -> None:
    """Add *refs*, made for *desk* (before their secrets go to the keyring: a crash in between
    leaves a reference without a secret, which prune drops, never a secret nobody can find)."""
    new = {(ref, desk) for ref in refs}
    with _lock:
        missing = new - set(_lines())
        if not missing:
            return
        path = ledger_path()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as ledger:
            ledger.write(
                "".join(_line(ref, made_for) for ref, made_for in sorted(missing, key=str))
            )
            ledger.flush()
            os.fsync(ledger.fileno())


def _line(ref: str, desk: str | None) -> str:
    return f"{ref}\t{desk}\n" if desk else f"{ref}\n"


def forget(refs: Iterable[str], desk: str | None = None) -> None:
    """Strike *refs* off (their secrets are gone from the keyring); with *desk*, only that
    desk's lines (the secret stays for another desk that still names it)."""
    gone = set(refs)
    with _lock:
        kept = [
            (ref, made_for)
            for ref, made_for in _lines()
            if ref not in gone or (desk is not None and made_for != desk)
        ]
        path = ledger_path()
        if not path.exists():
            return
        # written whole to a temporary file, then renamed: a crash leaves the old or the new list
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".keyring-entries-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as ledger:
                ledger.write("".join(_line(ref, desk) for ref, desk in kept))
                ledger.flush()
                os.fsync(ledger.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
