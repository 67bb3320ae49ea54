"""Who this desk is, and who else works on it: the one place pages ask about people.

A solo desk has no people (one implicit user) and every page looks as it always has. On a desk
with more than one person, the pages show who did what (an initials chip in the person's
colour), "Mine / Everyone's" filters and the ticket's assignee. `people_of(engine)` gives a page
its desk's `DeskPeople` (None: nothing was registered, a solo desk); it follows the person table
through the change bus.
"""

from __future__ import annotations

import html
import logging
import weakref

from PySide6.QtCore import QObject, Signal, Slot
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import people
from agencydesk.core.authorship import act_as
from agencydesk.core.changes import ChangeSet, Topic
from agencydesk.core.people import PersonRow
from agencydesk.qt.common import workers
from agencydesk.qt.common.databus import bus
from agencydesk.qt.common.presence import PresenceBeacon

log = logging.getLogger(__name__)


def _read_people(engine: Engine) -> list[PersonRow]:
    with Session(engine) as session:
        return people.list_people(session=session)


class DeskPeople(QObject):
    # the people of the desk, or who this desk is, changed
    changed = Signal()

    def __init__(self, engine: Engine, *, team: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        # a team desk (a server database): presence, and the person chosen on connecting
        self.team = team
        self.me: int | None = None
        self.people: dict[int, PersonRow] = {}
        # this desk's heartbeat and what the others have open (a team desk only)
        self.presence: PresenceBeacon | None = None
        if team:
            self.presence = PresenceBeacon(engine, lambda: self.me, parent=self)
        self.reload()
        bus().changed.connect(self._data_changed)

    def reload(self) -> None:
        self._show(_read_people(self._engine))

    def _show(self, rows: list[PersonRow]) -> None:
        self.people = {row.id: row for row in rows}
        self.changed.emit()

    @Slot(object)
    def _data_changed(self, change_set: ChangeSet) -> None:
        if not change_set.touches(Topic.PEOPLE):
            return
        engine = self._engine
        workers.run_task(
            lambda: _read_people(engine),
            self._show,
            lambda exc, _details: log.warning("Could not read the desk's people: %s", exc),
            owner=self,
            key="people",
        )

    def close(self) -> None:
        """The desk closes: no more reading (its database may be gone); the other desks see it
        leave."""
        bus().changed.disconnect(self._data_changed)
        if self.presence is not None:
            self.presence.close()

    def set_me(self, person_id: int | None) -> None:
        """This desk is *person_id* from now on: what it writes is recorded as theirs."""
        self.me = person_id
        act_as(self._engine, person_id)
        self.reload()
        if self.presence is not None:
            self.presence.beat()  # here at once, not only at the next beat

    @property
    def shows_people(self) -> bool:
        """More than one person: who did what, assignees and "Mine" are worth showing."""
        return len(self.people) > 1

    @property
    def has_mine(self) -> bool:
        return self.shows_people and self.me in self.people

    def person(self, person_id: int | None) -> PersonRow | None:
        return None if person_id is None else self.people.get(person_id)

    def me_row(self) -> PersonRow | None:
        return self.person(self.me)

    def chip(self, person_id: int | None) -> str:
        """The person's initials in their colour, as rich text ("" when nobody, or solo)."""
        person = self.person(person_id) if self.shows_people else None
        return "" if person is None else chip_html(person)


def chip_html(person: PersonRow) -> str:
    return (
        f'<span style="background-color:{html.escape(person.colour)}; color:#ffffff;'
        f' font-weight:bold">&nbsp;{html.escape(person.initials)}&nbsp;</span>'
    )


_by_engine: weakref.WeakKeyDictionary[Engine, DeskPeople] = weakref.WeakKeyDictionary()


def register(engine: Engine, desk_people: DeskPeople) -> None:
    _by_engine[engine] = desk_people


def people_of(engine: Engine) -> DeskPeople | None:
    return _by_engine.get(engine)


def forget(engine: Engine) -> None:
    desk_people = _by_engine.pop(engine, None)
    if desk_people is not None:
        act_as(engine, None)
        desk_people.close()
        desk_people.deleteLater()
