"""The start-up quick path reads the first page of clients exactly as the ORM list does,
only from up-to-date databases, and without importing SQLAlchemy."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from agencydesk.core import clients, migrate
from agencydesk.core.choices import Channel
from agencydesk.core.db import session_scope
from agencydesk.core.quick_list import QuickPage, first_client_page
from agencydesk.core.rows import ClientRow


def _fill(engine: Engine, count: int = 320) -> None:
    """Mixed-case names (with ties), some soft-deleted: the cases ordering can get wrong."""
    rng = random.Random(7)
    firsts = ["ratna", "Ratna", "RATNA", "Budi", "budi", "Ayu", "ayu", "Zainal", "Éva", "_x"]
    rows = [
        {
            "id": number,
            "name": f"{rng.choice(firsts)} {rng.choice(['Wijaya', 'wijaya', 'Lim', ''])}".strip(),
            "company": rng.choice(["", "CV Maju", "Toko Bunda"]),
            "phone": rng.choice(["", "+62 812 1111 2222"]),
            "email": "",
            "city": rng.choice(["", "Bandung", "Denpasar, Bali"]),
            "tech_comfort": rng.randint(1, 5),
            "preferred_channel": rng.choice([channel.value for channel in Channel]),
            "tags": rng.choice(["", "VIP", "VIP, gentle"]),
            "caution_note": "",
            "notes": "",
            "created_at": datetime.now(UTC),
            "updated_at": datetime.now(UTC),
            "deleted_at": datetime.now(UTC) if rng.random() < 0.2 else None,
        }
        for number in range(1, count + 1)
    ]
    with session_scope(engine) as session:
        session.execute(sa.insert(SQLModel.metadata.tables["client"]), rows)


def test_the_first_page_is_what_list_clients_returns(engine: Engine, db_path: Path) -> None:
    _fill(engine)
    with Session(engine) as session:
        expected = clients.list_clients(session=session, limit=200)
        total = clients.count_clients(session=session)
    page = first_client_page(db_path)
    assert page == QuickPage(rows=expected, total=total)
    assert len(page.rows) == 200
    assert all(type(row) is ClientRow for row in page.rows)
    assert total < 320  # some were deleted and are left out


def test_a_shorter_list_and_an_empty_one(engine: Engine, db_path: Path) -> None:
    assert first_client_page(db_path) == QuickPage(rows=[], total=0)
    _fill(engine, count=12)
    with Session(engine) as session:
        expected = clients.list_clients(session=session, limit=5)
    page = first_client_page(db_path, limit=5)
    assert page is not None
    assert page.rows == expected


def test_only_up_to_date_databases_are_read(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    _fill(engine, count=3)
    engine.dispose()
    assert first_client_page(tmp_path / "missing.sqlite3") is None

    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE client (id INTEGER, name TEXT)")
    assert first_client_page(foreign) is None

    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("not a database")
    assert first_client_page(not_sqlite) is None

    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert first_client_page(db_path) is None
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (migrate.HEAD_REVISION,))
    assert first_client_page(db_path) is not None


def test_reading_leaves_the_file_as_it_was(engine: Engine, db_path: Path) -> None:
    _fill(engine, count=3)
    engine.dispose()
    before = db_path.read_bytes()
    assert first_client_page(db_path) is not None
    assert db_path.read_bytes() == before


def test_the_quick_path_imports_no_data_layer_and_no_qt() -> None:
    code = (
        "import sys, agencydesk.core.quick_list\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic', 'PySide6')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
