"""Which keyring entries agencydesk made on this computer, so that orphans can be found.

The keyring API cannot list its entries. A login deleted outside the app's undo (a backup restored
over the database, a database file thrown away) would leave its secret in the keyring for ever,
unreachable. So every entry's reference — a random id, not a secret — is written to this ledger
before the secret goes to the keyring, and struck off once the secret is deleted. `creds prune`
compares the ledger with what the database and its backups still name.

One small text file in the user's data folder (0600), one reference a line. Entries made before
the ledger existed are not in it; `credentials.prune_orphans` adds the ones the database names.
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


def recorded() -> set[str]:
    """The references in the ledger."""
    try:
        text = ledger_path().read_text(encoding="ascii")
    except FileNotFoundError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


def record(refs: Iterable[str]) -> None:
    """Add *refs* (before their secrets go to the keyring: a crash in between leaves a
    reference without a secret, which prune drops, never a secret nobody can find)."""
    new = set(refs)
    with _lock:
        missing = new - recorded()
        if not missing:
            return
        path = ledger_path()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="ascii") as ledger:
            ledger.write("".join(f"{ref}\n" for ref in sorted(missing)))
            ledger.flush()
            os.fsync(ledger.fileno())


def forget(refs: Iterable[str]) -> None:
    """Strike *refs* off (their secrets are gone from the keyring)."""
    gone = set(refs)
    with _lock:
        kept = recorded() - gone
        path = ledger_path()
        if not path.exists():
            return
        # written whole to a temporary file, then renamed: a crash leaves the old or the new list
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".keyring-entries-")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as ledger:
                ledger.write("".join(f"{ref}\n" for ref in sorted(kept)))
                ledger.flush()
                os.fsync(ledger.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
