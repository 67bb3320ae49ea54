"""The import wizard's choices: who is who in the chat (me, the client, others) and where the
messages go (a ticket of the client's, a new one, or split at long gaps).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QConcatenateTablesProxyModel, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
    QWizardPage,
)

from agencydesk.qt.chat_import.wizard_access import the_wizard
from agencydesk.qt.common.combos import narrow_combo
from agencydesk.qt.common.detail_reading import read_for_desk
from agencydesk.qt.common.dialog_layout import scrolling, top_to_bottom
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.common.line_limit import limit_characters

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def _item(text: str, data: object) -> QStandardItem:
    """A combo item: *text* shown, *data* its `currentData()`."""
    item = QStandardItem(text)
    item.setData(data, Qt.ItemDataRole.UserRole)
    return item


def _separator() -> QStandardItem:
    """A line between a combo's items, as `QComboBox.insertSeparator` makes it."""
    item = QStandardItem()
    item.setData("separator", Qt.ItemDataRole.AccessibleDescriptionRole)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item


def _show_items(
    combo: QComboBox,
    shared: QStandardItemModel,
    before: list[QStandardItem],
    after: list[QStandardItem],
) -> None:
    """*combo* shows its own items *before*, then the *shared* ones, then its own *after*."""
    combined = QConcatenateTablesProxyModel(combo)  # the combo's: replaced, it is deleted
    for part in (_model_of(before, combined), shared, _model_of(after, combined)):
        combined.addSourceModel(part)
    combo.setModel(combined)


def _model_of(items: list[QStandardItem], parent: QObject) -> QStandardItemModel:
    # one column even without a row: a concatenation has as few columns as its fewest part
    model = QStandardItemModel(0, 1, parent)
    for item in items:
        model.appendRow(item)
    return model


def _read_choices(engine: Engine) -> tuple[list[Any], list[str]]:
    """The clients a sender can be, and the names she used for herself in earlier imports."""
    from sqlmodel import Session

    from agencydesk.core import chat_import

    with Session(engine) as session:
        return chat_import.client_choices(session=session), chat_import.earlier_me_names(session)


def _read_tickets(engine: Engine, client_id: int) -> list[tuple[int, str]]:
    from sqlmodel import Session

    from agencydesk.core import tickets

    with Session(engine) as session:
        return [
            (row.id, row.title)
            for row in tickets.list_tickets(session=session, client_id=client_id)
        ]


