"""How far an import is, told to the caller, who may answer "stop" (Cancel)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from agencydesk.core.errors import UserError

#: called with (done, total); returning False cancels the import
Progress = Callable[[int, int], bool]


class Stage(Enum):
    """What an import is doing, told as each stage begins: a progress bar counts the first
    and the third; the other two are single steps (seconds for a chat of a million
    messages), shown as such rather than as a full bar that stands still."""

    #: the messages looked up, then written (*progress* counts them)
    MESSAGES = "messages"
    #: every row is in: the search index is completed and the indexes are built
    INDEXING = "indexing"
    #: the media files of the new messages copied out of the zip (*progress* counts them)
    MEDIA = "media"
    #: the transaction commits: past this point a Cancel comes too late
    SAVING = "saving"


#: called as each stage begins; returning False cancels the import (before SAVING only)
StageBegun = Callable[[Stage], bool]


class ImportCancelled(UserError):  # noqa: N818 (the name the brief and callers use)
    """The user pressed Cancel; the caller's transaction rolls back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


class Ticker:
    """Counts the steps of one import (never beyond *total*) and reports each to *progress*;
    once they are all done, *full* is called (the next stage begins)."""

    def __init__(
        self, progress: Progress | None, total: int, full: Callable[[], None] | None = None
    ) -> None:
        self._progress = progress
        self.total = total
        self._done = 0
        self._full = full

    def __call__(self, step: int) -> None:
        """*step* more steps are done; raises `ImportCancelled` when the caller says stop."""
        self._done = min(self._done + step, self.total)
        if self._progress is not None and not self._progress(self._done, self.total):
            raise ImportCancelled()
        if self._done == self.total and self._full is not None:
            full, self._full = self._full, None
            full()


def begin(stage_begun: StageBegun | None, stage: Stage) -> None:
    """Tell *stage_begun* that *stage* begins; raises `ImportCancelled` when it says stop."""
    if stage_begun is not None and not stage_begun(stage):
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
