"""Background tasks hand their result back on the GUI thread, and never to a closed page."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from agencydesk.qt.common import workers


class _Page(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[str] = []

    def show_result(self, result: object) -> None:
        self.setText(str(result))  # raises if the C++ label is gone
        self.results.append(result)

    def show_error(self, exc: BaseException, details: str) -> None:
        self.setText(str(exc))
        self.errors.append(details)


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    page = _Page()
    qtbot.addWidget(page)
    threads: list[threading.Thread] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 42

    workers.run_task(work, page.show_result, page.show_error)
    qtbot.waitUntil(lambda: page.results == [42])
    assert threads[0] is not threading.main_thread()
    assert page.text() == "42"


def test_a_result_for_a_page_closed_meanwhile_is_dropped(qtbot: QtBot) -> None:
    """A page closed while its query ran (the user moved on) must not crash the app when the
    result arrives: Qt has deleted the label, calling it would raise."""
    release = threading.Event()
    page = _Page()

    def slow() -> str:
        release.wait(5)
        return "late"

    def slow_failure() -> str:
        release.wait(5)
        raise ValueError("late failure")

    workers.run_task(slow, page.show_result, page.show_error)
    workers.run_task(slow_failure, page.show_result, page.show_error)
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)  # the deferred delete happens now
    release.set()
    assert workers.wait_for_tasks(5000)
    qtbot.wait(50)  # the queued results are delivered (and dropped) here, without an error
    assert not workers._live_relays