class MappingPage(QWizardPage):
    """Who is who: each participant is Me, an existing client, or a new client."""

    ME = "me"
    NEW = "new"

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Who is who?"))
        self.setSubTitle(self.tr("Tell agencydesk which sender is you and which are your clients."))
        self.combos: dict[str, QComboBox] = {}
        self.main_client = narrow_combo(16)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = scrolling(self.form_host)
        main_form = QFormLayout()
        main_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        main_form.addRow(self.tr("Add to the history of:"), self.main_client)
        self.no_me = QCheckBox(self.tr("None of these messages are mine"))
        self.no_me.setObjectName("noMessagesOfMine")
        self.no_me.toggled.connect(self._update_me_hint)
        self.me_hint = plain_label(
            self.tr(
                "Which sender is you? Choose “Me” for your name, or tick “None of these "
                "messages are mine”: otherwise your replies would be saved as the client’s."
            )
        )
        self.me_hint.setObjectName("whoIsMeHint")
        self.me_hint.setStyleSheet("color: #b3261e;")
        top_to_bottom(
            (
                main_form,
                plain_label(self.tr("Senders in this chat:")),
                (scroll, 1),
                self.me_hint,
                self.no_me,
            ),
            self,
        )
        self.choices: list[Any] = []
        self._senders_listed = False
        self._clients: QStandardItemModel | None = None
        self.main_client.currentIndexChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        """Read the desk's clients and the names she used in earlier imports: at once on a solo
        desk; on a team desk in a worker (round trips to a server a network away), the page
        incomplete until the senders are listed."""
        engine = the_wizard(self).engine
        self._senders_listed = False
        while self.form.rowCount():  # another chat's, when she came back to choose another file
            self.form.removeRow(0)
        self.combos.clear()
        self.completeChanged.emit()
        read_for_desk(
            engine, self, partial(_read_choices, engine), self._list_senders, key="choices"
        )

    def _list_senders(self, read: tuple[list[Any], list[str]]) -> None:
        from agencydesk.core import chat_import

        wizard = the_wizard(self)
        parsed = wizard.preview_page.parsed
        assert parsed is not None
        self.choices, earlier = read
        self._senders_listed = True
        plan = chat_import.plan_import(
            parsed=parsed,
            choices=self.choices,
            client_id=wizard.client_id,
            me_names=[*wizard.me_names, *earlier],
        )
        # one list of the clients that every combo shows between its own items: a desk's
        # thousands of clients added to each participant's combo froze "Next" (30 senders,
        # 10,000 clients: 0.6 s)
        if self._clients is not None:
            self._clients.deleteLater()
        self._clients = _model_of([_item(c.name, c.id) for c in self.choices], self)
        busiest = _item(self.tr("The busiest client in the chat"), None)
        _show_items(self.main_client, self._clients, [busiest], [])
        main = wizard.client_id if wizard.client_id is not None else plan.main_client_id
        index = self.main_client.findData(main) if main is not None else 0
        self.main_client.setCurrentIndex(max(index, 0))
        for participant in plan.participants:
            combo = narrow_combo(16)
            new_client = self.tr("New client “{name}”").format(name=participant)
            _show_items(
                combo,
                self._clients,
                [_item(self.tr("Me"), self.ME), _separator()],
                [_separator(), _item(new_client, self.NEW)],
            )
            assignment = plan.mapping[participant]
            if assignment == chat_import.ME:
                combo.setCurrentIndex(0)
            elif isinstance(assignment, chat_import.NewClient):
                combo.setCurrentIndex(combo.count() - 1)
            else:
                combo.setCurrentIndex(max(combo.findData(assignment), 0))
            count = plan.counts.get(participant, 0)
            label = (
                self.tr("{name} (1 message)")
                if count == 1
                else self.tr("{name} ({count} messages)")
            ).format(name=participant, count=self.locale().toString(count))
            row_label = QLabel(label)
            row_label.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(row_label, combo)
            self.combos[participant] = combo
            combo.currentIndexChanged.connect(self._update_me_hint)
        self.no_me.setChecked(False)
        self._update_me_hint()

    def mapping(self) -> dict[str, Any]:
        from agencydesk.core import chat_import

        out: dict[str, Any] = {}
        for participant, combo in self.combos.items():
            data = combo.currentData()
            if data == self.ME:
                out[participant] = chat_import.ME
            elif data == self.NEW:
                out[participant] = chat_import.new_client_for(participant)
            else:
                out[participant] = int(data)
        return out

    def client_id(self) -> int | None:
        data = self.main_client.currentData()
        return int(data) if data is not None else None

    def _someone_is_me(self) -> bool:
        return any(c.currentData() == self.ME for c in self.combos.values())

    def _update_me_hint(self) -> None:
        """Until someone is "Me" (or the box says none of the messages are mine) the wizard
        does not go on, and says why."""
        someone = self._someone_is_me()
        if someone:
            self.no_me.setChecked(False)
        self.no_me.setEnabled(not someone)
        self.me_hint.setVisible(not someone and not self.no_me.isChecked())
        self.completeChanged.emit()

    def me_senders(self) -> list[str]:
        return [p for p, c in self.combos.items() if c.currentData() == self.ME]

    def isComplete(self) -> bool:
        if not self._senders_listed:
            return False
        if not (self._someone_is_me() or self.no_me.isChecked()):
            return False
        if self.client_id() is not None:
            return True
        return any(c.currentData() != self.ME for c in self.combos.values())


