"""Restarting the desk, for a new UI language: Qt widgets take their texts when they are built,
so the language is applied completely by starting again (the window is closed the usual way
first: its layout saved, the database shut, the single-window lock released)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_requested = False
# the arguments to start with instead of this start's (another desk: none, so that the desk
# remembered in the settings opens, not the one --db named)
_arguments: list[str] | None = None


def command(argv: list[str] | None = None) -> list[str]:
    """The command that starts this desk again with the same arguments (the bundle's own
    executable, or this Python running the agencydesk package)."""
    if argv is None and _arguments is not None:
        args = list(_arguments)
    else:
        args = list((argv if argv is not None else sys.argv)[1:])
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "agencydesk", *args]


def close_and_restart(window: QWidget, arguments: list[str] | None = None) -> bool:
    """Close *window* (which ends the event loop) and have the desk started again once it has
    shut down, with *arguments* (default: this start's). False when the window stayed open (it
    asked, and the user kept it)."""
    global _requested, _arguments
    _requested = True
    _arguments = arguments
    if not window.close():
        _requested = False
        _arguments = None
        return False
    return True


def pending() -> bool:
    return _requested


def cancel() -> None:
    """No restart after all (the desk is not started again when it ends)."""
    global _requested, _arguments
    _requested = False
    _arguments = None


def start_again() -> bool:
    """Start the desk again, if asked to (called after the event loop ended and the lock was
    released). True when a new desk was started."""
    global _requested
    if not _requested:
        return False
    _requested = False
    program, *arguments = command()
    started, _pid = QProcess.startDetached(program, arguments)
    if not started:
        log.error("Could not start agencydesk again: %s", command())
    return bool(started)
