"""The one bridge that brings the core's change sets to the GUI thread (after qutebrowser's
message bridge), and `follow_changes`, which every page uses to stay current.

Nobody announces changes by hand: `agencydesk.core.changes` sees every committed write, on any
thread; the bus re-emits it, always queued, so a page refreshes after the commit has returned and
never from inside a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine

from agencydesk.core import changes
from agencydesk.core.changes import ChangeSet, Topic


class DataBus(QObject):
    # a committed transaction changed these tables / rows (always on the GUI thread)
    changed = Signal(object)
    _arrived = Signal(object)  # from whichever thread committed

    def __init__(self) -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = changes.subscribe(self._committed)

    def _committed(self, _engine: Engine, change_set: ChangeSet) -> None:
        self._arrived.emit(change_set)

    @Slot(object)
    def _deliver(self, change_set: ChangeSet) -> None:
        self.changed.emit(change_set)


_bus: DataBus | None = None


def bus() -> DataBus:
    global _bus
    if _bus is None:
        _bus = DataBus()
    return _bus


class ChangeFollower(QObject):
    """Calls *refresh* when one of *topics* changes: at once (coalesced) while *page* is
    visible, otherwise the next time it is shown. Owned by the page; gone with it.

    *when_hidden*: refresh even while hidden (a page whose counts show elsewhere, like Today's
    in the sidebar). *wanted*: a further filter, e.g. only changes to the shown client."""

    def __init__(
        self,
        page: QWidget,
        topics: Iterable[Topic],
        refresh: Callable[[], None],
        *,
        when_hidden: bool = False,
        wanted: Callable[[ChangeSet], bool] | None = None,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._topics = tuple(topics)
        self._refresh = refresh
        self._when_hidden = when_hidden
        self._wanted = wanted
        self.stale = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)  # several commits in one event-loop turn: one refresh
        self._soon.timeout.connect(self._refresh_now)
        page.installEventFilter(self)
        bus().changed.connect(self._changed)

    @Slot(object)
    def _changed(self, change_set: ChangeSet) -> None:
        if not change_set.touches(*self._topics):
            return
        if self._wanted is not None and not self._wanted(change_set):
            return
        if self._when_hidden or self._page.isVisible():
            self._soon.start()
        else:
            self.stale = True

    def _refresh_now(self) -> None:
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self._soon.start()
        return False


# how a page sets it up: ``follow_changes(self, TOPICS, self.refresh)``
follow_changes = ChangeFollower
