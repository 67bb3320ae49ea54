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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, Qt
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.qt.common.list_view import MEASURED_ROWS
from agencydesk.qt.common.row_model import ModelIndex, RowsTableModel, RowT

#: as many rows as a column sized to its contents is measured on: measuring reads one page
PAGE_SIZE = MEASURED_ROWS
#: the pages read at their offset (cheaply: the database stops sorting once it has them)
PAGES_BY_OFFSET = 3


class PagedTableModel(RowsTableModel[RowT]):
    # (field shown, sort key passed to the query) per column
    COLUMNS: ClassVar[tuple[tuple[str, Any], ...]] = ()
    #: the roles the model's `data` answers (`row_asked`)
    ROLES: ClassVar[frozenset[int]] = frozenset()

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
        # how many times the list was read: ids read in a worker for an earlier reading are
        # not kept
        self._reading = 0
        # the ids to read the list again from, read by a worker (`refresh_with_ids`)
        self._given_ids: list[int] | None = None
        # or its count and top page, read by a worker (`refresh_with_top`)
        self._given_top: tuple[int, list[RowT]] | None = None

    # -- to implement ------------------------------------------------------------------------
    def _count_query(self) -> Callable[..., int] | None:
        """The core call that counts the rows of `_list`, with the model's filters bound:
        called as ``query(session=…)``, on another thread too. None where the count comes
        otherwise (override `_count`): a change made elsewhere then has the list read again on
        the GUI thread."""
        return None

    def _count(self) -> int:
        query = self._count_query()
        if query is None:
            raise NotImplementedError
        with Session(self._engine) as session:
            return query(session=session)

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
        """The core call that reads the rows of *ids*, in any order."""
        raise NotImplementedError

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def row_at(self, index: ModelIndex) -> RowT | None:
        return self.row(index.row()) if index.isValid() else None

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
        self.refresh()

    # -- what the pages ask ------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many rows match."""
        return len(self._pages)

    def row(self, row: int) -> RowT | None:
        """The row at *row*, its page read first if it was not yet; None outside the list."""
        if not 0 <= row < len(self._pages):
            return None
        found = self._pages[row]
        if found is None and row // PAGE_SIZE not in self._pages_read:
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

    def row_of(self, row_id: int) -> int | None:
        """The row showing *row_id*: among the rows read, or where the list's ids place it (its
        page and those on either side, which the view shows part of, are read then); None when
        it is not listed."""
        place = self._places.get(row_id)
        if place is not None or self._every_row_read():
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

    # -- where a row far down is, read in a worker --------------------------------------------
    def place_known(self, row_id: int) -> bool:
        """Whether `row_of` finds *row_id* (or that it is not listed) without reading the
        list's ids (it may still read the page holding it): a row read, the ids read already,
        or every row read (a short list)."""
        return row_id in self._places or self._ids is not None or self._every_row_read()

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

    def top_reader(self) -> Callable[[], tuple[int, int, list[RowT]]] | None:
        """A function that reads, for a worker, how many rows the list has and its top page,
        opening its own Session; `refresh_with_top` takes what it returns. None where the
        model cannot count in a worker (`_count_query`)."""
        count = self._count_query()
        if count is None:
            return None
        rows, engine, reading = self._list_query(), self._engine, self._reading
        page = {"sort": self._sort, "descending": self._descending, "offset": 0, "limit": PAGE_SIZE}

        def read() -> tuple[int, int, list[RowT]]:
            with Session(engine) as session:  # one transaction: the count agrees with the rows
                return reading, count(session=session), rows(session=session, **page)

        return read

    def refresh_with_top(self, read: tuple[int, int, list[RowT]]) -> bool:
        """Read the list again from the count and top page a `top_reader` function read: no
        query for them on the GUI thread. False (and nothing read) when the list was read again
        since, for other filters or another order maybe."""
        reading, count, rows = read
        return self._read_again_with(reading, top=(count, rows))

    def working_far(self) -> bool:
        """Whether she is working past the first pages: the list is then read again from its
        ids, which a worker had better read (`ids_reader`, `refresh_with_ids`)."""
        return self._went_far

    def refresh_with_ids(self, read: tuple[int, list[int]]) -> bool:
        """Read the list again from the ids an `ids_reader` function read: the rows on screen
        are then read by id, with no sort on the GUI thread. False (and nothing read) when the
        list was read again since, for other filters or another order maybe."""
        reading, ids = read
        return self._read_again_with(reading, ids=ids)

    def _read_again_with(
        self,
        reading: int,
        *,
        ids: list[int] | None = None,
        top: tuple[int, list[RowT]] | None = None,
    ) -> bool:
        """Read the list again from what a worker read for *reading* (`_reload` uses it), or
        nothing and False when the list was read again since."""
        if reading != self._reading:
            return False
        self._given_ids, self._given_top = ids, top
        try:
            self.refresh()
        finally:
            self._given_ids = self._given_top = None
        return True

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
            self._keep_by_ids(first, self._read_ids()[first : first + PAGE_SIZE])
        self._page_read(first)

    def _keep_by_ids(self, first: int, wanted: list[int]) -> None:
        """Read and hold the rows of *wanted*, the ids from place *first* on."""
        with Session(self._engine) as session:
            found = {row.id: row for row in self._rows_with_ids(session, wanted)}
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
        went_far, self._went_far = self._went_far, False
        given, top = self._given_ids, self._given_top
        self._reading += 1
        if top is not None:
            self._pages = [None] * top[0]
        else:
            self._pages = [None] * (self._count() if given is None else len(given))
        self._places = {}
        self._ids = given
        self._pages_read = {0}
        if not self._pages:
            return
        if went_far or given is not None:  # working far down: its ids will be needed again
            self._keep_by_ids(0, self._read_ids()[:PAGE_SIZE])
        else:
            self._keep(0, self._query(0) if top is None else top[1])
