"""Client site logins: the description in the database, the secret in the system's keyring.

The secret (password, PIN, API key) goes to the keyring (Windows Credential Locker, macOS Keychain,
the Secret Service on Linux) under the service ``"agencydesk"`` and a random, stable user name
(`Credential.secret_ref`). It is never written to the database, a backup, a log or an export.

When no secure keyring exists (no Secret Service on a headless Linux, keyring's ``fail`` or ``null``
backend, or a plaintext backend from ``keyrings.alt``) every service here refuses with
`CredentialsUnavailable`, whose message says what to install; nothing is written anywhere.

Order of writes, so that a failure at either end loses nothing: each service changes the database
first (flushed, not committed), then the keyring. A keyring failure raises, and the caller's
transaction rolls back. If the transaction ends without a commit after the keyring was changed,
the keyring change is undone (a new entry removed, an old secret put back).

A copy of a desk file (and a solo desk moved to a team server) names the same keyring entries as
the desk it came from. Each desk records in the ledger the entries it names when it opens
(`claim_entries`), and an entry another desk still names stays when a login is deleted or pruned.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from agencydesk.core import secret_ledger, versions
from agencydesk.core.clients import get_client
from agencydesk.core.errors import SaidError, UserError, ValidationError
from agencydesk.core.keyring_store import SERVICE as SERVICE
from agencydesk.core.keyring_store import CredentialsUnavailable as CredentialsUnavailable
from agencydesk.core.keyring_store import KeyringStatus as KeyringStatus
from agencydesk.core.keyring_store import _delete_secret, _read_secret, _remember_undo, _set_secret
from agencydesk.core.keyring_store import explanation_for as explanation_for
from agencydesk.core.keyring_store import keyring_status as keyring_status
from agencydesk.core.keyring_store import require_keyring as require_keyring
from agencydesk.core.models import Credential, utcnow

EDITABLE_FIELDS = ("label", "url", "username", "notes")


@dataclass(frozen=True)
class CredentialRow:
    """A login without its secret: safe to show, list, print and pass between threads."""

    id: int
    client_id: int
    label: str
    url: str
    username: str
    notes: str
    updated_at: datetime
    #: the version of the row (`core.versions`): an edit form saves over only this one
    version: int = 1


# --- services ------------------------------------------------------------------------------------


def _row(credential: Credential) -> CredentialRow:
    """The login's columns that `CredentialRow` names (its secret is in the keyring, not here)."""
    assert credential.id is not None
    return CredentialRow(**{f.name: getattr(credential, f.name) for f in fields(CredentialRow)})


def _clean(values: Mapping[str, Any]) -> dict[str, str]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not credential fields: {sorted(unknown)}")
    cleaned = {}
    for key, value in values.items():
        text = str(value or "")
        cleaned[key] = text.strip() if key != "notes" else text.rstrip()
    if "label" in cleaned:
        cleaned["label"] = " ".join(cleaned["label"].split())
    return cleaned


def validate(values: Mapping[str, str]) -> dict[str, str]:
    """Field → error code for what is wrong with *values* (cleaned first)."""
    errors: dict[str, str] = {}
    if "label" in values and not values["label"]:
        errors["label"] = "label_required"
    for field in EDITABLE_FIELDS:
        meta = Credential.model_fields[field].metadata
        limit = next((m.max_length for m in meta if hasattr(m, "max_length")), None)
        if limit and len(values.get(field, "")) > limit:
            errors.setdefault(field, "too_long")
    return errors


def _check_label_free(
    session: Session, client_id: int, label: str, credential_id: int | None = None
) -> None:
    statement = select(col(Credential.id)).where(
        Credential.client_id == client_id, func.lower(Credential.label) == label.lower()
    )
    if credential_id is not None:
        statement = statement.where(Credential.id != credential_id)
    if session.exec(statement).first() is not None:
        raise ValidationError({"label": "label_taken"})


def check_values(
    *,
    session: Session,
    client_id: int,
    values: Mapping[str, Any],
    credential_id: int | None = None,
) -> dict[str, str]:
    """Clean and check a login's description for *client_id* (the client must exist, the label
    must be free). Returns the cleaned values; problems raise `ValidationError`/`UserError`.
    The command line calls this before it asks for a password."""
    cleaned = _clean(values)
    if credential_id is None:
        cleaned.setdefault("label", "")
    errors = validate(cleaned)
    if errors:
        raise ValidationError(errors)
    get_client(session=session, client_id=client_id)
    if "label" in cleaned:
        _check_label_free(session, client_id, cleaned["label"], credential_id)
    return cleaned


