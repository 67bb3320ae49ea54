"""Test setup: Qt offscreen, every user folder in a temporary place, real SQLite files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no screen needed, and never the developer's own folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="agencydesk-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
# An English system whatever the developer's own: the desk speaks the system's language and
# writes numbers its way, and with LANG=id_ID.UTF-8 (a developer in Jakarta) 15 tests that
# read English words and "1.50" failed. Tests of Indonesian install it themselves.
for _name in [name for name in os.environ if name.startswith("LC_")] + ["LANGUAGE"]:
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"  # English, and on every machine (en_US may not be installed)
# Never the developer's own keyring: no backend unless a test installs the in-memory one.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from keyring_memory import MemoryKeyring  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from agencydesk.core import migrate  # noqa: E402
from agencydesk.core.db import session_scope, sqlite_url  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk" / "agencydesk.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to head once per test process (pytest-xdist runs one a core):
    migrating takes a third of a second, copying the file a millisecond."""
    path = tmp_path_factory.mktemp("template") / "agencydesk.sqlite3"
    migrate.open_database(sqlite_url(path)).dispose()
    with sqlite3.connect(path) as connection:  # everything in the main file, none in the WAL
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def engine(db_path: Path, migrated_template: Path) -> Iterator[Engine]:
    """A fresh database file, migrated to head (a copy of `migrated_template`)."""
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copy2(migrated_template, db_path)  # private (0600) as the app makes it
    engine = migrate.open_database(sqlite_url(db_path))
    yield engine
    engine.dispose()


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    from agencydesk.core import demo

    with session_scope(engine) as session:
        demo.load_demo(session=session)
    return engine


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring (tests/keyring_memory.py) for one test; the previous one after."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable keyring (keyring's own `fail` backend), as on a headless Linux."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# -- PostgreSQL (the team desk) -------------------------------------------------------------------
PG_ENV = "AGENCYDESK_TEST_PG"
PG_SKIP = (
    f"PostgreSQL tests need a server: set {PG_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/"
    "postgres (.ci/run does)"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database on the server in $AGENCYDESK_TEST_PG,
    dropped after the test."""
    import uuid

    import sqlalchemy as sa

    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(PG_SKIP)
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"agencydesk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The name of a PostgreSQL database migrated to head once per test process: migrating
    takes seconds on the server, copying a database as a template a tenth of that."""
    import uuid

    import sqlalchemy as sa

    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(PG_SKIP)
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"agencydesk_template_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        migrate.open_database(url).dispose()  # a template may have no one connected
        yield name
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


_RESET = """  -- %% as the driver passes it through its placeholders
DO $$
DECLARE name text;
BEGIN
    SET LOCAL session_replication_role = replica;  -- no triggers, no foreign-key checks
    FOR name IN SELECT tablename FROM pg_tables
                WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
        EXECUTE format('DELETE FROM public.%%I', name);
    END LOOP;
    FOR name IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER SEQUENCE public.%%I RESTART', name);
    END LOOP;
END $$;
"""


@pytest.fixture(scope="session")
def pg_databases(pg_template: str) -> Iterator[Callable[[str | None], str]]:
    """take(None) → the name of a database migrated to head with no rows; take(name) gives it
    back. A database given back is emptied (rows deleted, sequences restarted) and handed out
    again: creating one from the template and dropping it costs seconds a test on a busy disk
    (DROP DATABASE waits for a checkpoint), deleting a test's few rows milliseconds."""
    import uuid

    import sqlalchemy as sa

    admin = sa.create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    free: list[str] = []
    made: list[str] = []

    def take(given_back: str | None) -> str:
        if given_back is not None:
            with admin.connect() as connection:
                connection.exec_driver_sql(  # what a test left open must not hold a lock
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    f" WHERE datname = '{given_back}' AND pid <> pg_backend_pid()"
                )
            reset = sa.create_engine(admin.url.set(database=given_back), poolclass=sa.NullPool)
            with reset.begin() as connection:
                connection.exec_driver_sql(_RESET)
                # a test may have written a newer schema's number to see it refused
                connection.exec_driver_sql("DELETE FROM alembic_version")
                connection.execute(
                    sa.text("INSERT INTO alembic_version VALUES (:head)"),
                    {"head": migrate.head_revision()},
                )
            reset.dispose()
            free.append(given_back)
            return given_back
        if free:
            return free.pop()
        name = f"agencydesk_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
        made.append(name)
        return name

    yield take
    with admin.connect() as connection:
        for name in made:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def pg_migrated_url(pg_databases: Callable[[str | None], str]) -> Iterator[str]:
    """The URL of a PostgreSQL database migrated to head with no rows in it (from the
    `pg_databases` pool), emptied again after the test."""
    import sqlalchemy as sa

    name = pg_databases(None)
    yield sa.make_url(os.environ[PG_ENV]).set(database=name).render_as_string(hide_password=False)
    pg_databases(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_engine(
    request: pytest.FixtureRequest, db_path: Path, migrated_template: Path
) -> Iterator[Engine]:
    """A fresh database migrated to head, on each engine the desk runs on (a copy of the
    engine's migrated template)."""
    if request.param == "sqlite":
        db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copy2(migrated_template, db_path)
        url = sqlite_url(db_path)
    else:
        url = request.getfixturevalue("pg_migrated_url")
    engine = migrate.open_database(url)
    yield engine
    engine.dispose()


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """mount(size) → a fresh tmpfs of that size; unmounted after the test."""
    mounted: list[Path] = []

    def make(size: str) -> Path:
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        if sys.platform != "linux" or os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root on Linux")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)
