"""What moving a desk between SQLite and PostgreSQL needs to know about its tables: the order to
fill them in (a referenced row before the rows that name it), the columns of the references that
go round in a circle (filled in afterwards), and a checksum of each table's rows that is the
same on both engines when the rows are.

The tables are the models' (`SQLModel.metadata`): the search index is not copied but made by
each engine from the rows (SQLite's FTS5 triggers, the PostgreSQL search's own).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import agencydesk.core.models  # noqa: F401  (registers the tables)
from agencydesk.core.errors import SaidError


@dataclass(frozen=True)
class TablePlan:
    table: sa.Table
    #: columns copied as NULL first and set once every table is in (a reference in a cycle:
    #: client.introduction_message_id names a message, and a message names its client)
    later: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> list[str]:
        return [column.name for column in self.table.columns]

    @property
    def key(self) -> list[str]:
        return [column.name for column in self.table.primary_key.columns]


def plan() -> list[TablePlan]:
    """Every table of the desk, in an order that fills referenced rows first."""
    tables = list(SQLModel.metadata.tables.values())
    ordered = sa.schema.sort_tables_and_constraints(tables)  # type: ignore[no-untyped-call]
    cycle: set[sa.ForeignKeyConstraint] = set()
    for _table, constraints in ordered:
        if _table is None:
            cycle.update(constraints)
    plans = []
    for table, _constraints in ordered:
        if table is None:
            continue
        later = tuple(
            column.name
            for constraint in cycle
            if constraint.table is table
            for column in constraint.columns
        )
        plans.append(TablePlan(table, later))
    return plans


def _text(value: object) -> str:
    return "\\N" if value is None else str(value)


def _moment(value: object) -> str:
    """A timestamp: SQLite holds text ('2026-11-03 09:15:00.000000'), PostgreSQL a datetime;
    both without a zone (UTC, see utc.py)."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=None).isoformat()


def _day(value: object) -> str:
    if value is None:
        return "\\N"
    return value if isinstance(value, str) else value.isoformat()  # type: ignore[attr-defined]


def _flag(value: object) -> str:
    return "\\N" if value is None else ("1" if value else "0")


def _blob(value: object) -> str:
    return "\\N" if value is None else bytes(value).hex()  # type: ignore[call-overload]


def _spelling(column: sa.Column[object]) -> Callable[[object], str]:
    """How a value of *column* is written for the checksum: the same on both engines, from the
    rows as each driver hands them over (no column types in between: they cost more than the
    copy itself)."""
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, sa.DateTime):
        return _moment
    if isinstance(kind, sa.Date):
        return _day
    if isinstance(kind, sa.Boolean):
        return _flag
    if isinstance(kind, sa.LargeBinary):
        return _blob
    return _text


@dataclass(frozen=True)
class TableSum:
    rows: int
    digest: str


def table_sum(connection: Connection, table: sa.Table) -> TableSum:
    """The number of rows of *table* and a SHA-256 of them in key order."""
    digest = hashlib.sha256()
    rows = 0
    spellings = [_spelling(column) for column in table.columns]
    names = ", ".join(f'"{column.name}"' for column in table.columns)
    order = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
    result = connection.execution_options(yield_per=5000).exec_driver_sql(
        f'SELECT {names} FROM "{table.name}" ORDER BY {order}'
    )
    for batch in result.partitions():
        for row in batch:
            digest.update(
                "\x1f".join(
                    [spell(value) for spell, value in zip(spellings, row, strict=True)]
                ).encode()
            )
            digest.update(b"\x1e")
        rows += len(batch)
    return TableSum(rows, digest.hexdigest())


def compare(source: Connection, target: Connection, plans: list[TablePlan]) -> dict[str, int]:
    """Row counts and checksums of every table on both sides; UserError naming the first table
    that differs. Returns {table: rows}."""
    counts = {}
    for item in plans:
        mine, theirs = table_sum(source, item.table), table_sum(target, item.table)
        if mine.rows != theirs.rows:
            raise SaidError(
                "copy_rows_differ", table=item.name, copied=str(theirs.rows), rows=str(mine.rows)
            )
        if mine.digest != theirs.digest:
            raise SaidError("copy_contents_differ", table=item.name, rows=str(mine.rows))
        counts[item.name] = mine.rows
    return counts


def rows_in(connection: Connection, plans: list[TablePlan]) -> dict[str, int]:
    """The tables of the desk that hold rows, with their counts (tables missing count none)."""
    present = set(sa.inspect(connection).get_table_names())
    counts = {}
    for item in plans:
        if item.name not in present:
            continue
        count = connection.execute(sa.select(sa.func.count()).select_from(item.table)).scalar()
        if count:
            counts[item.name] = int(count)
    return counts
