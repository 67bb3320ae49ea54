"""A table model over SQL that knows how many rows match and reads a page of them when the view
first shows one.

Subclasses say which columns they show (`COLUMNS`: field name, sort key), how to count the
matching rows, which core list to ask for a page (`_list`, given the sort and the page), and how
to read the list's ids in order and rows by id (`_ids_query`, `_rows_with_ids`); filtering
and sorting stay in the database.

The model has every matching row from the start (the scroll bar is the list's true length) but
holds only the pages read. The first pages are read as pages; a row further down (the oldest of
100,000 tickets, chosen in search, or the middle of the list, where the scroll bar was dragged)
first has the list's ids read in order, once, and then every page is read by its ids: a page read
at a large offset sorts the list and passes over every row above it, 0.6 s each near the end.
A row chosen by id whose place is not known yet has the ids read in a worker (`ids_reader`,
`use_ids`: the list controller does it), so the window does not wait for the sort.

A new model holds no rows: the list itself (its count and top page) is read in a worker too, at
first, for each new search or filter and for each change (`reader`, `refresh_with`, and
`reading_later` to set filters without reading). On a team server 40 ms away each statement on
the GUI thread stops the window for a round trip: a search stopped it 0.25-0.4 s per pause in
typing, opening Tickets 0.4 s. `refresh` still reads at once, for tests and scripts. On a team
desk the pages the view draws while she scrolls are read in workers as well, drawn empty until
they come (`row_at`); a solo desk reads them at once (a millisecond or two: no empty flash).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Generic

from PySide6.QtCore import QModelIndex, QObject, Qt
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import live, retry
from agencydesk.qt.common import workers
from agencydesk.qt.common.list_view import MEASURED_ROWS
from agencydesk.qt.common.row_model import ModelIndex, RowsTableModel, RowT

log = logging.getLogger(__name__)

# as many rows as a column sized to its contents is measured on: measuring reads one page
PAGE_SIZE = MEASURED_ROWS
# the pages read at their offset (cheaply: the database stops sorting once it has them)
PAGES_BY_OFFSET = 3


@dataclass(frozen=True)
class ListRead(Generic[RowT]):
    """A list as a worker read it (`PagedTableModel.reader`), in one transaction."""

    # the model's reading it was read for (`refresh_with` keeps only the latest)
    reading: int
    # how many rows match
    count: int
    # the rows of the first page
    rows: list[RowT]
    # what the model reads beside (`_extra_query`)
    extra: Any = None
    # the ids of every row in order, when she works far down the list (else None)
    ids: list[int] | None = None


class PagedTableModel(RowsTableModel[RowT]):
    # (field shown, sort key passed to the query) per column
    COLUMNS: ClassVar[tuple[tuple[str, Any], ...]] = ()
    # the roles the model's `data` answers (`row_asked`)
    ROLES: ClassVar[frozenset[int]] = frozenset()
    # the list is read whole at each reading, not a page at a time: a short list (the guides),
    # whose `_list_query` is called as ``query(session=…)`` and gives every row in order
    WHOLE: ClassVar[bool] = False

    def __init__(self, engine: Engine, sort: Any, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._engine = engine
        self._sort = sort
        self._descending = False
        # one entry per matching row: the row once its page was read, None until then
        self._pages: list[RowT | None] = []
        # the place of every row read so far, by id
        self._places: dict[int, int] = {}
        # the pages read (or asked for: one that came back short is not asked again)
        self._pages_read: set[int] = set()
        # the list's ids in order, once a row past the first pages was needed
        self._ids: list[int] | None = None
        # whether a row past the first pages was needed since the list was last read: then
        # the next read starts with the ids (one sort, not a page's and then the ids')
        self._went_far = False
        # how many times the list was read (or its filters set for a worker to read it): what a
        # worker read for an earlier reading is not kept
        self._reading = 0
        # the rows held are not those of the filters (none yet, at first): a worker reads them
        self._read_pending = True
        # filters set now wait for a worker to read the list (`reading_later`)
        self._hold = False
        # what a worker read, for `_reload` (`refresh_with`)
        self._given: ListRead[RowT] | None = None
        # what reads the list in a worker once the view sorts it (a column header clicked):
        # the list controller's reading; None to read it here
        self.read_in_worker: Callable[[], None] | None = None
        # the pages the view draws are read in workers (a team desk, whose list is read in
        # workers): it draws them empty meanwhile, not stopping the window a round trip a page
        self._pages_in_worker = live.is_team(engine)
        # the pages far down waiting for the list's ids, being read in a worker (`_ids_asked`)
        self._waiting_for_ids: set[int] = set()
        self._ids_asked = False

    # -- to implement ------------------------------------------------------------------------
    def _count_query(self) -> Callable[..., int] | None:
        """The core call that counts the rows of `_list`, with the model's filters bound:
        called as ``query(session=…)``, on another thread too. None where the count comes
        with `_extra_query` (`_count_from`)."""
        return None

    def _extra_query(self) -> Callable[..., Any] | None:
        """What the model reads beside its rows at each reading, in the same transaction (the
        totals of the orders listed, say): a core call with the filters bound, called as
        ``query(session=…)`` on another thread too; `_keep_extra` receives what it returns."""
        return None

    @staticmethod
    def _count_from(extra: Any) -> int:
        """How many rows match, from what `_extra_query` read (where `_count_query` is None);
        called on another thread too."""
        raise NotImplementedError

    def _keep_extra(self, extra: Any) -> None:
        """Hold what `_extra_query` read, as the list is read again with it."""

    def _list_query(self) -> Callable[..., list[RowT]]:
        """The core list call with the model's filters bound: called as ``query(session=…,
        sort=…, descending=…, offset=…, limit=…)``, on another thread too."""
        raise NotImplementedError

    def _ids_query(self) -> Callable[..., list[int]]:
        """The core call that gives the ids of every row of `_list` in its order, with the
        model's filters bound: called as ``query(session=…, sort=…, descending=…)``, on another
        thread too (so it holds plain values, never the model)."""
        raise NotImplementedError

    def _rows_with_ids(self, session: Session, ids: list[int]) -> list[RowT]:
        """The core call that reads the rows of *ids*, in any order (on another thread too)."""
        raise NotImplementedError

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def row_at(self, index: ModelIndex) -> RowT | None:
        """The row a cell drawn shows; on a team desk None for a row whose page is still being
        read in a worker (its cells are drawn again once it is)."""
        if not index.isValid():
            return None
        if self._pages_in_worker and self.read_in_worker is not None:
            return self._drawn_row(index.row())
        return self.row(index.row())

    def row_asked(self, index: ModelIndex, role: int) -> RowT | None:
        """The row at *index* when *role* is one of `ROLES`, else None. A view asks for every
        role of every cell it draws or measures (the columns are fitted to 200 rows at each
        reading of the list): the roles not answered are told at once, without the row."""
        return self.row_at(index) if role in self.ROLES else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        key, descending = self.COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view asks again when sorting is switched on: nothing changed
        self._sort, self._descending = key, descending
        if self.read_in_worker is None:
            self.refresh()
            return
        with self.reading_later():
            self.refresh()
        self.read_in_worker()

    # -- what the pages ask ------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many rows match."""
        return len(self._pages)

    def row(self, row: int) -> RowT | None:
        """The row at *row*, its page read first if it was not yet; None outside the list (and
        for a row not read while the list is read again in a worker: `read_pending`)."""
        if not 0 <= row < len(self._pages):
            return None
        found = self._pages[row]
        if found is None and row // PAGE_SIZE not in self._pages_read and not self._read_pending:
            self._read_page(row // PAGE_SIZE)
            found = self._pages[row]
        return found

    def row_read(self, row: int) -> RowT | None:
        """The row at *row* if its page was read, else None (for what must not cost a read: a
        row number in the margin)."""
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def row_id(self, row: int) -> int | None:
        found = self.row(row)
        return None if found is None else found.id

    def ids_at(self, rows: Iterable[int]) -> list[int]:
        """The ids the list shows at *rows* (rows chosen in the view), without a read where it
        can: from the rows read, or from the list's ids where those were read (a row far down,
        reached by the scroll bar, and the rows passed over on the way). A row neither knows
        has its page read; one outside the list is left out."""
        pages, ids = self._pages, self._ids
        found: list[int] = []
        for row in rows:
            read = pages[row] if 0 <= row < len(pages) else None
            if read is not None:
                found.append(read.id)
            elif ids is not None and 0 <= row < len(ids):
                found.append(ids[row])
            elif (row_id := self.row_id(row)) is not None:
                found.append(row_id)
        return found

    def row_of(self, row_id: int) -> int | None:
        """The row showing *row_id*: among the rows read, or where the list's ids place it (its
        page and those on either side, which the view shows part of, are read then); None when
        it is not listed (or not read, while the list is read again in a worker)."""
        place = self._places.get(row_id)
        if place is not None or self._every_row_read() or self._read_pending:
            return place
        ids = self._read_ids()
        try:
            place = ids.index(row_id)
        except ValueError:
            return None
        self._went_far = True
        page = place // PAGE_SIZE
        for number in (page, page - 1, page + 1):
            if 0 <= number * PAGE_SIZE < len(self._pages) and number not in self._pages_read:
                self._read_page(number)
        # None as well when the row went since the list was read (on another desk, say): the
        # change's notification reads it again
        return self._places.get(row_id)

    def _read_ids(self) -> list[int]:
        if self._ids is None:
            self._ids = self.ids_reader()()[1]
        return self._ids

    # -- reading the list in a worker ----------------------------------------------------------
    @property
    def read_pending(self) -> bool:
        """Whether the rows held are not (or not yet) those of the model's filters: a worker
        reads the list (`reader`, `refresh_with`). Meanwhile the list shows what it showed and
        reads nothing for itself; a new model has no rows until then."""
        return self._read_pending

    @contextmanager
    def reading_later(self) -> Iterator[None]:
        """Filters and order set within the block change the model but do not read the list
        (`read_pending` says whether they changed anything): a worker then reads it with them."""
        self._hold = True
        try:
            yield
        finally:
            self._hold = False

    def refresh(self) -> None:
        if self._hold:
            self._read_pending = True
            self._reading += 1  # what workers are reading for the filters before is not kept
            return
        super().refresh()

    def reader(self) -> Callable[[], ListRead[RowT]]:
        """A function that reads the list as `refresh` does, opening its own Session, for a
        worker; `refresh_with` takes what it returns."""
        read, engine, reading = self._read_query(), self._engine, self._reading

        def run() -> ListRead[RowT]:
            with Session(engine) as session:  # one transaction: the count agrees with the rows
                return read(session, reading)

        return run

    def refresh_with(self, read: ListRead[RowT]) -> bool:
        """Read the list again from what a `reader` function read: no query on the GUI thread.
        False (and nothing read) when the list was read again since, for other filters or
        another order maybe."""
        if read.reading != self._reading:
            return False
        self._given = read
        try:
            self.refresh()
        finally:
            self._given = None
        return True

    def _read_query(self) -> Callable[[Session, int], ListRead[RowT]]:
        """What reads the list (in a worker, or here), the model's filters and order bound: its
        count and top page, or, once a row past the first pages was needed (she works far
        down), its ids in order and the rows of the first of them; and `_extra_query`'s."""
        count, extra = self._count_query(), self._extra_query()
        count_from, by_ids = self._count_from, self._rows_with_ids
        order = {"sort": self._sort, "descending": self._descending}
        rows, ids = self._list_query(), (self._ids_query() if self._went_far else None)
        whole = self.WHOLE

        def read(session: Session, reading: int) -> ListRead[RowT]:
            found = None if extra is None else extra(session=session)
            if whole:
                every = rows(session=session)
                return ListRead(reading, len(every), every, found)
            if ids is not None:
                listed = ids(session=session, **order)
                top = by_ids(session, listed[:PAGE_SIZE]) if listed else []
                return ListRead(reading, len(listed), top, found, listed)
            total = count_from(found) if count is None else count(session=session)
            top = rows(session=session, **order, offset=0, limit=PAGE_SIZE) if total else []
            return ListRead(reading, total, top, found)

        return read

    # -- where a row far down is, read in a worker --------------------------------------------
    def place_read(self, row_id: int) -> int | None:
        """The row showing *row_id* among the rows read; None otherwise (nothing is read)."""
        return self._places.get(row_id)

    def place_known(self, row_id: int) -> bool:
        """Whether `row_of` finds *row_id* (or that it is not listed) without reading the
        list's ids (it may still read the page holding it): a row read, the ids read already,
        every row read (a short list), or the list being read again (`read_pending`)."""
        return (
            row_id in self._places
            or self._ids is not None
            or self._every_row_read()
            or self._read_pending
        )

    def _every_row_read(self) -> bool:
        return len(self._pages_read) * PAGE_SIZE >= len(self._pages)

    def ids_reader(self) -> Callable[[], tuple[int, list[int]]]:
        """A function that reads the list's ids in order, opening its own Session, for a
        worker; `use_ids` takes what it returns."""
        query, engine, reading = self._ids_query(), self._engine, self._reading
        order = {"sort": self._sort, "descending": self._descending}

        def read() -> tuple[int, list[int]]:
            with Session(engine) as session:
                return reading, query(session=session, **order)

        return read

    def start_at_top(self) -> None:
        """The next reading starts with the top page, even after a row far down was needed
        (the list is about to be read for other filters)."""
        self._went_far = False

    def use_ids(self, read: tuple[int, list[int]]) -> bool:
        """Keep the ids an `ids_reader` function read; False (and not kept) when the list was
        read again since, for other filters or another order maybe."""
        reading, ids = read
        if reading != self._reading:
            return False
        if self._ids is None:
            self._ids = ids
        return True

    def _read_page(self, page: int) -> None:
        self._pages_read.add(page)
        first = page * PAGE_SIZE
        if page >= PAGES_BY_OFFSET:
            self._went_far = True
        if page < PAGES_BY_OFFSET and self._ids is None:
            self._keep(first, self._query(first))
        else:
            wanted = self._read_ids()[first : first + PAGE_SIZE]
            with Session(self._engine) as session:
                self._keep_by_ids(first, wanted, self._rows_with_ids(session, wanted))
        self._page_read(first)

    # -- the pages drawn, read in workers (a team desk) ----------------------------------------
    def _drawn_row(self, row: int) -> RowT | None:
        if not 0 <= row < len(self._pages):
            return None
        found = self._pages[row]
        page = row // PAGE_SIZE
        if found is None and page not in self._pages_read and not self._read_pending:
            self._pages_read.add(page)  # asked once
            if page >= PAGES_BY_OFFSET and self._ids is None:
                # far down: by the list's ids, read once for every page (at its offset a page
                # is sorted past every row above it)
                self._went_far = True
                self._waiting_for_ids.add(page)
                self._ask_ids()
            else:
                self._ask_page(page)
        return found

    def _ask_ids(self) -> None:
        if self._ids_asked:
            return
        self._ids_asked = True

        def read(ids: tuple[int, list[int]]) -> None:
            self._ids_asked = False
            waiting, self._waiting_for_ids = self._waiting_for_ids, set()
            if self.use_ids(ids):
                for page in sorted(waiting):
                    self._ask_page(page)
            elif waiting:  # the list was read again since: its ids, for the pages it waits for
                self._waiting_for_ids = waiting
                self._ask_ids()

        def failed(exc: BaseException, details: str) -> None:
            self._ids_asked = False
            for page in self._waiting_for_ids:
                self._page_failed(page, exc, details)
            self._waiting_for_ids = set()

        workers.run_task(self.ids_reader(), read, failed, owner=self)

    def _ask_page(self, page: int) -> None:
        first, reading, engine = page * PAGE_SIZE, self._reading, self._engine
        wanted = None if self._ids is None else self._ids[first : first + PAGE_SIZE]
        list_query, rows_with_ids = self._list_query(), self._rows_with_ids
        order = {"sort": self._sort, "descending": self._descending}

        def run() -> tuple[int, list[int] | None, list[RowT]]:
            with Session(engine) as session:
                if wanted is None:
                    rows = list_query(session=session, offset=first, limit=PAGE_SIZE, **order)
                else:
                    rows = rows_with_ids(session, wanted)
            return reading, wanted, rows

        def read(found: tuple[int, list[int] | None, list[RowT]]) -> None:
            read_for, ids, rows = found
            if read_for != self._reading:  # the list was read again since: not these rows
                return
            if ids is None:
                self._keep(first, rows)
            else:
                self._keep_by_ids(first, ids, rows)
            last = min(first + PAGE_SIZE, len(self._pages)) - 1
            if last >= first:
                right = self.columnCount() - 1
                self.dataChanged.emit(self.index(first, 0), self.index(last, right))
            self._page_read(first)

        workers.run_task(run, read, partial(self._page_failed, page), owner=self)

    def _page_failed(self, page: int, exc: BaseException, details: str) -> None:
        """The server out of reach: the page is asked again when next drawn (the status bar
        says the desk reconnects, and then reads the list again). Anything else is a bug."""
        self._pages_read.discard(page)
        if retry.is_connection_lost(exc, self._engine):
            log.warning("A page of the list could not be read: %s", type(exc).__name__)
            return
        from agencydesk.qt.common.dialogs import report_exception

        report_exception(None, exc, details)

    def _keep_by_ids(self, first: int, wanted: list[int], rows: list[RowT]) -> None:
        """Hold *rows* (in any order), those of *wanted*, the ids from place *first* on."""
        found = {row.id: row for row in rows}
        for place, row_id in enumerate(wanted, start=first):
            row = found.get(row_id)
            if row is not None and place < len(self._pages):
                self._pages[place] = row
                self._places[row_id] = place

    def _query(self, offset: int) -> list[RowT]:
        with Session(self._engine) as session:
            return self._list_query()(
                session=session,
                sort=self._sort,
                descending=self._descending,
                offset=offset,
                limit=PAGE_SIZE,
            )

    def _page_read(self, first: int) -> None:
        """What a view shows beside the rows (a row number in the margin, which only rows read
        have) is there now too: the margin may have been painted before the rows."""
        last = min(first + PAGE_SIZE, len(self._pages)) - 1
        if last >= first:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def _keep(self, first: int, rows: list[RowT]) -> None:
        """Hold *rows*, read from place *first* on. Fewer or more rows than were counted (some
        came or went since): those past the count are left out, and the places not read show
        empty, until the change's notification reads the list again."""
        for place, found in enumerate(rows[: max(len(self._pages) - first, 0)], start=first):
            self._pages[place] = found
            self._places[found.id] = place

    def _reload(self) -> None:
        read = self._given
        if read is None:  # read here, on this thread
            with Session(self._engine) as session:
                read = self._read_query()(session, self._reading)
        self._went_far = self._read_pending = False
        self._reading += 1
        self._waiting_for_ids = set()
        self._keep_extra(read.extra)
        self._pages = [None] * read.count
        self._places = {}
        self._ids = read.ids
        self._pages_read = set(range(0, len(read.rows), PAGE_SIZE)) if self.WHOLE else {0}
        if read.ids is None:
            self._keep(0, read.rows)
        else:  # working far down: its ids will be needed again
            self._keep_by_ids(0, read.ids[:PAGE_SIZE], read.rows)
