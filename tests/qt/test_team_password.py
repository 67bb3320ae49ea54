"""A team server that asks for passwords (scram-sha-256), as a real one does: the test server in
$AGENCYDESK_TEST_PG trusts every local connection, so this module starts its own small
PostgreSQL cluster with password authentication (initdb + pg_ctl from the installed server; a
second or two), used by all its tests and stopped after them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer

from agencydesk.core import migrate
from agencydesk.core.errors import user_error_for
from agencydesk.core.server_address import SERVICE, parse
from agencydesk.core.server_init import prepare_server
from agencydesk.qt.common import workers
from agencydesk.qt.shell.app import team_desk_path
from agencydesk.qt.shell.connect_dialog import ConnectDialog
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.qt.shell.settings import Settings

ADMIN_PASSWORD = "admin-Pw-1"
DESK_PASSWORD = "desk-Pw-2"


def _bin_dir() -> Path | None:
    found = shutil.which("pg_config")
    if found:
        done = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        folder = Path(done.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root: there, as the postgres user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="module")
def scram_server() -> Iterator[tuple[str, int]]:
    """(host, port) of a PostgreSQL cluster that asks for passwords; user postgres's is
    ADMIN_PASSWORD; the database agency is prepared with `server init` (desk role's password
    DESK_PASSWORD)."""
    if not os.environ.get("AGENCYDESK_TEST_PG"):
        pytest.skip("PostgreSQL tests need AGENCYDESK_TEST_PG (see tests/conftest.py)")
    bin_dir = _bin_dir()
    if bin_dir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("no PostgreSQL server programs (initdb) here to start a password cluster")
    # not under pytest's folder: as root that is closed to the postgres user
    folder = Path(tempfile.mkdtemp(prefix="agencydesk-scram-"))
    folder.chmod(0o777)
    (folder / "pw").write_text(ADMIN_PASSWORD + "\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres"]
    initdb += ["-A", "scram-sha-256", "--pwfile", str(folder / "pw")]
    subprocess.run(_as_owner(initdb), check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "start"]
    start += ["-l", str(folder / "log")]
    subprocess.run(_as_owner(start), check=True, capture_output=True)
    admin = f"postgresql+psycopg://postgres:{ADMIN_PASSWORD}@127.0.0.1:{port}/postgres"
    try:
        import sqlalchemy as sa

        engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE DATABASE agency")
        engine.dispose()
        prepare_server(admin.rsplit("/", 1)[0] + "/agency", role_password=DESK_PASSWORD)
        yield "127.0.0.1", port
    finally:
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _desk_url(server: tuple[str, int], password: str | None = None) -> str:
    secret = f":{password}" if password else ""
    return f"postgresql+psycopg://agencydesk_desk{secret}@{server[0]}:{server[1]}/agency"


def test_the_desks_role_logs_in_with_the_password_server_init_set(
    scram_server: tuple[str, int], memory_keyring: MemoryKeyring
) -> None:
    """`server init` sent the server only a SCRAM verifier made here; the password works."""
    migrate.open_database(_desk_url(scram_server, DESK_PASSWORD)).dispose()
    with pytest.raises(Exception) as refused:  # noqa: PT011 (what it is is checked below)
        migrate.open_database(_desk_url(scram_server, "not-it"))
    explained = user_error_for(refused.value)
    assert explained is not None
    assert str(explained).startswith(
        f"The server 127.0.0.1:{scram_server[1]} refused the password of agencydesk_desk. "
    )
    with pytest.raises(Exception) as missing:  # noqa: PT011
        migrate.open_database(_desk_url(scram_server))  # nothing kept in the keyring
    assert "asks for a password and none is kept" in str(user_error_for(missing.value))


def test_a_team_desk_without_a_kept_password_asks_for_it_and_keeps_it(
    qtbot: QtBot,
    scram_server: tuple[str, int],
    memory_keyring: MemoryKeyring,
    settings: Settings,
    dialogs: DialogAnswerer,
) -> None:
    url = parse(_desk_url(scram_server))[0].url()
    window = MainWindow(settings, team_desk_path(url), server_url=url)
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = []

    def type_password(widget: QWidget) -> None:
        assert isinstance(widget, ConnectDialog)
        problems.append(widget.problem.text())
        assert widget.database.text() == "agency"
        qtbot.keyClicks(widget.password, DESK_PASSWORD)
        qtbot.mouseClick(widget.connect_button, Qt.MouseButton.LeftButton)

    dialogs.then(type_password)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database()
    assert problems == [
        f"The server 127.0.0.1:{scram_server[1]} asks for a password. Type it here: it is then "
        "kept in your keyring."
    ]
    key = f"agencydesk_desk@127.0.0.1:{scram_server[1]}"
    assert memory_keyring.entries[(SERVICE, key)] == DESK_PASSWORD
    assert window.count_label.text() == "0 clients"
    window.close()
    workers.wait_for_tasks()
