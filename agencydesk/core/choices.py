"""Small value sets the tables use, importable without SQLAlchemy (the start-up list needs them)."""

from __future__ import annotations

import enum


class Channel(enum.StrEnum):
    """How a client prefers to be reached."""

    WHATSAPP = "whatsapp"
    PHONE = "phone"
    EMAIL = "email"
    TELEGRAM = "telegram"
    LINE = "line"
    IN_PERSON = "in_person"
    OTHER = "other"


TECH_COMFORT_MIN = 1
TECH_COMFORT_MAX = 5
