"""Run work off the GUI thread and hand the outcome back on it (after Picard's `run_task` and
napari's `create_worker`).

- `run_task` returns a `TaskHandle`; its `cancel()` asks the work to stop at its next step.
- Progress: a task that is a generator yields it (each value reaches `on_progress` on the GUI
  thread; after `cancel()` the generator is closed at its next yield). Code that reports through
  a callback instead (the chat import, the PDF writer) calls `report_progress`, which says
  whether to go on.
- `key`: the latest task with the same key (and owner) wins; an older one still running is
  asked to stop and its outcome is dropped, so a slow answer to an old question never
  overwrites the answer to the new one.
- `owner`: a QObject (usually the page) whose deletion drops the outcome, whatever the
  callbacks are (lambdas too); a deleted QObject's bound methods are recognised without one.

Only plain values (ids, numbers, dataclasses) cross threads; every task opens its own Session.
Tests may run tasks inline with `inline_tasks` (after Picard's FakeThreadPool): no waiting.
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# threads for the tasks at least. Qt's pool has one per core, made for work that computes;
# these tasks mostly wait for the database, and on a team server a network away a background
# read (Today refreshing after a change) takes seconds. With two threads (a 2-core laptop) two
# of those kept the ticket just chosen waiting 1.4 s for its own 0.4 s read.
MIN_THREADS = 8


class TaskCancelled(Exception):  # noqa: N818 (the name says it)
    """A task stopped at a step because it was cancelled (what its `on_error` receives)."""


class TaskHandle:
    """What `run_task` returns: the running task, which may be asked to stop."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        # a newer task with the same key started: this one's outcome is dropped
        self.superseded = False

    def cancel(self) -> None:
        """Ask the work to stop at its next step; it then ends with its own outcome (often an
        error saying it was cancelled), which is still delivered."""
        self._cancel.set()

    def drop(self) -> None:
        """Cancel and drop the outcome: nothing is delivered any more."""
        self.superseded = True
        self.cancel()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; its queued signals carry the outcome back there."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(object)


_current = threading.local()  # the task running on this thread, for report_progress


def report_progress(value: object) -> bool:
    """From inside a task: hand *value* to its `on_progress`; False once the task is cancelled
    (the caller should stop). Outside a task it does nothing and says go on."""
    if cancel_requested():
        return False
    task: _Task | None = getattr(_current, "task", None)
    if task is not None:
        task.relay.progressed.emit(value)
    return True


def cancel_requested() -> bool:
    """From inside a task: True once it was cancelled (False outside a task)."""
    task: _Task | None = getattr(_current, "task", None)
    return task is not None and task.handle.is_cancelled()


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay, handle: TaskHandle) -> None:
        super().__init__()
        self._func = func
        self.relay = relay
        self.handle = handle

    def run(self) -> None:
        outer, _current.task = getattr(_current, "task", None), self
        try:
            try:
                result = self._func()
                if inspect.isgenerator(result):
                    result = self._step_through(result)
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                self.relay.failed.emit(exc, traceback.format_exc())
            else:
                self.relay.succeeded.emit(result)
        except RuntimeError:
            # The application shut down while this task ran: nobody is left to tell.
            log.info("A background task finished after the window closed; result dropped.")
        finally:
            _current.task = outer

    def _step_through(self, steps: Any) -> Any:
        """Run a generator task: what it yields is progress, what it returns the result."""
        while True:
            try:
                value = next(steps)
            except StopIteration as done:
                return done.value
            if not report_progress(value):
                steps.close()
                raise TaskCancelled


class _Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class InlinePool:
    """Runs each task at once on the calling thread, so its outcome is delivered before
    `run_task` returns (for tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


_pool: _Pool | None = None  # None: Qt's global pool
_live_relays: set[_Relay] = set()
_latest: dict[tuple[int, Hashable], TaskHandle] = {}


@contextmanager
def inline_tasks() -> Iterator[None]:
    """Within the block every task runs inline on the GUI thread (see `InlinePool`)."""
    global _pool
    before, _pool = _pool, InlinePool()
    try:
        yield
    finally:
        _pool = before


def run_task(
    func: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    *,
    owner: QObject | None = None,
    key: Hashable | None = None,
    on_progress: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle:
    """Run *func* in the thread pool; call *on_result* or *on_error* later on the GUI thread,
    unless *owner* was deleted or a newer task with the same *key* started meanwhile."""
    handle = TaskHandle()
    relay = _Relay()
    _live_relays.add(relay)
    slot = None if key is None else (id(owner), key)
    if slot is not None:
        older = _latest.get(slot)
        if older is not None:
            older.drop()
        _latest[slot] = handle

    def wanted(callback: Callable[..., Any]) -> bool:
        if handle.superseded:
            return False
        return (owner is None or shiboken6.isValid(owner)) and _receiver_alive(callback)

    def finish() -> None:
        _live_relays.discard(relay)
        if slot is not None and _latest.get(slot) is handle:
            del _latest[slot]

    @Slot(object)
    def _done(result: Any) -> None:
        finish()
        if wanted(on_result):
            on_result(result)

    @Slot(object, str)
    def _failed(exc: BaseException, details: str) -> None:
        finish()
        if wanted(on_error):
            on_error(exc, details)
        elif not handle.superseded and not isinstance(exc, TaskCancelled):
            log.error("A background task failed after its page closed:\n%s", details)

    @Slot(object)
    def _progressed(value: Any) -> None:
        if on_progress is not None and wanted(on_progress):
            on_progress(value)

    relay.succeeded.connect(_done)
    relay.failed.connect(_failed)
    relay.progressed.connect(_progressed)
    (pool or _pool or _global_pool()).start(_Task(func, relay, handle))
    return handle


def _global_pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when *callback* is a method of a widget (or other QObject) that was deleted while
    the task ran: the page was closed, so the result has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (used on shutdown, so no task outlives the database)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
