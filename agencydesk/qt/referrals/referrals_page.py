"""The Referrals section: whose happy clients brought more clients, and what that brought in.

Left: the roots list (`roots_list.RootsPanel`). Right: for a root, the figures in plain words
(`figures_strip`) and three tabs (`root_tabs`: the tree, the spread over time, the
generations); for the whole business, the share of revenue that came by referral and the top
referrers (`business_view`). This module puts them together and reads what they show.

Everything is read in a worker (`root_report`: the tree, the figures and the spread from one
read; the tree is laid out there too). A result for a root the user has since left is dropped.
The page refreshes when clients or orders change (at once while shown, else when shown again).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import referrals
from agencydesk.core.changes import Topic
from agencydesk.core.errors import UserError
from agencydesk.core.referrals import BusinessSpread
from agencydesk.qt.common import workers
from agencydesk.qt.common.core_sentences import user_text
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.dialog_layout import scrolling, top_to_bottom
from agencydesk.qt.common.labels import bold_label
from agencydesk.qt.referrals.business_view import BusinessView
from agencydesk.qt.referrals.figures_strip import FiguresStrip
from agencydesk.qt.referrals.root_tabs import RootLoaded, RootTabs
from agencydesk.qt.referrals.roots_list import (
    BUSINESS,
    ROOT_ID_ROLE,
    RootRow,
    RootsPanel,
    cascade_roots,
)
from agencydesk.qt.referrals.tree_drawing import MUTED_COLOUR, layout_positions

# what changes these figures
WATCHED = (Topic.CLIENTS, Topic.ORDERS)


# -- reading, in a worker -----------------------------------------------------------------------
def _load_roots(engine: Engine) -> list[RootRow]:
    with Session(engine) as session:
        return cascade_roots(referrals.forest(session=session))


def _load_root(engine: Engine, root_id: int) -> RootLoaded:
    with Session(engine) as session:
        report = referrals.root_report(session=session, root_id=root_id)
    return RootLoaded(report, layout_positions(report.tree))


def _load_business(engine: Engine) -> BusinessSpread:
    with Session(engine) as session:
        return referrals.business_spread(session=session)


class ReferralsPage(QWidget):
    client_activated = Signal(int)
    # the list of roots was (re)read
    roots_loaded = Signal()
    # a root's figures, tree and charts are shown (its client id)
    root_shown = Signal(int)
    # the whole-business figures are shown
    business_shown = Signal()

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralsPage")
        self._engine = engine
        # the row the user chose (BUSINESS or a root's client id), and what the right side shows
        self.chosen: int | None = None
        self.shown: int | None = None
        self.business: BusinessSpread | None = None

        self.roots_panel = RootsPanel()
        self.roots_panel.roots.selectionModel().currentChanged.connect(self._current_changed)
        self.strip = FiguresStrip()
        self.strip.setVisible(False)
        self.tabs = RootTabs()
        self.tabs.tree.view.client_activated.connect(self.client_activated)
        self.business_view = BusinessView()
        self.business_view.client_activated.connect(self.client_activated)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {MUTED_COLOUR};")
        # the whole business scrolls up and down where the window is short (a small laptop at
        # 150 %): squeezed, its tables were drawn over the captions below them
        self.business_scroll = scrolling(self.business_view, sideways=False)
        self.stack = QStackedWidget()
        for shown in (self.message, self.tabs, self.business_scroll):
            self.stack.addWidget(shown)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.roots_panel)
        self.splitter.addWidget(self._right_side())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 800])
        self.splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        follow_changes(self, WATCHED, self.refresh)
        self.refresh()

    def _right_side(self) -> QWidget:
        """The title (with a busy bar while reading), the figures and what is shown below."""
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold_label(self.title, 1.4)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(110)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Loading"))
        right = QWidget()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        top_to_bottom((header, self.strip, (self.stack, 1)), right, margins=(6, 10, 12, 10))
        return right

    @property
    def loaded(self) -> RootLoaded | None:
        """The root shown in the tabs, if any."""
        return self.tabs.loaded

    # -- refreshing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roots again, then what is on the right."""
        engine = self._engine
        self._set_busy(True)
        workers.run_task(
            lambda: _load_roots(engine),
            self._roots_read,
            lambda exc, details: self._failed(exc, details, roots=True),
            owner=self,
            key="roots",
        )

    def _roots_read(self, rows: list[RootRow]) -> None:
        self.roots_panel.set_roots(rows)
        self.roots_loaded.emit()
        wanted = self.chosen if self.chosen is not None else BUSINESS
        if self.roots_panel.model.row_of(wanted) < 0:
            wanted = BUSINESS
        self.select_root(wanted)

    # -- choosing --------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        client_id = current.data(ROOT_ID_ROLE)
        if isinstance(client_id, int) and client_id != self.chosen:
            self.choose(client_id)

    def select_root(self, client_id: int) -> None:
        """Choose *client_id* (a root, or BUSINESS) in the list and show it."""
        self.roots_panel.select(client_id)
        self.choose(client_id)

    def choose(self, client_id: int) -> None:
        """Show the whole business (BUSINESS) or a root's cascade; the read runs in a worker and
        its result is dropped if the user chose something else meanwhile."""
        self.chosen = client_id
        engine = self._engine
        self._set_busy(True)
        if client_id == BUSINESS:
            workers.run_task(
                lambda: _load_business(engine),
                self._business_read,
                self._failed,
                owner=self,
                key="chosen",
            )
        else:
            workers.run_task(
                lambda: _load_root(engine, client_id),
                self._root_read,
                self._failed,
                owner=self,
                key="chosen",
            )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _failed(self, exc: BaseException, details: str, *, roots: bool = False) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):  # the client was deleted meanwhile: read the list again
            self.title.setText("")
            self.strip.setVisible(False)
            self.message.setText(user_text(exc))
            self.stack.setCurrentWidget(self.message)
            if not roots:
                self.chosen = None
                self.refresh()
            return
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(self, exc, details)

    # -- what is shown ---------------------------------------------------------------------------
    def _root_read(self, loaded: RootLoaded) -> None:
        self._set_busy(False)
        cascade = loaded.report.cascade
        same = self.shown == cascade.root_id
        self.shown = cascade.root_id
        self.title.setText(cascade.root_name)
        self.strip.show_root(cascade)
        self.strip.setVisible(True)
        self.tabs.show_root(loaded, keep_view=same)
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.show_current_tab()
        self.root_shown.emit(cascade.root_id)

    def _business_read(self, spread: BusinessSpread) -> None:
        self._set_busy(False)
        self.business = spread
        self.shown = BUSINESS
        self.tabs.loaded = None
        self.title.setText(self.tr("Whole business"))
        self.strip.show_business(spread)
        self.strip.setVisible(True)
        self.business_view.show_business(spread)
        self.stack.setCurrentWidget(self.business_scroll)
        self.business_shown.emit()
