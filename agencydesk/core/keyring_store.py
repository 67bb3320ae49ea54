"""The keyring side of client logins: whether a secure keyring is there (and if not, what to
install), and reading, writing and deleting one secret by its reference.

A change to the keyring cannot be part of the database transaction, so each change here is
remembered on the session and undone if the transaction then ends without a commit (a new entry
removed, an old secret put back). Every reference written is recorded in the secret ledger first
(`secret_ledger.py`), so that an entry the database forgets can still be found and pruned.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core import secret_ledger
from agencydesk.core.errors import UserError

log = logging.getLogger(__name__)

#: the keyring "service" every agencydesk secret is stored under
SERVICE = "agencydesk"
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


def _set_secret(ref: str, secret: str, desk: str | None = None) -> None:
    """*secret* in the keyring as *ref*, for the desk *desk* (`credentials.desk_key`)."""
    import keyring

    secret_ledger.record([ref], desk)
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
