"""Logging to a private file in the user's log folder. Never logs message bodies or secrets."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from agencydesk import paths

LOG_FILENAME = "agencydesk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to `<user_log_dir>/agencydesk.log` (0600, rotated). Returns the log file's path."""
    folder = folder or paths.log_dir()
    log_path = folder / LOG_FILENAME
    if not log_path.exists():
        os.close(os.open(log_path, os.O_CREAT | os.O_WRONLY, 0o600))
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_agencydesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler._agencydesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return log_path
