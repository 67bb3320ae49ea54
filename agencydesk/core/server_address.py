"""A team server's address, and where its password lives.

A desk on a team server is named by a PostgreSQL URL, ``postgresql+psycopg://USER@HOST[:PORT]/DB``
(``?sslmode=…`` for the TLS mode). The password is never part of what agencydesk keeps, prints or
logs: it lives in the OS keyring under its own service (`SERVICE`, apart from the client logins'),
one entry per user on a server (a PostgreSQL role's password is the same for every database of
that server). Where no secure keyring exists it is kept in memory for this run only; libpq's own
``~/.pgpass`` and ``PGPASSWORD`` still work, since psycopg connects through libpq.
"""

from __future__ import annotations

import getpass
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agencydesk.core.desk_location import is_server_url

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# SQLAlchemy is imported inside the functions that read a URL: `is_server_url` runs while the
# window's command line is parsed, before the window is shown, and importing SQLAlchemy there
# cost every start ~130 ms (benchmarks/startup.py: shown 1.8x -> 3.0x a bare window).

log = logging.getLogger(__name__)

#: the keyring service of database passwords (client logins use "agencydesk")
SERVICE = "agencydesk-server"
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: libpq's sslmode values, the "TLS mode" of the connect dialog; prefer is libpq's default
TLS_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_TLS = "prefer"
#: seconds to wait for a server that does not answer (libpq waits for ever by default)
CONNECT_TIMEOUT_S = 10
_EXAMPLE = "postgresql+psycopg://USER@HOST:5432/DATABASE"
#: passwords typed this run where no keyring can keep them: {keyring key: password}
_session_passwords: dict[str, str] = {}


class AddressError(ValueError):
    """The text is no usable server address; the message says what to write instead."""


@dataclass(frozen=True)
class ServerAddress:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: str = DEFAULT_TLS

    def url(self) -> str:
        """The URL without a password (safe to print, log and keep in settings)."""
        from sqlalchemy.engine import URL

        query = {} if self.tls == DEFAULT_TLS else {"sslmode": self.tls}
        return URL.create(
            DRIVER,
            username=self.user,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        ).render_as_string(hide_password=False)

    def display(self) -> str:
        """How sentences name it: ``agency on db.example.com`` (with the port if not 5432)."""
        where = self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"
        return f"{self.database} on {where}"

    def keyring_key(self) -> str:
        """The keyring entry of this user's password on this server."""
        return f"{self.user}@{self.host}:{self.port}"

    def with_user(self, user: str) -> ServerAddress:
        return replace(self, user=user)


def parse(text: str) -> tuple[ServerAddress, str | None]:
    """The address in *text* and the password written in it, if any (raises AddressError)."""
    if not is_server_url(text):
        raise AddressError(f"“{text}” is not a server address; write it as {_EXAMPLE}.")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise AddressError(f"The server address cannot be read; write it as {_EXAMPLE}.") from None
    if url.drivername not in ("postgresql", "postgres", DRIVER):
        raise AddressError(
            f"agencydesk talks to PostgreSQL through psycopg; write the address as {_EXAMPLE}."
        )
    if not url.host:
        raise AddressError(f"The server address names no server; write it as {_EXAMPLE}.")
    if not url.database:
        raise AddressError(
            f"The server address names no database (the part after the last /); write it as "
            f"{_EXAMPLE}."
        )
    unknown = sorted(set(url.query) - {"sslmode"})
    if unknown:
        raise AddressError(
            f"agencydesk does not use “{', '.join(unknown)}” in a server address; only the TLS "
            "mode (?sslmode=require, say) may follow the database's name."
        )
    tls = str(url.query.get("sslmode", DEFAULT_TLS))
    if tls not in TLS_MODES:
        raise AddressError(f"The TLS mode “{tls}” is unknown; use one of {', '.join(TLS_MODES)}.")
    address = ServerAddress(
        host=url.host,
        database=url.database,
        user=url.username or getpass.getuser(),  # libpq's default: the computer's user name
        port=url.port or DEFAULT_PORT,
        tls=tls,
    )
    return address, url.password if isinstance(url.password, str) else None


# -- the password ---------------------------------------------------------------------------------


def _keyring_usable() -> bool:
    from agencydesk.core.keyring_store import keyring_status

    return keyring_status().usable


def stored_password(address: ServerAddress) -> str | None:
    """The password kept for *address*'s user on its server (keyring, else this run's memory)."""
    key = address.keyring_key()
    if key in _session_passwords:
        return _session_passwords[key]
    if not _keyring_usable():
        return None
    import keyring

    try:
        value = keyring.get_password(SERVICE, key)
    except Exception as exc:  # a locked keyring: connect without, and the server says if needed
        log.warning("The keyring could not be read for a server password (%s)", type(exc).__name__)
        return None
    return value if isinstance(value, str) else None


def store_password(address: ServerAddress, password: str) -> bool:
    """Keep *password* in the keyring (True), or for this run only where there is none (False)."""
    key = address.keyring_key()
    if _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, key, password)
        except Exception as exc:
            log.warning("The keyring could not keep a server password (%s)", type(exc).__name__)
        else:
            _session_passwords.pop(key, None)
            return True
    _session_passwords[key] = password
    return False


def use_for_now(address: ServerAddress, password: str) -> None:
    """Connect with *password* in this run, without keeping it (until the server took it)."""
    _session_passwords[address.keyring_key()] = password


def drop_for_now(address: ServerAddress) -> None:
    """Stop using the password given to `use_for_now` (the keyring's, if any, is used again)."""
    _session_passwords.pop(address.keyring_key(), None)


def forget_password(address: ServerAddress) -> None:
    """Remove the kept password (after the server refused it, say)."""
    key = address.keyring_key()
    _session_passwords.pop(key, None)
    if not _keyring_usable():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        pass  # there was none
    except Exception as exc:
        log.warning("The keyring could not forget a server password (%s)", type(exc).__name__)


def connect_args(url: str | URL) -> dict[str, Any]:
    """What psycopg needs beside the URL: the kept password (when the URL has none), a time
    limit for a server that does not answer, and a name the server's admin recognises."""
    args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "agencydesk",
    }
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.password is None and parsed.host:
        address = ServerAddress(
            host=parsed.host,
            database=parsed.database or "",
            user=parsed.username or getpass.getuser(),
            port=parsed.port or DEFAULT_PORT,
        )
        password = stored_password(address)
        if password is not None:
            args["password"] = password
    return args


def local_folder(address: ServerAddress) -> Path:
    """This computer's folder for a team desk (media of imported chats, its snapshots):
    one per database on a server, private like the rest of the data folder."""
    from agencydesk import paths

    name = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{address.database}@{address.host}_{address.port}")
    folder = paths.data_dir() / "servers" / name
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
