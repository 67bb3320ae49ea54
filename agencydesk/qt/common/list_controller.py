"""What every list page does with its list, written once: the search that waits for a pause in
typing, which row is chosen, choosing a row by id (widening the filters when they hide it, and
reading where it stands in a long list in a worker), re-reading the list without losing the
chosen row, deleting a row so that Ctrl+Z brings it back, and a plain sentence instead of an
empty table.

A page keeps only its own filters and detail pane: it tells the controller how to apply its
filters to the model and how to widen them, and follows `current_changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QLineEdit, QStackedWidget, QTableView
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialogs import ask_yes_no, report_exception
from agencydesk.qt.common.labels import empty_state_label
from agencydesk.qt.common.list_view import select_row
from agencydesk.qt.common.paged_model import PagedTableModel
from agencydesk.qt.common.row_model import RowsTableModel
from agencydesk.qt.common.undo import UndoEntry

# how long typing has to pause before the search runs (a query per key would stutter)
SEARCH_DELAY_MS = 150

T = TypeVar("T")
# what to do once the list was read in a worker, given the row chosen before (or being looked
# for) and the row number it was at
AfterRead = Callable[[int | None, int], None]
# the key of a worker reading the list: the latest wins, whatever it was read for
_READ = "list read"


class DeleteWork(Protocol):
    """Rows deleted in the session it is given: their ids."""

    def __call__(self, *, session: Session) -> Sequence[int]: ...


class UndeleteWork(Protocol):
    """The rows *row_ids* (a `DeleteWork`'s) brought back in the session it is given."""

    def __call__(self, *, session: Session, row_ids: Sequence[int]) -> object: ...


class SessionWork(Protocol):
    """A core call with its arguments bound but the session (`partial(clients.delete_client,
    client_id=7)`)."""

    def __call__(self, *, session: Session) -> object: ...


class ListController(QObject):
    # the id of the row now chosen, None when none is
    current_changed = Signal(object)
    # a row was deleted: the `UndoEntry` that brings it back (the page passes it on to Ctrl+Z)
    undoable = Signal(object)

    def __init__(
        self,
        table: QTableView,
        model: RowsTableModel[Any],
        *,
        apply_filters: Callable[[], None] | None = None,
        search: QLineEdit | None = None,
        widen_filters: Callable[[], None] | None = None,
        empty_text: str = "",
    ) -> None:
        """*apply_filters*: puts the page's search and filter widgets into the model.
        *search*: the search box; typing applies the filters once typing pauses.
        *widen_filters*: sets the page's other filters to show everything (signals blocked);
        the search box and the drop-downs given to `add_filter` are widened here.
        *empty_text*: what the list says when it has no rows and nothing is searched for or
        filtered away (on a new desk: how to add the first one). With a search typed, or a
        drop-down given to `add_filter` on a choice that hides some rows, it says that nothing
        matches them instead."""
        super().__init__(table)
        self.table = table
        self.model = model
        self._apply_filters = apply_filters
        self._search = search
        self._widen_filters = widen_filters
        self._filters: dict[QComboBox, int] = {}
        self._usual: dict[QComboBox, int] = {}
        # the row being looked for far down the list (its place read in a worker), if any
        self._wanted: int | None = None
        # what to do once the list being read in a worker is read (choose the row just saved,
        # say), if not just choosing the same row again
        self._after_read: AfterRead | None = None
        # who waits for the list to be read (`when_read`)
        self._waiting: list[Callable[[], None]] = []

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        if search is not None:
            search.textChanged.connect(self._typed)

        self._empty_text = empty_text or self.tr("Nothing to show.")
        self.empty_label = empty_state_label(self._empty_text)  # plain: may quote a name
        # the table, or the empty label in its place: what the page puts in its layout
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty_label)
        qt_model = table.model()
        for signal in (qt_model.modelReset, qt_model.rowsInserted, qt_model.rowsRemoved):
            signal.connect(self._show_empty_state)
        self._show_empty_state()

        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        if isinstance(model, PagedTableModel):  # sorted by a column header: the same row stays
            model.read_in_worker = partial(self._read_in_worker, None)

    def add_filter(self, combo: QComboBox, widest: int = 0, usual: int | None = None) -> None:
        """A drop-down filter: a new choice applies at once; *widest* is its choice that hides
        nothing, *usual* the one the page opens on (the widest unless said otherwise), which does
        not count as filtering the list away."""
        self._filters[combo] = widest
        self._usual[combo] = widest if usual is None else usual
        combo.currentIndexChanged.connect(self.apply_filters)
        self._show_empty_state()

    # -- the chosen row ------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def for_current(self, action: Callable[[int], T]) -> T | None:
        """*action* on the chosen row's id; nothing (None) when no row is chosen."""
        row_id = self.current_id()
        return None if row_id is None else action(row_id)

    def read_first(self) -> None:
        """Read the list and choose its first row: what a page does once it is built and
        connected. A new model is read in a worker: the page shows at once, its list empty
        until then (no sentence saying there are no rows)."""
        model = self.model
        if isinstance(model, PagedTableModel) and model.read_pending:
            self._read_in_worker(self._choose_first)
        else:
            self.select_row(0)

    def select_row(self, row: int) -> None:
        """Choose *row*; outside the list, choose none (`current_changed` says None)."""
        if select_row(self.table, row):
            return
        had_one = self.table.currentIndex().isValid()
        self.table.selectionModel().clearCurrentIndex()
        if not had_one:  # no change for Qt to report, but the page must still hear of it
            self.current_changed.emit(None)

    def select_id(
        self,
        row_id: int,
        *,
        widen: bool = True,
        otherwise: int | None = None,
        instead: int | None = None,
    ) -> bool:
        """Choose the row of *row_id*, widening the search and filters when they hide it.
        False when it is not in the list even then (the row of *instead*, or else the row at
        *otherwise*, is chosen then, if given).

        A row whose place is not known yet (far down a long list) is chosen once the list's
        ids are read in a worker: the window does not wait for them (0.2–0.4 s for 100,000
        tickets). True then means it is on its way; choosing another row meanwhile drops it."""
        model = self.model
        if isinstance(model, PagedTableModel) and model.read_pending:
            # the list is being read (new filters, a new page): chosen once it is, else what
            # was chosen (read once more, in case the reading under way ended in an error)
            def then(keep: int | None, was_at: int) -> None:
                if not self._select_id(row_id, widen, otherwise, instead):
                    self._choose_again(keep, was_at)

            self._read_in_worker(then)
            return True
        return self._select_id(row_id, widen, otherwise, instead)

    def _select_id(
        self, row_id: int, widen: bool, otherwise: int | None, instead: int | None
    ) -> bool:
        if isinstance(self.model, PagedTableModel) and not self._place_known(row_id):
            self._find_in_worker(self.model, row_id, widen, otherwise, instead)
            return True
        row = self.model.row_of(row_id)
        if row is None and widen and self._apply_filters is not None:
            # another list: read from its top (where the row stands is read in a worker), not
            # from the order of the last, far down as she was in it
            self.table.scrollToTop()
            if isinstance(self.model, PagedTableModel):
                self.model.start_at_top()
            # the chosen row may be looked for now: it stays chosen should *row_id* be gone
            also = self._wanted

            def widened(keep: int | None, _was_at: int) -> None:
                if not self._select_id(row_id, False, otherwise, also):
                    self._choose_again(keep, 0)

            self.filter_with(self._widened, widened)
            return True
        if row is None and instead is not None:
            self.select_id(instead, widen=False, otherwise=otherwise)
            return False
        if row is None:
            if otherwise is not None:
                self.select_row(min(otherwise, self.model.rowCount() - 1))
            return False
        self.select_row(row)
        return True

    def _place_known(self, row_id: int) -> bool:
        """Whether the list knows where *row_id* is (or that it is not there) without reading
        its ids: always, for a list that holds all its rows."""
        return not isinstance(self.model, PagedTableModel) or self.model.place_known(row_id)

    def _find_in_worker(
        self,
        model: PagedTableModel[Any],
        row_id: int,
        widen: bool,
        otherwise: int | None,
        instead: int | None,
    ) -> None:
        chosen = self.current_id()
        self._wanted = row_id
        self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)

        def read(ids: tuple[int, list[int]]) -> None:
            if self._wanted != row_id:  # another row was asked for since
                return
            self._stop_looking()
            if self.current_id() != chosen:  # she chose a row herself meanwhile
                return
            model.use_ids(ids)  # not kept when the list was read again since: read once more
            self.select_id(row_id, widen=widen, otherwise=otherwise, instead=instead)

        def failed(exc: BaseException, details: str) -> None:
            self._stop_looking()
            report_exception(self.table, exc, details)

        # the latest wins: an earlier one still reading is dropped
        workers.run_task(model.ids_reader(), read, failed, owner=self, key="far row")

    def _stop_looking(self) -> None:
        self._wanted = None
        self.table.viewport().unsetCursor()

    def _chosen_or_wanted(self) -> int | None:
        """The row chosen, or the one being looked for far down (none is chosen meanwhile)."""
        return self._wanted if self._wanted is not None else self.current_id()

    def _choose_again(self, keep: int | None, was_at: int) -> None:
        """After the list was read again: *keep* if it is still listed, else the row at
        *was_at*. A row far down stays chosen: the list's ids are read in a worker, and
        meanwhile no row is chosen (the detail pane keeps showing it)."""
        if keep is None:
            self.select_row(min(was_at, self.model.rowCount() - 1))
        else:
            self.select_id(keep, widen=False, otherwise=was_at)

    def _widened(self) -> None:
        """The search and filters widened to show everything, and put into the model."""
        self._widen()
        if self._apply_filters is not None:
            self._apply_filters()

    def _widen(self) -> None:
        if self._search is not None:
            with QSignalBlocker(self._search):
                self._search.clear()
        for combo, widest in self._filters.items():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(widest)
        if self._widen_filters is not None:
            self._widen_filters()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.row_id(current.row()) if current.isValid() else None)

    def _typed(self, _text: str) -> None:
        self.search_timer.start()

    # -- reading the list again ----------------------------------------------------------------
    def apply_filters(self) -> None:
        """Filter now (the search need not wait any more), keeping the chosen row if it is
        still listed, else choosing the first."""
        self.search_timer.stop()
        self.filter_with(self._apply_filters, lambda keep, _was_at: self._choose_again(keep, 0))

    def filter_with(self, change: Callable[[], None] | None, then: AfterRead | None = None) -> None:
        """*change* the model's filters (the page's `apply_filters`, or a filter the page keeps
        itself: one client's tickets) and read the list with them in a worker (at once, for a
        list that holds all its rows); then *then*, by default choose the first row."""
        if then is None:
            then = self._choose_first
        model = self.model
        if not isinstance(model, PagedTableModel):
            keep = self._chosen_or_wanted()
            if change is not None:
                change()
            then(keep, 0)
            return
        with model.reading_later():
            if change is not None:
                change()
        if model.read_pending:
            self._read_in_worker(then)
        else:  # the same filters: the list stands
            then(self._chosen_or_wanted(), 0)

    def _choose_first(self, _keep: int | None, _was_at: int) -> None:
        self.select_row(0)

    def refresh(
        self,
        choose: int | None = None,
        *,
        also: Collection[int] = (),
        gone: Collection[int] = (),
        gone_from: int | None = None,
        silently: bool = False,
    ) -> None:
        """Read the list again (rows added, changed or deleted), in a worker: then *choose* (a
        row just saved, say) and select the rows *also* with it (those read: rows brought back
        together), else the same row stays chosen, or, when it is among the rows *gone*
        (deleted here), the one now where it was (where the first of them was: the row
        *gone_from*). Meanwhile the list shows what it showed. *silently*: the same row is
        chosen again without `current_changed` (the detail pane changed it and shows it as it
        is)."""
        if choose is not None:
            then: AfterRead | None = partial(self._choose_saved, choose, also)
        elif gone:
            then = partial(self._choose_instead_of, frozenset(gone), gone_from)
        elif silently:
            then = self._choose_again_silently
        else:
            then = None  # a change made elsewhere, on another desk maybe
        model = self.model
        if isinstance(model, PagedTableModel):
            self._read_in_worker(then)
            return
        keep = self._chosen_or_wanted()
        was_at = max(self.table.currentIndex().row(), 0)
        model.refresh()
        (then or self._choose_again)(keep, was_at)

    def _choose_saved(
        self, saved: int, also: Collection[int], keep: int | None, was_at: int
    ) -> None:
        if not self._place_known(saved):
            self.select_id(saved, otherwise=was_at)  # far down: chosen once its place is read
        elif not self.select_id(saved):
            self._choose_again(keep, was_at)
        else:
            self._select_also(also)

    def _select_also(self, row_ids: Collection[int]) -> None:
        """Select the rows of *row_ids* besides the current one, those whose place is read
        (no page is read for them here)."""
        model, selection = self.model, self.table.selectionModel()
        for row_id in row_ids:
            paged = isinstance(model, PagedTableModel)
            row = model.place_read(row_id) if paged else model.row_of(row_id)
            if row is not None:
                selection.select(
                    model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _choose_instead_of(
        self, gone: frozenset[int], gone_from: int | None, keep: int | None, was_at: int
    ) -> None:
        if keep in gone:
            self._choose_again(None, was_at if gone_from is None else gone_from)
        else:
            self._choose_again(keep, was_at)

    def _choose_again_silently(self, keep: int | None, was_at: int) -> None:
        with QSignalBlocker(self):
            self._choose_again(keep, was_at)

    def _read_in_worker(self, then: AfterRead | None) -> None:
        """Read the list in a worker (its count and top page, or, working far down, its ids),
        then show it here and do *then*, else choose again the row chosen. Meanwhile the list
        shows what it showed (nothing, the first time), and a row chosen stays chosen.

        The latest reading wins; *then* waits for it, unless a later one asks for its own."""
        model = self.model
        assert isinstance(model, PagedTableModel)
        if then is not None:
            self._after_read = then

        def read(found: Any) -> None:
            keep = self._chosen_or_wanted()
            was_at = max(self.table.currentIndex().row(), 0)
            after, self._after_read = self._after_read, None
            # not read again: it was since (on this thread), and what that chose stands
            if model.refresh_with(found) or after is not None:
                (after or self._choose_again)(keep, was_at)
            self._tell_waiting()

        def failed(exc: BaseException, details: str) -> None:
            self._after_read = None
            report_exception(self.table, exc, details)
            self._tell_waiting()

        workers.run_task(model.reader(), read, failed, owner=self, key=_READ)

    def when_read(self, callback: Callable[[], None]) -> None:
        """*callback* once the list shows the rows of its filters: at once if it does, else
        when the reading under way is done (or failed: it was said)."""
        model = self.model
        if isinstance(model, PagedTableModel) and model.read_pending:
            self._waiting.append(callback)
        else:
            callback()

    def _tell_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def delete_undoably(
        self,
        engine: Engine,
        row_id: int,
        name_of: Callable[[Session], str],
        ask: tuple[str, str],
        delete: SessionWork,
        undelete: SessionWork,
    ) -> None:
        """Ask first (*ask*: the title and the question, where {name} stands for the row's name,
        read by *name_of*); then delete row *row_id* in one unit of work (the row next to it is
        chosen then) and emit `undoable`: *undelete* brings it back and chooses it.

        Both run in a worker: a ticket holding a whole imported chat takes seconds to put in
        the trash or take back out on a team server. The list waits meanwhile (greyed), and
        until it is read again without the row, so nothing else is chosen or deleted before
        the row is gone from it; a failure is said in a sentence and the list is read again.
        A row deleted meanwhile on another desk is said so, and the list is read again."""
        try:
            with Session(engine) as session:
                name = name_of(session)
        except UserError as exc:
            self.refresh()
            report_exception(self.table, exc)
            return
        title, question = ask
        if not ask_yes_no(self.table, title, question.format(name=name)):
            return

        def delete_one(*, session: Session) -> list[int]:
            delete(session=session)
            return [row_id]

        def undelete_one(*, session: Session, row_ids: Sequence[int]) -> None:
            undelete(session=session)

        self._delete_offering_undo(engine, (name, ""), delete_one, undelete_one)

    def delete_several_undoably(
        self,
        engine: Engine,
        first_row: int,
        ask: tuple[str, str],
        said: tuple[str, str],
        delete: DeleteWork,
        undelete: UndeleteWork,
    ) -> None:
        """`delete_undoably` for rows chosen together, the first of them at *first_row*: one
        question (*ask*, as the page words it for their count), one unit of work, *delete*,
        which says which rows it deleted; then the row now where the first of them was is
        chosen, and Ctrl+Z brings them all back (*undelete*, told which). *said*: what the undo
        names ("3 tickets") and the sentence once they are back."""
        title, question = ask
        if ask_yes_no(self.table, title, question):
            self._delete_offering_undo(engine, said, delete, undelete, gone_from=first_row)

    def _delete_offering_undo(
        self,
        engine: Engine,
        said: tuple[str, str],
        delete: DeleteWork,
        undelete: UndeleteWork,
        gone_from: int | None = None,
    ) -> None:
        name, back_words = said

        def deleted(row_ids: Sequence[int]) -> None:
            def undo(done: Callable[[], None]) -> None:
                def back(_none: object) -> None:
                    if row_ids:  # chosen again, all of them
                        self.refresh(choose=row_ids[0], also=row_ids[1:])
                    else:  # none was left to delete: gone on another desk before
                        self.refresh()
                    done()

                self._in_worker(engine, partial(undelete, row_ids=row_ids), back)

            self.refresh(gone=row_ids, gone_from=gone_from)
            self.undoable.emit(UndoEntry(name, undo, self, back_words))

        self._in_worker(engine, delete, deleted)

    def _in_worker(self, engine: Engine, work: Callable[..., T], then: Callable[[T], None]) -> None:
        """*work* (given the session) in a transaction of its own in a worker, the list greyed
        meanwhile; *then* with what it returned, on the GUI thread once it is committed: it
        reads the list again, and the list is greyed until it is read (the row just deleted
        stays listed till then: chosen and deleted once more, it would say it no longer
        exists)."""
        self.table.setEnabled(False)

        def run() -> T:
            with session_scope(engine) as session:
                return work(session=session)

        def done(result: T) -> None:
            then(result)
            self._enable_once_read()

        def failed(exc: BaseException, details: str) -> None:
            self.refresh()
            self._enable_once_read()
            report_exception(self.table, exc, details)

        workers.run_task(run, done, failed, owner=self)

    def _enable_once_read(self) -> None:
        """The list usable again once the reading just asked for is done (at once for a list
        read on this thread)."""
        if isinstance(self.model, PagedTableModel):
            self._waiting.append(partial(self.table.setEnabled, True))
        else:
            self.table.setEnabled(True)

    # -- no rows -------------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._show_empty_state()

    def filtered(self) -> bool:
        """Whether the search or a filter is off the page's usual view (not counting the page's
        own other filters, such as one client's tickets)."""
        typed = self._search is not None and bool(self._search.text().strip())
        return typed or any(combo.currentIndex() != usual for combo, usual in self._usual.items())

    def _show_empty_state(self, *_changed: object) -> None:
        model = self.model
        # not read yet (a new page): no sentence saying there are none
        empty = model.rowCount() == 0 and not (
            isinstance(model, PagedTableModel) and model.read_pending
        )
        if empty:
            self.empty_label.setText(
                self.tr("Nothing matches the search or the filters.")
                if self.filtered()
                else self._empty_text
            )
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)
