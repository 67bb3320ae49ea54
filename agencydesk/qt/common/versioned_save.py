"""Saving a form's record with the version it showed (`core.versions`): a colleague's newer save
opens the conflict dialog, a deletion meanwhile is said (and a soft-deleted record can come back
with the changes), and on a team desk a save waits for a server that went away, in a worker,
while the window stays alive and the form keeps what was typed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import live, retry
from agencydesk.core.db import session_scope
from agencydesk.core.versions import DeletedMeanwhile, EditConflict
from agencydesk.qt.common import workers
from agencydesk.qt.common.conflict_dialog import ConflictDialog, Describe
from agencydesk.qt.common.dialogs import ask_yes_no, show_info

T = TypeVar("T")
# (session, values, seen version) → the saved record
Save = Callable[[Session, dict[str, Any], int | None], T]


class Outcome(StrEnum):
    SAVED = "saved"
    # the user took the colleague's version: nothing to save, the record is as stored
    THEIRS = "theirs"
    # the user went back to the form (Cancel in the conflict dialog)
    EDITING = "editing"
    # the record is gone and stays gone
    GONE = "gone"


def save_versioned(
    parent: QWidget,
    engine: Engine,
    save: Save[T],
    values: Mapping[str, Any],
    seen: int | None,
    *,
    labels: Mapping[str, str],
    describe: Describe | None = None,
    restore: Callable[[Session], None] | None = None,
    back_to_form: bool = True,
    in_worker: bool = False,
) -> tuple[Outcome, T | None]:
    """Save *values* over the record the form showed at version *seen*, asking the user what to
    do about a newer version or a deletion. *restore(session)* brings a soft-deleted record back
    (None: it cannot come back). *back_to_form* as in `ConflictDialog`, *in_worker* as in
    `save_waiting`. Errors other than those two reach the caller."""
    values = dict(values)
    restoring = False
    while True:
        version = None if restoring else seen

        def work(
            session: Session,
            values: dict[str, Any] = values,
            version: int | None = version,
            restoring: bool = restoring,
        ) -> T:
            if restoring and restore is not None:
                restore(session)
            return save(session, values, version)

        try:
            return Outcome.SAVED, save_waiting(parent, engine, work, in_worker=in_worker)
        except EditConflict as conflict:
            dialog = ConflictDialog(
                conflict, labels, describe or _plain, parent, back_to_form=back_to_form
            )
            if not dialog.exec():
                return Outcome.EDITING, None
            if dialog.choice == ConflictDialog.THEIRS:
                return Outcome.THEIRS, None
            values = {**values, **dialog.values()}
            seen = conflict.version
        except DeletedMeanwhile as gone:
            if gone.restorable and restore is not None:
                if ask_yes_no(
                    parent,
                    QCoreApplication.translate("VersionedSave", "Deleted meanwhile"),
                    QCoreApplication.translate(
                        "VersionedSave",
                        "Someone else deleted this while you were editing it. Restore it with "
                        "your changes?",
                    ),
                    default_yes=True,
                ):
                    restoring = True
                    continue
                return Outcome.GONE, None
            show_info(
                parent,
                QCoreApplication.translate("VersionedSave", "Deleted meanwhile"),
                QCoreApplication.translate(
                    "VersionedSave",
                    "Someone else deleted this while you were editing it, so it cannot be saved.",
                ),
            )
            return Outcome.GONE, None


def save_edited_record(
    form: QDialog,
    engine: Engine,
    save: Save[int],
    values: Mapping[str, Any],
    seen: int | None,
    record_id: int | None,
    *,
    labels: Mapping[str, str],
    describe: Describe | None = None,
    restore: Callable[[Session], None] | None = None,
    in_worker: bool = False,
) -> int | None:
    """What a record's form does on Save: the id of the record as saved, or None when the form
    stays open (back to editing) or has been closed (the record is gone).

    A new record (*record_id* None) is saved at once in one unit of work: there is no version
    to compare. An edited one goes through `save_versioned` (*record_id* is its id when the user
    took the colleague's version). One place for both, so that the client, guide and order
    forms need no branch of their own."""
    if record_id is None:
        with session_scope(engine) as session:
            return save(session, dict(values), None)
    outcome, saved = save_versioned(
        form,
        engine,
        save,
        values,
        seen,
        labels=labels,
        describe=describe,
        restore=restore,
        in_worker=in_worker,
    )
    if outcome is Outcome.EDITING:
        return None
    if outcome is Outcome.GONE:
        form.reject()
        return None
    return record_id if saved is None else saved


def _plain(_field: str, value: Any) -> str:
    return "" if value is None else str(value)


def save_waiting(
    parent: QWidget, engine: Engine, work: Callable[[Session], T], *, in_worker: bool = False
) -> T:
    """*work* in one unit of work. On a solo desk at once; on a team desk in a worker that tries
    again while the server is away, the window going on meanwhile (a small dialog says it waits,
    and Cancel stops waiting: nothing saved, the form keeps what was typed). *in_worker*: in a
    worker on a solo desk too (a save that writes the keyring, which may take a moment or ask
    for its own password)."""
    if not live.is_team(engine) and not in_worker:
        return retry.save_retrying(engine, work, patience_s=0)
    cancelled = threading.Event()
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    waiting = QProgressDialog(
        QCoreApplication.translate(
            "VersionedSave",
            "The server does not answer. Saving again as soon as it is back; what you typed "
            "is kept.",
        ),
        QCoreApplication.translate("VersionedSave", "Stop waiting"),
        0,
        0,
        parent,
    )
    waiting.setWindowTitle(QCoreApplication.translate("VersionedSave", "Saving…"))
    waiting.setWindowModality(Qt.WindowModality.WindowModal)
    waiting.setMinimumDuration(0)
    waiting.canceled.connect(cancelled.set)
    waiting.reset()  # shown only once a try failed

    def done(value: Any) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(exc: BaseException, _details: str) -> None:
        outcome["error"] = exc
        loop.quit()

    def tried_and_failed(_what: object) -> None:
        if not waiting.isVisible():
            waiting.setRange(0, 0)
            waiting.show()

    workers.run_task(
        lambda: retry.save_retrying(
            engine, work, waiting=lambda exc: workers.report_progress(exc), cancelled=cancelled
        ),
        done,
        failed,
        on_progress=tried_and_failed,
    )
    if not outcome:  # the task may have finished already (inline in tests)
        loop.exec()
    waiting.close()
    waiting.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
