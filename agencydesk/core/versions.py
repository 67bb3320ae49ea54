"""No lost edits: a record is saved over only the version its editor saw.

Every record people edit has a `version` (`models.Versioned`). A form keeps the version it
showed and passes it as *seen* when it saves. When another desk (or another window) saved the
record meanwhile, the save raises `EditConflict` with, field by field, what this desk typed
(mine) and what is stored now (theirs), plus the stored version to save over if the user keeps
hers. A record deleted meanwhile raises `DeletedMeanwhile`. Appends (messages, notes, time,
guide sends) have no version: they never conflict.

Between reading and writing inside one save the ORM checks the version too (`version_id_col`):
a save that loses that race fails with `StaleDataError`; `is_stale` tells it, and saving again
then raises the `EditConflict` with the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy.orm.exc import StaleDataError

from agencydesk.core.errors import UserError


class HasVersion(Protocol):
    version: int


class EditConflict(UserError):  # noqa: N818 (the name says it)
    """Someone saved the record after this desk read it, and their values differ from mine."""

    def __init__(
        self,
        what: str,
        row_id: int,
        *,
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any],
        version: int,
    ) -> None:
        super().__init__(
            f"Someone else saved this {what} while you were editing it: choose, field by field, "
            "what to keep."
        )
        self.what = what
        self.row_id = row_id
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        #: the stored version now: saving with it as *seen* keeps what the user chose
        self.version = version

    @property
    def fields(self) -> list[str]:
        """The fields where mine and theirs differ, in the order of mine."""
        return [name for name in self.mine if self.mine[name] != self.theirs.get(name)]


class DeletedMeanwhile(UserError):  # noqa: N818 (the name says it)
    """The record was deleted (on another desk, say) while this one edited it."""

    def __init__(self, what: str, row_id: int, *, restorable: bool) -> None:
        super().__init__(f"Someone else deleted this {what} while you were editing it.")
        self.what = what
        self.row_id = row_id
        #: soft-deleted (a client, a guide): it can be brought back and saved
        self.restorable = restorable


def check_seen(
    row: HasVersion,
    seen: int | None,
    mine: Mapping[str, Any],
    *,
    what: str,
    row_id: int,
    shown: Mapping[str, Any] | None = None,
) -> None:
    """Raise `EditConflict` when *row* was saved after version *seen* and differs from *mine*
    (cleaned values, as they would be stored). Nothing to check when *seen* is None (a caller
    that edits what it just read, in one transaction), nor when the stored values already are
    mine (an earlier try of this very save that committed before its connection dropped).

    *shown*: what the editor showed of mine's fields at version *seen*, for a save of only the
    fields the user changed (the ticket view's status, priority, …). Then a field is in conflict
    only when it changed on both sides: stored now differs from shown (the other desk changed
    it) and from mine. A field the other desk left alone takes mine without asking, and what the
    other desk changed in fields not in mine stays as stored: both edits are kept."""
    if seen is None or row.version == seen:
        return
    theirs = {name: getattr(row, name) for name in mine}
    if shown is not None:
        clashing = [
            name
            for name in mine
            if (name not in shown or theirs[name] != shown[name]) and theirs[name] != mine[name]
        ]
        mine = {name: mine[name] for name in clashing}
        theirs = {name: theirs[name] for name in clashing}
    if theirs == dict(mine):
        return
    raise EditConflict(what, row_id, mine=mine, theirs=theirs, version=row.version)


def is_stale(exc: BaseException) -> bool:
    """True for the ORM's "the row changed under this save" (see the module's docstring)."""
    return isinstance(exc, StaleDataError)


def require_present(row: Any, *, what: str, row_id: int) -> None:
    """Raise `DeletedMeanwhile` when the record being saved is gone (None) or soft-deleted."""
    if row is None:
        raise DeletedMeanwhile(what, row_id, restorable=False)
    if getattr(row, "deleted_at", None) is not None:
        raise DeletedMeanwhile(what, row_id, restorable=True)
