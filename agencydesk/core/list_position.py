"""Where one row stands in a sorted, filtered list, asked of the database.

A list page that must show a row far down (the oldest of 100,000 tickets, chosen in search)
reads only the page around it, instead of every row above it: a read at a large offset sorts
the list anyway, and then passes over everything before the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session

RowT = TypeVar("RowT")


def page_around(
    session: Session,
    statement: sa.Select[Any],
    order: Sequence[Any],
    id_column: Any,
    row_id: int,
    page_size: int,
    make_row: Callable[..., RowT],
) -> tuple[int, list[RowT]] | None:
    """The page of *statement*'s rows (in the order *order*, *page_size* rows a page) that holds
    the row *row_id*, with the page before it and the page after it (a list shows rows on both
    sides of the one chosen): (the place of their first row, 0 for the top of the list; their
    rows, each *make_row* of *statement*'s columns). None when *statement*'s filters leave the
    row out.

    The list is numbered once in SQL (a window function, which SQLite has since 3.25): only the
    numbers of those pages come back, then their rows by their ids. (A page read at a large
    offset instead sorts the list and then passes over every row above it.)"""
    numbered = (
        statement.order_by(None)
        .with_only_columns(
            id_column.label("row_id"),
            (sa.func.row_number().over(order_by=list(order)) - 1).label("place"),
        )
        .cte("numbered")
    )
    place = sa.select(numbered.c.place).where(numbered.c.row_id == row_id).scalar_subquery()
    first = place - place % page_size - page_size
    on_pages = session.execute(
        sa.select(numbered.c.row_id, numbered.c.place).where(
            numbered.c.place >= first, numbered.c.place < first + 3 * page_size
        )
    ).all()
    if not on_pages:
        return None
    ids = [found_id for found_id, _place in on_pages]
    rows = session.execute(statement.where(id_column.in_(ids)).order_by(*order))
    return min(found_place for _id, found_place in on_pages), [make_row(*row) for row in rows]
