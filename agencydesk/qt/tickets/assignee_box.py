"""Who a ticket is assigned to, chosen in the ticket view: shown only on a desk of several
people (a solo desk has nobody to assign to)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from agencydesk.qt.common.desk_people import DeskPeople


class AssigneeBox(QWidget):
    # the user chose someone (a person id, or None: nobody)
    chosen = Signal(object)

    def __init__(self, desk_people: DeskPeople | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = desk_people
        self._assignee: int | None = None
        self.combo = QComboBox()
        self.combo.setObjectName("assignee")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(lambda _index: self.chosen.emit(self.combo.currentData()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Assigned to")))
        layout.addWidget(self.combo)
        layout.addStretch(1)
        if desk_people is not None:
            desk_people.changed.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        shown = self._people is not None and self._people.shows_people
        self.setVisible(shown)
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(self.tr("Nobody"), None)
            if self._people is not None:
                me = self._people.me
                for person in self._people.people.values():
                    name = self.tr("{name} (me)").format(name=person.name)
                    self.combo.addItem(name if person.id == me else person.name, person.id)
        self.show_assignee(self._assignee)

    def show_assignee(self, person_id: int | None) -> None:
        self._assignee = person_id
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(0, self.combo.findData(person_id)))

    def name_of(self, person_id: int | None) -> str:
        """How *person_id* is listed here ("Nobody", "Sari Wulandari (me)")."""
        index = self.combo.findData(person_id)
        return self.combo.itemText(index) if index >= 0 else self.tr("Nobody")

    def current(self) -> int | None:
        value = self.combo.currentData()
        return int(value) if value is not None else None
