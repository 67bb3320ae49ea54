"""The columns a list selects for its row type: one per field of the row's dataclass, in order."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from sqlmodel import col

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def row_columns(row_type: type[DataclassInstance], model: type[Any], **others: Any) -> list[Any]:
    """What to select so that ``row_type(*row)`` fills each field of *row_type* from its own
    column: *model*'s column of the field's name, or the one *others* gives for that field (a
    joined table's, say). The select list and the row cannot drift apart."""
    names = [field.name for field in fields(row_type)]
    unknown = set(others) - set(names)
    if unknown:
        raise TypeError(f"not {row_type.__name__} fields: {sorted(unknown)}")
    return [others[name] if name in others else col(getattr(model, name)) for name in names]
