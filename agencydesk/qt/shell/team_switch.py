"""Going to a team desk and back: File ▸ Connect to a team server…, File ▸ Back to my own desk,
and the password a team desk asks for when none is kept.

A window shows one desk from start to end (its single-window lock, its pages); another desk is
opened by starting again on it, as a new language is. The desk to open is remembered in the
settings (the server's address, never its password) until the user goes back to the solo desk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from agencydesk.qt.shell.desk_opener import DeskOpener
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings


def _remembered(settings: Settings, desk: DeskOpener) -> str:
    return desk.server_url or settings.desk_server or settings.last_server


def connect_and_switch(window: MainWindow, settings: Settings, desk: DeskOpener) -> None:
    from agencydesk.core.server_address import AddressError, parse
    from agencydesk.qt.shell.connect_dialog import ConnectDialog

    address = None
    remembered = _remembered(settings, desk)
    if remembered:
        try:
            address = parse(remembered)[0]
        except AddressError:
            address = None  # a setting from elsewhere that no longer reads: start blank
    dialog = ConnectDialog(address, parent=window)
    if not dialog.exec() or dialog.address is None:
        return
    switch_desk(window, settings, dialog.address.url())


def ask_password_and_open(window: MainWindow, desk: DeskOpener, problem: str) -> None:
    from agencydesk.core.server_address import parse
    from agencydesk.qt.shell.connect_dialog import ConnectDialog

    assert desk.server_url is not None
    dialog = ConnectDialog(parse(desk.server_url)[0], problem, parent=window)
    if not dialog.exec() or dialog.address is None:
        return
    if dialog.address.url() != desk.server_url:  # another server or user was typed in
        switch_desk(window, window.settings, dialog.address.url())
        return
    desk.open()


def switch_desk(window: MainWindow, settings: Settings, server_url: str) -> None:
    """Start again on the team desk *server_url* ("" for the solo desk), remembered for the
    next starts too."""
    from agencydesk.qt.shell import restart

    previous = settings.desk_server
    settings.desk_server = server_url
    settings.sync()
    window.say(QCoreApplication.translate("TeamSwitch", "Opening the other desk…"))
    if not restart.close_and_restart(window, arguments=[]):  # the window stayed (a reply kept)
        settings.desk_server = previous
