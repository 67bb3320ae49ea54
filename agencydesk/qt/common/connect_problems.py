"""The sentences of `core.pg_errors` in the window's language: the core says what went wrong
(a kind, where, a name), the window says it in English or Indonesian."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agencydesk.core.pg_errors import Problem, classify, fill


def _sentences() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "password_refused": translate(
            "ConnectProblems",
            "The server {where} refused the password of {name}. Type it again, or ask whoever "
            "runs the server for the right one.",
        ),
        "password_missing": translate(
            "ConnectProblems",
            "The server {where} asks for a password. Type it here: it is then kept in your "
            "keyring.",
        ),
        "no_database": translate(
            "ConnectProblems",
            "There is no database “{name}” on {where}. Check its name; a new one is made with "
            "“createdb {name}” and prepared with “agencydesk server init”.",
        ),
        "no_login": translate(
            "ConnectProblems",
            "“{name}” may not log in on {where} (a role without LOGIN, such as a group). Connect "
            "as the desks' user that “agencydesk server init” made (agencydesk_desk), or ask "
            "whoever runs the server to allow it.",
        ),
        "no_user": translate(
            "ConnectProblems",
            "There is no user “{name}” on {where}. Check the user name; the desks' user is made "
            "by “agencydesk server init” (agencydesk_desk unless it was given another name).",
        ),
        "no_connect_right": translate(
            "ConnectProblems",
            "This user may not connect to that database on {where}. Ask whoever runs the server "
            "to run “agencydesk server init” on it, which lets the desks' user in.",
        ),
        "no_tls_offered": translate(
            "ConnectProblems",
            "The server {where} does not offer TLS, but the TLS mode asks for it. Choose the TLS "
            "mode “Prefer” (or ask whoever runs the server to switch TLS on).",
        ),
        "not_let_in": translate(
            "ConnectProblems",
            "The server {where} does not let this computer in. Ask whoever runs it to allow this "
            "computer (pg_hba.conf).",
        ),
        "not_let_in_plain": translate(
            "ConnectProblems",
            "The server {where} does not let this computer in without TLS. Choose the TLS mode "
            "“Require”; otherwise ask whoever runs it to allow this computer (pg_hba.conf).",
        ),
        "certificate": translate(
            "ConnectProblems",
            "The TLS certificate of {where} could not be verified ({words}). Choose the TLS mode "
            "“Require”, or install the server's certificate authority.",
        ),
        "unknown_host": translate(
            "ConnectProblems",
            "The server name “{name}” is not known. Check how it is written, and that this "
            "computer is on the network.",
        ),
        "no_answer": translate(
            "ConnectProblems",
            "The server {where} does not answer. Check the server's name and port, that "
            "PostgreSQL runs there, and that no firewall is in between; then try again.",
        ),
        "full": translate(
            "ConnectProblems",
            "The server {where} is full (too many connections). Try again in a moment.",
        ),
        "other": translate("ConnectProblems", "The server {where} could not be reached ({words})."),
        "no_rights": translate(
            "ConnectProblems",
            "This user may not use the desk's tables in that database ({words}). Ask whoever "
            "runs the server to run “agencydesk server init” on it, which gives the desks' user "
            "its rights.",
        ),
    }


def problem_sentence(exc: BaseException) -> str | None:
    """The translated sentence for a failed connection, or None if *exc* is not one."""
    problem: Problem | None = classify(exc)
    if problem is None:
        return None
    return fill(_sentences()[problem.kind], problem)
