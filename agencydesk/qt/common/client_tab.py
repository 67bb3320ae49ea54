"""What every tab of a client's detail is: a widget over the database that shows one client's
things (tickets, orders, logins) once told which client, with `show_client`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine


class ClientTab(QWidget):
    """A tab of the client detail. `client_id` is the client shown (None: none chosen); a
    subclass reads and shows that client's things in `show_client`."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.client_id: int | None = None

    def show_client(self, client_id: int | None) -> None:
        raise NotImplementedError
