"""The client's "Logins" tab: hosting, domain and CMS logins, the passwords in the system keyring.

A password is fetched from the keyring only when asked for (in a worker: the keyring may ask for
its own password first). Revealed, it is hidden again after `REVEAL_MS`; copied, the clipboard is
cleared after `CLEAR_CLIPBOARD_MS` if it still holds it, and marked as a secret for clipboard
managers (`secret_clipboard`). Without a secure keyring the tab says what to install and every
button that needs one is off; nothing is written anywhere.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import credentials
from agencydesk.core.changes import Topic
from agencydesk.core.credentials import CredentialRow, KeyringStatus
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.qt.clients.logins_here import LoginsHere
from agencydesk.qt.clients.secret_clipboard import clear_if_still_there, copy_secret
from agencydesk.qt.common import workers
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.client_tab import ClientTab
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.detail_reading import read_then_show
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.labels import bold_label, plain_label
from agencydesk.qt.common.list_view import headed_list

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# web addresses we open; anything else (file:, javascript:, …) is refused
SAFE_SCHEMES = ("http", "https", "ftp", "sftp")
_TOPICS = (Topic.CREDENTIALS, Topic.CLIENTS)


def _read_secret(engine: Engine, credential_id: int) -> tuple[int, str]:
    with Session(engine) as session:
        return credential_id, credentials.get_secret(session=session, credential_id=credential_id)


def _delete(engine: Engine, credential_id: int) -> None:
    with session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=credential_id)


class ClientCredentialsView(ClientTab):
    """A client's logins: add, edit, delete, reveal, copy, open the web address."""

    # how long a revealed password stays visible, and the clipboard keeps a copied one (ms)
    REVEAL_MS = 20_000
    CLEAR_CLIPBOARD_MS = 30_000

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(engine, parent)
        self.rows: list[CredentialRow] = []
        # the client whose logins the list shows (read in a worker after `client_id` is set)
        self.listed_client_id: int | None = None
        # the login to choose once the list is read again (one just saved), if any
        self._choose: int | None = None
        self.status: KeyringStatus | None = None
        self._revealed_id: int | None = None
        self._clipboard_digest: bytes | None = None
        self._checking = False

        # -- the banner when there is no keyring --
        self.banner = QFrame()
        self.banner.setObjectName("keyringBanner")
        self.banner.setStyleSheet(
            "#keyringBanner { background: #fdecea; border: 1px solid #e6a19a; border-radius: 6px; }"
            "#keyringBanner QLabel { color: #5f1d16; }"
        )
        self.banner_title = plain_label(self.tr("Client logins are switched off on this computer"))
        bold_label(self.banner_title)
        self.banner_text = plain_label(selectable=True)
        self.banner_text.setObjectName("keyringExplanation")
        self.check_again = QPushButton(self.tr("Check again"))
        self.check_again.clicked.connect(self.check_keyring)
        banner_layout = top_to_bottom((self.banner_title, self.banner_text), self.banner)
        check_row = QHBoxLayout()
        check_row.addStretch(1)
        check_row.addWidget(self.check_again)
        banner_layout.addLayout(check_row)
        self.banner.setVisible(False)

        # -- the list --
        self.empty_label = plain_label(
            self.tr(
                "No logins for this client yet. Keep their hosting, domain and website logins "
                "here: the passwords go to your system's keyring."
            )
        )
        self.empty_label.setObjectName("credentialsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(dark); padding: 24px;")
        self.tree = headed_list(
            "credentialList",
            [self.tr("Label"), self.tr("User name"), self.tr("Web address"), self.tr("Password")],
            fit=(0, 1, 3),
        )
        self.here = LoginsHere(engine, self.tree, ROW_ROLE)  # a team desk: whose keyring
        self.tree.currentItemChanged.connect(lambda _now, _before: self._current_changed())
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_current())

        self.add_button = push_button(self.tr("Add login…"), self.add_login, name="addCredential")
        self.edit_button = push_button(self.tr("Edit…"), self.edit_current)
        self.delete_button = push_button(self.tr("Delete…"), self.delete_current)
        self.open_button = push_button(self.tr("Open web address"), self.open_current_url)
        list_buttons = button_row(
            self.add_button, self.edit_button, self.delete_button, None, self.open_button
        )

        # -- the chosen login --
        self.secret_field = QLineEdit()
        self.secret_field.setObjectName("revealedSecret")
        self.secret_field.setReadOnly(True)
        self.secret_field.setPlaceholderText(self.tr("•••••••• (hidden)"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.secret_field.setFont(mono)
        self.reveal_button = push_button(
            self.tr("Reveal"), self.reveal_current, name="revealSecret"
        )
        self.copy_button = push_button(
            self.tr("Copy password"), self.copy_current, name="copySecret"
        )
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_field, 1)
        secret_row.addWidget(self.reveal_button)
        secret_row.addWidget(self.copy_button)
        self.notes_label = plain_label(selectable=True)
        self.notes_label.setObjectName("credentialNotes")
        self.message = plain_label()
        self.message.setObjectName("credentialMessage")
        self.message.setStyleSheet("color: palette(dark);")
        for label in (self.notes_label, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        details.addRow(self.tr("Password"), secret_row)
        details.addRow(self.tr("Notes"), self.notes_label)
        details.addRow("", self.message)
        self.details = QWidget()
        self.details.setLayout(details)
        details.setContentsMargins(0, 0, 0, 0)

        self.footnote = plain_label()
        self.footnote.setObjectName("keyringFootnote")
        self.footnote.setStyleSheet("color: palette(dark);")

        top_to_bottom(
            (
                self.banner,
                (self.empty_label, 1),
                (self.tree, 1),
                list_buttons,
                self.details,
                self.footnote,
            ),
            self,
            margins=(12, 12, 12, 12),
            spacing=8,
        )

        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.timeout.connect(self.hide_secret)
        self.clipboard_timer = QTimer(self)
        self.clipboard_timer.setSingleShot(True)
        self.clipboard_timer.timeout.connect(self.clear_clipboard)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_clipboard)
        follow_changes(self, _TOPICS, self.reload, wanted=lambda _c: self.client_id is not None)
        self._update_buttons()

    # -- the keyring --------------------------------------------------------------------------

    def explanation(self, status: KeyringStatus) -> str:
        """What to do, in the user's language: for why the keyring is refused, else for the
        system that has one built in, else for a Linux desktop without a running one."""
        by_reason = {
            "plaintext": self.tr(
                "The keyring set up on this computer would store passwords in a plain file "
                "(keyrings.alt), so agencydesk does not use it. Remove keyrings.alt or choose "
                "your system's keyring, then press “Check again”."
            ),
            "disabled": self.tr(
                "The keyring is switched off on this computer (keyring's null backend). Switch "
                "it on again, then press “Check again”."
            ),
        }
        by_platform = {
            "win32": self.tr(
                "Windows has a keyring built in (the Credential Manager), but agencydesk could "
                "not reach it. Sign in to Windows with your own account; if that does not help, "
                "reinstall agencydesk."
            ),
            "darwin": self.tr(
                "macOS has a keyring built in (the Keychain), but agencydesk could not reach "
                "it. Unlock your login keychain in Keychain Access, then press “Check again”."
            ),
        }
        no_keyring = self.tr(
            "agencydesk keeps client passwords only in your desktop's keyring, and none is "
            "running. Install and unlock GNOME Keyring or KWallet (the Secret Service), for "
            "example with “sudo apt install gnome-keyring”, sign out and in again, then press "
            "“Check again”. Nothing is ever saved in plain text instead."
        )
        return by_reason.get(status.reason) or by_platform.get(status.platform) or no_keyring

    def check_keyring(self) -> None:
        """Ask (in a worker: it may talk to the desktop's keyring service) which keyring is here."""
        if self._checking:
            return
        self._checking = True
        workers.run_task(credentials.keyring_status, self._status_known, self._status_failed)

    def _status_known(self, status: KeyringStatus) -> None:
        self._checking = False
        self.status = status
        self.banner.setVisible(not status.usable)
        self.banner_text.setText(self.explanation(status) if not status.usable else "")
        if status.usable and self.here.team:
            self.footnote.setText(
                self.tr(
                    "On a team desk each person's passwords stay in their own keyring "
                    "({backend}) and never go to the server."
                ).format(backend=status.backend)
            )
        elif status.usable:
            self.footnote.setText(
                self.tr(
                    "Passwords are kept in your system's keyring ({backend}), never in "
                    "agencydesk's database, backups or logs."
                ).format(backend=status.backend)
            )
        else:
            self.footnote.clear()
        self._update_buttons()

    def _status_failed(self, exc: BaseException, details: str) -> None:
        self._checking = False
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    @property
    def keyring_usable(self) -> bool:
        return self.status is not None and self.status.usable

    # -- the list -----------------------------------------------------------------------------

    def show_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self.hide_secret()
        self.client_id = client_id
        self.reload()
        if self.status is None:
            self.check_keyring()

    def reload(self, choose: int | None = None) -> None:
        """Read her logins again, in a worker (a team server is a round trip away), then
        choose *choose* (a login just saved), else the one chosen; the list shows what it
        showed meanwhile."""
        client_id, engine = self.client_id, self._engine
        if client_id is None:
            self._show_rows(None, [])
            return
        if choose is not None:  # kept should a change's reading come after this one
            self._choose = choose

        def read() -> list[CredentialRow]:
            with Session(engine) as session:
                return credentials.list_credentials(session=session, client_id=client_id)

        read_then_show(self, read, partial(self._show_rows, client_id), key="logins")

    def _show_rows(self, client_id: int | None, rows: list[CredentialRow]) -> None:
        if client_id != self.client_id:  # another client is shown since
            return
        current = self.current_row()
        wanted, self._choose = self._choose, None
        if wanted is None and current is not None:
            wanted = current.id
        self.tree.clear()
        self.rows = rows
        self.listed_client_id = client_id
        chosen: QTreeWidgetItem | None = None
        for row in self.rows:
            item = QTreeWidgetItem([row.label, row.username, row.url, ""])
            item.setData(0, ROW_ROLE, row.id)
            self.tree.addTopLevelItem(item)
            if row.id == wanted:
                chosen = item
        self.here.refresh(self.client_id)
        self.empty_label.setVisible(self.client_id is not None and not self.rows)
        self.tree.setVisible(bool(self.rows))
        if chosen is None and self.tree.topLevelItemCount():
            chosen = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(chosen)
        self._current_changed()

    def current_row(self) -> CredentialRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        wanted = item.data(0, ROW_ROLE)
        return next((row for row in self.rows if row.id == wanted), None)

    def _current_changed(self) -> None:
        row = self.current_row()
        if row is None or row.id != self._revealed_id:
            self.hide_secret()
        self.notes_label.setText(row.notes if row is not None and row.notes else "–")
        self.details.setVisible(row is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        usable = self.keyring_usable
        self.add_button.setEnabled(usable and self.client_id is not None)
        for button in (self.edit_button, self.delete_button, self.reveal_button, self.copy_button):
            button.setEnabled(usable and row is not None)
        self.open_button.setEnabled(row is not None and bool(row.url))

    # -- add, edit, delete --------------------------------------------------------------------

    def add_login(self) -> None:
        if self.client_id is not None and self.keyring_usable:
            self._open_form(None)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None and self.keyring_usable:
            self._open_form(row.id)

    def _open_form(self, credential_id: int | None) -> None:
        from agencydesk.qt.clients.credential_form import CredentialFormDialog

        assert self.client_id is not None
        try:
            dialog = CredentialFormDialog(self._engine, self.client_id, credential_id, self)
        except UserError as exc:  # deleted meanwhile
            from agencydesk.qt.common.dialogs import report_exception

            report_exception(self, exc)
            self.reload()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.hide_secret()
            self.reload(choose=dialog.saved_id)

    def delete_current(self) -> None:
        from agencydesk.qt.common.dialogs import ask_yes_no

        row = self.current_row()
        if row is None or not self.keyring_usable:
            return
        if not ask_yes_no(
            self,
            self.tr("Delete login"),
            self.tr(
                "Delete the login “{label}”? Its password is removed from your keyring too. "
                "This cannot be undone."
            ).format(label=row.label),
        ):
            return
        self.hide_secret()
        engine, credential_id = self._engine, row.id
        self.delete_button.setEnabled(False)
        workers.run_task(lambda: _delete(engine, credential_id), self._deleted, self._failed)

    def _deleted(self, _result: object) -> None:
        self.reload()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.qt.common.dialogs import report_exception

        self._update_buttons()
        report_exception(self, exc, details)  # a UserError as a sentence, else a bug report

    # -- reveal, copy, open -------------------------------------------------------------------

    def reveal_current(self) -> None:
        row = self.current_row()
        if row is None or not self.keyring_usable:
            return
        if self._revealed_id == row.id:
            self.hide_secret()
            return
        engine, credential_id = self._engine, row.id
        self.message.setText(self.tr("Asking the keyring…"))
        workers.run_task(lambda: _read_secret(engine, credential_id), self._reveal, self._failed)

    def _reveal(self, result: tuple[int, str]) -> None:
        credential_id, secret = result
        row = self.current_row()
        if row is None or row.id != credential_id or not self.isVisible():
            self.message.clear()
            return  # the user moved on meanwhile
        self._revealed_id = credential_id
        self.secret_field.setText(secret)
        self.reveal_button.setText(self.tr("Hide"))
        seconds = max(1, round(self.REVEAL_MS / 1000))
        self.message.setText(self.tr("Hidden again in {seconds} seconds.").format(seconds=seconds))
        self.reveal_timer.start(self.REVEAL_MS)

    @Slot()
    def hide_secret(self) -> None:
        self.reveal_timer.stop()
        self._revealed_id = None
        self.secret_field.clear()
        self.reveal_button.setText(self.tr("Reveal"))
        if self.message.text() and not self.clipboard_timer.isActive():
            self.message.clear()

    @property
    def secret_shown(self) -> bool:
        return self._revealed_id is not None and bool(self.secret_field.text())

    def copy_current(self) -> None:
        row = self.current_row()
        if row is None or not self.keyring_usable:
            return
        engine, credential_id = self._engine, row.id
        workers.run_task(lambda: _read_secret(engine, credential_id), self._copy, self._failed)

    def _copy(self, result: tuple[int, str]) -> None:
        _credential_id, secret = result
        self._clipboard_digest = copy_secret(secret)
        seconds = max(1, round(self.CLEAR_CLIPBOARD_MS / 1000))
        self.message.setText(
            self.tr("Password copied. The clipboard is cleared in {seconds} seconds.").format(
                seconds=seconds
            )
        )
        self.clipboard_timer.start(self.CLEAR_CLIPBOARD_MS)

    @Slot()
    def clear_clipboard(self) -> None:
        """Empty the clipboard if it still holds the password we put there."""
        self.clipboard_timer.stop()
        digest, self._clipboard_digest = self._clipboard_digest, None
        if digest is not None and clear_if_still_there(digest) and self.message.text():
            self.message.setText(self.tr("The clipboard was cleared."))

    def open_current_url(self) -> None:
        row = self.current_row()
        if row is None or not row.url:
            return
        url = QUrl.fromUserInput(row.url)
        if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES:
            from agencydesk.qt.common.dialogs import show_user_error

            show_user_error(
                self,
                self.tr("“{url}” is not a web address agencydesk opens.").format(url=row.url),
            )
            return
        QDesktopServices.openUrl(url)

    def hideEvent(self, event: QHideEvent) -> None:
        self.hide_secret()  # a revealed password never waits on a hidden tab
        super().hideEvent(event)