def add_credential(
    *, session: Session, client_id: int, values: Mapping[str, Any], secret: str
) -> CredentialRow:
    """Add a login for a client; *secret* goes to the keyring. The caller commits."""
    if not secret:
        raise ValidationError({"secret": "secret_required"})
    cleaned = check_values(session=session, client_id=client_id, values=values)
    require_keyring()
    ref = secrets.token_hex(16)
    credential = Credential(
        client_id=client_id,
        secret_ref=ref,
        label=cleaned["label"],
        url=cleaned.get("url", ""),
        username=cleaned.get("username", ""),
        notes=cleaned.get("notes", ""),
    )
    session.add(credential)
    session.flush()  # a database problem shows up now, before the keyring is touched
    _set_secret(ref, secret, desk_key(session))
    _remember_undo(session, lambda: _delete_secret(ref))
    return _row(credential)


def _get(session: Session, credential_id: int) -> Credential:
    credential = session.get(Credential, credential_id)
    if credential is None:
        raise SaidError("gone_login")
    return credential


def update_credential(
    *,
    session: Session,
    credential_id: int,
    values: Mapping[str, Any],
    secret: str | None = None,
    seen_version: int | None = None,
) -> CredentialRow:
    """Change a login's description; a new *secret* replaces the old one (None keeps it).
    *seen_version* as in `clients.update_client`."""
    if secret is not None and not secret:
        raise ValidationError({"secret": "secret_required"})
    if seen_version is not None:
        versions.require_present(
            session.get(Credential, credential_id), what="login", row_id=credential_id
        )
    credential = _get(session, credential_id)
    cleaned = check_values(
        session=session,
        client_id=credential.client_id,
        values=values,
        credential_id=credential_id,
    )
    versions.check_seen(credential, seen_version, cleaned, what="login", row_id=credential_id)
    for key, value in cleaned.items():
        setattr(credential, key, value)
    credential.updated_at = utcnow()
    session.add(credential)
    session.flush()
    if secret is not None:
        require_keyring()
        ref = credential.secret_ref
        old = _read_secret(ref)
        _set_secret(ref, secret, desk_key(session))
        if old is None:
            _remember_undo(session, lambda: _delete_secret(ref))
        else:
            desk = desk_key(session)
            _remember_undo(session, lambda: _set_secret(ref, old, desk))
    return _row(credential)


def delete_credential(*, session: Session, credential_id: int) -> None:
    """Delete a login and its keyring entry. The caller commits; a rollback puts the secret back."""
    require_keyring()
    credential = _get(session, credential_id)
    ref = credential.secret_ref
    session.delete(credential)
    session.flush()
    desk = desk_key(session)
    old = _read_secret(ref)
    if old is None:
        return  # the keyring entry was already gone
    if named_elsewhere(ref, desk):
        secret_ledger.forget([ref], desk)  # the other desk's password stays
        return
    _delete_secret(ref)
    _remember_undo(session, lambda: _set_secret(ref, old, desk))


def delete_client_credentials(*, session: Session, client_id: int) -> int:
    """Delete every login of a client, keyring entries included. For purging a client for good
    (a soft-deleted client keeps its logins, so that undo brings them back). Returns how many."""
    ids = session.exec(select(col(Credential.id)).where(Credential.client_id == client_id)).all()
    for credential_id in ids:
        if credential_id is not None:
            delete_credential(session=session, credential_id=credential_id)
    return len(ids)


def list_credentials(*, session: Session, client_id: int) -> list[CredentialRow]:
    """A client's logins by label, without secrets."""
    statement = (
        select(Credential)
        .where(Credential.client_id == client_id)
        .order_by(func.lower(Credential.label), col(Credential.id))
    )
    return [_row(credential) for credential in session.exec(statement).all()]


def get_credential(*, session: Session, credential_id: int) -> CredentialRow:
    return _row(_get(session, credential_id))


def get_secret(*, session: Session, credential_id: int) -> str:
    """The secret of a login, read from the keyring."""
    require_keyring()
    credential = _get(session, credential_id)
    value = _read_secret(credential.secret_ref)
    if value is None:
        raise SaidError("password_not_in_keyring", label=credential.label)
    return value


