"""Run work off the GUI thread and hand the result back on it (after Picard's `run_task`).

Only plain values (ids, numbers, dataclasses) cross threads; every task opens its own Session.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its queued signals carry the outcome back there."""

    succeeded = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            try:
                result = self._func()
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                self._relay.failed.emit(exc, traceback.format_exc())
            else:
                self._relay.succeeded.emit(result)
        except RuntimeError:
            # The application shut down while this task ran: nobody is left to tell.
            log.info("A background task finished after the window closed; result dropped.")


_live_relays: set[_Relay] = set()


def run_task(
    func: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run *func* in the thread pool; call *on_result* or *on_error* later on the GUI thread."""
    relay = _Relay()
    _live_relays.add(relay)

    @Slot(object)
    def _done(result: Any) -> None:
        _live_relays.discard(relay)
        if _receiver_alive(on_result):
            on_result(result)

    @Slot(object, str)
    def _failed(exc: BaseException, details: str) -> None:
        _live_relays.discard(relay)
        if _receiver_alive(on_error):
            on_error(exc, details)
        else:
            log.error("A background task failed after its page closed:\n%s", details)

    relay.succeeded.connect(_done)
    relay.failed.connect(_failed)
    (pool or QThreadPool.globalInstance()).start(_Task(func, relay))


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when *callback* is a method of a widget (or other QObject) that was deleted while
    the task ran: the page was closed, so the result has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (used on shutdown, so no task outlives the database)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
