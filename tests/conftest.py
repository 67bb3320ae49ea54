"""Test setup: Qt offscreen, every user folder in a temporary place, real SQLite files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
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


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """A fresh database file, migrated to head."""
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
