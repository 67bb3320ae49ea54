"""A detail pane (a client, a ticket, a guide) reads what it shows in a worker: on a team server a
network away each read is several round trips (0.2-0.6 s at 40 ms each) that the window would
otherwise stand still for, on every row chosen.

`read_for_pane` is the one way the panes do it: the pane shows what it showed until the read is
done (never the "Choose a … on the left" sentence, which would contradict the choice), the latest
read wins, and a read that fails is said as any error is. `read_then_show` is the same for any
widget that reads what it shows (a client's tab, a dialog's choices, earlier lines).
`read_for_desk` reads at once on a solo desk and in a worker only on a team desk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from sqlalchemy.engine import Engine

from agencydesk.core import live
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialogs import report_exception

T = TypeVar("T")


def read_for_pane(
    pane: QWidget,
    detail: QWidget,
    empty: QLabel,
    read: Callable[[], T],
    show: Callable[[T], None],
    *,
    failed: Callable[[], None] | None = None,
) -> None:
    """Run *read* in a worker, then *show* its result on the GUI thread, unless *pane* asked
    for another read meanwhile or is gone. *detail* and *empty* are the pane's record and its
    empty-state sentence; *failed* undoes what the pane did before reading (then the error is
    shown)."""
    if detail.isHidden():
        empty.hide()

    read_then_show(pane, read, show, key="detail", failed=failed)


def read_then_show(
    owner: QWidget,
    read: Callable[[], T],
    show: Callable[[T], None],
    *,
    key: str,
    failed: Callable[[], None] | None = None,
) -> None:
    """Run *read* in a worker, then *show* its result on the GUI thread, unless *owner* asked
    for another read of *key* meanwhile or is gone. A read that fails is said as any error is
    (after *failed*, if given)."""

    def not_read(exc: BaseException, details: str) -> None:
        if failed is not None:
            failed()
        report_exception(owner, exc, details)

    workers.run_task(read, show, not_read, owner=owner, key=key)


def read_for_desk(
    engine: Engine,
    owner: QWidget,
    read: Callable[[], T],
    show: Callable[[T], None],
    *,
    key: str,
    waiting: Sequence[QWidget] = (),
) -> None:
    """*read*, then *show*: at once on a solo desk (a few milliseconds, which in a worker would
    only make *owner* flash), in a worker on a team desk (`read_then_show`: round trips to a
    server a network away), *waiting* greyed until then. For what a dialog reads when it
    opens or is asked to (the trash, the saved replies, a client's tickets to choose from)."""
    if not live.is_team(engine):
        show(read())
        return
    # a default button greyed when its dialog is shown stops being the default (Cancel is,
    # and Enter cancelled the report instead of saving it): made the default again after
    defaults = [w for w in waiting if isinstance(w, QPushButton) and w.isDefault()]
    for widget in waiting:
        widget.setEnabled(False)

    def shown(result: T) -> None:
        for widget in waiting:
            widget.setEnabled(True)
        for button in defaults:
            button.setDefault(True)
        show(result)

    read_then_show(owner, read, shown, key=key)
