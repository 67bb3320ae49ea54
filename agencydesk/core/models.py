"""The database tables. SQLModel classes, portable SQL (SQLite now, PostgreSQL later)."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic batch migrations on SQLite can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timestamps are timezone-aware UTC (SQLModel stores them as UTC)."""
    return datetime.now(UTC)


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


class Client(SQLModel, table=True):
    """Someone the freelancer supports. Deleting is soft (`deleted_at`), so it can be undone."""

    __tablename__ = "client"
    __table_args__ = (
        sa.CheckConstraint(
            f"tech_comfort BETWEEN {TECH_COMFORT_MIN} AND {TECH_COMFORT_MAX}",
            name="tech_comfort_range",
        ),
        sa.Index("ix_client_name_lower", sa.func.lower(sa.column("name"))),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    company: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    city: str = Field(default="", max_length=120)
    tech_comfort: int = Field(default=3)
    preferred_channel: str = Field(default=Channel.WHATSAPP.value, max_length=20)
    tags: str = Field(default="", max_length=500)
    caution_note: str = Field(default="")
    notes: str = Field(default="")
    first_contact: date | None = Field(default=None)
    introduced_by_id: int | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("client.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = Field(default=None, index=True)
