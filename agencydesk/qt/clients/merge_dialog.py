"""Merge clients: the same person entered twice becomes one client.

The dialog names both clients, lets the user choose which one stays (its name and details are
kept; the other's fill in what it lacks), says exactly what moves, and merges only after the user
clicks *Merge* (there is no undo: the sentence says so). The merge itself is one core service call
in its own transaction, run off the GUI thread. On a team desk what the dialog shows (the clients,
what would move) is read in workers too: about four round trips to a server a network away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import client_merge, clients
from agencydesk.core.client_merge import MergeSummary, PossibleDuplicate
from agencydesk.qt.common import workers
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import lay_out_dialog, tall_enough, top_to_bottom
from agencydesk.qt.common.dialogs import report_exception
from agencydesk.qt.common.labels import plain_label, text_tooltip

# a name on a radio button is cut past this many average characters
NAME_CHARACTERS = 48


@dataclass(frozen=True)
class MergeChoices:
    """What the dialog reads when it opens: the client's name, and (id, name) of the others."""

    name: str
    others: list[tuple[int, str]]


class MergeClientsDialog(QDialog):
    """Merges *client_id* and another client (*other_id*, or one chosen here). `merged` holds
    the summary once done; `kept_id` is the client that stays."""

    def __init__(
        self,
        engine: Engine,
        client_id: int,
        other_id: int | None = None,
        *,
        keep_other: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.client_id = client_id
        self.merged: MergeSummary | None = None
        self.setWindowTitle(self.tr("Merge clients"))

        self._other_id = other_id
        self._name = ""
        self.other = narrow_combo()
        self.other.setObjectName("mergeOther")
        self.keep_this = QRadioButton()
        self.keep_this.setObjectName("keepThis")
        self.keep_other = QRadioButton()
        self.keep_other.setObjectName("keepOther")
        (self.keep_other if keep_other else self.keep_this).setChecked(True)
        self.summary = plain_label()
        self.summary.setObjectName("mergeSummary")

        # the sentence on a line of its own, wrapped: a long name made a form label of it that
        # was wider than a laptop's half screen
        self.merge_with = plain_label()
        form = QFormLayout()
        keep = top_to_bottom((self.keep_this, self.keep_other))
        form.addRow(self.tr("Keep"), keep)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeButton")
        # it cannot be undone: Enter does not merge, a click on Merge does
        self.merge_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        lay_out_dialog(
            self,
            (self.merge_with, self.other, form, self.summary),
            self.buttons,
            self.merge,
            min_width=520,
        )

        self.merge_button.setEnabled(False)  # until both clients and what moves are known
        read_for_desk(
            engine,
            self,
            self._read_choices,
            self._show_choices,
            key="choices",
            waiting=(self.other, self.keep_this, self.keep_other),
        )

    def _read_choices(self) -> MergeChoices:
        """(a worker's, on a team desk) the client, and the others with likely duplicates first."""
        with Session(self._engine) as session:
            client = clients.get_client(session=session, client_id=self.client_id)
            duplicates = client_merge.possible_duplicates(
                session=session, name=client.name, phone=client.phone, exclude_id=self.client_id
            )
            others = clients.referrer_choices(session=session, exclude_id=self.client_id)
        likely = {d.id for d in duplicates}
        return MergeChoices(client.name, sorted(others, key=lambda row: row[0] not in likely))

    def _show_choices(self, choices: MergeChoices) -> None:
        self._name = choices.name
        self.merge_with.setText(
            self.tr("Merge {name} (#{id}) with").format(name=choices.name, id=self.client_id)
        )
        for other, name in choices.others:
            self.other.addItem(f"{name} (#{other})", other)
        if self._other_id is not None:
            self.other.setCurrentIndex(max(0, self.other.findData(self._other_id)))
        self.other.setEnabled(self._other_id is None)
        self.other.currentIndexChanged.connect(self._update)
        self.keep_this.toggled.connect(self._update)
        self._update()

    def keep_and_drop(self) -> tuple[int, int] | None:
        other = self.other.currentData()
        if other is None:
            return None
        pair = (self.client_id, int(other))
        return pair if self.keep_this.isChecked() else (pair[1], pair[0])

    def _name_choice(self, button: QRadioButton, name: str) -> None:
        """*name* on *button*, cut with "…" past a usual name's width (a radio button cannot
        wrap); the whole of it in the tooltip."""
        metrics = button.fontMetrics()
        room = metrics.averageCharWidth() * NAME_CHARACTERS
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        button.setText(shown)
        button.setToolTip("" if shown == name else text_tooltip(name))

    def _update(self, *_args: object) -> None:
        other_text = self.other.currentText()
        self._name_choice(self.keep_this, f"{self._name} (#{self.client_id})")
        self._name_choice(self.keep_other, other_text)
        self.keep_other.setEnabled(bool(other_text))
        pair = self.keep_and_drop()
        if pair is None:
            self.merge_button.setEnabled(False)
            self.summary.setText(self.tr("There is no other client to merge with."))
            tall_enough(self)
            return
        engine = self._engine

        def preview() -> MergeSummary:
            with Session(engine) as session:
                return client_merge.merge_preview(session=session, keep_id=pair[0], drop_id=pair[1])

        # Merge waits for the sentence of the pair chosen last: a click must never merge
        # other clients than the ones it describes
        read_for_desk(
            engine,
            self,
            preview,
            self._show_preview,
            key="preview",
            waiting=(self.merge_button, self.summary),
        )

    def _show_preview(self, summary: MergeSummary) -> None:
        self.summary.setText(self.describe(summary))
        tall_enough(self)
        self.merge_button.setEnabled(True)

    def describe(self, summary: MergeSummary) -> str:
        def count(n: int, one: str, many: str) -> str:
            return one if n == 1 else many.format(n=n)

        parts = [
            count(summary.tickets, self.tr("1 ticket"), self.tr("{n} tickets")),
            count(summary.messages, self.tr("1 message"), self.tr("{n} messages")),
            count(summary.orders, self.tr("1 order"), self.tr("{n} orders")),
            count(summary.logins, self.tr("1 login"), self.tr("{n} logins")),
            count(summary.guide_sends, self.tr("1 guide sent"), self.tr("{n} guides sent")),
            count(
                summary.introduced,
                self.tr("1 client they introduced"),
                self.tr("{n} clients they introduced"),
            ),
        ]
        numbers = (
            summary.tickets,
            summary.messages,
            summary.orders,
            summary.logins,
            summary.guide_sends,
            summary.introduced,
        )
        moved = ", ".join(part for part, n in zip(parts, numbers, strict=True) if n)
        text = self.tr(
            "{kept} (#{kept_id}) stays. What {kept} lacks (phone, email, notes, …) is filled in "
            "from {other} (#{other_id}), then {other} (#{other_id}) is removed."
        )
        if moved:
            text += " " + self.tr("Moved to {kept}: {moved}.")
        text += "\n\n" + self.tr("This cannot be undone.")
        return text.format(
            kept=summary.keep_name,
            kept_id=summary.keep_id,
            other=summary.drop_name,
            other_id=summary.drop_id,
            moved=moved,
        )

    def merge(self) -> None:
        pair = self.keep_and_drop()
        if pair is None:
            return
        keep_id, drop_id = pair
        self.buttons.setEnabled(False)
        engine = self._engine
        workers.run_task(
            lambda: client_merge.merge_clients(engine, keep_id=keep_id, drop_id=drop_id),
            self._merged,
            self._failed,
            owner=self,
        )

    @property
    def kept_id(self) -> int | None:
        return self.merged.keep_id if self.merged is not None else None

    def _merged(self, summary: MergeSummary) -> None:
        self.merged = summary
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.buttons.setEnabled(True)
        report_exception(self, exc, details)


def ask_about_duplicates(
    parent: QWidget, found: list[PossibleDuplicate]
) -> Literal["save", "merge", "keep_editing"]:
    """The client being saved may already be in the desk: say who, and ask what to do."""

    lines = []
    for duplicate in found[:5]:
        why = (
            QCoreApplication.translate("MergeClientsDialog", "same phone number")
            if duplicate.same_phone
            else QCoreApplication.translate("MergeClientsDialog", "nearly the same name")
        )
        lines.append(f"• {duplicate.name} (#{duplicate.id}) – {why}")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)  # client names are never HTML
    box.setWindowTitle(QCoreApplication.translate("MergeClientsDialog", "Already in your desk?"))
    box.setText(
        QCoreApplication.translate(
            "MergeClientsDialog", "This client may already be in your desk:\n{clients}"
        ).format(clients="\n".join(lines))
        + "\n\n"
        + QCoreApplication.translate(
            "MergeClientsDialog",
            "Merge them into one client, or save a second client anyway?",
        )
    )
    merge = box.addButton(
        QCoreApplication.translate("MergeClientsDialog", "Merge with {name}…").format(
            name=found[0].name
        ),
        QMessageBox.ButtonRole.ActionRole,
    )
    save = box.addButton(
        QCoreApplication.translate("MergeClientsDialog", "Save anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("MergeClientsDialog", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is merge:
        return "merge"
    return "save" if clicked is save else "keep_editing"
