"""The add/edit dialog for a client login. The password goes to the keyring, in a worker (the
keyring may take a moment, or ask for its own password); everything else to the database.

Editing without typing a new password keeps the stored one.
"""

from __future__ import annotations

import traceback
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import credentials
from agencydesk.core.credentials import CredentialRow
from agencydesk.core.db import session_scope
from agencydesk.core.errors import ValidationError
from agencydesk.qt.common import workers
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import FieldErrors, add_rows_with_errors, save_cancel_layout
from agencydesk.qt.common.labels import muted_label, plain_label
from agencydesk.qt.common.versioned_save import Outcome, save_versioned


def _add(engine: Engine, client_id: int, values: dict[str, str], secret: str) -> CredentialRow:
    with session_scope(engine) as session:
        return credentials.add_credential(
            session=session, client_id=client_id, values=values, secret=secret
        )


def _read_login(engine: Engine, credential_id: int) -> CredentialRow:
    with Session(engine) as session:
        return credentials.get_credential(session=session, credential_id=credential_id)


class CredentialFormDialog(FormDialog):
    """Adds or edits one login. `saved_id` is set once the database and keyring have it."""

    def __init__(
        self,
        engine: Engine,
        client_id: int,
        credential_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, parent)
        self.client_id = client_id
        self.credential_id = credential_id
        self.saved_id: int | None = None
        self.saving = False
        # the version of the login as shown: saved over only that one (`core.versions`)
        self._seen_version: int | None = None
        self.setWindowTitle(
            self.tr("New login") if credential_id is None else self.tr("Edit login")
        )

        self.label = QLineEdit()
        self.label.setObjectName("credentialLabel")
        self.label.setPlaceholderText(self.tr("e.g. cPanel, WordPress admin, domain registrar"))
        self.url = QLineEdit()
        self.url.setObjectName("credentialUrl")
        self.url.setPlaceholderText(self.tr("e.g. https://katering-ratna.id/wp-admin"))
        self.username = QLineEdit()
        self.username.setObjectName("credentialUsername")
        self.username.setPlaceholderText(self.tr("the user name or email to log in with"))
        self.secret = QLineEdit()
        self.secret.setObjectName("credentialSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        if credential_id is not None:
            self.secret.setPlaceholderText(self.tr("unchanged; type a new one to replace it"))
        self.show_secret = QCheckBox(self.tr("Show"))
        self.show_secret.setObjectName("showSecret")
        self.show_secret.toggled.connect(self._toggle_secret)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.show_secret)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("credentialNotes")
        self.notes.setPlaceholderText(
            self.tr("Not secret: e.g. who pays the hosting, when the domain renews")
        )
        self.notes.setFixedHeight(64)
        self.notes.setTabChangesFocus(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, Any]] = [
            ("label", self.tr("Label *"), self.label),
            ("url", self.tr("Web address"), self.url),
            ("username", self.tr("User name"), self.username),
            (
                "secret",
                self.tr("Password *") if credential_id is None else self.tr("Password"),
                secret_row,
            ),
            ("notes", self.tr("Notes"), self.notes),
        ]
        # the fields' names in the conflict dialog
        self.field_labels = {field: label.rstrip(" *") for field, label, _widget in rows}
        edits = {"label": self.label, "secret": self.secret}
        self.errors = FieldErrors(
            add_rows_with_errors(form, rows),
            {
                "label_required": self.tr("Please give the login a label (e.g. cPanel)."),
                "label_taken": self.tr("This client already has a login with this label."),
                "secret_required": self.tr("Please enter the password."),
            },
            edits,
            fit=self._fit,
        )
        self.errors.clear_when_edited(edits)

        note = muted_label(
            self.tr(
                "The password is kept in your system's keyring, never in agencydesk's "
                "database or backups."
            )
        )
        note.setObjectName("keyringNote")
        self.status = plain_label()

        # the fields in one widget, greyed together while an edited login is read
        self.fields = QWidget()
        self.fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.buttons = save_cancel_layout(
            self, self.save, [self.fields, note, self.status], min_width=500
        )
        self.label.setFocus()
        self._fit()
        if credential_id is not None:
            self.fill_when_read(
                partial(_read_login, engine, credential_id),
                self._fill,
                waiting=[self.fields, self.buttons.button(QDialogButtonBox.StandardButton.Save)],
                focus=self.label,
            )

    def _fill(self, login: CredentialRow) -> None:
        self.label.setText(login.label)
        self.url.setText(login.url)
        self.username.setText(login.username)
        self.notes.setPlainText(login.notes)
        self._seen_version = login.version

    def _fit(self) -> None:
        """Tall enough for the wrapped texts (the note, messages under the fields)."""
        layout = self.layout()
        width = max(self.width(), self.minimumWidth())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        self.resize(width, max(height, layout.totalSizeHint().height()))

    def _toggle_secret(self, shown: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def values(self) -> dict[str, str]:
        return {
            "label": " ".join(self.label.text().split()),
            "url": self.url.text().strip(),
            "username": self.username.text().strip(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> None:
        if self.saving:
            return
        values = self.values()
        errors = credentials.validate(values)
        secret: str | None = self.secret.text()
        if not secret:
            if self.credential_id is None:
                errors["secret"] = "secret_required"
            secret = None  # editing: keep the stored password
        if errors:
            self.errors.show(errors)
            return
        self._set_saving(True)
        engine, client_id, credential_id = self._engine, self.client_id, self.credential_id
        if credential_id is None:
            workers.run_task(
                lambda: _add(engine, client_id, values, secret or ""), self._saved, self._failed
            )
            return
        self._save_edited(credential_id, values, secret)

    def _save_edited(self, credential_id: int, values: dict[str, str], secret: str | None) -> None:
        """Over the version shown (a colleague's newer save opens the conflict dialog), in a
        worker as adding is: the keyring may take a moment."""

        def save(session: Session, values: dict[str, Any], seen: int | None) -> CredentialRow:
            return credentials.update_credential(
                session=session,
                credential_id=credential_id,
                values=values,
                secret=secret,
                seen_version=seen,
            )

        try:
            outcome, row = save_versioned(
                self,
                self._engine,
                save,
                values,
                self._seen_version,
                labels=self.field_labels,
                in_worker=True,
            )
        except Exception as exc:
            self._failed(exc, traceback.format_exc())
            return
        self._set_saving(False)
        if outcome is Outcome.SAVED and row is not None:
            self._saved(row)
        elif outcome is Outcome.THEIRS:  # the colleague's login stays as stored
            self.saved_id = credential_id
            self.secret.clear()
            self.accept()
        elif outcome is Outcome.GONE:
            self.reject()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.buttons.setEnabled(not saving)
        self.status.setText(
            self.tr("Saving… (your keyring may ask for its password)") if saving else ""
        )

    def _saved(self, row: CredentialRow) -> None:
        self._set_saving(False)
        self.saved_id = row.id
        self.secret.clear()  # do not keep the password around longer than needed
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.qt.common.dialogs import report_exception

        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.errors)
        else:  # a UserError is said as a sentence, anything else reported as a bug
            report_exception(self, exc, details)

    def reject(self) -> None:
        if self.saving:
            return  # the keyring is being written; closing now would hide how it ended
        super().reject()  # asks first when something was typed
        if not self.isVisible():
            self.secret.clear()
