"""A team desk whose server cannot be reached says so in the status bar, in the user's language,
and the line goes once the server answers again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from agencydesk.core import migrate
from agencydesk.core.db import make_engine
from agencydesk.qt.shell.live_status import LiveStatus

#: a port where no server listens: connecting is refused at once
NOBODY = "postgresql+psycopg://postgres@127.0.0.1:9/agencydesk"


@pytest.mark.usefixtures("language")
def test_an_unreachable_server_is_said_in_the_status_bar(qtbot: QtBot, language: str) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    status = LiveStatus(window.statusBar())
    window.show()
    engine = make_engine(NOBODY)
    status.start(engine)
    try:
        qtbot.wait_until(status.label.isVisible, timeout=5000)
        expected = {
            "en": "Server unreachable — reconnecting",
            "id": "Server tidak bisa dihubungi — menyambung lagi",
        }[language]
        assert status.label.text() == expected
    finally:
        status.close()
        engine.dispose()


def test_the_line_goes_when_the_server_is_back(qtbot: QtBot, pg_url: str) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    status = LiveStatus(window.statusBar())
    window.show()
    engine = migrate.open_database(pg_url)
    status.start(engine)
    try:
        assert status.listening(5.0)
        with engine.connect() as connection:  # the server ends the desk's listening connection
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%%' AND datname = current_database()"
            )
        qtbot.wait_until(lambda: "up to date" in window.statusBar().currentMessage(), timeout=5000)
        assert not status.label.isVisible()
    finally:
        status.close()
        engine.dispose()
