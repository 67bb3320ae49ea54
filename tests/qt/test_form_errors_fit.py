"""A form that shows its messages under the fields grows to hold them: the client form with a
bad phone, email and website grew by a line's height only, so the rows under the messages were
squeezed (the "Known" box of First contact pressed into its date, the Notes box cut off at the
bottom)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.qt.clients.client_form import ClientFormDialog
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.orders.order_form import OrderFormDialog


def _squeezed(dialog: QDialog) -> list[str]:
    """What is lower than it needs: the dialog for its rows at its width, a shown message
    for its lines."""
    layout = dialog.layout()
    assert layout is not None
    found = []
    needed = layout.totalHeightForWidth(dialog.width())
    if dialog.height() < needed:
        found.append(f"the dialog: {dialog.height()} < {needed}")
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.objectName().startswith("error_"):
            lines = label.heightForWidth(label.width())
            if label.height() < lines:
                found.append(f"{label.objectName()}: {label.height()} for {lines}")
    return found


def _save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _show(qtbot: QtBot, dialog: FormDialog) -> None:
    # closed without the question about the changes typed
    qtbot.addWidget(dialog, before_close_func=lambda _closed: dialog.remember_state())
    dialog.show()
    qtbot.waitExposed(dialog)


def test_the_client_form_grows_for_its_messages(
    qtbot: QtBot, demo_engine: Engine, language: str
) -> None:
    dialog = ClientFormDialog(demo_engine)
    _show(qtbot, dialog)
    dialog.name.setText("Ibu Tes")
    dialog.phone.setText("12ab")
    dialog.email.setText("ratna@@gmail")
    dialog.website.setText("not a site at all")
    _save(dialog)
    shown = [label for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert {"error_phone", "error_email", "error_website"} <= {w.objectName() for w in shown}
    # once the layout has settled (a loaded machine takes longer than a fixed wait)
    qtbot.waitUntil(lambda: _squeezed(dialog) == [], timeout=3000)


def _blank_lines_under(dialog: QDialog) -> list[str]:
    """The shown messages given more height than their lines take at their width."""
    return [
        f"{label.objectName()}: {label.height()} for {label.heightForWidth(label.width())}"
        for label in dialog.findChildren(QLabel)
        if label.isVisible()
        and label.objectName().startswith("error_")
        and label.height() > label.heightForWidth(label.width())
    ]


def test_a_message_of_one_line_takes_one_line(
    qtbot: QtBot, demo_engine: Engine, indonesian: str
) -> None:
    """The Indonesian email message fits on one line under its field, and took two: QLabel's
    size hint wraps a message at a narrower width it guesses, and the form gave the row that
    hint's height, a blank line under the message."""
    dialog = ClientFormDialog(demo_engine)
    _show(qtbot, dialog)
    dialog.name.setText("Ibu Tes")
    dialog.email.setText("ratna@@gmail")
    _save(dialog)
    error = dialog.findChild(QLabel, "error_email")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert error.heightForWidth(error.width()) == error.fontMetrics().lineSpacing()  # one line

    def fitted() -> None:  # once the layout has settled; says what did not fit if it never does
        assert _blank_lines_under(dialog) == []
        assert _squeezed(dialog) == []

    qtbot.waitUntil(fitted, timeout=3000)


def test_the_order_form_grows_for_its_messages(
    qtbot: QtBot, demo_engine: Engine, language: str
) -> None:
    dialog = OrderFormDialog(demo_engine)
    _show(qtbot, dialog)
    _save(dialog)  # no client, no title
    qtbot.waitUntil(dialog.findChild(QLabel, "error_client").isVisible, timeout=3000)
    # once the layout has settled (a loaded machine takes longer than a fixed wait)
    qtbot.waitUntil(lambda: _squeezed(dialog) == [], timeout=3000)


def test_a_client_that_cannot_be_changed_is_not_marked_required(
    qtbot: QtBot, demo_engine: Engine
) -> None:
    """An edited order (or a new one from a client's page) names its client in bold, to read,
    not to fill in: its label had the "*" of a field one must fill."""
    with demo_engine.connect() as connection:
        client_id = connection.exec_driver_sql("SELECT min(id) FROM client").scalar_one()
    for dialog, label, not_label in (
        (OrderFormDialog(demo_engine, client_id=client_id), "Client", "Client *"),
        (OrderFormDialog(demo_engine), "Client *", "Client"),
    ):
        qtbot.addWidget(dialog, before_close_func=lambda d: d.remember_state())
        texts = [found.text() for found in dialog.findChildren(QLabel)]
        assert label in texts
        assert not_label not in texts
