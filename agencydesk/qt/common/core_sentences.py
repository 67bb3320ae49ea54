"""The sentences of `core.errors.SaidError` in the window's language: the core says what went
wrong (a kind and its names), the window says it in English or Indonesian, as
`qt.shell.connect_problems` does for a server that cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agencydesk.core.errors import SaidError


def _sentences() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "newer_schema": translate(
            "CoreSentences",
            "This database was written by a newer version of agencydesk (schema {schema}). "
            "Please update agencydesk to open it.",
        ),
        "desk_role_unprepared": translate(
            "CoreSentences",
            "The server database {database} is not prepared for agencydesk yet, and {user} may "
            "read and write a desk but not change its tables. Whoever runs the server does this "
            "once, as the database's owner: agencydesk server init "
            "postgresql+psycopg://OWNER@HOST/{database}; then connect again.",
        ),
        "desk_role_outdated": translate(
            "CoreSentences",
            "The server database {database} needs an upgrade to this version of agencydesk "
            "(schema {schema} to {head}), and {user} may read and write a desk but not change "
            "its tables. Whoever runs the server does this once, as the database's owner: "
            "agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; then connect "
            "again.",
        ),
        "move_target_has_data": translate(
            "CoreSentences",
            "The server database {database} already holds a desk (rows in {held}); agencydesk "
            "moves a desk only into an empty database, so nothing was copied. Create a new "
            "database (createdb …) and prepare it with agencydesk server init, or export this "
            "one first (agencydesk server export) if it should be kept.",
        ),
        "foreign_server_database": translate(
            "CoreSentences",
            "The server database {database} is not an agencydesk desk: it holds another "
            "program's tables ({held}). agencydesk leaves it as it is. Give the address of a "
            "desk, or of an empty database made for one (createdb …).",
        ),
        "not_a_database": translate(
            "CoreSentences",
            "{path} is not an agencydesk database (it is not a database file at all). "
            "agencydesk leaves it as it is; choose another file.",
        ),
        "foreign_database": translate(
            "CoreSentences",
            "{path} is not an agencydesk database: it holds another program's tables. "
            "agencydesk leaves it as it is; choose another file.",
        ),
        "file_not_written": translate(
            "CoreSentences",
            "{path} could not be written: {why}. Nothing was saved; free some space or choose "
            "another folder.",
        ),
    }


def user_text(exc: BaseException) -> str:
    """What the window says for a `UserError`: a `SaidError` in the window's language, any
    other in its own words."""
    if isinstance(exc, SaidError):
        sentence = _sentences().get(exc.kind)
        if sentence is not None:
            return sentence.format(**exc.values)
    return str(exc)
