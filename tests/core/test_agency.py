"""The agency profile: saved in the database, checked, the logo by its first bytes."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import agency
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.db import session_scope
from agencydesk.core.errors import ValidationError


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def _save(engine: Engine, profile: AgencyProfile) -> AgencyProfile:
    with session_scope(engine) as session:
        return agency.save_agency_profile(session=session, profile=profile)


def _load(engine: Engine) -> AgencyProfile:
    with Session(engine) as session:
        return agency.get_agency_profile(session=session)


def test_a_new_desk_has_an_empty_profile(engine: Engine) -> None:
    profile = _load(engine)
    assert profile == AgencyProfile()
    assert profile.is_empty


def test_the_profile_is_saved_tidied_and_read_back(engine: Engine) -> None:
    saved = _save(
        engine,
        AgencyProfile(
            name="  Budi   Web Studio ",
            address="Jl. Pettarani No. 12\n\n  Makassar  90222 ",
            phone="+62 811 4000 1234",
            email="halo@budiweb.id",
            website="budiweb.id",
            logo=PNG,
        ),
    )
    assert saved.name == "Budi Web Studio"
    assert saved.address == "Jl. Pettarani No. 12\nMakassar 90222"
    loaded = _load(engine)
    assert loaded == saved
    assert loaded.logo == PNG
    assert loaded.logo_type == "image/png"
    assert loaded.contact_lines() == [
        "Jl. Pettarani No. 12\nMakassar 90222",
        "+62 811 4000 1234 · halo@budiweb.id · budiweb.id",
    ]
    # saving again replaces; no logo removes it
    _save(engine, AgencyProfile(name="Budi Web"))
    assert _load(engine) == AgencyProfile(name="Budi Web")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (SVG, "image/svg+xml"),
        (b"\xef\xbb\xbf<svg xmlns='http://www.w3.org/2000/svg'></svg>", "image/svg+xml"),
        (b"GIF89a" + b"\x00" * 20, None),
        (b"<html><body>not a logo</body></html>", None),
        (b"%PDF-1.4", None),
        (b"", None),
    ],
)
def test_logo_types_are_told_by_their_first_bytes(data: bytes, kind: str | None) -> None:
    assert agency.sniff_logo_type(data) == kind


@pytest.mark.parametrize(
    ("profile", "field", "code"),
    [
        (AgencyProfile(email="halo at budiweb"), "email", "email_invalid"),
        (AgencyProfile(phone="call me"), "phone", "phone_invalid"),
        (AgencyProfile(website="not a site"), "website", "website_invalid"),
        (AgencyProfile(name="x" * 121), "name", "too_long"),
        (AgencyProfile(logo=b"GIF89a" + b"\x00" * 20), "logo", "logo_type"),
        (AgencyProfile(logo=PNG + b"\x00" * agency.MAX_LOGO_BYTES), "logo", "logo_too_big"),
    ],
)
def test_mistakes_are_refused_field_by_field(
    engine: Engine, profile: AgencyProfile, field: str, code: str
) -> None:
    _save(engine, AgencyProfile(name="Before"))
    with pytest.raises(ValidationError) as raised:
        _save(engine, profile)
    assert raised.value.errors == {field: code}
    assert _load(engine) == AgencyProfile(name="Before")  # nothing half-saved


def _version(engine: Engine) -> int:
    with Session(engine) as session:
        return agency.profile_version(session=session)


def test_each_save_raises_the_profile_version_and_a_newer_one_is_a_conflict(
    engine: Engine,
) -> None:
    from agencydesk.core.versions import EditConflict

    assert _version(engine) == 0
    _save(engine, AgencyProfile(name="Budi Web"))
    seen = _version(engine)
    _save(engine, AgencyProfile(name="Budi Web", phone="+62 812 3456 7890"))  # a colleague
    assert _version(engine) > seen
    with pytest.raises(EditConflict) as caught, session_scope(engine) as session:
        agency.save_agency_profile(
            session=session, profile=AgencyProfile(name="Budi Web Studio"), seen_version=seen
        )
    assert caught.value.fields == ["name", "phone"]
    assert _load(engine).name == "Budi Web"  # nothing overwritten
    with session_scope(engine) as session:  # the same values as stored: no conflict
        profile = AgencyProfile(name="Budi Web", phone="+62 812 3456 7890")
        agency.save_agency_profile(session=session, profile=profile, seen_version=seen)
