"""On a team desk, the Logins tab says which logins this computer holds: each person's passwords
stay in their own keyring and never go to the server, so a colleague's login is listed with its
password "on another computer". Read in a worker (the keyring may be slow, or ask first)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import credentials
from agencydesk.qt.common import workers

# the column that says where the password is (hidden on a solo desk)
WHERE_COLUMN = 3


def _held(engine: Engine, client_id: int) -> set[int]:
    with Session(engine) as session:
        return credentials.held_on_this_computer(session=session, client_id=client_id)


class LoginsHere(QObject):
    def __init__(self, engine: Engine, tree: QTreeWidget, row_role: int) -> None:
        super().__init__(tree)
        self._engine = engine
        self._tree = tree
        self._role = row_role
        # a team desk (a server database): the column shows
        self.team = engine.url.get_backend_name() != "sqlite"
        tree.setColumnHidden(WHERE_COLUMN, not self.team)
        self.held: set[int] = set()

    def refresh(self, client_id: int | None) -> None:
        if not self.team or client_id is None:
            return
        engine = self._engine
        workers.run_task(
            lambda: _held(engine, client_id),
            self._show,
            lambda _exc, _details: None,  # no keyring: the tab's banner says so already
            owner=self,
            key="held",
        )

    def _show(self, held: set[int]) -> None:
        self.held = held
        here, elsewhere = self.tr("On this computer"), self.tr("On another computer")
        for index in range(self._tree.topLevelItemCount()):
            item = self._tree.topLevelItem(index)
            is_here = item.data(0, self._role) in held
            item.setText(WHERE_COLUMN, here if is_here else elsewhere)
            grey = QBrush(QColor("#777777"))
            item.setForeground(WHERE_COLUMN, self._tree.palette().text() if is_here else grey)
