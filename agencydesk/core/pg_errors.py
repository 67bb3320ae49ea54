"""Plain sentences for what goes wrong when a desk connects to its team server.

psycopg reports a failed connection as one ``OperationalError`` whose text is libpq's (and the
server's) English message, without an SQLSTATE; the cause is told apart by that text. Each
sentence says what happened and what to do. A message we do not know still becomes a sentence
that quotes the server, so that a connection problem is never shown as a bug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WHERE = re.compile(r'connection to server at "([^"]+)"(?:[^,]*)?, port (\d+) failed')


def _where(cause: BaseException) -> str:
    """``db.example.com:5432`` from libpq's "connection to server at …, port … failed", else
    from the failed connection psycopg keeps; "" when neither says (psycopg's own "connection
    timeout expired"; the sentences then read "The server could not …", not "The server the
    server could not …" or "Nobody answers at .")."""
    found = _WHERE.search(str(cause))
    if found:
        return f"{found.group(1)}:{found.group(2)}"
    connection = getattr(cause, "pgconn", None)
    host, port = getattr(connection, "host", b""), getattr(connection, "port", b"")
    if isinstance(host, bytes) and host and not host.startswith(b"/"):  # not a socket folder
        return f"{host.decode(errors='replace')}:{port.decode(errors='replace') or 5432}"
    return ""


def fill(sentence: str, problem: Problem) -> str:
    """*sentence* (English or translated) with *problem*'s place, name and words in it."""
    text = sentence.format(where=problem.where, name=problem.name, words=problem.words)
    return " ".join(text.split()).replace(" .", ".")


def _quoted(text: str, after: str) -> str:
    found = re.search(after + r' "([^"]*)"', text)
    return found.group(1) if found else ""


def _server_words(text: str) -> str:
    """The server's own message, without libpq's "connection to server … failed:" and FATAL."""
    words = text.split("failed:", 1)[-1]
    words = re.sub(r"\b(FATAL|ERROR):\s*", "", words)
    return " ".join(words.split()).rstrip(".")


@dataclass(frozen=True)
class Problem:
    """What kept a desk from its server: *kind* (a key of `SENTENCES`), where it happened
    (``host:port``), the name it concerns (a user, a database) and the server's own words."""

    kind: str
    where: str
    name: str = ""
    words: str = ""


#: the English sentences (the command line's; the window has them translated by kind)
SENTENCES = {
    "password_refused": (
        "The server {where} refused the password of {name}. Type it again (File ▸ Connect to a "
        "team server…, or leave it out of --db and agencydesk asks), or ask whoever runs the "
        "server for the right one."
    ),
    "password_missing": (
        "The server {where} asks for a password and none is kept on this computer. Connect once "
        "with File ▸ Connect to a team server… (or in a terminal, where agencydesk asks for it): "
        "it is then kept in your keyring."
    ),
    "no_database": (
        "There is no database “{name}” on {where}. Check its name; a new one is made with "
        "“createdb {name}” and prepared with “agencydesk server init”."
    ),
    "no_login": (
        "“{name}” may not log in on {where} (a role without LOGIN, such as a group). Connect as "
        "the desks' user that “agencydesk server init” made (agencydesk_desk), or ask whoever "
        "runs the server to allow it: ALTER ROLE {name} LOGIN."
    ),
    "no_user": (
        "There is no user “{name}” on {where}. Check the user name; the desks' user is made by "
        "“agencydesk server init” (agencydesk_desk unless it was given another name)."
    ),
    "no_connect_right": (
        "This user may not connect to that database on {where}. Ask whoever runs the server to "
        "run “agencydesk server init” on it, which lets the desks' user in."
    ),
    "no_tls_offered": (
        "The server {where} does not offer TLS, but the TLS mode asks for it. Choose the TLS mode "
        "“prefer” (or ask whoever runs the server to switch TLS on)."
    ),
    "not_let_in": (
        "The server {where} does not let this computer in. Ask whoever runs it to allow this "
        "computer (pg_hba.conf)."
    ),
    "not_let_in_plain": (
        "The server {where} does not let this computer in without TLS. Choose the TLS mode "
        "“require”; otherwise ask whoever runs it to allow this computer (pg_hba.conf)."
    ),
    "certificate": (
        "The TLS certificate of {where} could not be verified ({words}). Choose the TLS mode "
        "“require”, or install the server's certificate authority."
    ),
    "unknown_host": (
        "The server name “{name}” is not known. Check how it is written, and that this computer "
        "is on the network."
    ),
    "no_answer": (
        "The server {where} does not answer. Check the server's name and port, that PostgreSQL "
        "runs there, and that no firewall is in between; then try again."
    ),
    "full": "The server {where} is full (too many connections). Try again in a moment.",
    "other": "The server {where} could not be reached ({words}).",
    "no_rights": (
        "This user may not use the desk's tables in that database ({words}). Ask whoever runs "
        "the server to run “agencydesk server init” on it, which gives the desks' user its rights."
    ),
}


def classify(exc: BaseException) -> Problem | None:
    """What went wrong connecting to a PostgreSQL server, or None if *exc* is no such failure."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if type(cause).__module__.split(".")[0] != "psycopg":
        return None
    text = str(cause)
    where = _where(cause)
    if type(cause).__name__ == "InsufficientPrivilege":  # the desks' user, before server init
        return Problem("no_rights", where, words=_server_words(text))
    if type(cause).__name__ not in ("OperationalError", "ConnectionTimeout", "InterfaceError"):
        return None
    lowered = text.lower()
    if "password authentication failed" in lowered:
        return Problem("password_refused", where, _quoted(text, "for user") or "this user")
    if "no password supplied" in lowered:
        return Problem("password_missing", where)
    if "does not exist" in lowered and "database" in lowered:
        return Problem("no_database", where, _quoted(text, "database"))
    if "not permitted to log in" in lowered:
        return Problem("no_login", where, _quoted(text, "role"))
    if "role" in lowered and "does not exist" in lowered:
        return Problem("no_user", where, _quoted(text, "role"))
    if "permission denied for database" in lowered:
        return Problem("no_connect_right", where)
    if "server does not support ssl" in lowered:
        return Problem("no_tls_offered", where)
    if "no pg_hba.conf entry" in lowered:
        plain = "ssl off" in lowered or "no encryption" in lowered
        return Problem("not_let_in_plain" if plain else "not_let_in", where)
    if "certificate" in lowered or ("ssl" in lowered and "verify" in lowered):
        return Problem("certificate", where, words=_server_words(text))
    if "failed to resolve host" in lowered or "could not translate host name" in lowered:
        host = re.search(r"host(?: name)? '?\"?([^'\": ]+)", text)
        return Problem("unknown_host", where, host.group(1) if host else "")
    if any(
        words in lowered
        for words in ("connection refused", "timeout expired", "no route to host", "timed out")
    ):
        return Problem("no_answer", where)
    if "too many connections" in lowered or "remaining connection slots" in lowered:
        return Problem("full", where)
    return Problem("other", where, words=_server_words(text))


def connect_sentence(exc: BaseException) -> str | None:
    """The English sentence for a failed connection to a PostgreSQL server, or None if *exc* is
    not one."""
    problem = classify(exc)
    if problem is None:
        return None
    return fill(SENTENCES[problem.kind], problem)


def wants_password(exc: BaseException) -> bool:
    """True when the server asked for a password it was not given, or refused the one given."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "no password supplied" in text or "password authentication failed" in text
