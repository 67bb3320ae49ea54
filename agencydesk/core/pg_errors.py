"""Plain sentences for what goes wrong when a desk connects to its team server.

psycopg reports a failed connection as one ``OperationalError`` whose text is libpq's (and the
server's) English message, without an SQLSTATE; the cause is told apart by that text. Each
sentence says what happened and what to do. A message we do not know still becomes a sentence
that quotes the server, so that a connection problem is never shown as a bug.
"""

from __future__ import annotations

import re

_WHERE = re.compile(r'connection to server at "([^"]+)"(?:[^,]*)?, port (\d+) failed')


def _where(text: str) -> str:
    """``db.example.com:5432`` from libpq's "connection to server at …, port … failed"."""
    found = _WHERE.search(text)
    return f"{found.group(1)}:{found.group(2)}" if found else "the server"


def _quoted(text: str, after: str) -> str:
    found = re.search(after + r' "([^"]*)"', text)
    return found.group(1) if found else ""


def _server_words(text: str) -> str:
    """The server's own message, without libpq's "connection to server … failed:" and FATAL."""
    words = text.split("failed:", 1)[-1]
    words = re.sub(r"\b(FATAL|ERROR):\s*", "", words)
    return " ".join(words.split()).rstrip(".")


def connect_sentence(exc: BaseException) -> str | None:
    """The sentence for a failed connection to a PostgreSQL server, or None if *exc* is not one."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if type(cause).__module__.split(".")[0] != "psycopg":
        return None
    if type(cause).__name__ not in ("OperationalError", "ConnectionTimeout", "InterfaceError"):
        return None
    text = str(cause)
    where = _where(text)
    lowered = text.lower()
    if "password authentication failed" in lowered:
        user = _quoted(text, "for user")
        return (
            f"The server {where} refused the password of {user or 'this user'}. Type it again "
            "(File ▸ Connect to a team server…, or leave it out of --db and agencydesk asks), or "
            "ask whoever runs the server for the right one."
        )
    if "no password supplied" in lowered:
        return (
            f"The server {where} asks for a password and none is kept on this computer. Connect "
            "once with File ▸ Connect to a team server… (or in a terminal, where agencydesk asks "
            "for it): it is then kept in your keyring."
        )
    if "does not exist" in lowered and "database" in lowered:
        name = _quoted(text, "database")
        return (
            f"There is no database “{name}” on {where}. Check its name; a new one is made with "
            f"“createdb {name}” and prepared with “agencydesk server init”."
        )
    if "not permitted to log in" in lowered:
        role = _quoted(text, "role")
        return (
            f"“{role}” may not log in on {where} (a role without LOGIN, such as a group). Connect "
            "as the desks' user that “agencydesk server init” made (agencydesk_desk), or ask "
            f"whoever runs the server to allow it: ALTER ROLE {role} LOGIN."
        )
    if "role" in lowered and "does not exist" in lowered:
        role = _quoted(text, "role")
        return (
            f"There is no user “{role}” on {where}. Check the user name; the desks' user is made "
            "by “agencydesk server init” (agencydesk_desk unless it was given another name)."
        )
    if "permission denied for database" in lowered:
        return (
            f"This user may not connect to that database on {where}. Ask whoever runs the server "
            "to run “agencydesk server init” on it, which lets the desks' user in."
        )
    if "server does not support ssl" in lowered:
        return (
            f"The server {where} does not offer TLS, but the TLS mode asks for it. Choose the TLS "
            "mode “prefer” (or ask whoever runs the server to switch TLS on)."
        )
    if "no pg_hba.conf entry" in lowered:
        tls = " without TLS" if "ssl off" in lowered or "no encryption" in lowered else ""
        return (
            f"The server {where} does not let this computer in{tls}. Choose the TLS mode "
            "“require” if the server wants TLS; otherwise ask whoever runs it to allow this "
            "computer (pg_hba.conf)."
        )
    if "certificate" in lowered or ("ssl" in lowered and "verify" in lowered):
        return (
            f"The TLS certificate of {where} could not be verified ({_server_words(text)}). "
            "Choose the TLS mode “require”, or install the server's certificate authority."
        )
    if "failed to resolve host" in lowered or "could not translate host name" in lowered:
        host = re.search(r"host(?: name)? '?\"?([^'\": ]+)", text)
        return (
            f"The server name “{host.group(1) if host else ''}” is not known. Check how it is "
            "written, and that this computer is on the network."
        )
    if any(
        words in lowered
        for words in ("connection refused", "timeout expired", "no route to host", "timed out")
    ):
        return (
            f"Nobody answers at {where}. Check the server's name and port, that PostgreSQL runs "
            "there, and that no firewall is in between; then try again."
        )
    if "too many connections" in lowered or "remaining connection slots" in lowered:
        return f"The server {where} is full (too many connections). Try again in a moment."
    return f"The server {where} could not be reached ({_server_words(text)})."


def wants_password(exc: BaseException) -> bool:
    """True when the server asked for a password it was not given, or refused the one given."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "no password supplied" in text or "password authentication failed" in text
