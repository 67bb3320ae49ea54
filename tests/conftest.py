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
os.environ.setdefault("LANG", "en_US.UTF-8")
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
    """A database file migrated to head once for the whole run: migrating takes a third of a
    second, copying the file a millisecond."""
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


@pytest.fixture(params=["sqlite", "postgresql"])
def any_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh database migrated to head, on each engine the desk runs on."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "desk" / "agencydesk.sqlite3")
    else:
        url = request.getfixturevalue("pg_url")
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
