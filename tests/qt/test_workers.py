"""Background tasks hand their result back on the GUI thread, and never to a closed page."""

from __future__ import annotations

import threading
from collections.abc import Iterator

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


def test_a_result_for_a_deleted_owner_is_dropped_even_through_a_lambda(qtbot: QtBot) -> None:
    """Lambdas hide which page they belong to; the owner says it."""
    release = threading.Event()
    page = _Page()
    seen: list[object] = []

    def slow() -> str:
        release.wait(5)
        return "late"

    workers.run_task(slow, lambda result: seen.append(result), page.show_error, owner=page)
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)
    release.set()
    assert workers.wait_for_tasks(5000)
    qtbot.wait(50)
    assert seen == []


def test_the_latest_task_with_a_key_wins(qtbot: QtBot) -> None:
    """The user typed "ra" then "rat": the slow answer for "ra" must not replace the one for
    "rat", and the older task is asked to stop."""
    page = _Page()
    qtbot.addWidget(page)
    release = threading.Event()
    first_stopped = threading.Event()

    def first() -> Iterator[None]:
        release.wait(5)
        yield  # a step: cancelled here
        first_stopped.set()  # never reached
        return "ra"

    older = workers.run_task(first, page.show_result, page.show_error, owner=page, key="search")
    newer = workers.run_task(lambda: "rat", page.show_result, page.show_error, owner=page, key="q")
    assert not older.is_cancelled()  # another key: untouched
    workers.run_task(lambda: "rat", page.show_result, page.show_error, owner=page, key="search")
    assert older.is_cancelled()
    assert not newer.is_cancelled()
    release.set()
    assert workers.wait_for_tasks(5000)
    qtbot.waitUntil(lambda: len(page.results) == 2)
    qtbot.wait(20)
    assert page.results == ["rat", "rat"]
    assert page.errors == []  # the superseded task's Cancelled is not reported
    assert not first_stopped.is_set()


def test_a_generator_task_reports_progress_and_stops_when_cancelled(qtbot: QtBot) -> None:
    page = _Page()
    qtbot.addWidget(page)
    progress: list[object] = []
    closed: list[bool] = []

    def counting() -> Iterator[int]:
        try:
            yield from range(1, 4)
            return "counted"  # type: ignore[return-value]
        finally:
            closed.append(True)

    with workers.inline_tasks():  # runs at once on this thread: no waiting
        workers.run_task(counting, page.show_result, page.show_error, on_progress=progress.append)
    assert progress == [1, 2, 3]
    assert page.results == ["counted"]

    gate = threading.Event()

    def endless() -> Iterator[int]:
        step = 0
        while True:
            gate.wait(5)
            step += 1
            yield step

    handle = workers.run_task(endless, page.show_result, page.show_error)
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: page.errors != [])
    assert "TaskCancelled" in page.errors[0]


def test_callback_style_work_reports_progress_and_hears_cancel(qtbot: QtBot) -> None:
    """The chat import and the PDF writer report through a callback, not by yielding."""
    page = _Page()
    qtbot.addWidget(page)
    progress: list[object] = []
    answers: list[bool] = []
    cancelled = threading.Event()

    def work() -> str:
        answers.append(workers.report_progress((1, 2)))
        cancelled.wait(5)
        answers.append(workers.report_progress((2, 2)))
        return "stopped early"

    handle = workers.run_task(work, page.show_result, page.show_error, on_progress=progress.append)
    qtbot.waitUntil(lambda: progress == [(1, 2)])
    handle.cancel()
    cancelled.set()
    qtbot.waitUntil(lambda: page.results == ["stopped early"])
    assert answers == [True, False]
    assert progress == [(1, 2)]
    assert workers.report_progress("outside a task")  # no task: nothing to stop


def test_a_quick_read_is_not_kept_waiting_behind_slow_ones(qtbot: QtBot) -> None:
    """A ticket chosen while background reads wait on a far server (Today refreshing after a
    change) is read at once: on a 2-core laptop Qt's pool had two threads, both taken."""
    release = threading.Event()
    results: list[str] = []
    try:
        for number in range(4):  # slow reads waiting on the server
            workers.run_task(
                lambda number=number: release.wait(10) and f"slow {number}",
                results.append,
                lambda _exc, _details: None,
            )
        workers.run_task(lambda: "the ticket", results.append, lambda _exc, _details: None)
        qtbot.waitUntil(lambda: "the ticket" in results, timeout=2_000)
        assert results == ["the ticket"]  # the slow ones still wait
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(results) == 5, timeout=5_000)
