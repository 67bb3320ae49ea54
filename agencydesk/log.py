"""Logging to a private file in the user's log folder. Never logs message bodies or secrets.

The log is a help, never a condition: when it cannot be written (a folder that cannot be made, a
full disk) the app and the commands go on without it and say so once, in one line on stderr.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from agencydesk import paths

LOG_FILENAME = "agencydesk.log"
MAX_BYTES = 1_000_000
KEEP = 3
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _LogFile(logging.FileHandler):
    """The log file; on the first failed write it falls silent instead of printing a
    "--- Logging error ---" traceback on stderr for every line."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if not self.failed:
            self.failed = True
            _going_on_without_log(Path(self.baseFilename), sys.exc_info()[1])
            with contextlib.suppress(OSError):
                self.close()

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)


class _NoLog(logging.NullHandler):
    """In place of the log file that could not be opened: without any handler, logging's last
    resort would print every warning and error on stderr."""


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path | None:
    """Log to `<user_log_dir>/agencydesk.log` (0600, rotated). Returns the log file's path, or
    None when it cannot be written (said in one line on stderr; everything else goes on).

    Rotation happens here, at start-up (agencydesk.log → .1 → .2 → .3), so the handler is a
    plain FileHandler (importing logging.handlers costs start-up time).
    """
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old, (_LogFile, _NoLog)):
            root.removeHandler(old)
            old.close()
    handler: logging.Handler
    log_path: Path | None = None
    try:
        log_path = (folder or paths.log_dir()) / LOG_FILENAME
        _rotate_and_protect(log_path)
        handler = _LogFile(log_path, encoding="utf-8")
    except OSError as exc:
        _going_on_without_log(log_path, exc)
        handler = _NoLog()
        log_path = None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    # SQL and its result rows (message bodies, notes) never reach the log, even at DEBUG.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return log_path


def log_file() -> Path | None:
    """The log file being written, or None when there is none (it could not be written)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _LogFile) and not handler.failed:
            return Path(handler.baseFilename)
    return None


def _rotate_and_protect(log_path: Path) -> None:
    if log_path.exists() and log_path.stat().st_size > MAX_BYTES:
        for number in range(KEEP, 0, -1):
            older = log_path.with_name(f"{LOG_FILENAME}.{number}")
            newer = log_path if number == 1 else log_path.with_name(f"{LOG_FILENAME}.{number - 1}")
            with contextlib.suppress(FileNotFoundError):
                newer.replace(older)
    if not log_path.exists():
        os.close(os.open(log_path, os.O_CREAT | os.O_WRONLY, 0o600))
    elif os.name == "posix" and log_path.stat().st_mode & 0o077:
        log_path.chmod(0o600)  # a log from before this rule, or copied in by hand


_said = False


def _going_on_without_log(log_path: Path | None, exc: BaseException | None) -> None:
    """Say once, in one line on stderr, that there is no log from now on."""
    global _said
    if _said or sys.stderr is None:  # no stderr at all: a windowed app on Windows
        return
    _said = True
    place = log_path or getattr(exc, "filename", None)  # the folder that could not be made
    where = f" {place}" if place else ""
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    with contextlib.suppress(OSError, ValueError):
        print(
            f"agencydesk: cannot write the log{where} ({why}); going on without it.",
            file=sys.stderr,
        )
