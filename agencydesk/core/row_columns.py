"""The columns a list selects for its row type: one per field of the row's dataclass, in order;
and a record's plain copy (`snapshot`) as one of those dataclasses."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import col

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

RowT = TypeVar("RowT")


def row_columns(row_type: type[DataclassInstance], model: type[Any], **others: Any) -> list[Any]:
    """What to select so that ``row_type(*row)`` fills each field of *row_type* from its own
    column: *model*'s column of the field's name, or the one *others* gives for that field (a
    joined table's, say). The select list and the row cannot drift apart."""
    names = [field.name for field in fields(row_type)]
    unknown = set(others) - set(names)
    if unknown:
        raise TypeError(f"not {row_type.__name__} fields: {sorted(unknown)}")
    return [others[name] if name in others else col(getattr(model, name)) for name in names]


def snapshot(row_type: type[RowT], record: Any, **others: Any) -> RowT:
    """A *row_type* (a dataclass of plain values, to hand to another thread) filled from
    *record*'s attributes of the same names, or from *others* for the fields it names."""
    names = [field.name for field in fields(row_type)]  # type: ignore[arg-type]
    unknown = set(others) - set(names)
    if unknown:
        raise TypeError(f"not {row_type.__name__} fields: {sorted(unknown)}")
    return row_type(
        **{name: others[name] if name in others else getattr(record, name) for name in names}
    )
