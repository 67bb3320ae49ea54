"""File ▸ Connect to a team server…: where the team desk is (server, port, database, user, TLS
mode) and the password, which goes to the keyring and nowhere else.

Connect tries the server in a worker (the window never waits on the network): the dialog closes
only once the server took the password and the desk opened; otherwise it stays, with everything
typed kept and one sentence under the fields saying what to do.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QSpinBox, QWidget

from agencydesk.core import server_address
from agencydesk.core.server_address import DEFAULT_PORT, ServerAddress
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialog_layout import lay_out_dialog, ok_cancel_buttons
from agencydesk.qt.common.labels import plain_label


def _try_server(address: ServerAddress, password: str) -> bool:
    """Worker: open the desk there once, with the typed password (if any), which is kept in the
    keyring only once the server took it. Returns whether the keyring keeps it (False: no
    keyring here, it lasts until agencydesk closes)."""
    from agencydesk.core import migrate

    if password:
        server_address.use_for_now(address, password)
    try:
        migrate.open_database(address.url()).dispose()
    except Exception:
        if password:
            server_address.drop_for_now(address)  # not kept: it did not get in
        raise
    return server_address.store_password(address, password) if password else True


class ConnectDialog(QDialog):
    def __init__(
        self,
        address: ServerAddress | None = None,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team server"))
        # the address connected to, once accepted
        self.address: ServerAddress | None = None
        # False when this computer has no keyring (the password lasts until agencydesk closes)
        self.kept_in_keyring = True
        intro = plain_label(
            self.tr(
                "Share one desk with your team on a PostgreSQL server. Whoever runs the server "
                "gives you these (agencydesk server init prints them)."
            )
        )
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. db.your-agency.id"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMaximumWidth(110)  # five digits, not the dialog's width
        self.database = QLineEdit()
        self.user = QLineEdit("agencydesk_desk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in your keyring, never in the settings"))
        self.tls = QComboBox()
        for mode, text in (
            ("prefer", self.tr("Prefer: encrypted when the server offers it")),
            ("require", self.tr("Require: always encrypted")),
            ("verify-full", self.tr("Verify: encrypted, and the server's certificate checked")),
            ("disable", self.tr("Off: never encrypted (only on your own network)")),
        ):
            self.tls.addItem(text, mode)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&TLS:"), self.tls)
        self.problem = plain_label(problem)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("#problem { color: #b3261e; }")
        self.problem.setVisible(bool(problem))
        self.buttons, self.connect_button = ok_cancel_buttons(self.tr("Connect"))
        lay_out_dialog(
            self, (intro, form, self.problem), self.buttons, self.try_connect, min_width=500
        )
        if address is not None:
            self.fill(address)

    def fill(self, address: ServerAddress) -> None:
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        index = self.tls.findData(address.tls)
        if index < 0:  # a mode the list does not offer (allow, verify-ca): shown as it is
            self.tls.addItem(address.tls, address.tls)
            index = self.tls.count() - 1
        self.tls.setCurrentIndex(index)
        (self.password if address.host and address.database else self.host).setFocus()

    def typed_address(self) -> ServerAddress | None:
        fields = {
            self.host: self.tr("Please enter the server's name or address."),
            self.database: self.tr("Please enter the database's name."),
            self.user: self.tr("Please enter the user name."),
        }
        for field, missing in fields.items():
            if not field.text().strip():
                self.say(missing)
                field.setFocus()
                return None
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            tls=str(self.tls.currentData()),
        )

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def try_connect(self) -> None:
        address = self.typed_address()
        if address is None:
            return
        password = self.password.text()
        from agencydesk.qt.shell.team_desk import describe

        self.say(self.tr("Connecting to {server}…").format(server=describe(address)))
        self.connect_button.setEnabled(False)
        workers.run_task(
            lambda: _try_server(address, password),
            lambda kept: self._connected(address, kept),
            self._failed,
            owner=self,
        )

    def _connected(self, address: ServerAddress, kept: bool) -> None:
        self.password.clear()
        self.address = address
        self.kept_in_keyring = bool(kept)
        self.connect_button.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.core.errors import UserError, user_error_for
        from agencydesk.qt.common.connect_problems import problem_sentence
        from agencydesk.qt.common.core_sentences import user_text

        self.connect_button.setEnabled(True)
        sentence = problem_sentence(exc)
        if sentence is not None:  # in the window's language
            self.say(sentence)
            self.password.setFocus()
            return
        explained = exc if isinstance(exc, UserError) else user_error_for(exc)
        if explained is None:
            from agencydesk.qt.common.dialogs import report_exception

            self.say("")
            report_exception(self, exc, details)
            return
        self.say(user_text(explained))
        self.password.setFocus()
