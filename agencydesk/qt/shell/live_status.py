"""A team desk hears the other desks (`core.live.Listener`) and says in the status bar when its
server is out of reach: "Server unreachable — reconnecting", until it is back.

The listener runs on its own thread; what it says about the line comes here queued, on the GUI
thread. Nothing of it on a solo desk.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar
from sqlalchemy.engine import Engine

from agencydesk.core import live

# amber, as the presence line's "is writing a reply…": a state to notice, not an error
_STYLE = "color: #a15c00; font-weight: 600; padding: 0 6px;"


class LiveStatus(QObject):
    _link = Signal(object, object)  # (engine, live.Link) from the listener's thread

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.label = QLabel()
        self.label.setObjectName("serverUnreachable")
        self.label.setStyleSheet(_STYLE)
        self.label.setVisible(False)
        status_bar.insertPermanentWidget(0, self.label)
        self._status_bar = status_bar
        self._listener: live.Listener | None = None
        self._link.connect(self._link_changed, Qt.ConnectionType.QueuedConnection)
        self._stop_watching = live.watch_link(self._link.emit)

    def start(self, engine: Engine) -> None:
        """Hear the other desks on *engine* (a team desk only)."""
        self.stop()
        if live.is_team(engine):
            self._listener = live.Listener(engine).start()

    def listening(self, timeout_s: float) -> bool:
        """True once the desk hears the others (waits up to *timeout_s*; tests and screens)."""
        return self._listener is not None and self._listener.listening.wait(timeout_s)

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
        self.label.setVisible(False)

    def close(self) -> None:
        self.stop()
        self._stop_watching()

    @Slot(object, object)
    def _link_changed(self, engine: Engine, link: live.Link) -> None:
        if self._listener is None or engine is not self._listener.engine:
            return
        self.show_link(link)

    def show_link(self, link: live.Link) -> None:
        if link is live.Link.DOWN:
            self.label.setText(self.tr("Server unreachable — reconnecting"))
            self.label.setVisible(True)
            return
        self.label.setVisible(False)
        self._status_bar.showMessage(self.tr("Connected again; the desk is up to date."), 8000)
