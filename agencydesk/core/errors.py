"""Errors the user can act on. Anything else is a bug and is logged and reported as one."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and fix; its message is plain language."""


DATABASE_BUSY = "The database is busy: another agencydesk is writing to it. Try again in a moment."

# SQLite's primary result codes (the low byte of its extended codes) for "someone else holds
# the lock": SQLITE_BUSY, SQLITE_LOCKED
_SQLITE_LOCK_CODES = (5, 6)


def user_error_for(exc: BaseException) -> UserError | None:
    """The plain sentence for an environment problem that arrives as a library's error (the
    database stayed locked longer than the busy timeout), or None: then it is a bug."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_LOCK_CODES:
        return UserError(DATABASE_BUSY)
    return None


class ValidationError(UserError):
    """Field-level problems in something the user typed.

    `errors` maps a field name to an error code (e.g. ``"name_required"``); the GUI turns codes into
    translated sentences next to the fields, the CLI prints the English text from `ERROR_TEXT`.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        text = "; ".join(f"{field}: {ERROR_TEXT.get(code, code)}" for field, code in errors.items())
        super().__init__(text)


ERROR_TEXT: dict[str, str] = {
    "name_required": "Please enter the client's name.",
    "too_long": "This is too long.",
    "email_invalid": "This does not look like an email address (name@example.com).",
    "website_invalid": "This does not look like a web address (katering-ratna.id).",
    "phone_invalid": "A phone number has digits, and may start with + (e.g. +62 812 3456 7890).",
    "tech_comfort_range": "Choose a level from 1 (needs a lot of help) to 5 (very comfortable).",
    "channel_unknown": "Choose one of the listed channels.",
    "first_contact_future": "The first contact cannot be in the future.",
    "introduced_by_self": "A client cannot introduce themselves.",
    "introduced_by_missing": "That client does not exist (any more).",
    "introduced_by_cycle": (
        "A client cannot be introduced by someone they introduced (directly or through others)."
    ),
    "introduced_on_future": "The day of the introduction cannot be in the future.",
    "introduction_message_missing": "That message is not in this client's or the referrer's chat.",
    # client logins (core.credentials)
    "label_required": "Please give the login a label (e.g. cPanel, WordPress admin).",
    "label_taken": "This client already has a login with this label.",
    "secret_required": "Please enter the password.",
}
