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
"""

from __future__ import annotations

import logging
import secrets
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core import secret_ledger
from agencydesk.core.clients import get_client
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import Credential, utcnow

log = logging.getLogger(__name__)

#: the keyring "service" every agencydesk secret is stored under
SERVICE = "agencydesk"
EDITABLE_FIELDS = ("label", "url", "username", "notes")
_UNDO_KEY = "agencydesk.keyring_undo"


class CredentialsUnavailable(UserError):  # noqa: N818 (the name says it)
    """The keyring cannot be used (none installed, locked, or not secure). Plain-words message."""


@dataclass(frozen=True)
class KeyringStatus:
    """Whether client logins can be kept, and if not, why and what to do about it."""

    usable: bool
    #: the keyring backend's name, e.g. "SecretService Keyring" (for the user and the log)
    backend: str
    #: "" when usable; else "none" (no secure keyring), "plaintext" (would write a plain file) or
    #: "disabled" (keyring switched off with the null backend)
    reason: str = ""
    #: English explanation of what to install or change (the GUI translates by `reason`)
    explanation: str = ""
    #: sys.platform when the status was taken ("linux", "win32", "darwin", ...)
    platform: str = ""


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


# --- the keyring ---------------------------------------------------------------------------------


def _backend_name(backend: Any) -> str:
    name = getattr(type(backend), "name", None)
    if isinstance(name, str) and name:
        return name
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _insecure(backend: Any) -> str:
    """'' for a backend we trust with a secret; else the reason code for refusing it."""
    from keyring.backends import chainer, fail, null

    module = type(backend).__module__
    if isinstance(backend, fail.Keyring):
        return "none"
    if isinstance(backend, null.Keyring):
        return "disabled"
    if module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower():
        return "plaintext"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return "none"
        # The chainer writes to the first backend that accepts; every one must be safe.
        for inner in chained:
            reason = _insecure(inner)
            if reason:
                return reason
    return ""


def explanation_for(reason: str, platform: str = sys.platform) -> str:
    """What the user should do, in plain English (the CLI prints it; the GUI has translations)."""
    if reason == "plaintext":
        return (
            "The keyring configured on this computer stores passwords in a plain file "
            "(keyrings.alt), so agencydesk will not use it. Remove the keyrings.alt package or "
            "choose your system's keyring, then start agencydesk again."
        )
    if reason == "disabled":
        return (
            "The keyring is switched off on this computer (keyring's null backend). Switch it on "
            "again (remove PYTHON_KEYRING_BACKEND or the keyringrc.cfg that sets it), then start "
            "agencydesk again."
        )
    if platform == "win32":
        return (
            "Windows has a keyring built in (the Credential Manager), but agencydesk could not "
            "reach it. Sign in to Windows with your own account and start agencydesk again; if "
            "that does not help, reinstall agencydesk."
        )
    if platform == "darwin":
        return (
            "macOS has a keyring built in (the Keychain), but agencydesk could not reach it. "
            "Unlock your login keychain in Keychain Access and start agencydesk again."
        )
    return (
        "agencydesk keeps client passwords only in your desktop's keyring, and none is running. "
        "Install and unlock GNOME Keyring or KWallet (the Secret Service), for example with "
        "“sudo apt install gnome-keyring”, sign out and in again, then start agencydesk again."
    )


def keyring_status() -> KeyringStatus:
    """Can client logins be kept on this computer? Never writes anything to find out."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyringrc.cfg or backend plugin
        log.warning("The keyring could not be loaded (%s)", type(exc).__name__)
        return KeyringStatus(
            usable=False,
            backend=type(exc).__name__,
            reason="none",
            explanation=explanation_for("none"),
            platform=sys.platform,
        )
    reason = _insecure(backend)
    return KeyringStatus(
        usable=not reason,
        backend=_backend_name(backend),
        reason=reason,
        explanation=explanation_for(reason) if reason else "",
        platform=sys.platform,
    )


def require_keyring() -> KeyringStatus:
    """The status when usable; else `CredentialsUnavailable` with the explanation."""
    status = keyring_status()
    if not status.usable:
        raise CredentialsUnavailable(status.explanation)
    return status


def _keyring_failed(action: str, exc: BaseException, secret: str | None = None) -> UserError:
    detail = str(exc).strip()
    if secret and secret in detail:
        detail = ""
    log.warning("The keyring could not %s a login (%s)", action, type(exc).__name__)
    text = f"The keyring could not {action} the password"
    text += f" ({detail})." if detail else "."
    text += " Unlock your keyring (it may be asking for its password) and try again."
    return CredentialsUnavailable(text)


def _set_secret(ref: str, secret: str) -> None:
    import keyring

    secret_ledger.record([ref])
    try:
        keyring.set_password(SERVICE, ref, secret)
    except Exception as exc:
        raise _keyring_failed("save", exc, secret) from None


