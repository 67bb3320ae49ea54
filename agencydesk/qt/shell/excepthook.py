"""The crash handler, installed first thing at start-up; the dialogs load only when needed."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

log = logging.getLogger(__name__)
_reporting = False


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    global _reporting
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    formatted = "".join(traceback.format_exception(exc_type, exc, tb))
    from PySide6.QtWidgets import QApplication

    if _reporting or QApplication.instance() is None:
        log.error("Unexpected error\n%s", formatted)
        sys.__excepthook__(exc_type, exc, tb)
        return
    _reporting = True
    try:
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(QApplication.activeWindow(), exc, formatted)
    finally:
        _reporting = False


def install_excepthook() -> None:
    """Every uncaught exception: logged with its traceback and shown as a bug report."""
    sys.excepthook = _excepthook
