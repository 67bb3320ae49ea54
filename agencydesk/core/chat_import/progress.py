"""How far an import is, told to the caller, who may answer "stop" (Cancel)."""

from __future__ import annotations

from collections.abc import Callable

from agencydesk.core.errors import UserError

#: called with (done, total); returning False cancels the import
Progress = Callable[[int, int], bool]


class ImportCancelled(UserError):  # noqa: N818 (the name the brief and callers use)
    """The user pressed Cancel; the caller's transaction rolls back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


class Ticker:
    """Counts the steps of one import (never beyond *total*) and reports each to *progress*."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = total
        self._done = 0

    def __call__(self, step: int) -> None:
        """*step* more steps are done; raises `ImportCancelled` when the caller says stop."""
        self._done = min(self._done + step, self.total)
        if self._progress is not None and not self._progress(self._done, self.total):
            raise ImportCancelled()


#: what the steps of an import call when they have done some work
Tick = Callable[[int], None]


def raising_on_cancel(progress: Progress | None) -> Callable[[int, int], None] | None:
    """*progress* as a callback that raises `ImportCancelled` instead of returning False."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        if not progress(done, total):
            raise ImportCancelled()

    return report
