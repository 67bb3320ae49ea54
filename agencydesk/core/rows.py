"""Row types shared by the ORM services and the start-up quick path (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list: just what the list shows, no ORM object."""

    id: int
    name: str
    company: str
    city: str
    phone: str
    tech_comfort: int
    preferred_channel: str
    tags: str
