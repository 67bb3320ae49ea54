"""The people of a team desk: who they are (name, initials, a colour for their chip).

A solo desk has none: its one user is implicit and nothing asks about them. A desk that connects
to a team database chooses one (or adds one) on its first connect; `authorship` then records what
that person does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, func

from agencydesk.core.db import add_and_flush
from agencydesk.core.edits import one_line
from agencydesk.core.errors import ValidationError
from agencydesk.core.models import Person

#: chip colours, taken in turn: distinct from each other, white initials readable on each
PALETTE = (
    "#1f7a8c",
    "#b3261e",
    "#7e57c2",
    "#2e7d32",
    "#c2185b",
    "#8d6e00",
    "#455a64",
    "#6d4c41",
)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NAME_MAX = 80


@dataclass(frozen=True)
class PersonRow:
    """A person as the desk shows them (no ORM object: safe to hand between threads)."""

    id: int
    name: str
    initials: str
    colour: str


def initials_of(name: str) -> str:
    """ "SW" for "Sari Wulandari", "BU" for "Budi": the first letters of the first two words, or
    the first two letters of a single word."""
    words = [word for word in re.split(r"[\s.\-_]+", name) if word]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[1][0]).upper()


def list_people(*, session: Session) -> list[PersonRow]:
    statement = sa.select(
        col(Person.id), col(Person.name), col(Person.initials), col(Person.colour)
    ).order_by(func.lower(Person.name), col(Person.id))
    return [PersonRow(*row) for row in session.execute(statement).all()]


def count_people(*, session: Session) -> int:
    return int(session.execute(sa.select(func.count()).select_from(Person)).scalar_one())


def get_person(*, session: Session, person_id: int) -> PersonRow | None:
    person = session.get(Person, person_id)
    if person is None or person.id is None:
        return None
    return PersonRow(person.id, person.name, person.initials, person.colour)


def add_person(*, session: Session, name: str, initials: str = "", colour: str = "") -> PersonRow:
    """A new person. Their initials and colour are made up when not given; a name already on the
    desk is refused (choose that person instead)."""
    name = one_line(name or "")
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "name_required"
    elif len(name) > NAME_MAX:
        errors["name"] = "too_long"
    else:
        taken = session.execute(
            sa.select(col(Person.id)).where(func.lower(Person.name) == name.casefold())
        ).first()
        if taken is not None:
            errors["name"] = "name_taken"
    initials = "".join(initials.split()).upper()[:3] or initials_of(name)
    if colour and not _COLOUR.fullmatch(colour):
        errors["colour"] = "colour_unknown"
    if errors:
        raise ValidationError(errors)
    colour = colour or PALETTE[count_people(session=session) % len(PALETTE)]
    person = add_and_flush(session, Person(name=name, initials=initials, colour=colour.lower()))
    assert person.id is not None
    return PersonRow(person.id, person.name, person.initials, person.colour)
