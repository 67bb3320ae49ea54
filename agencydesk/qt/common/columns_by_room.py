"""Columns that step aside while a list is too narrow to read its main column, and come back when
there is room again.

On a small laptop at 150 % (about 900 points wide) the tickets list had some 80 points left for
the ticket's title once status, priority, due and updated had their fitted widths: "Uploa…" over
"Ibu Sa…". The title is what the list is read by; the other columns can wait.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView


class ColumnsByRoom(QObject):
    """*main* keeps at least *least_chars* average characters: *give_way*'s columns hide, the
    first first, while it would have fewer, and show again (the last first) when it would not.

    A column the person shows or hides themselves (`choose`) is theirs from then on and never
    steps aside: the list does what they asked, even in a narrow window. Their choices
    (`choices`) are what the window remembers for the next start (`restore`)."""

    #: (column, shown): a column stepped aside or came back, or the person chose it (a header
    #: menu's tick follows it)
    shownChanged = Signal(int, bool)

    def __init__(
        self,
        table: QTableView,
        *,
        main: int,
        least_chars: int,
        give_way: Sequence[int],
    ) -> None:
        super().__init__(table)
        self._table = table
        self.main = main
        self._least_chars = least_chars
        self._give_way = list(give_way)
        self._aside: set[int] = set()
        self._chosen: dict[int, bool] = {}  # column → shown, as the person chose
        #: a stepped-aside column's width when it last showed: what it needs to come back
        self._widths: dict[int, int] = {}
        self._arranging = False
        # one arrangement for however many reasons came in one turn of the event loop
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.arrange)
        # The header is as wide as the viewport: its resizing says when the room changes (a
        # resize, a scroll bar coming or going). Nothing here asks for the viewport itself:
        # PySide6 made that first plain QWidget's Python wrapper (with 55 enum types) in
        # 10-17 ms, a tenth of showing the start-up list.
        header = table.horizontalHeader()
        header.installEventFilter(self)
        # another column grown or shrunk takes or gives the main one's room (measured again,
        # shown again): nothing else would say so, and the titles stayed narrow
        header.sectionResized.connect(self._section_resized)
        model = table.model()
        # after the fitted columns are measured again for the rows just read (same turn of the
        # event loop, connected before us), or at the next turn
        model.modelReset.connect(self._arrange_soon)
        model.layoutChanged.connect(self._arrange_soon)
        self._arrange_soon()

    def choose(self, column: int, shown: bool) -> None:
        """The person showed or hid *column* (the header's menu): theirs from now on. The main
        column always shows: a list hidden down to its row numbers, kept so at every start,
        would look empty."""
        if column == self.main and not shown:
            return
        if column in self._give_way:
            self._give_way.remove(column)
        self._aside.discard(column)
        self._chosen[column] = shown
        self._table.setColumnHidden(column, not shown)
        self.shownChanged.emit(column, shown)
        self.arrange()

    def choices(self) -> dict[int, bool]:
        """The columns the person showed or hid: column → shown."""
        return dict(self._chosen)

    def restore(self, choices: Mapping[int, bool]) -> None:
        """The person's *choices* of an earlier start (`choices`), as if made again; a column
        the table does not have is left out."""
        for column, shown in choices.items():
            if 0 <= column < self._table.model().columnCount():
                self.choose(column, shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def _arrange_soon(self) -> None:
        self._soon.start()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.main:  # the main one takes what is left: that is the arranging
            self._arrange_soon()

    def arrange(self) -> None:
        if self._arranging:
            # a column shown or hidden below resized the list (a scroll bar came or went):
            # looked at again once this arrangement is done, not dropped
            self._arrange_soon()
            return
        self._arranging = True
        try:
            self._arrange()
        finally:
            self._arranging = False

    def _arrange(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        least = table.fontMetrics().averageCharWidth() * self._least_chars
        movable = [c for c in self._give_way if c in self._aside or not table.isColumnHidden(c)]
        for column in movable:
            if column not in self._aside:
                self._widths[column] = header.sectionSize(column)
        fixed = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.main and c not in movable and not table.isColumnHidden(c)
        )
        room = header.width() - fixed - least
        # the most important (last) first, while each fits in what is left
        shown: set[int] = set()
        for column in reversed(movable):
            width = self._widths.get(column, 0)
            if width > room:
                break
            room -= width
            shown.add(column)
        for column in movable:
            aside = column not in shown
            if aside == (column in self._aside):
                continue
            if aside:
                self._aside.add(column)
            else:
                self._aside.discard(column)
            table.setColumnHidden(column, aside)
            self.shownChanged.emit(column, not aside)


def header_menu(table: QTableView, columns: ColumnsByRoom) -> None:
    """The header's right-click menu: a tick for each column, to show or hide it (the person's
    choice, `ColumnsByRoom.choose`). A column stepped aside is unticked: ticking it is asking
    for it, room or not."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    model = table.model()
    toggles: list[QAction] = []
    for column in range(model.columnCount()):
        toggle = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), header)
        toggle.setCheckable(True)
        toggle.setChecked(not table.isColumnHidden(column))
        toggle.setEnabled(column != columns.main)  # what the list is read by: always there
        toggle.triggered.connect(lambda shown, c=column: columns.choose(c, shown))
        header.addAction(toggle)
        toggles.append(toggle)
    columns.shownChanged.connect(lambda column, shown: toggles[column].setChecked(shown))
