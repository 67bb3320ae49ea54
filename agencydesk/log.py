"""Logging to a private file in the user's log folder. Never logs message bodies or secrets."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from agencydesk import paths

LOG_FILENAME = "agencydesk.log"
MAX_BYTES = 1_000_000
KEEP = 3
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to `<user_log_dir>/agencydesk.log` (0600, rotated). Returns the log file's path.

    Rotation happens here, at start-up (agencydesk.log → .1 → .2 → .3), so the handler is a
    plain FileHandler (importing logging.handlers costs start-up time).
    """
    folder = folder or paths.log_dir()
    log_path = folder / LOG_FILENAME
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
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_agencydesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler._agencydesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    # SQL and its result rows (message bodies, notes) never reach the log, even at DEBUG.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return log_path
