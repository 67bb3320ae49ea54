from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from agencydesk.core import backup, migrate
from agencydesk.core.db import make_engine, session_scope, sqlite_url
from agencydesk.core.errors import UserError
from agencydesk.migrations import fts_v1


def test_a_new_database_is_migrated_to_head_without_a_backup(db_path: Path) -> None:
    made = migrate.upgrade(sqlite_url(db_path))
    assert made is None
    engine = make_engine(sqlite_url(db_path))
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert "client" in inspect(engine).get_table_names()
    assert backup.list_backups(db_path) == []
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_code_uses(engine: Engine) -> None:
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes; the migration creates them by hand.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(connection, opts={"include_name": fts_v1.include_name})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def _migrations_with_extra_step(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9999_extra.py").write_text(
        f'''"""extra step for a test"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''
    )
    return scripts


def _add_client(engine: Engine, name: str) -> None:
    from agencydesk.core import clients

    with session_scope(engine) as session:
        clients.create_client(session=session, values={"name": name})


def test_a_failing_migration_rolls_back_completely(tmp_path: Path, engine: Engine) -> None:
    _add_client(engine, "Ibu Ratna")
    scripts = _migrations_with_extra_step(
        tmp_path,
        "    op.create_table('scratch', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.execute(\"UPDATE client SET name = 'changed'\")\n"
        "    raise RuntimeError('migration failed halfway')",
    )
    url = str(engine.url)
    engine.dispose()
    with pytest.raises(UserError, match="left exactly as it was") as failed:
        migrate.upgrade(url, script_location=scripts)
    assert isinstance(failed.value.__cause__, RuntimeError)
    assert "halfway" in str(failed.value.__cause__)
    check = make_engine(url)
    assert migrate.current_revision(check) == migrate.head_revision()
    assert "scratch" not in inspect(check).get_table_names()
    with check.connect() as connection:
        assert connection.execute(text("SELECT name FROM client")).scalar() == "Ibu Ratna"
    check.dispose()


def test_a_database_with_data_is_backed_up_before_an_upgrade(
    tmp_path: Path, db_path: Path, engine: Engine
) -> None:
    _add_client(engine, "Ibu Ratna")
    scripts = _migrations_with_extra_step(
        tmp_path, "    op.add_column('client', sa.Column('nickname', sa.String(), nullable=True))"
    )
    url = str(engine.url)
    engine.dispose()
    made = migrate.upgrade(url, script_location=scripts)
    assert made is not None
    assert made.name.endswith("before-upgrade.sqlite3")
    copy = sqlite3.connect(made)
    try:
        assert copy.execute("SELECT name FROM client").fetchall() == [("Ibu Ratna",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    finally:
        copy.close()
    upgraded = make_engine(url)
    assert "nickname" in {c["name"] for c in inspect(upgraded).get_columns("client")}
    upgraded.dispose()


def test_a_database_from_a_newer_agencydesk_is_refused_untouched(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    url = str(engine.url)
    engine.dispose()
    with pytest.raises(UserError, match="newer version of agencydesk"):
        migrate.upgrade(url)


def test_search_index_triggers_exist_at_head(engine: Engine) -> None:
    """A batch table rebuild drops triggers silently; every FTS table must still be in sync."""
    with engine.connect() as connection:
        triggers = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type='trigger'")
            )
        }
        tables = set(inspect(connection).get_table_names())
    for fts, (base, _columns) in fts_v1.TABLES.items():
        assert fts in tables
        assert set(fts_v1.trigger_names(base)) <= triggers, f"{base} lost its search triggers"


def test_the_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def _foreign_database(path: Path) -> bytes:
    """Another program's SQLite file (a photo catalogue); returns its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT)")
        connection.execute("INSERT INTO photo (file) VALUES ('bali.jpg')")
    connection.close()
    return path.read_bytes()


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    """It used to get agencydesk's tables added (and `demo` filled it)."""
    other = tmp_path / "photos.db"
    before = _foreign_database(other)
    with pytest.raises(UserError, match=r"photos\.db.*not an agencydesk database"):
        migrate.open_database(sqlite_url(other))
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Beli kopi, telepon Bu Ratna\n" * 100, encoding="utf-8")
    with pytest.raises(UserError, match=r"notes\.txt.*not an agencydesk database"):
        migrate.open_database(sqlite_url(notes))
    assert notes.read_text(encoding="utf-8") == "Beli kopi, telepon Bu Ratna\n" * 100


@pytest.mark.parametrize("empty", ["zero bytes", "no tables"])
def test_an_empty_file_becomes_a_new_database(tmp_path: Path, empty: str) -> None:
    path = tmp_path / "new.sqlite3"
    path.touch()
    if empty == "no tables":
        sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    engine = migrate.open_database(sqlite_url(path))
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_a_server_database_of_another_program_is_left_as_it_is(pg_url: str) -> None:
    """Any command, a search too, made agencydesk's tables in it (the server's own "postgres"
    database included); an empty database still becomes a desk."""
    import sqlalchemy as sa

    admin = sa.create_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"))
    with pytest.raises(UserError, match=r"not an agencydesk desk: .*another program's tables"):
        migrate.open_database(pg_url)
    with admin.connect() as connection:
        tables = inspect(connection).get_table_names()
    assert tables == ["invoices"]
    with admin.begin() as connection:
        connection.execute(text("DROP TABLE invoices"))
    admin.dispose()
    desk = migrate.open_database(pg_url)  # empty now: it becomes a desk
    try:
        assert migrate.current_revision(desk) == migrate.HEAD_REVISION
    finally:
        desk.dispose()