def held_on_this_computer(*, session: Session, client_id: int) -> set[int]:
    """Which of the client's logins have their password in this computer's keyring. On a team
    desk each person's passwords stay in their own keyring (never on the server): the others'
    logins are listed here, their passwords are on another computer."""
    require_keyring()
    statement = select(Credential).where(col(Credential.client_id) == client_id)
    return {
        credential.id
        for credential in session.exec(statement).all()
        if credential.id is not None and _read_secret(credential.secret_ref) is not None
    }


def find_credential(*, session: Session, client_id: int, label: str) -> CredentialRow:
    """The one login of a client whose label is *label* (any case), or, failing that, the only
    one whose label contains it. Unknown or ambiguous: a `UserError` naming the choices."""
    rows = list_credentials(session=session, client_id=client_id)
    wanted = " ".join(label.split()).casefold()
    exact = [row for row in rows if row.label.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = [row for row in rows if wanted and wanted in row.label.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(f"“{row.label}”" for row in partial[:5])
        raise UserError(f"“{label}” could be several logins: {names}. Use the full label.")
    if rows:
        names = ", ".join(f"“{row.label}”" for row in rows[:8])
        raise UserError(f"This client has no login labelled “{label}”. Their logins: {names}.")
    raise UserError(f"This client has no login labelled “{label}” (no logins at all yet).")


# --- orphaned keyring entries --------------------------------------------------------------------


@dataclass(frozen=True)
class PruneReport:
    """What `prune_orphans` found: entries removed, and entries kept because only a backup still
    names them (restoring that backup needs them; they go once the backup is rotated out)."""

    removed: int
    kept_for_backups: int


def refs_in_database_file(path: Path) -> set[str]:
    """The keyring references another agencydesk database file (a backup) names."""
    import sqlite3

    try:
        from agencydesk.core.schema_version import read_only_uri

        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return set()
    try:
        return {row[0] for row in connection.execute("SELECT secret_ref FROM credential")}
    except sqlite3.Error:  # an older backup, from before logins existed
        return set()
    finally:
        connection.close()


def desk_key(session: Session) -> str:
    """Which desk *session* is on, as the keyring ledger names it: the database file, or the
    team server's database."""
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite":
        return str(Path(url.database or "").resolve())
    return f"{url.host}:{url.port or 5432}/{url.database}"


def claim_entries(*, session: Session) -> None:
    """Record in the ledger that this desk names its logins' keyring entries. A copy of a desk
    file names the same entries as the desk it was copied from; once each has said so, deleting
    a login (or pruning) in one leaves the password the other still needs."""
    secret_ledger.record(session.exec(select(col(Credential.secret_ref))).all(), desk_key(session))


def named_elsewhere(ref: str, desk: str) -> bool:
    """Whether a desk other than *desk* that the ledger knows still names the entry *ref*: a
    desk file that is there and names it, or a team server's desk (not asked: its logins may
    still name it, and a password kept costs less than one lost)."""
    for other in secret_ledger.desks_of(ref) - {desk}:
        if not Path(other).is_absolute():  # "host:port/database"
            return True
        if Path(other).is_file() and ref in refs_in_database_file(Path(other)):
            return True
    return False


def prune_orphans(
    *, session: Session, backups: Iterable[Path], dry_run: bool = False
) -> PruneReport:
    """Remove the keyring entries agencydesk made on this computer for this desk that neither
    the database nor any of *backups* names any more (left behind by a restored backup). Only
    this desk's: another desk's entries (and those from before the ledger named desks) stay."""
    require_keyring()
    desk = desk_key(session)
    named = set(session.exec(select(col(Credential.secret_ref))).all())
    secret_ledger.record(named, desk)  # entries made before the ledger existed, or named desks
    in_backups: set[str] = set()
    for backup in backups:
        in_backups |= refs_in_database_file(backup)
    candidates = secret_ledger.recorded_for(desk) - named
    orphans = sorted(candidates - in_backups)
    removed = 0
    for ref in orphans:
        if _read_secret(ref) is None:  # a reference whose secret never made it, or is gone
            if not dry_run:
                secret_ledger.forget([ref])
            continue
        if named_elsewhere(ref, desk):  # a copy of this desk still has that login
            if not dry_run:
                secret_ledger.forget([ref], desk)
            continue
        if not dry_run:
            _delete_secret(ref)
        removed += 1
    return PruneReport(removed=removed, kept_for_backups=len(candidates & in_backups))
