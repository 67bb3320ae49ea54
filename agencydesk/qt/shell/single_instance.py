"""One window per desk: starting agencydesk again on a database that is open brings its window
forward instead of opening a second one (or only saying "already open").

The window that has the database listens on a local socket (a named pipe on Windows) whose name
comes from the user and the database file; a later start on the same file connects, and the
first window comes to the front. Another database (`--db OTHER`) has another name and opens.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# what the first window answers once it is in front
SHOWN = b"shown\n"
WAIT_MS = 3000
# how long a later start waits for a first window that is still starting: 1 s at the most
CONNECT_TRIES, CONNECT_PAUSE_MS = 10, 100


def server_name(db_path: Path) -> str:
    """The socket's name for this user and this database file."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        user = str(Path.home())
    digest = hashlib.sha256(f"{user}\0{db_path}".encode()).hexdigest()
    return f"agencydesk-{digest[:32]}"


def bring_forward(window: QWidget) -> None:
    """*window* to the front: shown, no longer minimized, active (or flashing in the task bar
    where the window system does not let an app take the focus)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


class FirstWindow(QObject):
    """Listens for later starts on the same database and brings *window* forward for them."""

    def __init__(self, db_path: Path, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._connected)
        name = server_name(db_path)
        if not self._server.listen(name):
            # a socket left behind by a crash: ours now, since we hold the database's lock
            QLocalServer.removeServer(name)
            if not self._server.listen(name):
                why = self._server.errorString()
                log.warning("A second start cannot find this window: %s", why)

    def _connected(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            bring_forward(self._window)
            socket.write(SHOWN)
            socket.flush()
            socket.disconnectFromServer()
            socket.disconnected.connect(socket.deleteLater)


def forward_to_first_window(db_path: Path) -> bool:
    """A start on a database that is open: ask its window to come forward. False when no window
    answered (an agencydesk too old to listen, or one busy starting up)."""
    socket = QLocalSocket()
    # the first window listens once it is on screen: a start in that moment tries a while
    for _attempt in range(CONNECT_TRIES):
        socket.connectToServer(server_name(db_path))
        if socket.waitForConnected(WAIT_MS):
            break
        if socket.error() != QLocalSocket.LocalSocketError.ServerNotFoundError:
            return False
        QThread.msleep(CONNECT_PAUSE_MS)
    else:
        return False
    answer = b""
    while SHOWN not in answer and socket.waitForReadyRead(WAIT_MS):
        answer += bytes(socket.readAll().data())
    socket.abort()
    return SHOWN in answer
