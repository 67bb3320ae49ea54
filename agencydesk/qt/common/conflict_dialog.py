"""When another desk saved a record while this one edited it: field by field, mine beside theirs,
and the user keeps hers, takes theirs, or merges (a choice per field). Nothing is overwritten
without being shown here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from agencydesk.core.shorten import shorten
from agencydesk.core.versions import EditConflict
from agencydesk.qt.common.dialog_layout import lay_out_dialog
from agencydesk.qt.common.labels import plain_label

# how a field's value reads (a referrer's name for an id, "—" for nothing); the form knows
Describe = Callable[[str, Any], str]


def combo_text(combo: QComboBox, value: Any, missing: str) -> str:
    """The text *combo* shows for its item holding *value* (*missing* when none does): how a
    form's `Describe` names a stored choice in this dialog, in the words the form uses."""
    index = combo.findData(value)
    return combo.itemText(index) if index >= 0 else missing


# a long note is cut in the table (the whole text shows as its tooltip), so that mine and
# theirs stay side by side on a laptop's screen
_SHOWN_CHARS = 56
# the most height the fields take before they scroll
_MAX_TABLE_HEIGHT = 420


def _plain(_field: str, value: Any) -> str:
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    """`choice` ends as "mine", "theirs" or "merge"; `values()` are then what to save."""

    MINE, THEIRS, MERGE = "mine", "theirs", "merge"

    def __init__(
        self,
        conflict: EditConflict,
        labels: Mapping[str, str],
        describe: Describe = _plain,
        parent: QWidget | None = None,
        *,
        back_to_form: bool = True,
    ) -> None:
        """*back_to_form*: Cancel reads "Keep editing" (a form stays open with what was typed);
        False where there is no form to go back to (the ticket view's fields): a plain Cancel,
        nothing saved."""
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Saved meanwhile on another desk"))
        intro = plain_label(
            self.tr(
                "Someone else saved this while you were editing it. Nothing is lost yet: choose, "
                "field by field, which version to keep."
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, title in enumerate(("", self.tr("Mine"), self.tr("Theirs (saved now)"))):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        # per field, its "theirs" button (checked: take theirs for it)
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        for row, field in enumerate(conflict.fields, start=1):
            grid.addWidget(QLabel(labels.get(field, field)), row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            for column, value in ((1, conflict.mine[field]), (2, conflict.theirs.get(field))):
                button = self._value_button(describe(field, value))
                group.addButton(button)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
            mine, theirs = group.buttons()
            mine.setChecked(True)
            self.mine_buttons[field] = mine  # type: ignore[assignment]
            self.theirs_buttons[field] = theirs  # type: ignore[assignment]
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        table = QWidget()
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # as wide as the fields need (no sideways scrolling), as high as they need up to a limit
        wanted = table.sizeHint()
        scroll.setMinimumWidth(wanted.width() + scroll.verticalScrollBar().sizeHint().width())
        scroll.setMinimumHeight(min(wanted.height(), _MAX_TABLE_HEIGHT))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        back = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        back.setIcon(QIcon())  # the only button with an icon stood out as the one to press
        if back_to_form:  # not a cancel: back to the form, nothing lost
            back.setText(self.tr("Keep editing"))
        self.keep_mine = self._add(buttons, self.tr("Keep mine"), self.MINE)
        self.take_theirs = self._add(buttons, self.tr("Take theirs"), self.THEIRS)
        self.merge = self._add(buttons, self.tr("Save my choice"), self.MERGE)
        self.merge.setDefault(True)
        # room between the sentence, the fields and the buttons (close together they read as
        # one block)
        lay_out_dialog(self, [intro, 6, (scroll, 1), 8], buttons, min_width=560)

    def _value_button(self, text: str) -> QRadioButton:
        shown = shorten(text, _SHOWN_CHARS + 1)
        button = QRadioButton(shown.replace("\n", " ⏎ ") or "—")
        button.setToolTip(text)
        return button

    def _add(self, buttons: QDialogButtonBox, text: str, choice: str) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda: self._chosen(choice))
        return button

    def _chosen(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def values(self) -> dict[str, Any]:
        """What to save: mine, with theirs where chosen (all of theirs for "Take theirs")."""
        conflict = self.conflict
        values = dict(conflict.mine)
        for field in conflict.fields:
            if self.choice == self.THEIRS or (
                self.choice == self.MERGE and self.theirs_buttons[field].isChecked()
            ):
                values[field] = conflict.theirs.get(field)
        return values
