"""Ctrl+K: one search over clients, tickets, messages and guides, grouped by kind.

The query runs in a worker on every pause in typing; results that arrive for an older query
are dropped. Snippets are escaped first, then the matched words are made bold.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import search as core_search
from agencydesk.core.search import SearchHit, SearchResults
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.item_painting import draw_cell_without_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_DELAY_MS = 120
# the best hits shown of each kind (one more is asked for: whether there are more)
HITS_SHOWN = 10


def snippet_html(snippet: str) -> str:
    """Escape everything, then turn the hit markers into bold."""
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(core_search.HIT_START, "<b>").replace(core_search.HIT_END, "</b>")


def _run(engine: Engine, text: str) -> SearchResults:
    with Session(engine) as session:
        return core_search.search(session=session, text=text, limit=HITS_SHOWN + 1)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints the (already escaped) HTML of a result line."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        markup = index.data(HTML_ROLE)
        if markup is None:
            super().paint(painter, option, index)
            return
        cell = draw_cell_without_text(self, painter, option, index)
        document = QTextDocument()
        document.setDefaultFont(cell.font)
        document.setHtml(markup)
        painter.save()
        painter.translate(cell.rect.topLeft())
        clip = QRectF(0, 0, cell.rect.width(), cell.rect.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        if cell.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                context.palette.ColorRole.Text,
                cell.palette.color(cell.palette.ColorRole.HighlightedText),
            )
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 24))


class SearchDialog(QDialog):
    # the user chose a hit
    hit_chosen = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.results: SearchResults | None = None
        self._search: workers.TaskHandle | None = None
        # the query of the search under way, of the hits shown, and whether Enter waits for it
        self._searching = ""
        self._shown_for: str | None = None
        self._open_when_found = False
        self.setWindowTitle(self.tr("Search everything"))
        self.resize(720, 480)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(
            self.tr("Search clients, tickets, messages and guides…  (Enter opens)")
        )
        self.query.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.status.setWordWrap(True)
        self.status.setText(self._hint())
        self.tree = QTreeWidget()
        self.tree.setObjectName("searchResults")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setItemDelegateForColumn(1, _HtmlDelegate(self.tree))
        self.tree.setColumnWidth(0, 240)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._open_current)
        self.query.installEventFilter(self)
        top_to_bottom((self.query, self.status, (self.tree, 1)), self)

    def _hint(self) -> str:
        """What the empty dialog says (it opened as a blank box): what it finds, and how."""
        return self.tr(
            "Type a name, a phone number or a few words someone wrote: the clients, tickets, "
            "messages and guides that hold them are listed here, the best first."
        )

    def _group_title(self, kind: str, count: int, more: bool) -> str:
        titles = {
            "client": self.tr("Clients ({count})"),
            "ticket": self.tr("Tickets ({count})"),
            "message": self.tr("Messages ({count})"),
            "guide": self.tr("Guides ({count})"),
        }
        return titles[kind].format(count=f"{count}+" if more else count)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        if self._search is not None:
            self._search.drop()  # an older query finishing late must not show its hits
        if not core_search.words(text):
            self.tree.clear()
            self.status.setText(self._hint())
            return
        engine = self._engine
        self._searching = text
        self._search = workers.run_task(
            lambda: _run(engine, text), self._show, self._failed, owner=self
        )

    def _failed(self, exc: BaseException, details: str) -> None:
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    def _show(self, results: SearchResults) -> None:
        self.results = results
        self._shown_for = self._searching
        self.tree.clear()
        first: QTreeWidgetItem | None = None
        count, more = 0, False  # more: a kind has more hits than shown ("invoice", a year)
        for kind in core_search.KINDS:
            found = results.hits.get(kind, [])
            if not found:
                continue
            hits, cut = found[:HITS_SHOWN], len(found) > HITS_SHOWN
            count, more = count + len(hits), more or cut
            group = QTreeWidgetItem([self._group_title(kind, len(hits), cut), ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem([hit.title, ""])
                item.setData(0, HIT_ROLE, hit)
                item.setData(1, HTML_ROLE, snippet_html(hit.snippet))
                # a tooltip with tags is rich text: escaped inside <p>, it shows the characters
                item.setToolTip(0, f"<p>{html.escape(hit.title)}</p>")
                group.addChild(item)
                first = first or item
            group.setExpanded(True)
        if count == 0:
            self.status.setText(self.tr("Nothing found."))
        elif more:
            self.status.setText(
                self.tr(
                    "More than {count} found: the best are shown; add a word to narrow."
                ).format(count=count)
            )
        else:
            self.status.setText(self.tr("{count} found").format(count=count))
        if not results.used_fts:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("(slower search: this database has no full-text index)")
            )
        elif not results.accents_ignored:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("(accents count: the server has no 'unaccent' extension)")
            )
        if first is not None:
            self.tree.setCurrentItem(first)
        if self._open_when_found:  # Enter was pressed before these hits came
            self._open_when_found = False
            self._open_current()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            self._move(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _move(self, step: int) -> None:
        items = []
        for group in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(group)
            items += [top.child(i) for i in range(top.childCount())]
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        self.tree.setCurrentItem(items[max(0, min(len(items) - 1, index + step))])

    def _open_current(self) -> None:
        """Enter: the chosen hit of what is typed. Typed and not searched yet (Enter right after
        typing), it is searched first, then its first hit opened: the hits of the query before
        were opened (another client), or nothing at all."""
        if self._shown_for != self.query.text():
            self._open_when_found = True
            self.run_search()
            return
        self._timer.stop()
        item = self.tree.currentItem()
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hit_chosen.emit(hit)
            self.accept()
