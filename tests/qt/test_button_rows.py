"""A pane's buttons never push it into sideways scrolling: in Indonesian at the window's default
split, the client profile's four buttons (Ekspor laporan…, Tindak lanjut…, Ubah…, Hapus) made the
Profile tab scroll sideways to reach Hapus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.qt.clients.client_detail import ClientDetailView
from agencydesk.qt.common.buttons import TwoSidedButtonRow


def _whole_and_apart(row: QWidget, shown: list[QRect]) -> None:
    """Every button whole inside its row, none over another."""
    assert all(row.rect().contains(rect) for rect in shown)
    assert not any(a.intersects(b) for i, a in enumerate(shown) for b in shown[i + 1 :])


@pytest.mark.usefixtures("inline_tasks")
def test_the_profile_never_scrolls_sideways_for_its_buttons(
    qtbot: QtBot, engine: Engine, language: str
) -> None:
    with session_scope(engine) as session:
        values = {"name": "Ibu Ratna Wulandari"}
        client_id = clients.create_client(session=session, values=values).id
    view = ClientDetailView(engine)
    qtbot.addWidget(view)
    view.show_client(client_id)
    view.show()
    scroll = view.findChild(QScrollArea)
    assert scroll is not None
    buttons = [view.report_button, view.follow_up_button, view.edit_button, view.delete_button]
    row = view.edit_button.parentWidget()

    for width in (900, view.minimumSizeHint().width()):  # as narrow as the pane can be
        view.resize(width, 700)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
        assert not scroll.horizontalScrollBar().isVisible()
        _whole_and_apart(row, [button.geometry() for button in buttons])


def test_the_right_hand_buttons_go_below_where_one_line_is_too_narrow(qtbot: QtBot) -> None:
    left = [QPushButton("Ekspor laporan…"), QPushButton("Tindak lanjut…")]
    right = [QPushButton("Ubah…"), QPushButton("Hapus")]
    row = TwoSidedButtonRow(left, right)
    pane = QWidget()
    column = QVBoxLayout(pane)
    column.addWidget(row)
    column.addStretch(1)  # as in a pane: the room below goes to the stretch, not to the row
    qtbot.addWidget(pane)
    pane.show()
    one_line = row.sizeHint().width()
    margins = pane.width() - row.width()

    pane.resize(one_line + margins + 100, 200)
    qtbot.waitUntil(lambda: row.width() == one_line + 100)
    shown = [button.geometry() for button in (*left, *right)]
    _whole_and_apart(row, shown)
    assert len({rect.top() for rect in shown}) == 1  # one line
    assert right[1].geometry().right() == row.rect().right()  # Hapus at the right edge
    assert row.height() == left[0].height()

    pane.resize(one_line + margins - 30, 200)
    qtbot.waitUntil(lambda: row.width() == one_line - 30)
    shown = [button.geometry() for button in (*left, *right)]
    _whole_and_apart(row, shown)
    assert left[0].geometry().top() == left[1].geometry().top() == 0
    assert right[0].geometry().top() == right[1].geometry().top() > left[0].geometry().bottom()
    assert right[1].geometry().right() == row.rect().right()
    assert row.height() == row.heightForWidth(row.width()) > 2 * left[0].height()
    # no narrower than its wider side: Ekspor laporan… and Tindak lanjut… side by side
    assert row.minimumSizeHint().width() == left[1].geometry().right() + 1
