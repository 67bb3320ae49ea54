"""One bridge that tells every page the data changed (after qutebrowser's message bridge).

Pages that write emit `changed("tickets")`, `changed("clients")`, …; pages that show counts or
lists listen and refresh. Nothing but this object is shared between pages.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    #: what changed: "clients", "tickets", "messages", "time", "guides", "sends", or "all"
    changed = Signal(str)

    def notify(self, what: str) -> None:
        self.changed.emit(what)


_bus: DataBus | None = None


def bus() -> DataBus:
    global _bus
    if _bus is None:
        _bus = DataBus()
    return _bus