def _read_secret(ref: str) -> str | None:
    import keyring

    try:
        value = keyring.get_password(SERVICE, ref)
    except Exception as exc:
        raise _keyring_failed("read", exc) from None
    return value if isinstance(value, str) else None


def _delete_secret(ref: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, ref)
    except PasswordDeleteError:
        if _read_secret(ref) is not None:  # it is there, and could not be removed
            raise _keyring_failed("delete", PasswordDeleteError()) from None
        # already gone (removed by hand in the keyring app): nothing to do
    except Exception as exc:
        raise _keyring_failed("delete", exc) from None
    secret_ledger.forget([ref])


# --- undoing keyring changes when the transaction does not commit --------------------------------


def _on_commit(session: Session) -> None:
    session.info.pop(_UNDO_KEY, None)


def _on_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is not None or transaction.nested:
        return
    undo: list[Callable[[], None]] = session.info.pop(_UNDO_KEY, [])
    for action in reversed(undo):
        try:
            action()
        except Exception as exc:  # never mask the error that rolled the transaction back
            log.warning("A keyring change could not be undone (%s)", type(exc).__name__)


def _remember_undo(session: Session, action: Callable[[], None]) -> None:
    if not session.info.get("agencydesk.keyring_hooked"):
        sa.event.listen(session, "after_commit", _on_commit)
        sa.event.listen(session, "after_transaction_end", _on_transaction_end)
        session.info["agencydesk.keyring_hooked"] = True
    session.info.setdefault(_UNDO_KEY, []).append(action)


# --- services ------------------------------------------------------------------------------------


def _row(credential: Credential) -> CredentialRow:
    assert credential.id is not None
    return CredentialRow(
        id=credential.id,
        client_id=credential.client_id,
        label=credential.label,
        url=credential.url,
        username=credential.username,
        notes=credential.notes,
        updated_at=credential.updated_at,
    )


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
    _set_secret(ref, secret)
    _remember_undo(session, lambda: _delete_secret(ref))
    return _row(credential)


def _get(session: Session, credential_id: int) -> Credential:
    credential = session.get(Credential, credential_id)
    if credential is None:
        raise UserError("That login no longer exists. It may have been deleted.")
    return credential


def update_credential(
    *,
    session: Session,
    credential_id: int,
    values: Mapping[str, Any],
    secret: str | None = None,
) -> CredentialRow:
    """Change a login's description; a new *secret* replaces the old one (None keeps it)."""
    if secret is not None and not secret:
        raise ValidationError({"secret": "secret_required"})
    credential = _get(session, credential_id)
    cleaned = check_values(
        session=session,
        client_id=credential.client_id,
        values=values,
        credential_id=credential_id,
    )
    for key, value in cleaned.items():
        setattr(credential, key, value)
    credential.updated_at = utcnow()
    session.add(credential)
    session.flush()
    if secret is not None:
        require_keyring()
        ref = credential.secret_ref
        old = _read_secret(ref)
        _set_secret(ref, secret)
        if old is None:
            _remember_undo(session, lambda: _delete_secret(ref))
        else:
            _remember_undo(session, lambda: _set_secret(ref, old))
    return _row(credential)


def delete_credential(*, session: Session, credential_id: int) -> None:
    """Delete a login and its keyring entry. The caller commits; a rollback puts the secret back."""
    require_keyring()
    credential = _get(session, credential_id)
    ref = credential.secret_ref
    session.delete(credential)
    session.flush()
    old = _read_secret(ref)
    if old is None:
        return  # the keyring entry was already gone
    _delete_secret(ref)
    _remember_undo(session, lambda: _set_secret(ref, old))


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
        raise UserError(
            f"The password for “{credential.label}” is not in the keyring any more (it may have "
            "been removed there, or this database came from another computer). Edit the login "
            "and type the password again."
        )
    return value


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
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return set()
    try:
        return {row[0] for row in connection.execute("SELECT secret_ref FROM credential")}
    except sqlite3.Error:  # an older backup, from before logins existed
        return set()
    finally:
        connection.close()


def prune_orphans(
    *, session: Session, backups: Iterable[Path], dry_run: bool = False
) -> PruneReport:
    """Remove the keyring entries agencydesk made on this computer that neither the database nor
    any of *backups* names any more (left behind by a restored backup or a deleted database)."""
    require_keyring()
    named = set(session.exec(select(col(Credential.secret_ref))).all())
    secret_ledger.record(named)  # entries made before the ledger existed
    in_backups: set[str] = set()
    for backup in backups:
        in_backups |= refs_in_database_file(backup)
    candidates = secret_ledger.recorded() - named
    orphans = sorted(candidates - in_backups)
    removed = 0
    for ref in orphans:
        if _read_secret(ref) is None:  # a reference whose secret never made it, or is gone
            if not dry_run:
                secret_ledger.forget([ref])
            continue
        if not dry_run:
            _delete_secret(ref)
        removed += 1
    return PruneReport(removed=removed, kept_for_backups=len(candidates & in_backups))
