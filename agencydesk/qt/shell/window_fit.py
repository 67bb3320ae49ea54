"""The main window on the screen it opens on: the size it had last time, or a comfortable default,
but never larger than the screen's free area (a 1366×768 laptop at 150 % scale has 910×512 of
it), and never off the screen (a monitor unplugged since)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1180, 720)
# the least width at which every page fits (`test_narrow_window`): at 760 the Guides page cut
# its buttons, a client's Logins tab "Open web address", the referral generations overlapped
MINIMUM_SIZE = QSize(830, 520)
# room left for the window's title bar and borders, which are not known before it is shown
FRAME_ALLOWANCE = QSize(16, 48)


def available_area(window: QWidget) -> QRect:
    """The free area (no task bar, no dock) of the screen *window* is on, for its inside."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    area = screen.availableGeometry()
    return QRect(
        area.x(),
        area.y(),
        max(1, area.width() - FRAME_ALLOWANCE.width()),
        max(1, area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(window: QWidget, saved: QByteArray | None) -> None:
    """Restore *saved* geometry, else take the default size; then make the window fit."""
    restored = saved is not None and window.restoreGeometry(saved)
    area = available_area(window)
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(area.size()))
    if not restored:
        window.resize(DEFAULT_SIZE.boundedTo(area.size()))
        frame = QRect(window.geometry())
        frame.moveCenter(area.center())
        window.move(frame.topLeft())
        return
    if window.isMaximized() or window.isFullScreen():
        return  # the window system sizes those to the screen
    size = window.size().boundedTo(area.size())
    if size != window.size():
        window.resize(size)
    geometry = QRect(window.geometry().topLeft(), size)
    # moved inside the free area: right and bottom edges first, then left and top
    geometry.moveRight(min(geometry.right(), area.right()))
    geometry.moveBottom(min(geometry.bottom(), area.bottom()))
    geometry.moveLeft(max(geometry.left(), area.left()))
    geometry.moveTop(max(geometry.top(), area.top()))
    if geometry.topLeft() != window.geometry().topLeft():
        window.move(geometry.topLeft())