class TargetPage(QWizardPage):
    """Where the messages go: a ticket, a new ticket, tickets split at gaps, or the timeline."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Where should the messages go?"))
        self.setSubTitle(
            self.tr("Into one of the client's tickets, a new ticket, or a ticket per conversation.")
        )
        self.attach = QRadioButton(self.tr("Add to an existing ticket:"))
        self.ticket_combo = narrow_combo(16)
        self.new = QRadioButton(self.tr("Start a new ticket:"))
        self.title_edit = QLineEdit()
        limit_characters(self.title_edit, 200)
        self.split = QRadioButton(self.tr("A new ticket after every quiet gap of at least:"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 24 * 30)
        self.hours.setValue(8)
        self.hours.setSuffix(self.tr(" hours"))
        self.earlier_done = QCheckBox(
            self.tr("Earlier conversations are done: only the latest may still wait on me")
        )
        self.earlier_done.setToolTip(
            self.tr(
                "Otherwise every conversation the client had the last word in waits on you, "
                "however long ago it was."
            )
        )
        self.timeline = QRadioButton(self.tr("Only the client's history, no ticket"))
        self.group = QButtonGroup(self)
        for button in (self.attach, self.new, self.split, self.timeline):
            self.group.addButton(button)
            button.toggled.connect(self._update)
        self.title_edit.textChanged.connect(self.completeChanged)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.attach, 0, 0)
        grid.addWidget(self.ticket_combo, 0, 1)
        grid.addWidget(self.new, 1, 0)
        grid.addWidget(self.title_edit, 1, 1)
        grid.addWidget(self.split, 2, 0)
        grid.addWidget(self.hours, 2, 1, Qt.AlignmentFlag.AlignLeft)
        under_split = QHBoxLayout()  # it belongs to the choice above it
        under_split.addSpacing(24)
        under_split.addWidget(self.earlier_done)
        grid.addLayout(under_split, 3, 0, 1, 2)
        grid.addWidget(self.timeline, 4, 0, 1, 2)
        self.note = plain_label(
            self.tr(
                "Messages imported before are recognised and skipped, so importing a newer "
                "export of the same chat adds only what is new."
            )
        )
        grid.addWidget(self.note, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)

    def initializePage(self) -> None:
        """The client's tickets are read at once on a solo desk, in a worker on a team desk
        (*Add to an existing ticket* waits for them)."""
        wizard = the_wizard(self)
        client_id = wizard.mapping_page.client_id()
        self.ticket_combo.clear()
        self.attach.setEnabled(False)
        if client_id is not None:
            read_for_desk(
                wizard.engine,
                self,
                partial(_read_tickets, wizard.engine, client_id),
                self._list_tickets,
                key="tickets",
            )
        parsed = wizard.preview_page.parsed
        if not self.title_edit.text() and parsed is not None:
            from agencydesk.core.chat_import import title_from

            first = parsed.messages[0].timestamp if parsed.messages else None
            if parsed.chat_name:
                self.title_edit.setText(parsed.chat_name)
            elif first is not None:
                me = wizard.mapping_page.me_senders()
                self.title_edit.setText(title_from(parsed.messages, first, me))
        if self.group.checkedButton() is None or not self.group.checkedButton().isEnabled():
            self.split.setChecked(True)
        self._update()

    def _list_tickets(self, choices: list[tuple[int, str]]) -> None:
        for ticket_id, title in choices:
            self.ticket_combo.addItem(f"#{ticket_id} {title}", ticket_id)
        self.attach.setEnabled(self.ticket_combo.count() > 0)
        self._update()

    def _update(self) -> None:
        self.ticket_combo.setEnabled(self.attach.isChecked())
        self.title_edit.setEnabled(self.new.isChecked())
        self.hours.setEnabled(self.split.isChecked())
        self.earlier_done.setEnabled(self.split.isChecked())
        self.completeChanged.emit()

    def target(self) -> Any:
        from agencydesk.core import chat_import

        if self.attach.isChecked():
            return chat_import.AttachToTicket(int(self.ticket_combo.currentData()))
        if self.new.isChecked():
            return chat_import.NewTicket(self.title_edit.text().strip())
        if self.split.isChecked():
            return chat_import.SplitAtGaps(
                self.hours.value(), earlier_done=self.earlier_done.isChecked()
            )
        return chat_import.TimelineOnly()

    def isComplete(self) -> bool:
        if self.new.isChecked():
            return bool(self.title_edit.text().strip())
        if self.attach.isChecked():
            return self.ticket_combo.currentData() is not None
        return self.group.checkedButton() is not None
